// The Dendrogram node and its layout, against SciPy on the same data: the leaf order and
// the drawing (scipy.cluster.hierarchy.dendrogram's leaves, icoord, dcoord) for SciPy's
// own linkage and for ours, the flat clusters of each cut (fcluster maxclust), and the
// node's table output and refusals.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "ml/AgglomerativeClustering.h"
#include "ml/Dendrogram.h"
#include "ml/FitContext.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/DendrogramData.h"

#include <QTest>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

// Three blobs in 3-D, continuous values (no tied distances).
Eigen::MatrixXd blobs(int n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd X(n, 3);
    const double centres[3][3] = { { 0, 0, 0 }, { 6, 1, -2 }, { -3, 5, 4 } };
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < 3; ++c)
            X(i, c) = centres[i % 3][c] + (1.0 + 0.3 * (i % 3)) * normal(rng);
    return X;
}

QString scipyMissing()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        return why;
    QProcess p;
    p.start(QStringLiteral(SEXTANT_PYTHON),
        { QStringLiteral("-c"), QStringLiteral("import scipy.cluster.hierarchy") });
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("scipy not importable by " SEXTANT_PYTHON);
    return {};
}

const char *kMethods[] = { "ward", "complete", "average", "single" };

AgglomerativeClusteringOptions::Linkage linkageOf(const QString &m)
{
    using L = AgglomerativeClusteringOptions::Linkage;
    return m == QLatin1String("complete") ? L::Complete
        : m == QLatin1String("average")   ? L::Average
        : m == QLatin1String("single")    ? L::Single
                                          : L::Ward;
}

Dataset tableOf(const Eigen::MatrixXd &X)
{
    Dataset d;
    for (Eigen::Index c = 0; c < X.cols(); ++c) {
        std::vector<double> v(X.col(c).data(), X.col(c).data() + X.rows());
        d.addColumn(Column::numeric(QStringLiteral("x%1").arg(c), std::move(v)));
    }
    return d;
}

struct Run {
    NodeValuePtr output;
    NodeValuePtr result;
    QStringList warnings;
    QString error;
};

Run runDendrogram(const Dataset &data, const QVariantMap &params)
{
    Run out;
    const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("view.dendrogram"));
    if (!type) {
        out.error = QStringLiteral("view.dendrogram is not registered");
        return out;
    }
    auto complete = type->completeParameters(params);
    if (!complete) {
        out.error = complete.error();
        return out;
    }
    NodeContext ctx(1, *type, complete.value(), { makeValue(data) });
    try {
        type->createCompute()(ctx);
    } catch (const NodeError &e) {
        out.error = e.message();
        return out;
    }
    if (!ctx.outputs().empty())
        out.output = ctx.outputs()[0];
    out.result = ctx.result();
    out.warnings = ctx.warnings();
    return out;
}

Eigen::MatrixXd matrixOf(const QJsonValue &v)
{
    int rows = 0, cols = 0;
    const std::vector<double> flat = SklearnReference::toMatrix(v, &rows, &cols);
    Eigen::MatrixXd M(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            M(r, c) = flat[static_cast<std::size_t>(r * cols + c)];
    return M;
}

// Compares a layout with SciPy's dendrogram() output for the same linkage.
void compareLayout(const DendrogramLayout &L, const QJsonObject &ref, const QString &what)
{
    const std::vector<double> leaves = SklearnReference::toVector(ref[QStringLiteral("leaves")]);
    QCOMPARE(L.leaves.size(), leaves.size());
    for (std::size_t p = 0; p < leaves.size(); ++p)
        QVERIFY2(L.leaves[p] == static_cast<std::int64_t>(leaves[p]),
            qPrintable(QStringLiteral("%1: leaf %2 is sample %3, SciPy's %4")
                           .arg(what)
                           .arg(p)
                           .arg(L.leaves[p])
                           .arg(leaves[p])));
    const Eigen::MatrixXd ic = matrixOf(ref[QStringLiteral("icoord")]);
    const Eigen::MatrixXd dc = matrixOf(ref[QStringLiteral("dcoord")]);
    QCOMPARE(static_cast<Eigen::Index>(L.icoord.size()), ic.rows());
    for (Eigen::Index u = 0; u < ic.rows(); ++u)
        for (int k = 0; k < 4; ++k) {
            QVERIFY2(std::abs(L.icoord[u][k] - ic(u, k)) < 1e-9,
                qPrintable(QStringLiteral("%1: icoord[%2][%3] %4, SciPy %5")
                               .arg(what)
                               .arg(u)
                               .arg(k)
                               .arg(L.icoord[u][k])
                               .arg(ic(u, k))));
            QVERIFY2(std::abs(L.dcoord[u][k] - dc(u, k)) <= 1e-9 * (1 + std::abs(dc(u, k))),
                qPrintable(QStringLiteral("%1: dcoord[%2][%3] %4, SciPy %5")
                               .arg(what)
                               .arg(u)
                               .arg(k)
                               .arg(L.dcoord[u][k])
                               .arg(dc(u, k))));
        }
}

} // namespace

