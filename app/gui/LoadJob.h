#pragma once

#include "data/LoadResult.h"
#include "data/Statistics.h"
#include "ml/PcaProjection.h"

#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace sextant::app {

// What a LoadJob hands back: the load result and, when it succeeded, everything the first
// views need that is proportional to the data (summaries and default histograms), so the
// GUI thread only formats and draws. Immutable once emitted; shared by pointer.
struct LoadOutcome {
    QString path;
    engine::LoadResult result;
    // One per dataset column, when result.ok().
    QList<engine::ColumnSummary> summaries;
    // One per dataset column, numeric ones with `histogramBins` bins.
    std::vector<engine::Histogram> histograms;
    int histogramBins = 0;
    // Pearson matrix of the numeric columns and the first two principal components of the
    // numeric features, for the overview views.
    engine::CorrelationMatrix correlation;
    engine::PcaProjection projection;
    qint64 elapsedMs = 0;
};

// Loads one file on its own worker thread: DatasetLoader::load, then per-column summaries
// and histograms (columns in parallel). Reports progress and the outcome by signals that
// are emitted from the worker thread — connect them with Qt::QueuedConnection.
//
// cancel() sets an atomic flag polled by the loader and between columns; a cancelled job
// still emits finished() with result.cancelled set. The destructor cancels and joins, so
// a job can be deleted at any time (it blocks until the loader notices).
class LoadJob : public QObject {
    Q_OBJECT
public:
    enum class Stage { Reading, Summarizing };
    Q_ENUM(Stage)

    LoadJob(QString path, int histogramBins, QObject *parent = nullptr);
    ~LoadJob() override;

    void start();
    void cancel();
    bool isCancelled() const { return m_cancel.load(std::memory_order_relaxed); }
    const QString &path() const { return m_path; }

Q_SIGNALS:
    // From the worker thread. `percent` is within the stage; emitted only when it grows.
    void progressChanged(sextant::app::LoadJob::Stage stage, int percent);
    // From the worker thread, exactly once per started job.
    void finished(std::shared_ptr<const sextant::app::LoadOutcome> outcome);

private:
    void run();
    void report(Stage stage, double fraction);
    void summarize(LoadOutcome &outcome);

    const QString m_path;
    const int m_bins;
    std::atomic<bool> m_cancel { false };
    // stage * 1000 + percent of the last progressChanged, so each value is emitted once.
    std::atomic<int> m_lastProgress { -1 };
    std::thread m_thread;
};

} // namespace sextant::app
