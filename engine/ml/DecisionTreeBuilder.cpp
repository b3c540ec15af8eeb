#include "ml/DecisionTreeBuilder.h"

#include "core/Parallel.h"
#include "core/ThreadPool.h"
#include "ml/FitContext.h"

#include <algorithm>
#include <cmath>
#include <emmintrin.h>
#include <limits>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace sextant::engine {

namespace {

constexpr int kBins = 256;
constexpr double kNoGain = -std::numeric_limits<double>::infinity();

// Adds the node rows' gathered stats into one feature's histogram.
template<int S>
void accumulate(double *hist, const std::uint8_t *col, const std::uint32_t *rows, int count,
    const double *ordered, int dynS)
{
    const int s = S > 0 ? S : dynS;
    const int stride = s + 1;
    for (int i = 0; i < count; ++i) {
        double *cell = hist + static_cast<std::size_t>(col[rows[i]]) * stride;
        const double *st = ordered + static_cast<std::size_t>(i) * s;
        for (int k = 0; k < s; ++k)
            cell[k] += st[k];
        cell[s] += 1.0;
    }
}

// K features at once (independent histograms, so K independent update chains per row);
// every histogram still sees the rows in list order, as accumulate's does. Without Count
// only the S stats are added (the counts are filled in by the caller).
template<int S, int K, bool Count = true>
void accumulateK(double *const *hist, const std::uint8_t *const *col, const std::uint32_t *rows,
    int count, const double *ordered)
{
    constexpr int stride = S + 1;
    double *h[K];
    const std::uint8_t *c[K];
    for (int q = 0; q < K; ++q) {
        h[q] = hist[q];
        c[q] = col[q];
    }
    for (int i = 0; i < count; ++i) {
        const std::uint32_t r = rows[i];
        const double *st = ordered + static_cast<std::size_t>(i) * S;
        double *cell[K];
        for (int q = 0; q < K; ++q)
            cell[q] = h[q] + static_cast<std::size_t>(c[q][r]) * stride;
        if constexpr (S == 2) {
            const __m128d gh = _mm_loadu_pd(st);
            for (int q = 0; q < K; ++q)
                _mm_storeu_pd(cell[q], _mm_add_pd(_mm_loadu_pd(cell[q]), gh));
        } else {
            for (int k = 0; k < S; ++k) {
                const double v = st[k];
                for (int q = 0; q < K; ++q)
                    cell[q][k] += v;
            }
        }
        if constexpr (Count) {
            for (int q = 0; q < K; ++q)
                cell[q][S] += 1.0;
        }
    }
}

template<int S, bool Count>
void accumulateBlock(int k, double *const *hist, const std::uint8_t *const *col,
    const std::uint32_t *rows, int count, const double *ordered)
{
    switch (k) {
    case 4:
        accumulateK<S, 4, Count>(hist, col, rows, count, ordered);
        break;
    case 3:
        accumulateK<S, 3, Count>(hist, col, rows, count, ordered);
        break;
    case 2:
        accumulateK<S, 2, Count>(hist, col, rows, count, ordered);
        break;
    default:
        accumulateK<S, 1, Count>(hist, col, rows, count, ordered);
        break;
    }
}

// Classification rows (one class weight per row, see DecisionTreeBuilder::m_classRows): K
// features at once, each row adding its weight to its class's sum and 1 to the count (the
// other class sums would only get + 0.0). stride = S + 1, the count last.
template<int K>
void accumulateClassK(double *const *hist, const std::uint8_t *const *col,
    const std::uint32_t *rows, int count, const std::uint8_t *cls, const double *weight, int stride)
{
    double *h[K];
    const std::uint8_t *c[K];
    for (int q = 0; q < K; ++q) {
        h[q] = hist[q];
        c[q] = col[q];
    }
    const int countAt = stride - 1;
    for (int i = 0; i < count; ++i) {
        const std::uint32_t r = rows[i];
        const int k = cls[i];
        const double w = weight[i];
        for (int q = 0; q < K; ++q) {
            double *cell = h[q] + static_cast<std::size_t>(c[q][r]) * stride;
            cell[k] += w;
            cell[countAt] += 1.0;
        }
    }
}

void accumulateClassBlock(int k, double *const *hist, const std::uint8_t *const *col,
    const std::uint32_t *rows, int count, const std::uint8_t *cls, const double *weight, int stride)
{
    switch (k) {
    case 4:
        accumulateClassK<4>(hist, col, rows, count, cls, weight, stride);
        break;
    case 3:
        accumulateClassK<3>(hist, col, rows, count, cls, weight, stride);
        break;
    case 2:
        accumulateClassK<2>(hist, col, rows, count, cls, weight, stride);
        break;
    default:
        accumulateClassK<1>(hist, col, rows, count, cls, weight, stride);
        break;
    }
}

// Copies the stats of `rows` one after the other (kept out of memcpy calls per row).
template<int S>
__attribute__((optimize("no-tree-loop-distribute-patterns"))) void gatherStats(
    double *dst, const double *stats, const std::uint32_t *rows, int count, int dynS)
{
    const int s = S > 0 ? S : dynS;
    for (int i = 0; i < count; ++i) {
        const double *src = stats + static_cast<std::size_t>(rows[i]) * s;
        double *out = dst + static_cast<std::size_t>(i) * s;
        for (int k = 0; k < s; ++k)
            out[k] = src[k];
    }
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx"))) void zeroUpper()
{
    _mm256_zeroupper();
}
#endif

} // namespace

void clearUpperVectorState()
{
#if defined(__x86_64__) || defined(__i386__)
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx)
        zeroUpper();
#endif
}

