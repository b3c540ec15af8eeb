#include "ml/FeatureBinner.h"

#include "core/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sextant::engine {

namespace {

// Order-preserving map of a finite double to an unsigned key.
inline std::uint64_t sortKey(double x)
{
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    return (u & 0x8000000000000000ull) ? ~u : (u | 0x8000000000000000ull);
}

inline double fromSortKey(std::uint64_t k)
{
    const std::uint64_t u = (k & 0x8000000000000000ull) ? (k & ~0x8000000000000000ull) : ~k;
    double x;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

// Sorts n finite doubles ascending: LSD radix sort on 11-bit digits (digits every key
// shares are skipped); std::sort for small inputs. Same order as std::sort except that
// -0.0 comes before +0.0 (they compare equal).
void sortValues(const double *src, std::size_t n, std::vector<double> &out,
    std::vector<std::uint64_t> &keys, std::vector<std::uint64_t> &tmp)
{
    out.resize(n);
    if (n < 2048) {
        std::copy_n(src, n, out.data());
        std::sort(out.begin(), out.end());
        return;
    }
    constexpr int kBits = 11, kRadix = 1 << kBits, kPasses = (64 + kBits - 1) / kBits;
    keys.resize(n);
    tmp.resize(n);
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(kPasses) * kRadix, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = sortKey(src[i]);
        keys[i] = k;
        for (int p = 0; p < kPasses; ++p)
            ++counts[static_cast<std::size_t>(p) * kRadix + ((k >> (p * kBits)) & (kRadix - 1))];
    }
    std::uint64_t *from = keys.data(), *to = tmp.data();
    for (int p = 0; p < kPasses; ++p) {
        std::uint32_t *c = counts.data() + static_cast<std::size_t>(p) * kRadix;
        if (c[(from[0] >> (p * kBits)) & (kRadix - 1)] == n)
            continue; // every key has this digit
        std::uint32_t sum = 0;
        for (int b = 0; b < kRadix; ++b) {
            const std::uint32_t v = c[b];
            c[b] = sum;
            sum += v;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t k = from[i];
            to[c[(k >> (p * kBits)) & (kRadix - 1)]++] = k;
        }
        std::swap(from, to);
    }
    for (std::size_t i = 0; i < n; ++i)
        out[i] = fromSortKey(from[i]);
}

} // namespace

void FeatureBinner::fit(const Eigen::Ref<const Eigen::MatrixXd> &X, int maxBins, int threads)
{
    maxBins = std::clamp(maxBins, 2, kMaxBins);
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    m_edges.assign(static_cast<std::size_t>(d), {});
    m_values.assign(static_cast<std::size_t>(d), {});
    parallelChunks(0, d, threads, 1, [&](int, std::int64_t begin, std::int64_t end) {
        std::vector<double> col;
        std::vector<std::uint64_t> keys, tmp;
        for (std::int64_t f = begin; f < end; ++f) {
            sortValues(X.col(f).data(), static_cast<std::size_t>(n), col, keys, tmp);
            std::vector<double> &edges = m_edges[static_cast<std::size_t>(f)];
            // Distinct values, counted up to maxBins + 1.
            std::vector<double> distinct;
            distinct.reserve(static_cast<std::size_t>(maxBins) + 1);
            for (std::size_t i = 0; i < col.size(); ++i)
                if (distinct.empty() || col[i] != distinct.back()) {
                    distinct.push_back(col[i]);
                    if (static_cast<int>(distinct.size()) > maxBins)
                        break;
                }
            if (static_cast<int>(distinct.size()) <= maxBins) {
                m_values[static_cast<std::size_t>(f)] = distinct;
                for (std::size_t i = 1; i < distinct.size(); ++i)
                    edges.push_back(distinct[i - 1] + (distinct[i] - distinct[i - 1]) * 0.5);
            } else {
                for (int q = 1; q < maxBins; ++q) {
                    const double pos
                        = static_cast<double>(q) / maxBins * static_cast<double>(n - 1);
                    const auto lo = static_cast<std::size_t>(std::floor(pos));
                    const auto hi = static_cast<std::size_t>(std::ceil(pos));
                    const double v = col[lo] + (col[hi] - col[lo]) * 0.5;
                    if (edges.empty() || v > edges.back())
                        edges.push_back(v);
                }
                // An edge at the maximum would leave the last bin empty.
                while (!edges.empty() && edges.back() >= col.back())
                    edges.pop_back();
            }
        }
    });
}

