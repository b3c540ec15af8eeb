#pragma once

#include "data/Column.h"
#include "data/Dataset.h"
#include "data/DensityGrid.h"
#include "plots/PlotView.h"
#include "plots/ScatterDensityJob.h"
#include "plots/ScatterGatherJob.h"

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QStringList>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class QCPColorScale;
class QCPGraph;
class QCPLayerable;
class QCPTextElement;
class QTimer;

namespace sextant::plots {

class ScatterControlBar;

// A scatter of two columns (or of two principal components), one point per row.
//
// Exploring a table: setSource() gives it a table (and computed coordinates such as
// principal components); a control bar above the plot then picks X, Y, Colour, Size and
// Shape among its columns. A column named "cluster" is the automatic colour, else the
// target. The columns of a choice are gathered (rows aligned, class-like numbers turned
// into classes) on the worker thread when there are more rows than the density threshold,
// never on the GUI thread. Size maps a numeric column
// to 3..16 px discs; Shape gives the first six classes of a categorical column their own
// marker and the rest one "other" marker (said in the legend). Size and shape apply to
// points, not to density cells.
//
// Colouring: by a categorical column (class or cluster label; one colour per category,
// legend), by a numeric column (colour bar), or none. Interaction: wheel zoom and drag
// pan, Ctrl+drag zooms into a rectangle, Shift+drag (or plain drag once "Drag selects"
// is on) selects the rows in a rectangle, Alt+drag (or a selecting drag once "Lasso" is
// on) the rows inside a lasso, a click selects the nearest row; all emit `rowsSelected`
// with row ids, and `setSelectedRows` highlights rows selected
// elsewhere (the data table). Hovering a point shows its row.
//
// Big data: above `densityThreshold()` points (100k by default) the scatter switches to
// density rendering: the engine's DensityGrid counts the points per 2 x 2 pixel cell
// of the visible range on a background thread, and the cells are drawn as an image,
// coloured by a blend of the class colours weighted by their counts in the cell (mixed in
// OKLab, weights growing with the square root of the counts so that a 1% share still
// tints the cell: ScatterDensityJob::blend; or by the majority class),
// by the mean of the
// numeric colour column, or by count. Zooming or panning re-aggregates the new range
// (coalesced, latest request wins, older ones are cancelled); until the new image arrives
// the previous one is drawn stretched. In this mode the GUI thread never loops over the
// points: bounds, aggregation and rectangle selection run on the worker.
//
// Data layout: x, y (and the colour column) have one entry per row; NaN/missing cells
// are not drawn. Columns are shared with the caller, not copied.
class ScatterPlot : public PlotView {
    Q_OBJECT
public:
    using ColorMode = ScatterColorMode;
    using DensityColoring = ScatterDensityColoring;
    static constexpr qint64 kDefaultDensityThreshold = 100'000;
    // Selected rows drawn as highlighted points at most (the selection itself is complete).
    static constexpr int kMaxHighlighted = 100'000;
    // Point diameters a Size column maps to.
    static constexpr double kMinSizePx = 3.0, kMaxSizePx = 16.0;

    explicit ScatterPlot(QWidget *parent = nullptr);
    ~ScatterPlot() override;

    // A table to explore with the control bar (see the class comment). The choice's empty
    // names are filled automatically; the columns arrive asynchronously (`dataGathered`).
    void setSource(ScatterSource source);
    // The same for a shared source (not copied; its choice is the initial one).
    void setSource(std::shared_ptr<const ScatterSource> source);
    // Shows another choice of the source's columns (as if picked in the control bar).
    void setChoice(const ScatterChoice &choice);
    ScatterChoice choice() const { return m_choice; }
    bool hasSource() const { return m_source != nullptr; }
    // The control bar (hidden without a source).
    ScatterControlBar *controlBar() const { return m_controlBar; }
    // True while columns are being gathered for the plot (on the worker: sources with more
    // rows than the density threshold; smaller ones are gathered at once).
    bool isGathering() const { return m_gatherPending; }
    // Finishes what is pending on the calling thread: the gathering of the columns, then
    // the density image (exports without an event loop, tests).
    void settleNow();

    // The points: row i at (x[i], y[i]). Categorical columns plot their category codes.
    // (Drops a source set before: no control bar.)
    void setData(const engine::Column &x, const engine::Column &y);
    // Computed coordinates (e.g. PCA scores), taken over without a copy.
    void setData(
        std::vector<double> x, std::vector<double> y, const QString &xLabel, const QString &yLabel);
    // Row ids reported by signals and shown in tool tips, when point i is not row i
    // (e.g. PCA of the complete rows only). Empty: point i is row i.
    void setRowIds(std::vector<qint64> rowIds);
    // Colour by a column: categorical (or a numeric one that suggestsCategorical) gives
    // classes and a legend, numeric a colour bar. Must have one entry per point; an
    // empty column (or one of another length) removes the colouring.
    void setColorColumn(const engine::Column &column);
    void clearColor();
    // Size and shape columns with one entry per point (empty: none).
    void setSizeColumn(const engine::Column &column);
    void setShapeColumn(const engine::Column &column);
    const engine::Column &sizeColumn() const { return m_size; }
    const engine::Column &shapeColumn() const { return m_shape; }
    // The colour column as plotted (classes or numbers per colorMode()).
    const engine::Column &colorColumn() const { return m_color; }
    // The dataset whose cells the tool tip lists for a hovered row (shared, not copied).
    void setRowSource(const engine::Dataset &dataset);
    void clear();

