#pragma once

#include "ml/FitContext.h"

#include <QString>

namespace sextant::engine {

// Published by a learner node after every epoch / iteration (NodeContext::publish), for
// the training monitor's live curves. `elapsedSeconds` counts from the start of the fit.
struct TrainingUpdate {
    QString modelName;
    EpochReport report;
    double elapsedSeconds = 0;
};

} // namespace sextant::engine
