#pragma once

#include "ml/FitContext.h"

#include <QString>
#include <optional>

namespace sextant::engine {

// Published by a learner node after every epoch / iteration (NodeContext::publish), for
// the training monitor's live curves; Cross-Validation publishes one per finished fold
// (unit "fold"), Tune one when it ends (unit "trial"). `elapsedSeconds` counts from the
// start of the fit.
//
// The last update of a run has `end` set: why the run ended, with `report` the last
// step's figures (report.epoch = the steps done).
struct TrainingUpdate {
    QString modelName;
    EpochReport report;
    double elapsedSeconds = 0;
    std::optional<FitEnd> end;

    // "early stopping after epoch 37", "converged (tolerance reached) after iteration 12",
    // "Stop pressed after fold 3 of 10", "all 200 epochs", in the user's language (context
    // "TrainingUpdate"; the units "epoch", "iteration", "tree", "fold", "trial", "merge",
    // "step" in "TrainingUnit").
    static QString describe(FitEnd end, int steps, int totalSteps, const std::string &unit);
    QString describe() const
    {
        return end ? describe(*end, report.epoch, report.totalEpochs, report.unit) : QString();
    }
};

} // namespace sextant::engine