    void setDensityThreshold(qint64 points);
    qint64 densityThreshold() const { return m_densityThreshold; }
    bool isDensityMode() const;
    void setDensityColoring(DensityColoring coloring);
    DensityColoring densityColoring() const { return m_densityColoring; }
    // Aggregates the visible range on the calling thread and shows it (tests, benchmarks).
    void refreshDensityNow();
    // True while a background aggregation is running, queued or about to be started.
    bool isAggregating() const;
    // Number of density images shown so far.
    quint64 densityGeneration() const { return m_densityGeneration; }
    // Cells of the last density grid (empty in point mode).
    QSize densityGridSize() const;
    // The last density grid (nullptr in point mode or before the first one).
    const engine::DensityGrid *densityGrid() const;
    // Pixel position of the density image's top-left and bottom-right corners.
    QRectF densityImageRect() const;

    // When true a plain drag selects (Shift+drag always does); otherwise it pans.
    void setDragSelects(bool on);
    bool dragSelects() const { return m_dragSelects; }
    // When true a selecting drag draws a lasso instead of a rectangle (Alt+drag always
    // draws one; Ctrl adds to the selection).
    void setLassoSelects(bool on);
    bool lassoSelects() const { return m_lassoSelects; }
    // Selects the rows whose points lie inside `polygon` (plot coordinates, even-odd
    // rule) — what a lasso does. Runs on the worker in density mode.
    void selectInPolygon(const QPolygonF &polygon, bool add = false);
    // Selects the rows whose points lie in `rect` (plot coordinates) — what a rubber band
    // does. Runs on the worker in density mode; `selectionChanged` reports the result.
    void selectInRect(const QRectF &rect, bool add = false);
    // Highlights these row ids (a selection made elsewhere: the data table, a histogram):
    // the highlighted points are drawn on top in full colour, the others dimmed (in
    // density mode the cells). Does not emit. An empty list shows everything again.
    void setHighlightedRows(const QList<qint64> &rows);
    // The same as setHighlightedRows.
    void setSelectedRows(const QList<qint64> &rows);
    QList<qint64> selectedRows() const { return m_selected; }
    int highlightedCount() const;

    // What is drawn, for tests.
    qint64 pointCount() const;
    ColorMode colorMode() const { return m_colorMode; }
    // QCustomPlot plottables: one (empty) legend graph per class, none otherwise.
    int plottableCount() const;
    // Points drawn one by one (0 in density mode).
    qint64 drawnPointCount() const;
    // Points with finite coordinates (once the bounds are known).
    qint64 finitePointCount() const { return m_summary.finite; }
    // Marker diameter (pixels) and shape (ScatterPointLayer::Shape) of point i as drawn
    // (point mode); -1 when not drawn.
    double pointSizeAt(qint64 index) const;
    int pointShapeAt(qint64 index) const;
    // Opacity of the points (or density cells) not highlighted: below 1 while rows are
    // highlighted.
    double dimming() const;
    // Class names in the legend (its title, the colour column's name, is not included).
    QStringList legendEntries() const;
    QString legendTitle() const;
    bool hasColorScale() const;
    // Data bounds (finite points) once known; visible axis ranges.
    QRectF dataBounds() const { return m_bounds; }
    QRectF visibleRange() const;
    // Zooms/pans to a range of plot coordinates (re-aggregates in density mode).
    void setVisibleRange(const QRectF &range);
    QString xLabel() const;
    QString yLabel() const;
    // The point index (not row id) nearest to a pixel within a few pixels, or -1 (point
    // mode only).
    qint64 pointAt(const QPointF &pixel) const;
    // Row id of point `index`.
    qint64 rowId(qint64 index) const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    // Rows (source-table row ids) chosen in the plot by a rubber band or a click, every
    // point inside also in density mode; empty when cleared. Not emitted for
    // setHighlightedRows.
    void rowsSelected(const QList<qint64> &rows);
    // The same rows, emitted with rowsSelected.
    void selectionChanged(const QList<qint64> &rows);
    // The person picked other columns in the control bar (or setChoice was called).
    void choiceChanged(const sextant::plots::ScatterChoice &choice);
    // The columns of a setSource/setChoice arrived and are shown.
    void dataGathered();
    void pointClicked(qint64 row);
    // A new density image is shown.
    void densityUpdated();

protected:
    // Columns produced by `job` for about `points` points: on the worker above the density
    // threshold (or by settleNow on the calling thread), shown when they arrive; at most
    // the threshold's worth right here (point mode walks them on this thread anyway). For
    // views that derive their points (residuals).
    using GatherFunction = std::function<ScatterGathered(const std::atomic<bool> *cancel)>;
    void gather(GatherFunction job, qint64 points);
    // Views symmetric around y = 0 (residuals) instead of padded bounds.
    void setSymmetricView(bool on) { m_symmetricY = on; }
    const engine::Column &xColumn() const { return m_x; }
    const engine::Column &yColumn() const { return m_y; }

