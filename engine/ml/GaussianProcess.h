#pragma once

#include <Eigen/Core>
#include <vector>

namespace sextant::engine {

// Gaussian-process regression with a Matérn 5/2 kernel with one length scale per input
// (automatic relevance determination), for the surrogate of Bayesian optimisation.
//
// Data layout: X is n x d, rows are observations, inputs scaled to about [0, 1]; y has n
// values. fit() standardises y (mean 0, standard deviation 1) and picks the hyperparameters
// (length scales, signal variance, noise variance) maximising the log marginal likelihood
// by a deterministic coordinate search over log-spaced values: length scales 0.02..5,
// signal variance 0.05..20, noise variance 1e-6..0.5 (three sweeps, each parameter set to
// its best value with the others fixed). Predictions are in the units of y.
//
//   k(a, b) = s2 (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r),  r^2 = sum_j ((a_j - b_j) / l_j)^2
class GaussianProcess {
public:
    struct Hyperparameters {
        std::vector<double> lengthScales;
        double signalVariance = 1;
        double noiseVariance = 1e-4;
    };

    // Fits with hyperparameters chosen by marginal likelihood. Needs n >= 1.
    void fit(const Eigen::MatrixXd &X, const Eigen::VectorXd &y);
    // Fits with the given hyperparameters (y still standardised).
    void fit(const Eigen::MatrixXd &X, const Eigen::VectorXd &y, const Hyperparameters &h);

    // Posterior mean and standard deviation (of the latent function, noise excluded) at
    // the rows of Xs.
    void predict(const Eigen::MatrixXd &Xs, Eigen::VectorXd &mean, Eigen::VectorXd &sd) const;

    const Hyperparameters &hyperparameters() const { return m_h; }
    // Log marginal likelihood of the standardised y under the current hyperparameters.
    double logMarginalLikelihood() const { return m_logLikelihood; }

    static double kernel(const double *a, const double *b, const Hyperparameters &h, int d);

private:
    // Cholesky factor, alpha and log likelihood for hyperparameters h; false if not
    // positive definite.
    bool factor(const Hyperparameters &h);

    Eigen::MatrixXd m_X;
    Eigen::VectorXd m_y; // standardised
    double m_yMean = 0;
    double m_yScale = 1;
    Hyperparameters m_h;
    Eigen::MatrixXd m_L;
    Eigen::VectorXd m_alpha;
    double m_logLikelihood = 0;
};

} // namespace sextant::engine
