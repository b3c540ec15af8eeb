// Optimal leaf ordering and the Heat Map node, against SciPy on the same data:
// optimal_leaf_ordering(Z, D) for SciPy's linkage of random data (every linkage), the
// heat map's row and column orders (linkage + optimal_leaf_ordering of the standardized
// values and of their transpose), its bands above HeatMapData::kMaxBands rows, the class
// of each band, and refusals.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "ml/Dendrogram.h"
#include "ml/FitContext.h"
#include "ml/OptimalLeafOrdering.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/HeatMapData.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

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

bool writeRowMajor(const SklearnReference &ref, const QString &name, const Eigen::MatrixXd &X)
{
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = X;
    return ref.writeMatrix(name, rm.data(), X.rows(), X.cols());
}

struct Run {
    NodeValuePtr result;
    QStringList warnings;
    QString error;
};

Run runHeatMap(const Dataset &data, const QVariantMap &params)
{
    Run out;
    const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("view.heatmap"));
    if (!type) {
        out.error = QStringLiteral("view.heatmap is not registered");
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
    out.result = ctx.result();
    out.warnings = ctx.warnings();
    return out;
}

// n rows of d columns with structure (three row groups, correlated column pairs) and a
// class column "kind" (the row group).
Dataset structured(int n, int d, std::uint64_t seed, Eigen::MatrixXd *values = nullptr)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd X(n, d);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < d; ++c)
            X(i, c)
                = (c % 2 ? 10.0 : 1.0) * (((i % 3) == c % 3 ? 2.0 : 0.0) + normal(rng)) + 0.5 * c;
    Dataset data;
    for (int c = 0; c < d; ++c) {
        std::vector<double> v(X.col(c).data(), X.col(c).data() + n);
        data.addColumn(Column::numeric(QStringLiteral("c%1").arg(c), std::move(v)));
    }
    std::vector<std::int32_t> kind(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        kind[static_cast<std::size_t>(i)] = i % 3;
    Column k = Column::categorical(QStringLiteral("kind"), std::move(kind),
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
    k.setRole(ColumnRole::Target);
    data.addColumn(std::move(k));
    if (values)
        *values = X;
    return data;
}

} // namespace

