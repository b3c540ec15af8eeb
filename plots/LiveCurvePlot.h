#pragma once

#include "plots/PlotView.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <atomic>
#include <vector>

class QCheckBox;
class QCPGraph;
class QTimer;

namespace sextant::plots {

// Live training curves: per run, one line per series (train loss, validation loss, a
// metric) against the epoch. Several runs overlay for comparison: a run keeps one colour,
// a series one line style, the legend says "run · series".
//
// `append` may be called from any thread at any rate: points go into a mutex-guarded
// buffer, and a GUI-thread timer moves them into the plot and replots at most ~30 times
// a second. The view follows the data (rescales) until the user zooms or pans; Reset view
// makes it follow again. Log scale is a check box (values <= 0 are not drawn then).
// In a plot narrower than kLegendMinWidth (a side dock) the legend would cover the curves:
// it is hidden there, and hovering a curve names it.
//
// Lifetime: producers must stop appending before the plot is destroyed (or go through a
// queued signal connected to `append`).
class LiveCurvePlot : public PlotView {
    Q_OBJECT
public:
    static constexpr int kDefaultFlushIntervalMs = 33;
    static constexpr int kLegendMinWidth = 340;

    explicit LiveCurvePlot(QWidget *parent = nullptr);
    ~LiveCurvePlot() override;

    // Thread-safe. Adds the point (epoch, value) to series `series` of run `runId`.
    void append(const QString &runId, const QString &series, double epoch, double value);
    // GUI thread: removes a run's curves, or everything.
    void removeRun(const QString &runId);
    void clear();

    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }
    void setYLabel(const QString &label);
    // The x axis: "Epoch" by default ("Iteration" for k-means, "Fold"...).
    void setXLabel(const QString &label);
    QString xLabel() const;

    // GUI thread: moves buffered points into the plot now (tests, end of training).
    void flush();

    // For tests: points drawn, points waiting in the buffer, curves, legend texts,
    // redraws caused by appended data.
    qint64 pointCount() const;
    qint64 pendingCount() const { return m_pendingCount.load(std::memory_order_relaxed); }
    int curveCount() const;
    QStringList legendEntries() const;
    bool legendShown() const;
    QStringList runs() const { return m_runOrder; }
    quint64 flushCount() const { return m_flushCount; }
    // The y range currently shown.
    std::pair<double, double> yRange() const;
    std::pair<double, double> xRange() const;

    void resetView() override;
    // The curve nearest the pointer (within a few pixels): "run · series", epoch, value.
    QString toolTipAt(const QPointF &pixel) const override;

protected:
    void addContextMenuActions(QMenu *menu) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Point {
        QString run;
        QString series;
        double epoch;
        double value;
    };

    QCPGraph *graphFor(const QString &run, const QString &series);
    void onTimer();
    void rescale();
    void updateLegend();

    // Guards m_pending (filled by any thread, drained by the GUI thread).
    mutable QMutex m_pendingMutex;
    std::vector<Point> m_pending; // guarded by m_pendingMutex
    // Size of m_pending, readable without the lock (the timer checks it 30 times a second).
    std::atomic<qint64> m_pendingCount { 0 };

    // GUI thread only from here on.
    QHash<QString, QCPGraph *> m_graphs; // key: run + '\n' + series
    QStringList m_runOrder;
    QStringList m_seriesOrder;
    QTimer *m_timer;
    QCheckBox *m_logBox;
    bool m_logScale = false;
    bool m_follow = true; // rescale after each flush until the user zooms/pans
    bool m_rescaling = false;
    quint64 m_flushCount = 0;
};

} // namespace sextant::plots