void FeatureBinner::setCategorical(int feature, int codes)
{
    std::vector<double> &edges = m_edges[static_cast<std::size_t>(feature)];
    std::vector<double> &values = m_values[static_cast<std::size_t>(feature)];
    edges.clear();
    values.clear();
    for (int c = 0; c < codes; ++c) {
        values.push_back(c);
        if (c + 1 < codes)
            edges.push_back(c + 0.5);
    }
}

std::uint8_t FeatureBinner::binOf(int feature, double x) const
{
    const std::vector<double> &e = m_edges[static_cast<std::size_t>(feature)];
    // First edge with x <= edge; NaN compares false everywhere and lands in the last bin.
    // Branchless lower bound: count of edges strictly below x.
    const double *base = e.data();
    std::size_t len = e.size();
    while (len > 1) {
        const std::size_t half = len / 2;
        base = base[half - 1] < x ? base + half : base;
        len -= half;
    }
    std::size_t lo = static_cast<std::size_t>(base - e.data()) + (len == 1 && *base < x ? 1 : 0);
    if (std::isnan(x))
        lo = e.size();
    return static_cast<std::uint8_t>(lo);
}

double FeatureBinner::splitThreshold(int feature, int low, int high) const
{
    const std::vector<double> &v = m_values[static_cast<std::size_t>(feature)];
    if (!v.empty()) {
        const double a = v[static_cast<std::size_t>(low)], b = v[static_cast<std::size_t>(high)];
        const double t = a + (b - a) * 0.5;
        return t < b ? t : a; // adjacent doubles: the midpoint may round up to b
    }
    const double a = upperEdge(feature, low), b = upperEdge(feature, high - 1);
    return a + (b - a) * 0.5;
}

std::vector<std::uint8_t> FeatureBinner::transform(
    const Eigen::Ref<const Eigen::MatrixXd> &X, int threads) const
{
    const Eigen::Index n = X.rows();
    const int d = featureCount();
    std::vector<std::uint8_t> codes(static_cast<std::size_t>(n) * static_cast<std::size_t>(d));
    parallelChunks(0, d, threads, 1, [&](int, std::int64_t begin, std::int64_t end) {
        for (std::int64_t f = begin; f < end; ++f) {
            std::uint8_t *out = codes.data() + static_cast<std::size_t>(f * n);
            const double *col = X.col(f).data();
            // binOf's branchless search on 8 values at once (every search takes the same
            // steps, so they run in lockstep and overlap their memory latency).
            const std::vector<double> &e = m_edges[static_cast<std::size_t>(f)];
            const std::size_t m = e.size();
            Eigen::Index i = 0;
            if (m > 0) {
                constexpr int kLanes = 8;
                for (; i + kLanes <= n; i += kLanes) {
                    const double *base[kLanes];
                    double x[kLanes];
                    for (int j = 0; j < kLanes; ++j) {
                        base[j] = e.data();
                        x[j] = col[i + j];
                    }
                    std::size_t len = m;
                    while (len > 1) {
                        const std::size_t half = len / 2;
                        for (int j = 0; j < kLanes; ++j)
                            base[j] = base[j][half - 1] < x[j] ? base[j] + half : base[j];
                        len -= half;
                    }
                    for (int j = 0; j < kLanes; ++j) {
                        std::size_t lo = static_cast<std::size_t>(base[j] - e.data())
                            + (*base[j] < x[j] ? 1 : 0);
                        if (std::isnan(x[j]))
                            lo = m;
                        out[i + j] = static_cast<std::uint8_t>(lo);
                    }
                }
            }
            for (; i < n; ++i)
                out[i] = binOf(static_cast<int>(f), col[i]);
        }
    });
    return codes;
}

} // namespace sextant::engine
