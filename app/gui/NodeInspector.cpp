#include "gui/NodeInspector.h"

#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeContext.h"
#include "graph/NodeError.h"
#include "graph/NodeRegistry.h"
#include "nodes/ColumnProfileNode.h"
#include "nodes/CorrelationNode.h"
#include "nodes/FileSourceNode.h"
#include "nodes/ImageFolderNode.h"
#include "nodes/ProjectionNode.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <algorithm>
#include <utility>

namespace sextant::app {

using engine::Dataset;
using engine::NodeContext;
using engine::NodeType;
using engine::NodeValuePtr;
using engine::PortSpec;
using engine::PortType;

namespace {

// Node ids in the profiling graph.
constexpr int kTableNode = 1;
constexpr int kColumnsNode = 2;
constexpr int kCorrelationNode = 3;
constexpr int kProjectionNode = 4;

// The projection node's result as the inspector keeps it: the engine node's projection
// (without coordinates) and the overview scatter's source.
struct Projection {
    engine::PcaProjection info;
    std::shared_ptr<const plots::ScatterSource> source;
};

// The engine's projection node, finishing on its worker: the coordinates move into the
// overview scatter's source and the rows into its row list, so nothing proportional to
// the data is left for the GUI thread to copy.
NodeType projectionType()
{
    NodeType t = engine::ProjectionNode::type();
    t.setCompute([](NodeContext &ctx) {
        const Dataset &table = ctx.inputAs<Dataset>(0);
        std::optional<engine::TableProjection> p
            = engine::ProjectionNode::project(table, ctx.cancelFlag());
        if (!p)
            return;
        auto source = std::make_shared<plots::ScatterSource>();
        source->table = table;
        if (p->ok()) {
            p->pc1.setName(
                NodeInspector::tr("PC1 (%1% of variance)").arg(p->info.ratio1 * 100, 0, 'f', 1));
            p->pc2.setName(
                NodeInspector::tr("PC2 (%1% of variance)").arg(p->info.ratio2 * 100, 0, 'f', 1));
            source->extra = { std::move(p->pc1), std::move(p->pc2) };
            source->extraRows = std::move(p->rows);
        }
        ctx.setResult(engine::makeValue(Projection { std::move(p->info), std::move(source) }));
    });
    return t;
}

} // namespace

// The table being profiled, handed to the profiling graph's source node. Set on the GUI
// thread before a run starts; read by the source node on a worker thread.
struct NodeInspector::Source {
    mutable QMutex mutex;
    NodeValuePtr value; // guarded by mutex
    quint64 generation = 0; // guarded by mutex; part of the source node's cache key

    void set(NodeValuePtr v)
    {
        QMutexLocker lock(&mutex);
        value = std::move(v);
        ++generation;
    }
    NodeValuePtr get() const
    {
        QMutexLocker lock(&mutex);
        return value;
    }
    QByteArray key() const
    {
        QMutexLocker lock(&mutex);
        return QByteArray::number(generation);
    }
};

NodeInspector::NodeInspector(
    engine::GraphModel &workflow, engine::Executor &executor, QObject *parent)
    : QObject(parent), m_workflow(workflow), m_executor(executor),
      m_registry(std::make_unique<engine::NodeRegistry>()), m_source(std::make_shared<Source>())
{
    NodeType table;
    table.id = QStringLiteral("inspect.table");
    table.category = QStringLiteral("Inspect");
    table.displayName = QStringLiteral("Table");
    table.description = QStringLiteral("The table of the inspected workflow node.");
    table.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, {}, {}, false } };
    table.setCompute([source = m_source](NodeContext &ctx) {
        NodeValuePtr value = source->get();
        if (!value || !value->as<Dataset>())
            throw engine::NodeError(QStringLiteral("no table to inspect"));
        ctx.setOutput(0, std::move(value));
    });
    table.fingerprint
        = [source = m_source](const QVariantMap &, const QString &) { return source->key(); };
    // A fixed graph of built-in parts: a refusal here is a bug, reported in the log.
    QStringList refusals;
    const auto check = [&refusals](const auto &result) {
        if (!result.ok())
            refusals << result.error();
    };
    check(m_registry->add(std::move(table)));
    check(m_registry->add(engine::ColumnProfileNode::type()));
    check(m_registry->add(engine::CorrelationNode::type()));
    check(m_registry->add(projectionType()));

    m_profileGraph = std::make_unique<engine::GraphModel>(*m_registry);
    check(m_profileGraph->addNode(QStringLiteral("inspect.table"), {}, {}, kTableNode));
    check(m_profileGraph->addNode(engine::ColumnProfileNode::typeId(), {}, {}, kColumnsNode));
    check(m_profileGraph->addNode(engine::CorrelationNode::typeId(), {}, {}, kCorrelationNode));
    check(m_profileGraph->addNode(engine::ProjectionNode::typeId(), {}, {}, kProjectionNode));
    for (int sink : { kColumnsNode, kCorrelationNode, kProjectionNode })
        check(m_profileGraph->addConnection({ kTableNode, 0, sink, 0 }));
    if (!refusals.isEmpty())
        qWarning("NodeInspector: %s", qPrintable(refusals.join(QStringLiteral("; "))));
    m_bins = m_profileGraph->parameter(kColumnsNode, QStringLiteral("bins")).toInt();
    m_profiler = std::make_unique<engine::Executor>(*m_profileGraph);

    // Worker threads -> GUI thread: queued.
    connect(&m_executor, &engine::Executor::runFinished, this, &NodeInspector::onWorkflowFinished,
        Qt::QueuedConnection);
    // Worker threads -> GUI thread: queued.
    connect(
        &m_executor, &engine::Executor::nodeProgress, this,
        [this](int id, double fraction) {
            if (id == m_pending && !m_profiling)
                Q_EMIT progress(id, Stage::Running, fraction);
        },
        Qt::QueuedConnection);
    // Worker threads -> GUI thread: queued.
    connect(m_profiler.get(), &engine::Executor::runFinished, this,
        &NodeInspector::onProfileFinished, Qt::QueuedConnection);
    // Worker threads -> GUI thread: queued.
    connect(
        m_profiler.get(), &engine::Executor::nodeProgress, this,
        [this](int id, double fraction) {
            if (id == kColumnsNode && m_profiling && m_pending)
                Q_EMIT progress(m_pending, Stage::Profiling, fraction);
        },
        Qt::QueuedConnection);
}

