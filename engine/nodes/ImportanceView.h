#pragma once

#include "data/Dataset.h"
#include "ml/PermutationImportance.h"
#include "ml/TrainedModel.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// Feature importances as tables and as the result of the Importance view.
//
// Importance tables (a learner's "importances" output, the Permutation Importance node's
// output), one row per feature, largest first:
//   feature            categorical, the feature's name ("petal_length", "colour=red")
//   importance | coefficient | coefficient (<class>)...   the learner's own measure, or
//   importance_mean, importance_std, repeat 1..n          permutation importance
// The table's name() says what the numbers are.

// The learner's own importances (Estimator::featureImportances) of a trained model, named
// by its matrix columns (FeatureEncoder::outputNames) and, for per-class coefficients, by
// class. Sorted by the largest absolute value first. Throws NodeError when the model's
// family has none (or the model file predates them).
Dataset featureImportanceTable(const TrainedModel &model);

// A permutation importance result as a table (sorted by mean drop, largest first).
Dataset permutationImportanceTable(const PermutationImportanceResult &result, const QString &model);

// What the Importance view draws: one bar per feature (largest first), with the spread
// (standard deviation) as an error bar and the single repeats as dots when known.
struct ImportanceData {
    QString title; // the table's name
    QString measure; // the value axis ("importance_mean", "importance", "coefficient")
    QStringList features;
    std::vector<double> values;
    std::vector<double> spread; // empty, or one per feature
    std::vector<std::vector<double>> repeats; // empty, or one list per feature
    Dataset table; // the importance table it was read from (`sextant run` writes it as CSV)

    // Reads an importance table (see above); throws NodeError naming what is missing.
    static ImportanceData fromTable(const Dataset &table);
};

} // namespace sextant::engine
