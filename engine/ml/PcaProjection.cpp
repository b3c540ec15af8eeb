#include "ml/PcaProjection.h"

#include "ml/Pca.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <span>

namespace sextant::engine {

PcaProjection PcaProjection::compute(const Dataset &dataset, const std::atomic<bool> *cancel)
{
    PcaProjection out;
    for (int c = 0; c < dataset.columnCount(); ++c) {
        const Column &col = dataset.column(c);
        if (col.isNumeric() && col.role() == ColumnRole::Feature)
            out.columns.push_back(c);
    }
    if (out.columns.size() < 2) {
        out.error = QStringLiteral("needs at least two numeric feature columns");
        return out;
    }
    const std::int64_t n = dataset.rowCount();
    const int d = static_cast<int>(out.columns.size());
    std::vector<std::span<const double>> cols;
    for (int c : out.columns)
        cols.push_back(dataset.column(c).values());

    out.rowIds.reserve(static_cast<std::size_t>(n));
    for (std::int64_t r = 0; r < n; ++r) {
        bool complete = true;
        for (const auto &v : cols)
            if (!std::isfinite(v[static_cast<std::size_t>(r)])) {
                complete = false;
                break;
            }
        if (complete)
            out.rowIds.push_back(r);
    }
    const auto m = static_cast<Eigen::Index>(out.rowIds.size());
    if (m < 3) {
        out.error = QStringLiteral("needs at least three rows without missing cells");
        out.rowIds.clear();
        return out;
    }
    // The complete rows, gathered block by block from the columns (never the whole n x d
    // copy: as large as the table).
    const bool allRows = m == n;
    const auto gather = [&](Eigen::Index start, Eigen::Index count, Eigen::MatrixXd &rows) {
        for (int j = 0; j < d; ++j) {
            const std::span<const double> col = cols[static_cast<std::size_t>(j)];
            for (Eigen::Index i = 0; i < count; ++i)
                rows(i, j) = col[static_cast<std::size_t>(
                    allRows ? start + i : out.rowIds[static_cast<std::size_t>(start + i)])];
        }
    };
    Pca pca;
    PcaOptions options;
    options.components = 2;
    options.standardize = true;
    if (!pca.fit(m, d, gather, options, cancel)) {
        out.error = QStringLiteral("PCA failed");
        out.rowIds.clear();
        return out;
    }
    out.pc1.resize(static_cast<std::size_t>(m));
    out.pc2.resize(static_cast<std::size_t>(m));
    Eigen::MatrixXd block;
    for (Eigen::Index start = 0; start < m; start += Pca::kBlockRows) {
        const Eigen::Index count = std::min(Pca::kBlockRows, m - start);
        block.resize(count, d);
        gather(start, count, block);
        const Eigen::MatrixXd scores = pca.transform(block);
        std::copy(scores.col(0).data(), scores.col(0).data() + count,
            out.pc1.begin() + static_cast<std::ptrdiff_t>(start));
        std::copy(scores.col(1).data(), scores.col(1).data() + count,
            out.pc2.begin() + static_cast<std::ptrdiff_t>(start));
    }
    const Eigen::VectorXd ratio = pca.explainedVarianceRatio();
    out.ratio1 = ratio.size() > 0 ? ratio(0) : 0;
    out.ratio2 = ratio.size() > 1 ? ratio(1) : 0;
    return out;
}

} // namespace sextant::engine
