#pragma once

#include "ml/CurveMetrics.h"
#include "plots/PlotView.h"

#include <QStringList>
#include <vector>

class QCPCurve;

namespace sextant::plots {

// ROC curves, one per class (one-vs-rest) or a single binary one, with the AUC in each
// legend entry, the chance diagonal, and the macro-averaged AUC in the title when there
// are several classes. Curves come from engine::CurveMetrics; this view only draws them.
class RocPlot : public PlotView {
    Q_OBJECT
public:
    explicit RocPlot(QWidget *parent = nullptr);
    ~RocPlot() override;

    // One curve per class; `classNames[k]` names curve k. Classes whose AUC is undefined
    // (no positive or no negative sample) are listed in the legend but not drawn.
    void setCurves(const std::vector<engine::RocCurve> &curves, const QStringList &classNames);
    void setCurve(const engine::RocCurve &curve, const QString &name);
    void clear();

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    // Points of curve i as drawn.
    int pointCount(int curve) const;
    QStringList legendEntries() const;
    bool hasChanceLine() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    QList<QCPCurve *> m_curves;
    QCPCurve *m_chance;
};

} // namespace sextant::plots
