#include "graph/Executor.h"

#include "core/ThreadCount.h"
#include "graph/NodeContext.h"
#include "graph/WorkflowFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QThread>
#include <algorithm>
#include <exception>
#include <mutex>
#include <new>
#include <set>

namespace sextant::engine {

// One node of a run. `id`, `type`, `parameters`, `key` and `inputs` are fixed when the
// run starts; the rest is guarded by Executor::m_mutex.
struct Executor::Job {
    int id = 0;
    const NodeType *type = nullptr;
    QVariantMap parameters;
    QByteArray key;
    // Per input port: (upstream node, output port), or (0, 0) when not connected.
    std::vector<std::pair<int, int>> inputs;
    // Jobs of this run fed by this node, once per connection.
    std::vector<int> dependents;
    int pending = 0; // connections from upstream jobs that have not finished yet
    bool finished = false;
    std::vector<NodeValuePtr> outputs; // once finished and done
    // Set by Executor::stopTraining while the node runs (shared: Job is moved into place).
    std::shared_ptr<std::atomic<bool>> stopTraining = std::make_shared<std::atomic<bool>>(false);
    bool partial = false; // guarded by Executor::m_mutex: its outputs are partial
};

struct Executor::RunState {
    std::uint64_t id = 0;
    std::atomic<bool> cancel { false };
    QString baseDirectory;
    // The graph as WorkflowFile writes it, when a node of the run needs it
    // (NodeType::needsWorkflow); null otherwise. Immutable.
    std::shared_ptr<const QByteArray> workflow;
    QElapsedTimer timer;
    std::map<int, Job> jobs; // the map's shape is fixed at start; Job fields: see Job
    int remaining = 0; // guarded by Executor::m_mutex: jobs that have not finished
    RunSummary summary; // guarded by Executor::m_mutex
    // Nodes removed from the model during the run: their results are dropped and their
    // statuses no longer reported. Guarded by Executor::m_mutex.
    std::set<int> removed;
};

namespace {

QByteArray canonicalParameters(const QVariantMap &parameters)
{
    // QJsonObject sorts its keys: the same parameters always give the same bytes.
    return QJsonDocument(QJsonObject::fromVariantMap(parameters)).toJson(QJsonDocument::Compact);
}

QString describeNode(int id, const NodeType *type)
{
    return QStringLiteral("node %1 (%2)").arg(id).arg(type ? type->displayName : QString());
}

void sortUnique(QList<int> &ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

} // namespace

Executor::Executor(GraphModel &model, QObject *parent) : QObject(parent), m_model(&model)
{
    qRegisterMetaType<sextant::engine::NodeStatus>();
    qRegisterMetaType<sextant::engine::RunSummary>();
    qRegisterMetaType<sextant::engine::NodeValuePtr>();
    m_pool.setMaxThreadCount(std::max(2, defaultThreadCount()));
    m_pool.setObjectName(QStringLiteral("SextantExecutor"));

    // Model and executor live in the same thread: direct connections.
    connect(m_model, &GraphModel::parameterChanged, this,
        [this](int id, const QString &, const QVariant &) { markStale(id); });
    connect(m_model, &GraphModel::connectionAdded, this,
        [this](const Connection &c) { markStale(c.toNode); });
    connect(m_model, &GraphModel::connectionRemoved, this,
        [this](const Connection &c) { markStale(c.toNode); });
    connect(m_model, &GraphModel::nodeRemoved, this, [this](int id) { forgetNode(id); });
    connect(m_model, &GraphModel::nodeAdded, this, [this](int id) {
        // An id given back (undo) during a run is the model's node again.
        QMutexLocker lock(&m_mutex);
        if (m_run)
            m_run->removed.erase(id);
    });
    connect(m_model, &GraphModel::baseDirectoryChanged, this, [this](const QString &) {
        for (int id : m_model->nodeIds())
            markStale(id);
    });
}

Executor::~Executor()
{
    cancel();
    m_pool.waitForDone();
}

void Executor::setMaxThreads(int threads)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
}

int Executor::maxThreads() const
{
    return m_pool.maxThreadCount();
}

std::map<int, QByteArray> Executor::computeKeys(const QList<int> &order) const
{
    std::map<int, QByteArray> keys;
    const QString base = m_model->baseDirectory();
    for (int id : order) {
        const NodeType *type = m_model->nodeType(id);
        const QVariantMap params = m_model->parameters(id);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(type->id.toUtf8());
        hash.addData(QByteArrayView("\n", 1));
        hash.addData(canonicalParameters(params));
        hash.addData(QByteArrayView("\n", 1));
        if (type->fingerprint)
            hash.addData(type->fingerprint(params, base));
        for (int port = 0; port < type->inputs.size(); ++port) {
            const auto c = m_model->connectionInto(id, port);
            hash.addData(QByteArrayView("\n", 1));
            if (c) {
                const auto up = keys.find(c->fromNode);
                hash.addData(up != keys.end() ? up->second : QByteArray("?"));
                hash.addData(QByteArray::number(c->fromPort));
            } else {
                hash.addData(QByteArrayView("-", 1));
            }
        }
        keys.emplace(id, hash.result());
    }
    return keys;
}

bool Executor::run(const QList<int> &targets)
{
    for (int id : targets)
        if (!m_model->hasNode(id))
            return false;

    // The nodes to consider: the targets and everything upstream of them.
    QList<int> wanted;
    if (targets.isEmpty()) {
        wanted = m_model->nodeIds();
    } else {
        for (int id : targets) {
            wanted.push_back(id);
            wanted += m_model->upstreamOf(id);
        }
        sortUnique(wanted);
    }
    const QList<int> order = m_model->topologicalOrder(wanted);
    const std::map<int, QByteArray> keys = computeKeys(order);

    auto run = std::make_shared<RunState>();
    run->baseDirectory = m_model->baseDirectory();
    for (int id : order) {
        Job job;
        job.id = id;
        job.type = m_model->nodeType(id);
        job.parameters = m_model->parameters(id);
        job.key = keys.at(id);
        job.inputs.resize(static_cast<std::size_t>(job.type->inputs.size()), { 0, 0 });
        for (int port = 0; port < job.type->inputs.size(); ++port)
            if (const auto c = m_model->connectionInto(id, port))
                job.inputs[static_cast<std::size_t>(port)] = { c->fromNode, c->fromPort };
        if (job.type->needsWorkflow && !run->workflow)
            run->workflow = std::make_shared<const QByteArray>(WorkflowFile::serialize(*m_model));
        run->jobs.emplace(id, std::move(job));
    }

    std::vector<StatusEvent> events;
    std::vector<int> ready;
    {
        QMutexLocker lock(&m_mutex);
        if (m_run)
            return false;
        run->id = m_nextRunId++;
        run->summary.runId = run->id;
        run->summary.started = true;
        run->timer.start();

        // Nodes removed from the model since: drop their cache entries.
        for (auto it = m_cache.begin(); it != m_cache.end();)
            it = m_model->hasNode(it->first) ? std::next(it) : m_cache.erase(it);

        // Reuse what is cached; queue the rest.
        for (int id : order) {
            Job &job = run->jobs.at(id);
            const auto cached = m_cache.find(id);
            // A node fed by one computed again in this run is computed again too (its key
            // only changes with its inputs' keys, and a partial output keeps its key).
            bool upstreamRecomputed = false;
            for (const auto &[up, port] : job.inputs)
                upstreamRecomputed = upstreamRecomputed || (up != 0 && !run->jobs.at(up).finished);
            if (cached != m_cache.end() && cached->second.key == job.key && !cached->second.partial
                && !upstreamRecomputed) {
                job.finished = true;
                job.outputs = cached->second.outputs;
                run->summary.reused.push_back(id);
                if (m_states[id].status != NodeStatus::Done) {
                    m_states[id].progress = 1.0;
                    setStateLocked(id, NodeStatus::Done, QString(), events);
                }
                continue;
            }
            ++run->remaining;
            m_states[id].progress = 0.0;
            m_states[id].warnings.clear();
            m_states[id].partial = false;
            setStateLocked(id, NodeStatus::Queued, QString(), events);
            for (const auto &[up, port] : job.inputs) {
                if (up == 0)
                    continue;
                Job &upstream = run->jobs.at(up);
                if (!upstream.finished) {
                    ++job.pending;
                    upstream.dependents.push_back(id);
                }
            }
            if (job.pending == 0)
                ready.push_back(id);
        }
        if (run->remaining > 0)
            m_run = run;
    }

    Q_EMIT runStarted(run->id);
    emitEvents(events);
    if (run->remaining == 0) {
        // Nothing to compute: finish now, on this thread.
        RunSummary summary;
        {
            QMutexLocker lock(&m_mutex);
            run->summary.elapsedMs = run->timer.elapsed();
            m_lastSummary = run->summary;
            m_lastFinishedRun = run->id;
            summary = m_lastSummary;
        }
        m_finishedCondition.notify_all();
        Q_EMIT runFinished(summary);
        return true;
    }
    for (int id : ready)
        submit(run, id);
    return true;
}

void Executor::submit(const std::shared_ptr<RunState> &run, int id)
{
    m_pool.start([this, run, id] { execute(run, id); });
}

void Executor::execute(const std::shared_ptr<RunState> &run, int id)
{
    const Job *job = nullptr;
    std::vector<NodeValuePtr> inputs;
    {
        QMutexLocker lock(&m_mutex);
        job = &run->jobs.at(id);
        for (const auto &[up, port] : job->inputs) {
            if (up == 0) {
                inputs.push_back(nullptr);
                continue;
            }
            const Job &upstream = run->jobs.at(up);
            inputs.push_back(static_cast<std::size_t>(port) < upstream.outputs.size()
                    ? upstream.outputs[static_cast<std::size_t>(port)]
                    : nullptr);
        }
    }

    if (run->cancel.load()) {
        finish(run, id, NodeStatus::Cancelled, QStringLiteral("cancelled"), {}, {}, {});
        return;
    }
    for (int port = 0; port < job->type->inputs.size(); ++port) {
        const PortSpec &spec = job->type->inputs[port];
        if (!spec.optional && !inputs[static_cast<std::size_t>(port)]) {
            // Connected, but its node gave no value there (NodeContext::leaveOutputEmpty).
            const int up = static_cast<std::size_t>(port) < job->inputs.size()
                ? job->inputs[static_cast<std::size_t>(port)].first
                : 0;
            finish(run, id, NodeStatus::Failed,
                up != 0 ? QCoreApplication::translate(
                    "NodeError", "input '%1' received no value (node %2 gives none there)")
                              .arg(spec.displayLabel())
                              .arg(up)
                        : QCoreApplication::translate("NodeError", "input '%1' is not connected")
                              .arg(spec.displayLabel()),
                {}, {}, {});
            return;
        }
    }

    {
        std::vector<StatusEvent> events;
        {
            QMutexLocker lock(&m_mutex);
            if (!run->removed.count(id))
                setStateLocked(id, NodeStatus::Running, QString(), events);
        }
        emitEvents(events);
    }

    // Progress is reported from this worker thread (see the class comment).
    auto progressSink = [this, run, id](double fraction) {
        {
            QMutexLocker lock(&m_mutex);
            if (run->removed.count(id))
                return;
            m_states[id].progress = fraction;
        }
        Q_EMIT nodeProgress(id, fraction);
    };
    // Live updates, also from this worker thread.
    auto updateSink = [this, run, id](NodeValuePtr value) {
        {
            QMutexLocker lock(&m_mutex);
            if (run->removed.count(id))
                return;
        }
        Q_EMIT nodeUpdate(id, std::move(value));
    };
    NodeContext ctx(id, *job->type, job->parameters, std::move(inputs), run->baseDirectory,
        &run->cancel, progressSink, updateSink);
    ctx.setStopTrainingFlag(job->stopTraining.get());
    ctx.setWorkflow(run->workflow);
    QString error;
    bool failed = false;
    try {
        ComputeFunction compute = job->type->createCompute();
        if (!compute)
            throw NodeError(
                QStringLiteral("node type %1 made no compute function").arg(job->type->id));
        compute(ctx);
    } catch (const NodeError &e) {
        failed = true;
        error = e.message();
    } catch (const std::bad_alloc &) {
        failed = true;
        error = QStringLiteral("out of memory");
    } catch (const std::exception &e) {
        failed = true;
        error = QString::fromUtf8(e.what());
    } catch (...) {
        failed = true;
        error = QStringLiteral("unknown error");
    }

    if (run->cancel.load()) {
        finish(run, id, NodeStatus::Cancelled, QStringLiteral("cancelled"), {}, {}, {});
        return;
    }
    if (failed) {
        finish(run, id, NodeStatus::Failed, error.isEmpty() ? QStringLiteral("failed") : error, {},
            {}, ctx.warnings());
        return;
    }
    for (int port = 0; port < job->type->outputs.size(); ++port) {
        if (!ctx.outputs()[static_cast<std::size_t>(port)] && !ctx.outputLeftEmpty(port)) {
            finish(run, id, NodeStatus::Failed,
                QStringLiteral("produced no value for output '%1'")
                    .arg(job->type->outputs[port].displayLabel()),
                {}, {}, ctx.warnings());
            return;
        }
    }
    if (ctx.isPartial()) {
        QMutexLocker lock(&m_mutex);
        run->jobs.at(id).partial = true;
    }
    finish(run, id, NodeStatus::Done, ctx.warnings().join(QLatin1Char('\n')), ctx.outputs(),
        ctx.result(), ctx.warnings());
}

void Executor::finish(const std::shared_ptr<RunState> &run, int id, NodeStatus outcome,
    QString message, std::vector<NodeValuePtr> outputs, NodeValuePtr result, QStringList warnings)
{
    std::vector<StatusEvent> events;
    std::vector<int> ready;
    int finishedCount = 1;
    {
        QMutexLocker lock(&m_mutex);
        Job &job = run->jobs.at(id);
        job.finished = true;
        const bool gone = run->removed.count(id) != 0;
        if (!gone)
            m_states[id].warnings = warnings;
        if (outcome == NodeStatus::Done) {
            job.outputs = outputs;
            if (!gone) {
                m_cache[id]
                    = CacheEntry { job.key, std::move(outputs), std::move(result), job.partial };
                m_states[id].progress = 1.0;
                m_states[id].partial = job.partial;
            }
            run->summary.executed.push_back(id);
            if (job.partial)
                run->summary.partial.push_back(id);
            for (int dependent : job.dependents) {
                Job &d = run->jobs.at(dependent);
                if (--d.pending == 0 && !d.finished)
                    ready.push_back(dependent);
            }
        } else {
            m_cache.erase(id);
            if (outcome == NodeStatus::Failed) {
                run->summary.failed.push_back(id);
                run->summary.failureMessages.insert(id, message);
            } else {
                run->summary.cancelledNodes.push_back(id);
            }
            // Everything downstream in this run will not run.
            const QString why = outcome == NodeStatus::Failed
                ? QStringLiteral("not run: %1 failed").arg(describeNode(id, job.type))
                : QStringLiteral("cancelled");
            const NodeStatus downstreamStatus
                = outcome == NodeStatus::Failed ? NodeStatus::Skipped : NodeStatus::Cancelled;
            std::vector<int> stack(job.dependents.begin(), job.dependents.end());
            while (!stack.empty()) {
                Job &d = run->jobs.at(stack.back());
                stack.pop_back();
                if (d.finished)
                    continue;
                d.finished = true;
                ++finishedCount;
                m_cache.erase(d.id);
                (downstreamStatus == NodeStatus::Skipped ? run->summary.skipped
                                                         : run->summary.cancelledNodes)
                    .push_back(d.id);
                if (!run->removed.count(d.id))
                    setStateLocked(d.id, downstreamStatus, why, events);
                stack.insert(stack.end(), d.dependents.begin(), d.dependents.end());
            }
        }
        // This node's own status goes first.
        if (!gone) {
            events.insert(events.begin(), StatusEvent { id, outcome, message });
            m_states[id].status = outcome;
            m_states[id].message = message;
        }
    }
    emitEvents(events);
    for (int next : ready)
        submit(run, next);
    completeJobs(run, finishedCount);
}

void Executor::completeJobs(const std::shared_ptr<RunState> &run, int count)
{
    RunSummary summary;
    {
        QMutexLocker lock(&m_mutex);
        run->remaining -= count;
        if (run->remaining > 0)
            return;
        run->summary.cancelled = run->cancel.load();
        run->summary.elapsedMs = run->timer.elapsed();
        for (QList<int> *list :
            { &run->summary.executed, &run->summary.reused, &run->summary.failed,
                &run->summary.skipped, &run->summary.cancelledNodes, &run->summary.partial })
            sortUnique(*list);
        m_lastSummary = run->summary;
        m_lastFinishedRun = run->id;
        if (m_run == run)
            m_run.reset();
        summary = m_lastSummary;
    }
    m_finishedCondition.notify_all();
    Q_EMIT runFinished(summary);
}

void Executor::setStateLocked(
    int id, NodeStatus status, const QString &message, std::vector<StatusEvent> &events)
{
    NodeState &state = m_states[id];
    state.status = status;
    state.message = message;
    events.push_back({ id, status, message });
}

void Executor::emitEvents(const std::vector<StatusEvent> &events)
{
    for (const StatusEvent &e : events)
        Q_EMIT nodeStatusChanged(e.id, e.status, e.message);
}

void Executor::cancel()
{
    QMutexLocker lock(&m_mutex);
    if (m_run)
        m_run->cancel.store(true);
}

void Executor::stopTraining()
{
    QMutexLocker lock(&m_mutex);
    if (!m_run)
        return;
    for (auto &[id, job] : m_run->jobs)
        if (!job.finished && m_states[id].status == NodeStatus::Running)
            job.stopTraining->store(true);
}

bool Executor::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_run != nullptr;
}

