#pragma once

#include "nodes/FeatureRanking.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPBars;
class QComboBox;
class QTableWidget;

namespace sextant::plots {

// Feature scores (engine::FeatureRanking): a horizontal bar chart of one score (the
// "Rank by" combo; the node's choice first), best on top, at most kMaxBars bars, the
// features the node keeps in the first categorical colour and the others grey; below
// it a table of every feature and every score, sorted by a click on a column header.
// Export gives the bar chart. Nothing here grows with the table's rows: the scores come
// computed.
class FeatureRankingPlot : public PlotView {
    Q_OBJECT
public:
    static constexpr int kMaxBars = 30;

    explicit FeatureRankingPlot(QWidget *parent = nullptr);
    ~FeatureRankingPlot() override;

    void setData(engine::FeatureRanking data);
    const engine::FeatureRanking &data() const { return m_data; }

    int method() const { return m_method; }
    void setMethod(int method);

    // The drawn bars, top to bottom: feature names and scores.
    QStringList barLabels() const { return m_labels; }
    QList<double> barValues() const { return m_values; }
    int keptBarCount() const;
    QTableWidget *table() const { return m_table; }

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    void draw();
    void fillTable();

    engine::FeatureRanking m_data;
    int m_method = 0;
    QComboBox *m_combo;
    QTableWidget *m_table;
    QCPBars *m_kept;
    QCPBars *m_rest;
    QStringList m_labels;
    QList<double> m_values;
    double m_xLower = 0, m_xUpper = 1;
};

} // namespace sextant::plots
