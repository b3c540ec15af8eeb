#include "plots/RocPlot.h"

#include "plots/QCustomPlotInclude.h"

#include <cmath>

namespace sextant::plots {

RocPlot::RocPlot(QWidget *parent) : CurvePlot(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("False positive rate"));
    plot->yAxis->setLabel(tr("True positive rate"));
    m_chance = new QCPCurve(plot->xAxis, plot->yAxis);
    m_chance->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    m_chance->setName(tr("Chance"));
    m_chance->addData(0, 0, 0);
    m_chance->addData(1, 1, 1);
    m_chance->removeFromLegend();
    m_chance->setSelectable(QCP::stNone);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    setTitle(tr("ROC curve"));
    applyPaletteColors();
    resetView();
}

RocPlot::~RocPlot() = default;

void RocPlot::clear()
{
    removeCurves();
    setTitle(tr("ROC curve"));
    replot();
}

void RocPlot::setCurve(const engine::RocCurve &curve, const QString &name)
{
    setCurves({ curve }, { name });
}

void RocPlot::setCurves(const std::vector<engine::RocCurve> &curves, const QStringList &classNames)
{
    clear();
    for (std::size_t k = 0; k < curves.size(); ++k) {
        const engine::RocCurve &c = curves[k];
        const QString name = k < static_cast<std::size_t>(classNames.size())
            ? classNames.at(static_cast<qsizetype>(k))
            : tr("Class %1").arg(k);
        QCPCurve *curve = addCurve(static_cast<int>(k));
        if (std::isnan(c.auc)) {
            curve->setName(tr("%1 (AUC undefined)").arg(name));
        } else {
            curve->setName(tr("%1 (AUC = %2)").arg(name, QString::number(c.auc, 'f', 3)));
            QVector<QCPCurveData> data;
            data.reserve(static_cast<qsizetype>(c.fpr.size()));
            for (std::size_t i = 0; i < c.fpr.size(); ++i)
                data.append(QCPCurveData(static_cast<double>(i), c.fpr[i], c.tpr[i]));
            curve->data()->set(data, true);
        }
    }
    showLegend();
    if (curves.size() > 1) {
        const double macro = engine::CurveMetrics::macroAuc(curves);
        setTitle(std::isnan(macro) ? tr("ROC curves (one-vs-rest)")
                                   : tr("ROC curves (one-vs-rest), macro AUC = %1")
                                         .arg(QString::number(macro, 'f', 3)));
    } else {
        setTitle(tr("ROC curve"));
    }
    resetView();
}

bool RocPlot::hasChanceLine() const
{
    return m_chance && m_chance->visible() && m_chance->dataCount() == 2;
}

QString RocPlot::coordinateText(double x, double y) const
{
    return tr("FPR %1, TPR %2").arg(x, 0, 'f', 3).arg(y, 0, 'f', 3);
}

void RocPlot::resetView()
{
    customPlot()->xAxis->setRange(-0.02, 1.02);
    customPlot()->yAxis->setRange(-0.02, 1.02);
    replot();
}

} // namespace sextant::plots
