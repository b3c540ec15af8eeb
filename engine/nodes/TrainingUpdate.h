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
    // "Stop pressed after fold 3 of 10", "finished all 200 epochs".
    static QString describe(FitEnd end, int steps, int totalSteps, const std::string &unit)
    {
        const QString u = QString::fromStdString(unit.empty() ? std::string("epoch") : unit);
        const QString of = totalSteps > 0 ? QStringLiteral(" of %1").arg(totalSteps) : QString();
        switch (end) {
        case FitEnd::Completed:
            if (u == QStringLiteral("iteration"))
                return QStringLiteral("reached the iteration limit (%1)").arg(steps);
            return steps == 1 ? QStringLiteral("finished after 1 %1").arg(u)
                              : QStringLiteral("finished all %1 %2s").arg(steps).arg(u);
        case FitEnd::Converged:
            return QStringLiteral("converged (tolerance reached) after %1 %2").arg(u).arg(steps);
        case FitEnd::EarlyStopping:
            return QStringLiteral("early stopping after %1 %2 (no improvement on the "
                                  "validation rows)")
                .arg(u)
                .arg(steps);
        case FitEnd::Stopped:
            return QStringLiteral("Stop pressed after %1 %2%3").arg(u).arg(steps).arg(of);
        case FitEnd::Cancelled:
            return QStringLiteral("cancelled after %1 %2%3").arg(u).arg(steps).arg(of);
        }
        return {};
    }
    QString describe() const
    {
        return end ? describe(*end, report.epoch, report.totalEpochs, report.unit) : QString();
    }
};

} // namespace sextant::engine
