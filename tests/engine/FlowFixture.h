#pragma once
// A workflow built in a test from the built-in nodes: add nodes, connect ports (a mistake
// in the test itself is fatal), the Tune and Cross-Validation flows on the wine example,
// the failures of a run as one text for QVERIFY2, and the refusals of run_on = slurm.
#include "cli/SlurmTrialRunner.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/RemoteTrials.h"

#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

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

// wine.csv -> Select Columns (target `target`) -> LEARNER -> Cross-Validation, the table
// also into the CV node; `select`, `learner` and `cv` are their ids.
struct CvFlow : GraphFlow {
    int select = -1;
    int learner = -1;
    int cv = -1;

    CvFlow(const char *learnerType, const QVariantMap &cvParameters,
        const QVariantMap &learnerParameters = {},
        const QString &target = QStringLiteral("cultivar"))
    {
        const int file = add("data.file",
            { { QStringLiteral("path"),
                QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/wine.csv") } });
        select = add("data.select", { { QStringLiteral("target"), target } });
        learner = add(learnerType, learnerParameters);
        cv = add("eval.cross_validation", cvParameters);
        connect(file, 0, select, 0);
        connect(select, 0, learner, 0);
        connect(learner, 0, cv, 0);
        connect(select, 0, cv, 1);
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

// Runs a flow to its end and returns node `node`'s failure message (the other nodes'
// failures where it has none, or a note that the run succeeded), so a test of a refusal
// reads QVERIFY2(m.contains(...), qPrintable(m)).
inline QString nodeFailure(GraphFlow &f, int node)
{
    engine::Executor ex(f.model);
    const engine::RunSummary r = ex.runBlocking();
    if (r.ok())
        return QStringLiteral("(the run succeeded)");
    const QString message = r.failureMessages.value(node);
    return message.isEmpty() ? failures(r) : message;
}

// The same for a Tune flow's Tune node.
inline QString tuneFailure(TuneFlow &&f)
{
    return nodeFailure(f, f.tune);
}

// The refusals every node with run_on = slurm gives before anything is submitted, each
// through `refusal(changes)`: the node's flow run with run_on = slurm and `changes` to its
// parameters, giving the node's failure (nodeFailure). With no trial runner registered;
// with the Slurm runner but no sbatch on PATH; and with a malformed time limit. Leaves the
// Slurm runner registered. Returns "" when each refusal said so, else what it said.
inline QString slurmRefusals(const std::function<QString(const QVariantMap &)> &refusal)
{
    QStringList wrong;
    const auto expect = [&](const QString &message, const QStringList &parts) {
        for (const QString &part : parts)
            if (!message.contains(part))
                wrong << QStringLiteral("expected '%1' in: %2").arg(part, message);
    };
    engine::RemoteTrialRunner::set(nullptr);
    expect(refusal({}), { QStringLiteral("no trial runner") });
    engine::RemoteTrialRunner::set(
        std::make_unique<cli::SlurmTrialRunner>(QStringLiteral(SEXTANT_EXECUTABLE)));
    const QByteArray path = qgetenv("PATH");
    {
        QTemporaryDir empty;
        qputenv("PATH", empty.path().toUtf8());
        const QString m = refusal({});
        qputenv("PATH", path);
        expect(m,
            { QStringLiteral("Slurm is not available"), QStringLiteral("sbatch is not on PATH") });
    }
    expect(refusal({ { QStringLiteral("time"), QStringLiteral("an hour") } }),
        { QStringLiteral("time an hour"), QStringLiteral("HH:MM:SS") });
    return wrong.join(QLatin1Char('\n'));
}

// The rows of a data function for a test run once cancelled and once stopped: a bool
// column "stop".
inline void cancelOrStopRows()
{
    QTest::addColumn<bool>("stop");
    QTest::newRow("cancel") << false;
    QTest::newRow("stop") << true;
}

} // namespace sextant::testing
