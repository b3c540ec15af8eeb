#pragma once

#include "data/Statistics.h"
#include "plots/PlotView.h"

#include <QPoint>
#include <QPointF>
#include <QSize>
#include <QStringList>
#include <utility>

class QCPColorMap;
class QCPColorScale;
class QCPLayerable;

namespace sextant::plots {

// The Pearson correlation matrix of the numeric columns (engine::Statistics::correlation)
// as a colour map: a diverging blue-white-red scale fixed to [-1, 1] and centred on 0,
// a colour bar, column names on both axes (row 0 at the top, like the matrix), r written
// in the cells when they are big enough, and a tool tip with both names and r.
//
// Readable at 50+ columns: every column name is written while a label's line height
// (font metrics) fits in a cell, the font shrinking from 12 to 8 px first; only below that
// are the labels thinned to every k-th column so that none overlap. Decided for the cell
// size in pixels of each replot and export. Long names are elided (the tool tip has the
// full name), and zooming in (wheel, Ctrl+drag) brings the labels and cell values back.
class CorrelationHeatmap : public PlotView {
    Q_OBJECT
public:
    explicit CorrelationHeatmap(QWidget *parent = nullptr);
    ~CorrelationHeatmap() override;

    void setMatrix(const engine::CorrelationMatrix &matrix);
    void clear();
    const engine::CorrelationMatrix &matrix() const { return m_matrix; }

    // For tests and callers.
    int columnCount() const { return static_cast<int>(m_matrix.names.size()); }
    QStringList names() const { return m_matrix.names; }
    // Cells of the colour map (key = columns, value = rows).
    QSize colorMapSize() const;
    // The colour range of the map and of the colour bar.
    std::pair<double, double> colorRange() const;
    bool hasColorScale() const;
    // The r of row `row`, column `column` as drawn (NaN where undefined).
    double valueAt(int row, int column) const;
    // Pixel position of a cell's centre after the last replot (plot widget coordinates).
    QPointF cellCenter(int row, int column) const;
    // The cell under a pixel of the plot widget: x = column, y = row; (-1, -1) if none.
    QPoint cellAt(const QPointF &pixel) const;
    // Whether the last draw wrote r into the cells.
    bool cellValuesShown() const;
    // Column names written on an axis at the last replot (thinned when cells are small).
    QStringList axisLabels(Qt::Orientation orientation) const;
    // Pixel size of a tick label's font on the axes at the last replot.
    int labelPixelSize() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    // A click on a cell: the two columns (dataset indices from the matrix) and their names.
    void cellClicked(int row, int column);

protected:
    void clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers) override;

private:
    engine::CorrelationMatrix m_matrix;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPLayerable *m_cellText;
};

} // namespace sextant::plots
