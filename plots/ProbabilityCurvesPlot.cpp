#include "plots/ProbabilityCurvesPlot.h"

#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

using Kind = engine::ProbabilityCurvesData::Kind;

ProbabilityCurvesPlot::ProbabilityCurvesPlot(QWidget *parent) : CurvePlot(parent)
{
    QCustomPlot *plot = customPlot();
    m_reference = new QCPCurve(plot->xAxis, plot->yAxis);
    m_reference->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    m_reference->setSelectable(QCP::stNone);
    m_reference->removeFromLegend();
    setTitle(tr("Calibration curve"));
    applyPaletteColors();
}

ProbabilityCurvesPlot::~ProbabilityCurvesPlot() = default;

void ProbabilityCurvesPlot::clear()
{
    removeCurves();
    replot();
}

void ProbabilityCurvesPlot::setData(engine::ProbabilityCurvesData data)
{
    m_data = std::move(data);
    clear();
    QCustomPlot *plot = customPlot();
    const bool calibration = m_data.kind == Kind::Calibration;
    const bool lift = m_data.kind == Kind::Lift;
    m_reference->data()->clear();
    m_yUpper = 1;
    const std::size_t n = calibration ? m_data.calibration.size() : m_data.gains.size();
    for (std::size_t k = 0; k < n; ++k) {
        QCPCurve *curve = addCurve(static_cast<int>(k));
        const QColor color = curve->pen().color();
        const QString name = m_data.curveNames.value(static_cast<qsizetype>(k));
        QVector<QCPCurveData> pts;
        if (calibration) {
            const engine::CalibrationCurve &c = m_data.calibration[k];
            curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 6));
            for (std::size_t i = 0; i < c.meanPredicted.size(); ++i)
                pts.append(QCPCurveData(double(i), c.meanPredicted[i], c.fractionPositive[i]));
            curve->setName(tr("%1 (%2 rows, %3 positive)").arg(name).arg(c.total).arg(c.positives));
        } else {
            const engine::GainsCurve &g = m_data.gains[k];
            const std::vector<double> &y = lift ? g.lift : g.gains;
            for (std::size_t i = 0; i < g.population.size(); ++i)
                if (std::isfinite(y[i])) {
                    pts.append(QCPCurveData(double(i), g.population[i], y[i]));
                    m_yUpper = std::max(m_yUpper, y[i]);
                }
            curve->setName(tr("%1 (%2 positive of %3)").arg(name).arg(g.positives).arg(g.total));
        }
        curve->data()->set(pts, true);
    }
    if (lift) {
        m_reference->addData(0, 0, 1);
        m_reference->addData(1, 1, 1);
    } else {
        m_reference->addData(0, 0, 0);
        m_reference->addData(1, 1, 1);
    }
    m_reference->setName(calibration ? tr("Perfectly calibrated") : tr("Random"));
    showLegend();
    plot->axisRect()->insetLayout()->setInsetAlignment(
        0, lift ? (Qt::AlignTop | Qt::AlignRight) : (Qt::AlignTop | Qt::AlignLeft));
    QString what;
    if (calibration) {
        plot->xAxis->setLabel(tr("Mean predicted probability"));
        plot->yAxis->setLabel(tr("Fraction of positives"));
        what = tr("Calibration curve (%1 %2 bins)").arg(m_data.bins).arg(m_data.strategy);
    } else {
        plot->xAxis->setLabel(tr("Share of rows (highest probability first)"));
        plot->yAxis->setLabel(lift ? tr("Lift") : tr("Share of positives found"));
        what = lift ? tr("Lift curve") : tr("Cumulative gains");
    }
    setTitle(m_data.modelName.isEmpty() ? what : tr("%1 — %2").arg(what, m_data.modelName));
    resetView();
}

QList<QPointF> ProbabilityCurvesPlot::referenceLine() const
{
    QList<QPointF> out;
    for (auto it = m_reference->data()->constBegin(); it != m_reference->data()->constEnd(); ++it)
        out.append(QPointF(it->key, it->value));
    return out;
}

QString ProbabilityCurvesPlot::coordinateText(double x, double y) const
{
    return tr("x %1, y %2").arg(x, 0, 'f', 3).arg(y, 0, 'f', 3);
}

void ProbabilityCurvesPlot::resetView()
{
    customPlot()->xAxis->setRange(-0.02, 1.02);
    if (m_data.kind == Kind::Lift)
        customPlot()->yAxis->setRange(0, m_yUpper * 1.05);
    else
        customPlot()->yAxis->setRange(-0.02, 1.02);
    replot();
}

} // namespace sextant::plots
