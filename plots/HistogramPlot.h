#pragma once

#include "data/Column.h"
#include "data/Statistics.h"
#include "plots/PlotView.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QThreadPool>
#include <QVector>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QCPBars;
class QCPTextElement;
class QComboBox;
class QLabel;
class QSpinBox;

namespace sextant::engine {
struct GroupedHistogram;
} // namespace sextant::engine

namespace sextant::plots {

class FlowLayout;

// The histogram of one column, drawn with QCustomPlot bars: equal-width bins for a
// numeric column (bin count chosen in a spin box), one bar per category for a categorical
// column (category names as tick labels; the most frequent kMaxCategoryBars when there
// are more).
//
// Optionally split by a categorical column (the class): every class gets its own bars
// over the same bins, stacked (they add up to the unsplit histogram) or overlaid
// (semi-transparent), coloured by Palette::categorical(category index) as in the scatter
// plot, with a legend. Rows whose class is missing form a "(missing)" group; beyond
// kMaxSplitGroups classes, the least frequent are merged into "Other".
//
// Histograms are O(rows): this widget never computes one on the GUI thread. Callers hand
// in a precomputed histogram (e.g. computed by the loader), and a change of bin count or
// of the split column recomputes it on a background thread; the bars change when the
// result arrives. Hover tool tips give a bar's bin (or category), its count and, when
// split, each class's count. Export and copy come from PlotView's context menu.
//
// Linked selection: a click on a bar selects the rows of the shown column in that bin
// (Shift or Ctrl adds them to the selection; a click beside the bars clears it), found on
// the background thread and reported by rowsSelected. setHighlightedRows() draws the part
// of each bar that the selected rows make up over it, in the selection colour (the
// counts are computed in the background too).
class HistogramPlot : public PlotView {
    Q_OBJECT
public:
    enum class SplitMode { Stacked, Overlaid };
    Q_ENUM(SplitMode)

    static constexpr int kDefaultBins = 20;
    static constexpr int kMaxBins = 500;
    static constexpr int kMaxCategoryBars = 60;
    static constexpr int kMaxSplitGroups = 10;

    explicit HistogramPlot(QWidget *parent = nullptr);
    ~HistogramPlot() override;

    // Shows `column`'s histogram. `precomputed` is drawn at once when it fits the current
    // bin count (any categorical histogram does); otherwise one is computed in the
    // background. The column is kept (cells are shared, not copied) for recomputing.
    // With a split column, the per-class counts follow from the background.
    void setColumn(const engine::Column &column, const engine::Histogram *precomputed = nullptr);
    // Draws a histogram computed elsewhere, titled after `columnName` (never split: there
    // are no rows to split).
    void setHistogram(
        const QString &columnName, bool categorical, const engine::Histogram &histogram);
    // Removes the bars and the column (the split column is kept).
    void clear();

    // Splits the bars by the classes of `column` (categorical, one cell per row of the
    // shown column; a numeric column clears the split). Recomputes in the background.
    void setSplitColumn(const engine::Column &column);
    void clearSplitColumn();
    bool hasSplitColumn() const { return m_split.has_value(); }
    QString splitColumnName() const;
    SplitMode splitMode() const { return m_splitMode; }
    void setSplitMode(SplitMode mode);

    int binCount() const;
    // Sets the bin count for numeric columns (clamped to [1, kMaxBins]); recomputes the
    // current column's histogram in the background.
    void setBinCount(int bins);

    // What is drawn, for tests and exports. barValues() are the unsplit counts per bar
    // (the sum over the classes when split), in bar order.
    int barCount() const;
    QList<double> barValues() const;
    QStringList barLabels() const;
    // True when the drawn bars are split by class.
    bool isSplit() const { return !m_groups.empty(); }
    // The classes drawn (legend order) and their counts per bar.
    QStringList groupNames() const;
    QList<double> groupBarValues(int group) const;
    // Names in the visible legend (empty when it is hidden).
    QStringList legendEntries() const;
    // Pixel centre of bar `index` at the last replot (x: bar centre, y: half its total).
    QPointF barCenter(int index) const;
    // True while a background histogram is being computed for the current column.
    bool isComputing() const { return m_pending > 0; }

