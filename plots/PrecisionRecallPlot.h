#pragma once

#include "ml/CurveMetrics.h"
#include "plots/PlotView.h"

#include <QStringList>
#include <vector>

class QCPCurve;

namespace sextant::plots {

// Precision-recall curves (recall on x, precision on y), one per class or a single binary
// one, drawn as steps like scikit-learn's PrecisionRecallDisplay, with the average
// precision in each legend entry. Curves come from engine::CurveMetrics.
class PrecisionRecallPlot : public PlotView {
    Q_OBJECT
public:
    explicit PrecisionRecallPlot(QWidget *parent = nullptr);
    ~PrecisionRecallPlot() override;

    void setCurves(
        const std::vector<engine::PrecisionRecallCurve> &curves, const QStringList &classNames);
    void setCurve(const engine::PrecisionRecallCurve &curve, const QString &name);
    void clear();

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    // Vertices of curve i as drawn (two per threshold: the steps).
    int pointCount(int curve) const;
    QStringList legendEntries() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    QList<QCPCurve *> m_curves;
};

} // namespace sextant::plots