RunSummary Executor::runBlocking(const QList<int> &targets)
{
    std::uint64_t runId = 0;
    {
        QMutexLocker lock(&m_mutex);
        runId = m_nextRunId;
    }
    if (!run(targets)) {
        RunSummary refused;
        refused.error = isRunning() ? QStringLiteral("a run is already in progress")
                                    : QStringLiteral("a node to run does not exist");
        return refused;
    }
    waitForRun(runId);
    return lastSummary();
}

void Executor::waitForRun(std::uint64_t runId)
{
    const bool haveEventLoop
        = QCoreApplication::instance() != nullptr && thread() == QThread::currentThread();
    if (haveEventLoop) {
        QEventLoop loop;
        // Emitted from a worker thread; quit the loop in this one: queued.
        connect(
            this, &Executor::runFinished, &loop,
            [&loop, runId](const RunSummary &s) {
                if (s.runId >= runId)
                    loop.quit();
            },
            Qt::QueuedConnection);
        bool finished = false;
        {
            QMutexLocker lock(&m_mutex);
            finished = m_lastFinishedRun >= runId;
        }
        if (finished) {
            // Over before the loop could start: the node statuses the run emitted are still
            // queued for this thread; deliver them before returning, as the loop would.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
            return;
        }
        loop.exec();
        return;
    }
    std::unique_lock<QMutex> lock(m_mutex);
    m_finishedCondition.wait(lock, [&] { return m_lastFinishedRun >= runId; });
}

