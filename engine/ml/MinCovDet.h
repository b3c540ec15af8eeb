#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Minimum covariance determinant: a robust location and covariance found by FastMCD
// (Rousseeuw & Van Driessen 1999), the steps of scikit-learn's MinCovDet, and the squared
// Mahalanobis distances that its EllipticEnvelope scores rows by.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite, n > d.
// The support is h = ceil((n + d + 1) / 2) rows (or supportFraction * n). With d = 1 the
// exact shortest-half estimate; otherwise 30 random h-subsets each refined by two C-steps
// (covariance of the h rows closest in Mahalanobis distance), the 10 with the lowest
// determinant refined to convergence, the lowest kept (the raw estimate). scikit-learn
// draws its starts on subsets of ~300 rows when n > 500; here they are drawn on all rows.
// Then, as scikit-learn does, the raw covariance is scaled to consistency at the normal
// (median distance / chi2_d median) and the estimate reweighted: mean and covariance of
// the rows whose distance is below the chi2_d 97.5% quantile. Covariances are maximum-
// likelihood (divided by the number of rows). Precision: the pseudo-inverse.
struct MinCovDetOptions {
    double supportFraction = 0; // 0: (n + d + 1) / 2 rows; else in (0, 1]
    std::uint64_t seed = 0;
    const std::atomic<bool> *cancel = nullptr; // polled once per start
};

struct MinCovDetResult {
    Eigen::VectorXd rawLocation;
    Eigen::MatrixXd rawCovariance;
    Eigen::VectorXd location; // reweighted
    Eigen::MatrixXd covariance; // reweighted
    std::vector<char> support; // rows used for the reweighted estimate
    Eigen::VectorXd distances; // squared Mahalanobis distance of every row to the final estimate
    bool cancelled = false;
};

class MinCovDet {
public:
    static MinCovDetResult fit(
        const Eigen::Ref<const Eigen::MatrixXd> &X, const MinCovDetOptions &options);
    // Squared Mahalanobis distances of the rows of X under (location, covariance).
    static Eigen::VectorXd mahalanobis(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::VectorXd &location, const Eigen::MatrixXd &covariance);
    // x with P(chi2_df >= x) = q, 0 < q < 1.
    static double chiSquareIsf(double q, int df);
};

} // namespace sextant::engine