int resolveMaxFeatures(MaxFeatures mode, double fraction, int d, bool classification)
{
    int m = d;
    if (mode == MaxFeatures::Auto)
        mode = classification ? MaxFeatures::Sqrt : MaxFeatures::All;
    switch (mode) {
    case MaxFeatures::Auto:
    case MaxFeatures::All:
        m = d;
        break;
    case MaxFeatures::Sqrt:
        m = static_cast<int>(std::floor(std::sqrt(static_cast<double>(d))));
        break;
    case MaxFeatures::Log2:
        m = static_cast<int>(std::floor(std::log2(static_cast<double>(d))));
        break;
    case MaxFeatures::Fraction:
        m = static_cast<int>(std::floor(fraction * d));
        break;
    }
    return std::clamp(m, 1, std::max(1, d));
}

int validateTreeInput(const std::string &who, const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, bool classification, int contextClassCount)
{
    if (X.rows() < 2 || X.cols() < 1)
        throw FitError(who + " needs at least two rows and one feature column");
    if (X.rows() >= (std::int64_t(1) << 31))
        throw FitError(who + " supports at most 2^31 - 1 rows");
    if (y.size() != X.rows())
        throw FitError(who + ": the target has " + std::to_string(y.size())
            + " values but the data has " + std::to_string(X.rows()) + " rows");
    if (!X.allFinite())
        throw FitError(who
            + ": the data holds a missing or non-finite value; impute or drop "
              "it first");
    if (!y.allFinite())
        throw FitError(who + ": the target holds a missing or non-finite value");
    if (!classification)
        return 0;
    double maxLabel = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        if (y(i) < 0 || y(i) != std::floor(y(i)))
            throw FitError(who + ": class labels must be integers 0, 1, 2...");
        maxLabel = std::max(maxLabel, y(i));
    }
    const int classes = contextClassCount > 0 ? contextClassCount : static_cast<int>(maxLabel) + 1;
    if (maxLabel >= classes)
        throw FitError(
            who + ": a class label is out of range for " + std::to_string(classes) + " classes");
    if (classes > 64)
        throw FitError(who + " supports at most 64 classes");
    bool two = false;
    for (Eigen::Index i = 1; i < y.size() && !two; ++i)
        two = y(i) != y(0);
    if (!two)
        throw FitError(who + " needs at least two different classes in the target");
    return classes;
}

DecisionTreeBuilder::DecisionTreeBuilder(const FeatureBinner &binner, const std::uint8_t *codes,
    std::int64_t rowCount, const TreeGrowParams &params)
    : m_binner(binner), m_codes(codes), m_rowCount(rowCount), m_params(params),
      m_featureCount(binner.featureCount()), m_stride(params.statDim + 1)
{
    if (m_params.maxFeatures <= 0 || m_params.maxFeatures > m_featureCount)
        m_params.maxFeatures = m_featureCount;
    m_subtract = m_params.maxFeatures == m_featureCount;
    m_params.minSamplesLeaf = std::max(1, m_params.minSamplesLeaf);
    m_params.minSamplesSplit = std::max(2, m_params.minSamplesSplit);
    m_scratch.assign(static_cast<std::size_t>(kBins * m_stride), 0.0);
    m_features.resize(static_cast<std::size_t>(m_featureCount));
    // Histograms are packed: feature f's binCount(f) cells start at m_binOffset[f] (a 0/1
    // indicator column takes two cells, not 256).
    m_binOffset.resize(static_cast<std::size_t>(m_featureCount) + 1);
    m_binOffset[0] = 0;
    for (int f = 0; f < m_featureCount; ++f)
        m_binOffset[static_cast<std::size_t>(f) + 1] = m_binOffset[static_cast<std::size_t>(f)]
            + static_cast<std::size_t>(binner.binCount(f));
}

int DecisionTreeBuilder::acquireSlot()
{
    if (m_freeSlots.empty()) {
        m_slots.emplace_back(m_binOffset.back() * static_cast<std::size_t>(m_stride));
        return static_cast<int>(m_slots.size()) - 1;
    }
    const int s = m_freeSlots.back();
    m_freeSlots.pop_back();
    return s;
}

void DecisionTreeBuilder::finalizeLeaf(const Candidate &c)
{
    m_leaves.push_back({ c.node, c.begin, c.end });
    if (c.slot >= 0)
        m_freeSlots.push_back(c.slot);
}

bool DecisionTreeBuilder::canSplit(const double *sums, int count, int depth) const
{
    const TreeGrowParams &p = m_params;
    if (p.maxDepth >= 0 && depth >= p.maxDepth)
        return false;
    if (count < p.minSamplesSplit || count < 2 * p.minSamplesLeaf)
        return false;
    const int S = p.statDim;
    switch (p.criterion) {
    case SplitCriterion::Gini:
    case SplitCriterion::Entropy:
    case SplitCriterion::GainRatio: {
        int nonEmpty = 0;
        for (int k = 0; k < S; ++k)
            nonEmpty += sums[k] > 0;
        return nonEmpty > 1;
    }
    case SplitCriterion::SquaredError: {
        if (!(sums[0] > 0))
            return false;
        const double mean = sums[1] / sums[0];
        const double var = sums[2] / sums[0] - mean * mean;
        return var > 1e-12 * (1.0 + mean * mean);
    }
    case SplitCriterion::Gradient:
        return sums[1] >= 2 * p.minHessian;
    }
    return false;
}

