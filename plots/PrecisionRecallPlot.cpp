#include "plots/PrecisionRecallPlot.h"

#include "plots/QCustomPlotInclude.h"

#include <cmath>

namespace sextant::plots {

PrecisionRecallPlot::PrecisionRecallPlot(QWidget *parent) : CurvePlot(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("Recall"));
    plot->yAxis->setLabel(tr("Precision"));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    setTitle(tr("Precision-recall curve"));
    applyPaletteColors();
    resetView();
}

PrecisionRecallPlot::~PrecisionRecallPlot() = default;

void PrecisionRecallPlot::clear()
{
    removeCurves();
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
    double apSum = 0;
    int apCount = 0;
    for (std::size_t k = 0; k < curves.size(); ++k) {
        const engine::PrecisionRecallCurve &c = curves[k];
        const QString name = k < static_cast<std::size_t>(classNames.size())
            ? classNames.at(static_cast<qsizetype>(k))
            : tr("Class %1").arg(k);
        QCPCurve *curve = addCurve(static_cast<int>(k));
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
    }
    showLegend();
    if (curves.size() > 1 && apCount > 0)
        setTitle(tr("Precision-recall (one-vs-rest), mean AP = %1")
                     .arg(QString::number(apSum / apCount, 'f', 3)));
    else
        setTitle(tr("Precision-recall curve"));
    resetView();
}

QString PrecisionRecallPlot::coordinateText(double x, double y) const
{
    return tr("Recall %1, precision %2").arg(x, 0, 'f', 3).arg(y, 0, 'f', 3);
}

void PrecisionRecallPlot::resetView()
{
    customPlot()->xAxis->setRange(-0.02, 1.02);
    customPlot()->yAxis->setRange(-0.02, 1.05);
    replot();
}

} // namespace sextant::plots
