#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "eval.cross_validation": k-fold cross-validation of the pipeline a model stands for
// (its preprocessing refitted per fold, then a fresh estimator with the same parameters).
//   inputs  model (Model), data (Table: the rows to cross-validate on)
//   params  folds (2..50), stratified, seed
//   outputs metrics (Metrics: one row per fold, mean, std), predictions (Predictions:
//           out-of-fold)
// Stop (Executor::stopTraining) starts no more folds and abandons the folds still
// training at their next epoch: the outputs are those of the finished folds, marked
// partial ("partial: 3 of 10 folds, Stop pressed"). Each finished fold is published as a
// TrainingUpdate (unit "fold").
class CrossValidationNode {
public:
    static QString typeId() { return QStringLiteral("eval.cross_validation"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
