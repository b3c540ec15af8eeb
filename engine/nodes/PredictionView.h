#pragma once

#include "ml/TrainedModel.h"

namespace sextant::engine {

// The result of an evaluation view sink: which plot to draw of which predictions.
struct PredictionView
{
    enum class Kind { Roc, PrecisionRecall, Confusion, Residuals };
    Kind kind = Kind::Roc;
    Prediction prediction;
};

} // namespace sextant::engine

#include "ml/CurveMetrics.h"

#include <vector>

namespace sextant::engine {

// The curves and counts behind the evaluation views, from a classifier's predictions
// (rows without a known true class are left out).
class PredictionCurves
{
public:
    static std::vector<RocCurve> roc(const Prediction &p);
    static std::vector<PrecisionRecallCurve> precisionRecall(const Prediction &p);
    static ConfusionMatrix confusion(const Prediction &p);
    // Regression: predicted and actual values of the rows with a known target.
    static void residuals(const Prediction &p, std::vector<double> *predicted,
                          std::vector<double> *actual);
};

} // namespace sextant::engine
