#pragma once

#include <Eigen/Core>

namespace sextant::engine {

// From n x K joint log-likelihoods (log P(c) + log P(x | c), as naive Bayes computes them):
// the class probabilities (each row normalised by its log-sum-exp) and the likeliest class
// per row (the first on ties), as class indices stored as doubles.
Eigen::MatrixXd probabilitiesFromJointLogLikelihood(Eigen::MatrixXd jll);
Eigen::VectorXd classesFromJointLogLikelihood(const Eigen::MatrixXd &jll);

} // namespace sextant::engine
