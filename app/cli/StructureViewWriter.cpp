#include "cli/StructureViewWriter.h"

#include "cli/OutputFiles.h"
#include "nodes/DendrogramData.h"
#include "nodes/HeatMapData.h"
#include "nodes/ScatterData.h"
#include "nodes/TreeViewData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace sextant::cli {

namespace {

constexpr auto jsonNumber = &OutputFiles::jsonNumber;
constexpr auto writeCsv = &OutputFiles::writeCsv;
constexpr auto writeJson = &OutputFiles::writeJson;

QJsonArray quads(const std::vector<std::array<double, 4>> &v)
{
    QJsonArray a;
    for (const auto &q : v)
        a.append(
            QJsonArray { jsonNumber(q[0]), jsonNumber(q[1]), jsonNumber(q[2]), jsonNumber(q[3]) });
    return a;
}

bool writeDendrogram(
    const engine::DendrogramData &d, const QString &base, QStringList *written, QString *error)
{
    QJsonObject o;
    o[QStringLiteral("linkage")] = d.linkage;
    o[QStringLiteral("features")] = QJsonArray::fromStringList(d.features);
    o[QStringLiteral("label_column")]
        = d.labelColumn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.labelColumn);
    o[QStringLiteral("table_rows")] = static_cast<double>(d.tableRows);
    o[QStringLiteral("samples")] = static_cast<double>(d.sampleCount());
    o[QStringLiteral("clusters")] = d.clusters;
    o[QStringLiteral("cut_height")] = jsonNumber(d.cut);
    QJsonArray sizes;
    for (std::int64_t s : d.clusterSizes)
        sizes.append(static_cast<double>(s));
    o[QStringLiteral("cluster_sizes")] = sizes;
    QJsonArray Z;
    for (std::size_t j = 0; 4 * j + 3 < d.merges.size(); ++j)
        Z.append(QJsonArray { d.merges[4 * j], d.merges[4 * j + 1], jsonNumber(d.merges[4 * j + 2]),
            d.merges[4 * j + 3] });
    o[QStringLiteral("linkage_matrix")] = Z;
    QJsonArray leaves;
    for (std::int64_t s : d.layout.leaves)
        leaves.append(static_cast<double>(s));
    o[QStringLiteral("leaves")] = leaves; // sample ids, SciPy's dendrogram()["leaves"]
    o[QStringLiteral("icoord")] = quads(d.layout.icoord);
    o[QStringLiteral("dcoord")] = quads(d.layout.dcoord);
    QJsonArray linkCluster;
    for (std::int32_t c : d.linkCluster)
        linkCluster.append(c >= 0 ? QJsonValue(d.clusterNames.value(c)) : QJsonValue());
    o[QStringLiteral("link_cluster")] = linkCluster;
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;

    std::vector<std::int64_t> position(d.layout.leaves.size());
    for (std::size_t p = 0; p < d.layout.leaves.size(); ++p)
        position[static_cast<std::size_t>(d.layout.leaves[p])] = static_cast<std::int64_t>(p);
    QList<QStringList> rows;
    rows.reserve(static_cast<qsizetype>(d.rows.size()));
    for (std::size_t i = 0; i < d.rows.size(); ++i)
        rows.append({ QString::number(d.rows[i]), d.labels.value(static_cast<qsizetype>(i)),
            QString::number(position[i]), d.clusterNames.value(d.cluster[i]) });
    return writeCsv({ QStringLiteral("row"), QStringLiteral("label"), QStringLiteral("leaf"),
                        QStringLiteral("cluster") },
        rows, base + QStringLiteral(".csv"), written, error);
}

bool writeHeatMap(
    const engine::HeatMapData &h, const QString &base, QStringList *written, QString *error)
{
    constexpr std::int64_t kMaxOrderInJson = 100000;
    QJsonObject o;
    o[QStringLiteral("columns")] = QJsonArray::fromStringList(h.columns);
    QJsonArray means, sds;
    for (std::size_t c = 0; c < h.means.size(); ++c) {
        means.append(jsonNumber(h.means[c]));
        sds.append(jsonNumber(h.sds[c]));
    }
    o[QStringLiteral("means")] = means;
    o[QStringLiteral("sds")] = sds;
    o[QStringLiteral("annotation_column")] = h.annotationColumn.isEmpty()
        ? QJsonValue(QJsonValue::Null)
        : QJsonValue(h.annotationColumn);
    o[QStringLiteral("classes")] = QJsonArray::fromStringList(h.classNames);
    o[QStringLiteral("linkage")] = h.linkage;
    o[QStringLiteral("rows_clustered")] = h.rowsClustered;
    o[QStringLiteral("columns_clustered")] = h.columnsClustered;
    o[QStringLiteral("table_rows")] = static_cast<double>(h.tableRows);
    o[QStringLiteral("bands")] = static_cast<double>(h.bandCount());
    if (h.tableRows <= kMaxOrderInJson) {
        QJsonArray order;
        for (std::int64_t r : h.order)
            order.append(static_cast<double>(r));
        o[QStringLiteral("row_order")] = order; // input rows, top to bottom
    }
    if (!writeJson(o, base + QStringLiteral(".json"), written, error))
        return false;

    // One line per band: where it starts, how many rows, its class, its mean z per column.
    QStringList header { QStringLiteral("band"), QStringLiteral("first_row"),
        QStringLiteral("rows"), QStringLiteral("class") };
    header += h.columns;
    QList<QStringList> rows;
    rows.reserve(static_cast<qsizetype>(h.bandCount()));
    for (std::int64_t b = 0; b < h.bandCount(); ++b) {
        const std::int64_t p0 = h.bandStart[static_cast<std::size_t>(b)];
        const std::int64_t p1 = h.bandStart[static_cast<std::size_t>(b + 1)];
        const std::int32_t k = h.bandClass[static_cast<std::size_t>(b)];
        QStringList line { QString::number(b),
            QString::number(h.order[static_cast<std::size_t>(p0)]), QString::number(p1 - p0),
            k >= 0 ? h.classNames.value(k) : QString() };
        for (int c = 0; c < h.columns.size(); ++c) {
            const float z = h.value(b, c);
            line << OutputFiles::csvNumber(double(z));
        }
        rows.append(line);
    }
    return writeCsv(header, rows, base + QStringLiteral(".csv"), written, error);
}

