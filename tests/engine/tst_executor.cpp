// Executor: dependency order, parallel branches, caching, cancel, failure isolation, and
// signals delivered to the GUI thread by queued connections.
#include "GraphTestNodes.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>

using namespace sextant::engine;
using sextant::test::Clock;
using sextant::test::Recorder;

namespace {

// Listens to an executor the way the GUI does: a receiver living in the main thread,
// queued connections. Records every delivery with the thread it arrived on.
class Listener : public QObject {
public:
    explicit Listener(Executor &executor)
    {
        // Worker thread -> this (main) thread: queued.
        connect(
            &executor, &Executor::nodeStatusChanged, this,
            [this](int id, NodeStatus status, const QString &message) {
                statuses[id].push_back(status);
                messages[id] = message;
                offThread += QThread::currentThread() != thread() ? 1 : 0;
                if (status == NodeStatus::Cancelled && cancelledAt == Clock::time_point())
                    cancelledAt = Clock::now();
            },
            Qt::QueuedConnection);
        // Worker thread -> this (main) thread: queued.
        connect(
            &executor, &Executor::nodeProgress, this,
            [this](int id, double fraction) {
                progress[id].push_back(fraction);
                offThread += QThread::currentThread() != thread() ? 1 : 0;
            },
            Qt::QueuedConnection);
        // Worker thread -> this (main) thread: queued.
        connect(
            &executor, &Executor::runFinished, this,
            [this](const RunSummary &s) {
                summaries.push_back(s);
                offThread += QThread::currentThread() != thread() ? 1 : 0;
            },
            Qt::QueuedConnection);
    }

    NodeStatus last(int id) const
    {
        const auto it = statuses.find(id);
        return it == statuses.end() || it->second.empty() ? NodeStatus::Idle : it->second.back();
    }
    void reset()
    {
        statuses.clear();
        messages.clear();
        progress.clear();
        summaries.clear();
        cancelledAt = {};
    }

    std::map<int, std::vector<NodeStatus>> statuses;
    std::map<int, QString> messages;
    std::map<int, std::vector<double>> progress;
    std::vector<RunSummary> summaries;
    int offThread = 0;
    Clock::time_point cancelledAt;
};

double number(const NodeValuePtr &v)
{
    return v && v->as<double>() ? *v->as<double>() : std::nan("");
}

} // namespace

class TestExecutor : public QObject {
    Q_OBJECT

    Recorder m_recorder;
    std::unique_ptr<NodeRegistry> m_registry = sextant::test::makeTestRegistry(&m_recorder);

    int add(GraphModel &model, const QString &type, const QVariantMap &params = {})
    {
        auto r = model.addNode(type, {}, params);
        if (!r)
            qFatal("addNode(%s): %s", qPrintable(type), qPrintable(r.error()));
        return r.value();
    }
    void link(GraphModel &model, int from, int to, int port = 0)
    {
        Status s = model.addConnection({ from, 0, to, port });
        if (!s)
            qFatal("connect: %s", qPrintable(s.error()));
    }

private Q_SLOTS:
    void init() { m_recorder.clear(); }

