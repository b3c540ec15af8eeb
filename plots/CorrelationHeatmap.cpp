#include "plots/CorrelationHeatmap.h"

#include "plots/CellTextLayer.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QFontMetricsF>
#include <algorithm>
#include <array>
#include <cmath>

namespace sextant::plots {

namespace {

constexpr int kMaxLabelChars = 18;

QString elided(const QString &label)
{
    return label.size() <= kMaxLabelChars ? label : label.left(kMaxLabelChars - 1) + QChar(0x2026);
}

// Tick label font sizes, largest first: labels shrink to kMinFontPx before any is dropped.
constexpr int kMaxFontPx = 12;
constexpr int kMinFontPx = 8;
// Free pixels between two neighbouring labels along the axis.
constexpr double kLabelGapPx = 1.0;

// The label font size and stride for cells of a given pixel size along the axis.
struct LabelFit {
    int fontPx = kMaxFontPx;
    int stride = 1;
    bool operator==(const LabelFit &) const = default;
};

// Column names at integer positions. Every name is written while its line height (font
// metrics of the tick label font, both axes: the x labels are rotated by 90 degrees) fits
// in a cell; the font shrinks down to kMinFontPx first, then only every k-th name is
// written so that none overlap. Decided when the ticks are generated (each replot or
// export); see refitLabels() for why the estimate of the axis length is checked after the
// layout.
class IndexTicker : public QCPAxisTickerText {
public:
    IndexTicker(QCPAxis *axis, QStringList labels) : m_axis(axis), m_labels(std::move(labels))
    {
        QMap<double, QString> ticks;
        for (int i = 0; i < m_labels.size(); ++i)
            ticks.insert(i, elided(m_labels.at(i)));
        setTicks(ticks);
    }

    // The fit for the axis as laid out now (after a layout pass).
    LabelFit fitForCurrentLayout() const
    {
        const bool horizontal = m_axis->orientation() == Qt::Horizontal;
        const QRect rect = m_axis->axisRect()->rect();
        return fitFor(cellPixels(horizontal ? rect.width() : rect.height(), m_axis->range()));
    }
    const LabelFit &lastFit() const { return m_fit; }

protected:
    QVector<double> createTickVector(double, const QCPRange &range) override
    {
        QVector<double> out;
        const int n = static_cast<int>(m_labels.size());
        if (n == 0)
            return out;
        // The axis length as it will be drawn, estimated from the last layout: its axis
        // rect length corrected by how much the viewport changed since. (QCustomPlot
        // generates ticks before it lays out, so this may be stale after a resize or for an
        // export at another size; refitLabels() then lays out once more.)
        QCustomPlot *plot = m_axis->parentPlot();
        QCPAxisRect *rect = m_axis->axisRect();
        const bool horizontal = m_axis->orientation() == Qt::Horizontal;
        const double outer = horizontal ? plot->plotLayout()->outerRect().width()
                                        : plot->plotLayout()->outerRect().height();
        const double viewport = horizontal ? plot->viewport().width() : plot->viewport().height();
        const double length = (horizontal ? rect->width() : rect->height()) + (viewport - outer);

        m_fit = fitFor(cellPixels(length, range));
        QFont font = m_axis->tickLabelFont();
        if (font.pixelSize() != m_fit.fontPx) {
            font.setPixelSize(m_fit.fontPx);
            m_axis->setTickLabelFont(font);
        }
        const int stride = m_fit.stride;
        const int first = std::max(0, static_cast<int>(std::ceil(range.lower)));
        const int last = std::min(n - 1, static_cast<int>(std::floor(range.upper)));
        for (int i = first - first % stride; i <= last; i += stride)
            if (i >= first)
                out.append(i);
        return out;
    }

    int getSubTickCount(double) override { return 0; }

private:
    static double cellPixels(double length, const QCPRange &range)
    {
        return std::max(1.0, length) / std::max(1e-9, range.size());
    }

