#pragma once

#include "nodes/SilhouetteData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace sextant::plots {

// The silhouette plot: one horizontal bar per evaluated row, its silhouette coefficient
// as length, rows grouped by cluster (top to bottom in cluster order, a gap between
// clusters) and sorted within each cluster from the highest value down, coloured by
// Palette::categorical(cluster); a dashed vertical line at the mean (silhouette_score)
// and each cluster's name and mean on the left axis. Each cluster's bars are one filled
// step graph, so 10^5 rows draw as fast as a few.
//
// Linked selection: a rectangle (Shift+drag) selects the rows whose bar ends inside it,
// the context menu's "Select Negative Silhouettes" the rows whose value is below zero;
// both emit rowsSelected with rows of the node's input table (0-based, ascending), as
// ScatterPlot does. setSelectedRows() outlines those rows' bars.
class SilhouettePlot : public PlotView {
    Q_OBJECT
public:
    explicit SilhouettePlot(QWidget *parent = nullptr);
    ~SilhouettePlot() override;

    void setData(engine::SilhouetteData data);
    void clear();
    const engine::SilhouetteData &data() const { return m_data; }

    // Drawn geometry, for tests: the bar position (y) of each entry of data().order.
    double barPosition(std::int64_t orderIndex) const;
    // The value of the bars drawn for cluster `c`, top to bottom (read back from the graph).
    QList<double> drawnValues(int cluster) const;
    double meanLine() const;

    // Rows (of the input table) whose bar ends in the plot-coordinate rectangle.
    QList<qint64> rowsIn(const QRectF &rect) const;
    QList<qint64> negativeRows() const;
    void selectNegative();
    void setSelectedRows(const QList<qint64> &rows);
    int selectedBarCount() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    void rowsSelected(const QList<qint64> &rows);

protected:
    void addContextMenuActions(QMenu *menu) override;
    DragAction dragActionFor(Qt::KeyboardModifiers modifiers) const override;
    void selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers modifiers) override;

private:
    void draw();

    engine::SilhouetteData m_data;
    std::vector<double> m_position; // per order index
    QList<QCPGraph *> m_graphs;
    QCPGraph *m_selected = nullptr;
    QCPItemStraightLine *m_meanLine = nullptr;
    QCPItemText *m_meanLabel = nullptr;
    double m_yUpper = 1;
    QList<qint64> m_selection;
};

} // namespace sextant::plots
