#pragma once

#include "plots/PlotView.h"

#include <QList>
#include <QPointF>
#include <QStringList>

class QCPCurve;

namespace sextant::plots {

// What the evaluation curves (ROC, precision-recall, calibration, gains and lift) share:
// a list of parametric curves coloured from the palette, a legend naming them, and a tool
// tip naming the curve passing closest to the mouse with the coordinates under it. Each
// subclass adds its own axes, reference line and titles.
class CurvePlot : public PlotView {
    Q_OBJECT

public:
    explicit CurvePlot(QWidget *parent = nullptr);
    ~CurvePlot() override;

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    // Vertices of curve i as drawn.
    int pointCount(int curve) const;
    // Points of curve i as drawn (x, y).
    QList<QPointF> drawnPoints(int curve) const;
    // The names in the legend, in order (empty while the legend is hidden).
    QStringList legendEntries() const;
    QString toolTipAt(const QPointF &pixel) const override;

protected:
    // Removes every curve and hides the legend (no replot).
    void removeCurves();
    // A new curve in palette colour `index`, 2 px wide, listed in the legend.
    QCPCurve *addCurve(int index);
    // Shows the legend when there is at least one curve.
    void showLegend();
    // The second line of the tool tip for a point of the plane ("FPR 0.100, TPR 0.800").
    virtual QString coordinateText(double x, double y) const = 0;

    QList<QCPCurve *> m_curves;
};

} // namespace sextant::plots
