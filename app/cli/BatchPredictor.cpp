#include "cli/BatchPredictor.h"

#include "data/MemoryBudget.h"
#include "data/RowSelection.h"

#include <algorithm>
#include <exception>
#include <new>

namespace sextant::cli {

using namespace sextant::engine;

Result<Prediction> BatchPredictor::predict(
    const TrainedModel &model, const Dataset &raw, const QString &modelName, bool *outOfMemory)
{
    if (outOfMemory)
        *outOfMemory = false;
    try {
        return model.predict(raw);
    } catch (const std::bad_alloc &) {
        if (outOfMemory)
            *outOfMemory = true;
        return Result<Prediction>::failure(MemoryBudget::outOfMemory(
            QStringLiteral("predict %1 rows with %2").arg(raw.rowCount()).arg(modelName)));
    } catch (const std::exception &e) {
        return Result<Prediction>::failure(QString::fromUtf8(e.what()));
    }
}

Dataset BatchPredictor::predictionColumns(
    const Prediction &prediction, int inputColumns, bool proba)
{
    Dataset result;
    result.setName(QStringLiteral("predictions"));
    for (int c = inputColumns; c < prediction.table.columnCount(); ++c) {
        if (c > inputColumns && !proba)
            break;
        result.addColumn(prediction.table.column(c));
    }
    return result;
}

std::int64_t BatchPredictor::firstRefusedRow(
    const TrainedModel &model, const Dataset &raw, std::int64_t maxRows)
{
    const std::int64_t n = std::min(raw.rowCount(), maxRows);
    std::int64_t first = -1;
    bool anyAccepted = false;
    for (std::int64_t r = 0; r < n && !(first >= 0 && anyAccepted); ++r) {
        try {
            model.predict(selectRows(raw, { r }));
            anyAccepted = true;
        } catch (const std::bad_alloc &) {
            return -1;
        } catch (const std::exception &) {
            if (first < 0)
                first = r;
        }
    }
    // When no row passes on its own, the table as a whole is at fault (a missing column).
    return anyAccepted ? first : -1;
}

} // namespace sextant::cli
