#include "ml/Estimator.h"

namespace sextant::engine {

void Estimator::checkPredictable(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!isFitted())
        throw FitError(kind() + ": the model is not fitted");
    if (X.cols() != featureCount())
        throw FitError(kind() + ": the model was fitted on " + std::to_string(featureCount())
            + " features, the data has " + std::to_string(X.cols()));
}

Eigen::VectorXd Estimator::predict(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    return predictFitted(X);
}

Eigen::MatrixXd Estimator::predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!hasProbabilities())
        throw FitError(kind() + " does not predict class probabilities");
    checkPredictable(X);
    return probabilitiesFitted(X);
}

Eigen::MatrixXd Estimator::probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &) const
{
    throw FitError(kind() + " does not predict class probabilities");
}

} // namespace sextant::engine
