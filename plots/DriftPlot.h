#pragma once

#include "nodes/DriftData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPBars;

namespace sextant::plots {

// A drift report (engine::DriftData): one horizontal bar per feature (and one for the
// predictions) of its population stability index, largest on top, at most kMaxBars bars,
// coloured by verdict (stable, warning, drift) with dashed lines at the PSI thresholds
// 0.1 and 0.25; the tooltip gives the statistic, p-value, missing rates and reasons.
// Nothing here grows with the table's rows: the report comes computed.
class DriftPlot : public PlotView {
    Q_OBJECT
public:
    static constexpr int kMaxBars = 40;

    explicit DriftPlot(QWidget *parent = nullptr);
    ~DriftPlot() override;

    void setData(engine::DriftData data);
    const engine::DriftData &data() const { return m_data; }

    // The drawn bars, top to bottom: names, PSI and verdicts.
    QStringList barLabels() const { return m_labels; }
    QList<double> barValues() const { return m_values; }
    QStringList barVerdicts() const { return m_verdicts; }

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    void draw();

    engine::DriftData m_data;
    QCPBars *m_bars[3];
    QStringList m_labels;
    QList<double> m_values;
    QStringList m_verdicts;
    QList<const engine::DriftReport::Entry *> m_entries;
    double m_xUpper = 0.3;
};

} // namespace sextant::plots
