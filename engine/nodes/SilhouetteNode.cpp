#include "nodes/SilhouetteNode.h"

#include "data/Dataset.h"
#include "ml/FitContext.h"
#include "ml/Silhouette.h"
#include "nodes/ColumnLookup.h"
#include "nodes/SilhouetteData.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sextant::engine {

NodeType SilhouetteNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Silhouette Plot");
    t.description = QStringLiteral("How well each row sits in its cluster (silhouette "
                                   "coefficient), sorted within clusters, with the mean.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::column(QStringLiteral("cluster"), QStringLiteral("Cluster column"),
            QStringLiteral("Categorical column holding each row's cluster. Empty: a column "
                           "named \"cluster\" (a clustering node's output), else the target."),
            ColumnFilter::Categorical),
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns the distances are computed on (euclidean). "
                           "Empty: every numeric column but the target."),
            ColumnFilter::Numeric),
        ParameterSpec::integer(QStringLiteral("max_rows"), QStringLiteral("Most rows"),
            kDefaultMaxRows, 100, kLimitMaxRows,
            QStringLiteral("The work grows with the square of the rows: above this many, a "
                           "seeded random sample of this many rows is evaluated (with a "
                           "warning). 20,000 rows take a few seconds.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Seed of the row sample.")),
    };
    t.setCompute(&SilhouetteNode::compute);
    return t;
}

void SilhouetteNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    int cluster = -1;
    const QString clusterName = ctx.stringParameter(QStringLiteral("cluster"));
    if (!clusterName.isEmpty()) {
        cluster = ColumnLookup::require(data, clusterName, QStringLiteral("Cluster column"));
    } else {
        for (int i = 0; i < data.columnCount() && cluster < 0; ++i)
            if (data.column(i).name().compare(QLatin1String("cluster"), Qt::CaseInsensitive) == 0)
                cluster = i;
        for (int i : data.columnsWithRole(ColumnRole::Target))
            if (cluster < 0 && data.column(i).isCategorical())
                cluster = i;
        if (cluster < 0)
            throw NodeError(QStringLiteral("the input has no \"cluster\" column and no "
                                           "categorical target: choose the cluster column"));
    }
    const Column &labels = data.column(cluster);
    if (!labels.isCategorical())
        throw NodeError(
            QStringLiteral("Cluster column: column '%1' is not categorical").arg(labels.name()));

    const QList<int> columns
        = ColumnLookup::numericOrDefault(data, ctx.listParameter(QStringLiteral("columns")),
            QStringLiteral("the input has no numeric column to measure distances on"));

    SilhouetteData out;
    out.clusterColumn = labels.name();
    out.tableRows = data.rowCount();
    for (int i : columns)
        out.features << data.column(i).name();

    // Rows with a cluster and every feature value.
    std::vector<std::int64_t> rows;
    std::int64_t incomplete = 0;
    const auto codes = labels.codes();
    for (std::int64_t r = 0; r < data.rowCount(); ++r) {
        bool ok = codes[static_cast<std::size_t>(r)] >= 0;
        for (int c = 0; ok && c < columns.size(); ++c)
            ok = !std::isnan(data.column(columns[c]).values()[static_cast<std::size_t>(r)]);
        if (ok)
            rows.push_back(r);
        else
            ++incomplete;
    }
    if (incomplete > 0)
        ctx.addWarning(
            QStringLiteral("%1 rows with a missing cluster or value left out").arg(incomplete));
    const auto maxRows = static_cast<std::size_t>(ctx.intParameter(QStringLiteral("max_rows")));
    if (rows.size() > maxRows) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed"))));
        for (std::size_t i = 0; i < maxRows; ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, rows.size() - 1);
            std::swap(rows[i], rows[pick(rng)]);
        }
        ctx.addWarning(QStringLiteral("silhouette of a random sample of %1 of %2 rows (Most "
                                      "rows; the work grows with the square of the rows)")
                           .arg(maxRows)
                           .arg(rows.size()));
        rows.resize(maxRows);
        std::sort(rows.begin(), rows.end());
        out.sampled = true;
    }

    // Clusters present, renumbered in category order.
    std::vector<std::int32_t> remap(static_cast<std::size_t>(labels.categories().size()), -1);
    for (std::int64_t r : rows)
        remap[static_cast<std::size_t>(codes[static_cast<std::size_t>(r)])] = 0;
    for (std::size_t c = 0; c < remap.size(); ++c)
        if (remap[c] == 0) {
            remap[c] = static_cast<std::int32_t>(out.clusterNames.size());
            out.clusterNames << labels.categories()[static_cast<qsizetype>(c)];
        }

    const auto n = static_cast<Eigen::Index>(rows.size());
    Eigen::MatrixXd X(n, columns.size());
    out.cluster.resize(rows.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto r = static_cast<std::size_t>(rows[static_cast<std::size_t>(i)]);
        for (int c = 0; c < columns.size(); ++c)
            X(i, c) = data.column(columns[c]).values()[r];
        out.cluster[static_cast<std::size_t>(i)] = remap[static_cast<std::size_t>(codes[r])];
    }
    try {
        out.values = Silhouette::samples(
            X, out.cluster, 0, ctx.cancelFlag(), [&ctx](double f) { ctx.progress(0.95 * f); });
    } catch (const FitError &e) {
        throw NodeError(QString::fromStdString(e.what()));
    }
    if (ctx.cancelled())
        return;
    out.rows = std::move(rows);

    const std::size_t k = static_cast<std::size_t>(out.clusterNames.size());
    out.clusterSizes.assign(k, 0);
    out.clusterMeans.assign(k, 0.0);
    double total = 0;
    for (std::size_t i = 0; i < out.values.size(); ++i) {
        const auto c = static_cast<std::size_t>(out.cluster[i]);
        ++out.clusterSizes[c];
        out.clusterMeans[c] += out.values[i];
        total += out.values[i];
    }
    for (std::size_t c = 0; c < k; ++c)
        if (out.clusterSizes[c] > 0)
            out.clusterMeans[c] /= static_cast<double>(out.clusterSizes[c]);
    out.mean = out.values.empty() ? 0.0 : total / static_cast<double>(out.values.size());
    out.order.resize(out.values.size());
    std::iota(out.order.begin(), out.order.end(), std::int64_t(0));
    std::stable_sort(out.order.begin(), out.order.end(), [&out](std::int64_t a, std::int64_t b) {
        const auto ca = out.cluster[static_cast<std::size_t>(a)];
        const auto cb = out.cluster[static_cast<std::size_t>(b)];
        if (ca != cb)
            return ca < cb;
        return out.values[static_cast<std::size_t>(a)] > out.values[static_cast<std::size_t>(b)];
    });
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
