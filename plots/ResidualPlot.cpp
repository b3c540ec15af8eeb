#include "plots/ResidualPlot.h"

#include "plots/QCustomPlotInclude.h"

#include <cmath>
#include <limits>
#include <memory>

namespace sextant::plots {

ResidualPlot::ResidualPlot(QWidget *parent) : ScatterPlot(parent)
{
    QCustomPlot *plot = customPlot();
    setSymmetricView(true);
    m_zero = new QCPItemStraightLine(plot);
    m_zero->point1->setCoords(0, 0);
    m_zero->point2->setCoords(1, 0);
    m_zero->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    m_zero->setSelectable(false);
    setTitle(tr("Residuals vs predicted"));
    clear();
}

ResidualPlot::~ResidualPlot() = default;

void ResidualPlot::clear()
{
    setData(std::vector<double>(), std::vector<double>());
}

void ResidualPlot::setData(std::span<const double> predicted, std::span<const double> actual)
{
    const std::size_t n = std::min(predicted.size(), actual.size());
    setData(std::vector<double>(predicted.begin(), predicted.begin() + std::ptrdiff_t(n)),
        std::vector<double>(actual.begin(), actual.begin() + std::ptrdiff_t(n)));
}

void ResidualPlot::setData(std::vector<double> predicted, std::vector<double> actual)
{
    auto p = std::make_shared<std::vector<double>>(std::move(predicted));
    auto a = std::make_shared<std::vector<double>>(std::move(actual));
    const QString xName = tr("Predicted");
    const QString yName = tr("Residual (actual − predicted)");
    const qint64 n = static_cast<qint64>(std::min(p->size(), a->size()));
    gather(
        [p, a, xName, yName](const std::atomic<bool> *cancel) {
            ScatterGathered g;
            const std::size_t n = std::min(p->size(), a->size());
            std::vector<double> r(n);
            for (std::size_t i = 0; i < n; ++i) {
                if ((i & 0xFFFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
                    g.cancelled = true;
                    return g;
                }
                r[i] = (*a)[i] - (*p)[i];
            }
            std::vector<double> x(p->begin(), p->begin() + std::ptrdiff_t(n));
            g.x = engine::Column::numeric(xName, std::move(x));
            g.y = engine::Column::numeric(yName, std::move(r));
            return g;
        },
        n);
}

std::pair<double, double> ResidualPlot::xRange() const
{
    const QRectF r = visibleRange();
    return { r.left(), r.right() };
}

std::pair<double, double> ResidualPlot::yRange() const
{
    const QRectF r = visibleRange();
    return { r.top(), r.bottom() };
}

bool ResidualPlot::hasZeroLine() const
{
    return m_zero->visible() && m_zero->point1->coords().y() == 0
        && m_zero->point2->coords().y() == 0;
}

double ResidualPlot::residual(qint64 i) const
{
    const auto r = yColumn().values();
    if (i < 0 || i >= static_cast<qint64>(r.size()))
        return std::numeric_limits<double>::quiet_NaN();
    return r[static_cast<std::size_t>(i)];
}

QString ResidualPlot::toolTipAt(const QPointF &pixel) const
{
    if (isDensityMode())
        return ScatterPlot::toolTipAt(pixel);
    const qint64 i = pointAt(pixel);
    if (i < 0)
        return {};
    const double p = xColumn().values()[static_cast<std::size_t>(i)];
    const double r = yColumn().values()[static_cast<std::size_t>(i)];
    return tr("Sample %1\npredicted %2\nactual %3\nresidual %4")
        .arg(i + 1)
        .arg(p, 0, 'g', 6)
        .arg(p + r, 0, 'g', 6)
        .arg(r, 0, 'g', 6);
}

} // namespace sextant::plots
