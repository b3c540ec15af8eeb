#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.rank_features" (Rank Features): scores every feature column against a
// categorical target (FeatureScores: information gain, gain ratio, Gini decrease, ANOVA
// F, chi-squared, mutual information, ReliefF) on the engine thread, and keeps the k
// best by the chosen score.
//   input   data (Table)
//   params  target (categorical; empty: the table's target), columns (empty: every
//           feature column), sort_by, k, bins (numeric features' equal-frequency bins for
//           the entropy scores), relieff_samples (0: no ReliefF), seed
//   outputs data (Table: the k best features and every column that is not a feature),
//           scores (Metrics: a MetricsTable, one row per feature, best first, the sort
//           score first, a "kept" note)
//   result  FeatureRanking (the studio's tab: bar chart and sortable table)
//
// "view.ranking" (Feature Ranking): a sink drawing the scores table as that bar chart
// (for `sextant run`: PNG/SVG, and the scores as JSON/CSV).
class FeatureRankingNode {
public:
    // ReliefF's neighbours are searched among at most this many rows (a seeded sample).
    static constexpr int kReliefRows = 20000;

    static QString typeId() { return QStringLiteral("data.rank_features"); }
    static NodeType type();
    static NodeType viewType();
    static void compute(NodeContext &ctx);
    // The method ids, in the order of the sort_by choices.
    static QStringList methods();
};

} // namespace sextant::engine
