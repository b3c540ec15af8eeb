#pragma once

#include "data/Dataset.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The first two principal components of a dataset's numeric feature columns, for the
// overview scatter. Rows with a missing cell in any of those columns are left out;
// `rowIds[i]` is the dataset row of point i. Features are standardised (PCA on the
// correlation matrix), so columns in different units weigh alike.
struct PcaProjection {
    std::vector<double> pc1, pc2;
    std::vector<std::int64_t> rowIds;
    double ratio1 = 0, ratio2 = 0; // explained variance ratios
    QList<int> columns; // the dataset columns used
    QString error; // why there is no projection (too few columns/rows)

    bool ok() const { return error.isEmpty() && !pc1.empty(); }
    static PcaProjection compute(const Dataset &dataset, const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
