#pragma once

#include "nodes/Learner.h"

#include <QString>
#include <string>
#include <vector>

namespace sextant::engine {

// Every model family, one registration each (see Learner). Built once on first use and
// never changed, so the references handed out stay valid; thread-safe to read.
//
// To add a family: an Estimator in engine/ml with `static constexpr const char kKind[]`,
// and one `add(...)` block in LearnerRegistry.cpp giving its display name, parameters
// (with help) and factory. The node type, the model-file reader, cross-validation and
// tuning find it here.
class LearnerRegistry {
public:
    // In palette order.
    static const std::vector<Learner> &all();
    // By Estimator::kind() / model-file kind; nullptr when unknown.
    static const Learner *byKind(const std::string &kind);
    // By node id, current ("model.gaussian_naive_bayes") or former ("model.naive_bayes");
    // nullptr when unknown.
    static const Learner *byNodeId(const QString &id);
    // The family of a fitted or unfitted estimator; nullptr for estimators no node makes.
    static const Learner *of(const Estimator &estimator);
    // The node id of that family (written as the learner "type" in model files); empty for
    // estimators no node makes.
    static QString nodeIdOf(const Estimator &estimator);
};

} // namespace sextant::engine