// Higher is better; the gain of a split is score(left) + score(right) - score(parent).
double DecisionTreeBuilder::score(const double *s) const
{
    const int S = m_params.statDim;
    switch (m_params.criterion) {
    case SplitCriterion::Gini: {
        double w = 0, sq = 0;
        for (int k = 0; k < S; ++k) {
            w += s[k];
            sq += s[k] * s[k];
        }
        return w > 0 ? sq / w : 0.0;
    }
    case SplitCriterion::Entropy:
    case SplitCriterion::GainRatio: {
        double w = 0;
        for (int k = 0; k < S; ++k)
            w += s[k];
        double e = 0;
        for (int k = 0; k < S; ++k)
            if (s[k] > 0)
                e += s[k] * std::log(s[k] / w);
        return e;
    }
    case SplitCriterion::SquaredError:
        return s[0] > 0 ? s[1] * s[1] / s[0] : 0.0;
    case SplitCriterion::Gradient:
        return s[0] * s[0] / (s[1] + m_params.l2);
    }
    return 0;
}

void DecisionTreeBuilder::setValue(DecisionTreeModel &tree, int node, const double *s) const
{
    double *v = tree.values(node);
    const int S = m_params.statDim;
    switch (m_params.criterion) {
    case SplitCriterion::Gini:
    case SplitCriterion::Entropy:
    case SplitCriterion::GainRatio: {
        double w = 0;
        for (int k = 0; k < S; ++k)
            w += s[k];
        for (int k = 0; k < S; ++k)
            v[k] = w > 0 ? s[k] / w : 1.0 / S;
        break;
    }
    case SplitCriterion::SquaredError:
        v[0] = s[0] > 0 ? s[1] / s[0] : 0.0;
        break;
    case SplitCriterion::Gradient:
        v[0] = -s[0] / (s[1] + m_params.l2) * m_params.learningRate;
        break;
    }
}

void DecisionTreeBuilder::buildHistograms(double *slot, const std::uint32_t *rows, int count,
    const double *stats, const int *features, int featureCount, bool parallel, bool gather)
{
    const int S = m_params.statDim;
    // Gather the node's stats in row-list order: the feature loops then read them
    // sequentially and only the one-byte codes are accessed at random.
    const double *ordered = m_ordered.data();
    const std::uint8_t *cls = m_orderedClass.data();
    const double *weight = m_orderedWeight.data();
    bool root = false;
    if (count == m_rowCount && rows[0] == 0
        && rows[count - 1] == static_cast<std::uint32_t>(count - 1)) {
        root = true;
        // Every row, so a root: callers list them in order (0..n-1), the stats are
        // already in row-list order.
        ordered = stats;
        cls = m_rowClass.data();
        weight = m_rowWeight.data();
    } else if (gather) {
        gatherNode(rows, count, stats); // may reallocate the buffers
        ordered = m_ordered.data();
        cls = m_orderedClass.data();
        weight = m_orderedWeight.data();
    }
    const bool classRows = m_classRows;
    const bool wholeRoot
        = root && S == 2 && !classRows && m_subtract && featureCount == m_featureCount;
    const bool useRootCounts = wholeRoot && !m_rootCounts.empty();
    const auto run = [&](std::int64_t begin, std::int64_t end) {
        const auto histOf = [&](int f) { return slot + (m_subtract ? histOffset(f) : 0); };
        std::int64_t j = begin;
        if (classRows) {
            while (j < end) {
                const int k = static_cast<int>(std::min<std::int64_t>(4, end - j));
                double *hists[4];
                const std::uint8_t *cols[4];
                for (int q = 0; q < k; ++q) {
                    const int f = features[j + q];
                    hists[q] = histOf(f);
                    std::fill_n(
                        hists[q], static_cast<std::size_t>(m_binner.binCount(f)) * m_stride, 0.0);
                    cols[q] = m_codes + static_cast<std::size_t>(f) * m_rowCount;
                }
                accumulateClassBlock(k, hists, cols, rows, count, cls, weight, m_stride);
                j += k;
            }
        } else if (S == 2 || S == 3) {
            // Blocks of up to four features.
            while (j < end) {
                const int k = static_cast<int>(std::min<std::int64_t>(4, end - j));
                double *hists[4];
                const std::uint8_t *cols[4];
                for (int q = 0; q < k; ++q) {
                    const int f = features[j + q];
                    hists[q] = histOf(f);
                    std::fill_n(
                        hists[q], static_cast<std::size_t>(m_binner.binCount(f)) * m_stride, 0.0);
                    cols[q] = m_codes + static_cast<std::size_t>(f) * m_rowCount;
                }
                if (useRootCounts) {
                    // The root's bin counts are the same for every tree: add (g, h) only
                    // and copy the counts.
                    accumulateBlock<2, false>(k, hists, cols, rows, count, ordered);
                    for (int q = 0; q < k; ++q) {
                        const int f = features[j + q];
                        const double *counts
                            = m_rootCounts.data() + m_binOffset[static_cast<std::size_t>(f)];
                        for (int b = 0, nb = m_binner.binCount(f); b < nb; ++b)
                            hists[q][static_cast<std::size_t>(b) * 3 + 2] = counts[b];
                    }
                } else if (S == 2) {
                    accumulateBlock<2, true>(k, hists, cols, rows, count, ordered);
                } else {
                    accumulateBlock<3, true>(k, hists, cols, rows, count, ordered);
                }
                j += k;
            }
        }
        for (; j < end; ++j) {
            const int f = features[j];
            double *hist = histOf(f);
            std::fill_n(hist, static_cast<std::size_t>(m_binner.binCount(f)) * m_stride, 0.0);
            const std::uint8_t *col = m_codes + static_cast<std::size_t>(f) * m_rowCount;
            if (S == 2)
                accumulate<2>(hist, col, rows, count, ordered, S);
            else if (S == 3)
                accumulate<3>(hist, col, rows, count, ordered, S);
            else
                accumulate<0>(hist, col, rows, count, ordered, S);
        }
    };
    const int threads = parallel ? std::min(m_params.threads, featureCount) : 1;
    if (threads > 1 && static_cast<std::int64_t>(count) * featureCount >= 40000) {
        // Contiguous feature ranges, one per thread; each feature's histogram is built
        // by one thread in row order, so the result does not depend on the thread count.
        ThreadPool::shared().run(threads, [&](int t) {
            run(static_cast<std::int64_t>(featureCount) * t / threads,
                static_cast<std::int64_t>(featureCount) * (t + 1) / threads);
        });
    } else {
        run(0, featureCount);
    }
    if (wholeRoot && m_rootCounts.empty()) {
        m_rootCounts.assign(m_binOffset.back(), 0.0);
        for (int f = 0; f < m_featureCount; ++f)
            for (int b = 0, nb = m_binner.binCount(f); b < nb; ++b)
                m_rootCounts[m_binOffset[static_cast<std::size_t>(f)] + static_cast<std::size_t>(b)]
                    = slot[histOffset(f) + static_cast<std::size_t>(b) * 3 + 2];
    }
}

