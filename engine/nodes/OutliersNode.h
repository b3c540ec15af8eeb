#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.outliers": finds unusual rows by isolation forest, local outlier factor or robust
// covariance (minimum covariance determinant) and flags or removes them.
//   input   data (Table)
//   params  method (isolation_forest / local_outlier_factor / robust_covariance), action
//           (flag: add the columns below; remove: drop the outliers), contamination (the
//           share of rows called outliers), columns (empty: every feature column),
//           standardize, neighbors (LOF), trees (isolation forest), seed
//   output  data (Table): flag adds `outlier` (categorical no/yes) and `outlier_score`
//           (higher = more unusual: the isolation forest's anomaly score, the local
//           outlier factor, or the squared robust Mahalanobis distance), both with role
//           Ignore so no model trains on them; existing columns of those names are replaced.
// Categorical columns are one-hot encoded (0/1 per category) for isolation forest and LOF;
// robust covariance refuses them (a covariance of 0/1 indicators is singular). Rows with a
// missing cell in a used column are not scored: their outlier cell is missing, they are
// kept by remove, and a warning says how many.
class OutliersNode {
public:
    static QString typeId() { return QStringLiteral("data.outliers"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
