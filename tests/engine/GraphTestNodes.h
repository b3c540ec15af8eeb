#pragma once
// Test-only node types for the graph tests (tst_graphmodel, tst_executor,
// tst_workflowfile). They live in a registry of their own, never in the default one.
// Values are plain doubles (TypedValue<double>), which shows that ports carry any type.

#include "graph/NodeContext.h"
#include "graph/NodeRegistry.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace sextant::test {

using namespace sextant::engine;
using Clock = std::chrono::steady_clock;

// What ran, when, on which thread: filled from worker threads.
class Recorder {
public:
    struct Execution {
        int node = 0;
        QString type;
        Clock::time_point start;
        Clock::time_point end;
        Qt::HANDLE thread = nullptr;
        bool sawCancel = false;
    };

    void record(Execution e)
    {
        QMutexLocker lock(&m_mutex);
        m_executions.push_back(std::move(e));
    }
    std::vector<Execution> executions() const
    {
        QMutexLocker lock(&m_mutex);
        return m_executions;
    }
    int count(int node) const
    {
        QMutexLocker lock(&m_mutex);
        int n = 0;
        for (const auto &e : m_executions)
            n += e.node == node ? 1 : 0;
        return n;
    }
    int total() const
    {
        QMutexLocker lock(&m_mutex);
        return static_cast<int>(m_executions.size());
    }
    // The first execution of `node`.
    std::optional<Execution> find(int node) const
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &e : m_executions)
            if (e.node == node)
                return e;
        return std::nullopt;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_executions.clear();
    }

private:
    mutable QMutex m_mutex;
    std::vector<Execution> m_executions; // guarded by m_mutex
};

inline double valueOf(const NodeContext &ctx, int port)
{
    const NodeValuePtr v = ctx.input(port);
    return v && v->as<double>() ? *v->as<double>() : 0.0;
}

// Sleeps `ms` in 1 ms steps, polling the cancel flag and reporting progress. Returns
// false when cancelled.
inline bool work(NodeContext &ctx, qlonglong ms)
{
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    const auto begin = Clock::now();
    while (Clock::now() < until) {
        if (ctx.cancelled())
            return false;
        QThread::msleep(1); // simulated work, inside a compute function
        const double total = std::max<double>(1.0, static_cast<double>(ms));
        ctx.progress(
            std::chrono::duration<double, std::milli>(Clock::now() - begin).count() / total);
    }
    return !ctx.cancelled();
}

// Wraps a compute body so every execution is recorded.
inline ComputeFunction recorded(Recorder *recorder, std::function<void(NodeContext &)> body)
{
    return [recorder, body](NodeContext &ctx) {
        Recorder::Execution e;
        e.node = ctx.nodeId();
        e.type = ctx.type().id;
        e.start = Clock::now();
        e.thread = QThread::currentThreadId();
        try {
            body(ctx);
        } catch (...) {
            e.end = Clock::now();
            e.sawCancel = ctx.cancelled();
            recorder->record(e);
            throw;
        }
        e.end = Clock::now();
        e.sawCancel = ctx.cancelled();
        recorder->record(e);
    };
}

inline PortSpec port(const char *name, PortType type, bool optional = false)
{
    PortSpec p;
    p.name = QString::fromLatin1(name);
    p.type = type;
    p.optional = optional;
    return p;
}

