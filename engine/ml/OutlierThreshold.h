#pragma once

#include <Eigen/Core>
#include <vector>

namespace sextant::engine {

// Turns outlier scores (higher = more unusual) into flags the way scikit-learn's detectors
// do with a contamination c: the offset is numpy's percentile (linear interpolation) of the
// negated scores at 100 c, and a row is an outlier when its negated score is below it.
class OutlierThreshold {
public:
    // numpy.percentile(values, q) with the default linear interpolation; q in [0, 100].
    static double percentile(std::vector<double> values, double q);
    static std::vector<char> flags(const Eigen::VectorXd &scores, double contamination);
};

} // namespace sextant::engine
