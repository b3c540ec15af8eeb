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
