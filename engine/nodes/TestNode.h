#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "eval.test": scores a trained model on held-out rows.
//   inputs  model (Model), data (Table with the target column)
//   outputs metrics (Metrics, one row), predictions (Predictions)
class TestNode {
public:
    static QString typeId() { return QStringLiteral("eval.test"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

// "eval.cross_validation": k-fold cross-validation of the pipeline a model stands for
// (its preprocessing refitted per fold, then a fresh estimator with the same parameters).
//   inputs  model (Model), data (Table: the rows to cross-validate on)
//   params  folds (2..50), stratified, seed
//   outputs metrics (Metrics: one row per fold, mean, std), predictions (Predictions:
//           out-of-fold)
class CrossValidationNode {
public:
    static QString typeId() { return QStringLiteral("eval.cross_validation"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

// "eval.compare": cross-validates up to four models on the same folds.
//   inputs  data (Table), model1..model4 (Model, optional)
//   params  folds, stratified, seed
//   output  metrics (Metrics: one row per model with the mean scores, plus
//           "<metric>_std" columns for the main metric)
class CompareNode {
public:
    static QString typeId() { return QStringLiteral("eval.compare"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
