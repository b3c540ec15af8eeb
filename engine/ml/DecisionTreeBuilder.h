#pragma once

#include "ml/DecisionTreeModel.h"
#include "ml/FeatureBinner.h"

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace sextant::engine {

// How a node's split quality is measured.
enum class SplitCriterion {
    Gini, // classification, Gini impurity (stats: one weight per class)
    Entropy, // classification, Shannon entropy (stats: one weight per class)
    SquaredError, // regression (stats: w, w*y, w*y^2)
    Gradient, // gradient boosting, second-order gain (stats: gradient, hessian)
    // classification, C4.5's gain ratio (stats as Gini): each feature's threshold by
    // information gain, less log2(thresholds) / W (Quinlan 1996, the cost of choosing a
    // threshold among the node's distinct values); among the features whose corrected gain
    // is at least the average, the one with the largest gain / split information.
    GainRatio,
};

// How many features a node draws (without replacement) before looking for its split.
enum class MaxFeatures {
    Auto, // Sqrt for classification, All for regression (scikit-learn's forest defaults)
    All, // every feature
    Sqrt, // max(1, floor(sqrt(d)))
    Log2, // max(1, floor(log2(d)))
    Fraction, // max(1, floor(fraction * d))
};
int resolveMaxFeatures(MaxFeatures mode, double fraction, int featureCount, bool classification);

// Checks the data every tree learner gets (throws FitError naming the problem): X non-empty
// and finite, y with one finite entry per row; for classification integer labels in
// [0, classCount) with at least two classes present and at most 64 classes. Returns the
// class count (contextClassCount, or max label + 1 when it is 0); 0 for regression.
int validateTreeInput(const std::string &who, const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, bool classification, int contextClassCount);

// SplitMix64: the tree learners' random source (portable, same stream on every build).
// Per row, the index of the largest value (the first on ties), as a double: the class
// predicted from averaged class distributions (trees and forests).
inline Eigen::VectorXd classOfLargest(const Eigen::MatrixXd &values)
{
    Eigen::VectorXd out(values.rows());
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
        Eigen::Index label = 0;
        values.row(i).maxCoeff(&label);
        out(i) = static_cast<double>(label);
    }
    return out;
}

inline std::uint64_t splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
// Uniform integer in [0, n) (multiply-shift; bias below 2^-32 for n < 2^32).
inline std::uint32_t uniformIndex(std::uint64_t &state, std::uint32_t n)
{
    return static_cast<std::uint32_t>(
        (static_cast<unsigned __int128>(splitMix64(state)) * n) >> 64);
}
// Seed of the i-th member of an ensemble, derived from the user's seed.
inline std::uint64_t memberSeed(std::uint64_t seed, std::uint64_t i)
{
    std::uint64_t s = seed ^ (0xD1B54A32D192ED03ull * (i + 1));
    return splitMix64(s);
}

// Clears the upper halves of the AVX registers (vzeroupper) on CPUs with AVX. Qt's QHash
// leaves them in use; until they are cleared, every switch between this SSE2 code and the
// AVX code inside libm (exp, log) and glibc's memset costs a state transition (the
// multiclass boosting gradients ran about five times slower). The tree learners call it
// before their hot loops.
void clearUpperVectorState();

// Growth limits and criterion parameters of one histogram tree.
struct TreeGrowParams {
    SplitCriterion criterion = SplitCriterion::Gini;
    int statDim = 2; // S: classes (Gini/Entropy), 3 (SquaredError), 2 (Gradient)
    int maxDepth = -1; // < 0: unlimited (root has depth 0)
    int maxLeafNodes = 0; // 0: unlimited, depth-first; > 0: best-first up to this many
    int minSamplesSplit = 2; // distinct rows a node needs to be split
    int minSamplesLeaf = 1; // distinct rows each child must keep
    int maxFeatures = 0; // features drawn per node; 0 or >= d: all (sibling subtraction)
    double l2 = 0; // Gradient: L2 penalty on leaf values
    double minHessian = 1e-3; // Gradient: least hessian sum in each child
    double learningRate = 1; // Gradient: leaf values are scaled by it
    int threads = 1; // histogram building in parallel over features (big nodes)
    // Threshold of a split: false, the upper edge of the last bin going left (scikit-learn's
    // HistGradientBoosting); true, the midpoint between the node's neighbouring values on
    // either side (CART, scikit-learn's trees and forests).
    bool midpointThresholds = false;
    // Per feature (empty: none): 1 marks a categorical code column, whose bins are its
    // categories (FeatureBinner::setCategorical). Such a feature splits into two subsets
    // of categories: with two classes, or for regression and boosting, the categories are
    // ordered by the class-1 fraction, the mean target or the gradient over hessian and
    // the best cut of that order is taken (the best subset split for these criteria,
    // Breiman et al. 1984, section 9.4; Fisher 1958); with more classes every subset is
    // tried when the node holds at most kExhaustiveCategories categories, else the cuts
    // of the orders by each class's fraction. A category absent from the node goes to
    // the child with more rows.
    std::vector<std::uint8_t> categorical;
    static constexpr int kExhaustiveCategories = 10;
};

// Rows of one leaf after build(): rows[begin, end) of the reordered row list.
struct LeafRange {
    int node;
    int begin;
    int end;
};

