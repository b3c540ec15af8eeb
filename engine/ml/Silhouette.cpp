#include "ml/Silhouette.h"

#include "core/Parallel.h"
#include "core/ThreadCount.h"
#include "ml/FitContext.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

namespace sextant::engine {

std::vector<double> Silhouette::samples(const Eigen::Ref<const Eigen::MatrixXd> &X,
    std::span<const std::int32_t> labels, int threads, const std::atomic<bool> *cancel,
    const std::function<void(double)> &progress)
{
    const Eigen::Index n = X.rows();
    if (static_cast<Eigen::Index>(labels.size()) != n)
        throw FitError("silhouette: " + std::to_string(labels.size()) + " labels for "
            + std::to_string(n) + " rows");
    int k = 0;
    for (std::int32_t l : labels) {
        if (l < 0)
            throw FitError("silhouette: negative cluster code");
        k = std::max(k, l + 1);
    }
    std::vector<std::int64_t> size(static_cast<std::size_t>(k), 0);
    for (std::int32_t l : labels)
        ++size[static_cast<std::size_t>(l)];
    const auto used = std::count_if(size.begin(), size.end(), [](std::int64_t s) { return s > 0; });
    if (used < 2 || used > n - 1)
        throw FitError("silhouette: the number of clusters is " + std::to_string(used)
            + "; it must be between 2 and the number of rows minus one ("
            + std::to_string(std::max<Eigen::Index>(n - 1, 0)) + ")");

    // Centred (distances do not change; |x|^2 + |y|^2 - 2 x.y cancels less).
    const Eigen::MatrixXd Z = X.rowwise() - X.colwise().mean();
    const Eigen::VectorXd norms = Z.rowwise().squaredNorm();
    std::vector<double> out(static_cast<std::size_t>(n), 0.0);
    const std::int64_t blocks = (n + kBlockRows - 1) / kBlockRows;
    if (threads <= 0)
        threads = defaultThreadCount();
    std::atomic<std::int64_t> done { 0 };
    parallelChunks(0, blocks, threads, 1, [&](int, std::int64_t first, std::int64_t last) {
        Eigen::MatrixXd D;
        Eigen::MatrixXd sums(kBlockRows, k);
        for (std::int64_t b = first; b < last; ++b) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const Eigen::Index r0 = b * kBlockRows;
            const Eigen::Index rows = std::min<Eigen::Index>(kBlockRows, n - r0);
            // rows x n squared distances, then distances.
            D.noalias() = Z.middleRows(r0, rows) * Z.transpose();
            D *= -2.0;
            D.colwise() += norms.segment(r0, rows);
            D.rowwise() += norms.transpose();
            D = D.cwiseMax(0.0).cwiseSqrt();
            for (Eigen::Index i = 0; i < rows; ++i)
                D(i, r0 + i) = 0.0;
            sums.setZero();
            for (Eigen::Index j = 0; j < n; ++j)
                sums.col(labels[static_cast<std::size_t>(j)]).head(rows) += D.col(j);
            for (Eigen::Index i = 0; i < rows; ++i) {
                const std::int32_t own = labels[static_cast<std::size_t>(r0 + i)];
                if (size[static_cast<std::size_t>(own)] <= 1)
                    continue; // 0 for a sample alone in its cluster
                const double a
                    = sums(i, own) / static_cast<double>(size[static_cast<std::size_t>(own)] - 1);
                double bmin = std::numeric_limits<double>::infinity();
                for (int c = 0; c < k; ++c)
                    if (c != own && size[static_cast<std::size_t>(c)] > 0)
                        bmin = std::min(bmin,
                            sums(i, c) / static_cast<double>(size[static_cast<std::size_t>(c)]));
                const double den = std::max(a, bmin);
                out[static_cast<std::size_t>(r0 + i)] = den > 0 ? (bmin - a) / den : 0.0;
            }
            const std::int64_t finished = ++done;
            if (progress)
                progress(static_cast<double>(finished) / static_cast<double>(blocks));
        }
    });
    if (cancel && cancel->load(std::memory_order_relaxed))
        return {};
    return out;
}

} // namespace sextant::engine
