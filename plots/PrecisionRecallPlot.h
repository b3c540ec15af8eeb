#pragma once

#include "ml/CurveMetrics.h"
#include "plots/CurvePlot.h"

#include <QStringList>
#include <vector>

class QCPCurve;

namespace sextant::plots {

// Precision-recall curves (recall on x, precision on y), one per class or a single binary
// one, drawn as steps like scikit-learn's PrecisionRecallDisplay, with the average
// precision in each legend entry. Curves come from engine::CurveMetrics.
class PrecisionRecallPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit PrecisionRecallPlot(QWidget *parent = nullptr);
    ~PrecisionRecallPlot() override;

    void setCurves(
        const std::vector<engine::PrecisionRecallCurve> &curves, const QStringList &classNames);
    void setCurve(const engine::PrecisionRecallCurve &curve, const QString &name);
    void clear();

    // pointCount(i): two vertices per threshold (the steps).

    void resetView() override;

protected:
    QString coordinateText(double x, double y) const override;

private:
};

} // namespace sextant::plots
