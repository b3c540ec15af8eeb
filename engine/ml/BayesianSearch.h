#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <random>
#include <unordered_set>
#include <vector>

namespace sextant::engine {

// Bayesian optimisation over a finite grid of parameter combinations: a Gaussian-process
// surrogate (ml/GaussianProcess, Matérn 5/2) of the score, and expected improvement to
// choose the next combination. It maximises; pass minus a loss.
//
// The grid: axis a has levels 0..size-1; combination c is numbered with axis 0 varying
// fastest (level of axis a = (c / prod of earlier sizes) % size), as Tune numbers them.
// A numeric axis places its levels at `positions` (scaled to [0, 1]: see scaledPositions,
// logarithmic when the values span two decades or more); a categorical axis (no positions)
// becomes one 0/1 input per level.
//
// The first `initialPoints` proposals are distinct combinations drawn at random (seeded);
// then each proposal is the untried combination with the largest expected improvement
// (xi = 0.01 in standardised units) over the best score seen, ties to the lowest
// combination number. Grids of up to 20,000 combinations are scored whole; larger ones on
// 4,000 combinations drawn at random plus every neighbour (one level up or down on one axis)
// of the best five seen. The surrogate is fitted on at most 200 observations (the best 200).
// A failed trial (NaN score) counts as the worst score seen. Deterministic for a seed.
class BayesianSearch {
public:
    struct Axis {
        int size = 0;
        std::vector<double> positions; // numeric: one per level, in [0, 1]; empty: categorical
    };
    struct Options {
        std::uint64_t seed = 0;
        int initialPoints = 0; // 0: max(3, number of axes + 1)
    };

    BayesianSearch(std::vector<Axis> axes, Options options);

    double combinationCount() const { return m_combinations; }
    // The next combination to try, or -1 when every combination has been tried.
    std::int64_t next();
    // The score of a combination returned by next().
    void observe(std::int64_t combination, double score);

    // Positions in [0, 1] for numeric values (in any order): linear in the value, or in its
    // logarithm when all are positive and max / min >= 100. A single value gives 0.5.
    static std::vector<double> scaledPositions(const std::vector<double> &values);

private:
    Eigen::VectorXd encode(std::int64_t combination) const;
    bool tried(std::int64_t combination) const;
    std::int64_t randomUntried();

    std::vector<Axis> m_axes;
    Options m_options;
    int m_inputs = 0;
    double m_combinations = 1;
    std::mt19937_64 m_rng;
    std::vector<std::int64_t> m_proposed; // in order
    std::unordered_set<std::int64_t> m_tried; // the same, for lookups
    std::vector<std::int64_t> m_observed;
    std::vector<double> m_scores;
};

} // namespace sextant::engine
