#pragma once

#include "graph/GraphModel.h"
#include "graph/NodeStatus.h"
#include "graph/NodeValue.h"
#include "graph/RunSummary.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <vector>

namespace sextant::engine {

// Runs a GraphModel on worker threads.
//
// Scheduling: run() snapshots the graph (node types, parameters, connections, base
// directory) on the calling thread, so the model may be edited while the run goes on.
// Nodes run in dependency order on the executor's own thread pool; a node starts as soon
// as all its inputs are ready, so independent branches run in parallel.
//
// Caching: each node's outputs are kept with a key hashing its type, parameters,
// fingerprint (e.g. the input file's size and time) and the keys of its inputs. A run
// reuses every node whose key is unchanged, so after one parameter edit only that node
// and what is downstream of it run again. One entry per node (the latest).
//
// Status and progress: every node has a NodeState. Changes are announced by the signals
// below, which are EMITTED FROM WORKER THREADS (runStarted and the initial Queued
// statuses come from the thread calling run()). Receivers in the GUI thread must connect
// with a context object living in the GUI thread and Qt::QueuedConnection, e.g.
//
//     // Worker thread -> GUI thread: queued.
//     connect(&executor, &Executor::nodeStatusChanged, scene, &Scene::onStatus,
//             Qt::QueuedConnection);
//
// Queued delivery keeps, for one node, the order of its changes, and runFinished is
// emitted after every status change of that run. State can also be polled (state(),
// output()), thread-safely.
//
// Edits to the model reset the affected nodes (the edited node and everything
// downstream) to Idle, unless they are part of the current run. A node removed from the
// model is forgotten (state and cache); if it was part of the current run, its results
// are dropped and no more signals are emitted for it.
//
// Cancel: cancel() sets an atomic flag that compute functions poll through
// NodeContext::cancelled(); nodes not started yet are cancelled without running.
//
// Errors: an exception thrown by a compute function fails that node (message = what()),
// the nodes downstream of it are Skipped, other branches carry on.
class Executor : public QObject {
    Q_OBJECT

public:
    // `model` must outlive the executor; both live in the same (GUI) thread.
    explicit Executor(GraphModel &model, QObject *parent = nullptr);
    // Cancels a running graph and waits for its worker threads.
    ~Executor() override;

    // Worker threads (default: the number of cores, at least 2).
    void setMaxThreads(int threads);
    int maxThreads() const;

    // Starts running `targets` and everything they depend on; every node when `targets`
    // is empty ("Run" vs "Run to here"). Returns false (and does nothing) when a run is in
    // progress or a target does not exist. Call from the model's thread. When everything
    // is cached already, runFinished is emitted before run() returns.
    bool run(const QList<int> &targets = {});
    // The same run, waiting for its end: for the command line and tests. While waiting it
    // runs a local event loop when the calling thread has one (so queued progress
    // signals reach their receivers), otherwise it blocks.
    RunSummary runBlocking(const QList<int> &targets = {});
    // Asks the current run to stop; returns at once. Running nodes stop at their next
    // poll of the cancel flag; runFinished follows with cancelled = true.
    void cancel();
    // Asks the nodes training right now to end at their next epoch / fold / trial and keep
    // what finished (NodeContext::stopTrainingRequested); their outputs are marked partial
    // and nodes after them run as usual. The run goes on. A partial output is not reused
    // by the next run (nor is anything computed from it).
    void stopTraining();
    bool isRunning() const;

    NodeState state(int id) const;
    NodeStatus status(int id) const { return state(id).status; }
    // The latest outputs of node `id` (null if it never completed or its output port
    // does not exist). Shared and immutable: safe to keep and read from any thread.
    NodeValuePtr output(int id, int port = 0) const;
    // What a sink produced for people (the table, histogram... to show or write).
    NodeValuePtr result(int id) const;
    // True when node `id` has cached outputs that match the model as it is now.
    bool isUpToDate(int id) const;
    // Forgets every cached output (statuses go back to Idle). Not during a run.
    void clearCache();
    RunSummary lastSummary() const;

Q_SIGNALS:
    // All emitted from worker threads (see the class comment): connect queued.
    void runStarted(quint64 runId);
    void nodeStatusChanged(int id, sextant::engine::NodeStatus status, const QString &message);
    void nodeProgress(int id, double fraction);
    // A value a running node published (NodeContext::publish): training epochs, tuning
    // trials. Only while the node runs; never after its final status.
    void nodeUpdate(int id, sextant::engine::NodeValuePtr value);
    void runFinished(const sextant::engine::RunSummary &summary);

private:
    struct CacheEntry {
        QByteArray key;
        std::vector<NodeValuePtr> outputs;
        NodeValuePtr result;
        bool partial = false; // never reused: the next run computes the node again
    };
    struct Job;
    struct RunState;
    struct StatusEvent {
        int id;
        NodeStatus status;
        QString message;
    };

    std::map<int, QByteArray> computeKeys(const QList<int> &order) const;
    void execute(const std::shared_ptr<RunState> &run, int id);
    void finish(const std::shared_ptr<RunState> &run, int id, NodeStatus outcome, QString message,
        std::vector<NodeValuePtr> outputs, NodeValuePtr result, QStringList warnings);
    void submit(const std::shared_ptr<RunState> &run, int id);
    // Caller holds m_mutex.
    void setStateLocked(
        int id, NodeStatus status, const QString &message, std::vector<StatusEvent> &events);
    void emitEvents(const std::vector<StatusEvent> &events);
    void completeJobs(const std::shared_ptr<RunState> &run, int count);
    void waitForRun(std::uint64_t runId);
    void markStale(int id);
    void forgetNode(int id);

    GraphModel *m_model;
    QThreadPool m_pool;

    mutable QMutex m_mutex;
    std::map<int, NodeState> m_states; // guarded by m_mutex
    std::map<int, CacheEntry> m_cache; // guarded by m_mutex
    std::shared_ptr<RunState> m_run; // guarded by m_mutex; null when idle
    RunSummary m_lastSummary; // guarded by m_mutex
    std::uint64_t m_nextRunId = 1; // guarded by m_mutex
    std::uint64_t m_lastFinishedRun = 0; // guarded by m_mutex
    std::condition_variable_any m_finishedCondition; // waits on m_mutex
};

} // namespace sextant::engine
