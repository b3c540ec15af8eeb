#pragma once

#include "nodes/ProbabilityCurvesData.h"
#include "plots/CurvePlot.h"

#include <QList>
#include <QStringList>

class QCPCurve;

namespace sextant::plots {

// Draws engine::ProbabilityCurvesData: a reliability diagram (fraction of positives
// against mean predicted probability, one marked line per class, the diagonal of perfect
// calibration), cumulative gains (share of positives found against share of rows, the
// diagonal of random ranking) or lift (against share of rows, the line at 1). Curves
// come computed from the node; this view only draws them.
class ProbabilityCurvesPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit ProbabilityCurvesPlot(QWidget *parent = nullptr);
    ~ProbabilityCurvesPlot() override;

    void setData(engine::ProbabilityCurvesData data);
    void clear();

    engine::ProbabilityCurvesData::Kind kind() const { return m_data.kind; }
    // The reference line (diagonal or lift 1) as drawn: its two end points.
    QList<QPointF> referenceLine() const;

    void resetView() override;

protected:
    QString coordinateText(double x, double y) const override;

private:
    engine::ProbabilityCurvesData m_data;
    QCPCurve *m_reference;
    double m_yUpper = 1;
};

} // namespace sextant::plots