void DecisionTreeBuilder::gatherNode(const std::uint32_t *rows, int count, const double *stats)
{
    const std::size_t n = static_cast<std::size_t>(count);
    if (m_classRows) {
        if (m_orderedClass.size() < n) {
            m_orderedClass.resize(n);
            m_orderedWeight.resize(n);
        }
        for (std::size_t i = 0; i < n; ++i) {
            m_orderedClass[i] = m_rowClass[rows[i]];
            m_orderedWeight[i] = m_rowWeight[rows[i]];
        }
        return;
    }
    const int S = m_params.statDim;
    if (m_ordered.size() < n * S)
        m_ordered.resize(n * S);
    if (S == 2)
        gatherStats<2>(m_ordered.data(), stats, rows, count, S);
    else if (S == 3)
        gatherStats<3>(m_ordered.data(), stats, rows, count, S);
    else
        gatherStats<0>(m_ordered.data(), stats, rows, count, S);
}

void DecisionTreeBuilder::evaluate(
    Candidate &c, const double *sums, const std::vector<std::uint32_t> &rows, const double *stats)
{
    c.gain = kNoGain;
    c.feature = -1;
    c.bin = -1;
    const int stride = m_stride;
    const bool gradient = m_params.criterion == SplitCriterion::Gradient;
    double *bestLeft = m_splitLeft.data() + static_cast<std::size_t>(c.node) * stride;

    int drawn = m_featureCount;
    if (!m_subtract) {
        // Partial Fisher-Yates: the first maxFeatures entries are this node's draw.
        drawn = m_params.maxFeatures;
        for (int j = 0; j < drawn; ++j) {
            const int k = j
                + static_cast<int>(
                    uniformIndex(m_rng, static_cast<std::uint32_t>(m_featureCount - j)));
            std::swap(
                m_features[static_cast<std::size_t>(j)], m_features[static_cast<std::size_t>(k)]);
        }
    }
    scanFeatures(c, sums, rows, stats, 0, drawn, bestLeft);
    // Boosting needs a strictly positive gain (scikit-learn's min_gain_to_split = 0);
    // CART takes the best valid split of an impure node even when rounding makes the
    // decrease look slightly negative.
    if (gradient && !(c.gain > 0))
        c.feature = -1;
}