// The tree: the model, which tree, the values' kind, and the drawn nodes in preorder with
// their split, rows, class counts / values, children (indices into "nodes") and folding.
bool writeTree(
    const engine::TreeViewData &t, const QString &base, QStringList *written, QString *error)
{
    using Values = engine::TreeViewData::Values;
    QJsonObject o;
    o[QStringLiteral("model")] = t.model;
    o[QStringLiteral("learner")] = t.learner;
    o[QStringLiteral("target")] = t.target;
    o[QStringLiteral("task")]
        = t.classification ? QStringLiteral("classification") : QStringLiteral("regression");
    o[QStringLiteral("values")] = t.values == Values::Distribution
        ? QStringLiteral("class_fractions")
        : (t.values == Values::Mean ? QStringLiteral("mean") : QStringLiteral("score"));
    o[QStringLiteral("classes")] = QJsonArray::fromStringList(t.classNames);
    if (!t.scoreClass.isEmpty())
        o[QStringLiteral("score_class")] = t.scoreClass;
    o[QStringLiteral("tree")] = t.tree;
    o[QStringLiteral("tree_count")] = t.treeCount;
    o[QStringLiteral("max_depth")] = t.maxDepth;
    o[QStringLiteral("model_nodes")] = t.modelNodes;
    o[QStringLiteral("model_leaves")] = t.modelLeaves;
    o[QStringLiteral("model_depth")] = t.modelDepth;
    o[QStringLiteral("data")]
        = t.hasCounts() ? QJsonValue(t.dataName) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("data_rows")] = static_cast<double>(t.dataRows);
    QJsonArray nodes;
    for (const engine::TreeViewData::Node &n : t.nodes) {
        QJsonObject j;
        j[QStringLiteral("model_node")] = n.modelNode;
        j[QStringLiteral("depth")] = n.depth;
        j[QStringLiteral("parent")] = n.parent;
        j[QStringLiteral("leaf")] = n.leaf;
        if (!n.leaf) {
            j[QStringLiteral("feature")] = n.feature;
            j[QStringLiteral("feature_index")] = n.featureIndex;
            j[QStringLiteral("threshold")] = jsonNumber(n.threshold);
            j[QStringLiteral("split")] = n.split;
            j[QStringLiteral("left")] = n.left;
            j[QStringLiteral("right")] = n.right;
        }
        if (n.folded) {
            j[QStringLiteral("folded")] = true;
            j[QStringLiteral("hidden_nodes")] = n.hiddenNodes;
            j[QStringLiteral("hidden_leaves")] = n.hiddenLeaves;
        }
        j[QStringLiteral("samples")]
            = n.samples >= 0 ? QJsonValue(static_cast<double>(n.samples)) : QJsonValue();
        if (!n.classCounts.empty()) {
            QJsonArray counts;
            for (double c : n.classCounts)
                counts.append(c);
            j[QStringLiteral("class_counts")] = counts;
        }
        QJsonArray value;
        for (double v : n.value)
            value.append(jsonNumber(v));
        j[QStringLiteral("value")] = value;
        if (n.majority >= 0)
            j[QStringLiteral("class")] = t.classNames.value(n.majority);
        nodes.append(j);
    }
    o[QStringLiteral("nodes")] = nodes;
    return writeJson(o, base + QStringLiteral(".json"), written, error);
}

} // namespace

bool StructureViewWriter::handles(const engine::NodeValue &result)
{
    return result.as<engine::DendrogramData>() || result.as<engine::HeatMapData>()
        || result.as<engine::TreeViewData>();
}

bool StructureViewWriter::isViewOfNodeWithOutputs(const engine::NodeValue &result)
{
    return result.as<engine::DendrogramData>() || result.as<engine::ScatterData>();
}

bool StructureViewWriter::write(
    const engine::NodeValue &result, const QString &basePath, QStringList *written, QString *error)
{
    if (const auto *d = result.as<engine::DendrogramData>())
        return writeDendrogram(*d, basePath, written, error);
    if (const auto *h = result.as<engine::HeatMapData>())
        return writeHeatMap(*h, basePath, written, error);
    if (const auto *t = result.as<engine::TreeViewData>())
        return writeTree(*t, basePath, written, error);
    return false;
}

} // namespace sextant::cli
