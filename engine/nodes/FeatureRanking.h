#pragma once

#include "nodes/MetricsTable.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// Scores of features against a class, one row per feature and one column per method
// (FeatureScores), with the method the features are ranked by. The result of the Rank
// Features node and of the Feature Ranking view.
struct FeatureRanking {
    QString target;
    QStringList methods; // score ids ("info_gain", "anova_f", ...)
    QStringList features; // in the input table's order
    std::vector<double> scores; // features x methods, row-major; NaN: not applicable
    int sortBy = 0; // index into methods
    int topK = 0; // the features kept by the node (the first topK of order()); 0: none

    double score(int feature, int method) const
    {
        return scores[static_cast<std::size_t>(feature) * static_cast<std::size_t>(methods.size())
            + static_cast<std::size_t>(method)];
    }
    // Feature indices by decreasing score of `method` (NaN last, ties in input order).
    std::vector<int> order(int method) const;
    // One row per feature in order(sortBy), one column per method (the sort method first).
    MetricsTable toMetricsTable() const;
    // The inverse: rows are features, the first column the ranking score.
    static FeatureRanking fromMetricsTable(const MetricsTable &table);

    // What people read for a method id ("Information gain"...); the id itself when unknown.
    static QString methodLabel(const QString &id);
};

} // namespace sextant::engine
