#pragma once

#include "ml/Estimator.h"
#include "ml/FitContext.h"

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

namespace sextant::engine {

// One split of the rows 0..n-1: row indices to fit on and to evaluate on, both ascending.
struct DataSplit {
    std::vector<Eigen::Index> train;
    std::vector<Eigen::Index> test;
};

// What crossValidate produced, fold by fold (in the order of the folds passed in).
struct CrossValidationResult {
    // One fitted estimator per fold (fitted on that fold's train rows). Empty when cancelled.
    std::vector<std::unique_ptr<Estimator>> models;
    // Out-of-fold predictions, n entries: row i holds the prediction of the model whose fold
    // has i among its test rows (the last such fold if several do); NaN for rows in no
    // test set.
    Eigen::VectorXd predictions;
    // n x classCount out-of-fold class probabilities, when the estimator provides them
    // (rows in no test set are NaN); empty otherwise.
    Eigen::MatrixXd probabilities;
    // Wall-clock seconds of each fold's fit (not deterministic, informative only).
    std::vector<double> fitSeconds;
    int classCount = 0; // classification: the K every fold was fitted with
    bool cancelled = false;
};

// Fold assignment and cross-validation.
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

    // Fits prototype.cloneUnfitted() on each fold's train rows and predicts its test rows.
    // Folds run in parallel (parallelChunks over the folds, context.threadCount() threads
    // shared between them); results are combined in fold order, so they do not depend on
    // the thread count. For classification, every fold is fitted with the same classCount
    // (context.classCount, or max(y) + 1). FitError from a fold propagates. Returns with
    // `cancelled` set (and no models) when context.cancel was raised.
    static CrossValidationResult crossValidate(const Estimator &prototype,
        const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const std::vector<DataSplit> &folds, const FitContext &context = {});
};

} // namespace sextant::engine
