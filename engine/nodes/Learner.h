#pragma once

#include "graph/ParameterSpec.h"
#include "ml/Estimator.h"
#include "ml/ModelState.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sextant::engine {

// One model family, registered once in LearnerRegistry: everything the learner node, the
// property panel, `--set`, model files, cross-validation and tuning need to know about it.
// Adding a family is one registration (LearnerRegistry.cpp); nothing else lists learners.
struct Learner {
    // The one id of the family: Estimator::kind() of what `create` builds (the estimator
    // class's kKind), the estimator step's "kind" in .sxmodel files, and the tail of the
    // node id (nodeId()). Stable: it is written in files.
    std::string kind;
    QString displayName; // "Logistic Regression"
    QString description;
    EstimatorTask task = EstimatorTask::Classification;
    // When true the node has a "task" parameter (classification / regression) and
    // `create` reads it; `task` is its default.
    bool taskChoice = false;
    // The family's own parameters, each with its help text (the node adds "target",
    // "task" and "export_onnx").
    QList<ParameterSpec> parameters;
    // The family's estimator gives its own feature importances
    // (Estimator::featureImportances): the node has a second output, "importances", a
    // table of them (nodes/ImportanceView.h).
    bool featureImportances = false;
    // The family compares distances, margins or gradients, so its node's default
    // preparation ("prepare" = auto, DefaultPreparation) standardizes numeric features.
    bool scaleByDefault = false;
    // Node ids this family had before the node id was derived from `kind`; workflows and
    // model files that use them still resolve to this family.
    QStringList formerNodeIds;
    // Estimator kinds this family's models were once written with, each with the
    // estimator that reads that state, so older model files keep loading.
    struct FormerKind {
        std::string kind;
        std::function<std::unique_ptr<Estimator>()> createForRestore;
    };
    std::vector<FormerKind> formerKinds;

    // Factory: the unfitted estimator for complete, validated parameter values. May throw
    // NodeError or FitError for inconsistent combinations.
    std::function<std::unique_ptr<Estimator>(const QVariantMap &parameters)> create;
    // State loader: an unfitted estimator with default options, for restore() (which also
    // restores the options and the task), as a model file is read.
    std::function<std::unique_ptr<Estimator>()> createForRestore;

    // "cluster.<kind>" for clustering families, "model.<kind>" otherwise.
    QString nodeId() const;
    // A clustering family (its node also outputs the table with a "cluster" column).
    bool clustering() const { return task == EstimatorTask::Clustering && !taskChoice; }
    // The unfitted estimator that restores a state of `kind` (this family's own kind or a
    // former one); null for another kind.
    std::unique_ptr<Estimator> createForRestoreOf(const std::string &kind) const;
    // createForRestoreOf(state.kind) + restore(state). Throws ModelStateError.
    std::unique_ptr<Estimator> load(const ModelState &state) const;
};

} // namespace sextant::engine
