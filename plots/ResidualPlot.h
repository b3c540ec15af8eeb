#pragma once

#include "plots/PlotView.h"

#include <span>
#include <utility>
#include <vector>

class QCPGraph;
class QCPItemStraightLine;

namespace sextant::plots {

// Residuals (actual − predicted) against the predicted value, for regression models,
// with the zero line. One point per sample; NaN pairs are not drawn.
class ResidualPlot : public PlotView {
    Q_OBJECT
public:
    explicit ResidualPlot(QWidget *parent = nullptr);
    ~ResidualPlot() override;

    // `predicted` and `actual` have one entry per sample (same length).
    void setData(std::span<const double> predicted, std::span<const double> actual);
    void clear();

    qint64 pointCount() const;
    std::pair<double, double> xRange() const;
    std::pair<double, double> yRange() const;
    bool hasZeroLine() const;
    // The residual of sample i as drawn (NaN when not drawn).
    double residual(qint64 i) const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    std::vector<double> m_predicted;
    std::vector<double> m_residuals;
    QCPGraph *m_points;
    QCPItemStraightLine *m_zero;
};

} // namespace sextant::plots
