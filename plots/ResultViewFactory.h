#pragma once

#include <QString>
#include <memory>

namespace sextant::engine {
class NodeValue;
} // namespace sextant::engine

namespace sextant::plots {

class PlotView;

// Which plot draws which node result — the one place that knows, for the studio and for
// the plots `sextant run` writes:
//   ColumnHistogram   -> HistogramPlot
//   CorrelationMatrix -> CorrelationHeatmap
//   ScatterData       -> ScatterPlot (coloured by its colour column, if any)
//   PredictionView    -> RocPlot, PrecisionRecallPlot, ConfusionMatrixPlot or ResidualPlot
// Other results (tables, metrics) have no plot. GUI thread only; the plots draw what the
// engine computed and do no work that grows with the rows.
class ResultViewFactory {
public:
    // Whether a plot draws `value`.
    static bool hasPlot(const engine::NodeValue &value);
    // A new plot showing `value`; null when no plot draws it.
    static std::unique_ptr<PlotView> create(const engine::NodeValue &value);
    // Shows `value` in `view`, an existing plot (the studio's histogram, heatmap and
    // scatter stay in place). False, with `view` unchanged, when `view` is not the kind of
    // plot that draws this result.
    static bool show(PlotView &view, const engine::NodeValue &value);
    // A short title for a tab or a file: "Histogram", "ROC", "Residuals"; empty when no
    // plot draws `value`.
    static QString title(const engine::NodeValue &value);
    // The title with what the plot is of, where the result says: "Histogram of
    // petal_length", "Scatter of petal_width against petal_length"; else title().
    static QString describe(const engine::NodeValue &value);
};

} // namespace sextant::plots
