#include "ml/DecisionTreeModel.h"

#include <algorithm>
#include <cmath>

namespace sextant::engine {

int DecisionTreeModel::leafCount() const
{
    return static_cast<int>(std::count(m_left.begin(), m_left.end(), -1));
}

int DecisionTreeModel::depth() const
{
    if (m_feature.empty())
        return 0;
    std::vector<int> d(m_feature.size(), 0);
    int best = 0;
    for (int i = 0; i < nodeCount(); ++i) {
        best = std::max(best, d[static_cast<std::size_t>(i)]);
        if (!isLeaf(i)) {
            d[static_cast<std::size_t>(left(i))] = d[static_cast<std::size_t>(i)] + 1;
            d[static_cast<std::size_t>(right(i))] = d[static_cast<std::size_t>(i)] + 1;
        }
    }
    return best;
}

int DecisionTreeModel::addNode()
{
    m_feature.push_back(-1);
    m_threshold.push_back(0.0);
    m_left.push_back(-1);
    m_right.push_back(-1);
    m_values.resize(m_values.size() + static_cast<std::size_t>(m_valueDim), 0.0);
    if (m_anyCategorical) {
        m_catWidth.push_back(0);
        m_catOffset.push_back(-1);
    }
    return nodeCount() - 1;
}

void DecisionTreeModel::setCategoricalSplit(
    int node, int feature, int width, const std::uint8_t *goesLeft, int left, int right)
{
    if (!m_anyCategorical) {
        m_anyCategorical = true;
        m_catWidth.assign(m_feature.size(), 0);
        m_catOffset.assign(m_feature.size(), -1);
    }
    setSplit(node, feature, 0.0, left, right);
    const std::size_t n = static_cast<std::size_t>(node);
    m_catWidth[n] = width;
    m_catOffset[n] = static_cast<int>(m_catLeft.size());
    for (int c = 0; c <= width; ++c)
        m_catLeft.push_back(goesLeft[c] ? 1 : 0);
}

void DecisionTreeModel::copySplit(
    int node, const DecisionTreeModel &from, int fromNode, int left, int right)
{
    const int w = from.categoryWidth(fromNode);
    if (w > 0) {
        std::vector<std::uint8_t> flags(static_cast<std::size_t>(w) + 1);
        for (int c = 0; c <= w; ++c)
            flags[static_cast<std::size_t>(c)] = from.categoryGoesLeft(fromNode, c) ? 1 : 0;
        setCategoricalSplit(node, from.feature(fromNode), w, flags.data(), left, right);
    } else {
        setSplit(node, from.feature(fromNode), from.threshold(fromNode), left, right);
    }
}

void DecisionTreeModel::remapFeatures(const std::vector<int> &map)
{
    for (int &f : m_feature)
        if (f >= 0)
            f = map[static_cast<std::size_t>(f)];
}

void DecisionTreeModel::setSplit(int node, int feature, double threshold, int left, int right)
{
    const std::size_t n = static_cast<std::size_t>(node);
    m_feature[n] = feature;
    m_threshold[n] = threshold;
    m_left[n] = left;
    m_right[n] = right;
}

void DecisionTreeModel::reserve(int nodes)
{
    const std::size_t n = static_cast<std::size_t>(nodes);
    m_feature.reserve(n);
    m_threshold.reserve(n);
    m_left.reserve(n);
    m_right.reserve(n);
    m_values.reserve(n * static_cast<std::size_t>(m_valueDim));
}

void DecisionTreeModel::clear()
{
    m_feature.clear();
    m_threshold.clear();
    m_left.clear();
    m_right.clear();
    m_values.clear();
    m_anyCategorical = false;
    m_catWidth.clear();
    m_catOffset.clear();
    m_catLeft.clear();
}

void DecisionTreeModel::writeEnsemble(ModelState &state, const std::string &prefix,
    const std::vector<DecisionTreeModel> &trees, int valueDim)
{
    std::vector<double> counts, feature, threshold, left, right, values, catWidth, catLeft;
    bool categorical = false;
    for (const DecisionTreeModel &t : trees)
        categorical = categorical || t.hasCategoricalSplits();
    for (const DecisionTreeModel &t : trees) {
        counts.push_back(t.nodeCount());
        for (int i = 0; i < t.nodeCount(); ++i) {
            feature.push_back(t.feature(i));
            threshold.push_back(t.threshold(i));
            left.push_back(t.left(i));
            right.push_back(t.right(i));
            for (int k = 0; k < valueDim; ++k)
                values.push_back(t.values(i)[k]);
            if (!categorical)
                continue;
            const int w = t.isLeaf(i) ? 0 : t.categoryWidth(i);
            catWidth.push_back(w);
            for (int c = 0; c < w + 1 && w > 0; ++c)
                catLeft.push_back(t.categoryGoesLeft(i, c) ? 1 : 0);
        }
    }
    const std::int64_t n = static_cast<std::int64_t>(feature.size());
    state.setArray(
        prefix + "node_counts", { static_cast<std::int64_t>(trees.size()) }, std::move(counts));
    state.setArray(prefix + "feature", { n }, std::move(feature));
    state.setArray(prefix + "threshold", { n }, std::move(threshold));
    state.setArray(prefix + "left", { n }, std::move(left));
    state.setArray(prefix + "right", { n }, std::move(right));
    state.setArray(prefix + "values", { n, valueDim }, std::move(values));
    if (categorical) {
        const std::int64_t flags = static_cast<std::int64_t>(catLeft.size());
        state.setArray(prefix + "category_width", { n }, std::move(catWidth));
        state.setArray(prefix + "category_left", { flags }, std::move(catLeft));
    }
}

std::vector<DecisionTreeModel> DecisionTreeModel::readEnsemble(const ModelState &state,
    const std::string &prefix, int featureCount, int valueDim, std::int64_t expectedTrees)
{
    const auto fail
        = [&](const std::string &what) { throw ModelStateError(state.kind + ": " + what); };
    const auto vec = [&](const std::string &name) -> const ModelArray & {
        const ModelArray &a = state.array(prefix + name);
        if (a.shape.size() != 1)
            fail("'" + prefix + name + "' is not a vector");
        return a;
    };
    const ModelArray &counts = vec("node_counts");
    if (expectedTrees >= 0 && counts.shape[0] != expectedTrees)
        fail("'" + prefix + "node_counts' lists " + std::to_string(counts.shape[0])
            + " trees, expected " + std::to_string(expectedTrees));
    const ModelArray &feature = vec("feature");
    const ModelArray &threshold = vec("threshold");
    const ModelArray &left = vec("left");
    const ModelArray &right = vec("right");
    const ModelArray &values = state.array(prefix + "values");
    const std::int64_t total = feature.shape[0];
    if (threshold.shape[0] != total || left.shape[0] != total || right.shape[0] != total)
        fail("the node arrays under '" + prefix + "' differ in length");
    if (values.shape.size() != 2 || values.shape[0] != total || values.shape[1] != valueDim)
        fail("'" + prefix + "values' must be " + std::to_string(total) + " x "
            + std::to_string(valueDim));
    const auto isInt
        = [](double v, double lo, double hi) { return v >= lo && v <= hi && v == std::floor(v); };
    std::int64_t sum = 0;
    for (double c : counts.values) {
        if (!isInt(c, 1, 1e9))
            fail("'" + prefix + "node_counts' holds an invalid node count");
        sum += static_cast<std::int64_t>(c);
    }
    if (sum != total)
        fail("'" + prefix + "node_counts' adds up to " + std::to_string(sum)
            + " nodes, the "
              "node arrays hold "
            + std::to_string(total));
    for (double v : values.values)
        if (!std::isfinite(v))
            fail("'" + prefix + "values' holds a non-finite value");
    const ModelArray *catWidth = nullptr, *catLeft = nullptr;
    if (state.has(prefix + "category_width") || state.has(prefix + "category_left")) {
        catWidth = &vec("category_width");
        catLeft = &vec("category_left");
        if (catWidth->shape[0] != total)
            fail("'" + prefix + "category_width' must hold one entry per node");
    }
    std::size_t flagAt = 0;
    std::vector<std::uint8_t> flags;

    std::vector<DecisionTreeModel> trees;
    trees.reserve(counts.values.size());
    std::size_t base = 0;
    for (std::size_t t = 0; t < counts.values.size(); ++t) {
        const int n = static_cast<int>(counts.values[t]);
        DecisionTreeModel tree(valueDim);
        tree.reserve(n);
        for (int i = 0; i < n; ++i) {
            const std::size_t g = base + static_cast<std::size_t>(i);
            const double f = feature.values[g], l = left.values[g], r = right.values[g];
            const double th = threshold.values[g];
            const int node = tree.addNode();
            std::copy_n(values.values.data() + g * static_cast<std::size_t>(valueDim), valueDim,
                tree.values(node));
            if (l == -1 && r == -1) {
                if (f != -1 || (catWidth && catWidth->values[g] != 0))
                    fail("tree " + std::to_string(t) + " node " + std::to_string(i)
                        + ": a leaf must have feature -1 and no categories");
                continue;
            }
            if (!isInt(l, i + 1, n - 1) || !isInt(r, i + 1, n - 1))
                fail("tree " + std::to_string(t) + " node " + std::to_string(i)
                    + ": child index out of range (children must follow their parent)");
            if (!isInt(f, 0, featureCount - 1))
                fail("tree " + std::to_string(t) + " node " + std::to_string(i)
                    + ": feature index out of range");
            if (!std::isfinite(th))
                fail("tree " + std::to_string(t) + " node " + std::to_string(i)
                    + ": non-finite threshold");
            const double w = catWidth ? catWidth->values[g] : 0.0;
            if (w != 0) {
                if (!isInt(w, 2, featureCount - f))
                    fail("tree " + std::to_string(t) + " node " + std::to_string(i)
                        + ": the categorical block runs past the features");
                const std::size_t width = static_cast<std::size_t>(w);
                if (flagAt + width + 1 > catLeft->values.size())
                    fail("'" + prefix + "category_left' is shorter than its nodes need");
                flags.assign(width + 1, 0);
                for (std::size_t c = 0; c <= width; ++c) {
                    const double v = catLeft->values[flagAt + c];
                    if (v != 0 && v != 1)
                        fail("'" + prefix + "category_left' holds a value other than 0 or 1");
                    flags[c] = static_cast<std::uint8_t>(v);
                }
                flagAt += width + 1;
                tree.setCategoricalSplit(node, static_cast<int>(f), static_cast<int>(width),
                    flags.data(), static_cast<int>(l), static_cast<int>(r));
                continue;
            }
            tree.setSplit(node, static_cast<int>(f), th, static_cast<int>(l), static_cast<int>(r));
        }
        base += static_cast<std::size_t>(n);
        trees.push_back(std::move(tree));
    }
    if (catLeft && flagAt != catLeft->values.size())
        fail("'" + prefix + "category_left' is longer than its nodes need");
    return trees;
}

} // namespace sextant::engine
