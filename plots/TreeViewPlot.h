#pragma once

#include "nodes/TreeViewData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <vector>

class QCPAbstractItem;

namespace sextant::plots {

// The tree of a Tree Viewer node, drawn top-down: each drawn node a box (QCPItemRect) at
// y = its depth, leaves (and folded nodes) spread evenly one unit apart from left to right in
// the tree's order, every parent centred over its two children, a line (QCPItemLine) from
// parent to child, and under a folded node a dashed line to a "…" marker with the number of
// nodes it hides. A box holds its split ("petal_length <= 2.45", the left branch's
// condition), the rows reaching it, the class counts and the majority class (or the mean),
// and is filled with that class's Palette::categorical colour (regression: shades of blue
// by the mean). The text is fitted to the box at every draw (smaller fonts when zoomed
// out; when the whole text does not fit at a readable size, shorter labels — "n = 150",
// the counts and the class without their names — then only the split), all boxes at one
// size, so exports at any size keep it inside its
// box; the tool tip of a box gives the full text. Wheel zoom and drag pan
// come from PlotView.
class TreeViewPlot : public PlotView {
    Q_OBJECT
public:
    static constexpr double kBoxWidth = 0.94; // plot units (leaves are 1 apart)
    static constexpr double kBoxHeight = 0.72; // levels are 1 apart

    explicit TreeViewPlot(QWidget *parent = nullptr);
    ~TreeViewPlot() override;

    void setData(engine::TreeViewData data);
    const engine::TreeViewData &data() const { return m_data; }

    // Drawn geometry, for tests: the centre of data().nodes[i]'s box in plot coordinates,
    // the number of boxes and the box items.
    QPointF nodeCenter(int node) const;
    int boxCount() const { return static_cast<int>(m_boxes.size()); }
    // The full text of node i (its tool tip).
    QString nodeText(int node) const;
    // The node whose box contains the plot-pixel position, -1 when none.
    int nodeAt(const QPointF &pixel) const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    void draw();
    void clearItems();

    engine::TreeViewData m_data;
    std::vector<QPointF> m_center; // per node of m_data.nodes
    std::vector<QCPAbstractItem *> m_boxes;
    std::vector<QCPAbstractItem *> m_items; // every item this view added
    double m_width = 1; // leaf columns
    double m_depth = 0; // deepest level drawn (markers included)
};

} // namespace sextant::plots
