#include "nodes/DendrogramNode.h"

#include "data/Dataset.h"
#include "ml/AgglomerativeClustering.h"
#include "ml/FitContext.h"
#include "nodes/ColumnLookup.h"
#include "nodes/DendrogramData.h"

#include <cmath>

namespace sextant::engine {

namespace {

AgglomerativeClusteringOptions::Linkage linkageOf(const QString &name)
{
    // The parameter is one of the names (an enumeration); ward is its default.
    return AgglomerativeClusteringOptions::linkageFromName(name.toStdString())
        .value_or(AgglomerativeClusteringOptions::Linkage::Ward);
}

} // namespace

NodeType DendrogramNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Dendrogram");
    t.description = QStringLiteral("Hierarchical clustering drawn as a tree; drag the cut line "
                                   "to choose the clusters, which the output table carries in "
                                   "a \"cluster\" column.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Clustered"),
        QStringLiteral("The input with a \"cluster\" column (the clusters below the cut)."),
        false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns the distances are computed on (euclidean). Empty: "
                           "every numeric column but the target."),
            ColumnFilter::Numeric),
        ParameterSpec::enumeration(QStringLiteral("linkage"), QStringLiteral("Linkage"),
            { QStringLiteral("ward"), QStringLiteral("complete"), QStringLiteral("average"),
                QStringLiteral("single") },
            QStringLiteral("ward"),
            QStringLiteral("How the distance between two clusters is measured: ward (smallest "
                           "increase of variance), complete (farthest members), average, "
                           "single (closest members).")),
        ParameterSpec::integer(QStringLiteral("clusters"), QStringLiteral("Clusters"), 3, 1,
            AgglomerativeClustering::kMaxRows,
            QStringLiteral("Where the tree is cut: the number of clusters kept. Dragging the cut "
                           "line in the view sets it.")),
        ParameterSpec::column(QStringLiteral("labels"), QStringLiteral("Leaf labels"),
            QStringLiteral("Column whose values name the leaves. Empty: row numbers.")),
        ParameterSpec::boolean(QStringLiteral("standardize"), QStringLiteral("Standardize"), false,
            QStringLiteral("Scale each column to mean 0 and variance 1 before distances, so "
                           "that a column in large units does not dominate.")),
    };
    t.setCompute(&DendrogramNode::compute);
    return t;
}

void DendrogramNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QList<int> columns
        = ColumnLookup::numericOrDefault(data, ctx.listParameter(QStringLiteral("columns")),
            QStringLiteral("the input has no numeric column to measure distances on"));
    int labelColumn = -1;
    if (const QString label = ctx.stringParameter(QStringLiteral("labels")); !label.isEmpty())
        labelColumn = ColumnLookup::require(data, label, QStringLiteral("Leaf labels"));

    DendrogramData out;
    out.linkage = ctx.stringParameter(QStringLiteral("linkage"));
    out.tableRows = data.rowCount();
    out.labelColumn = labelColumn >= 0 ? data.column(labelColumn).name() : QString();
    for (int i : columns)
        out.features << data.column(i).name();

    for (std::int64_t r = 0; r < data.rowCount(); ++r) {
        bool ok = true;
        for (int c = 0; ok && c < columns.size(); ++c)
            ok = std::isfinite(data.column(columns[c]).values()[static_cast<std::size_t>(r)]);
        if (ok)
            out.rows.push_back(r);
    }
    const auto n = static_cast<Eigen::Index>(out.rows.size());
    if (n < data.rowCount())
        ctx.addWarning(QStringLiteral("%1 rows with a missing value left out (no cluster)")
                           .arg(data.rowCount() - n));
    if (n == 0)
        throw NodeError(QStringLiteral("no row has a value in every column"));
    if (n > AgglomerativeClustering::kMaxRows)
        throw NodeError(QStringLiteral("the dendrogram is limited to %1 rows (time and memory "
                                       "grow with the square of the rows); this table has %2 "
                                       "complete rows: sample it first")
                            .arg(AgglomerativeClustering::kMaxRows)
                            .arg(n));
    Eigen::MatrixXd X(n, columns.size());
    for (Eigen::Index i = 0; i < n; ++i)
        for (int c = 0; c < columns.size(); ++c)
            X(i, c) = data.column(columns[c]).values()[static_cast<std::size_t>(out.rows[i])];
    if (ctx.boolParameter(QStringLiteral("standardize")) && n > 1) {
        for (Eigen::Index c = 0; c < X.cols(); ++c) {
            const double mean = X.col(c).mean();
            const double sd = std::sqrt((X.col(c).array() - mean).square().sum() / double(n));
            X.col(c).array() -= mean;
            if (sd > 0)
                X.col(c) /= sd;
        }
    }

    const int clusters
        = static_cast<int>(std::min<qlonglong>(ctx.intParameter(QStringLiteral("clusters")), n));
    if (clusters < ctx.intParameter(QStringLiteral("clusters")))
        ctx.addWarning(QStringLiteral("only %1 rows: cut into %1 clusters").arg(n));
    AgglomerativeClusteringOptions options;
    options.clusters = clusters;
    options.linkage = linkageOf(out.linkage);
    AgglomerativeClustering model(options);
    FitContext fc;
    fc.cancel = ctx.cancelFlag();
    fc.onEpoch = [&ctx](const EpochReport &r) {
        if (r.totalEpochs > 0)
            ctx.progress(0.9 * r.epoch / r.totalEpochs);
        return false;
    };
    try {
        if (!model.fit(X, Eigen::VectorXd(), fc) || ctx.cancelled())
            return;
    } catch (const FitError &e) {
        throw NodeError(QString::fromStdString(e.what()));
    }
    const Eigen::MatrixXd &Z = model.linkageMatrix();
    out.merges.resize(static_cast<std::size_t>(Z.size()));
    for (Eigen::Index j = 0; j < Z.rows(); ++j)
        for (int c = 0; c < 4; ++c)
            out.merges[static_cast<std::size_t>(4 * j + c)] = Z(j, c);
    try {
        out.layout = Dendrogram::layout(Z);
    } catch (const FitError &e) {
        throw NodeError(QString::fromStdString(e.what()));
    }
    out.clusters = clusters;
    out.cut = Dendrogram::cutHeight(Z, clusters);

    // Flat clusters: the model's labels (numbered by first row), named "1".."k".
    const std::vector<int> &labels = model.labels();
    out.cluster.assign(labels.begin(), labels.end());
    out.clusterSizes.assign(static_cast<std::size_t>(clusters), 0);
    for (int l : labels)
        ++out.clusterSizes[static_cast<std::size_t>(l)];
    for (int k = 0; k < clusters; ++k)
        out.clusterNames << QString::number(k + 1);
    // Each U below the cut takes the cluster of its leftmost sample.
    std::vector<std::int64_t> first(static_cast<std::size_t>(2 * n - 1));
    for (Eigen::Index i = 0; i < n; ++i)
        first[static_cast<std::size_t>(i)] = i;
    for (Eigen::Index j = 0; j < Z.rows(); ++j)
        first[static_cast<std::size_t>(n + j)] = first[static_cast<std::size_t>(Z(j, 0))];
    out.linkCluster.reserve(out.layout.linkRow.size());
    for (std::int64_t row : out.layout.linkRow)
        out.linkCluster.push_back(row < n - clusters
                ? out.cluster[static_cast<std::size_t>(first[static_cast<std::size_t>(n + row)])]
                : -1);

    out.labels.reserve(n);
    for (std::int64_t r : out.rows)
        out.labels << (labelColumn >= 0 ? data.column(labelColumn).displayValue(r)
                                        : QString::number(r + 1));

    // The output: the input and its clusters.
    Dataset table = data;
    std::vector<std::int32_t> codes(static_cast<std::size_t>(data.rowCount()), -1);
    for (Eigen::Index i = 0; i < n; ++i)
        codes[static_cast<std::size_t>(out.rows[i])] = out.cluster[static_cast<std::size_t>(i)];
    QString name = QStringLiteral("cluster");
    for (int k = 2; table.indexOf(name) >= 0; ++k)
        name = QStringLiteral("cluster %1").arg(k);
    table.addColumn(Column::categorical(name, std::move(codes), out.clusterNames));
    ctx.progress(1.0);
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
