#include "io/EstimatorFactory.h"

#include "nodes/LearnerRegistry.h"

namespace sextant::engine {

std::unique_ptr<Estimator> createEstimator(const std::string &kind)
{
    const Learner *learner = LearnerRegistry::byKind(kind);
    return learner ? learner->createForRestoreOf(kind) : nullptr;
}

std::vector<std::string> estimatorKinds()
{
    std::vector<std::string> kinds;
    for (const Learner &l : LearnerRegistry::all())
        kinds.push_back(l.kind);
    return kinds;
}

} // namespace sextant::engine
