#include "ml/Estimator.h"

namespace sextant::engine {

Eigen::MatrixXd Estimator::predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &) const
{
    throw FitError(kind() + " does not predict class probabilities");
}

} // namespace sextant::engine
