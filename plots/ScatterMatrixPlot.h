#pragma once

#include "nodes/ScatterMatrixData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPAxisRect;
class QCPGraph;
class QCPMarginGroup;
class QCPLayoutGrid;

namespace sextant::plots {

// A scatter matrix (engine::ScatterMatrixData): a k x k grid of small plots, cell (i, j)
// the scatter of column j (x) against column i (y), the diagonal each column's histogram
// stacked by class; points and bars coloured by Palette::categorical(class) with one
// legend. Column names label the bottom row and the left column; axes of a column share
// their range. The rows drawn are the node's sample; nothing is computed here.
//
// Linked selection: a Shift+drag rectangle in an off-diagonal cell selects the drawn rows
// inside it, in a diagonal cell the drawn rows whose value falls in its horizontal band;
// rowsSelected carries them as rows of the node's input table (0-based, ascending), as
// ScatterPlot does. setSelectedRows() rings those rows' points in every cell.
class ScatterMatrixPlot : public PlotView {
    Q_OBJECT
public:
    explicit ScatterMatrixPlot(QWidget *parent = nullptr);
    ~ScatterMatrixPlot() override;

    void setData(engine::ScatterMatrixData data);
    const engine::ScatterMatrixData &data() const { return m_data; }

    int columnCount() const { return static_cast<int>(m_data.columns.size()); }
    // The axis rect of cell (row, column), row-major.
    int cellCount() const { return static_cast<int>(m_cells.size()); }
    // Points drawn in off-diagonal cell (row, column) (over every class).
    int pointCount(int row, int column) const;
    // The stacked bar heights drawn on the diagonal of `column` (per bin, all classes).
    QList<double> diagonalTotals(int column) const;
    QStringList legendEntries() const;

    void setSelectedRows(const QList<qint64> &rows);
    // Points ringed as selected in off-diagonal cell (row, column).
    int selectedPointCount(int row, int column) const;
    // The drawn rows (input table rows) in `coords` of cell (row, column): x and y ranges
    // off the diagonal, the x range on it.
    QList<qint64> rowsIn(int row, int column, const QRectF &coords) const;
    // Cell (row, column) in plot widget pixels, as of the last replot.
    QRect cellArea(int row, int column) const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    void rowsSelected(const QList<qint64> &rows);

protected:
    DragAction dragActionFor(Qt::KeyboardModifiers modifiers) const override;
    void selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers modifiers) override;

private:
    void draw();
    QCPAxisRect *cell(int row, int column) const;

    engine::ScatterMatrixData m_data;
    QCPLayoutGrid *m_grid = nullptr;
    QList<QCPAxisRect *> m_cells;
    std::vector<QCPMarginGroup *> m_groups; // per column, then per row
    std::vector<std::pair<double, double>> m_ranges; // per column
    QList<QCPGraph *> m_highlights; // per cell, row-major; null on the diagonal
    QList<qint64> m_selection; // input table rows, ascending
};

} // namespace sextant::plots
