#pragma once

#include "plots/ScatterPlot.h"

#include <span>
#include <utility>
#include <vector>

class QCPItemStraightLine;

namespace sextant::plots {

// Residuals (actual − predicted) against the predicted value, for regression models,
// with the zero line. One point per sample (point i is sample i); NaN pairs are not drawn.
//
// A ScatterPlot underneath: the residuals are computed on the scatter's worker thread and
// above the scatter's density threshold (the same policy: 100k points by default) they
// are drawn as a density image by the scatter's density job. Selecting a rectangle
// reports sample indices (rowsSelected). The view is symmetric around zero.
class ResidualPlot : public ScatterPlot {
    Q_OBJECT
public:
    explicit ResidualPlot(QWidget *parent = nullptr);
    ~ResidualPlot() override;

    // `predicted` and `actual` have one entry per sample (same length). Copied; the
    // residuals are computed at once up to the density threshold, else on the worker
    // (dataGathered, or settleNow()).
    void setData(std::span<const double> predicted, std::span<const double> actual);
    void setData(std::vector<double> predicted, std::vector<double> actual);
    void clear();

    // Samples with a finite predicted value and residual (once computed).
    qint64 pointCount() const { return finitePointCount(); }
    std::pair<double, double> xRange() const;
    std::pair<double, double> yRange() const;
    bool hasZeroLine() const;
    // The residual of sample i as drawn (NaN when not drawn or not computed yet).
    double residual(qint64 i) const;

    QString toolTipAt(const QPointF &pixel) const override;

private:
    QCPItemStraightLine *m_zero;
};

} // namespace sextant::plots
