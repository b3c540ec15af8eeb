#include "ml/DecisionTreePruning.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::engine {

TreeNodeImpurities nodeImpurities(const DecisionTreeBuilder &builder, const DecisionTreeModel &tree)
{
    const TreeGrowParams &p = builder.params();
    const int S = p.statDim;
    const int n = tree.nodeCount();
    TreeNodeImpurities out;
    out.weight.resize(static_cast<std::size_t>(n));
    out.impurity.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double *s = builder.nodeSums(i);
        double w = 0, imp = 0;
        if (p.criterion == SplitCriterion::SquaredError) {
            // scikit-learn's MSE.node_impurity: sum(w y^2) / w - (sum(w y) / w)^2.
            w = s[0];
            if (w > 0) {
                const double mean = s[1] / w;
                imp = s[2] / w - mean * mean;
            }
        } else {
            double sq = 0;
            for (int k = 0; k < S; ++k) {
                w += s[k];
                sq += s[k] * s[k];
            }
            if (w > 0) {
                if (p.criterion == SplitCriterion::Gini) {
                    imp = 1.0 - sq / (w * w);
                } else {
                    // Entropy (and the gain ratio's node impurity) in bits, as scikit-learn.
                    for (int k = 0; k < S; ++k)
                        if (s[k] > 0) {
                            const double q = s[k] / w;
                            imp -= q * (std::log(q) / std::log(2.0));
                        }
                }
            }
        }
        out.weight[static_cast<std::size_t>(i)] = w;
        out.impurity[static_cast<std::size_t>(i)] = imp;
    }
    return out;
}

int CostComplexityPath::stepsFor(double ccpAlpha) const
{
    int s = 0;
    while (s + 1 < static_cast<int>(alphas.size())
        && !(ccpAlpha < alphas[static_cast<std::size_t>(s + 1)]))
        ++s;
    return s;
}

CostComplexityPath costComplexityPath(const DecisionTreeModel &tree, const TreeNodeImpurities &imp)
{
    // Work in pre-order ranks (left child first): scikit-learn's node numbering, so exact
    // ties between effective alphas are broken the same way.
    const int n = tree.nodeCount();
    const auto at = [](auto &v, int i) -> auto &
    {
        return v[static_cast<std::size_t>(i)];
    };
    std::vector<int> order; // rank -> node
    order.reserve(static_cast<std::size_t>(n));
    std::vector<int> stack { 0 };
    while (!stack.empty()) {
        const int node = stack.back();
        stack.pop_back();
        order.push_back(node);
        if (!tree.isLeaf(node)) {
            stack.push_back(tree.right(node));
            stack.push_back(tree.left(node));
        }
    }
    std::vector<int> rankOf(static_cast<std::size_t>(n), -1);
    for (int r = 0; r < n; ++r)
        at(rankOf, at(order, r)) = r;
    std::vector<int> parent(static_cast<std::size_t>(n), -1),
        childL(static_cast<std::size_t>(n), -1), childR(static_cast<std::size_t>(n), -1);
    std::vector<double> rNode(static_cast<std::size_t>(n)),
        rBranch(static_cast<std::size_t>(n), 0.0);
    std::vector<int> nLeaves(static_cast<std::size_t>(n), 0);
    std::vector<char> leafInSubtree(static_cast<std::size_t>(n), 0),
        candidate(static_cast<std::size_t>(n), 0), inSubtree(static_cast<std::size_t>(n), 1);
    const double total = imp.weight.empty() ? 0.0 : imp.weight[0];
    for (int r = 0; r < n; ++r) {
        const int node = at(order, r);
        at(rNode, r) = total > 0 ? at(imp.weight, node) * at(imp.impurity, node) / total : 0.0;
        if (tree.isLeaf(node)) {
            at(leafInSubtree, r) = 1;
        } else {
            at(childL, r) = at(rankOf, tree.left(node));
            at(childR, r) = at(rankOf, tree.right(node));
            at(parent, at(childL, r)) = r;
            at(parent, at(childR, r)) = r;
        }
    }
    // Each branch's leaf count and R(T_t), bubbled up from the leaves in rank order.
    for (int leaf = 0; leaf < n; ++leaf) {
        if (!at(leafInSubtree, leaf))
            continue;
        at(rBranch, leaf) = at(rNode, leaf);
        const double current = at(rNode, leaf);
        int i = leaf;
        while (i != 0) {
            const int p = at(parent, i);
            at(rBranch, p) += current;
            at(nLeaves, p) += 1;
            i = p;
        }
    }
    for (int r = 0; r < n; ++r)
        at(candidate, r) = !at(leafInSubtree, r);

    CostComplexityPath path;
    path.alphas.push_back(0.0);
    path.impurities.push_back(n > 0 ? rBranch[0] : 0.0);
    path.prunedNode.push_back(-1);
    // The weakest link of every step from a heap of (alpha_eff, rank) entries, smallest
    // first: the same choice as a scan over all candidates for the smallest alpha_eff (the
    // lowest rank on ties), in O(depth log n) per step instead of O(n). A node's entry is
    // current while its stamp matches; collapsing a node re-stamps its ancestors (their
    // alpha_eff changed) and drops its descendants (no longer candidates). Only alphas below
    // the largest double enter, as only those could beat the scan's starting value.
    struct Entry {
        double alpha;
        int rank;
        int stamp;
    };
    const auto later = [](const Entry &x, const Entry &y) {
        return x.alpha > y.alpha || (x.alpha == y.alpha && x.rank > y.rank);
    };
    std::vector<Entry> heap;
    std::vector<int> stamp(static_cast<std::size_t>(n), 0);
    const auto offer = [&](int r) {
        const double a = (at(rNode, r) - at(rBranch, r)) / (at(nLeaves, r) - 1);
        if (a < std::numeric_limits<double>::max()) {
            heap.push_back({ a, r, at(stamp, r) });
            std::push_heap(heap.begin(), heap.end(), later);
        }
    };
    for (int r = 0; r < n; ++r)
        if (at(candidate, r))
            offer(r);
    std::vector<int> pending;
    while (n > 0 && candidate[0]) {
        double alpha = std::numeric_limits<double>::max();
        int pruned = -1;
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), later);
            const Entry e = heap.back();
            heap.pop_back();
            if (at(candidate, e.rank) && at(stamp, e.rank) == e.stamp) {
                alpha = e.alpha;
                pruned = e.rank;
                break;
            }
        }
        if (pruned < 0)
            break; // only NaN alphas left (cannot happen with finite impurities)
        // The branch's descendants leave the subtree.
        pending.push_back(pruned);
        while (!pending.empty()) {
            const int r = pending.back();
            pending.pop_back();
            if (!at(inSubtree, r))
                continue;
            at(candidate, r) = 0;
            at(leafInSubtree, r) = 0;
            at(inSubtree, r) = 0;
            if (at(childL, r) >= 0) {
                pending.push_back(at(childL, r));
                pending.push_back(at(childR, r));
            }
        }
        at(leafInSubtree, pruned) = 1;
        at(inSubtree, pruned) = 1;
        const int prunedLeaves = at(nLeaves, pruned) - 1;
        at(nLeaves, pruned) = 0;
        const double diff = at(rNode, pruned) - at(rBranch, pruned);
        at(rBranch, pruned) = at(rNode, pruned);
        for (int r = at(parent, pruned); r >= 0; r = at(parent, r)) {
            at(nLeaves, r) -= prunedLeaves;
            at(rBranch, r) += diff;
            ++at(stamp, r);
            offer(r);
        }
        path.alphas.push_back(alpha);
        path.impurities.push_back(rBranch[0]);
        path.prunedNode.push_back(at(order, pruned));
    }
    return path;
}