class TestDendrogram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The layout of SciPy's linkage and of ours equals SciPy's dendrogram() drawing; the
    // flat clusters of every cut equal fcluster(Z, k, "maxclust") up to the names.
    void layoutAgainstScipy()
    {
        if (const QString why = scipyMissing(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        const int n = 90;
        const Eigen::MatrixXd X = blobs(n, 11);
        SklearnReference ref;
        Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = X;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), n, 3));
        std::map<QString, Eigen::MatrixXd> ours;
        for (const char *m : kMethods) {
            AgglomerativeClusteringOptions o;
            o.linkage = linkageOf(QLatin1String(m));
            o.clusters = 4;
            AgglomerativeClustering model(o);
            QVERIFY(model.fit(X, Eigen::VectorXd(), FitContext {}));
            ours[QLatin1String(m)] = model.linkageMatrix();
            Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> z
                = model.linkageMatrix();
            QVERIFY(ref.writeMatrix(
                QStringLiteral("Z_%1.csv").arg(QLatin1String(m)), z.data(), z.rows(), 4));
        }
        QString error;
        const QJsonObject r = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from scipy.cluster.hierarchy import linkage, dendrogram, fcluster
X = np.loadtxt("X.csv", delimiter=",")
out = {}
for m in ["ward", "complete", "average", "single"]:
    Z = linkage(X, method=m)
    d = dendrogram(Z, no_plot=True)
    ours = np.loadtxt("Z_%s.csv" % m, delimiter=",")
    o = dendrogram(ours, no_plot=True)
    cuts = {str(k): fcluster(ours, k, criterion="maxclust").tolist() for k in range(1, 12)}
    out[m] = {"Z": Z.tolist(), "leaves": d["leaves"], "icoord": d["icoord"],
              "dcoord": d["dcoord"],
              "ours": {"leaves": o["leaves"], "icoord": o["icoord"], "dcoord": o["dcoord"]},
              "cuts": cuts}