// Registers:
//   test.source  -> out(Table)            params value (float), delay (int ms)
//   test.add     a(Table), b(Table, opt) -> out(Table)   params offset (float), delay (int ms)
//   test.slow    in(Table, opt) -> out(Table)            params duration (int ms)
//   test.fail    in(Table, opt) -> out(Table)            params mode (enum)
//   test.sink    in(Table)                               result = input
//   test.model   in(Table) -> model(Model)
//   test.score   model(Model), data(Table) -> metrics(Metrics)
//   test.params  one parameter of every type, no ports
inline std::unique_ptr<NodeRegistry> makeTestRegistry(Recorder *recorder)
{
    auto registry = std::make_unique<NodeRegistry>();
    const auto add = [&](NodeType t) {
        Status s = registry->add(std::move(t));
        if (!s)
            qFatal("test registry: %s", qPrintable(s.error()));
    };

    {
        NodeType t;
        t.id = QStringLiteral("test.source");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Source");
        t.outputs = { port("out", PortType::Table) };
        t.parameters = { ParameterSpec::real(QStringLiteral("value"), {}, 1.0, -1e9, 1e9),
            ParameterSpec::integer(QStringLiteral("delay"), {}, 0, 0, 60000) };
        t.setCompute(recorded(recorder, [](NodeContext &ctx) {
            if (!work(ctx, ctx.intParameter(QStringLiteral("delay"))))
                return;
            ctx.setOutput(0, makeValue(ctx.floatParameter(QStringLiteral("value"))));
        }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.add");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Add");
        t.inputs = { port("a", PortType::Table), port("b", PortType::Table, true) };
        t.outputs = { port("out", PortType::Table) };
        t.parameters
            = { ParameterSpec::real(QStringLiteral("offset"), {}, 0.0, std::nullopt, std::nullopt),
                  ParameterSpec::integer(QStringLiteral("delay"), {}, 0, 0, 60000) };
        t.setCompute(recorded(recorder, [](NodeContext &ctx) {
            if (!work(ctx, ctx.intParameter(QStringLiteral("delay"))))
                return;
            ctx.setOutput(0,
                makeValue(valueOf(ctx, 0) + valueOf(ctx, 1)
                    + ctx.floatParameter(QStringLiteral("offset"))));
        }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.slow");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Slow");
        t.inputs = { port("in", PortType::Table, true) };
        t.outputs = { port("out", PortType::Table) };
        t.parameters = { ParameterSpec::integer(QStringLiteral("duration"), {}, 200, 0, 600000) };
        t.setCompute(recorded(recorder, [](NodeContext &ctx) {
            if (!work(ctx, ctx.intParameter(QStringLiteral("duration"))))
                return;
            ctx.setOutput(0, makeValue(valueOf(ctx, 0) + 1.0));
        }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.fail");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Fail");
        t.inputs = { port("in", PortType::Table, true) };
        t.outputs = { port("out", PortType::Table) };
        t.parameters = { ParameterSpec::enumeration(QStringLiteral("mode"), {},
            { QStringLiteral("node-error"), QStringLiteral("std-exception"), QStringLiteral("int"),
                QStringLiteral("bad-alloc"), QStringLiteral("no-output"), QStringLiteral("ok") },
            QStringLiteral("node-error")) };
        t.setCompute(recorded(recorder, [](NodeContext &ctx) {
            const QString mode = ctx.stringParameter(QStringLiteral("mode"));
            if (mode == QLatin1String("node-error"))
                throw NodeError(QStringLiteral("deliberate failure"));
            if (mode == QLatin1String("std-exception"))
                throw std::out_of_range("index out of range");
            if (mode == QLatin1String("int"))
                throw 42;
            if (mode == QLatin1String("bad-alloc"))
                throw std::bad_alloc();
            if (mode == QLatin1String("ok"))
                ctx.setOutput(0, makeValue(valueOf(ctx, 0)));
            // "no-output": returns without setting its output
        }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.sink");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Sink");
        t.inputs = { port("in", PortType::Table) };
        t.setCompute(recorded(recorder, [](NodeContext &ctx) { ctx.setResult(ctx.input(0)); }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.model");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Train");
        t.inputs = { port("in", PortType::Table) };
        t.outputs = { port("model", PortType::Model) };
        t.setCompute(recorded(
            recorder, [](NodeContext &ctx) { ctx.setOutput(0, makeValue(valueOf(ctx, 0) * 2)); }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.score");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Score");
        t.inputs = { port("model", PortType::Model), port("data", PortType::Table) };
        t.outputs = { port("metrics", PortType::Metrics) };
        t.setCompute(recorded(recorder, [](NodeContext &ctx) {
            ctx.setOutput(0, makeValue(valueOf(ctx, 0) - valueOf(ctx, 1)));
        }));
        add(std::move(t));
    }
    {
        NodeType t;
        t.id = QStringLiteral("test.params");
        t.category = QStringLiteral("Test");
        t.displayName = QStringLiteral("Parameters");
        t.parameters = {
            ParameterSpec::integer(QStringLiteral("count"), {}, 5, 1, 100),
            ParameterSpec::real(QStringLiteral("rate"), {}, 0.5, 0.0, 1.0),
            ParameterSpec::boolean(QStringLiteral("flag"), {}, false),
            ParameterSpec::enumeration(QStringLiteral("mode"), {},
                { QStringLiteral("fast"), QStringLiteral("exact") }, QStringLiteral("fast")),
            ParameterSpec::column(QStringLiteral("column"), {}),
            ParameterSpec::columnList(QStringLiteral("columns"), {}),
            ParameterSpec::string(QStringLiteral("label"), {}, QStringLiteral("hello")),
            ParameterSpec::filePath(QStringLiteral("path"), {}),
            ParameterSpec::integer(QStringLiteral("seed"), {}, 0, 0, 9007199254740992LL),
        };
        t.setCompute([](NodeContext &) {});
        add(std::move(t));
    }
    return registry;
}

} // namespace sextant::test
