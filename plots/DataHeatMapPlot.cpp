#include "plots/DataHeatMapPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

// Class strip (x in [-1.45, -0.55]) and selection marks (x in [-1.9, -1.6]) left of the
// map, drawn as runs of equal bands.
class StripLayerable : public QCPLayerable {
public:
    explicit StripLayerable(QCustomPlot *plot) : QCPLayerable(plot, QStringLiteral("main")) { }

    const engine::HeatMapData *data = nullptr;
    std::vector<std::uint8_t> marked; // per band

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override
    {
        applyAntialiasingHint(painter, false, QCP::aeOther);
    }
    QRect clipRect() const override { return parentPlot()->axisRect()->rect(); }
    void draw(QCPPainter *painter) override
    {
        if (!data)
            return;
        QCPAxis *x = parentPlot()->xAxis;
        QCPAxis *y = parentPlot()->yAxis;
        const std::int64_t bands = data->bandCount();
        const auto rect = [&](double x0, double x1, std::int64_t b0, std::int64_t b1) {
            const QPointF a(x->coordToPixel(x0), y->coordToPixel(double(b0) - 0.5));
            const QPointF b(x->coordToPixel(x1), y->coordToPixel(double(b1) + 0.5));
            return QRectF(a, b).normalized();
        };
        painter->setPen(Qt::NoPen);
        if (!data->annotationColumn.isEmpty()) {
            for (std::int64_t b = 0; b < bands;) {
                std::int64_t e = b;
                const std::int32_t c = data->bandClass[static_cast<std::size_t>(b)];
                while (e + 1 < bands && data->bandClass[static_cast<std::size_t>(e + 1)] == c)
                    ++e;
                painter->setBrush(c >= 0 ? Palette::categorical(c) : Palette::missing());
                painter->drawRect(rect(-1.45, -0.55, b, e));
                b = e + 1;
            }
        }
        const QColor highlight = parentPlot()->palette().color(QPalette::Highlight);
        for (std::int64_t b = 0; b < static_cast<std::int64_t>(marked.size());) {
            if (!marked[static_cast<std::size_t>(b)]) {
                ++b;
                continue;
            }
            std::int64_t e = b;
            while (e + 1 < static_cast<std::int64_t>(marked.size())
                && marked[static_cast<std::size_t>(e + 1)])
                ++e;
            painter->setBrush(highlight);
            painter->drawRect(rect(-1.9, -1.6, b, e));
            b = e + 1;
        }
    }
};

} // namespace

DataHeatMapPlot::DataHeatMapPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    m_map = new QCPColorMap(plot->xAxis, plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    QCPColorGradient gradient;
    Palette::setDiverging(gradient);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(-kClip, kClip));
    m_scale = addColorScale(tr("Standardized value (z)"));
    m_map->setColorScale(m_scale);
    m_scale->setGradient(gradient);
    m_scale->setDataRange(QCPRange(-kClip, kClip));
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_strips = new StripLayerable(plot);
    plot->yAxis->setRangeReversed(true);
    for (QCPAxis *axis : { plot->xAxis, plot->yAxis }) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
    }
    setTitle(tr("Heat map"));
    applyPaletteColors();
}

DataHeatMapPlot::~DataHeatMapPlot() = default;

void DataHeatMapPlot::setData(engine::HeatMapData data)
{
    m_data = std::move(data);
    draw();
}

void DataHeatMapPlot::draw()
{
    QCustomPlot *plot = customPlot();
    auto *strips = static_cast<StripLayerable *>(m_strips);
    strips->data = &m_data;
    const int d = static_cast<int>(m_data.columns.size());
    const std::int64_t bands = m_data.bandCount();
    strips->marked.assign(static_cast<std::size_t>(bands), 0);
    QCPColorMapData *cells = m_map->data();
    const int keys = std::max(1, d);
    const int values = static_cast<int>(std::max<std::int64_t>(1, bands));
    cells->setSize(keys, values);
    cells->setRange(QCPRange(0, keys - 1), QCPRange(0, values - 1));
    if (d == 0 || bands == 0)
        cells->fill(std::nan(""));
    for (std::int64_t b = 0; b < bands; ++b)
        for (int c = 0; c < d; ++c)
            cells->setCell(c, static_cast<int>(b), m_data.value(b, c));
    m_map->setVisible(d > 0 && bands > 0);
    m_map->setDataRange(QCPRange(-kClip, kClip));

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < d; ++c)
        ticker->addTick(c, m_data.columns[c]);
    if (!m_data.annotationColumn.isEmpty())
        ticker->addTick(-1, m_data.annotationColumn);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(d > 6 ? 90 : 0);
    plot->yAxis->setTickLabels(bands <= 60 && bands == m_data.tableRows);
    if (bands <= 60 && bands == m_data.tableRows) {
        auto rows = QSharedPointer<QCPAxisTickerText>::create();
        for (std::int64_t b = 0; b < bands; ++b)
            rows->addTick(
                double(b), QString::number(m_data.order[static_cast<std::size_t>(b)] + 1));
        plot->yAxis->setTicker(rows);
        plot->yAxis->setLabel(tr("Row"));
    } else {
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
        plot->yAxis->setLabel(bands == m_data.tableRows
                ? tr("%n rows", nullptr, static_cast<int>(m_data.tableRows))
                : tr("%1 rows in %2 bands").arg(m_data.tableRows).arg(bands));
    }
    QStringList order;
    if (m_data.rowsClustered)
        order << tr("rows clustered");
    if (m_data.columnsClustered)
        order << tr("columns clustered");
    setTitle(order.isEmpty() ? tr("Heat map")
                             : tr("Heat map (%1, %2 linkage, optimal leaf order)")
                                   .arg(order.join(QStringLiteral(", ")), m_data.linkage));
    resetView();
}

