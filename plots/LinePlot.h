#pragma once

#include "nodes/LinePlotData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPGraph;

namespace sextant::plots {

// The Line Plot node's result: one line per series against the x (date ticks for a date
// column, QCPAxisTickerDateTime in UTC), each series in its categorical palette colour;
// a rolling mean is drawn over its series as a thicker line of the same colour, the
// series itself lightened. Gaps where a value is missing. QCustomPlot's adaptive sampling
// keeps a million points per line fast to draw. Hover: the series nearest the mouse, its
// x (a date for dates) and value.
class LinePlot : public PlotView {
    Q_OBJECT
public:
    explicit LinePlot(QWidget *parent = nullptr);
    ~LinePlot() override;

    void setData(const engine::LinePlotData &data);
    void clear();

    int lineCount() const { return int(m_lines.size()); }
    QStringList legendEntries() const;
    bool hasDateAxis() const;
    // The number of points of line `i`.
    int pointCount(int line) const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    QString xText(double x) const;

    QList<QCPGraph *> m_lines;
    bool m_xIsDate = false;
    bool m_xDateOnly = false;
    QString m_xName;
};

} // namespace sextant::plots