NodeInspector::~NodeInspector()
{
    cancel();
    // The profiler's destructor cancels and waits for its workers, before the graph goes.
    m_profiler.reset();
}

static int tablePort(const NodeType *type)
{
    return type ? type->shownTableOutput() : -1;
}

bool NodeInspector::hasTable(int id) const
{
    return tablePort(m_workflow.nodeType(id)) >= 0;
}

int NodeInspector::tableNodeFor(int id) const
{
    QSet<int> seen;
    for (int node = id; node != 0 && !seen.contains(node);) {
        const NodeType *type = m_workflow.nodeType(node);
        if (!type)
            return 0;
        if (tablePort(type) >= 0)
            return node;
        seen.insert(node);
        int next = 0;
        // Table inputs first, then the others.
        for (int pass = 0; pass < 2 && next == 0; ++pass) {
            for (int port = 0; port < type->inputs.size() && next == 0; ++port) {
                if ((type->inputs[port].type == PortType::Table) != (pass == 0))
                    continue;
                const auto c = m_workflow.connectionInto(node, port);
                if (!c)
                    continue;
                if (pass == 0 && c->fromPort != tablePort(m_workflow.nodeType(c->fromNode)))
                    return 0; // not the table the views would show for that node
                next = c->fromNode;
            }
        }
        node = next;
    }
    return 0;
}

QString NodeInspector::whyNotRunnable(int id) const
{
    QList<int> nodes = m_workflow.upstreamOf(id);
    nodes.append(id);
    for (int n : std::as_const(nodes)) {
        const NodeType *type = m_workflow.nodeType(n);
        if (!type)
            continue;
        for (int port = 0; port < type->inputs.size(); ++port)
            if (!type->inputs[port].optional && !m_workflow.connectionInto(n, port))
                return tr("connect the input “%1” of %2 #%3")
                    .arg(type->inputs[port].displayLabel(), type->displayName)
                    .arg(n);
        if (type->id == engine::FileSourceNode::typeId()
            && m_workflow.parameter(n, QStringLiteral("path")).toString().trimmed().isEmpty())
            return tr("choose the file of %1 #%2").arg(type->displayName).arg(n);
        if (type->id == engine::ImageFolderNode::typeId()
            && m_workflow.parameter(n, QStringLiteral("path")).toString().trimmed().isEmpty())
            return tr("choose the folder of %1 #%2").arg(type->displayName).arg(n);
    }
    return {};
}

QString NodeInspector::labelOf(int id) const
{
    const NodeType *type = m_workflow.nodeType(id);
    if (!type)
        return {};
    if (type->id == engine::FileSourceNode::typeId()
        || type->id == engine::ImageFolderNode::typeId()) {
        const QString path = m_workflow.parameter(id, QStringLiteral("path")).toString();
        if (!path.isEmpty())
            return tr("%1 — %2 (node %3)")
                .arg(type->displayName, QFileInfo(path).fileName())
                .arg(id);
    }
    return tr("%1 (node %2)").arg(type->displayName).arg(id);
}

void NodeInspector::setHistogramBins(int bins)
{
    m_bins = std::clamp(bins, 1, 10000);
}

int NodeInspector::runningJobs() const
{
    return (m_ownRun ? 1 : 0) + (m_profiler->isRunning() ? 1 : 0);
}