// Looks for the best split of node c among the features m_features[j0, j1) and updates c
// (and bestLeft, the best split's left sums) when one beats c.gain. Features are scanned
// in order and only a strictly better gain replaces the current best, so scanning ranges
// one after the other in order gives the same result as scanning them at once.
void DecisionTreeBuilder::scanFeatures(Candidate &c, const double *sums,
    const std::vector<std::uint32_t> &rows, const double *stats, int j0, int j1, double *bestLeft)
{
    const int S = m_params.statDim;
    const int stride = m_stride;
    const int count = c.end - c.begin;
    const double parentScore = score(sums);
    const int minLeaf = m_params.minSamplesLeaf;
    const bool gradient = m_params.criterion == SplitCriterion::Gradient;
    double left[64 + 1];
    double right[64 + 1];
    const bool ratio = m_params.criterion == SplitCriterion::GainRatio;
    if (ratio) {
        m_ratioBest.clear();
        m_ratioLeft.resize(static_cast<std::size_t>(j1 - j0) * stride);
    }
    for (int j = j0; j < j1; ++j) {
        const int f = m_features[static_cast<std::size_t>(j)];
        const double *hist;
        if (m_subtract) {
            hist = m_slots[static_cast<std::size_t>(c.slot)].data() + histOffset(f);
        } else {
            buildHistograms(
                m_scratch.data(), rows.data() + c.begin, count, stats, &f, 1, false, j == 0);
            hist = m_scratch.data();
        }
        const int nb = m_binner.binCount(f);
        if (isCategorical(f)) {
            if (ratio) {
                FeatureBest fb { kNoGain, f, -1, -1, 0, {} };
                for (int b = 0; b < nb; ++b)
                    fb.values += hist[static_cast<std::size_t>(b) * stride + S] > 0;
                double *fbLeft
                    = m_ratioLeft.data() + m_ratioBest.size() * static_cast<std::size_t>(stride);
                if (scanCategorical(hist, nb, sums, count, parentScore, fb.gain, fb.mask, fbLeft)) {
                    fb.bin = 0;
                    fb.binHigh = 1;
                    m_ratioBest.push_back(fb);
                }
            } else if (scanCategorical(
                           hist, nb, sums, count, parentScore, c.gain, c.mask, bestLeft)) {
                c.feature = f;
                c.bin = 0;
                c.binHigh = 1;
            }
            continue;
        }
        if (gradient && S == 2) {
            // The boosting loop with score() inlined (same arithmetic, same order).
            const double l2 = m_params.l2, minH = m_params.minHessian;
            double lg = 0, lh = 0, lc = 0;
            for (int b = 0; b + 1 < nb; ++b) {
                const double *cell = hist + static_cast<std::size_t>(b) * 3;
                if (cell[2] == 0)
                    continue;
                lg += cell[0];
                lh += cell[1];
                lc += cell[2];
                const double rightCount = count - lc;
                if (lc < minLeaf)
                    continue;
                if (rightCount < minLeaf)
                    break;
                const double rg = sums[0] - lg;
                const double rh = sums[1] - lh;
                if (lh < minH || rh < minH)
                    continue;
                const double g = lg * lg / (lh + l2) + rg * rg / (rh + l2) - parentScore;
                if (g > c.gain) {
                    c.gain = g;
                    c.feature = f;
                    c.bin = b;
                    c.binHigh = b + 1;
                    while (c.binHigh + 1 < nb
                        && hist[static_cast<std::size_t>(c.binHigh) * 3 + 2] == 0)
                        ++c.binHigh;
                    bestLeft[0] = lg;
                    bestLeft[1] = lh;
                    bestLeft[2] = lc;
                }
            }
            continue;
        }
        std::fill_n(left, stride, 0.0);
        FeatureBest fb { kNoGain, f, -1, -1, 0, {} };
        double *fbLeft = nullptr;
        if (ratio) {
            for (int b = 0; b < nb; ++b)
                fb.values += hist[static_cast<std::size_t>(b) * stride + S] > 0;
            fbLeft = m_ratioLeft.data() + m_ratioBest.size() * static_cast<std::size_t>(stride);
        }
        for (int b = 0; b + 1 < nb; ++b) {
            const double *cell = hist + static_cast<std::size_t>(b) * stride;
            if (cell[S] == 0)
                continue;
            for (int k = 0; k < stride; ++k)
                left[k] += cell[k];
            const double rightCount = count - left[S];
            if (left[S] < minLeaf)
                continue;
            if (rightCount < minLeaf)
                break;
            for (int k = 0; k < stride; ++k)
                right[k] = sums[k] - left[k];
            right[S] = rightCount;
            if (!sidesAllowed(left, right))
                continue;
            const double g = score(left) + score(right) - parentScore;
            if (ratio) {
                if (g > fb.gain) {
                    fb.gain = g;
                    fb.bin = b;
                    std::copy_n(left, stride, fbLeft);
                }
                continue;
            }
            if (g > c.gain) {
                c.gain = g;
                c.feature = f;
                c.bin = b;
                c.binHigh = b + 1;
                while (c.binHigh + 1 < nb
                    && hist[static_cast<std::size_t>(c.binHigh) * stride + S] == 0)
                    ++c.binHigh;
                std::copy_n(left, stride, bestLeft);
            }
        }
        if (ratio && fb.bin >= 0) {
            fb.binHigh = fb.bin + 1;
            while (
                fb.binHigh + 1 < nb && hist[static_cast<std::size_t>(fb.binHigh) * stride + S] == 0)
                ++fb.binHigh;
            m_ratioBest.push_back(fb);
        }
    }
    if (ratio)
        chooseGainRatio(c, sums, bestLeft);
}

bool DecisionTreeBuilder::sidesAllowed(const double *left, const double *right) const
{
    if (m_params.criterion == SplitCriterion::Gradient)
        return left[1] >= m_params.minHessian && right[1] >= m_params.minHessian;
    double wl = 0, wr = 0;
    if (m_params.criterion == SplitCriterion::SquaredError) {
        wl = left[0];
        wr = right[0];
    } else {
        for (int k = 0; k < m_params.statDim; ++k) {
            wl += left[k];
            wr += right[k];
        }
    }
    return wl > 0 && wr > 0;
}

