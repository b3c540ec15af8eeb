#pragma once
// A workflow built in a test from the built-in nodes: add nodes, connect ports (a mistake
// in the test itself is fatal), and the failures of a run as one text for QVERIFY2.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"

#include <QStringList>

namespace sextant::testing {

struct GraphFlow {
    engine::GraphModel model { engine::BuiltinNodes::registry() };

    int add(const char *type, const QVariantMap &params = {})
    {
        engine::Result<int> r = model.addNode(QString::fromLatin1(type), {}, params);
        if (!r)
            qFatal("addNode %s: %s", type, qPrintable(r.error()));
        return r.value();
    }
    void connect(int from, int out, int to, int in)
    {
        engine::Status s = model.addConnection({ from, out, to, in });
        if (!s)
            qFatal("connect: %s", qPrintable(s.error()));
    }
};

// wine.csv -> Select Columns (target cultivar) -> LEARNER -> Tune Parameters, the table
// also into the Tune node; `tune` is its id. withView: a Metrics Table after it.
struct TuneFlow : GraphFlow {
    int tune = -1;

    TuneFlow(const char *learner, const QVariantMap &tuneParameters,
        const QVariantMap &learnerParameters = {}, bool withView = false)
    {
        const int file = add("data.file",
            { { QStringLiteral("path"),
                QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/wine.csv") } });
        const int select
            = add("data.select", { { QStringLiteral("target"), QStringLiteral("cultivar") } });
        const int learnerNode = add(learner, learnerParameters);
        tune = add("eval.tune", tuneParameters);
        connect(file, 0, select, 0);
        connect(select, 0, learnerNode, 0);
        connect(learnerNode, 0, tune, 0);
        connect(select, 0, tune, 1);
        if (withView)
            connect(tune, 1, add("view.metrics"), 0);
    }
};

// "node: message" per failed node, one per line.
inline QString failures(const engine::RunSummary &s)
{
    QStringList out;
    for (auto it = s.failureMessages.cbegin(); it != s.failureMessages.cend(); ++it)
        out << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    return out.join(QLatin1Char('\n'));
}

// Runs a Tune flow to its end and returns the Tune node's failure message (the other
// nodes' failures where it has none, or a note that the run succeeded), so a test of a
// refusal reads QVERIFY2(m.contains(...), qPrintable(m)).
inline QString tuneFailure(const TuneFlow &f)
{
    engine::Executor ex(f.model);
    const engine::RunSummary r = ex.runBlocking();
    if (r.ok())
        return QStringLiteral("(the run succeeded)");
    const QString message = r.failureMessages.value(f.tune);
    return message.isEmpty() ? failures(r) : message;
}

} // namespace sextant::testing