bool NodeInspector::inspect(int id)
{
    if (!hasTable(id))
        return false;
    cancel();
    m_pending = id;
    m_label = labelOf(id);
    m_filePath.clear();
    if (const QString typeId = m_workflow.nodeType(id)->id;
        typeId == engine::FileSourceNode::typeId() || typeId == engine::ImageFolderNode::typeId())
        m_filePath = QFileInfo(
            NodeContext::resolvePath(m_workflow.parameter(id, QStringLiteral("path")).toString(),
                m_workflow.baseDirectory()))
                         .absoluteFilePath();
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT started(id, m_label);
    const int port = tablePort(m_workflow.nodeType(id));
    if (m_executor.isUpToDate(id) && m_executor.output(id, port)) {
        startProfile();
    } else if (!m_executor.isRunning()) {
        startWorkflowRun();
    }
    // Otherwise a run is going on (the person's, or one of ours being cancelled): its end
    // starts ours (onWorkflowFinished).
    return true;
}

void NodeInspector::cancel()
{
    m_pending = 0;
    if (m_ownRun) {
        m_executor.cancel(); // m_ownRun stays set until that run has ended
        m_supersededRun = true;
    }
    if (m_profiling)
        m_profiler->cancel();
    m_profiling = false;
    m_table.reset();
}

void NodeInspector::startWorkflowRun()
{
    m_ownRun = m_executor.run({ m_pending });
    if (!m_ownRun)
        fail(tr("the workflow could not be run"));
}

void NodeInspector::onWorkflowFinished(const engine::RunSummary &summary)
{
    m_ownRun = false;
    // A run this inspector cancelled itself: what it left cancelled is no failure.
    const bool superseded = std::exchange(m_supersededRun, false);
    if (!m_pending || m_profiling)
        return;
    if (!m_workflow.hasNode(m_pending)) {
        fail(tr("the node was removed"));
        return;
    }
    const int port = tablePort(m_workflow.nodeType(m_pending));
    if (m_executor.isUpToDate(m_pending) && m_executor.output(m_pending, port)) {
        startProfile();
        return;
    }
    const engine::NodeState state = m_executor.state(m_pending);
    switch (state.status) {
    case engine::NodeStatus::Failed:
    case engine::NodeStatus::Skipped:
        fail(state.message);
        return;
    case engine::NodeStatus::Cancelled:
        if (!superseded && summary.cancelled && !m_executor.isRunning()) {
            // Cancelled by the person (Cancel in the editor), not superseded by us.
            fail(tr("the run was cancelled"));
            return;
        }
        break;
    default:
        break;
    }
    if (!m_executor.isRunning())
        startWorkflowRun();
}

void NodeInspector::startProfile()
{
    const int port = tablePort(m_workflow.nodeType(m_pending));
    m_table = m_executor.output(m_pending, port);
    if (!m_table || !m_table->as<Dataset>()) {
        fail(tr("its output is not a table"));
        return;
    }
    m_warnings = m_executor.state(m_pending).warnings;
    m_source->set(m_table);
    const auto bins = m_profileGraph->setParameter(kColumnsNode, QStringLiteral("bins"), m_bins);
    if (!bins.ok()) { // m_bins is kept within the parameter's range
        fail(bins.error());
        return;
    }
    m_profiling = true;
    // A cancelled profile may still be winding down: ours starts when it has ended.
    if (!m_profiler->isRunning())
        m_profiler->run();
}

void NodeInspector::onProfileFinished(const engine::RunSummary &summary)
{
    if (!m_profiling || !m_pending)
        return;
    if (summary.cancelled || !m_profiler->isUpToDate(kColumnsNode)) {
        // The run of an older request ended (or the graph changed under it): run ours.
        if (!m_profiler->isRunning())
            m_profiler->run();
        return;
    }
    m_profiling = false;
    const NodeValuePtr columns = m_profiler->result(kColumnsNode);
    const auto *profile = columns ? columns->as<engine::ColumnProfile>() : nullptr;
    if (!profile) {
        fail(m_profiler->state(kColumnsNode).message);
        return;
    }
    auto inspection = std::make_shared<NodeInspection>();
    inspection->nodeId = m_pending;
    inspection->label = m_label;
    inspection->filePath = m_filePath;
    inspection->dataset = *m_table->as<Dataset>();
    inspection->warnings = m_warnings;
    inspection->summaries = profile->summaries;
    inspection->histograms = profile->histograms;
    inspection->histogramBins = profile->bins;
    if (const NodeValuePtr r = m_profiler->result(kCorrelationNode))
        if (const auto *m = r->as<engine::CorrelationMatrix>())
            inspection->correlation = *m;
    if (const NodeValuePtr r = m_profiler->result(kProjectionNode); r && r->as<Projection>()) {
        inspection->projection = r->as<Projection>()->info;
        inspection->scatter = r->as<Projection>()->source;
    } else {
        inspection->projection.error = m_profiler->state(kProjectionNode).message;
    }
    inspection->elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    m_pending = 0;
    m_table.reset();
    Q_EMIT ready(std::move(inspection));
}

void NodeInspector::fail(const QString &message)
{
    const int id = m_pending;
    cancel();
    Q_EMIT failed(id, message);
}

} // namespace sextant::app
