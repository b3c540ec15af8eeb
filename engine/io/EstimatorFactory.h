#pragma once

#include "ml/Estimator.h"

#include <memory>
#include <string>
#include <vector>

namespace sextant::engine {

// An unfitted estimator with default options for a kind() string, to restore a model
// from a file: createEstimator(state.kind)->restore(state) (restore() also restores the
// options and the task). Unknown kind: nullptr.
// Kinds: "linear_regression", "logistic_regression", "gaussian_naive_bayes", "knn", "svm",
// "decision_tree", "random_forest", "gradient_boosting", "mlp", "kmeans", "dbscan",
// "gaussian_mixture", "agglomerative".
std::unique_ptr<Estimator> createEstimator(const std::string &kind);

// Every kind createEstimator knows, in the order above.
std::vector<std::string> estimatorKinds();

} // namespace sextant::engine