bool DecisionTreeBuilder::scanCategorical(const double *hist, int nb, const double *sums, int count,
    double parentScore, double &gain, std::uint64_t *mask, double *bestLeft)
{
    const int S = m_params.statDim;
    const int stride = m_stride;
    const SplitCriterion criterion = m_params.criterion;
    const bool gradient = criterion == SplitCriterion::Gradient;
    const bool classification = criterion == SplitCriterion::Gini
        || criterion == SplitCriterion::Entropy || criterion == SplitCriterion::GainRatio;
    const double minLeaf = m_params.minSamplesLeaf;
    const auto cell = [&](int b) { return hist + static_cast<std::size_t>(b) * stride; };
    int bins[256];
    int m = 0;
    for (int b = 0; b < nb; ++b)
        if (cell(b)[S] > 0)
            bins[m++] = b;
    if (m < 2)
        return false;
    double left[64 + 1];
    double right[64 + 1];
    bool improved = false;
    // The gain of the split whose left sums are `left` (kNoGain when not allowed).
    const auto gainOf = [&]() {
        const double rightCount = count - left[S];
        if (left[S] < minLeaf || rightCount < minLeaf)
            return kNoGain;
        for (int k = 0; k < stride; ++k)
            right[k] = sums[k] - left[k];
        right[S] = rightCount;
        if (!sidesAllowed(left, right))
            return kNoGain;
        return score(left) + score(right) - parentScore;
    };
    // Records the split of the bins bins[order[i]] for which `isLeft(i)` holds.
    const auto take = [&](double g, const auto &isLeft) {
        gain = g;
        improved = true;
        std::fill_n(mask, 4, std::uint64_t(0));
        for (int i = 0; i < m; ++i)
            if (isLeft(i))
                mask[bins[i] >> 6] |= std::uint64_t(1) << (bins[i] & 63);
        std::copy_n(left, stride, bestLeft);
    };
    const auto addCell = [&](int b) {
        const double *c = cell(b);
        for (int k = 0; k < stride; ++k)
            left[k] += c[k];
    };
    if (classification && S > 2 && m <= TreeGrowParams::kExhaustiveCategories) {
        // Every bipartition: the subsets of the first m - 1 categories (the last one always
        // goes right), in Gray-code order, so each differs from the one before by one
        // category added or taken out. Sums start again from zero every 64 subsets (class
        // weights that are not integers would otherwise drift).
        const std::uint32_t subsets = std::uint32_t(1) << (m - 1);
        std::fill_n(left, stride, 0.0);
        for (std::uint32_t i = 1; i < subsets; ++i) {
            const std::uint32_t set = i ^ (i >> 1);
            if ((i & 63u) == 0) {
                std::fill_n(left, stride, 0.0);
                for (int q = 0; q + 1 < m; ++q)
                    if (set >> q & 1u)
                        addCell(bins[q]);
            } else {
                const int flip = __builtin_ctz(i);
                const double *c = cell(bins[flip]);
                const double sign = set >> flip & 1u ? 1.0 : -1.0;
                for (int k = 0; k < stride; ++k)
                    left[k] += sign * c[k];
            }
            const double g = gainOf();
            if (g > gain)
                take(g, [&](int i) { return i + 1 < m && (set >> i & 1u); });
        }
    } else {
        // Cuts of orders of the categories: one key per order.
        const int orders = classification && S > 2 ? S : 1;
        int order[256];
        double key[256];
        for (int o = 0; o < orders; ++o) {
            for (int i = 0; i < m; ++i) {
                const double *c = cell(bins[i]);
                double k = 0;
                if (gradient) {
                    k = c[0] / (c[1] + m_params.l2);
                } else if (criterion == SplitCriterion::SquaredError) {
                    k = c[0] > 0 ? c[1] / c[0] : 0.0;
                } else {
                    double w = 0;
                    for (int q = 0; q < S; ++q)
                        w += c[q];
                    k = w > 0 ? c[S == 2 ? 1 : o] / w : 0.0;
                }
                key[i] = k;
                order[i] = i;
            }
            std::stable_sort(order, order + m, [&](int a, int b) { return key[a] < key[b]; });
            std::fill_n(left, stride, 0.0);
            for (int cut = 0; cut + 1 < m; ++cut) {
                addCell(bins[order[cut]]);
                const double g = gainOf();
                if (g > gain) {
                    int rank[256];
                    for (int i = 0; i < m; ++i)
                        rank[order[i]] = i;
                    take(g, [&](int i) { return rank[i] <= cut; });
                }
            }
        }
    }
    if (!improved)
        return false;
    // Categories absent from the node follow the larger child.
    if (bestLeft[S] >= count - bestLeft[S])
        for (int b = 0; b < nb; ++b)
            if (!(cell(b)[S] > 0))
                mask[b >> 6] |= std::uint64_t(1) << (b & 63);
    return true;
}

// C4.5's choice among the features' best splits (m_ratioBest, found by information gain):
// gains in bits per row, less log2(thresholds) / W; among the features whose corrected gain
// is at least the average (and positive), the largest gain / split information.
void DecisionTreeBuilder::chooseGainRatio(Candidate &c, const double *sums, double *bestLeft)
{
    const int S = m_params.statDim;
    const int stride = m_stride;
    double W = 0;
    for (int k = 0; k < S; ++k)
        W += sums[k];
    const double ln2 = std::log(2.0);
    const std::size_t m = m_ratioBest.size();
    std::vector<double> corrected(m), info(m);
    double average = 0;
    for (std::size_t i = 0; i < m; ++i) {
        const FeatureBest &fb = m_ratioBest[i];
        corrected[i] = fb.gain / (W * ln2) - std::log2(std::max(1, fb.values - 1)) / W;
        const double *l = m_ratioLeft.data() + i * static_cast<std::size_t>(stride);
        double wl = 0;
        for (int k = 0; k < S; ++k)
            wl += l[k];
        const double p = wl / W;
        info[i] = p > 0 && p < 1 ? -(p * std::log2(p) + (1 - p) * std::log2(1 - p)) : 0.0;
        average += corrected[i];
    }
    if (m > 0)
        average /= static_cast<double>(m);
    constexpr double eps = 1e-9;
    double bestRatio = kNoGain;
    std::size_t best = m;
    for (std::size_t i = 0; i < m; ++i) {
        if (!(corrected[i] > eps) || corrected[i] < average - eps || !(info[i] > eps))
            continue;
        const double r = corrected[i] / info[i];
        if (r > bestRatio) {
            bestRatio = r;
            best = i;
        }
    }
    if (best == m) {
        m_ratioBest.clear();
        return; // no split worth its cost: a leaf
    }
    const FeatureBest fb = m_ratioBest[best];
    m_ratioBest.clear();
    c.gain = bestRatio;
    c.feature = fb.feature;
    c.bin = fb.bin;
    c.binHigh = fb.binHigh;
    std::copy_n(fb.mask, 4, c.mask);
    std::copy_n(m_ratioLeft.data() + best * static_cast<std::size_t>(stride), stride, bestLeft);
}

