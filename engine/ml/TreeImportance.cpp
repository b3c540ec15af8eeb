#include "ml/TreeImportance.h"

#include <algorithm>
#include <vector>

namespace sextant::engine::treeimportance {

namespace {

// Adds a split's decrease to its feature; a categorical split shares it equally among
// the one-hot columns of its block (their sum is the column's importance).
void addTo(Eigen::VectorXd &out, const DecisionTreeModel &tree, int node, double decrease)
{
    const int w = tree.categoryWidth(node);
    if (w == 0) {
        out(tree.feature(node)) += decrease;
        return;
    }
    for (int j = 0; j < w; ++j)
        out(tree.feature(node) + j) += decrease / w;
}

} // namespace

void addImpurityDecrease(const DecisionTreeModel &kept, const DecisionTreeModel &grown,
    const TreeNodeImpurities &imp, Eigen::VectorXd &out)
{
    if (kept.nodeCount() == 0 || grown.nodeCount() == 0)
        return;
    const auto wi = [&](int g) {
        return imp.weight[static_cast<std::size_t>(g)] * imp.impurity[static_cast<std::size_t>(g)];
    };
    // (kept node, grown node) pairs, from the root.
    std::vector<std::pair<int, int>> stack { { 0, 0 } };
    while (!stack.empty()) {
        const auto [k, g] = stack.back();
        stack.pop_back();
        if (kept.isLeaf(k) || grown.isLeaf(g))
            continue;
        const int gl = grown.left(g), gr = grown.right(g);
        addTo(out, kept, k, wi(g) - wi(gl) - wi(gr));
        stack.push_back({ kept.left(k), gl });
        stack.push_back({ kept.right(k), gr });
    }
}

void addGainDecrease(
    const DecisionTreeBuilder &builder, const DecisionTreeModel &tree, Eigen::VectorXd &out)
{
    const double l2 = builder.params().l2;
    const auto score = [&](int node) {
        const double *s = builder.nodeSums(node);
        return s[0] * s[0] / (s[1] + l2);
    };
    for (int i = 0; i < tree.nodeCount(); ++i)
        if (!tree.isLeaf(i))
            addTo(out, tree, i,
                std::max(0.0, 0.5 * (score(tree.left(i)) + score(tree.right(i)) - score(i))));
}

void normalize(Eigen::VectorXd &v)
{
    const double sum = v.sum();
    if (sum > 0)
        v /= sum;
}

void write(ModelState &state, const Eigen::VectorXd &importances)
{
    if (importances.size() > 0)
        state.setVector("feature_importances", importances);
}

Eigen::VectorXd read(const ModelState &state, int featureCount, const std::string &who)
{
    if (!state.has("feature_importances"))
        return {};
    Eigen::VectorXd v = state.vector("feature_importances", featureCount);
    if (!v.allFinite())
        throw ModelStateError(who + ": 'feature_importances' holds a non-finite value");
    return v;
}

} // namespace sextant::engine::treeimportance
