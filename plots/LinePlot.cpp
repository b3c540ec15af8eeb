#include "plots/LinePlot.h"

#include "data/DateTime.h"
#include "plots/DateAxis.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <cmath>

namespace sextant::plots {

LinePlot::LinePlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->setAntialiasedElement(QCP::aePlottables, true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    setTitle(tr("Line plot"));
    applyPaletteColors();
}

LinePlot::~LinePlot() = default;

void LinePlot::clear()
{
    for (QCPGraph *g : std::as_const(m_lines))
        customPlot()->removePlottable(g);
    m_lines.clear();
    customPlot()->legend->setVisible(false);
    DateAxis::clear(customPlot()->xAxis);
    replot();
}

void LinePlot::setData(const engine::LinePlotData &data)
{
    clear();
    QCustomPlot *plot = customPlot();
    m_xIsDate = data.xIsDate;
    m_xDateOnly = data.xDateOnly;
    m_xName = data.xName.isEmpty() ? tr("Row") : data.xName;
    DateAxis::set(plot->xAxis, data.xIsDate);
    plot->xAxis->setLabel(m_xName);
    plot->yAxis->setLabel(data.series.size() == 1 ? data.series.front().name : QString());
    const QVector<double> keys(data.x.begin(), data.x.end());
    for (std::size_t k = 0; k < data.series.size(); ++k) {
        const auto &s = data.series[k];
        const QColor color = Palette::categorical(int(k));
        auto *line = new QCPGraph(plot->xAxis, plot->yAxis);
        QColor light = color;
        if (data.window > 0)
            light.setAlphaF(0.35);
        line->setPen(QPen(light, 1.5));
        line->setName(s.name);
        line->setSelectable(QCP::stNone);
        line->setData(keys, QVector<double>(s.values.begin(), s.values.end()), true);
        m_lines.append(line);
        if (data.window > 0) {
            auto *mean = new QCPGraph(plot->xAxis, plot->yAxis);
            mean->setPen(QPen(color, 2.5));
            mean->setName(tr("%1 (rolling mean of %2)").arg(s.name).arg(data.window));
            mean->setSelectable(QCP::stNone);
            mean->setData(keys, QVector<double>(s.rolling.begin(), s.rolling.end()), true);
            m_lines.append(mean);
        }
    }
    plot->legend->setVisible(m_lines.size() > 1);
    QString title = data.series.size() == 1 ? data.series.front().name : tr("Line plot");
    title = tr("%1 by %2").arg(title, m_xName);
    if (data.droppedRows > 0)
        title += tr(" (%1 rows without %2 left out)").arg(data.droppedRows).arg(m_xName);
    setTitle(title);
    resetView();
}

QStringList LinePlot::legendEntries() const
{
    QStringList out;
    for (const QCPGraph *g : m_lines)
        out << g->name();
    return out;
}

bool LinePlot::hasDateAxis() const
{
    return DateAxis::hasDateTicks(customPlot()->xAxis);
}

int LinePlot::pointCount(int line) const
{
    return line >= 0 && line < m_lines.size() ? m_lines.at(line)->dataCount() : 0;
}

QString LinePlot::xText(double x) const
{
    if (m_xIsDate)
        return engine::DateTime::toIsoText(x, m_xDateOnly);
    return QString::number(x, 'g', 8);
}

QString LinePlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    double best = 8.0;
    const QCPGraph *nearest = nullptr;
    for (const QCPGraph *g : m_lines) {
        const double d = g->selectTest(pixel, false);
        if (d >= 0 && d < best) {
            best = d;
            nearest = g;
        }
    }
    if (!nearest)
        return {};
    const double key = nearest->keyAxis()->pixelToCoord(pixel.x());
    auto it = nearest->data()->findBegin(key, true);
    if (it == nearest->data()->constEnd())
        return {};
    // The nearer of the point found and the next one.
    auto next = it + 1;
    if (next != nearest->data()->constEnd() && std::abs(next->key - key) < std::abs(it->key - key))
        it = next;
    return tr("%1\n%2: %3\n%4")
        .arg(nearest->name(), m_xName, xText(it->key), QString::number(it->value, 'g', 6));
}

void LinePlot::resetView()
{
    QCustomPlot *plot = customPlot();
    if (m_lines.isEmpty()) {
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1);
    } else {
        plot->rescaleAxes();
        const QCPRange y = plot->yAxis->range();
        const double pad = y.size() > 0 ? 0.05 * y.size() : 1.0;
        plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    }
    replot();
}

} // namespace sextant::plots
