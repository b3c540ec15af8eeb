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

// "node: message" per failed node, one per line.
inline QString failures(const engine::RunSummary &s)
{
    QStringList out;
    for (auto it = s.failureMessages.cbegin(); it != s.failureMessages.cend(); ++it)
        out << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    return out.join(QLatin1Char('\n'));
}

} // namespace sextant::testing