// Subtraction mode, after a split: the smaller child's histograms are built from its rows,
// the larger's are the parent's (in large.slot) minus them, and the children that may
// split are evaluated. Work is split into contiguous feature ranges (one per thread when
// the child is big enough); each range is scanned in feature order and the ranges' bests
// are combined in range order, so the result does not depend on the thread count.
void DecisionTreeBuilder::splitChildren(Candidate &lc, Candidate &rc, bool lSplit, bool rSplit,
    const Candidate &small, const Candidate &large, const std::vector<std::uint32_t> &rows,
    const double *stats)
{
    const int stride = m_stride;
    const int d = m_featureCount;
    const int smallCount = small.end - small.begin;
    const std::uint32_t *smallRows = rows.data() + small.begin;
    double *smallHist = m_slots[static_cast<std::size_t>(small.slot)].data();
    double *largeHist = m_slots[static_cast<std::size_t>(large.slot)].data();
    const double *lSums = m_sums.data() + static_cast<std::size_t>(lc.node) * stride;
    const double *rSums = m_sums.data() + static_cast<std::size_t>(rc.node) * stride;

    // The small child's stats in row-list order (see buildHistograms).
    gatherNode(smallRows, smallCount, stats);

    struct Part {
        Candidate l, r;
        double lLeft[64 + 1];
        double rLeft[64 + 1];
    };
    const int threads = std::min(m_params.threads, d);
    // The gain ratio compares every feature with the average gain: one scan over all.
    const int parts = threads > 1 && static_cast<std::int64_t>(smallCount) * d >= 40000
            && m_params.criterion != SplitCriterion::GainRatio
        ? threads
        : 1;
    Part local[16];
    const int used = std::min(parts, 16);
    const auto work = [&](int t) {
        const int j0 = d * t / used, j1 = d * (t + 1) / used;
        buildHistograms(
            smallHist, smallRows, smallCount, stats, m_features.data() + j0, j1 - j0, false, false);
        for (int j = j0; j < j1; ++j) {
            const int f = m_features[static_cast<std::size_t>(j)];
            const std::size_t off = histOffset(f);
            const std::size_t len = static_cast<std::size_t>(m_binner.binCount(f)) * stride;
            for (std::size_t k = 0; k < len; ++k)
                largeHist[off + k] -= smallHist[off + k];
        }
        Part &p = local[t];
        p.l = lc;
        p.r = rc;
        if (lSplit)
            scanFeatures(p.l, lSums, rows, stats, j0, j1, p.lLeft);
        if (rSplit)
            scanFeatures(p.r, rSums, rows, stats, j0, j1, p.rLeft);
    };
    if (used > 1)
        ThreadPool::shared().run(used, work);
    else
        work(0);

    const bool gradient = m_params.criterion == SplitCriterion::Gradient;
    const auto combine = [&](Candidate &c, bool left) {
        double *bestLeft = m_splitLeft.data() + static_cast<std::size_t>(c.node) * stride;
        for (int t = 0; t < used; ++t) {
            const Candidate &p = left ? local[t].l : local[t].r;
            if (p.gain > c.gain) {
                c.gain = p.gain;
                c.feature = p.feature;
                c.bin = p.bin;
                c.binHigh = p.binHigh;
                std::copy_n(p.mask, 4, c.mask);
                std::copy_n(left ? local[t].lLeft : local[t].rLeft, stride, bestLeft);
            }
        }
        if (gradient && !(c.gain > 0))
            c.feature = -1;
    };
    if (lSplit)
        combine(lc, true);
    if (rSplit)
        combine(rc, false);
}

