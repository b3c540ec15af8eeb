#pragma once

#include "ml/ModelState.h"

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace sextant::engine {

// One fitted decision tree as flat arrays, shared by DecisionTree, RandomForest and
// GradientBoosting, and laid out so that a later exporter maps it one to one onto ONNX
// TreeEnsembleClassifier / TreeEnsembleRegressor (mode BRANCH_LEQ).
//
// Data layout, node i in [0, nodeCount()):
//   feature(i)    column index of the split, -1 for a leaf
//   threshold(i)  split value ON THE RAW FEATURE SCALE: a row goes left when
//                 x[feature] <= threshold (so NaN goes right), 0 for a leaf
//   left(i)       index of the left child, -1 for a leaf; always > i
//   right(i)      index of the right child, -1 for a leaf; always > i
//   values(i)     valueDim() doubles, row-major nodeCount x valueDim:
//                   classification trees: the class distribution (fractions, sum 1)
//                   regression trees: the mean target
//                   boosting trees: the raw score added (learning rate included)
//                 Internal nodes hold their value too (useful for inspection).
// Node 0 is the root. Children always have a larger index than their parent, so a walk
// from the root terminates and a tree has no cycle.
//
// Categorical splits (DecisionTree on a table with categorical columns): a node may test a
// one-hot block, the columns feature(i) .. feature(i) + categoryWidth(i) - 1 that one
// categorical column became (FeatureEncoder), one column per category. The row's category
// is the first column of the block holding a value > 0.5, or categoryWidth(i) ("none":
// the cell was missing or its category was not seen at fit, all zeros); the row goes left
// when categoryGoesLeft(i, category). threshold(i) is 0 for such a node. Numeric nodes
// have categoryWidth 0.
class DecisionTreeModel {
public:
    explicit DecisionTreeModel(int valueDim = 1) : m_valueDim(valueDim) { }

    int valueDim() const { return m_valueDim; }
    int nodeCount() const { return static_cast<int>(m_feature.size()); }
    int leafCount() const;
    int depth() const;

    // Appends a leaf (values zero) and returns its index.
    int addNode();
    void setSplit(int node, int feature, double threshold, int left, int right);
    // A categorical split of the block feature .. feature + width - 1 (width >= 2);
    // goesLeft: width + 1 flags, by category, the last for "none".
    void setCategoricalSplit(
        int node, int feature, int width, const std::uint8_t *goesLeft, int left, int right);
    // Node `fromNode`'s split (numeric or categorical) of `from`, with these children.
    void copySplit(int node, const DecisionTreeModel &from, int fromNode, int left, int right);
    // Renames every split's feature: f becomes map[f].
    void remapFeatures(const std::vector<int> &map);
    void reserve(int nodes);
    void clear();

    int feature(int i) const { return m_feature[static_cast<std::size_t>(i)]; }
    double threshold(int i) const { return m_threshold[static_cast<std::size_t>(i)]; }
    int left(int i) const { return m_left[static_cast<std::size_t>(i)]; }
    int right(int i) const { return m_right[static_cast<std::size_t>(i)]; }
    bool isLeaf(int i) const { return m_left[static_cast<std::size_t>(i)] < 0; }
    bool hasCategoricalSplits() const { return m_anyCategorical; }
    int categoryWidth(int i) const
    {
        return m_anyCategorical ? m_catWidth[static_cast<std::size_t>(i)] : 0;
    }
    // Category c in [0, categoryWidth(i)] (the last: none) of a categorical node goes left.
    bool categoryGoesLeft(int i, int c) const
    {
        return m_catLeft[static_cast<std::size_t>(m_catOffset[static_cast<std::size_t>(i)] + c)]
            != 0;
    }
    // The category of a row in the one-hot block first .. first + width - 1 (see above).
    static int categoryOf(const double *row, Eigen::Index stride, int first, int width)
    {
        for (int j = 0; j < width; ++j)
            if (row[(first + j) * stride] > 0.5)
                return j;
        return width;
    }
    // The child of split node i a row goes to.
    int child(int i, const double *row, Eigen::Index stride) const
    {
        const std::size_t n = static_cast<std::size_t>(i);
        if (m_anyCategorical && m_catWidth[n] > 0)
            return categoryGoesLeft(i, categoryOf(row, stride, m_feature[n], m_catWidth[n]))
                ? m_left[n]
                : m_right[n];
        return row[m_feature[n] * stride] <= m_threshold[n] ? m_left[n] : m_right[n];
    }
    double *values(int i) { return m_values.data() + static_cast<std::size_t>(i) * m_valueDim; }
    const double *values(int i) const
    {
        return m_values.data() + static_cast<std::size_t>(i) * m_valueDim;
    }

    // The leaf a row reaches. `row` points at the row's first feature, consecutive
    // features `stride` doubles apart (X.outerStride() for a column-major matrix).
    int leafIndex(const double *row, Eigen::Index stride) const
    {
        int node = 0;
        if (m_anyCategorical) {
            while (m_left[static_cast<std::size_t>(node)] >= 0)
                node = child(node, row, stride);
            return node;
        }
        while (m_left[static_cast<std::size_t>(node)] >= 0) {
            const std::size_t n = static_cast<std::size_t>(node);
            node = row[m_feature[n] * stride] <= m_threshold[n] ? m_left[n] : m_right[n];
        }
        return node;
    }
    // The leaf values reached by row r of X (n x d, column-major).
    const double *predictRow(const Eigen::Ref<const Eigen::MatrixXd> &X, Eigen::Index r) const
    {
        return values(leafIndex(X.data() + r, X.outerStride()));
    }

    // Writes an ensemble under `prefix` as concatenated arrays (ONNX-like):
    //   <prefix>node_counts  T            nodes per tree
    //   <prefix>feature      N            (N = total nodes, trees one after the other)
    //   <prefix>threshold    N
    //   <prefix>left         N            child index local to its tree, -1 for leaves
    //   <prefix>right        N
    //   <prefix>values       N x valueDim
    // and, when a tree has a categorical split:
    //   <prefix>category_width  N         0 for numeric splits and leaves
    //   <prefix>category_left   sum over categorical nodes of (width + 1): 1 goes left
    static void writeEnsemble(ModelState &state, const std::string &prefix,
        const std::vector<DecisionTreeModel> &trees, int valueDim);
    // Reads and validates (throws ModelStateError): every count >= 1, children in range
    // and larger than their parent, both children or none, features in
    // [0, featureCount), finite thresholds and values, categorical blocks inside
    // [0, featureCount) with 0/1 flags. expectedTrees < 0: any count.
    static std::vector<DecisionTreeModel> readEnsemble(const ModelState &state,
        const std::string &prefix, int featureCount, int valueDim, std::int64_t expectedTrees = -1);

private:
    int m_valueDim = 1;
    std::vector<int> m_feature;
    std::vector<double> m_threshold;
    std::vector<int> m_left;
    std::vector<int> m_right;
    std::vector<double> m_values;
    bool m_anyCategorical = false;
    std::vector<int> m_catWidth; // per node once a categorical split exists
    std::vector<int> m_catOffset; // per node: its first flag in m_catLeft, -1 none
    std::vector<std::uint8_t> m_catLeft;
};

} // namespace sextant::engine
