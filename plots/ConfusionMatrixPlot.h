#pragma once

#include "ml/CurveMetrics.h"
#include "plots/PlotView.h"

#include <QList>
#include <QPoint>
#include <QSize>
#include <QStringList>

class QCheckBox;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPLayerable;

namespace sextant::plots {

// A confusion matrix as an annotated heatmap: rows are true classes (first class at the
// top), columns predicted classes; each cell shows the count, or — with "Row-normalised"
// — the fraction of its true class (recall on the diagonal). White-to-blue scale with a
// colour bar; the tool tip gives both the count and the fraction.
//
// A click on a cell reports it (cellClicked), for the studio's linked selection: the
// caller maps the cell to the rows with that (true, predicted) pair. Cells given to
// setSelectedCells() are outlined.
class ConfusionMatrixPlot : public PlotView {
    Q_OBJECT
public:
    explicit ConfusionMatrixPlot(QWidget *parent = nullptr);
    ~ConfusionMatrixPlot() override;

    void setMatrix(const engine::ConfusionMatrix &matrix, const QStringList &classNames);
    void clear();

    void setNormalized(bool on);
    bool isNormalized() const { return m_normalized; }

    // For tests.
    int classCount() const { return m_matrix.classCount; }
    QSize colorMapSize() const;
    std::pair<double, double> colorRange() const;
    bool hasColorScale() const;
    // The value drawn in a cell (count or fraction) and its text.
    double cellValue(int trueClass, int predicted) const;
    QString cellText(int trueClass, int predicted) const;
    QPointF cellCenter(int trueClass, int predicted) const;
    // x = predicted, y = true class; (-1, -1) outside.
    QPoint cellAt(const QPointF &pixel) const;
    bool cellValuesShown() const;

    // Outlines these cells (x = predicted, y = true class); an empty list removes them.
    void setSelectedCells(const QList<QPoint> &cells);
    QList<QPoint> selectedCells() const { return m_selectedCells; }

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    // A left click on the cell of `trueClass` and `predicted` (with the keyboard modifiers
    // held: Shift or Ctrl adds to a selection).
    void cellClicked(int trueClass, int predicted, Qt::KeyboardModifiers modifiers);

protected:
    void addContextMenuActions(QMenu *menu) override;
    void clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers) override;

private:
    void redraw();
    void drawSelection();

    engine::ConfusionMatrix m_matrix;
    std::vector<double> m_normalizedValues;
    QStringList m_names;
    bool m_normalized = false;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPLayerable *m_cellText;
    QCheckBox *m_normalizeBox;
    QList<QPoint> m_selectedCells;
    QList<QCPItemRect *> m_selectionItems;
};

} // namespace sextant::plots
