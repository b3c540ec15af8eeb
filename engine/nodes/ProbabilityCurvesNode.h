#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// Views of a classifier's class probabilities, from predictions (Test on Held-out Data,
// Cross-Validation, Predict on a table with the target), computed on the engine thread:
//   view.calibration  reliability diagram (ProbabilityCurves::calibration, as
//                     scikit-learn's calibration_curve); params bins, strategy
//                     (uniform / quantile)
//   view.lift         cumulative gains or lift curve; param curve (gains / lift)
// One curve per assessed class: a binary classifier's second class, else every class
// one-vs-rest. Result ProbabilityCurvesData.
class ProbabilityCurvesNode {
public:
    static NodeType calibrationType();
    static NodeType liftType();
};

} // namespace sextant::engine