void DataHeatMapPlot::resetView()
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setRange(-2.0, std::max(1, static_cast<int>(m_data.columns.size())) - 0.5);
    plot->yAxis->setRange(-0.5, double(std::max<std::int64_t>(1, m_data.bandCount())) - 0.5);
    replot();
}

double DataHeatMapPlot::cellValue(int column, std::int64_t band) const
{
    return m_map->data()->cell(column, static_cast<int>(band));
}

std::int64_t DataHeatMapPlot::bandAt(double y) const
{
    const auto b = static_cast<std::int64_t>(std::floor(y + 0.5));
    return b >= 0 && b < m_data.bandCount() ? b : -1;
}

QList<qint64> DataHeatMapPlot::rowsOfBands(std::int64_t firstBand, std::int64_t lastBand) const
{
    const std::int64_t bands = m_data.bandCount();
    firstBand = std::clamp<std::int64_t>(firstBand, 0, bands);
    lastBand = std::clamp<std::int64_t>(lastBand, -1, bands - 1);
    QList<qint64> rows;
    if (lastBand < firstBand)
        return rows;
    const std::int64_t p0 = m_data.bandStart[static_cast<std::size_t>(firstBand)];
    const std::int64_t p1 = m_data.bandStart[static_cast<std::size_t>(lastBand + 1)];
    rows.reserve(static_cast<qsizetype>(p1 - p0));
    for (std::int64_t p = p0; p < p1; ++p)
        rows.push_back(m_data.order[static_cast<std::size_t>(p)]);
    std::sort(rows.begin(), rows.end());
    return rows;
}

void DataHeatMapPlot::selectBands(std::int64_t firstBand, std::int64_t lastBand)
{
    const QList<qint64> rows = rowsOfBands(firstBand, lastBand);
    setSelectedRows(rows);
    Q_EMIT rowsSelected(rows);
}

void DataHeatMapPlot::setSelectedRows(const QList<qint64> &rows)
{
    auto *strips = static_cast<StripLayerable *>(m_strips);
    strips->marked.assign(static_cast<std::size_t>(m_data.bandCount()), 0);
    for (qint64 r : rows)
        if (const std::int64_t b = m_data.bandOfRow(r); b >= 0)
            strips->marked[static_cast<std::size_t>(b)] = 1;
    replot();
}

QList<qint64> DataHeatMapPlot::markedBands() const
{
    const auto *strips = static_cast<const StripLayerable *>(m_strips);
    QList<qint64> out;
    for (std::size_t b = 0; b < strips->marked.size(); ++b)
        if (strips->marked[b])
            out.push_back(static_cast<qint64>(b));
    return out;
}

PlotView::DragAction DataHeatMapPlot::dragActionFor(Qt::KeyboardModifiers modifiers) const
{
    if (modifiers & Qt::ShiftModifier)
        return DragAction::SelectRect;
    return PlotView::dragActionFor(modifiers);
}

void DataHeatMapPlot::selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers)
{
    const double y0 = std::min(rect.top(), rect.bottom());
    const double y1 = std::max(rect.top(), rect.bottom());
    const auto first = static_cast<std::int64_t>(std::ceil(y0 - 0.5));
    const auto last = static_cast<std::int64_t>(std::floor(y1 + 0.5));
    selectBands(std::max<std::int64_t>(first, 0), std::min(last, m_data.bandCount() - 1));
}

QString DataHeatMapPlot::toolTipAt(const QPointF &pixel) const
{
    if (!plotArea().contains(pixel.toPoint()))
        return {};
    const QPointF c = pixelToCoord(pixel);
    const std::int64_t band = bandAt(c.y());
    if (band < 0)
        return {};
    const std::int64_t p0 = m_data.bandStart[static_cast<std::size_t>(band)];
    const std::int64_t p1 = m_data.bandStart[static_cast<std::size_t>(band + 1)];
    QString rows = p1 - p0 == 1
        ? tr("row %1").arg(m_data.order[static_cast<std::size_t>(p0)] + 1)
        : tr("%1 rows (positions %2 to %3)").arg(p1 - p0).arg(p0 + 1).arg(p1);
    const std::int32_t k
        = m_data.bandClass.empty() ? -1 : m_data.bandClass[static_cast<std::size_t>(band)];
    if (k >= 0)
        rows += QStringLiteral("\n%1: %2").arg(m_data.annotationColumn, m_data.classNames.value(k));
    const auto column = static_cast<int>(std::floor(c.x() + 0.5));
    if (column < 0 || column >= m_data.columns.size())
        return rows;
    const double z = m_data.value(band, column);
    if (std::isnan(z))
        return tr("%1\n%2: missing").arg(rows, m_data.columns[column]);
    const double mean = m_data.means[static_cast<std::size_t>(column)];
    const double sd = m_data.sds[static_cast<std::size_t>(column)];
    return tr("%1\n%2: %3 (z = %4)%5")
        .arg(rows, m_data.columns[column])
        .arg(mean + z * sd, 0, 'g', 5)
        .arg(z, 0, 'f', 2)
        .arg(p1 - p0 == 1 ? QString() : tr(", band mean"));
}

} // namespace sextant::plots
