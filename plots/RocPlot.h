#pragma once

#include "ml/CurveMetrics.h"
#include "plots/CurvePlot.h"

#include <QStringList>
#include <vector>

class QCPCurve;

namespace sextant::plots {

// ROC curves, one per class (one-vs-rest) or a single binary one, with the AUC in each
// legend entry, the chance diagonal, and the macro-averaged AUC in the title when there
// are several classes. Curves come from engine::CurveMetrics; this view only draws them.
class RocPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit RocPlot(QWidget *parent = nullptr);
    ~RocPlot() override;

    // One curve per class; `classNames[k]` names curve k. Classes whose AUC is undefined
    // (no positive or no negative sample) are listed in the legend but not drawn.
    void setCurves(const std::vector<engine::RocCurve> &curves, const QStringList &classNames);
    void setCurve(const engine::RocCurve &curve, const QString &name);
    void clear();

    bool hasChanceLine() const;

    void resetView() override;

protected:
    QString coordinateText(double x, double y) const override;

private:
    QCPCurve *m_chance;
};

} // namespace sextant::plots
