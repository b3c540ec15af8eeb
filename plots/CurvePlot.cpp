#include "plots/CurvePlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

namespace sextant::plots {

CurvePlot::CurvePlot(QWidget *parent) : PlotView(parent)
{
    customPlot()->setAntialiasedElement(QCP::aePlottables, true);
}

CurvePlot::~CurvePlot() = default;

int CurvePlot::pointCount(int curve) const
{
    return curve >= 0 && curve < m_curves.size() ? m_curves.at(curve)->dataCount() : 0;
}

QList<QPointF> CurvePlot::drawnPoints(int curve) const
{
    QList<QPointF> out;
    if (curve < 0 || curve >= m_curves.size())
        return out;
    const auto &data = m_curves.at(curve)->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it)
        out.append(QPointF(it->key, it->value));
    return out;
}

QStringList CurvePlot::legendEntries() const
{
    QStringList out;
    const QCPLegend *legend = customPlot()->legend;
    if (!legend->visible())
        return out;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            out << item->plottable()->name();
    return out;
}

QString CurvePlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    // The curve passing closest to the mouse, within 8 px.
    double best = 8.0;
    QString text;
    for (QCPCurve *c : m_curves) {
        const double d = c->selectTest(pixel, false);
        if (d >= 0 && d < best) {
            best = d;
            text = c->name();
        }
    }
    if (text.isEmpty())
        return {};
    return text + QLatin1Char('\n')
        + coordinateText(customPlot()->xAxis->pixelToCoord(pixel.x()),
            customPlot()->yAxis->pixelToCoord(pixel.y()));
}

void CurvePlot::removeCurves()
{
    for (QCPCurve *c : std::as_const(m_curves))
        customPlot()->removePlottable(c);
    m_curves.clear();
    customPlot()->legend->setVisible(false);
}

QCPCurve *CurvePlot::addCurve(int index)
{
    QCustomPlot *plot = customPlot();
    auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
    curve->setPen(QPen(Palette::categorical(index), 2));
    curve->setSelectable(QCP::stNone);
    m_curves.append(curve);
    return curve;
}

void CurvePlot::showLegend()
{
    customPlot()->legend->setVisible(!m_curves.isEmpty());
}

} // namespace sextant::plots