// Grows one tree on binned data with per-feature histograms (the building block of
// DecisionTree, RandomForest and GradientBoosting).
//
// Data layout: `codes` is FeatureBinner::transform's output (n x d, column-major, uint8);
// `stats` is n x S row-major doubles, per original row: for classification the row's
// weight in its class slot (one-hot times weight, e.g. the bootstrap count), for
// SquaredError (w, w*y, w*y^2), for Gradient (g, h). Node histograms hold, per feature
// and bin, the S stat sums followed by the distinct-row count (stride S + 1), the features'
// bins packed one after the other (binCount(f) cells each).
//
// When every feature is tried at each node, the larger child's histograms are the
// parent's minus the smaller child's (sibling subtraction), so only the smaller child is
// scanned. With a feature subset (random forests) only the drawn features are built.
// Scratch memory lives in the builder and is reused from node to node and tree to tree:
// keep one builder per thread.
class DecisionTreeBuilder {
public:
    DecisionTreeBuilder(const FeatureBinner &binner, const std::uint8_t *codes,
        std::int64_t rowCount, const TreeGrowParams &params);

    // Grows a tree on `rows` (distinct row indices < rowCount; reordered so that each
    // leaf's rows are contiguous, see leaves()). `seed` drives the feature draws.
    // Returns false when `cancel` became true (the tree is then incomplete).
    bool build(std::vector<std::uint32_t> &rows, const double *stats, std::uint64_t seed,
        DecisionTreeModel &tree, const std::atomic<bool> *cancel = nullptr);

    const std::vector<LeafRange> &leaves() const { return m_leaves; }
    // After build(): node i's S stat sums followed by its distinct-row count (the node's
    // weight and impurity are derived from them, see DecisionTreePruning).
    const double *nodeSums(int node) const
    {
        return m_sums.data() + static_cast<std::size_t>(node) * m_stride;
    }
    const TreeGrowParams &params() const { return m_params; }

private:
    struct Candidate {
        int node;
        int begin;
        int end;
        int depth;
        int slot; // histogram slot (subtraction mode), -1 otherwise
        double gain;
        int feature;
        int bin;
        int binHigh; // first non-empty bin going right
        std::uint64_t mask[4]; // categorical feature: the bins going left
    };

    bool canSplit(const double *sums, int count, int depth) const;
    void evaluate(Candidate &c, const double *sums, const std::vector<std::uint32_t> &rows,
        const double *stats);
    void splitChildren(Candidate &lc, Candidate &rc, bool lSplit, bool rSplit,
        const Candidate &small, const Candidate &large, const std::vector<std::uint32_t> &rows,
        const double *stats);
    void scanFeatures(Candidate &c, const double *sums, const std::vector<std::uint32_t> &rows,
        const double *stats, int j0, int j1, double *bestLeft);
    void gatherNode(const std::uint32_t *rows, int count, const double *stats);
    void buildHistograms(double *slot, const std::uint32_t *rows, int count, const double *stats,
        const int *features, int featureCount, bool parallel, bool gather);
    void chooseGainRatio(Candidate &c, const double *sums, double *bestLeft);
    double score(const double *sums) const;
    void setValue(DecisionTreeModel &tree, int node, const double *sums) const;
    int acquireSlot();
    // Where feature f's cells start in a histogram slot (doubles).
    std::size_t histOffset(int f) const
    {
        return m_binOffset[static_cast<std::size_t>(f)] * static_cast<std::size_t>(m_stride);
    }
    void finalizeLeaf(const Candidate &c);

    const FeatureBinner &m_binner;
    const std::uint8_t *m_codes;
    std::int64_t m_rowCount;
    TreeGrowParams m_params;
    int m_featureCount;
    int m_stride; // S + 1 doubles per histogram cell
    bool m_subtract; // every feature at every node

    std::vector<LeafRange> m_leaves;
    std::vector<Candidate> m_candidates;
    std::vector<double> m_sums; // node x stride
    std::vector<double> m_splitLeft; // candidate's best left sums, node x stride
    std::vector<std::size_t> m_binOffset; // feature f's first cell in a slot, d + 1 entries
    std::vector<std::vector<double>> m_slots; // m_binOffset[d] cells of stride doubles each
    std::vector<int> m_freeSlots;
    std::vector<double> m_scratch; // one feature's histogram (subset mode)
    std::vector<double> m_ordered; // node rows' stats gathered in row order
    // Classification with at most one non-zero class weight per row (this build's rows):
    // the histograms read each row's class and weight instead of its S stats.
    bool m_classRows = false;
    std::vector<std::uint8_t> m_rowClass; // by row index
    std::vector<double> m_rowWeight; // by row index
    std::vector<std::uint8_t> m_orderedClass; // node rows' classes in row order
    std::vector<double> m_orderedWeight; // and weights
    std::vector<std::uint32_t> m_tmp; // partition scratch
    std::vector<int> m_features; // feature draw order
    std::vector<double> m_rootCounts; // S = 2: the all-rows root's bin counts (packed cells)
    struct FeatureBest {
        double gain;
        int feature, bin, binHigh, values;
        std::uint64_t mask[4];
    };
    // Whether a split with these left and right sums may be taken: boosting needs the
    // least hessian on each side, the other criteria a positive weight.
    bool sidesAllowed(const double *left, const double *right) const;
    bool isCategorical(int f) const
    {
        return !m_params.categorical.empty() && m_params.categorical[static_cast<std::size_t>(f)];
    }
    // The best subset split of categorical feature f (histogram hist, nb bins) of a node
    // with these sums and row count; updates gain / mask / left when one beats `gain`
    // (and returns true).
    bool scanCategorical(const double *hist, int nb, const double *sums, int count,
        double parentScore, double &gain, std::uint64_t *mask, double *left);
    std::vector<FeatureBest> m_ratioBest; // GainRatio: each scanned feature's best split
    std::vector<double> m_ratioLeft; // and its left sums (stride each)
    std::uint64_t m_rng = 0;
};

} // namespace sextant::engine
