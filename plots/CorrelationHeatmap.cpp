#include "plots/CorrelationHeatmap.h"

#include "plots/CellTextLayer.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

constexpr int kMaxLabelChars = 18;

QString elided(const QString &label)
{
    return label.size() <= kMaxLabelChars ? label : label.left(kMaxLabelChars - 1) + QChar(0x2026);
}

// Column names at integer positions, thinned to every k-th when the cells are smaller
// than a label's height. Decided when the ticks are generated (each replot or export),
// from the size the axis will have at that time.
class IndexTicker : public QCPAxisTickerText {
public:
    IndexTicker(QCPAxis *axis, QStringList labels) : m_axis(axis), m_labels(std::move(labels))
    {
        QMap<double, QString> ticks;
        for (int i = 0; i < m_labels.size(); ++i)
            ticks.insert(i, elided(m_labels.at(i)));
        setTicks(ticks);
    }

protected:
    QVector<double> createTickVector(double, const QCPRange &range) override
    {
        QVector<double> out;
        const int n = static_cast<int>(m_labels.size());
        if (n == 0)
            return out;
        // Pixels per cell at the size the axis is about to be drawn: the last layout's
        // axis length corrected by how much the viewport changed since.
        QCustomPlot *plot = m_axis->parentPlot();
        QCPAxisRect *rect = m_axis->axisRect();
        const bool horizontal = m_axis->orientation() == Qt::Horizontal;
        const double outer = horizontal ? plot->plotLayout()->outerRect().width()
                                        : plot->plotLayout()->outerRect().height();
        const double viewport = horizontal ? plot->viewport().width() : plot->viewport().height();
        const double length
            = std::max(20.0, (horizontal ? rect->width() : rect->height()) + (viewport - outer));
        const double cellPx = length / std::max(1e-9, range.size());

        // Shrink the font (down to 8 px) before dropping labels: every column keeps its
        // name as long as cells are at least 11 px.
        const int fontPx = std::clamp(static_cast<int>(cellPx) - 3, 8, 12);
        QFont font = m_axis->tickLabelFont();
        if (font.pixelSize() != fontPx) {
            font.setPixelSize(fontPx);
            m_axis->setTickLabelFont(font);
        }
        const int stride = std::max(1, static_cast<int>(std::ceil((fontPx + 3) / cellPx)));
        const int first = std::max(0, static_cast<int>(std::ceil(range.lower)));
        const int last = std::min(n - 1, static_cast<int>(std::floor(range.upper)));
        for (int i = first - first % stride; i <= last; i += stride)
            if (i >= first)
                out.append(i);
        m_stride = stride;
        return out;
    }

    int getSubTickCount(double) override { return 0; }

private:
    QCPAxis *m_axis;
    QStringList m_labels;
    int m_stride = 1;
};

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
