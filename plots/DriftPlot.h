#pragma once

#include "nodes/DriftData.h"
#include "plots/PlotView.h"

#include <QList>
#include <QStringList>

class QCPAxisRect;
class QCPBars;
class QCPGraph;
class QCPLegend;

namespace sextant::plots {

// A drift report (engine::DriftData): one horizontal bar per feature (and one for the
// predictions) of its population stability index, largest on top, at most kMaxBars bars,
// coloured by verdict (stable, warning, drift) with dashed lines at the PSI thresholds
// 0.1 and 0.25; the tooltip gives the statistic, p-value, missing rates and reasons.
// Beside the bars, the overlaid histograms of one feature: its training distribution
// (grey) and this batch's (coloured by verdict) over the bins PSI counts over — density
// per unit for a numeric feature (the bins are equal-frequency in training, so they vary
// in width), shares side by side for a categorical one. The feature with the largest PSI
// is shown first; clicking a bar shows that one.
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

    // The feature the overlaid histograms show (an index into barLabels(); -1: none), and
    // what they draw: per bin the training and the batch values (densities for a numeric
    // feature, shares for a categorical one), the bin edges (numeric) or labels.
    int shownFeature() const { return m_shown; }
    void showFeature(int bar);
    QList<double> overlayTraining() const { return m_overlayTraining; }
    QList<double> overlayBatch() const { return m_overlayBatch; }
    QList<double> overlayEdges() const { return m_overlayEdges; }
    QStringList overlayLabels() const { return m_overlayLabels; }
    // The overlay's axis rect in plot widget pixels, as of the last replot.
    QRect overlayArea() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

protected:
    void clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers) override;

private:
    void draw();
    void drawOverlay();

    engine::DriftData m_data;
    QCPBars *m_bars[3];
    QStringList m_labels;
    QList<double> m_values;
    QStringList m_verdicts;
    QList<const engine::DriftReport::Entry *> m_entries;
    double m_xUpper = 0.3;

    QCPAxisRect *m_overlay = nullptr;
    QCPGraph *m_trainingStep = nullptr;
    QCPGraph *m_batchStep = nullptr;
    QCPBars *m_trainingBars = nullptr;
    QCPBars *m_batchBars = nullptr;
    QCPLegend *m_overlayLegend = nullptr;
    int m_shown = -1;
    QList<double> m_overlayTraining;
    QList<double> m_overlayBatch;
    QList<double> m_overlayEdges;
    QStringList m_overlayLabels;
};

} // namespace sextant::plots
