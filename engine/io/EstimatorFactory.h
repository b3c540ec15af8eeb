#pragma once

#include "ml/Estimator.h"

#include <memory>
#include <string>
#include <vector>

namespace sextant::engine {

// An unfitted estimator with default options for a kind() string, to restore a model
// from a file: createEstimator(state.kind)->restore(state) (restore() also restores the
// options and the task). Unknown kind: nullptr. The kinds are those of the learner
// registrations (engine/nodes/LearnerRegistry), the one list of model families.
std::unique_ptr<Estimator> createEstimator(const std::string &kind);

// Every kind createEstimator knows, in the registry's order.
std::vector<std::string> estimatorKinds();

} // namespace sextant::engine
