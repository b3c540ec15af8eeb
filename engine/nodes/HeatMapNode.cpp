#include "nodes/HeatMapNode.h"

#include "data/Dataset.h"
#include "ml/AgglomerativeClustering.h"
#include "ml/Dendrogram.h"
#include "ml/FitContext.h"
#include "ml/OptimalLeafOrdering.h"
#include "nodes/ColumnLookup.h"
#include "nodes/HeatMapData.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace sextant::engine {

namespace {

AgglomerativeClusteringOptions::Linkage linkageOf(const QString &name)
{
    // The parameter is one of the names (an enumeration); average is its default.
    return AgglomerativeClusteringOptions::linkageFromName(name.toStdString())
        .value_or(AgglomerativeClusteringOptions::Linkage::Average);
}

// The leaves of X's rows in optimal leaf order; empty when cancelled.
std::vector<std::int64_t> orderedLeaves(
    const Eigen::MatrixXd &X, const QString &linkage, const std::atomic<bool> *cancel)
{
    const Eigen::Index n = X.rows();
    if (n < 3) {
        std::vector<std::int64_t> identity(static_cast<std::size_t>(n));
        std::iota(identity.begin(), identity.end(), std::int64_t(0));
        return identity;
    }
    AgglomerativeClusteringOptions o;
    o.clusters = 1;
    o.linkage = linkageOf(linkage);
    AgglomerativeClustering model(o);
    FitContext fc;
    fc.cancel = cancel;
    try {
        if (!model.fit(X, Eigen::VectorXd(), fc))
            return {};
        Eigen::MatrixXd D(n, n);
        for (Eigen::Index a = 0; a < n; ++a)
            for (Eigen::Index b = a; b < n; ++b)
                D(a, b) = D(b, a) = (X.row(a) - X.row(b)).norm();
        const Eigen::MatrixXd Z = OptimalLeafOrdering::reorder(model.linkageMatrix(), D, cancel);
        if (Z.rows() == 0)
            return {};
        return Dendrogram::layout(Z).leaves;
    } catch (const FitError &e) {
        throw NodeError(QString::fromStdString(e.what()));
    }
}

} // namespace

NodeType HeatMapNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Heat Map");
    t.description = QStringLiteral("Every row and column of the data as colours (each column "
                                   "standardized), rows and columns ordered by hierarchical "
                                   "clustering, the class beside the rows.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns to show. Empty: every numeric column but the "
                           "target."),
            ColumnFilter::Numeric),
        ParameterSpec::column(QStringLiteral("annotation"), QStringLiteral("Row annotation"),
            QStringLiteral("Categorical column shown as a colour strip beside the rows. Empty: "
                           "the table's categorical target, if any."),
            ColumnFilter::Categorical),
        ParameterSpec::enumeration(QStringLiteral("linkage"), QStringLiteral("Linkage"),
            { QStringLiteral("average"), QStringLiteral("complete"), QStringLiteral("single"),
                QStringLiteral("ward") },
            QStringLiteral("average"),
            QStringLiteral("Linkage of the clusterings that order rows and columns "
                           "(euclidean distances of the standardized values).")),
        ParameterSpec::boolean(QStringLiteral("cluster_rows"), QStringLiteral("Cluster rows"), true,
            QStringLiteral("Order the rows by hierarchical clustering with optimal leaf "
                           "ordering; off: grouped by class, in table order.")),
        ParameterSpec::boolean(QStringLiteral("cluster_columns"), QStringLiteral("Cluster columns"),
            true,
            QStringLiteral("Order the columns by hierarchical clustering with optimal leaf "
                           "ordering; off: in the order chosen.")),
        ParameterSpec::integer(QStringLiteral("max_cluster_rows"),
            QStringLiteral("Most rows clustered"), kDefaultClusterRows, 3, kLimitClusterRows,
            QStringLiteral("The row ordering's work grows with the cube of the rows: above "
                           "this many rows they are grouped by class instead (with a "
                           "warning). 1,000 rows take about a second.")),
    };
    t.setCompute(&HeatMapNode::compute);
    return t;
}

void HeatMapNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QList<int> columns
        = ColumnLookup::numericOrDefault(data, ctx.listParameter(QStringLiteral("columns")),
            QStringLiteral("the input has no numeric column to show"));
    int annotation = -1;
    if (const QString a = ctx.stringParameter(QStringLiteral("annotation")); !a.isEmpty()) {
        annotation = ColumnLookup::require(data, a, QStringLiteral("Row annotation"));
        if (!data.column(annotation).isCategorical())
            throw NodeError(
                QStringLiteral("Row annotation: column '%1' is not categorical").arg(a));
    } else {
        for (int i : data.columnsWithRole(ColumnRole::Target))
            if (annotation < 0 && data.column(i).isCategorical())
                annotation = i;
    }

    const std::int64_t n = data.rowCount();
    const int d = static_cast<int>(columns.size());
    HeatMapData out;
    out.tableRows = n;
    out.linkage = ctx.stringParameter(QStringLiteral("linkage"));
    if (annotation >= 0) {
        out.annotationColumn = data.column(annotation).name();
        out.classNames = data.column(annotation).categories();
    }

    // Column means and population standard deviations over the values present.
    std::vector<double> mean(static_cast<std::size_t>(d), 0.0),
        sd(static_cast<std::size_t>(d), 0.0);
    for (int c = 0; c < d; ++c) {
        const auto v = data.column(columns[c]).values();
        double sum = 0, count = 0;
        for (double x : v)
            if (!std::isnan(x)) {
                sum += x;
                ++count;
            }
        const double m = count > 0 ? sum / count : 0.0;
        double ss = 0;
        for (double x : v)
            if (!std::isnan(x))
                ss += (x - m) * (x - m);
        mean[static_cast<std::size_t>(c)] = m;
        sd[static_cast<std::size_t>(c)] = count > 0 ? std::sqrt(ss / count) : 0.0;
        if (ctx.cancelled())
            return;
    }
    const auto z = [&](int c, std::int64_t r) {
        const double x = data.column(columns[c]).values()[static_cast<std::size_t>(r)];
        if (std::isnan(x))
            return std::nan("");
        const double s = sd[static_cast<std::size_t>(c)];
        return s > 0 ? (x - mean[static_cast<std::size_t>(c)]) / s : 0.0;
    };
    ctx.progress(0.05);

    // Column order: the columns as points with the same distances between them (from the
    // Gram matrix of the standardized values, missing as 0), clustered and ordered.
    std::vector<int> columnOrder(static_cast<std::size_t>(d));
    std::iota(columnOrder.begin(), columnOrder.end(), 0);
    if (ctx.boolParameter(QStringLiteral("cluster_columns")) && d >= 3) {
        Eigen::MatrixXd G = Eigen::MatrixXd::Zero(d, d);
        constexpr std::int64_t kBlock = 4096;
        Eigen::MatrixXd block(kBlock, d);
        for (std::int64_t r0 = 0; r0 < n; r0 += kBlock) {
            const std::int64_t rows = std::min(kBlock, n - r0);
            for (int c = 0; c < d; ++c)
                for (std::int64_t i = 0; i < rows; ++i) {
                    const double v = z(c, r0 + i);
                    block(i, c) = std::isnan(v) ? 0.0 : v;
                }
            G.noalias() += block.topRows(rows).transpose() * block.topRows(rows);
            if (ctx.cancelled())
                return;
        }
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(G);
        const Eigen::VectorXd root = eig.eigenvalues().cwiseMax(0.0).cwiseSqrt();
        const Eigen::MatrixXd points = eig.eigenvectors() * root.asDiagonal();
        const std::vector<std::int64_t> leaves
            = orderedLeaves(points, out.linkage, ctx.cancelFlag());
        if (ctx.cancelled())
            return;
        for (int i = 0; i < d; ++i)
            columnOrder[static_cast<std::size_t>(i)]
                = static_cast<int>(leaves[static_cast<std::size_t>(i)]);
        out.columnsClustered = true;
    }
    for (int c : columnOrder) {
        out.columns << data.column(columns[c]).name();
        out.means.push_back(mean[static_cast<std::size_t>(c)]);
        out.sds.push_back(sd[static_cast<std::size_t>(c)]);
    }
    ctx.progress(0.15);

    // Row order.
    const auto classOf = [&](std::int64_t r) {
        return annotation >= 0 ? data.column(annotation).codes()[static_cast<std::size_t>(r)] : -1;
    };
    const qlonglong maxRows = ctx.intParameter(QStringLiteral("max_cluster_rows"));
    out.order.resize(static_cast<std::size_t>(n));
    std::iota(out.order.begin(), out.order.end(), std::int64_t(0));
    if (ctx.boolParameter(QStringLiteral("cluster_rows")) && n > maxRows)
        ctx.addWarning(QStringLiteral("%1 rows are more than the %2 clustered (Most rows "
                                      "clustered): rows grouped by class instead")
                           .arg(n)
                           .arg(maxRows));
    if (ctx.boolParameter(QStringLiteral("cluster_rows")) && n <= maxRows && n >= 3) {
        Eigen::MatrixXd X(n, d);
        for (std::int64_t r = 0; r < n; ++r)
            for (int c = 0; c < d; ++c) {
                const double v = z(c, r);
                X(r, c) = std::isnan(v) ? 0.0 : v;
            }
        out.order = orderedLeaves(X, out.linkage, ctx.cancelFlag());
        if (ctx.cancelled())
            return;
        out.rowsClustered = true;
    } else if (annotation >= 0) {
        // Missing class last.
        std::stable_sort(out.order.begin(), out.order.end(), [&](std::int64_t a, std::int64_t b) {
            const auto ca = static_cast<std::uint32_t>(classOf(a));
            const auto cb = static_cast<std::uint32_t>(classOf(b));
            return ca < cb;
        });
    }
    out.position.assign(static_cast<std::size_t>(n), -1);
    for (std::int64_t p = 0; p < n; ++p)
        out.position[static_cast<std::size_t>(out.order[static_cast<std::size_t>(p)])] = p;
    ctx.progress(0.8);

    // Bands of consecutive display rows.
    const std::int64_t per
        = std::max<std::int64_t>(1, (n + HeatMapData::kMaxBands - 1) / HeatMapData::kMaxBands);
    const std::int64_t bands = n == 0 ? 0 : (n + per - 1) / per;
    out.bandStart.resize(static_cast<std::size_t>(bands + 1));
    for (std::int64_t b = 0; b <= bands; ++b)
        out.bandStart[static_cast<std::size_t>(b)] = std::min(n, b * per);
    out.values.assign(static_cast<std::size_t>(bands * d), 0.0f);
    out.bandClass.assign(static_cast<std::size_t>(bands), -1);
    std::vector<std::int64_t> classCount(static_cast<std::size_t>(out.classNames.size()));
    for (std::int64_t b = 0; b < bands; ++b) {
        const std::int64_t r0 = out.bandStart[static_cast<std::size_t>(b)];
        const std::int64_t r1 = out.bandStart[static_cast<std::size_t>(b + 1)];
        for (int c = 0; c < d; ++c) {
            const int source = columnOrder[static_cast<std::size_t>(c)];
            double sum = 0;
            std::int64_t count = 0;
            for (std::int64_t i = r0; i < r1; ++i) {
                const double v = z(source, out.order[static_cast<std::size_t>(i)]);
                if (!std::isnan(v)) {
                    sum += v;
                    ++count;
                }
            }
            out.values[static_cast<std::size_t>(b * d + c)]
                = count > 0 ? static_cast<float>(sum / static_cast<double>(count)) : std::nanf("");
        }
        if (annotation >= 0) {
            std::fill(classCount.begin(), classCount.end(), 0);
            for (std::int64_t i = r0; i < r1; ++i)
                if (const int k = classOf(out.order[static_cast<std::size_t>(i)]); k >= 0)
                    ++classCount[static_cast<std::size_t>(k)];
            const auto best = std::max_element(classCount.begin(), classCount.end());
            if (best != classCount.end() && *best > 0)
                out.bandClass[static_cast<std::size_t>(b)]
                    = static_cast<std::int32_t>(best - classCount.begin());
        }
        if ((b & 63) == 0 && ctx.cancelled())
            return;
    }
    ctx.progress(1.0);
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