    DragAction dragActionFor(Qt::KeyboardModifiers modifiers) const override;
    void selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers modifiers) override;
    void clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers) override;
    void addContextMenuActions(QMenu *menu) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyGathered(ScatterGathered g);
    void startGather();
    void rebuild();
    int groupOf(std::size_t i, int K) const;
    QRectF viewOf(const QRectF &bounds) const;
    void rebuildPoints();
    void updateColorScale();
    void scheduleDensity();
    void startDensityJob(bool computeSummary);
    void onDensityReady(const std::shared_ptr<ScatterDensityResult> &result, quint64 request);
    ScatterDensityRequest makeDensityRequest(bool computeSummary) const;
    void applyBounds(const QRectF &bounds);
    void updateHighlight();
    void finishSelection(QList<qint64> rows, bool add);
    // Rows of the points for which `inside(x, y)` holds (on the worker in density mode).
    void selectWhere(std::function<bool(double, double)> inside, bool add);
    std::span<const double> xs() const { return m_x.values(); }
    std::span<const double> ys() const { return m_y.values(); }
    std::span<const std::int32_t> classCodes() const;
    std::span<const double> colorValues() const;
    int classCount() const;
    QStringList classNames() const;

    engine::Column m_x, m_y;
    engine::Column m_color; // categorical (codes) or numeric (values), per m_colorMode
    ColorMode m_colorMode = ColorMode::None;
    engine::Column m_size; // numeric, or empty
    engine::Column m_shape; // categorical, or empty
    std::shared_ptr<const ScatterSource> m_source; // the explored table, or null
    ScatterChoice m_choice;
    ScatterControlBar *m_controlBar = nullptr;
    GatherFunction m_gatherJob; // the latest gathering asked for (for settleNow)
    quint64 m_gatherRequest = 0;
    bool m_gatherPending = false;
    std::shared_ptr<std::atomic<bool>> m_gatherCancel;
    bool m_symmetricY = false;
    QVector<QColor> m_groupColors; // the point groups' colours (classes or buckets, + missing)
    QList<QCPGraph *> m_shapeGraphs; // legend entries of the shapes
    std::vector<qint64> m_rowIds;
    std::unordered_map<qint64, qint64> m_indexOfRow; // built on demand from m_rowIds
    std::optional<engine::Dataset> m_rowSource;
    ScatterSummary m_summary;
    QRectF m_bounds;

    qint64 m_densityThreshold = kDefaultDensityThreshold;
    DensityColoring m_densityColoring = DensityColoring::Blend;
    bool m_dragSelects = false;
    bool m_lassoSelects = false;
    bool m_lassoActive = false; // a lasso drag is in progress
    bool m_lassoAdds = false;
    QPolygonF m_lassoPixels; // its vertices so far (plot widget pixels)
    QCPLayerable *m_lassoLayer; // draws m_lassoPixels
    bool m_settingRange = false;

    QList<QCPGraph *> m_graphs; // empty graphs: the legend entries of the classes
    QCPLayerable *m_points; // the points (point mode): a ScatterPointLayer
    QCPLayerable *m_highlight; // rings/shade over the selected rows
    QCPTextElement *m_legendTitle;
    QCPColorScale *m_colorScale = nullptr;
    QCPLayerable *m_densityLayer; // a ScatterDensityLayer
    QTimer *m_densityTimer;

    // Density state, GUI thread only.
    std::unique_ptr<engine::DensityGrid> m_grid;
    QImage m_densityImage;
    QRectF m_densityRect; // data coordinates covered by m_densityImage
    quint64 m_densityRequest = 0;
    quint64 m_densityGeneration = 0;
    int m_pendingJobs = 0;
    std::shared_ptr<std::atomic<bool>> m_densityCancel;

    QList<qint64> m_selected;
    quint64 m_selectionRequest = 0;

    // One worker: aggregations and rectangle selections run in order; a newer request
    // cancels the running one. Declared last: destroyed (after being waited for in the
    // destructor) before anything a job reports to.
    QThreadPool m_pool;
};

} // namespace sextant::plots
