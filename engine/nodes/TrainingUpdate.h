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
    // A unit of progress as people read it ("epoch", "Baum", "折"), singular or plural.
    static QString unitName(const std::string &unit, bool plural = false);
    // The names a run goes by in the monitor, in the user's language: the learner's node
    // name ("Neuronales Netz (MLP)"), "Cross-Validation: <learner>", "Tune: <learner>".
    // `learnerDisplayName` is the registry's English name (the model file keeps that one).
    static QString learnerName(const QString &learnerDisplayName);
    static QString crossValidationName(const QString &learnerDisplayName);
    static QString tuneName(const QString &learnerDisplayName);
    QString describe() const
    {
        return end ? describe(*end, report.epoch, report.totalEpochs, report.unit) : QString();
    }
};

} // namespace sextant::engine
