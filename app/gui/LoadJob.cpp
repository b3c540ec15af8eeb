#include "gui/LoadJob.h"

#include "data/DatasetLoader.h"

#include <QElapsedTimer>
#include <algorithm>
#include <exception>
#include <new>

namespace sextant::app {

using engine::DatasetLoader;
using engine::LoadResult;

LoadJob::LoadJob(QString path, int histogramBins, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_bins(histogramBins)
{
}

LoadJob::~LoadJob()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void LoadJob::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { run(); });
}

void LoadJob::cancel()
{
    m_cancel.store(true, std::memory_order_relaxed);
}

void LoadJob::report(Stage stage, double fraction)
{
    const int percent = std::clamp(int(fraction * 100.0), 0, 100);
    const int key = int(stage) * 1000 + percent;
    // The loader may call this from several parsing threads: emit each step once.
    int last = m_lastProgress.load(std::memory_order_relaxed);
    while (key > last) {
        if (m_lastProgress.compare_exchange_weak(last, key, std::memory_order_relaxed)) {
            Q_EMIT progressChanged(stage, percent);
            return;
        }
    }
}

void LoadJob::summarize(LoadOutcome &outcome)
{
    const engine::Dataset &dataset = *outcome.result.dataset;
    const int columns = dataset.columnCount();
    outcome.summaries.resize(columns);
    outcome.histograms.resize(std::size_t(columns));
    outcome.histogramBins = m_bins;
    // Each thread writes only its own elements, through these pointers (no detaching).
    engine::ColumnSummary *summaries = outcome.summaries.data();
    engine::Histogram *histograms = outcome.histograms.data();
    // Columns are independent: share them out among the cores.
    std::atomic<int> next { 0 };
    std::atomic<int> done { 0 };
    std::atomic<bool> outOfMemory { false };
    auto work = [&] {
        try {
            for (int c = next++; c < columns && !isCancelled() && !outOfMemory; c = next++) {
                const engine::Column &column = dataset.column(c);
                summaries[c] = engine::Statistics::summarize(column);
                histograms[c] = engine::Statistics::histogram(column, m_bins);
                report(Stage::Summarizing, double(++done) / columns);
            }
        } catch (const std::bad_alloc &) {
            outOfMemory = true;
        }
    };
    const int threads
        = std::clamp(int(std::thread::hardware_concurrency()), 1, std::max(columns, 1));
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back(work);
    work();
    for (std::thread &t : helpers)
        t.join();
    if (outOfMemory)
        throw std::bad_alloc();
}

void LoadJob::run()
{
    auto outcome = std::make_shared<LoadOutcome>();
    outcome->path = m_path;
    QElapsedTimer timer;
    timer.start();
    try {
        engine::LoadControl control;
        control.cancel = &m_cancel;
        control.progress = [this](double fraction) { report(Stage::Reading, fraction); };
        report(Stage::Reading, 0.0);
        outcome->result = DatasetLoader::load(m_path, {}, control);
        if (outcome->result.ok() && !isCancelled()) {
            report(Stage::Summarizing, 0.0);
            summarize(*outcome);
            if (!isCancelled())
                outcome->correlation
                    = engine::Statistics::correlation(*outcome->result.dataset, {}, &m_cancel);
            if (!isCancelled())
                outcome->projection
                    = engine::PcaProjection::compute(*outcome->result.dataset, &m_cancel);
        }
    } catch (const std::bad_alloc &) {
        outcome->result
            = LoadResult::failure({ m_path, 0, 0, tr("not enough memory to load this file") });
    } catch (const std::exception &e) {
        outcome->result = LoadResult::failure({ m_path, 0, 0, QString::fromLocal8Bit(e.what()) });
    }
    // A cancel that came at any time before the outcome is emitted wins.
    if (isCancelled() && !outcome->result.cancelled) {
        outcome->summaries.clear();
        outcome->histograms.clear();
        outcome->result = LoadResult::wasCancelled(m_path);
    }
    outcome->elapsedMs = timer.elapsed();
    Q_EMIT finished(std::move(outcome));
}

} // namespace sextant::app
