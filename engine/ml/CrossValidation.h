#pragma once

#include "ml/FitContext.h" // FitError

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// One split of the rows 0..n-1: row indices to fit on and to evaluate on, both ascending.
struct DataSplit {
    std::vector<Eigen::Index> train;
    std::vector<Eigen::Index> test;
};

// Fold assignment. The cross-validation that fits and scores on these folds is
// Evaluation::crossValidate (engine/nodes), the one the nodes and the benchmark run.
//
// Data layout: X is n x d (rows are samples), y has n entries (class codes 0..K-1 as
// doubles for classification). Shuffling uses std::mt19937_64 seeded with `seed`, so the
// same seed gives the same folds on every platform, but not the same folds as
// scikit-learn's numpy stream; without shuffling the folds equal scikit-learn's KFold /
// StratifiedKFold exactly.
class CrossValidation {
public:
    // sklearn KFold: k consecutive folds (after an optional shuffle), the first n % k
    // folds one row larger. Throws FitError unless 2 <= k <= n.
    static std::vector<DataSplit> kFold(
        Eigen::Index n, int k, bool shuffle = false, std::uint64_t seed = 0);
    // sklearn StratifiedKFold (1.2 algorithm): the rows sorted by class are dealt to the
    // folds in turn, so each class is spread over the folds within one row; classes are
    // encoded in order of first appearance like sklearn. With `shuffle`, each class's fold
    // sequence is shuffled. Throws FitError unless 2 <= k <= the size of the largest
    // class and labels are class codes.
    static std::vector<DataSplit> stratifiedKFold(const Eigen::Ref<const Eigen::VectorXd> &labels,
        int k, bool shuffle = false, std::uint64_t seed = 0);
    // A random split with ceil(testRatio * n) test rows (sklearn's rounding).
    static DataSplit trainTestSplit(Eigen::Index n, double testRatio, std::uint64_t seed = 0);
    // Stratified: the same total, each class's test count its share of it rounded by
    // largest remainder (ties to the lower class code), rows chosen at random per class.
    static DataSplit trainTestSplit(const Eigen::Ref<const Eigen::VectorXd> &labels,
        double testRatio, bool stratified, std::uint64_t seed = 0);
};

} // namespace sextant::engine
