#pragma once

#include "nodes/HeatMapData.h"
#include "plots/PlotView.h"

#include <QList>

class QCPColorMap;
class QCPColorScale;
class QCPLayerable;

namespace sextant::plots {

// The data heat map of a Heat Map node: one column per chosen column (display order, names
// below), one row per band of rows (HeatMapData: a band is one row up to kMaxBands rows,
// else the mean of consecutive rows), top to bottom in display order; colours are the
// standardized values on a diverging scale clipped at ±kClip, missing values grey. A strip
// left of the first column shows each band's class (its most frequent one), and a narrow
// strip left of that marks the bands holding selected rows. The image is the bands x
// columns grid whatever the table's size, so a million rows redraw as fast as two
// thousand.
//
// Linked selection: Shift+drag over a band of rows emits rowsSelected with every input
// row of the bands the rectangle covers (0-based, ascending), as SilhouettePlot does;
// setSelectedRows() marks the bands holding them.
class DataHeatMapPlot : public PlotView {
    Q_OBJECT
public:
    static constexpr double kClip = 3.0;

    explicit DataHeatMapPlot(QWidget *parent = nullptr);
    ~DataHeatMapPlot() override;

    void setData(engine::HeatMapData data);
    const engine::HeatMapData &data() const { return m_data; }

    // The colour map's cell value at (column, band), for tests.
    double cellValue(int column, std::int64_t band) const;
    // The band drawn at plot y coordinate `y` (bands at 0, 1, ... top to bottom), or -1.
    std::int64_t bandAt(double y) const;
    // Rows (of the input table, ascending) of the bands from `firstBand` to `lastBand`.
    QList<qint64> rowsOfBands(std::int64_t firstBand, std::int64_t lastBand) const;
    // Selects the bands from `firstBand` to `lastBand` (what a Shift+drag does).
    void selectBands(std::int64_t firstBand, std::int64_t lastBand);
    void setSelectedRows(const QList<qint64> &rows);
    // Bands marked as holding selected rows.
    QList<qint64> markedBands() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    void rowsSelected(const QList<qint64> &rows);

protected:
    DragAction dragActionFor(Qt::KeyboardModifiers modifiers) const override;
    void selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers modifiers) override;

private:
    void draw();

    engine::HeatMapData m_data;
    QCPColorMap *m_map = nullptr;
    QCPColorScale *m_scale = nullptr;
    QCPLayerable *m_strips = nullptr;
};

} // namespace sextant::plots