bool DecisionTreeBuilder::build(std::vector<std::uint32_t> &rows, const double *stats,
    std::uint64_t seed, DecisionTreeModel &tree, const std::atomic<bool> *cancel)
{
    const int S = m_params.statDim;
    const int stride = m_stride;
    if (S > 64)
        return false; // callers validate: at most 64 classes
    clearUpperVectorState();
    tree = DecisionTreeModel(m_params.criterion == SplitCriterion::Gini
                || m_params.criterion == SplitCriterion::Entropy
                || m_params.criterion == SplitCriterion::GainRatio
            ? S
            : 1);
    m_leaves.clear();
    m_candidates.clear();
    m_freeSlots.clear();
    for (int s = static_cast<int>(m_slots.size()) - 1; s >= 0; --s)
        m_freeSlots.push_back(s);
    m_rng = seed;
    for (int f = 0; f < m_featureCount; ++f)
        m_features[static_cast<std::size_t>(f)] = f;
    m_tmp.resize(rows.size());
    const int n = static_cast<int>(rows.size());

    // Classification stats with at most one non-zero class weight per row (what
    // treelearner::rowStats writes) are kept as (class, weight): histograms then add one
    // weight and one count per row instead of S + 1 sums, with the same results.
    m_classRows = false;
    if (m_params.criterion == SplitCriterion::Gini || m_params.criterion == SplitCriterion::Entropy
        || m_params.criterion == SplitCriterion::GainRatio) {
        m_rowClass.resize(static_cast<std::size_t>(m_rowCount));
        m_rowWeight.resize(static_cast<std::size_t>(m_rowCount));
        bool single = true;
        for (int i = 0; i < n && single; ++i) {
            const std::uint32_t r = rows[static_cast<std::size_t>(i)];
            const double *st = stats + static_cast<std::size_t>(r) * S;
            int k = 0, nonZero = 0;
            for (int c = 0; c < S; ++c)
                if (st[c] != 0) {
                    k = c;
                    ++nonZero;
                }
            single = nonZero <= 1 && st[k] >= 0;
            m_rowClass[r] = static_cast<std::uint8_t>(k);
            m_rowWeight[r] = st[k];
        }
        m_classRows = single;
    }

    const auto sumsOf = [&](int node) {
        const std::size_t need = static_cast<std::size_t>(node + 1) * stride;
        if (m_sums.size() < need) {
            m_sums.resize(need * 2);
            m_splitLeft.resize(need * 2);
        }
        return m_sums.data() + static_cast<std::size_t>(node) * stride;
    };

    const int root = tree.addNode();
    double *rootSums = sumsOf(root);
    std::fill_n(rootSums, stride, 0.0);
    for (int i = 0; i < n; ++i) {
        const double *st = stats + static_cast<std::size_t>(rows[static_cast<std::size_t>(i)]) * S;
        for (int k = 0; k < S; ++k)
            rootSums[k] += st[k];
    }
    rootSums[S] = n;
    setValue(tree, root, rootSums);

    Candidate rc { root, 0, n, 0, -1, kNoGain, -1, -1, -1, {} };
    if (n > 0 && canSplit(rootSums, n, 0)) {
        if (m_subtract) {
            rc.slot = acquireSlot();
            buildHistograms(m_slots[static_cast<std::size_t>(rc.slot)].data(), rows.data(), n,
                stats, m_features.data(), m_featureCount, true, true);
        }
        evaluate(rc, sumsOf(root), rows, stats);
    }
    if (rc.feature >= 0)
        m_candidates.push_back(rc);
    else
        finalizeLeaf(rc);

    const bool bestFirst = m_params.maxLeafNodes > 0;
    while (!m_candidates.empty()) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        if (bestFirst
            && static_cast<int>(m_leaves.size() + m_candidates.size()) >= m_params.maxLeafNodes) {
            for (const Candidate &c : m_candidates)
                finalizeLeaf(c);
            m_candidates.clear();
            break;
        }
        std::size_t pick = m_candidates.size() - 1;
        if (bestFirst)
            for (std::size_t i = 0; i < m_candidates.size(); ++i)
                if (m_candidates[i].gain > m_candidates[pick].gain
                    || (m_candidates[i].gain == m_candidates[pick].gain
                        && m_candidates[i].node < m_candidates[pick].node))
                    pick = i;
        const Candidate c = m_candidates[pick];
        m_candidates.erase(m_candidates.begin() + static_cast<std::ptrdiff_t>(pick));

        // Stable partition of the node's rows: bin <= c.bin goes left (a categorical
        // feature: the bins of c.mask).
        const std::uint8_t *col = m_codes + static_cast<std::size_t>(c.feature) * m_rowCount;
        const bool categorical = isCategorical(c.feature);
        const int nb = m_binner.binCount(c.feature);
        std::uint8_t goesLeft[256];
        for (int b = 0; b < 256; ++b)
            goesLeft[b] = categorical ? (c.mask[b >> 6] >> (b & 63) & 1u) : b <= c.bin;
        int nl = 0, nr = 0;
        {
            // Branchless: every row is written to both outputs, the counters say which
            // write stays.
            std::uint32_t *out = rows.data() + c.begin;
            std::uint32_t *tmp = m_tmp.data();
            for (int i = c.begin; i < c.end; ++i) {
                const std::uint32_t r = rows[static_cast<std::size_t>(i)];
                const int goLeft = goesLeft[col[r]];
                out[nl] = r;
                tmp[nr] = r;
                nl += goLeft;
                nr += 1 - goLeft;
            }
        }
        std::copy_n(m_tmp.data(), nr, rows.data() + c.begin + nl);

        const int ln = tree.addNode();
        const int rn = tree.addNode();
        if (categorical)
            tree.setCategoricalSplit(c.node, c.feature, nb - 1, goesLeft, ln, rn);
        else
            tree.setSplit(c.node, c.feature,
                m_params.midpointThresholds ? m_binner.splitThreshold(c.feature, c.bin, c.binHigh)
                                            : m_binner.upperEdge(c.feature, c.bin),
                ln, rn);
        // sumsOf may grow the buffers: take pointers afterwards.
        sumsOf(rn);
        const double *parent = m_sums.data() + static_cast<std::size_t>(c.node) * stride;
        const double *bestLeft = m_splitLeft.data() + static_cast<std::size_t>(c.node) * stride;
        double *ls = m_sums.data() + static_cast<std::size_t>(ln) * stride;
        double *rs = m_sums.data() + static_cast<std::size_t>(rn) * stride;
        for (int k = 0; k < stride; ++k) {
            ls[k] = bestLeft[k];
            rs[k] = parent[k] - bestLeft[k];
        }
        ls[S] = nl;
        rs[S] = nr;
        setValue(tree, ln, ls);
        setValue(tree, rn, rs);

        Candidate lc { ln, c.begin, c.begin + nl, c.depth + 1, -1, kNoGain, -1, -1, -1, {} };
        Candidate rcand { rn, c.begin + nl, c.end, c.depth + 1, -1, kNoGain, -1, -1, -1, {} };
        const bool lSplit = canSplit(ls, nl, lc.depth);
        const bool rSplit = canSplit(rs, nr, rcand.depth);
        if (m_subtract) {
            if (lSplit || rSplit) {
                Candidate &small = nl <= nr ? lc : rcand;
                Candidate &large = nl <= nr ? rcand : lc;
                small.slot = acquireSlot();
                large.slot = c.slot;
                splitChildren(lc, rcand, lSplit, rSplit, small, large, rows, stats);
            } else {
                m_freeSlots.push_back(c.slot);
            }
        } else {
            if (lSplit)
                evaluate(lc, m_sums.data() + static_cast<std::size_t>(ln) * stride, rows, stats);
            if (rSplit)
                evaluate(rcand, m_sums.data() + static_cast<std::size_t>(rn) * stride, rows, stats);
        }
        // Depth-first order: the left child is popped first.
        for (Candidate *child : { &rcand, &lc }) {
            if (child->feature >= 0)
                m_candidates.push_back(*child);
            else
                finalizeLeaf(*child);
        }
    }
    return true;
}

} // namespace sextant::engine