print(json.dumps(out))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char *m : kMethods) {
            const QString method = QLatin1String(m);
            const QJsonObject rm2 = r[method].toObject();
            // SciPy's linkage, laid out by us.
            const Eigen::MatrixXd Zs = matrixOf(rm2[QStringLiteral("Z")]);
            compareLayout(
                Dendrogram::layout(Zs), rm2, method + QStringLiteral(" (SciPy's linkage)"));
            // Our linkage (the one the node draws).
            const Eigen::MatrixXd &Z = ours[method];
            compareLayout(Dendrogram::layout(Z), rm2[QStringLiteral("ours")].toObject(),
                method + QStringLiteral(" (our linkage)"));
            // Same data, same tree: our leaf order is SciPy's for its own linkage.
            compareLayout(Dendrogram::layout(Z), rm2, method + QStringLiteral(" (same data)"));

            // Cuts: clustersAt(cutHeight(k)) == k, and the node's clusters are fcluster's.
            const QJsonObject cuts = rm2[QStringLiteral("cuts")].toObject();
            for (int k = 1; k < 12; ++k) {
                QCOMPARE(Dendrogram::clustersAt(Z, Dendrogram::cutHeight(Z, k)), k);
                QVariantMap p { { QStringLiteral("linkage"), method },
                    { QStringLiteral("clusters"), k } };
                const Run run = runDendrogram(tableOf(X), p);
                QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
                const auto *d = run.result->as<DendrogramData>();
                QVERIFY(d);
                const std::vector<double> f = SklearnReference::toVector(cuts[QString::number(k)]);
                std::map<int, int> toOurs;
                std::set<int> seen;
                for (int i = 0; i < n; ++i) {
                    const int theirs = static_cast<int>(f[static_cast<std::size_t>(i)]);
                    const int mine = d->cluster[static_cast<std::size_t>(i)];
                    auto [it, fresh] = toOurs.emplace(theirs, mine);
                    QVERIFY2(it->second == mine,
                        qPrintable(QStringLiteral("%1, %2 clusters: row %3 splits fcluster's "
                                                  "cluster %4")
                                       .arg(method)
                                       .arg(k)
                                       .arg(i)
                                       .arg(theirs)));
                    if (fresh)
                        QVERIFY2(seen.insert(mine).second, "two fcluster clusters merged");
                }
                QCOMPARE(static_cast<int>(toOurs.size()), k);
            }
        }
    }

    // The node: a "cluster" column with the cut's clusters, rows with a missing value left
    // out, leaf labels from a column, each U below the cut coloured as all of its leaves.
    void nodeOutputs()
    {
        Eigen::MatrixXd X = blobs(60, 3);
        Dataset data = tableOf(X);
        std::vector<double> withGap(X.col(0).data(), X.col(0).data() + 60);
        withGap[7] = std::nan("");
        Dataset table;
        table.addColumn(Column::numeric(QStringLiteral("a"), withGap));
        table.addColumn(data.column(1));
        table.addColumn(data.column(2));
        QStringList names;
        std::vector<std::int32_t> codes;
        for (int i = 0; i < 60; ++i) {
            names << QStringLiteral("r%1").arg(i);
            codes.push_back(i);
        }
        table.addColumn(Column::categorical(QStringLiteral("name"), codes, names));
        const Run run = runDendrogram(table,
            { { QStringLiteral("clusters"), 3 },
                { QStringLiteral("labels"), QStringLiteral("name") },
                { QStringLiteral("linkage"), QStringLiteral("ward") } });
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.warnings.size(), 1);
        QVERIFY(run.warnings[0].contains(QStringLiteral("missing")));
        const auto *d = run.result->as<DendrogramData>();
        QVERIFY(d);
        QCOMPARE(d->sampleCount(), 59);
        QCOMPARE(d->features,
            QStringList({ QStringLiteral("a"), QStringLiteral("x1"), QStringLiteral("x2") }));
        QCOMPARE(d->clusters, 3);
        QCOMPARE(d->labels[7], QStringLiteral("r8")); // sample 7 is row 8
        QCOMPARE(d->rows[7], 8);
        const auto *out = run.output->as<Dataset>();
        QVERIFY(out);
        const int c = out->indexOf(QStringLiteral("cluster"));
        QVERIFY(c >= 0);
        QCOMPARE(out->column(c).categories(),
            QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") }));
        QVERIFY(out->column(c).codes()[7] < 0);
        for (std::size_t i = 0; i < d->rows.size(); ++i)
            QCOMPARE(out->column(c).codes()[static_cast<std::size_t>(d->rows[i])], d->cluster[i]);
        // Blobs of 20: three clusters of 20 (19 for the one that lost row 7).
        std::vector<std::int64_t> sizes = d->clusterSizes;
        std::sort(sizes.begin(), sizes.end());
        QCOMPARE(sizes, std::vector<std::int64_t>({ 19, 20, 20 }));

        // Colours: a U below the cut has leaves of one cluster (its colour), above none.
        const std::int64_t n = d->sampleCount();
        int above = 0;
        for (std::size_t u = 0; u < d->layout.icoord.size(); ++u) {
            const double height = d->layout.dcoord[u][1];
            if (d->linkCluster[u] < 0) {
                QVERIFY(height > d->cut);
                ++above;
                continue;
            }
            QVERIFY(height < d->cut);
            const double lo = d->layout.icoord[u][0];
            const double hi = d->layout.icoord[u][3];
            for (std::int64_t p = 0; p < n; ++p) {
                const double x = 5.0 + 10.0 * static_cast<double>(p);
                if (x >= lo && x <= hi)
                    QCOMPARE(d->cluster[static_cast<std::size_t>(d->layout.leaves[p])],
                        d->linkCluster[u]);
            }
        }
        QCOMPARE(above, 2); // k - 1 merges above the cut
    }

    void refusals()
    {
        Eigen::MatrixXd Z(2, 4);
        Z << 0, 1, 0.5, 2, 0, 3, 1.0, 3; // sample 0 merged twice
        QVERIFY_THROWS_EXCEPTION(FitError, Dendrogram::layout(Z));
        Dataset text;
        text.addColumn(Column::categorical(
            QStringLiteral("c"), { 0, 1 }, { QStringLiteral("a"), QStringLiteral("b") }));
        const Run none = runDendrogram(text, {});
        QVERIFY(none.error.contains(QStringLiteral("no numeric column")));
        const Run few = runDendrogram(tableOf(blobs(4, 1)), { { QStringLiteral("clusters"), 9 } });
        QVERIFY2(few.error.isEmpty(), qPrintable(few.error));
        QCOMPARE(few.result->as<DendrogramData>()->clusters, 4);
        QVERIFY(!few.warnings.isEmpty());
        // One row: a single leaf, no merge.
        const Run one = runDendrogram(tableOf(blobs(1, 1)), {});
        QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
        QCOMPARE(one.result->as<DendrogramData>()->layout.leaves.size(), std::size_t(1));
    }
};

QTEST_MAIN(TestDendrogram)
#include "tst_dendrogram.moc"
