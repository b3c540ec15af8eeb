#include "ml/Dendrogram.h"

#include "ml/FitContext.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sextant::engine {

DendrogramLayout Dendrogram::layout(const Eigen::Ref<const Eigen::MatrixXd> &Z)
{
    DendrogramLayout out;
    const std::int64_t merges = Z.rows();
    const std::int64_t n = merges + 1;
    if (Z.cols() != 4)
        throw FitError("a linkage matrix has 4 columns; this one has " + std::to_string(Z.cols()));
    // Every id below n + row appears once as a child of a later row.
    std::vector<std::uint8_t> used(static_cast<std::size_t>(n + merges), 0);
    for (std::int64_t j = 0; j < merges; ++j)
        for (int c = 0; c < 2; ++c) {
            const double v = Z(j, c);
            if (!(v >= 0) || v >= static_cast<double>(n + j) || v != std::floor(v)
                || used[static_cast<std::size_t>(v)])
                throw FitError("linkage row " + std::to_string(j) + " joins an invalid cluster");
            used[static_cast<std::size_t>(v)] = 1;
        }

    out.leaves.reserve(static_cast<std::size_t>(n));
    out.icoord.reserve(static_cast<std::size_t>(merges));
    out.dcoord.reserve(static_cast<std::size_t>(merges));
    out.linkRow.reserve(static_cast<std::size_t>(merges));
    if (merges == 0) {
        out.leaves.push_back(0);
        return out;
    }
    // Post-order walk with an explicit stack: a frame is visited twice, first to push
    // its children (right below left, so left is walked first), then to draw its U.
    struct Frame {
        std::int64_t id;
        bool expanded;
    };
    // x and height of each walked cluster (by id), for its parent's U.
    std::vector<double> x(static_cast<std::size_t>(n + merges), 0.0);
    std::vector<double> h(static_cast<std::size_t>(n + merges), 0.0);
    std::vector<Frame> stack;
    stack.push_back({ n + merges - 1, false });
    while (!stack.empty()) {
        Frame f = stack.back();
        stack.pop_back();
        if (f.id < n) {
            x[static_cast<std::size_t>(f.id)] = 5.0 + 10.0 * static_cast<double>(out.leaves.size());
            out.leaves.push_back(f.id);
            continue;
        }
        const std::int64_t row = f.id - n;
        const auto left = static_cast<std::int64_t>(Z(row, 0));
        const auto right = static_cast<std::int64_t>(Z(row, 1));
        if (!f.expanded) {
            stack.push_back({ f.id, true });
            stack.push_back({ right, false });
            stack.push_back({ left, false });
            continue;
        }
        const double height = Z(row, 2);
        const double xl = x[static_cast<std::size_t>(left)];
        const double xr = x[static_cast<std::size_t>(right)];
        out.icoord.push_back({ xl, xl, xr, xr });
        out.dcoord.push_back({ h[static_cast<std::size_t>(left)], height, height,
            h[static_cast<std::size_t>(right)] });
        out.linkRow.push_back(row);
        x[static_cast<std::size_t>(f.id)] = 0.5 * (xl + xr);
        h[static_cast<std::size_t>(f.id)] = height;
    }
    return out;
}

double Dendrogram::cutHeight(const Eigen::Ref<const Eigen::MatrixXd> &Z, int clusters)
{
    const std::int64_t n = Z.rows() + 1;
    const std::int64_t k = std::clamp<std::int64_t>(clusters, 1, n);
    if (Z.rows() == 0)
        return 0.0;
    const std::int64_t kept = n - k; // merges below the cut: rows 0 .. kept - 1
    const double below = kept > 0 ? Z(kept - 1, 2) : 0.0;
    if (k == 1)
        return below + 0.05 * std::max(std::abs(below), 1e-12);
    return 0.5 * (below + Z(kept, 2));
}

int Dendrogram::clustersAt(const Eigen::Ref<const Eigen::MatrixXd> &Z, double height)
{
    int above = 0;
    for (Eigen::Index j = 0; j < Z.rows(); ++j)
        above += Z(j, 2) > height ? 1 : 0;
    return above + 1;
}

} // namespace sextant::engine
