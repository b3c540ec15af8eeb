#include "ml/JointLikelihood.h"

#include <cmath>

namespace sextant::engine {

Eigen::MatrixXd probabilitiesFromJointLogLikelihood(Eigen::MatrixXd P)
{
    for (Eigen::Index i = 0; i < P.rows(); ++i) {
        const double mx = P.row(i).maxCoeff();
        const double lse = mx + std::log((P.row(i).array() - mx).exp().sum());
        P.row(i) = (P.row(i).array() - lse).exp();
    }
    return P;
}

Eigen::VectorXd classesFromJointLogLikelihood(const Eigen::MatrixXd &jll)
{
    Eigen::VectorXd out(jll.rows());
    for (Eigen::Index i = 0; i < jll.rows(); ++i) {
        Eigen::Index arg = 0;
        jll.row(i).maxCoeff(&arg);
        out(i) = static_cast<double>(arg);
    }
    return out;
}

} // namespace sextant::engine
