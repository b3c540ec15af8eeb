#pragma once

#include "nodes/ProbabilityCurvesData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPCurve;

namespace sextant::plots {

// Draws engine::ProbabilityCurvesData: a reliability diagram (fraction of positives
// against mean predicted probability, one marked line per class, the diagonal of perfect
// calibration), cumulative gains (share of positives found against share of rows, the
// diagonal of random ranking) or lift (against share of rows, the line at 1). Curves
// come computed from the node; this view only draws them.
class ProbabilityCurvesPlot : public PlotView {
    Q_OBJECT
public:
    explicit ProbabilityCurvesPlot(QWidget *parent = nullptr);
    ~ProbabilityCurvesPlot() override;

    void setData(engine::ProbabilityCurvesData data);
    void clear();

    engine::ProbabilityCurvesData::Kind kind() const { return m_data.kind; }
    int curveCount() const { return static_cast<int>(m_curves.size()); }
    // Points of curve i as drawn (x, y).
    QList<QPointF> drawnPoints(int curve) const;
    QStringList legendEntries() const;
    // The reference line (diagonal or lift 1) as drawn: its two end points.
    QList<QPointF> referenceLine() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    engine::ProbabilityCurvesData m_data;
    QList<QCPCurve *> m_curves;
    QCPCurve *m_reference;
    double m_yUpper = 1;
};

} // namespace sextant::plots
