#pragma once

#include "data/Column.h"
#include "data/Statistics.h"

#include <QList>
#include <QStringList>
#include <QThreadPool>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPBars;
class QCPTextElement;
class QSpinBox;

namespace sextant::plots {

// The histogram of one column, drawn with QCustomPlot bars: equal-width bins for a
// numeric column (bin count chosen in a spin box), one bar per category for a categorical
// column (category names as tick labels; the most frequent kMaxCategoryBars when there
// are more).
//
// Histograms are O(rows): this widget never computes one on the GUI thread. Callers hand
// in a precomputed histogram (e.g. computed by the loader), and a change of bin count
// recomputes it on a background thread; the bars change when the result arrives.
class HistogramPlot : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDefaultBins = 20;
    static constexpr int kMaxBins = 500;
    static constexpr int kMaxCategoryBars = 60;

    explicit HistogramPlot(QWidget *parent = nullptr);
    ~HistogramPlot() override;

    // Shows `column`'s histogram. `precomputed` is drawn at once when it fits the current
    // bin count (any categorical histogram does); otherwise one is computed in the
    // background. The column is kept (cells are shared, not copied) for recomputing.
    void setColumn(const engine::Column &column, const engine::Histogram *precomputed = nullptr);
    // Draws a histogram computed elsewhere, titled after `columnName`.
    void setHistogram(const QString &columnName, bool categorical,
                      const engine::Histogram &histogram);
    // Removes the bars and the column.
    void clear();

    int binCount() const;
    // Sets the bin count for numeric columns (clamped to [1, kMaxBins]); recomputes the
    // current column's histogram in the background.
    void setBinCount(int bins);

    // What is drawn, for tests and exports.
    int barCount() const;
    QList<double> barValues() const;
    QStringList barLabels() const;
    QString title() const;
    // True while a background histogram is being computed for the current column.
    bool isComputing() const { return m_pending > 0; }
    // The plot itself, e.g. for exporting (include qcustomplot.h to use it).
    QCustomPlot *customPlot() const { return m_plot; }

Q_SIGNALS:
    void binCountChanged(int bins);
    // New bars were drawn (or removed).
    void histogramShown();

private:
    void onBinsEdited(int bins);
    void computeInBackground();
    void draw(const QString &columnName, bool categorical, const engine::Histogram &histogram);

    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPTextElement *m_title;
    QSpinBox *m_bins;

    std::optional<engine::Column> m_column;
    QList<double> m_values;
    QStringList m_labels;
    // Every request bumps the generation; results of older requests are dropped.
    quint64 m_generation = 0;
    int m_pending = 0;
    // One background thread: requests run in order; pending ones are dropped when a
    // newer one comes. Destroyed (and waited for) before the widgets it reports to.
    QThreadPool m_pool;
};

} // namespace sextant::plots
