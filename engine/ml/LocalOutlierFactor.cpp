#include "ml/LocalOutlierFactor.h"

#include "core/Parallel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace sextant::engine {

Eigen::VectorXd LocalOutlierFactor::scores(
    const Eigen::Ref<const Eigen::MatrixXd> &X, const LocalOutlierFactorOptions &options)
{
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    if (n < 2)
        throw std::invalid_argument("local outlier factor needs at least 2 rows");
    if (options.neighbors < 1)
        throw std::invalid_argument("local outlier factor needs at least 1 neighbour");
    const Eigen::Index k = std::min<Eigen::Index>(options.neighbors, n - 1);
    const auto cancelled
        = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };

    // Row-major copy so each row's coordinates are contiguous.
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> R = X;
    std::vector<Eigen::Index> neighbours(static_cast<std::size_t>(n * k));
    std::vector<double> distances(static_cast<std::size_t>(n * k));
    parallelChunks(
        0, n, std::max(1, options.threads), 64, [&](int, std::int64_t begin, std::int64_t end) {
            std::vector<std::pair<double, Eigen::Index>> all(static_cast<std::size_t>(n - 1));
            for (std::int64_t i = begin; i < end; ++i) {
                if (cancelled())
                    return;
                const double *a = R.data() + i * d;
                std::size_t m = 0;
                for (Eigen::Index j = 0; j < n; ++j) {
                    if (j == i)
                        continue;
                    const double *b = R.data() + j * d;
                    double s = 0;
                    for (Eigen::Index c = 0; c < d; ++c) {
                        const double t = a[c] - b[c];
                        s += t * t;
                    }
                    all[m++] = { s, j };
                }
                // (squared distance, index) pairs order ties by index.
                std::partial_sort(all.begin(), all.begin() + k, all.end());
                for (Eigen::Index t = 0; t < k; ++t) {
                    neighbours[static_cast<std::size_t>(i * k + t)] = all[t].second;
                    distances[static_cast<std::size_t>(i * k + t)] = std::sqrt(all[t].first);
                }
            }
        });
    if (cancelled())
        return {};

    Eigen::VectorXd lrd(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        double sum = 0;
        for (Eigen::Index t = 0; t < k; ++t) {
            const Eigen::Index b = neighbours[static_cast<std::size_t>(i * k + t)];
            const double kDistance = distances[static_cast<std::size_t>(b * k + k - 1)];
            sum += std::max(kDistance, distances[static_cast<std::size_t>(i * k + t)]);
        }
        lrd[i] = 1.0 / (sum / static_cast<double>(k) + 1e-10);
    }
    Eigen::VectorXd lof(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        double sum = 0;
        for (Eigen::Index t = 0; t < k; ++t)
            sum += lrd[neighbours[static_cast<std::size_t>(i * k + t)]];
        lof[i] = sum / static_cast<double>(k) / lrd[i];
    }
    return lof;
}

} // namespace sextant::engine
