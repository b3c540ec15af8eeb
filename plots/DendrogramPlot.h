#pragma once

#include "nodes/DendrogramData.h"
#include "plots/PlotView.h"

#include <QLineF>
#include <QList>
#include <vector>

class QCPItemStraightLine;
class QCPItemText;
class QCPLayerable;

namespace sextant::plots {

// The dendrogram of a Dendrogram node: leaves along the bottom in SciPy's order (x = 5 +
// 10 p for leaf position p), each merge a "U" at its height (engine::DendrogramLayout),
// the Us inside a flat cluster in that cluster's Palette::categorical colour and those
// above the cut in grey, leaf labels on the bottom axis while they fit (up to
// kMaxLeafLabels leaves), and the cut as a dashed horizontal line with the number of
// clusters it leaves.
//
// Dragging the cut line (press within a few pixels of it) moves it; on release the
// number of clusters at the new height (Dendrogram::clustersAt) is emitted as
// cutRequested when it differs from the node's, and the studio writes it to the node's
// `clusters` parameter (an undoable edit, DendrogramCutWriter), after which the node
// runs again and the view redraws with the new colours. The links are drawn by one
// layer as plain line segments, so 20,000 leaves draw as fast as a few.
class DendrogramPlot : public PlotView {
    Q_OBJECT
public:
    static constexpr int kMaxLeafLabels = 80;

    explicit DendrogramPlot(QWidget *parent = nullptr);
    ~DendrogramPlot() override;

    void setData(engine::DendrogramData data);
    const engine::DendrogramData &data() const { return m_data; }

    // The cut line's height as drawn (the node's cut, or where a drag left it).
    double cutLineHeight() const;
    // Clusters a cut at `height` leaves.
    int clustersAt(double height) const;
    // What releasing a drag at `height` does: moves the line there and emits
    // cutRequested(clustersAt(height)) when that differs from data().clusters. Returns the
    // clusters at `height`.
    int dragCutTo(double height);
    // Line segments drawn in cluster `c`'s colour (-1: above the cut), plot coordinates.
    QList<QLineF> segments(int cluster) const;
    // Whether a pixel is close enough to the cut line to grab it.
    bool grabsCutLine(const QPointF &pixel) const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    // The person dragged the cut to a height that leaves `clusters` clusters.
    void cutRequested(int clusters);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void draw();
    void moveCutLine(double height);

    engine::DendrogramData m_data;
    std::vector<double> m_heights; // merge heights, ascending
    QCPLayerable *m_links = nullptr;
    QCPItemStraightLine *m_cutLine = nullptr;
    QCPItemText *m_cutLabel = nullptr;
    double m_cutHeight = 0;
    bool m_dragging = false;
};

} // namespace sextant::plots
