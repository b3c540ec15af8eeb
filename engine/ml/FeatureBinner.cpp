#include "ml/FeatureBinner.h"

#include "ml/Parallel.h"

#include <algorithm>
#include <cmath>

namespace sextant::engine {

void FeatureBinner::fit(const Eigen::Ref<const Eigen::MatrixXd> &X, int maxBins, int threads)
{
    maxBins = std::clamp(maxBins, 2, kMaxBins);
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    m_edges.assign(static_cast<std::size_t>(d), {});
    m_values.assign(static_cast<std::size_t>(d), {});
    parallelChunks(0, d, threads, 1, [&](int, std::int64_t begin, std::int64_t end) {
        std::vector<double> col(static_cast<std::size_t>(n));
        for (std::int64_t f = begin; f < end; ++f) {
            std::copy_n(X.col(f).data(), n, col.data());
            std::sort(col.begin(), col.end());
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
                    const double pos = static_cast<double>(q) / maxBins
                        * static_cast<double>(n - 1);
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

std::vector<std::uint8_t> FeatureBinner::transform(const Eigen::Ref<const Eigen::MatrixXd> &X,
                                                   int threads) const
{
    const Eigen::Index n = X.rows();
    const int d = featureCount();
    std::vector<std::uint8_t> codes(static_cast<std::size_t>(n) * static_cast<std::size_t>(d));
    parallelChunks(0, d, threads, 1, [&](int, std::int64_t begin, std::int64_t end) {
        for (std::int64_t f = begin; f < end; ++f) {
            std::uint8_t *out = codes.data() + static_cast<std::size_t>(f * n);
            const double *col = X.col(f).data();
            for (Eigen::Index i = 0; i < n; ++i)
                out[i] = binOf(static_cast<int>(f), col[i]);
        }
    });
    return codes;
}

} // namespace sextant::engine
