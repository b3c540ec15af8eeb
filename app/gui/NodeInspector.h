#pragma once

#include "data/Dataset.h"
#include "data/Statistics.h"
#include "graph/NodeValue.h"
#include "graph/RunSummary.h"
#include "ml/PcaProjection.h"
#include "plots/ScatterGatherJob.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace sextant::engine {
class Executor;
class GraphModel;
class NodeRegistry;
} // namespace sextant::engine

namespace sextant::app {

// What the exploration views show of one workflow node's table: the table itself, the
// statistics and histogram of each column, the correlation of the numeric columns and
// the first two principal components. Everything proportional to the data is computed
// by executors on worker threads; the window only formats and draws. Immutable once
// emitted; shared by pointer.
struct NodeInspection {
    int nodeId = 0;
    // "File — iris.csv (node 1)", "Select Columns (node 2)".
    QString label;
    // The file a File node read (absolute); empty for other nodes.
    QString filePath;
    engine::Dataset dataset;
    QStringList warnings; // the node's warnings (a File node's load warnings)
    // One per dataset column; numeric histograms have `histogramBins` bins.
    QList<engine::ColumnSummary> summaries;
    std::vector<engine::Histogram> histograms;
    int histogramBins = 0;
    engine::CorrelationMatrix correlation; // empty when there is no numeric column
    // The ratios, columns and error of the principal components; their coordinates are
    // in `scatter` (moved there on the worker, not copied).
    engine::PcaProjection projection;
    // What the overview scatter explores: the table, with PC1 and PC2 as computed axes
    // over the complete rows (none when the projection failed). Built on the worker.
    std::shared_ptr<const plots::ScatterSource> scatter;
    qint64 elapsedMs = 0;
};

// Shows the table a workflow node produces, for the studio's exploration views (data
// table, column list, histogram, correlation heatmap, overview scatter).
//
// inspect(node) first makes the node's output current: when the workflow's executor has
// no up-to-date output for it, it runs the workflow up to that node ("Run to here"; a
// run of the workflow already going on is waited for, a run the inspector started for an
// older request is cancelled). Then it profiles the table on an executor of its own,
// over a small private graph: the table as a source, the column statistics, the
// correlation (the Correlation node) and the projection, in parallel, cached until the
// table changes. Both stages are cancellable and report progress.
//
// Only the newest request reports: a later inspect() or cancel() drops the older one
// silently. GUI thread only; the executor's signals are received queued.
class NodeInspector : public QObject {
    Q_OBJECT
public:
    enum class Stage { Running, Profiling };
    Q_ENUM(Stage)

    // `workflow` and `executor` must outlive the inspector.
    NodeInspector(engine::GraphModel &workflow, engine::Executor &executor, QObject *parent);
    ~NodeInspector() override;

    // Whether node `id` has a table output the views can show.
    bool hasTable(int id) const;
    // The node whose table stands for node `id` in the views: `id` itself when it has a
    // table output; otherwise the node feeding its first connected table input (a
    // learner's or a view's data), climbing through other inputs (a ROC view's
    // predictions come from a Predict node, whose data is that table) until a table is
    // found. 0 when there is none, or when the first connected table input on the way is
    // fed by an output the views do not show (a Split's test rows: showing the training
    // rows of the model instead would mislead).
    int tableNodeFor(int id) const;
    // Why node `id` cannot run yet (an input of it or of a node it depends on is not
    // connected, a File node without a file), or empty when it can. Checked without
    // running anything, so that selecting a half-built node does not fail it.
    QString whyNotRunnable(int id) const;
    // Starts showing node `id` (superseding the request in progress). False, with
    // nothing started, when the node does not exist or has no table output.
    bool inspect(int id);
    // Drops the request in progress (its runs are cancelled and wind down by themselves).
    void cancel();
    // The node of the request in progress, or 0.
    int pendingNode() const { return m_pending; }
    bool isBusy() const { return m_pending != 0; }
    // Runs not ended yet (the inspector's workflow run, its profiling run), including
    // cancelled ones winding down.
    int runningJobs() const;
    // The label inspect() would give node `id` ("File — iris.csv (node 1)").
    QString labelOf(int id) const;

    void setHistogramBins(int bins);

Q_SIGNALS:
    void started(int nodeId, const QString &label);
    void progress(int nodeId, sextant::app::NodeInspector::Stage stage, double fraction);
    void ready(std::shared_ptr<const sextant::app::NodeInspection> inspection);
    // The node could not be run (or its output is not a table): `message` says why.
    void failed(int nodeId, const QString &message);

private:
    struct Source;
    void startWorkflowRun();
    void startProfile();
    void onWorkflowFinished(const engine::RunSummary &summary);
    void onProfileFinished(const engine::RunSummary &summary);
    void fail(const QString &message);

    engine::GraphModel &m_workflow;
    engine::Executor &m_executor;
    // The profiling graph; declared in this order so the executor goes first.
    std::unique_ptr<engine::NodeRegistry> m_registry;
    std::shared_ptr<Source> m_source;
    std::unique_ptr<engine::GraphModel> m_profileGraph;
    std::unique_ptr<engine::Executor> m_profiler;

    int m_pending = 0; // the node of the request in progress
    int m_bins = 0;
    bool m_ownRun = false; // the workflow executor's run is one this inspector started
    bool m_supersededRun = false; // ... and this inspector cancelled it
    bool m_profiling = false; // the profiler's run belongs to the request in progress
    QString m_label;
    QString m_filePath;
    engine::NodeValuePtr m_table; // the table being profiled
    QStringList m_warnings;
    qint64 m_startedMs = 0;
};

} // namespace sextant::app