    // Line height of the tick label font at `px` pixels (cached: the family rarely changes).
    double lineHeight(int px) const
    {
        QFont font = m_axis->tickLabelFont();
        font.setPixelSize(px);
        const auto at = static_cast<std::size_t>(px - kMinFontPx);
        if (m_heightFont[at] != font) {
            m_heightFont[at] = font;
            m_height[at] = QFontMetricsF(font).height();
        }
        return m_height[at];
    }

    LabelFit fitFor(double cellPx) const
    {
        for (int px = kMaxFontPx; px >= kMinFontPx; --px)
            if (lineHeight(px) + kLabelGapPx <= cellPx)
                return { px, 1 };
        const double needed = lineHeight(kMinFontPx) + kLabelGapPx;
        return { kMinFontPx, std::max(1, static_cast<int>(std::ceil(needed / cellPx - 1e-9))) };
    }

    QCPAxis *m_axis;
    QStringList m_labels;
    LabelFit m_fit;
    mutable std::array<QFont, kMaxFontPx - kMinFontPx + 1> m_heightFont;
    mutable std::array<double, kMaxFontPx - kMinFontPx + 1> m_height {};
};

// Called after each layout (QCustomPlot::afterLayout), before anything is drawn: when the
// axis rects came out of the layout at another size than the tickers estimated (the first
// replot after a resize, an export at another size), lays out again so that the labels
// match the cells being drawn. Converges in one or two passes; bounded anyway, since the
// label font changes the margins.
void refitLabels(QCustomPlot *plot)
{
    for (int pass = 0; pass < 3; ++pass) {
        bool stale = false;
        for (QCPAxis *axis : { plot->xAxis, plot->yAxis }) {
            const auto ticker = axis->ticker().dynamicCast<IndexTicker>();
            if (ticker && ticker->fitForCurrentLayout() != ticker->lastFit())
                stale = true;
        }
        if (!stale)
            return;
        QCPLayoutGrid *layout = plot->plotLayout();
        layout->update(QCPLayoutElement::upPreparation);
        layout->update(QCPLayoutElement::upMargins);
        layout->update(QCPLayoutElement::upLayout);
    }
}

} // namespace

CorrelationHeatmap::CorrelationHeatmap(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    m_map = new QCPColorMap(plot->xAxis, plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    QCPColorGradient gradient;
    Palette::setDiverging(gradient);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(-1.0, 1.0));

    m_scale = addColorScale(tr("Pearson r"));
    m_map->setColorScale(m_scale);
    m_scale->setDataRange(QCPRange(-1.0, 1.0));
    m_scale->setGradient(gradient);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);

    m_cellText = CellTextLayer::create(m_map, [this](int key, int value) -> QString {
        const double r = valueAt(value, key);
        if (std::isnan(r))
            return QStringLiteral("\u2013"); // undefined: an en dash
        return QString::number(r, 'f', 2);
    });

    plot->yAxis->setRangeReversed(true);
    for (QCPAxis *axis : { plot->xAxis, plot->yAxis }) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
        axis->setPadding(2);
    }
    plot->xAxis->setTickLabelRotation(90);
    plot->axisRect()->setupFullAxesBox(false);
    plot->xAxis2->setTicks(false);
    plot->yAxis2->setTicks(false);
    setTitle(tr("Correlation"));
    applyPaletteColors();
    connect(plot, &QCustomPlot::afterLayout, this, [plot] { refitLabels(plot); });
    clear();
}

CorrelationHeatmap::~CorrelationHeatmap() = default;

void CorrelationHeatmap::clear()
{
    setMatrix(engine::CorrelationMatrix {});
}

