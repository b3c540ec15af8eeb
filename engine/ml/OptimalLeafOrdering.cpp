#include "ml/OptimalLeafOrdering.h"

#include "ml/Dendrogram.h"
#include "ml/FitContext.h"

#include <limits>
#include <string>
#include <vector>

namespace sextant::engine {

Eigen::MatrixXd OptimalLeafOrdering::reorder(const Eigen::Ref<const Eigen::MatrixXd> &Z,
    const Eigen::Ref<const Eigen::MatrixXd> &D, const std::atomic<bool> *cancel)
{
    const Eigen::Index merges = Z.rows();
    const Eigen::Index n = merges + 1;
    if (D.rows() != n || D.cols() != n)
        throw FitError("optimal leaf ordering: " + std::to_string(n) + " leaves need an "
            + std::to_string(n) + " x " + std::to_string(n) + " distance matrix");
    const DendrogramLayout layout = Dendrogram::layout(Z); // validates Z
    Eigen::MatrixXd out = Z;
    if (merges < 2)
        return out;

    // Samples renumbered by their position in the current leaf order, so every cluster is
    // a range [first, last) of positions.
    std::vector<Eigen::Index> position(static_cast<std::size_t>(n));
    for (Eigen::Index p = 0; p < n; ++p)
        position[static_cast<std::size_t>(layout.leaves[static_cast<std::size_t>(p)])] = p;
    Eigen::MatrixXd Ds(n, n);
    for (Eigen::Index a = 0; a < n; ++a)
        for (Eigen::Index b = 0; b < n; ++b)
            Ds(a, b) = D(layout.leaves[static_cast<std::size_t>(a)],
                layout.leaves[static_cast<std::size_t>(b)]);
    const auto total = static_cast<std::size_t>(n + merges);
    std::vector<Eigen::Index> first(total), last(total);
    std::vector<Eigen::Index> left(static_cast<std::size_t>(merges)),
        right(static_cast<std::size_t>(merges));
    const auto relabel = [&](double id) {
        const auto i = static_cast<Eigen::Index>(id);
        return i < n ? position[static_cast<std::size_t>(i)] : i;
    };
    for (Eigen::Index p = 0; p < n; ++p) {
        first[static_cast<std::size_t>(p)] = p;
        last[static_cast<std::size_t>(p)] = p + 1;
    }
    for (Eigen::Index j = 0; j < merges; ++j) {
        left[static_cast<std::size_t>(j)] = relabel(Z(j, 0));
        right[static_cast<std::size_t>(j)] = relabel(Z(j, 1));
        first[static_cast<std::size_t>(n + j)]
            = first[static_cast<std::size_t>(left[static_cast<std::size_t>(j)])];
        last[static_cast<std::size_t>(n + j)]
            = last[static_cast<std::size_t>(right[static_cast<std::size_t>(j)])];
    }

    // M(u, w): the least cost of an order of the cluster that joins u and w with u and w
    // at its ends (each pair has one such cluster, their lowest common merge).
    Eigen::MatrixXf M = Eigen::MatrixXf::Zero(n, n);
    std::vector<std::uint8_t> mustSwap(static_cast<std::size_t>(merges), 0);
    std::vector<double> viaK; // per k: min over m of M(u, m) + D(m, k)
    for (Eigen::Index j = 0; j < merges; ++j) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        const Eigen::Index vl = left[static_cast<std::size_t>(j)];
        const Eigen::Index vr = right[static_cast<std::size_t>(j)];
        // The outer (u, w) and inner (m, k) candidate clusters, as SciPy pairs them.
        Eigen::Index uC[2], mC[2], wC[2], kC[2];
        int nu = 1, nw = 1;
        if (vl < n) {
            uC[0] = mC[0] = vl;
        } else {
            nu = 2;
            const std::size_t r = static_cast<std::size_t>(vl - n);
            uC[0] = left[r], mC[0] = right[r];
            uC[1] = right[r], mC[1] = left[r];
        }
        if (vr < n) {
            wC[0] = kC[0] = vr;
        } else {
            nw = 2;
            const std::size_t r = static_cast<std::size_t>(vr - n);
            wC[0] = right[r], kC[0] = left[r];
            wC[1] = left[r], kC[1] = right[r];
        }
        for (int sl = 0; sl < nu; ++sl)
            for (int sr = 0; sr < nw; ++sr) {
                const auto range = [&](Eigen::Index c) {
                    return std::pair(
                        first[static_cast<std::size_t>(c)], last[static_cast<std::size_t>(c)]);
                };
                const auto [u0, u1] = range(uC[sl]);
                const auto [m0, m1] = range(mC[sl]);
                const auto [w0, w1] = range(wC[sr]);
                const auto [k0, k1] = range(kC[sr]);
                viaK.assign(static_cast<std::size_t>(k1 - k0), 0.0);
                for (Eigen::Index u = u0; u < u1; ++u) {
                    for (Eigen::Index k = k0; k < k1; ++k) {
                        double best = std::numeric_limits<double>::infinity();
                        for (Eigen::Index m = m0; m < m1; ++m)
                            best = std::min(best, double(M(u, m)) + Ds(m, k));
                        viaK[static_cast<std::size_t>(k - k0)] = best;
                    }
                    for (Eigen::Index w = w0; w < w1; ++w) {
                        double best = std::numeric_limits<double>::infinity();
                        for (Eigen::Index k = k0; k < k1; ++k)
                            best = std::min(
                                best, viaK[static_cast<std::size_t>(k - k0)] + double(M(k, w)));
                        M(u, w) = M(w, u) = static_cast<float>(best);
                    }
                }
            }
        // The best pair of V (first in position order on ties) says how to turn L and R.
        float bestCost = std::numeric_limits<float>::infinity();
        Eigen::Index bu = first[static_cast<std::size_t>(vl)],
                     bw = first[static_cast<std::size_t>(vr)];
        for (Eigen::Index u = first[static_cast<std::size_t>(vl)];
             u < last[static_cast<std::size_t>(vl)]; ++u)
            for (Eigen::Index w = first[static_cast<std::size_t>(vr)];
                 w < last[static_cast<std::size_t>(vr)]; ++w)
                if (M(u, w) < bestCost) {
                    bestCost = M(u, w);
                    bu = u;
                    bw = w;
                }
        if (vl >= n) {
            // Mirrored when u comes from L's right child.
            const Eigen::Index lr = right[static_cast<std::size_t>(vl - n)];
            mustSwap[static_cast<std::size_t>(vl - n)] = bu >= first[static_cast<std::size_t>(lr)]
                && bu < last[static_cast<std::size_t>(lr)];
        }
        if (vr >= n) {
            // Mirrored when w comes from R's left child.
            const Eigen::Index rl = left[static_cast<std::size_t>(vr - n)];
            mustSwap[static_cast<std::size_t>(vr - n)] = bw >= first[static_cast<std::size_t>(rl)]
                && bw < last[static_cast<std::size_t>(rl)];
        }
    }

    // A merge's children swap when it and its ancestors were mirrored an odd number of
    // times: parents come after their children in Z, so walk from the root down.
    std::vector<std::uint8_t> parity(static_cast<std::size_t>(merges), 0);
    for (Eigen::Index j = merges - 1; j >= 0; --j) {
        parity[static_cast<std::size_t>(j)] ^= mustSwap[static_cast<std::size_t>(j)];
        for (Eigen::Index child :
            { left[static_cast<std::size_t>(j)], right[static_cast<std::size_t>(j)] })
            if (child >= n)
                parity[static_cast<std::size_t>(child - n)] = parity[static_cast<std::size_t>(j)];
        if (parity[static_cast<std::size_t>(j)])
            std::swap(out(j, 0), out(j, 1));
    }
    return out;
}

} // namespace sextant::engine
