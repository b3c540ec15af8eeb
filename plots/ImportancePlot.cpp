#include "plots/ImportancePlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::plots {

namespace {

// Bar `bar` (0 = top) sits at key count - bar on the vertical axis.
double keyOf(int bar, int count)
{
    return static_cast<double>(count - bar);
}

} // namespace

ImportancePlot::ImportancePlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    m_bars = new QCPBars(plot->yAxis, plot->xAxis); // horizontal: keys on the left axis
    const QColor fill = Palette::categorical(0);
    m_bars->setBrush(fill);
    m_bars->setPen(QPen(fill.darker(140), 1));
    m_bars->setWidth(0.7);
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_errors = new QCPErrorBars(plot->yAxis, plot->xAxis);
    m_errors->setDataPlottable(m_bars);
    m_errors->setErrorType(QCPErrorBars::etValueError);
    m_errors->setPen(QPen(palette().color(QPalette::Text), 1.2));
    m_errors->setWhiskerWidth(6);
    m_repeats = new QCPGraph(plot->yAxis, plot->xAxis);
    m_repeats->setLineStyle(QCPGraph::lsNone);
    m_repeats->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, Palette::categorical(1).darker(120), 5));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot->yAxis->grid()->setVisible(false);
    setTitle(tr("Feature importance"));
    clear();
}

ImportancePlot::~ImportancePlot() = default;

void ImportancePlot::clear()
{
    setImportances({});
}

void ImportancePlot::setImportances(const engine::ImportanceData &d)
{
    const int total = static_cast<int>(d.features.size());
    const int n = std::min(total, kMaxBars);
    m_measure = d.measure;
    m_labels.assign(d.features.begin(), d.features.begin() + n);
    m_values.assign(d.values.begin(), d.values.begin() + std::min<std::size_t>(n, d.values.size()));
    m_values.resize(static_cast<std::size_t>(n), std::numeric_limits<double>::quiet_NaN());
    m_spread.clear();
    if (d.spread.size() >= static_cast<std::size_t>(n))
        m_spread.assign(d.spread.begin(), d.spread.begin() + n);
    QVector<double> keys, values, errors;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(customPlot()->yAxis->ticker());
    ticker->clear();
    for (int i = 0; i < n; ++i) {
        keys.push_back(keyOf(i, n));
        values.push_back(m_values[std::size_t(i)]);
        ticker->addTick(keyOf(i, n), m_labels[std::size_t(i)]);
        if (!m_spread.empty())
            errors.push_back(m_spread[std::size_t(i)]);
    }
    m_bars->setData(keys, values, true);
    if (!m_spread.empty()) {
        m_errors->setData(errors);
        m_errors->setVisible(true);
    } else {
        m_errors->data()->clear();
        m_errors->setVisible(false);
    }
    QVector<double> rk, rv;
    for (int i = 0; i < n && std::size_t(i) < d.repeats.size(); ++i)
        for (double v : d.repeats[std::size_t(i)])
            if (std::isfinite(v)) {
                rk.push_back(keyOf(i, n));
                rv.push_back(v);
            }
    m_repeats->setData(rk, rv);
    m_repeatPoints = static_cast<int>(rk.size());
    m_repeats->setVisible(m_repeatPoints > 0);
    customPlot()->xAxis->setLabel(m_measure);
    QString title = d.title.isEmpty() ? tr("Feature importance") : d.title;
    if (total > n)
        title += tr(" (top %1 of %2)").arg(n).arg(total);
    setTitle(title);
    resetView();
}

void ImportancePlot::resetView()
{
    const int n = barCount();
    double lo = 0, hi = 0;
    for (int i = 0; i < n; ++i) {
        const double v = m_values[std::size_t(i)];
        const double s = m_spread.empty() ? 0 : m_spread[std::size_t(i)];
        if (std::isfinite(v)) {
            lo = std::min(lo, v - (std::isfinite(s) ? s : 0));
            hi = std::max(hi, v + (std::isfinite(s) ? s : 0));
        }
    }
    const QSharedPointer<QCPGraphDataContainer> reps = m_repeats->data();
    for (auto it = reps->constBegin(); it != reps->constEnd(); ++it) {
        lo = std::min(lo, it->value);
        hi = std::max(hi, it->value);
    }
    if (hi - lo <= 0)
        hi = lo + 1;
    const double pad = 0.05 * (hi - lo);
    customPlot()->xAxis->setRange(lo - (lo < 0 ? pad : 0), hi + pad);
    customPlot()->yAxis->setRange(0.4, std::max(1, n) + 0.6);
    replot();
}

QString ImportancePlot::barLabel(int bar) const
{
    return bar >= 0 && bar < barCount() ? m_labels[std::size_t(bar)] : QString();
}

double ImportancePlot::barValue(int bar) const
{
    return bar >= 0 && bar < barCount() ? m_values[std::size_t(bar)]
                                        : std::numeric_limits<double>::quiet_NaN();
}

double ImportancePlot::barSpread(int bar) const
{
    return bar >= 0 && bar < barCount() && !m_spread.empty()
        ? m_spread[std::size_t(bar)]
        : std::numeric_limits<double>::quiet_NaN();
}

bool ImportancePlot::hasSpread() const
{
    return !m_spread.empty();
}

int ImportancePlot::repeatPointCount() const
{
    return m_repeatPoints;
}

QString ImportancePlot::toolTipAt(const QPointF &pixel) const
{
    const int n = barCount();
    if (n == 0)
        return {};
    const double key = customPlot()->yAxis->pixelToCoord(pixel.y());
    const int bar = n - static_cast<int>(std::lround(key));
    if (bar < 0 || bar >= n || std::abs(key - keyOf(bar, n)) > 0.4)
        return {};
    QString text = QStringLiteral("%1\n%2 %3")
                       .arg(m_labels[std::size_t(bar)], m_measure)
                       .arg(m_values[std::size_t(bar)], 0, 'g', 5);
    if (!m_spread.empty())
        text += tr("\n± %1 (standard deviation)").arg(m_spread[std::size_t(bar)], 0, 'g', 4);
    return text;
}

} // namespace sextant::plots