    // Selects the rows in bar `index` (as a click does): rowsSelected follows once they
    // are found in the background. Nothing happens while the bars are being recomputed.
    void selectBar(int index, bool extend = false);
    // Rows of the shown column (0-based, ascending) to draw as selected; empty: none.
    void setHighlightedRows(const QList<qint64> &rows);
    QList<qint64> highlightedRows() const { return m_highlight; }
    // The selected rows' count per bar (bar order) as drawn; empty when none is drawn.
    QList<double> selectedBarValues() const;
    // True while the rows of a clicked bar or the selected counts are being computed.
    bool isComputingSelection() const { return m_selectionPending > 0; }

    // Puts a caller's control (with its label) at the start of the controls row, e.g. the
    // main window's "Split by" combo.
    void addLeadingControl(QWidget *label, QWidget *control);

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    void binCountChanged(int bins);
    void splitModeChanged(sextant::plots::HistogramPlot::SplitMode mode);
    // New bars were drawn (or removed).
    void histogramShown();
    // A bar was clicked: the rows in its bin (0-based rows of the column, ascending).
    // `extend`: add them to the selection (Shift or Ctrl held) instead of replacing it.
    // A click beside the bars gives no rows (clear the selection).
    void rowsSelected(const QList<qint64> &rows, bool extend);
    // The selected part of the bars was drawn (after setHighlightedRows or new bars).
    void selectionShown();

protected:
    void clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers) override;

private:
    // One class's counts per histogram bin (not per drawn bar), ready to draw.
    struct Group {
        QString name;
        QColor color;
        std::vector<std::int64_t> counts;
    };

    void onBinsEdited(int bins);
    void computeInBackground();
    void cancelPending();
    void draw(const QString &columnName, bool categorical, const engine::Histogram &histogram,
        std::vector<Group> groups);
    void drawBars();
    void removeGroupBars();
    // Counts the highlighted rows per bin in the background, then draws them.
    void countSelectionInBackground();
    void drawSelectionBars();
    // After each layout: the count axis reaches high enough that the bars below the
    // legend end under it (in a short or narrow plot it would hide them).
    void makeRoomForLegend();
    // The bar under a pixel (index into m_order), or -1.
    int barAt(const QPointF &pixel) const;
    // Groups to draw from a grouped result: classes in dictionary order, empty ones left
    // out, the least frequent merged beyond kMaxSplitGroups, then the missing group.
    // Runs on the worker thread.
    static std::vector<Group> makeGroups(const engine::GroupedHistogram &grouped);

    QCPBars *m_bars;
    QCPBars *m_selectionBars; // the selected rows' part of each bar, drawn over the others
    QList<QCPBars *> m_groupBars;
    QCPTextElement *m_legendTitle;
    QSpinBox *m_bins;
    QLabel *m_modeLabel;
    QComboBox *m_mode;
    int m_leadingControls = 0;
    FlowLayout *m_controlRow;
    QWidget *m_modeBox; // the split mode's label and combo box, shown while split

    std::optional<engine::Column> m_column;
    std::optional<engine::Column> m_split;
    SplitMode m_splitMode = SplitMode::Stacked;

    // What is drawn: the histogram, its classes, the histogram bin of each bar.
    engine::Histogram m_histogram;
    QString m_columnName;
    bool m_categorical = false;
    std::vector<Group> m_groups;
    std::vector<std::size_t> m_order;
    QList<double> m_values;
    QStringList m_labels;
    double m_xLower = 0, m_xUpper = 1, m_yUpper = 1;
    double m_legendUpper = 1; // the count axis' top that makeRoomForLegend() last chose
    QVector<double> m_barTops; // split: each bar's drawn height, in bar order
    QVector<double> m_keys; // bar positions, in bar order
    double m_barWidth = 0.7;

    // Linked selection: the highlighted rows and their count per histogram bin (empty
    // while not known). Requests carry m_selectionGeneration; older results are dropped.
    QList<qint64> m_highlight;
    std::vector<std::int64_t> m_selectedCounts;
    quint64 m_selectionGeneration = 0;
    quint64 m_clickGeneration = 0;
    int m_selectionPending = 0;

    // Every request bumps the generation; results of older requests are dropped, and the
    // cancel flag of the request in flight is set.
    quint64 m_generation = 0;
    int m_pending = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    // One background thread: requests run in order; pending ones are dropped when a
    // newer one comes. Destroyed (and waited for) before the widgets it reports to.
    QThreadPool m_pool;
    // The linked selection's tasks (rows of a clicked bar, selected counts): one thread,
    // never cleared, so that every task reports back (m_selectionPending).
    QThreadPool m_selectionPool;
};

} // namespace sextant::plots
