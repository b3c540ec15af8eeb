#pragma once

#include "data/Dataset.h"
#include "graph/Result.h"
#include "ml/TrainedModel.h"

#include <QString>
#include <cstdint>

namespace sextant::cli {

// What `sextant predict` and `sextant serve` share: a saved model applied to a table of
// new rows, the columns found by name (TrainedModel::predict: a missing column, one of the
// other type, missing numeric cells are refused with a message naming the column; unseen
// categories encode as the fitted encoder decided), and the prediction columns it gives.
class BatchPredictor {
public:
    // The model's predictions for `raw`. A table that does not fit the model is a failure
    // with the engine's message (naming the column); running out of memory is one too
    // ("not enough memory to predict N rows with MODEL", `modelName` naming the model),
    // and sets *outOfMemory.
    static engine::Result<engine::Prediction> predict(const engine::TrainedModel &model,
        const engine::Dataset &raw, const QString &modelName, bool *outOfMemory = nullptr);

    // The columns Prediction::setTable appended after the input's `inputColumns` columns:
    // the predicted column ("<target> (predicted)", or "cluster"), then with `proba` one
    // "P(<class>)" column per class.
    static engine::Dataset predictionColumns(
        const engine::Prediction &prediction, int inputColumns, bool proba);

    // When predict() refused `raw`, the first row (0-based) that the model refuses on its
    // own, looked for among the first `maxRows` rows; -1 when no row is, or when no row
    // passes on its own either (the failure concerns the table as a whole, e.g. a missing
    // column).
    static std::int64_t firstRefusedRow(const engine::TrainedModel &model,
        const engine::Dataset &raw, std::int64_t maxRows = 10000);
};

} // namespace sextant::cli
