#include "plots/ScatterPlot.h"

#include "plots/DateAxis.h"
#include "plots/NumberAxis.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/ScatterControlBar.h"
#include "plots/ScatterDensityJob.h"
#include "plots/ScatterDensityLayer.h"
#include "plots/ScatterPointLayer.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QMouseEvent>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace sextant::plots {

using engine::Column;
using engine::DensityGrid;

namespace {

constexpr int kNumericBuckets = 24;
// Delay that coalesces range changes (drag, wheel) into one re-aggregation.
constexpr int kDensityDelayMs = 30;
// How close (pixels) the mouse must be to a point for hover and click.
constexpr double kPickRadiusPx = 6.0;
// Size levels a Size column is quantised to (stamps per level are pre-rendered).
constexpr int kSizeLevels = 8;
// Opacity of what is not highlighted while rows are.
constexpr double kDimmed = 0.2;

QVector<QRgb> gradientTable(void (*setter)(QCPColorGradient &), int size = 256)
{
    QCPColorGradient g;
    setter(g);
    QVector<QRgb> table(size);
    for (int i = 0; i < size; ++i)
        table[i] = g.color(static_cast<double>(i) / (size - 1), QCPRange(0, 1));
    return table;
}

ScatterDensityLayer *densityLayer(QCPLayerable *l)
{
    return static_cast<ScatterDensityLayer *>(l);
}

ScatterPointLayer *pointLayer(QCPLayerable *l)
{
    return static_cast<ScatterPointLayer *>(l);
}

// The lasso being drawn: a closed outline over a light shade, in widget pixels.
class LassoLayer : public QCPLayerable {
public:
    LassoLayer(QCustomPlot *plot, const QPolygonF *pixels)
        : QCPLayerable(plot, QStringLiteral("overlay")), m_pixels(pixels)
    {
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override
    {
        applyAntialiasingHint(painter, true, QCP::aeOther);
    }
    void draw(QCPPainter *painter) override
    {
        if (m_pixels->size() < 2)
            return;
        QColor ink = mParentPlot->palette().color(QPalette::Text);
        QColor shade = mParentPlot->palette().color(QPalette::Highlight);
        shade.setAlpha(40);
        painter->setPen(QPen(ink, 1, Qt::DashLine));
        painter->setBrush(shade);
        painter->drawPolygon(*m_pixels);
    }

private:
    const QPolygonF *m_pixels;
};

} // namespace

ScatterPlot::ScatterPlot(QWidget *parent) : PlotView(parent), m_densityTimer(new QTimer(this))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("ScatterPlotPool"));
    QCustomPlot *plot = customPlot();
    plot->setAntialiasedElement(QCP::aeScatters, false);
    plot->addLayer(
        QStringLiteral("highlight"), plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);

    auto *layer = new ScatterDensityLayer(plot, plot->xAxis, plot->yAxis);
    layer->sizeChanged = [this] { scheduleDensity(); };
    m_densityLayer = layer;

    m_points = new ScatterPointLayer(plot, QStringLiteral("main"), plot->xAxis, plot->yAxis);
    m_highlight
        = new ScatterPointLayer(plot, QStringLiteral("highlight"), plot->xAxis, plot->yAxis);
    m_lassoLayer = new LassoLayer(plot, &m_lassoPixels);
    plot->installEventFilter(this); // lasso drags

    plot->legend->setVisible(false);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    QFont legendFont = font();
    legendFont.setPointSizeF(std::max(7.0, legendFont.pointSizeF() - 1));
    plot->legend->setFont(legendFont);
    // The legend's first row names the colour column; the class entries follow.
    QFont titleFont = legendFont;
    titleFont.setBold(true);
    m_legendTitle = new QCPTextElement(plot, QString(), titleFont);
    m_legendTitle->setMargins(QMargins(6, 4, 6, 0));
    plot->legend->insertRow(0);
    plot->legend->addElement(0, 0, m_legendTitle);
    m_legendTitle->setLayer(plot->legend->layer()); // above the legend's background
    applyPaletteColors();

    m_controlBar = new ScatterControlBar(this);
    controlsLayout()->addWidget(m_controlBar, 1);
    // The bar has its own leading stretch: the row's stretch would otherwise take half the
    // width and squeeze the combos to seven characters.
    controlsLayout()->setStretch(0, 0);
    m_controlBar->hide();
    connect(m_controlBar, &ScatterControlBar::choiceChanged, this, &ScatterPlot::setChoice);

    m_densityTimer->setSingleShot(true);
    m_densityTimer->setInterval(kDensityDelayMs);
    connect(m_densityTimer, &QTimer::timeout, this, [this] { startDensityJob(false); });
    connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
        [this] { scheduleDensity(); });
    connect(plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
        [this] { scheduleDensity(); });
}