DecisionTreeModel prunedTree(
    const DecisionTreeModel &tree, const CostComplexityPath &path, int steps)
{
    const int n = tree.nodeCount();
    std::vector<char> collapsed(static_cast<std::size_t>(n), 0);
    for (int s = 1; s <= steps && s < static_cast<int>(path.prunedNode.size()); ++s)
        collapsed[static_cast<std::size_t>(path.prunedNode[static_cast<std::size_t>(s)])] = 1;
    // Kept: reachable from the root without passing below a collapsed node.
    std::vector<char> kept(static_cast<std::size_t>(n), 0);
    if (n > 0)
        kept[0] = 1;
    std::vector<int> newIndex(static_cast<std::size_t>(n), -1);
    int count = 0;
    for (int i = 0; i < n; ++i) {
        if (!kept[static_cast<std::size_t>(i)])
            continue;
        newIndex[static_cast<std::size_t>(i)] = count++;
        if (!tree.isLeaf(i) && !collapsed[static_cast<std::size_t>(i)]) {
            kept[static_cast<std::size_t>(tree.left(i))] = 1;
            kept[static_cast<std::size_t>(tree.right(i))] = 1;
        }
    }
    DecisionTreeModel out(tree.valueDim());
    out.reserve(count);
    for (int i = 0; i < n; ++i) {
        if (!kept[static_cast<std::size_t>(i)])
            continue;
        const int node = out.addNode();
        std::copy_n(tree.values(i), tree.valueDim(), out.values(node));
    }
    for (int i = 0; i < n; ++i) {
        if (!kept[static_cast<std::size_t>(i)] || tree.isLeaf(i)
            || collapsed[static_cast<std::size_t>(i)])
            continue;
        out.copySplit(newIndex[static_cast<std::size_t>(i)], tree, i,
            newIndex[static_cast<std::size_t>(tree.left(i))],
            newIndex[static_cast<std::size_t>(tree.right(i))]);
    }
    return out;
}

} // namespace sextant::engine
