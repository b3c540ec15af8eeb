#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "graph/ParameterSpec.h"
#include "ml/Estimator.h"
#include "ml/TrainedModel.h"

#include <QList>
#include <QVariantMap>
#include <functional>
#include <memory>

namespace sextant::engine {

// Describes one model family as a node: parameters (the schema the property panel and
// `--set` use) and how to build an unfitted estimator from their values.
struct LearnerSpec {
    QString id; // "model.logistic_regression"
    QString displayName; // "Logistic Regression"
    QString description;
    EstimatorTask task = EstimatorTask::Classification;
    // When true the node has a "task" parameter (classification / regression) and
    // `create` reads it.
    bool taskChoice = false;
    QList<ParameterSpec> parameters;
    // Builds the estimator from complete, validated parameter values. May throw
    // FitError for inconsistent combinations.
    std::function<std::unique_ptr<Estimator>(const QVariantMap &parameters)> create;
};

// Learner nodes ("model.*"):
//   input   data (Table): the training table; features are its Feature columns
//   params  target (column; empty: the table's target column), then the family's own
//   output  model (Model): the fitted pipeline (the table's preprocessing + estimator)
//           clustering families also output data (Table) with a "cluster" column
// Every epoch is published as a TrainingUpdate (live curves) and drives the progress.
class LearnerNode {
public:
    static NodeType type(const LearnerSpec &spec);

    // Every registered learner spec (filled by BuiltinNodes::registerAll), for
    // cross-validation and tuning, which fit fresh copies with other parameter values.
    static const LearnerSpec *find(const QString &id);
    static void remember(const LearnerSpec &spec);

    // The task a spec + parameters give.
    static EstimatorTask taskOf(const LearnerSpec &spec, const QVariantMap &parameters);
    // The target column to use: the parameter, else the table's Target-role column.
    static QString targetFor(const Dataset &data, const QVariantMap &parameters);

    // Fits a learner on `data`, publishing epochs through ctx. Null when cancelled.
    static std::shared_ptr<TrainedModel> fit(const LearnerSpec &spec, const QVariantMap &parameters,
        const Dataset &data, NodeContext *ctx, const FitContext &base);
};

} // namespace sextant::engine
