#include "plots/PrecisionRecallPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <cmath>

namespace sextant::plots {

PrecisionRecallPlot::PrecisionRecallPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("Recall"));
    plot->yAxis->setLabel(tr("Precision"));
    plot->setAntialiasedElement(QCP::aePlottables, true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    setTitle(tr("Precision-recall curve"));
    applyPaletteColors();
    resetView();
}

PrecisionRecallPlot::~PrecisionRecallPlot() = default;

void PrecisionRecallPlot::clear()
{
    for (QCPCurve *c : std::as_const(m_curves))
        customPlot()->removePlottable(c);
    m_curves.clear();
    customPlot()->legend->setVisible(false);
    setTitle(tr("Precision-recall curve"));
    replot();
}

void PrecisionRecallPlot::setCurve(const engine::PrecisionRecallCurve &curve, const QString &name)
{
    setCurves({ curve }, { name });
}

void PrecisionRecallPlot::setCurves(
    const std::vector<engine::PrecisionRecallCurve> &curves, const QStringList &classNames)
{
    clear();
    QCustomPlot *plot = customPlot();
    double apSum = 0;
    int apCount = 0;
    for (std::size_t k = 0; k < curves.size(); ++k) {
        const engine::PrecisionRecallCurve &c = curves[k];
        const QString name = k < static_cast<std::size_t>(classNames.size())
            ? classNames.at(static_cast<qsizetype>(k))
            : tr("Class %1").arg(k);
        auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
        curve->setPen(QPen(Palette::categorical(static_cast<int>(k)), 2));
        curve->setSelectable(QCP::stNone);
        if (std::isnan(c.averagePrecision)) {
            curve->setName(tr("%1 (AP undefined)").arg(name));
        } else {
            apSum += c.averagePrecision;
            ++apCount;
            curve->setName(
                tr("%1 (AP = %2)").arg(name, QString::number(c.averagePrecision, 'f', 3)));
            // Steps: precision p[i] holds from recall r[i] to r[i+1] (steps-post).
            QVector<QCPCurveData> data;
            const std::size_t n = std::min(c.recall.size(), c.precision.size());
            data.reserve(static_cast<qsizetype>(2 * n));
            double t = 0;
            for (std::size_t i = 0; i < n; ++i) {
                data.append(QCPCurveData(t++, c.recall[i], c.precision[i]));
                if (i + 1 < n)
                    data.append(QCPCurveData(t++, c.recall[i + 1], c.precision[i]));
            }
            curve->data()->set(data, true);
        }
        m_curves.append(curve);
    }
    plot->legend->setVisible(!m_curves.isEmpty());
    if (curves.size() > 1 && apCount > 0)
        setTitle(tr("Precision-recall (one-vs-rest), mean AP = %1")
                     .arg(QString::number(apSum / apCount, 'f', 3)));
    else
        setTitle(tr("Precision-recall curve"));
    resetView();
}

int PrecisionRecallPlot::pointCount(int curve) const
{
    return curve >= 0 && curve < m_curves.size() ? m_curves.at(curve)->dataCount() : 0;
}

QStringList PrecisionRecallPlot::legendEntries() const
{
    QStringList out;
    QCPLegend *legend = customPlot()->legend;
    if (!legend->visible())
        return out;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            out << item->plottable()->name();
    return out;
}

QString PrecisionRecallPlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
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
        + tr("Recall %1, precision %2")
              .arg(customPlot()->xAxis->pixelToCoord(pixel.x()), 0, 'f', 3)
              .arg(customPlot()->yAxis->pixelToCoord(pixel.y()), 0, 'f', 3);
}

void PrecisionRecallPlot::resetView()
{
    customPlot()->xAxis->setRange(-0.02, 1.02);
    customPlot()->yAxis->setRange(-0.02, 1.05);
    replot();
}

} // namespace sextant::plots
