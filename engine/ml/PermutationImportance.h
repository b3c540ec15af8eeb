#pragma once

#include "data/Dataset.h"
#include "ml/TrainedModel.h"

#include <Eigen/Core>
#include <QStringList>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sextant::engine {

struct PermutationImportanceOptions {
    int repeats = 5; // permutations per column, >= 1
    std::uint64_t seed = 0;
};

// Permutation importance (Breiman 2001; scikit-learn's
// sklearn.inspection.permutation_importance) of a trained model on a held-out table.
//
// Definition: the score s of the model on `data` (accuracy for classification, R^2 for
// regression, over the rows whose target is known) is the baseline. For every feature
// column j of `data` (role Feature, not the target; in table order) and repeat r, the
// column's cells are permuted by permutationFor(seed, j, r, rows) (every other column
// untouched, the whole pipeline — preprocessing included — applied as for prediction) and
// the model scored again: drops(j, r) = s - s_{j,r}. mean and std are the mean and the
// population standard deviation (numpy's std, as scikit-learn reports) of row j.
struct PermutationImportanceResult {
    QStringList features; // the permuted columns, in table order
    std::string scoring; // "accuracy" or "r2"
    double baseline = 0;
    Eigen::MatrixXd drops; // features x repeats
    Eigen::VectorXd mean, std; // per feature
};

// The permutation of `rows` rows used for column j and repeat r: a Fisher-Yates shuffle of
// 0..rows-1 (for i = rows-1 down to 1, swap i with uniformIndex(state, i + 1)) from a
// SplitMix64 state seeded by memberSeed(seed, j * 65536 + r) (DecisionTreeBuilder.h), so
// every (column, repeat) has its own reproducible permutation.
std::vector<std::int64_t> permutationFor(
    std::uint64_t seed, int column, int repeat, std::int64_t rows);

// `data` with the cells of column `column` reordered: row i gets the cell of row
// permutation[i] (missing cells move with their rows); name, type, role and categories
// kept.
Dataset permuteColumn(
    const Dataset &data, int column, const std::vector<std::int64_t> &permutation);

// Accuracy or R^2 of predictions with known truth (rows with NaN truth left out). Throws
// FitError when no row has a target value (or R^2 is undefined: constant target).
double predictionScore(const Prediction &p);

// Throws FitError (clustering model, no target values in `data`, no feature column,
// repeats < 1). `progress`, when set, gets the share done after every permutation.
// Returns an empty result (no features) when `cancel` was set.
PermutationImportanceResult permutationImportance(const TrainedModel &model, const Dataset &data,
    const PermutationImportanceOptions &options, const std::atomic<bool> *cancel = nullptr,
    const std::function<void(double)> &progress = {});

} // namespace sextant::engine