    void runsInDependencyOrder()
    {
        // 1 src(2) ---+
        //             3 add(+10) -> 4 slow(+1) -> 6 sink
        // 2 src(5) ---+         +-> 5 add(b: none, +100) -> 7 sink
        GraphModel model(*m_registry);
        const int s1
            = add(model, QStringLiteral("test.source"), { { QStringLiteral("value"), 2.0 } });
        const int s2 = add(model, QStringLiteral("test.source"),
            { { QStringLiteral("value"), 5.0 }, { QStringLiteral("delay"), 30 } });
        const int sum
            = add(model, QStringLiteral("test.add"), { { QStringLiteral("offset"), 10.0 } });
        const int slow
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 20 } });
        const int plus
            = add(model, QStringLiteral("test.add"), { { QStringLiteral("offset"), 100.0 } });
        const int sinkA = add(model, QStringLiteral("test.sink"));
        const int sinkB = add(model, QStringLiteral("test.sink"));
        link(model, s1, sum, 0);
        link(model, s2, sum, 1);
        link(model, sum, slow);
        link(model, sum, plus);
        link(model, slow, sinkA);
        link(model, plus, sinkB);

        Executor executor(model);
        Listener listener(executor);
        const RunSummary summary = executor.runBlocking();
        QVERIFY2(summary.ok(), qPrintable(summary.failureMessages.value(summary.failed.value(0))));
        QCOMPARE(summary.executed, model.nodeIds());
        QVERIFY(summary.reused.isEmpty());

        QCOMPARE(number(executor.result(sinkA)), 18.0);
        QCOMPARE(number(executor.result(sinkB)), 117.0);
        QCOMPARE(number(executor.output(sum)), 17.0);
        QVERIFY(!executor.output(sum, 1));
        QVERIFY(!executor.result(sum));

        // Every node started after everything feeding it had finished.
        for (const Connection &c : model.connections()) {
            const auto up = m_recorder.find(c.fromNode);
            const auto down = m_recorder.find(c.toNode);
            QVERIFY(up && down);
            QVERIFY2(up->end <= down->start, qPrintable(c.toString()));
        }
        QCOMPARE(m_recorder.total(), 7);

        // Statuses arrive on the main thread, in order, per node.
        QTRY_COMPARE(listener.summaries.size(), std::size_t(1));
        for (int id : model.nodeIds()) {
            QCOMPARE(listener.statuses[id],
                (std::vector<NodeStatus> {
                    NodeStatus::Queued, NodeStatus::Running, NodeStatus::Done }));
            QCOMPARE(executor.status(id), NodeStatus::Done);
            QCOMPARE(executor.state(id).progress, 1.0);
        }
        QCOMPARE(listener.offThread, 0);
        QCOMPARE(listener.summaries[0].runId, summary.runId);
        // The slow node reported progress, increasing.
        const auto &p = listener.progress[slow];
        QVERIFY(!p.empty());
        QVERIFY(std::is_sorted(p.begin(), p.end()));
        QVERIFY(p.size() <= 101);
    }

    void independentBranchesRunInParallel()
    {
        GraphModel model(*m_registry);
        const int src = add(model, QStringLiteral("test.source"));
        const int a
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 300 } });
        const int b
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 300 } });
        link(model, src, a);
        link(model, src, b);
        Executor executor(model);
        executor.setMaxThreads(4);
        QVERIFY(executor.runBlocking().ok());

        const auto ea = m_recorder.find(a);
        const auto eb = m_recorder.find(b);
        QVERIFY(ea && eb);
        // The intervals overlap: each started before the other ended.
        QVERIFY(ea->start < eb->end);
        QVERIFY(eb->start < ea->end);
        QVERIFY(ea->thread != eb->thread);
        const double overlapMs = std::chrono::duration<double, std::milli>(
            std::min(ea->end, eb->end) - std::max(ea->start, eb->start))
                                     .count();
        qInfo("parallel branches overlapped for %.0f ms of 300", overlapMs);
    }

    void cachingRerunsOnlyTheDirtyPart()
    {
        // s1 -> a1 -> k1 ; s2 -> a2 -> k2 ; (a1, a2) -> a3 -> k3
        GraphModel model(*m_registry);
        const int s1
            = add(model, QStringLiteral("test.source"), { { QStringLiteral("value"), 1.0 } });
        const int s2
            = add(model, QStringLiteral("test.source"), { { QStringLiteral("value"), 2.0 } });
        const int a1 = add(model, QStringLiteral("test.add"));
        const int a2 = add(model, QStringLiteral("test.add"));
        const int a3 = add(model, QStringLiteral("test.add"));
        const int k1 = add(model, QStringLiteral("test.sink"));
        const int k2 = add(model, QStringLiteral("test.sink"));
        const int k3 = add(model, QStringLiteral("test.sink"));
        link(model, s1, a1);
        link(model, s2, a2);
        link(model, a1, a3, 0);
        link(model, a2, a3, 1);
        link(model, a1, k1);
        link(model, a2, k2);
        link(model, a3, k3);

        Executor executor(model);
        Listener listener(executor);
        RunSummary first = executor.runBlocking();
        QVERIFY(first.ok());
        QCOMPARE(m_recorder.total(), 8);
        for (int id : model.nodeIds())
            QCOMPARE(m_recorder.count(id), 1);
        QCOMPARE(number(executor.result(k3)), 3.0);

        // Nothing changed: nothing runs.
        RunSummary second = executor.runBlocking();
        QVERIFY(second.ok());
        QCOMPARE(m_recorder.total(), 8);
        QCOMPARE(second.reused, model.nodeIds());
        QVERIFY(second.executed.isEmpty());
        QVERIFY(executor.isUpToDate(k3));

        // One parameter: that node and what is downstream of it, nothing else.
        QTRY_COMPARE(listener.summaries.size(), std::size_t(2));
        listener.reset();
        QVERIFY(model.setParameter(s1, QStringLiteral("value"), 10.0).ok());
        // The edit marks the node and its downstream out of date (Idle), directly.
        for (int id : { s1, a1, a3, k1, k3 }) {
            QCOMPARE(executor.status(id), NodeStatus::Idle);
            QVERIFY(!executor.isUpToDate(id));
        }
        for (int id : { s2, a2, k2 }) {
            QCOMPARE(executor.status(id), NodeStatus::Done);
            QVERIFY(executor.isUpToDate(id));
        }
        m_recorder.clear();
        RunSummary third = executor.runBlocking();
        QVERIFY(third.ok());
        QCOMPARE(third.executed, (QList<int> { s1, a1, a3, k1, k3 }));
        QCOMPARE(third.reused, (QList<int> { s2, a2, k2 }));
        for (int id : { s1, a1, a3, k1, k3 })
            QCOMPARE(m_recorder.count(id), 1);
        for (int id : { s2, a2, k2 })
            QCOMPARE(m_recorder.count(id), 0);
        QCOMPARE(number(executor.result(k3)), 12.0);
        QCOMPARE(number(executor.result(k2)), 2.0);

        // A connection change dirties the receiving node only (and its downstream).
        m_recorder.clear();
        QVERIFY(model.removeConnection({ a2, 0, a3, 1 }).ok());
        RunSummary fourth = executor.runBlocking();
        QCOMPARE(fourth.executed, (QList<int> { a3, k3 }));
        QCOMPARE(number(executor.result(k3)), 10.0);

        // "Run to here": only k2's branch is considered, and it is cached.
        m_recorder.clear();
        QVERIFY(model.setParameter(s2, QStringLiteral("value"), 7.0).ok());
        RunSummary partial = executor.runBlocking({ k1 });
        QVERIFY(partial.ok());
        QCOMPARE(partial.reused, (QList<int> { s1, a1, k1 }));
        QVERIFY(partial.executed.isEmpty());
        QCOMPARE(executor.status(k2), NodeStatus::Idle);
        RunSummary toK2 = executor.runBlocking({ k2 });
        QCOMPARE(toK2.executed, (QList<int> { s2, a2, k2 }));
        QCOMPARE(m_recorder.total(), 3);
        QCOMPARE(number(executor.result(k2)), 7.0);

        // clearCache forgets everything.
        executor.clearCache();
        QCOMPARE(executor.status(k2), NodeStatus::Idle);
        QVERIFY(!executor.result(k2));
        m_recorder.clear();
        QVERIFY(executor.runBlocking().ok());
        QCOMPARE(m_recorder.total(), 8);
    }

    void cancelStopsALongNode()
    {
        GraphModel model(*m_registry);
        const int src = add(model, QStringLiteral("test.source"));
        const int slow
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 60000 } });
        const int after = add(model, QStringLiteral("test.add"));
        const int sink = add(model, QStringLiteral("test.sink"));
        link(model, src, slow);
        link(model, slow, after);
        link(model, after, sink);

        Executor executor(model);
        Listener listener(executor);
        // Measure on the worker thread, when the executor announces the cancel.
        std::atomic<qint64> emittedNs { 0 };
        Clock::time_point cancelAt;
        QObject probe;
        // Worker thread -> probe: direct on purpose, to time the emission itself; the
        // lambda touches only the atomic.
        connect(
            &executor, &Executor::nodeStatusChanged, &probe,
            [&](int id, NodeStatus status, const QString &) {
                if (id == slow && status == NodeStatus::Cancelled)
                    emittedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        Clock::now().time_since_epoch())
                                    .count();
            },
            Qt::DirectConnection);

        QVERIFY(executor.run());
        QVERIFY(executor.isRunning());
        QVERIFY(!executor.run()); // one run at a time
        QTRY_COMPARE(listener.last(slow), NodeStatus::Running);
        QTRY_VERIFY(!listener.progress[slow].empty());
        cancelAt = Clock::now();
        executor.cancel();
        QTRY_COMPARE(listener.summaries.size(), std::size_t(1));
        const Clock::time_point deliveredAt = listener.cancelledAt;

        const double emitMs = (emittedNs.load()
                                  - std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      cancelAt.time_since_epoch())
                                        .count())
            / 1e6;
        const double deliveredMs
            = std::chrono::duration<double, std::milli>(deliveredAt - cancelAt).count();
        qInfo("cancel latency: %.2f ms to the Cancelled status (worker), %.2f ms until delivered "
              "to the GUI thread",
            emitMs, deliveredMs);
        QVERIFY(emitMs >= 0);
        QVERIFY2(emitMs < 2000, qPrintable(QString::number(emitMs)));
        QVERIFY2(deliveredMs < 2000, qPrintable(QString::number(deliveredMs)));

        const RunSummary &s = listener.summaries[0];
        QVERIFY(s.cancelled);
        QVERIFY(!s.ok());
        QCOMPARE(s.cancelledNodes, (QList<int> { slow, after, sink }));
        QCOMPARE(s.executed, QList<int> { src });
        QCOMPARE(executor.status(slow), NodeStatus::Cancelled);
        QCOMPARE(executor.status(after), NodeStatus::Cancelled);
        QCOMPARE(executor.status(sink), NodeStatus::Cancelled);
        QCOMPARE(executor.status(src), NodeStatus::Done);
        QVERIFY(!executor.isRunning());
        QVERIFY(!executor.output(slow));
        QCOMPARE(m_recorder.count(after), 0);
        QVERIFY(m_recorder.find(slow)->sawCancel);

        // The next run starts afresh (the source is reused from the cache).
        QVERIFY(model.setParameter(slow, QStringLiteral("duration"), 10).ok());
        RunSummary again = executor.runBlocking();
        QVERIFY(again.ok());
        QCOMPARE(again.reused, QList<int> { src });
        QCOMPARE(number(executor.result(sink)), 2.0);
    }

    void cancelBeforeNodesStart()
    {
        // More slow branches than threads: the queued ones are cancelled without running.
        GraphModel model(*m_registry);
        QList<int> slows;
        for (int i = 0; i < 6; ++i)
            slows << add(
                model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 60000 } });
        Executor executor(model);
        executor.setMaxThreads(2);
        QVERIFY(executor.run());
        QTRY_COMPARE(m_recorder.total() + (executor.status(slows[0]) == NodeStatus::Running ? 1 : 0)
                + (executor.status(slows[1]) == NodeStatus::Running ? 1 : 0),
            2);
        QElapsedTimer timer;
        timer.start();
        executor.cancel();
        QTRY_VERIFY(!executor.isRunning());
        const RunSummary s = executor.lastSummary();
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(s.cancelledNodes, slows);
        QCOMPARE(m_recorder.total(), 2); // only the two that were running
    }

    void failureIsIsolated_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("message");
        QTest::newRow("NodeError")
            << QStringLiteral("node-error") << QStringLiteral("deliberate failure");
        QTest::newRow("std::exception")
            << QStringLiteral("std-exception") << QStringLiteral("index out of range");
        QTest::newRow("throw 42") << QStringLiteral("int") << QStringLiteral("unknown error");
        QTest::newRow("bad_alloc")
            << QStringLiteral("bad-alloc") << QStringLiteral("out of memory");
        QTest::newRow("no output")
            << QStringLiteral("no-output") << QStringLiteral("produced no value for output 'out'");
    }

    void failureIsIsolated()
    {
        QFETCH(QString, mode);
        QFETCH(QString, message);
        // src -> fail -> add -> sinkA ; src -> slow -> sinkB
        GraphModel model(*m_registry);
        const int src = add(model, QStringLiteral("test.source"));
        const int fail
            = add(model, QStringLiteral("test.fail"), { { QStringLiteral("mode"), mode } });
        const int after = add(model, QStringLiteral("test.add"));
        const int sinkA = add(model, QStringLiteral("test.sink"));
        const int slow
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 50 } });
        const int sinkB = add(model, QStringLiteral("test.sink"));
        link(model, src, fail);
        link(model, fail, after);
        link(model, after, sinkA);
        link(model, src, slow);
        link(model, slow, sinkB);

        Executor executor(model);
        Listener listener(executor);
        const RunSummary s = executor.runBlocking();
        QVERIFY(!s.ok());
        QVERIFY(!s.cancelled);
        QCOMPARE(s.failed, QList<int> { fail });
        QCOMPARE(s.failureMessages.value(fail), message);
        QCOMPARE(s.skipped, (QList<int> { after, sinkA }));
        QCOMPARE(s.executed, (QList<int> { src, slow, sinkB }));

        QCOMPARE(executor.status(fail), NodeStatus::Failed);
        QCOMPARE(executor.state(fail).message, message);
        QCOMPARE(executor.status(after), NodeStatus::Skipped);
        QVERIFY2(executor.state(sinkA).message.contains(QStringLiteral("node 2 (Fail) failed")),
            qPrintable(executor.state(sinkA).message));
        QCOMPARE(executor.status(sinkB), NodeStatus::Done);
        QCOMPARE(number(executor.result(sinkB)), 2.0);
        QCOMPARE(m_recorder.count(after), 0);

        QTRY_COMPARE(listener.last(sinkA), NodeStatus::Skipped);
        QCOMPARE(listener.messages[fail], message);

        // Fixing the node re-runs it and what it blocked; the healthy branch is reused.
        m_recorder.clear();
        QVERIFY(model.setParameter(fail, QStringLiteral("mode"), QStringLiteral("ok")).ok());
        const RunSummary fixed = executor.runBlocking();
        QVERIFY(fixed.ok());
        QCOMPARE(fixed.executed, (QList<int> { fail, after, sinkA }));
        QCOMPARE(number(executor.result(sinkA)), 1.0);
    }

    void unconnectedRequiredInputFails()
    {
        GraphModel model(*m_registry);
        const int sink = add(model, QStringLiteral("test.sink"));
        const int sum = add(model, QStringLiteral("test.add"));
        const int src
            = add(model, QStringLiteral("test.source"), { { QStringLiteral("value"), 4.0 } });
        link(model, src, sum, 1); // only the optional input
        Executor executor(model);
        const RunSummary s = executor.runBlocking();
        QCOMPARE(s.failed, (QList<int> { sink, sum }));
        QCOMPARE(executor.state(sink).message, QStringLiteral("input 'in' is not connected"));
        QCOMPARE(executor.state(sum).message, QStringLiteral("input 'a' is not connected"));
        QCOMPARE(m_recorder.count(sink), 0);
    }

    void emptyGraphAndBadTargets()
    {
        GraphModel model(*m_registry);
        Executor executor(model);
        Listener listener(executor);
        const RunSummary s = executor.runBlocking();
        QVERIFY(s.ok());
        QTRY_COMPARE(listener.summaries.size(), std::size_t(1));
        QVERIFY(!executor.run({ 42 }));
        const RunSummary refused = executor.runBlocking({ 42 });
        QVERIFY(!refused.started);
        QVERIFY(!refused.error.isEmpty());
    }

    void editingDuringARun()
    {
        GraphModel model(*m_registry);
        const int src = add(model, QStringLiteral("test.source"));
        const int slow
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 150 } });
        const int sink = add(model, QStringLiteral("test.sink"));
        const int other
            = add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 150 } });
        link(model, src, slow);
        link(model, slow, sink);
        Executor executor(model);
        Listener listener(executor);
        QVERIFY(executor.run());
        QTRY_COMPARE(listener.last(slow), NodeStatus::Running);
        // The run works on its snapshot: edits, removals and additions are safe.
        QVERIFY(model.setParameter(src, QStringLiteral("value"), 5.0).ok());
        QVERIFY(model.removeNode(other).ok());
        const int extra = add(model, QStringLiteral("test.sink"));
        link(model, slow, extra);
        QTRY_COMPARE(listener.summaries.size(), std::size_t(1));
        QCOMPARE(number(executor.result(sink)), 2.0); // computed from the snapshot
        QCOMPARE(executor.status(other), NodeStatus::Idle); // forgotten
        // The next run catches up with the edits.
        m_recorder.clear();
        const RunSummary next = executor.runBlocking();
        QVERIFY(next.ok());
        QCOMPARE(next.executed, (QList<int> { src, slow, sink, extra }));
        QCOMPARE(number(executor.result(sink)), 6.0);
        QCOMPARE(number(executor.result(extra)), 6.0);
    }

    void destroyingARunningExecutor()
    {
        GraphModel model(*m_registry);
        add(model, QStringLiteral("test.slow"), { { QStringLiteral("duration"), 60000 } });
        QElapsedTimer timer;
        {
            Executor executor(model);
            QVERIFY(executor.run());
            QTRY_VERIFY(m_recorder.total() == 0 && executor.status(1) == NodeStatus::Running);
            timer.start();
        } // cancels and waits
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(m_recorder.total(), 1);
    }

    void manyNodes()
    {
        // A wide and deep graph: 20 chains of 50 nodes.
        GraphModel model(*m_registry);
        QList<int> sinks;
        for (int chain = 0; chain < 20; ++chain) {
            int prev = add(model, QStringLiteral("test.source"),
                { { QStringLiteral("value"), double(chain) } });
            for (int i = 0; i < 49; ++i) {
                const int next
                    = add(model, QStringLiteral("test.add"), { { QStringLiteral("offset"), 1.0 } });
                link(model, prev, next);
                prev = next;
            }
            sinks << prev;
        }
        Executor executor(model);
        const RunSummary s = executor.runBlocking();
        QVERIFY(s.ok());
        QCOMPARE(s.executed.size(), 1000);
        for (int chain = 0; chain < 20; ++chain)
            QCOMPARE(number(executor.output(sinks[chain])), chain + 49.0);
    }
};

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
