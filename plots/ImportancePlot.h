#pragma once

#include "nodes/ImportanceView.h"
#include "plots/PlotView.h"

#include <QString>
#include <vector>

class QCPBars;
class QCPErrorBars;
class QCPGraph;

namespace sextant::plots {

// Feature importances as horizontal bars, the largest on top (at most kMaxBars; the title
// says how many were left out), with the spread (standard deviation over the repeats of a
// permutation importance) as error bars and every repeat's value as a dot on its bar.
// Negative values (a coefficient, a shuffle that happened to help) extend to the left.
class ImportancePlot : public PlotView {
    Q_OBJECT
public:
    static constexpr int kMaxBars = 40;

    explicit ImportancePlot(QWidget *parent = nullptr);
    ~ImportancePlot() override;

    void setImportances(const engine::ImportanceData &data);
    void clear();

    // What is drawn, bar 0 being the top (largest) one.
    int barCount() const { return static_cast<int>(m_labels.size()); }
    QString barLabel(int bar) const;
    double barValue(int bar) const;
    double barSpread(int bar) const; // NaN without spread
    bool hasSpread() const;
    int repeatPointCount() const;

    QString toolTipAt(const QPointF &pixel) const override;
    void resetView() override;

private:
    QCPBars *m_bars;
    QCPErrorBars *m_errors;
    QCPGraph *m_repeats;
    QString m_measure;
    std::vector<QString> m_labels;
    std::vector<double> m_values;
    std::vector<double> m_spread;
    int m_repeatPoints = 0;
};

} // namespace sextant::plots
