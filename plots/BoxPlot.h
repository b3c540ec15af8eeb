#pragma once

#include "nodes/BoxPlotData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPStatisticalBox;
class QCPCurve;
class QComboBox;
class QLabel;

namespace sextant::plots {

// Box plots or violin plots of one numeric column at a time (a "Column" combo above the
// plot picks which of the node's columns), one box per group of the split column,
// coloured by Palette::categorical(group) as elsewhere. Boxes span the quartiles with a
// line at the median, whiskers end at the last value within 1.5 IQR, outliers are dots
// (at most BoxStatistics::kMaxDrawnOutliers per group). Violins are each group's kernel
// density mirrored around its position, scaled so the widest one fills the slot, with
// the quartile box and median drawn thin inside.
//
// Everything drawn comes precomputed from engine::BoxPlotData (the Box Plot node): a
// redraw costs O(groups x density points), never O(rows).
class BoxPlot : public PlotView {
    Q_OBJECT
public:
    explicit BoxPlot(QWidget *parent = nullptr);
    ~BoxPlot() override;

    void setData(engine::BoxPlotData data);
    void clear();

    QStringList columnNames() const;
    int currentColumn() const { return m_current; }
    void setCurrentColumn(int index);
    bool isViolin() const { return m_data.violin; }

    // What is drawn, for tests: per group the whisker ends, quartiles and median read
    // back from the plottable ({lowerWhisker, q1, median, q3, upperWhisker}), the number
    // of outlier dots, and the violin outline's points (0 when boxes are drawn).
    int boxCount() const { return static_cast<int>(m_boxes.size()); }
    QList<double> drawnBox(int group) const;
    int drawnOutlierCount(int group) const;
    int violinPointCount(int group) const;
    // The half width (in key units) of group `group`'s violin at value `y`, interpolated.
    double violinHalfWidthAt(int group, double y) const;
    QStringList groupLabels() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

Q_SIGNALS:
    void columnShown(int index);

private:
    void draw();
    int groupAt(const QPointF &pixel) const;

    engine::BoxPlotData m_data;
    int m_current = -1;
    QList<QCPStatisticalBox *> m_boxes;
    QList<QCPCurve *> m_violins;
    QList<double> m_violinScale; // per group: key units per density unit
    QLabel *m_columnLabel;
    QComboBox *m_column;
    double m_yLower = 0, m_yUpper = 1;
};

} // namespace sextant::plots
