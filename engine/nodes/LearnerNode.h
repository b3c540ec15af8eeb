#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "ml/TrainedModel.h"
#include "nodes/Learner.h"

#include <QVariantMap>
#include <memory>

namespace sextant::engine {

// Learner nodes ("model.*", "cluster.*"), one per LearnerRegistry entry:
//   input   data (Table): the training table; features are its Feature columns
//   params  target (column; empty: the table's target column), then the family's own
//   output  model (Model): the fitted pipeline (the table's preprocessing + estimator)
//           clustering families also output data (Table) with a "cluster" column
// Every epoch is published as a TrainingUpdate (live curves) and drives the progress.
class LearnerNode {
public:
    // The node type of a registered family (the reference must outlive the type: the
    // registry's entries live for the whole run).
    static NodeType type(const Learner &learner);

    // The target column to use: the parameter, else the table's Target-role column.
    static QString targetFor(const Dataset &data, const QVariantMap &parameters);

    // Fits a learner on `data`, publishing epochs through ctx and, once training ended, a
    // TrainingUpdate saying why (FitEnd). Stop (ctx->stopTrainingRequested) ends an
    // iterative learner after its current epoch: the model trained so far is returned and
    // ctx marked partial. Null when cancelled.
    static std::shared_ptr<TrainedModel> fit(const Learner &learner, const QVariantMap &parameters,
        const Dataset &data, NodeContext *ctx, const FitContext &base);
};

} // namespace sextant::engine
