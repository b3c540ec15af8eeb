#pragma once

#include "ml/DecisionTreeBuilder.h"
#include "ml/DecisionTreeModel.h"
#include "ml/DecisionTreePruning.h"
#include "ml/ModelState.h"

#include <Eigen/Core>
#include <string>

namespace sextant::engine::treeimportance {

// Impurity-based feature importances of the tree learners, as scikit-learn defines
// feature_importances_ (sklearn/tree/_tree.pyx, compute_feature_importances): every split
// node t of feature j adds w_t i_t - w_l i_l - w_r i_r (node weight times impurity, less
// its children's) to j, and the result is divided by its sum (all zeros when the tree is
// a single leaf). Impurities and weights are those of nodeImpurities (Gini, entropy in
// bits, variance).

// Adds the unnormalised decreases of the splits of `kept` to out (d entries). `kept` is
// `grown` or a pruning of it (prunedTree keeps the grown tree's nodes in order, so the
// two are walked together from the root); `impurities` are the grown tree's.
void addImpurityDecrease(const DecisionTreeModel &kept, const DecisionTreeModel &grown,
    const TreeNodeImpurities &impurities, Eigen::VectorXd &out);

// Gradient trees (boosting): every split adds its loss reduction
//     (G_l^2 / (H_l + l2) + G_r^2 / (H_r + l2) - G^2 / (H + l2)) / 2
// with G, H the node's gradient and hessian sums, read from the builder right after it
// grew `tree` (a split's reduction is never below 0).
void addGainDecrease(
    const DecisionTreeBuilder &builder, const DecisionTreeModel &tree, Eigen::VectorXd &out);

// Divides by the sum (leaves an all-zero vector as it is).
void normalize(Eigen::VectorXd &v);

// The state field "feature_importances" (d entries, finite); absent in files
// written before it existed: read returns an empty vector.
void write(ModelState &state, const Eigen::VectorXd &importances);
Eigen::VectorXd read(const ModelState &state, int featureCount, const std::string &who);

} // namespace sextant::engine::treeimportance
