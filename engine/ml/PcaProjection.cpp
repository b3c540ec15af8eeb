#include "ml/PcaProjection.h"

#include "ml/Pca.h"

#include <Eigen/Core>
#include <cmath>

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
    Eigen::MatrixXd X(m, d);
    for (int j = 0; j < d; ++j)
        for (Eigen::Index i = 0; i < m; ++i)
            X(i, j) = cols[static_cast<std::size_t>(j)]
                          [static_cast<std::size_t>(out.rowIds[static_cast<std::size_t>(i)])];

    Pca pca;
    PcaOptions options;
    options.components = 2;
    options.standardize = true;
    if (!pca.fit(X, options, cancel)) {
        out.error = QStringLiteral("PCA failed");
        out.rowIds.clear();
        return out;
    }
    const Eigen::MatrixXd scores = pca.transform(X);
    out.pc1.assign(scores.col(0).data(), scores.col(0).data() + m);
    out.pc2.assign(scores.col(1).data(), scores.col(1).data() + m);
    const Eigen::VectorXd ratio = pca.explainedVarianceRatio();
    out.ratio1 = ratio.size() > 0 ? ratio(0) : 0;
    out.ratio2 = ratio.size() > 1 ? ratio(1) : 0;
    return out;
}

} // namespace sextant::engine