ScatterPlot::~ScatterPlot()
{
    // Jobs post their results to this object: stop them and wait before members go.
    if (m_densityCancel)
        m_densityCancel->store(true);
    if (m_gatherCancel)
        m_gatherCancel->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

// ---------------------------------------------------------------------------------------
// Data

void ScatterPlot::setSource(ScatterSource source)
{
    setSource(std::make_shared<const ScatterSource>(std::move(source)));
}

void ScatterPlot::setSource(std::shared_ptr<const ScatterSource> source)
{
    if (!source)
        return;
    m_choice = ScatterGatherJob::resolve(*source, source->choice, source->autoColor);
    m_source = std::move(source);
    m_rowSource = m_source->table;
    m_selected.clear(); // rows of another table
    m_controlBar->setOptions(ScatterOptions::of(*m_source));
    m_controlBar->setChoice(m_choice);
    m_controlBar->show();
    startGather();
}

void ScatterPlot::setChoice(const ScatterChoice &choice)
{
    if (!m_source)
        return;
    m_choice = ScatterGatherJob::resolve(*m_source, choice, false);
    m_controlBar->setChoice(m_choice);
    startGather();
    Q_EMIT choiceChanged(m_choice);
}

void ScatterPlot::startGather()
{
    const std::shared_ptr<const ScatterSource> source = m_source;
    const ScatterChoice choice = m_choice;
    gather(
        [source, choice](const std::atomic<bool> *cancel) {
            return ScatterGatherJob::run(*source, choice, cancel);
        },
        source->table.rowCount());
}

void ScatterPlot::gather(GatherFunction job, qint64 points)
{
    if (m_gatherCancel)
        m_gatherCancel->store(true);
    if (m_densityCancel)
        m_densityCancel->store(true); // its points are about to be replaced
    if (points <= m_densityThreshold) {
        ++m_gatherRequest; // one still on the worker is dropped
        m_gatherPending = false;
        m_gatherJob = nullptr;
        applyGathered(job(nullptr));
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_gatherCancel = cancel;
    m_gatherJob = job;
    m_gatherPending = true;
    const quint64 request = ++m_gatherRequest;
    m_pool.start([this, job = std::move(job), cancel, request] {
        auto result = std::make_shared<ScatterGathered>(job(cancel.get()));
        // Cross-thread: deliver on the GUI thread (the destructor cancels and waits for
        // the pool before members go).
        QMetaObject::invokeMethod(
            this,
            [this, result, request] {
                if (request != m_gatherRequest || result->cancelled)
                    return; // superseded
                m_gatherPending = false;
                m_gatherJob = nullptr;
                applyGathered(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

void ScatterPlot::settleNow()
{
    if (m_gatherPending && m_gatherJob) {
        if (m_gatherCancel)
            m_gatherCancel->store(true);
        ++m_gatherRequest; // the worker's copy, if any, is dropped
        GatherFunction job = std::move(m_gatherJob);
        m_gatherJob = nullptr;
        m_gatherPending = false;
        applyGathered(job(nullptr));
    }
    if (isDensityMode())
        refreshDensityNow();
    else
        replotNow();
}

void ScatterPlot::applyGathered(ScatterGathered g)
{
    m_x = g.x;
    m_y = g.y;
    customPlot()->xAxis->setLabel(g.x.name());
    customPlot()->yAxis->setLabel(g.y.name());
    DateAxis::set(customPlot()->xAxis, g.x.isDateTime());
    DateAxis::set(customPlot()->yAxis, g.y.isDateTime());
    m_rowIds = std::move(g.rowIds);
    m_indexOfRow.clear();
    m_color = g.color;
    m_colorMode = g.colorMode;
    m_size = g.size;
    m_shape = g.shape;
    // The highlighted rows are table rows: they stay valid across choices.
    rebuild();
    m_controlBar->setMarkersEnabled(!isDensityMode());
    Q_EMIT dataGathered();
}

void ScatterPlot::setData(const Column &x, const Column &y)
{
    if (m_source) {
        m_source.reset();
        m_controlBar->hide();
    }
    if (m_gatherPending) {
        ++m_gatherRequest;
        m_gatherPending = false;
        m_gatherJob = nullptr;
    }
    m_size = Column();
    m_shape = Column();
    m_x = x.isNumeric() ? x : Column();
    m_y = y.isNumeric() ? y : Column();
    // Categorical axes plot their codes (a one-off copy, as doubles).
    for (auto [src, dst] : { std::pair { &x, &m_x }, std::pair { &y, &m_y } }) {
        if (src->isCategorical()) {
            std::vector<double> v(src->codes().begin(), src->codes().end());
            for (double &d : v)
                if (d < 0)
                    d = std::numeric_limits<double>::quiet_NaN();
            *dst = Column::numeric(src->name(), std::move(v));
        }
    }
    customPlot()->xAxis->setLabel(x.name());
    customPlot()->yAxis->setLabel(y.name());
    DateAxis::set(customPlot()->xAxis, m_x.isDateTime());
    DateAxis::set(customPlot()->yAxis, m_y.isDateTime());
    m_selected.clear();
    rebuild();
}

void ScatterPlot::setData(
    std::vector<double> x, std::vector<double> y, const QString &xLabel, const QString &yLabel)
{
    setData(Column::numeric(xLabel, std::move(x)), Column::numeric(yLabel, std::move(y)));
}

void ScatterPlot::setRowIds(std::vector<qint64> rowIds)
{
    m_rowIds = std::move(rowIds);
    m_indexOfRow.clear();
}

void ScatterPlot::setColorColumn(const Column &column)
{
    if (column.size() == 0 || column.size() != pointCount()) {
        m_color = Column();
        m_colorMode = ColorMode::None;
    } else if (column.isCategorical()) {
        m_color = column;
        m_colorMode = ColorMode::Categorical;
    } else if (column.suggestsCategorical()) {
        m_color = column.toCategorical();
        m_colorMode = ColorMode::Categorical;
    } else {
        m_color = column;
        m_colorMode = ColorMode::Numeric;
    }
    if (isDensityMode()) {
        rebuildPoints();
        updateColorScale();
        updateHighlight();
        startDensityJob(true); // new value range; keeps the view
        replot();
    } else {
        rebuild();
    }
}

void ScatterPlot::clearColor()
{
    setColorColumn(Column()); // an empty column means no colouring
}

void ScatterPlot::setSizeColumn(const Column &column)
{
    m_size = column.size() == pointCount() && column.size() > 0 ? column : Column();
    rebuildPoints();
    updateHighlight();
    replot();
}

void ScatterPlot::setShapeColumn(const Column &column)
{
    if (column.size() != pointCount() || column.size() == 0)
        m_shape = Column();
    else
        m_shape = column.isCategorical() ? column : column.toCategorical();
    rebuildPoints();
    updateHighlight();
    replot();
}

void ScatterPlot::setRowSource(const engine::Dataset &dataset)
{
    m_rowSource = dataset;
}

void ScatterPlot::clear()
{
    m_rowIds.clear();
    m_indexOfRow.clear();
    m_rowSource.reset();
    m_color = Column();
    m_colorMode = ColorMode::None;
    setData(Column(), Column());
    m_selected.clear();
}

std::span<const std::int32_t> ScatterPlot::classCodes() const
{
    return m_colorMode == ColorMode::Categorical ? m_color.codes()
                                                 : std::span<const std::int32_t>();
}

std::span<const double> ScatterPlot::colorValues() const
{
    return m_colorMode == ColorMode::Numeric ? m_color.values() : std::span<const double>();
}

int ScatterPlot::classCount() const
{
    return m_colorMode == ColorMode::Categorical ? static_cast<int>(m_color.categories().size())
                                                 : 0;
}

QStringList ScatterPlot::classNames() const
{
    return m_colorMode == ColorMode::Categorical ? m_color.categories() : QStringList();
}

qint64 ScatterPlot::pointCount() const
{
    return static_cast<qint64>(std::min(xs().size(), ys().size()));
}

bool ScatterPlot::isDensityMode() const
{
    return pointCount() > m_densityThreshold;
}

void ScatterPlot::setDensityThreshold(qint64 points)
{
    const bool was = isDensityMode();
    m_densityThreshold = std::max<qint64>(0, points);
    if (was != isDensityMode())
        rebuild();
}

void ScatterPlot::setDensityColoring(DensityColoring coloring)
{
    if (m_densityColoring == coloring)
        return;
    m_densityColoring = coloring;
    if (isDensityMode())
        startDensityJob(false);
}

qint64 ScatterPlot::rowId(qint64 index) const
{
    if (index < 0)
        return -1;
    if (m_rowIds.empty())
        return index;
    return index < static_cast<qint64>(m_rowIds.size()) ? m_rowIds[static_cast<std::size_t>(index)]
                                                        : -1;
}

QRectF ScatterPlot::viewOf(const QRectF &bounds) const
{
    return ScatterSummary::padded(bounds, m_symmetricY);
}

void ScatterPlot::applyBounds(const QRectF &bounds)
{
    m_bounds = bounds;
    const QRectF view = viewOf(bounds);
    m_settingRange = true;
    customPlot()->xAxis->setRange(view.left(), view.right());
    customPlot()->yAxis->setRange(view.top(), view.bottom());
    m_settingRange = false;
}

void ScatterPlot::rebuild()
{
    if (m_densityCancel)
        m_densityCancel->store(true);
    m_densityTimer->stop();
    m_grid.reset();
    m_densityImage = QImage();
    m_densityRect = QRectF();
    densityLayer(m_densityLayer)->image = QImage();
    m_summary = ScatterSummary();
    m_bounds = QRectF();
    ++m_selectionRequest;

    if (!isDensityMode()) {
        m_summary = ScatterSummary::of(xs(), ys(), colorValues(), nullptr);
        applyBounds(m_summary.bounds);
        rebuildPoints();
        updateColorScale();
        updateHighlight();
        replot();
    } else {
        rebuildPoints(); // legend entries only
        updateColorScale();
        updateHighlight();
        startDensityJob(true);
        replot();
    }
}

int ScatterPlot::groupOf(std::size_t i, int K) const
{
    if (m_colorMode == ColorMode::Categorical) {
        const std::int32_t c = m_color.codes()[i];
        return (c >= 0 && c < K) ? c : K;
    }
    if (m_colorMode == ColorMode::Numeric) {
        const double v = m_color.values()[i];
        const double span = m_summary.valueMax - m_summary.valueMin;
        return std::isfinite(v)
            ? std::clamp(static_cast<int>((v - m_summary.valueMin) / span * kNumericBuckets), 0,
                kNumericBuckets - 1)
            : kNumericBuckets;
    }
    return 0;
}

void ScatterPlot::rebuildPoints()
{
    QCustomPlot *plot = customPlot();
    for (QCPGraph *g : std::as_const(m_graphs))
        plot->removePlottable(g);
    m_graphs.clear();
    for (QCPGraph *g : std::as_const(m_shapeGraphs))
        plot->removePlottable(g);
    m_shapeGraphs.clear();

    const bool density = isDensityMode();
    const qint64 n = pointCount();
    const int K = classCount();
    const auto x = xs();
    const auto y = ys();

    // Groups of points with one colour each: classes (+ missing), numeric buckets
    // (+ missing value), or a single group.
    QList<QColor> colors { Palette::categorical(0) };
    if (m_colorMode == ColorMode::Categorical) {
        colors = Palette::categorical(K, 0);
        colors.append(Palette::missing());
    } else if (m_colorMode == ColorMode::Numeric) {
        const QVector<QRgb> table = gradientTable(&Palette::setSequential, kNumericBuckets);
        colors.clear();
        for (int b = 0; b < kNumericBuckets; ++b)
            colors.append(QColor(table[b]));
        colors.append(Palette::missing());
    }
    const double size = n < 5000 ? 6 : n < 50000 ? 4.5 : 3;
    const int alpha = n < 5000 ? 220 : n < 50000 ? 190 : 150;
    for (QColor &c : colors)
        c.setAlpha(alpha);
    m_groupColors = QVector<QColor>(colors.begin(), colors.end());

    const bool withShapes = m_shape.size() == n && n > 0 && m_shape.isCategorical();
    const bool withSizes = m_size.size() == n && n > 0;
    auto *points = pointLayer(m_points);
    points->groups.clear();
    points->shapes.clear();
    points->sizeLevels.clear();
    points->sizes.clear();
    points->xs = {};
    points->ys = {};
    points->drawn = 0;
    bool anyMissingClass = false;
    if (!density) {
        points->groups.assign(static_cast<std::size_t>(n), ScatterPointLayer::kSkip);
        for (qint64 i = 0; i < n; ++i) {
            const std::size_t u = static_cast<std::size_t>(i);
            if (!std::isfinite(x[u]) || !std::isfinite(y[u]))
                continue;
            const int g = groupOf(u, K);
            anyMissingClass = anyMissingClass || (m_colorMode == ColorMode::Categorical && g == K);
            points->groups[u] = static_cast<std::uint16_t>(g);
            ++points->drawn;
        }
        if (withShapes) {
            points->shapes.resize(static_cast<std::size_t>(n));
            const auto codes = m_shape.codes();
            for (std::size_t u = 0; u < points->shapes.size(); ++u) {
                const std::int32_t c = codes[u];
                points->shapes[u] = static_cast<std::uint8_t>(
                    c >= 0 && c < ScatterPointLayer::kDistinctShapes ? c
                                                                     : ScatterPointLayer::Cross);
            }
        }
        if (withSizes) {
            // Area grows linearly with the value, from kMinSizePx to kMaxSizePx.
            const auto values = m_size.isNumeric() ? m_size.values() : std::span<const double>();
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (double v : values)
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            for (int z = 0; z < kSizeLevels; ++z) {
                const double t = static_cast<double>(z) / (kSizeLevels - 1);
                points->sizes.append(std::sqrt(kMinSizePx * kMinSizePx
                    + t * (kMaxSizePx * kMaxSizePx - kMinSizePx * kMinSizePx)));
            }
            points->sizeLevels.assign(static_cast<std::size_t>(n), 0);
            const double span = hi > lo ? hi - lo : 1.0;
            for (std::size_t u = 0; u < values.size() && u < points->sizeLevels.size(); ++u)
                if (std::isfinite(values[u]))
                    points->sizeLevels[u] = static_cast<std::uint8_t>(std::clamp(
                        static_cast<int>(std::lround((values[u] - lo) / span * (kSizeLevels - 1))),
                        0, kSizeLevels - 1));
        }
        points->xs = x.first(static_cast<std::size_t>(n));
        points->ys = y.first(static_cast<std::size_t>(n));
    }
    points->colors = m_groupColors;
    points->size = size;

    // Legend entries: one empty graph per class (QCustomPlot draws their icons).
    if (m_colorMode == ColorMode::Categorical) {
        const QStringList names = classNames();
        for (int k = 0; k <= K; ++k) {
            if (k == K && !anyMissingClass)
                break;
            QCPGraph *graph = plot->addGraph();
            graph->setLineStyle(QCPGraph::lsNone);
            QColor c = colors.at(k);
            c.setAlpha(255);
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, 7));
            graph->setName(k < K ? names.at(k) : tr("(missing)"));
            graph->setSelectable(QCP::stNone);
            m_graphs.append(graph);
        }
    }
    // Shapes: the first classes, then "other" for the rest (and missing values).
    if (withShapes && !density) {
        static const QCPScatterStyle::ScatterShape kStyles[ScatterPointLayer::kShapeCount]
            = { QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
                  QCPScatterStyle::ssDiamond, QCPScatterStyle::ssPlus,
                  QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCross };
        const QStringList names = m_shape.categories();
        const QColor ink = palette().color(QPalette::Text);
        const int distinct
            = std::min<int>(static_cast<int>(names.size()), ScatterPointLayer::kDistinctShapes);
        const bool prefix = !m_graphs.isEmpty();
        const auto add = [&](int shape, const QString &name) {
            QCPGraph *graph = plot->addGraph();
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(QCPScatterStyle(kStyles[shape], ink, ink, 7));
            graph->setName(prefix ? tr("%1: %2").arg(m_shape.name(), name) : name);
            graph->setSelectable(QCP::stNone);
            m_shapeGraphs.append(graph);
        };
        for (int k = 0; k < distinct; ++k)
            add(k, names.at(k));
        const int others = static_cast<int>(names.size()) - distinct;
        if (others > 0 || m_shape.missingCount() > 0)
            add(ScatterPointLayer::Cross,
                others == 1      ? tr("other (1 class)")
                    : others > 1 ? tr("other (%1 classes)").arg(others)
                                 : tr("(missing)"));
    }
    QString title;
    if (m_colorMode == ColorMode::Categorical)
        title = m_color.name();
    else if (!m_shapeGraphs.isEmpty())
        title = m_shape.name();
    m_legendTitle->setText(title);
    m_legendTitle->setTextColor(palette().color(QPalette::Text));
    plot->legend->setVisible(!m_graphs.isEmpty() || !m_shapeGraphs.isEmpty());
}

void ScatterPlot::updateColorScale()
{
    const bool wanted
        = m_colorMode == ColorMode::Numeric || (m_colorMode == ColorMode::None && isDensityMode());
    QCustomPlot *plot = customPlot();
    if (!wanted) {
        if (m_colorScale) {
            plot->plotLayout()->remove(m_colorScale);
            plot->plotLayout()->simplify();
            m_colorScale = nullptr;
        }
        return;
    }
    if (!m_colorScale)
        m_colorScale = addColorScale(QString());
    QCPColorGradient gradient;
    Palette::setSequential(gradient);
    m_colorScale->setGradient(gradient);
    if (m_colorMode == ColorMode::Numeric) {
        m_colorScale->setDataScaleType(QCPAxis::stLinear);
        NumberAxis::apply(m_colorScale->axis());
        m_colorScale->axis()->setLabel(m_color.name());
        m_colorScale->setDataRange(QCPRange(m_summary.valueMin, m_summary.valueMax));
    } else {
        m_colorScale->setDataScaleType(QCPAxis::stLogarithmic);
        m_colorScale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        m_colorScale->axis()->setLabel(tr("Points per cell"));
        const double maxCount = m_grid ? std::max<double>(2, m_grid->maxCount) : 10.0;
        m_colorScale->setDataRange(QCPRange(1, maxCount));
    }
}

// ---------------------------------------------------------------------------------------
// Density

void ScatterPlot::scheduleDensity()
{
    if (m_settingRange || !isDensityMode())
        return;
    m_densityTimer->start();
}

void ScatterPlot::resizeEvent(QResizeEvent *event)
{
    PlotView::resizeEvent(event);
    scheduleDensity();
}

ScatterDensityRequest ScatterPlot::makeDensityRequest(bool computeSummary) const
{
    ScatterDensityRequest r;
    r.x = m_x;
    r.y = m_y;
    r.color = m_color;
    r.colorMode = m_colorMode;
    r.classCount = classCount();
    for (int k = 0; k < r.classCount; ++k)
        r.classColors.append(Palette::categorical(k).rgb());
    r.table = gradientTable(&Palette::setSequential);
    r.coloring = m_densityColoring;
    r.valueMin = m_summary.valueMin;
    r.valueMax = m_summary.valueMax;
    const QCPRange xr = customPlot()->xAxis->range();
    const QCPRange yr = customPlot()->yAxis->range();
    r.range = QRectF(QPointF(xr.lower, yr.lower), QPointF(xr.upper, yr.upper));
    // Cells of kDensityCellPx pixels over the axis rect (a sane size before the first
    // layout, when the rect is still empty).
    QSize px = customPlot()->axisRect()->rect().size();
    if (px.width() < 50 || px.height() < 50)
        px = QSize(std::max(400, width() - 80), std::max(300, height() - 60));
    r.grid = QSize(std::max(1, px.width() / ScatterDensityLayer::kCellPx),
        std::max(1, px.height() / ScatterDensityLayer::kCellPx));
    r.computeSummary = computeSummary;
    r.symmetricY = m_symmetricY;
    return r;
}

void ScatterPlot::startDensityJob(bool computeSummary)
{
    if (!isDensityMode())
        return;
    m_densityTimer->stop();
    if (m_densityCancel)
        m_densityCancel->store(true);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_densityCancel = cancel;
    const quint64 request = ++m_densityRequest;
    ScatterDensityRequest r = makeDensityRequest(computeSummary);
    r.resetView = computeSummary && !m_summary.valid;
    ++m_pendingJobs;
    m_pool.start([this, r = std::move(r), cancel, request] {
        auto result
            = std::make_shared<ScatterDensityResult>(ScatterDensityJob::run(r, cancel.get()));
        // Cross-thread: deliver on the GUI thread. `this` outlives the job (the destructor
        // cancels and waits for the pool), and events for a deleted object are dropped.
        QMetaObject::invokeMethod(
            this, [this, result, request] { onDensityReady(result, request); },
            Qt::QueuedConnection);
    });
}

void ScatterPlot::refreshDensityNow()
{
    if (!isDensityMode())
        return;
    m_densityTimer->stop();
    if (m_densityCancel)
        m_densityCancel->store(true);
    const quint64 request = ++m_densityRequest;
    ScatterDensityRequest r = makeDensityRequest(!m_summary.valid);
    r.resetView = !m_summary.valid;
    ++m_pendingJobs;
    onDensityReady(
        std::make_shared<ScatterDensityResult>(ScatterDensityJob::run(r, nullptr)), request);
    replotNow();
}

void ScatterPlot::onDensityReady(
    const std::shared_ptr<ScatterDensityResult> &result, quint64 request)
{
    --m_pendingJobs;
    if (request != m_densityRequest || result->cancelled || !isDensityMode())
        return; // a newer request supersedes this one
    if (result->summary) {
        m_summary = *result->summary;
        m_bounds = m_summary.bounds;
        if (result->resetView) {
            const QRectF view = result->rect;
            m_settingRange = true; // the new grid already covers this range
            customPlot()->xAxis->setRange(view.left(), view.right());
            customPlot()->yAxis->setRange(view.top(), view.bottom());
            m_settingRange = false;
        }
    }
    m_grid = std::make_unique<DensityGrid>(std::move(*result->grid));
    m_densityImage = result->image;
    m_densityRect = result->rect;
    auto *layer = densityLayer(m_densityLayer);
    layer->image = m_densityImage;
    layer->rect = m_densityRect;
    updateColorScale();
    ++m_densityGeneration;
    replot();
    Q_EMIT densityUpdated();
}

bool ScatterPlot::isAggregating() const
{
    return m_pendingJobs > 0 || m_densityTimer->isActive();
}

QSize ScatterPlot::densityGridSize() const
{
    return m_grid ? QSize(m_grid->width, m_grid->height) : QSize();
}

const DensityGrid *ScatterPlot::densityGrid() const
{
    return m_grid.get();
}

QRectF ScatterPlot::densityImageRect() const
{
    return m_densityImage.isNull() ? QRectF() : densityLayer(m_densityLayer)->pixelRect();
}

// ---------------------------------------------------------------------------------------
// Selection and picking

ScatterPlot::DragAction ScatterPlot::dragActionFor(Qt::KeyboardModifiers modifiers) const
{
    if (modifiers.testFlag(Qt::ShiftModifier))
        return DragAction::SelectRect;
    if (modifiers.testFlag(Qt::ControlModifier))
        return DragAction::ZoomRect;
    return m_dragSelects ? DragAction::SelectRect : DragAction::Pan;
}

void ScatterPlot::setDragSelects(bool on)
{
    m_dragSelects = on;
}

void ScatterPlot::selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers modifiers)
{
    // Shift starts a rubber band; Shift+Ctrl adds to the selection.
    selectInRect(rect, modifiers.testFlag(Qt::ControlModifier));
}

void ScatterPlot::selectInRect(const QRectF &rect, bool add)
{
    const double x0 = rect.left(), x1 = rect.right(), y0 = rect.top(), y1 = rect.bottom();
    selectWhere([=](double a, double b) { return a >= x0 && a <= x1 && b >= y0 && b <= y1; }, add);
}

void ScatterPlot::selectInPolygon(const QPolygonF &polygon, bool add)
{
    if (polygon.size() < 3) {
        finishSelection({}, add);
        return;
    }
    const QRectF box = polygon.boundingRect();
    const double x0 = box.left(), x1 = box.right(), y0 = box.top(), y1 = box.bottom();
    selectWhere(
        [=](double a, double b) {
            return a >= x0 && a <= x1 && b >= y0 && b <= y1
                && polygon.containsPoint(QPointF(a, b), Qt::OddEvenFill);
        },
        add);
}

void ScatterPlot::selectWhere(std::function<bool(double, double)> test, bool add)
{
    const auto inside = [test = std::move(test)](std::span<const double> x,
                            std::span<const double> y, const std::atomic<bool> *cancel) {
        std::vector<qint64> hits;
        const std::size_t n = std::min(x.size(), y.size());
        for (std::size_t i = 0; i < n; ++i) {
            if ((i & 0xFFFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return std::vector<qint64>();
            if (test(x[i], y[i])) // NaN fails every comparison
                hits.push_back(static_cast<qint64>(i));
        }
        return hits;
    };
    const quint64 request = ++m_selectionRequest;
    if (!isDensityMode()) {
        const std::vector<qint64> hits = inside(xs(), ys(), nullptr);
        QList<qint64> rows;
        rows.reserve(static_cast<qsizetype>(hits.size()));
        for (qint64 i : hits)
            rows.append(rowId(i));
        finishSelection(std::move(rows), add);
        return;
    }
    // O(N) over millions of points: on the worker.
    const Column x = m_x, y = m_y;
    m_pool.start([this, x, y, inside, request, add] {
        auto hits = std::make_shared<std::vector<qint64>>(inside(x.values(), y.values(), nullptr));
        // Cross-thread: back to the GUI thread (the destructor waits for the pool).
        QMetaObject::invokeMethod(
            this,
            [this, hits, request, add] {
                if (request != m_selectionRequest)
                    return;
                QList<qint64> rows;
                rows.reserve(static_cast<qsizetype>(hits->size()));
                for (qint64 i : *hits)
                    rows.append(rowId(i));
                finishSelection(std::move(rows), add);
            },
            Qt::QueuedConnection);
    });
}

void ScatterPlot::setLassoSelects(bool on)
{
    m_lassoSelects = on;
}

bool ScatterPlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != customPlot())
        return PlotView::eventFilter(watched, event);
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove
        && type != QEvent::MouseButtonRelease)
        return PlotView::eventFilter(watched, event);
    auto *mouse = static_cast<QMouseEvent *>(event);
    const QPointF pos = mouse->position();
    if (type == QEvent::MouseButtonPress) {
        if (mouse->button() != Qt::LeftButton)
            return false;
        const Qt::KeyboardModifiers mods = mouse->modifiers();
        const bool selecting = dragActionFor(mods) == DragAction::SelectRect;
        if (!mods.testFlag(Qt::AltModifier) && !(m_lassoSelects && selecting))
            return false; // pan, zoom or rectangle: PlotView's
        m_lassoActive = true;
        m_lassoAdds = mods.testFlag(Qt::ControlModifier);
        m_lassoPixels = QPolygonF { pos };
        return true;
    }
    if (!m_lassoActive)
        return false;
    if (type == QEvent::MouseMove) {
        const QPointF last = m_lassoPixels.isEmpty() ? QPointF() : m_lassoPixels.back();
        if (std::hypot(pos.x() - last.x(), pos.y() - last.y()) >= 2.0) {
            m_lassoPixels << pos;
            m_lassoLayer->layer()->replot(); // only the overlay when it is buffered
        }
        return true;
    }
    // Release: the outline in plot coordinates selects.
    m_lassoActive = false;
    m_lassoPixels << pos;
    QPolygonF polygon;
    polygon.reserve(m_lassoPixels.size());
    for (const QPointF &p : std::as_const(m_lassoPixels))
        polygon << pixelToCoord(p);
    m_lassoPixels.clear();
    m_lassoLayer->layer()->replot();
    selectInPolygon(polygon, m_lassoAdds);
    return true;
}

void ScatterPlot::finishSelection(QList<qint64> rows, bool add)
{
    if (add) {
        rows += m_selected;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    }
    m_selected = std::move(rows);
    updateHighlight();
    replot();
    Q_EMIT rowsSelected(m_selected);
    Q_EMIT selectionChanged(m_selected);
}

void ScatterPlot::setHighlightedRows(const QList<qint64> &rows)
{
    ++m_selectionRequest; // a rectangle selection still running no longer applies
    m_selected = rows;
    updateHighlight();
    replot();
}

void ScatterPlot::setSelectedRows(const QList<qint64> &rows)
{
    setHighlightedRows(rows);
}

void ScatterPlot::updateHighlight()
{
    std::vector<double> hx, hy;
    std::vector<std::uint16_t> groups;
    std::vector<std::uint8_t> shapes, levels;
    const auto x = xs();
    const auto y = ys();
    const qint64 n = pointCount();
    const int K = classCount();
    auto *points = pointLayer(m_points);
    const bool withShapes = points->shapes.size() == static_cast<std::size_t>(n) && n > 0;
    const bool withSizes = points->sizeLevels.size() == static_cast<std::size_t>(n) && n > 0;
    if (!m_rowIds.empty() && m_indexOfRow.empty() && !m_selected.isEmpty()) {
        m_indexOfRow.reserve(m_rowIds.size());
        for (std::size_t i = 0; i < m_rowIds.size(); ++i)
            m_indexOfRow.emplace(m_rowIds[i], static_cast<qint64>(i));
    }
    for (qint64 row : std::as_const(m_selected)) {
        if (static_cast<qint64>(hx.size()) >= kMaxHighlighted)
            break;
        qint64 i = row;
        if (!m_rowIds.empty()) {
            const auto it = m_indexOfRow.find(row);
            i = it == m_indexOfRow.end() ? -1 : it->second;
        }
        if (i < 0 || i >= n)
            continue;
        const std::size_t u = static_cast<std::size_t>(i);
        const double a = x[u], b = y[u];
        if (std::isfinite(a) && std::isfinite(b)) {
            hx.push_back(a);
            hy.push_back(b);
            groups.push_back(static_cast<std::uint16_t>(groupOf(u, K)));
            if (withShapes)
                shapes.push_back(points->shapes[u]);
            if (withSizes)
                levels.push_back(points->sizeLevels[u]);
        }
    }
    // The highlighted points on top in their own colours (opaque), the rest dimmed. A few
    // of them are a little larger, so that they stand out of a dense cloud.
    const bool dim = !m_selected.isEmpty();
    points->opacity = dim ? kDimmed : 1.0;
    auto *density = densityLayer(m_densityLayer);
    density->opacity = dim ? kDimmed : 1.0;
    auto *layer = pointLayer(m_highlight);
    layer->ring = false;
    layer->accumulate = true;
    layer->size = std::max(points->size, hx.size() <= 1000 ? 6.0 : 3.0);
    QVector<QColor> colors
        = m_groupColors.isEmpty() ? QVector<QColor> { Palette::categorical(0) } : m_groupColors;
    for (QColor &c : colors)
        c.setAlpha(255);
    layer->colors = colors;
    layer->sizes = points->sizes;
    layer->groups = std::move(groups);
    layer->shapes = std::move(shapes);
    layer->sizeLevels = std::move(levels);
    layer->drawn = static_cast<qint64>(hx.size());
    layer->setOwned(std::move(hx), std::move(hy));
}

double ScatterPlot::dimming() const
{
    return pointLayer(m_points)->opacity;
}

double ScatterPlot::pointSizeAt(qint64 index) const
{
    const auto *points = pointLayer(m_points);
    if (index < 0 || static_cast<std::size_t>(index) >= points->groups.size()
        || points->groups[static_cast<std::size_t>(index)] == ScatterPointLayer::kSkip)
        return -1;
    if (points->sizeLevels.size() == points->groups.size() && !points->sizes.isEmpty())
        return points->sizes.at(points->sizeLevels[static_cast<std::size_t>(index)]);
    return points->size;
}

int ScatterPlot::pointShapeAt(qint64 index) const
{
    const auto *points = pointLayer(m_points);
    if (index < 0 || static_cast<std::size_t>(index) >= points->groups.size()
        || points->groups[static_cast<std::size_t>(index)] == ScatterPointLayer::kSkip)
        return -1;
    if (points->shapes.size() == points->groups.size())
        return points->shapes[static_cast<std::size_t>(index)];
    return ScatterPointLayer::Disc;
}

int ScatterPlot::highlightedCount() const
{
    return static_cast<int>(pointLayer(m_highlight)->drawn);
}

qint64 ScatterPlot::pointAt(const QPointF &pixel) const
{
    if (isDensityMode() || pointCount() == 0)
        return -1;
    QCPAxis *xa = customPlot()->xAxis;
    QCPAxis *ya = customPlot()->yAxis;
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    // Linear axes: pixel = offset + coord * scale; compare in pixels without calling
    // coordToPixel per point.
    const double sx = xa->coordToPixel(1.0) - xa->coordToPixel(0.0);
    const double sy = ya->coordToPixel(1.0) - ya->coordToPixel(0.0);
    const double cx = xa->pixelToCoord(pixel.x());
    const double cy = ya->pixelToCoord(pixel.y());
    const auto x = xs();
    const auto y = ys();
    double best = kPickRadiusPx * kPickRadiusPx;
    qint64 arg = -1;
    for (qint64 i = 0, n = pointCount(); i < n; ++i) {
        const double dx = (x[static_cast<std::size_t>(i)] - cx) * sx;
        const double dy = (y[static_cast<std::size_t>(i)] - cy) * sy;
        const double d = dx * dx + dy * dy;
        if (d < best) { // NaN compares false
            best = d;
            arg = i;
        }
    }
    return arg;
}

void ScatterPlot::clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers)
{
    if (isDensityMode())
        return;
    const qint64 index = pointAt(pixel);
    const bool add = modifiers.testFlag(Qt::ControlModifier);
    if (index < 0) {
        if (!add && !m_selected.isEmpty())
            finishSelection({}, false);
        return;
    }
    const qint64 row = rowId(index);
    Q_EMIT pointClicked(row);
    finishSelection({ row }, add);
}

QString ScatterPlot::toolTipAt(const QPointF &pixel) const
{
    if (isDensityMode()) {
        if (!m_grid || m_grid->width < 1
            || !customPlot()->axisRect()->rect().contains(pixel.toPoint()))
            return {};
        const double cx = customPlot()->xAxis->pixelToCoord(pixel.x());
        const double cy = customPlot()->yAxis->pixelToCoord(pixel.y());
        const int ix = static_cast<int>(
            std::floor((cx - m_grid->xMin) / (m_grid->xMax - m_grid->xMin) * m_grid->width));
        const int iy = static_cast<int>(
            std::floor((cy - m_grid->yMin) / (m_grid->yMax - m_grid->yMin) * m_grid->height));
        if (ix < 0 || iy < 0 || ix >= m_grid->width || iy >= m_grid->height)
            return {};
        const std::uint32_t count = m_grid->count(ix, iy);
        if (count == 0)
            return {};
        QString text = tr("%n point(s) here", nullptr, static_cast<int>(count));
        if (m_grid->classCount > 0) {
            const int m = m_grid->majorityAt(ix, iy);
            const QStringList names = classNames();
            if (m >= 0 && m < names.size())
                text += QLatin1Char('\n')
                    + tr("Mostly %1 (%2%)")
                          .arg(names.at(m))
                          .arg(qRound(100.0 * m_grid->classCountAt(ix, iy, m) / count));
            // The other classes in the cell, largest first (what the blend mixes in).
            QList<std::pair<std::uint32_t, int>> others;
            for (int k = 0; k < m_grid->classCount && k < names.size(); ++k)
                if (k != m && m_grid->classCountAt(ix, iy, k) > 0)
                    others.append({ m_grid->classCountAt(ix, iy, k), k });
            std::sort(others.begin(), others.end(), std::greater<>());
            for (qsizetype i = 0; i < std::min<qsizetype>(others.size(), 3); ++i)
                text += QLatin1Char('\n')
                    + tr("%1: %2 (%3%)")
                          .arg(names.at(others[i].second))
                          .arg(others[i].first)
                          .arg(100.0 * others[i].first / count, 0, 'g', 2);
        } else if (!m_grid->valueSums.empty()) {
            text += QLatin1Char('\n')
                + tr("Mean %1: %2").arg(m_color.name()).arg(m_grid->meanAt(ix, iy), 0, 'g', 4);
        }
        return text;
    }
    const qint64 index = pointAt(pixel);
    if (index < 0)
        return {};
    const qint64 row = rowId(index);
    QStringList lines;
    lines << tr("Row %1").arg(row + 1);
    if (m_rowSource && row >= 0 && row < m_rowSource->rowCount()) {
        constexpr int kMaxColumns = 12;
        const int columns = m_rowSource->columnCount();
        for (int c = 0; c < std::min(columns, kMaxColumns); ++c) {
            const engine::Column &col = m_rowSource->column(c);
            lines << tr("%1: %2").arg(col.name(), col.displayValue(row));
        }
        if (columns > kMaxColumns)
            lines << tr("… %n more column(s)", nullptr, columns - kMaxColumns);
    } else {
        lines << tr("%1: %2").arg(xLabel()).arg(xs()[static_cast<std::size_t>(index)], 0, 'g', 6);
        lines << tr("%1: %2").arg(yLabel()).arg(ys()[static_cast<std::size_t>(index)], 0, 'g', 6);
        if (m_colorMode != ColorMode::None && m_color.size() > index)
            lines << tr("%1: %2").arg(m_color.name(), m_color.displayValue(index));
    }
    return lines.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------------------------------
// Accessors and menu

int ScatterPlot::plottableCount() const
{
    return customPlot()->plottableCount();
}

qint64 ScatterPlot::drawnPointCount() const
{
    return pointLayer(m_points)->drawn;
}

QStringList ScatterPlot::legendEntries() const
{
    QStringList out;
    QCPLegend *legend = customPlot()->legend;
    if (!legend || !legend->visible())
        return out;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            out << item->plottable()->name();
    return out;
}

QString ScatterPlot::legendTitle() const
{
    return customPlot()->legend->visible() ? m_legendTitle->text() : QString();
}

bool ScatterPlot::hasColorScale() const
{
    return m_colorScale != nullptr;
}

QRectF ScatterPlot::visibleRange() const
{
    const QCPRange xr = customPlot()->xAxis->range();
    const QCPRange yr = customPlot()->yAxis->range();
    return QRectF(QPointF(xr.lower, yr.lower), QPointF(xr.upper, yr.upper));
}

void ScatterPlot::setVisibleRange(const QRectF &range)
{
    const QRectF r = range.normalized();
    customPlot()->xAxis->setRange(r.left(), r.right());
    customPlot()->yAxis->setRange(r.top(), r.bottom());
    replot();
}

QString ScatterPlot::xLabel() const
{
    return customPlot()->xAxis->label();
}

QString ScatterPlot::yLabel() const
{
    return customPlot()->yAxis->label();
}

void ScatterPlot::resetView()
{
    if (m_summary.valid) {
        const QRectF view = viewOf(m_summary.bounds);
        customPlot()->xAxis->setRange(view.left(), view.right()); // -> re-aggregation if dense
        customPlot()->yAxis->setRange(view.top(), view.bottom());
    }
    replot();
}

void ScatterPlot::addContextMenuActions(QMenu *menu)
{
    menu->addSeparator();
    QAction *drag = menu->addAction(tr("Drag &selects (Shift+drag always does)"));
    drag->setObjectName(QStringLiteral("dragSelects"));
    drag->setCheckable(true);
    drag->setChecked(m_dragSelects);
    connect(drag, &QAction::toggled, this, &ScatterPlot::setDragSelects);
    QAction *lasso = menu->addAction(tr("Select with a &lasso (Alt+drag always does)"));
    lasso->setObjectName(QStringLiteral("lassoSelects"));
    lasso->setCheckable(true);
    lasso->setChecked(m_lassoSelects);
    connect(lasso, &QAction::toggled, this, &ScatterPlot::setLassoSelects);
    QAction *clearSel = menu->addAction(tr("C&lear selection"));
    clearSel->setObjectName(QStringLiteral("clearSelection"));
    clearSel->setEnabled(!m_selected.isEmpty());
    connect(clearSel, &QAction::triggered, this, [this] { finishSelection({}, false); });
    if (isDensityMode() && m_colorMode == ColorMode::Categorical) {
        QAction *blend = menu->addAction(tr("&Blend class colours"));
        blend->setObjectName(QStringLiteral("blendClasses"));
        blend->setCheckable(true);
        blend->setChecked(m_densityColoring == DensityColoring::Blend);
        connect(blend, &QAction::toggled, this, [this](bool on) {
            setDensityColoring(on ? DensityColoring::Blend : DensityColoring::Majority);
        });
    }
}

} // namespace sextant::plots