void CorrelationHeatmap::setMatrix(const engine::CorrelationMatrix &matrix)
{
    m_matrix = matrix;
    const int n = columnCount();
    // CorrelationMatrix::at strides by columns.size(): keep it in step with the names.
    if (m_matrix.columns.size() != n) {
        m_matrix.columns.clear();
        for (int i = 0; i < n; ++i)
            m_matrix.columns << i;
    }
    if (m_matrix.r.size() != static_cast<std::size_t>(n) * n)
        m_matrix.r.assign(static_cast<std::size_t>(n) * n, std::nan(""));

    QCustomPlot *plot = customPlot();
    QCPColorMapData *data = m_map->data();
    data->setSize(std::max(1, n), std::max(1, n));
    data->setRange(QCPRange(0, std::max(1, n) - 1), QCPRange(0, std::max(1, n) - 1));
    if (n == 0)
        data->fill(std::nan(""));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            data->setCell(j, i, m_matrix.at(i, j));
    m_map->setVisible(n > 0);
    m_map->setDataRange(QCPRange(-1.0, 1.0));

    plot->xAxis->setTicker(QSharedPointer<IndexTicker>::create(plot->xAxis, m_matrix.names));
    plot->yAxis->setTicker(QSharedPointer<IndexTicker>::create(plot->yAxis, m_matrix.names));
    resetView();
}

void CorrelationHeatmap::resetView()
{
    const int n = std::max(1, columnCount());
    QCustomPlot *plot = customPlot();
    plot->xAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRange(-0.5, n - 0.5);
    replot();
}

QSize CorrelationHeatmap::colorMapSize() const
{
    if (columnCount() == 0)
        return QSize(0, 0);
    return QSize(m_map->data()->keySize(), m_map->data()->valueSize());
}

std::pair<double, double> CorrelationHeatmap::colorRange() const
{
    return { m_map->dataRange().lower, m_map->dataRange().upper };
}

bool CorrelationHeatmap::hasColorScale() const
{
    return m_scale && m_scale->visible() && m_map->colorScale() == m_scale;
}

double CorrelationHeatmap::valueAt(int row, int column) const
{
    const int n = columnCount();
    if (row < 0 || column < 0 || row >= n || column >= n)
        return std::nan("");
    return m_matrix.at(row, column);
}

QPointF CorrelationHeatmap::cellCenter(int row, int column) const
{
    return QPointF(
        customPlot()->xAxis->coordToPixel(column), customPlot()->yAxis->coordToPixel(row));
}

QPoint CorrelationHeatmap::cellAt(const QPointF &pixel) const
{
    const int n = columnCount();
    if (n == 0 || !customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return QPoint(-1, -1);
    const int column = static_cast<int>(std::lround(customPlot()->xAxis->pixelToCoord(pixel.x())));
    const int row = static_cast<int>(std::lround(customPlot()->yAxis->pixelToCoord(pixel.y())));
    if (row < 0 || column < 0 || row >= n || column >= n)
        return QPoint(-1, -1);
    return QPoint(column, row);
}

bool CorrelationHeatmap::cellValuesShown() const
{
    return CellTextLayer::drewText(m_cellText);
}

QStringList CorrelationHeatmap::axisLabels(Qt::Orientation orientation) const
{
    QCPAxis *axis = orientation == Qt::Horizontal ? customPlot()->xAxis : customPlot()->yAxis;
    QStringList out;
    for (const QString &label : axis->tickVectorLabels())
        out << label;
    return out;
}

int CorrelationHeatmap::labelPixelSize() const
{
    return customPlot()->yAxis->tickLabelFont().pixelSize();
}

QString CorrelationHeatmap::toolTipAt(const QPointF &pixel) const
{
    const QPoint cell = cellAt(pixel);
    if (cell.x() < 0)
        return {};
    const QString a = m_matrix.names.at(cell.y());
    const QString b = m_matrix.names.at(cell.x());
    const double r = valueAt(cell.y(), cell.x());
    if (std::isnan(r))
        return tr("%1 × %2\nr undefined (constant column or too few rows)").arg(a, b);
    return tr("%1 × %2\nr = %3").arg(a, b, QString::number(r, 'f', 3));
}

void CorrelationHeatmap::clicked(const QPointF &pixel, Qt::KeyboardModifiers)
{
    const QPoint cell = cellAt(pixel);
    if (cell.x() >= 0)
        Q_EMIT cellClicked(cell.y(), cell.x());
}

} // namespace sextant::plots