NodeState Executor::state(int id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_states.find(id);
    return it == m_states.end() ? NodeState() : it->second;
}

NodeValuePtr Executor::output(int id, int port) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_cache.find(id);
    if (it == m_cache.end() || port < 0 || port >= static_cast<int>(it->second.outputs.size()))
        return {};
    return it->second.outputs[static_cast<std::size_t>(port)];
}

NodeValuePtr Executor::result(int id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_cache.find(id);
    return it == m_cache.end() ? NodeValuePtr() : it->second.result;
}

bool Executor::isUpToDate(int id) const
{
    if (!m_model->hasNode(id))
        return false;
    QList<int> wanted = m_model->upstreamOf(id);
    wanted.push_back(id);
    const auto keys = computeKeys(m_model->topologicalOrder(wanted));
    QMutexLocker lock(&m_mutex);
    const auto it = m_cache.find(id);
    return it != m_cache.end() && it->second.key == keys.at(id);
}

void Executor::clearCache()
{
    std::vector<StatusEvent> events;
    {
        QMutexLocker lock(&m_mutex);
        if (m_run)
            return;
        m_cache.clear();
        for (auto &[id, state] : m_states) {
            if (state.status != NodeStatus::Idle) {
                state.progress = 0;
                state.warnings.clear();
                setStateLocked(id, NodeStatus::Idle, QString(), events);
            }
        }
    }
    emitEvents(events);
}

RunSummary Executor::lastSummary() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastSummary;
}

void Executor::markStale(int id)
{
    QList<int> affected = m_model->downstreamOf(id);
    affected.push_back(id);
    std::vector<StatusEvent> events;
    {
        QMutexLocker lock(&m_mutex);
        for (int node : affected) {
            // Nodes of the current run keep reporting that run.
            if (m_run && m_run->jobs.count(node) && !m_run->jobs.at(node).finished)
                continue;
            auto it = m_states.find(node);
            if (it == m_states.end() || it->second.status == NodeStatus::Idle)
                continue;
            it->second.progress = 0;
            it->second.warnings.clear();
            setStateLocked(node, NodeStatus::Idle, QString(), events);
        }
    }
    emitEvents(events);
}

void Executor::forgetNode(int id)
{
    QMutexLocker lock(&m_mutex);
    m_states.erase(id);
    m_cache.erase(id);
    if (m_run)
        m_run->removed.insert(id);
}

} // namespace sextant::engine
