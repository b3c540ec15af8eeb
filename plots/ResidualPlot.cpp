#include "plots/ResidualPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <cmath>
#include <limits>

namespace sextant::plots {

ResidualPlot::ResidualPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("Predicted"));
    plot->yAxis->setLabel(tr("Residual (actual − predicted)"));
    m_points = plot->addGraph();
    m_points->setLineStyle(QCPGraph::lsNone);
    QColor c = Palette::categorical(0);
    c.setAlpha(170);
    m_points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, 5));
    m_points->setSelectable(QCP::stNone);
    m_points->setName(tr("Residuals"));
    m_zero = new QCPItemStraightLine(plot);
    m_zero->point1->setCoords(0, 0);
    m_zero->point2->setCoords(1, 0);
    m_zero->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    m_zero->setSelectable(false);
    setTitle(tr("Residuals vs predicted"));
    applyPaletteColors();
    clear();
}

ResidualPlot::~ResidualPlot() = default;

void ResidualPlot::clear()
{
    setData({}, {});
}

void ResidualPlot::setData(std::span<const double> predicted, std::span<const double> actual)
{
    const std::size_t n = std::min(predicted.size(), actual.size());
    m_predicted.assign(predicted.begin(), predicted.begin() + static_cast<std::ptrdiff_t>(n));
    m_residuals.resize(n);
    QVector<QCPGraphData> data;
    data.reserve(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const double r = actual[i] - predicted[i];
        m_residuals[i] = r;
        if (std::isfinite(r) && std::isfinite(predicted[i]))
            data.append(QCPGraphData(predicted[i], r));
    }
    m_points->data()->set(data, false);
    resetView();
}

qint64 ResidualPlot::pointCount() const
{
    return m_points->dataCount();
}

std::pair<double, double> ResidualPlot::xRange() const
{
    return { customPlot()->xAxis->range().lower, customPlot()->xAxis->range().upper };
}

std::pair<double, double> ResidualPlot::yRange() const
{
    return { customPlot()->yAxis->range().lower, customPlot()->yAxis->range().upper };
}

bool ResidualPlot::hasZeroLine() const
{
    return m_zero->visible() && m_zero->point1->coords().y() == 0
        && m_zero->point2->coords().y() == 0;
}

double ResidualPlot::residual(qint64 i) const
{
    if (i < 0 || i >= static_cast<qint64>(m_residuals.size()))
        return std::numeric_limits<double>::quiet_NaN();
    return m_residuals[static_cast<std::size_t>(i)];
}

QString ResidualPlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()) || m_residuals.empty())
        return {};
    QCPAxis *xa = customPlot()->xAxis;
    QCPAxis *ya = customPlot()->yAxis;
    const double sx = xa->coordToPixel(1.0) - xa->coordToPixel(0.0);
    const double sy = ya->coordToPixel(1.0) - ya->coordToPixel(0.0);
    const double cx = xa->pixelToCoord(pixel.x());
    const double cy = ya->pixelToCoord(pixel.y());
    double best = 36.0; // 6 px
    std::ptrdiff_t arg = -1;
    for (std::size_t i = 0; i < m_residuals.size(); ++i) {
        const double dx = (m_predicted[i] - cx) * sx;
        const double dy = (m_residuals[i] - cy) * sy;
        const double d = dx * dx + dy * dy;
        if (d < best) {
            best = d;
            arg = static_cast<std::ptrdiff_t>(i);
        }
    }
    if (arg < 0)
        return {};
    const std::size_t i = static_cast<std::size_t>(arg);
    return tr("Sample %1\npredicted %2\nactual %3\nresidual %4")
        .arg(arg + 1)
        .arg(m_predicted[i], 0, 'g', 6)
        .arg(m_predicted[i] + m_residuals[i], 0, 'g', 6)
        .arg(m_residuals[i], 0, 'g', 6);
}

void ResidualPlot::resetView()
{
    QCustomPlot *plot = customPlot();
    bool found = false;
    const QCPRange keys = m_points->getKeyRange(found);
    if (!found) {
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(-1, 1);
        replot();
        return;
    }
    const QCPRange values = m_points->getValueRange(found);
    // Symmetric around zero, so the zero line is in the middle.
    const double m = std::max({ std::abs(values.lower), std::abs(values.upper), 1e-12 }) * 1.08;
    const double pad = keys.size() > 0 ? keys.size() * 0.04 : 0.5;
    plot->xAxis->setRange(keys.lower - pad, keys.upper + pad);
    plot->yAxis->setRange(-m, m);
    replot();
}

} // namespace sextant::plots