class TestLeafOrdering : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // SciPy's optimal_leaf_ordering of SciPy's own linkage: the same leaf order.
    void againstScipy()
    {
        if (const QString why = scipyMissing(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        std::mt19937_64 rng(3);
        std::normal_distribution<double> normal;
        const int sizes[] = { 5, 17, 40, 120 };
        for (int s = 0; s < 4; ++s) {
            Eigen::MatrixXd X(sizes[s], 4);
            for (Eigen::Index i = 0; i < X.size(); ++i)
                X.data()[i] = normal(rng) + (i % 7 == 0 ? 3 : 0);
            QVERIFY(writeRowMajor(ref, QStringLiteral("X%1.csv").arg(s), X));
        }
        QString error;
        const QJsonObject r = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from scipy.cluster.hierarchy import linkage, optimal_leaf_ordering, leaves_list
from scipy.spatial.distance import pdist, squareform
out = {}
for s in range(4):
    X = np.loadtxt("X%d.csv" % s, delimiter=",")
    for m in ["average", "complete", "single", "ward"]:
        Z = linkage(X, method=m)
        y = pdist(X)
        out["%d_%s" % (s, m)] = {"Z": Z.tolist(), "D": squareform(y).tolist(),
            "leaves": leaves_list(optimal_leaf_ordering(Z, y)).tolist(),
            "plain": leaves_list(Z).tolist()}
print(json.dumps(out))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int reordered = 0;
        for (auto it = r.begin(); it != r.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            const Eigen::MatrixXd Z = matrixOf(c[QStringLiteral("Z")]);
            const Eigen::MatrixXd D = matrixOf(c[QStringLiteral("D")]);
            const Eigen::MatrixXd ours = OptimalLeafOrdering::reorder(Z, D);
            const std::vector<std::int64_t> leaves = Dendrogram::layout(ours).leaves;
            const std::vector<double> expected
                = SklearnReference::toVector(c[QStringLiteral("leaves")]);
            QCOMPARE(leaves.size(), expected.size());
            QString mine, theirs;
            for (std::size_t p = 0; p < leaves.size(); ++p) {
                mine += QString::number(leaves[p]) + QLatin1Char(' ');
                theirs += QString::number(expected[p]) + QLatin1Char(' ');
            }
            QVERIFY2(mine == theirs,
                qPrintable(QStringLiteral("%1: ours %2, SciPy %3").arg(it.key(), mine, theirs)));
            // The tree is the same: only children swapped.
            for (Eigen::Index j = 0; j < Z.rows(); ++j) {
                QCOMPARE(std::min(ours(j, 0), ours(j, 1)), std::min(Z(j, 0), Z(j, 1)));
                QCOMPARE(ours(j, 2), Z(j, 2));
            }
            reordered += SklearnReference::toVector(c[QStringLiteral("plain")])
                    != std::vector<double>(leaves.begin(), leaves.end())
                ? 1
                : 0;
        }
        QVERIFY(reordered > 4); // the ordering changed something
    }

    // The Heat Map node's row and column orders equal SciPy's on the standardized values.
    void heatMapOrders()
    {
        if (const QString why = scipyMissing(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        Eigen::MatrixXd X;
        const Dataset data = structured(90, 7, 5, &X);
        const Run run = runHeatMap(data, {});
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        const auto *h = run.result->as<HeatMapData>();
        QVERIFY(h);
        QVERIFY(h->rowsClustered && h->columnsClustered);
        QCOMPARE(h->annotationColumn, QStringLiteral("kind"));
        QCOMPARE(h->bandCount(), 90); // one row per band
        SklearnReference ref;
        QVERIFY(writeRowMajor(ref, QStringLiteral("X.csv"), X));
        QString error;
        const QJsonObject r = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from scipy.cluster.hierarchy import linkage, optimal_leaf_ordering, leaves_list
from scipy.spatial.distance import pdist
X = np.loadtxt("X.csv", delimiter=",")
Z = (X - X.mean(axis=0)) / X.std(axis=0)
def order(P):
    y = pdist(P)
    return leaves_list(optimal_leaf_ordering(linkage(P, "average"), y)).tolist()
print(json.dumps({"rows": order(Z), "columns": order(Z.T), "z": Z.tolist()}))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const std::vector<double> rows = SklearnReference::toVector(r[QStringLiteral("rows")]);
        const std::vector<double> cols = SklearnReference::toVector(r[QStringLiteral("columns")]);
        QCOMPARE(std::vector<double>(h->order.begin(), h->order.end()), rows);
        QStringList expected;
        for (double c : cols)
            expected << QStringLiteral("c%1").arg(int(c));
        QCOMPARE(h->columns, expected);
        // Cells: the standardized values, displayed row b = input row order[b].
        const Eigen::MatrixXd z = matrixOf(r[QStringLiteral("z")]);
        for (std::int64_t b = 0; b < 90; ++b)
            for (int c = 0; c < 7; ++c)
                QVERIFY(std::abs(h->value(b, c) - z(h->order[b], int(cols[c]))) < 1e-5);
        for (std::int64_t b = 0; b < 90; ++b)
            QCOMPARE(h->bandClass[b], static_cast<std::int32_t>(h->order[b] % 3));
    }

    // Above kMaxBands rows: bands of consecutive rows (mean z), rows grouped by class when
    // they are too many to cluster, every row in exactly one band.
    void bands()
    {
        const int n = 10007;
        Eigen::MatrixXd X;
        const Dataset data = structured(n, 4, 9, &X);
        const Run run = runHeatMap(data, { { QStringLiteral("max_cluster_rows"), 1000 } });
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.warnings.size(), 1);
        QVERIFY(run.warnings[0].contains(QStringLiteral("grouped by class")));
        const auto *h = run.result->as<HeatMapData>();
        QVERIFY(!h->rowsClustered);
        QVERIFY(h->bandCount() <= HeatMapData::kMaxBands);
        QCOMPARE(h->bandStart.back(), std::int64_t(n));
        std::vector<int> seen(n, 0);
        for (std::int64_t r : h->order)
            ++seen[static_cast<std::size_t>(r)];
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
        // Class a first (rows 0, 3, 6, ... in table order), then b, then c.
        QCOMPARE(h->order[0], 0);
        QCOMPARE(h->order[1], 3);
        QCOMPARE(h->bandClass.front(), 0);
        QCOMPARE(h->bandClass.back(), 2);
        // A band's value is the mean z of its rows.
        const std::int64_t b = 700;
        const int column = 1;
        const int source = h->columns.indexOf(QStringLiteral("c1")) >= 0 ? 1 : -1;
        QVERIFY(source == 1);
        const std::vector<double> col(X.col(1).data(), X.col(1).data() + n);
        double mean = 0, ss = 0;
        for (double v : col)
            mean += v / n;
        for (double v : col)
            ss += (v - mean) * (v - mean);
        const double sd = std::sqrt(ss / n);
        double sum = 0;
        const std::int64_t p0 = h->bandStart[b], p1 = h->bandStart[b + 1];
        for (std::int64_t p = p0; p < p1; ++p)
            sum += (col[static_cast<std::size_t>(h->order[p])] - mean) / sd;
        const int shown = static_cast<int>(h->columns.indexOf(QStringLiteral("c1")));
        Q_UNUSED(column);
        QVERIFY(std::abs(h->value(b, shown) - sum / double(p1 - p0)) < 1e-5);
        QCOMPARE(h->bandOfRow(h->order[p0]), b);
    }

    void refusals()
    {
        Dataset text;
        text.addColumn(Column::categorical(
            QStringLiteral("c"), { 0, 1 }, { QStringLiteral("a"), QStringLiteral("b") }));
        QVERIFY(runHeatMap(text, {}).error.contains(QStringLiteral("no numeric column")));
        Eigen::MatrixXd X;
        const Dataset data = structured(10, 3, 1, &X);
        QVERIFY(runHeatMap(data, { { QStringLiteral("annotation"), QStringLiteral("c0") } })
                    .error.contains(QStringLiteral("not categorical")));
        Eigen::MatrixXd Z(2, 4);
        Z << 0, 1, 1, 2, 2, 3, 2, 3;
        QVERIFY_THROWS_EXCEPTION(
            FitError, OptimalLeafOrdering::reorder(Z, Eigen::MatrixXd::Zero(2, 2)));
    }
};

QTEST_MAIN(TestLeafOrdering)
#include "tst_leafordering.moc"
