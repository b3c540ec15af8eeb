#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "nodes/PredictionView.h"

namespace sextant::engine {

// Evaluation view sinks. Double-clicking one in the editor opens its plot; `sextant run`
// writes it as PNG/SVG (and the numbers as CSV/JSON).
//   view.metrics     input metrics (Metrics)        result MetricsTable
//   view.roc         input predictions (Predictions) result PredictionView (ROC, one curve
//                    per class, one-vs-rest, AUC in the legend)
//   view.pr          precision-recall curves
//   view.confusion   confusion matrix (counts and row-normalised)
//   view.residuals   residuals vs predicted (regression)
class EvaluationViewNode {
public:
    static NodeType metricsType();
    static NodeType predictionType(PredictionView::Kind kind);
    static QList<NodeType> all();
};

} // namespace sextant::engine
