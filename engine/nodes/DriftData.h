#pragma once

#include "data/Dataset.h"
#include "ml/DriftReport.h"

#include <QString>
#include <QStringList>
#include <atomic>

namespace sextant::engine {

class TrainedModel;

// The result of the Drift node and the Drift view: a batch of rows compared with the
// training distribution a model keeps (DriftReport), and which model that was.
struct DriftData {
    QString model; // the model's display name
    std::int64_t batchRows = 0;
    DriftReport report;

    // Compares the raw table `raw` with `model`'s training distribution as `sextant
    // monitor` does: the model's preprocessing first (when the table does not go through
    // it, its raw columns, with a warning), the predictions against the training target
    // (when the table does not fit the model, none, with a warning). Throws FitError when
    // the model keeps no training distribution.
    static DriftData of(const TrainedModel &model, const Dataset &raw, QStringList *warnings,
        const std::atomic<bool> *cancel = nullptr);

    // One row per feature, then one for the predictions when they were compared:
    //   feature, type ("numeric", "categorical" or "prediction"), rows, present,
    //   missing_rate_training, missing_rate, psi, statistic (KS for a numeric column,
    //   chi-square for a categorical one), statistic_name ("ks" / "chi2"), p_value,
    //   unseen_rows, verdict ("stable", "warning", "drift"), drifted (1 when the verdict is
    //   drift, else 0), reasons ("; "-joined).
    Dataset toTable() const;
    // Entries in table order (features, then the predictions).
    std::vector<const DriftReport::Entry *> entries() const;
};

} // namespace sextant::engine
