#include "plots/RocPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <cmath>

namespace sextant::plots {

namespace {

QStringList legendTexts(QCustomPlot *plot)
{
    QStringList out;
    if (!plot->legend->visible())
        return out;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
            out << item->plottable()->name();
    return out;
}

} // namespace

RocPlot::RocPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("False positive rate"));
    plot->yAxis->setLabel(tr("True positive rate"));
    plot->setAntialiasedElement(QCP::aePlottables, true);
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
    for (QCPCurve *c : std::as_const(m_curves))
        customPlot()->removePlottable(c);
    m_curves.clear();
    customPlot()->legend->setVisible(false);
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
    QCustomPlot *plot = customPlot();
    for (std::size_t k = 0; k < curves.size(); ++k) {
        const engine::RocCurve &c = curves[k];
        const QString name = k < static_cast<std::size_t>(classNames.size())
            ? classNames.at(static_cast<qsizetype>(k))
            : tr("Class %1").arg(k);
        auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
        curve->setPen(QPen(Palette::categorical(static_cast<int>(k)), 2));
        curve->setSelectable(QCP::stNone);
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
        m_curves.append(curve);
    }
    plot->legend->setVisible(!m_curves.isEmpty());
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

int RocPlot::pointCount(int curve) const
{
    return curve >= 0 && curve < m_curves.size() ? m_curves.at(curve)->dataCount() : 0;
}

QStringList RocPlot::legendEntries() const
{
    return legendTexts(customPlot());
}

bool RocPlot::hasChanceLine() const
{
    return m_chance && m_chance->visible() && m_chance->dataCount() == 2;
}

QString RocPlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    // The curve passing closest to the mouse.
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
        + tr("FPR %1, TPR %2")
              .arg(customPlot()->xAxis->pixelToCoord(pixel.x()), 0, 'f', 3)
              .arg(customPlot()->yAxis->pixelToCoord(pixel.y()), 0, 'f', 3);
}

void RocPlot::resetView()
{
    customPlot()->xAxis->setRange(-0.02, 1.02);
    customPlot()->yAxis->setRange(-0.02, 1.02);
    replot();
}

} // namespace sextant::plots
