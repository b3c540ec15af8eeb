#pragma once

#include "ml/DecisionTreeBuilder.h"
#include "ml/DecisionTreeModel.h"

#include <vector>

namespace sextant::engine {

// Minimal cost-complexity pruning (Breiman et al., CART, ch. 3), defined exactly as
// scikit-learn's sklearn/tree/_tree.pyx (_cost_complexity_prune) defines it, so that the
// same grown tree gives the same pruning path and the same pruned tree for the same alpha.
//
// For node t with weight w_t (the sum of its rows' weights; the root's is W):
//   R(t)   = impurity(t) * w_t / W                 (impurity in scikit-learn's units:
//            Gini 1 - sum p_k^2, entropy in bits, squared error = variance)
//   R(T_t) = sum of R over the leaves of the branch T_t below t
//   alpha_eff(t) = (R(t) - R(T_t)) / (|leaves(T_t)| - 1)
// The weakest link is the internal node with the smallest alpha_eff (the first in the
// tree's pre-order, left child first, on exact ties: scikit-learn's node numbering); it is
// collapsed into a leaf, and this repeats until the root is a leaf. Pruning with ccp_alpha
// applies the steps up to (not including) the first one whose alpha_eff > ccp_alpha.

// w_t and impurity(t) of every node of `tree`, read from the builder that grew it (right
// after build(), before the builder grows another tree).
struct TreeNodeImpurities {
    std::vector<double> weight;
    std::vector<double> impurity;
};
TreeNodeImpurities nodeImpurities(
    const DecisionTreeBuilder &builder, const DecisionTreeModel &tree);

// The pruning sequence of a tree. alphas[0] = 0 and impurities[0] = R(T) of the whole
// tree; step s >= 1 collapses node prunedNode[s] (an index into the grown tree) at
// effective alpha alphas[s], after which the leaves' total is impurities[s]. The last step
// leaves the root alone. alphas and impurities are scikit-learn's cost_complexity_pruning_path.
struct CostComplexityPath {
    std::vector<double> alphas;
    std::vector<double> impurities;
    std::vector<int> prunedNode; // prunedNode[0] = -1
    // The number of steps pruning with `ccpAlpha` applies (0: the tree stays whole).
    int stepsFor(double ccpAlpha) const;
};
CostComplexityPath costComplexityPath(
    const DecisionTreeModel &tree, const TreeNodeImpurities &impurities);

// The tree after the first `steps` steps of `path` (the nodes kept in their order, so
// children still follow their parents; collapsed nodes keep their values as leaf values).
DecisionTreeModel prunedTree(
    const DecisionTreeModel &tree, const CostComplexityPath &path, int steps);

} // namespace sextant::engine
