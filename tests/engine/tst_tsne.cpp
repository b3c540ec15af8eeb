// t-SNE against scikit-learn's TSNE on the same data and parameters (iris and digits):
// the trustworthiness of the embedding (sklearn.manifold.trustworthiness) and the KL
// divergence; the same seed giving the same embedding bit for bit, whatever the number of
// threads; the neighbours against a brute-force search; the Barnes-Hut gradient against
// the exact one (equal with angle 0, close with 0.5); Cancel within 100 ms; the node's
// columns and scatter.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "ml/Tsne.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ScatterData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

Eigen::MatrixXd readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::vector<std::vector<double>> rows;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        std::vector<double> r;
        for (const QByteArray &cell : line.split(','))
            r.push_back(cell.toDouble());
        rows.push_back(std::move(r));
    }
    if (rows.empty())
        return {};
    Eigen::MatrixXd M(
        static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            M(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
    return M;
}

Eigen::MatrixXd blobs(int n, int d, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd X(n, d);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < d; ++c)
            X(i, c) = 5.0 * ((i % 4) == c % 4) + normal(rng);
    return X;
}

// An embedding to take gradients at: clusters of different spreads, a few points on top of
// each other (the quadtree's deepest cells), the rest scattered.
Eigen::MatrixXd embedding(int n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd Y(n, 2);
    for (int i = 0; i < n; ++i) {
        const double spread = i % 3 == 0 ? 0.05 : (i % 3 == 1 ? 1.0 : 8.0);
        Y(i, 0) = 10.0 * (i % 5) + spread * normal(rng);
        Y(i, 1) = -4.0 * (i % 7) + spread * normal(rng);
    }
    for (int i = 1; i < 6; ++i)
        Y.row(i * 17) = Y.row(0);
    return Y;
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void againstScikitLearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::newRow("iris") << QStringLiteral("iris");
        QTest::newRow("digits") << QStringLiteral("digits");
    }

    void againstScikitLearn()
    {
        QFETCH(QString, dataset);
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QString error;
        // The data first (iris, digits), then scikit-learn's embeddings of it.
        ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.datasets import load_iris, load_digits
np.savetxt("iris.csv", load_iris().data, delimiter=",", fmt="%.17g")
np.savetxt("digits.csv", load_digits().data, delimiter=",", fmt="%.17g")
print("{}")
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        struct Case {
            const char *name;
            double perplexity;
        };
        const QByteArray name = dataset.toLatin1();
        for (const Case c : { Case { name.constData(), 30.0 } }) {
            const Eigen::MatrixXd X
                = readCsv(ref.path(QLatin1String(c.name) + QStringLiteral(".csv")));
            QVERIFY(X.rows() > 100);
            TsneOptions o;
            o.perplexity = c.perplexity;
            TsneResult r;
            QElapsedTimer t;
            t.start();
            QVERIFY(Tsne::fit(X, o, FitContext {}, r));
            const double ours = t.elapsed() / 1000.0;
            QCOMPARE(r.embedding.rows(), X.rows());
            Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> e = r.embedding;
            QVERIFY(ref.writeMatrix(QStringLiteral("ours.csv"), e.data(), e.rows(), 2));
            // One OpenMP thread: on a loaded 2-core machine more only slow scikit-learn down.
            const QJsonObject s = ref.run(QStringLiteral(R"PY(
import os
os.environ["OMP_NUM_THREADS"] = "1"
import json, time, numpy as np
from sklearn.manifold import TSNE, trustworthiness
X = np.loadtxt("%1.csv", delimiter=",")
ours = np.loadtxt("ours.csv", delimiter=",")
t = time.time()
m = TSNE(n_components=2, perplexity=%2, init="pca", learning_rate="auto", random_state=0)
theirs = m.fit_transform(X)
elapsed = time.time() - t
print(json.dumps({"ours": trustworthiness(X, ours, n_neighbors=5),
                  "theirs": trustworthiness(X, theirs, n_neighbors=5),
                  "kl": float(m.kl_divergence_), "seconds": elapsed}))
)PY")
                                              .arg(QLatin1String(c.name))
                                              .arg(c.perplexity),
                &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const double tOurs = s[QStringLiteral("ours")].toDouble();
            const double tTheirs = s[QStringLiteral("theirs")].toDouble();
            const double kl = s[QStringLiteral("kl")].toDouble();
            qInfo("%s: trustworthiness ours %.4f, scikit-learn %.4f; KL ours %.4f, scikit-learn "
                  "%.4f; %.2f s against %.2f s",
                c.name, tOurs, tTheirs, r.klDivergence, kl, ours,
                s[QStringLiteral("seconds")].toDouble());
            QVERIFY2(tOurs >= tTheirs - 0.01, c.name);
            QVERIFY2(r.klDivergence <= 1.05 * kl + 0.02, c.name);
        }
    }

    void seededAndExact()
    {
        const Eigen::MatrixXd X = blobs(300, 6, 4);
        TsneOptions o;
        o.maxIter = 300;
        o.pcaInit = false;
        o.seed = 7;
        TsneResult a, b;
        QVERIFY(Tsne::fit(X, o, FitContext {}, a));
        QVERIFY(Tsne::fit(X, o, FitContext {}, b));
        QVERIFY(a.embedding == b.embedding); // bit for bit
        o.seed = 8;
        QVERIFY(Tsne::fit(X, o, FitContext {}, b));
        QVERIFY(!(a.embedding == b.embedding));
        // theta 0: every pair; the Barnes-Hut result is close to it in quality.
        o.theta = 0;
        TsneResult exact;
        QVERIFY(Tsne::fit(X, o, FitContext {}, exact));
        QVERIFY(std::abs(exact.klDivergence - a.klDivergence) < 0.1 * exact.klDivergence + 0.05);
    }

    void sameResultOnAnyThreadCount()
    {
        const Eigen::MatrixXd X = blobs(900, 5, 3);
        TsneOptions o;
        o.maxIter = 300;
        o.threads = 1;
        TsneResult one, three;
        QVERIFY(Tsne::fit(X, o, FitContext {}, one));
        o.threads = 3;
        QVERIFY(Tsne::fit(X, o, FitContext {}, three));
        QVERIFY(one.embedding == three.embedding);
        QCOMPARE(one.klDivergence, three.klDivergence);
    }

    void neighboursAreExact()
    {
        // More rows than one block of queries and one tile of the matrix products, repeated
        // rows (equal distances) and a column of large values.
        std::mt19937_64 rng(11);
        std::normal_distribution<double> normal;
        const int n = 2500, d = 7, k = 25;
        Eigen::MatrixXd X(n, d);
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < d; ++c)
                X(i, c) = (c == 3 ? 100.0 : 1.0) * normal(rng) + 3.0 * (i % 6 == c);
        for (int i = 1; i < 40; ++i)
            X.row(i * 61) = X.row(7);
        std::vector<std::int64_t> index;
        std::vector<double> sq;
        Tsne::nearestNeighbours(X, k, 2, index, sq);
        QCOMPARE(index.size(), std::size_t(n) * k);
        QCOMPARE(sq.size(), std::size_t(n) * k);
        std::vector<std::pair<double, int>> all(n);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j)
                all[std::size_t(j)] = { j == i ? std::numeric_limits<double>::infinity()
                                               : (X.row(i) - X.row(j)).squaredNorm(),
                    j };
            std::sort(all.begin(), all.end());
            std::vector<std::int64_t> seen;
            for (int j = 0; j < k; ++j) {
                const std::int64_t o = index[std::size_t(i) * k + j];
                const double got = sq[std::size_t(i) * k + j];
                QVERIFY(o >= 0 && o < n && o != i);
                seen.push_back(o);
                // The j-th distance is the true j-th, and is that row's distance (both up to
                // the rounding of |x|^2 + |y|^2 - 2 x.y).
                const double tol = 1e-9 * (X.row(i).squaredNorm() + X.row(o).squaredNorm()) + 1e-12;
                QVERIFY2(std::abs(got - all[std::size_t(j)].first) <= tol,
                    qPrintable(QString::number(i)));
                QVERIFY(std::abs(got - (X.row(i) - X.row(o)).squaredNorm()) <= tol);
                if (j > 0)
                    QVERIFY(got >= sq[std::size_t(i) * k + j - 1]);
            }
            std::sort(seen.begin(), seen.end());
            QVERIFY(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
        }
        // Row 7's nearest are its 39 copies (distance 0 up to rounding).
        for (int j = 0; j < k; ++j) {
            const std::int64_t o = index[std::size_t(7) * k + j];
            QVERIFY(o % 61 == 0 && o / 61 >= 1 && o / 61 < 40);
            QVERIFY(sq[std::size_t(7) * k + j] <= 1e-9 * X.row(7).squaredNorm());
        }
    }

    void barnesHutGradientAgainstExact()
    {
        const int n = 700;
        const Eigen::MatrixXd X = blobs(n, 6, 5);
        const Eigen::MatrixXd Y = embedding(n, 9);
        TsneOptions o;
        o.perplexity = 20;
        Eigen::MatrixXd exact, tree;
        const double klExact = Tsne::gradient(X, Y, o, TsneForces::ExactPairs, exact);
        QCOMPARE(exact.rows(), Eigen::Index(n));
        QCOMPARE(exact.cols(), Eigen::Index(2));
        QVERIFY(exact.allFinite() && exact.norm() > 0);
        // Angle 0: every cell opened, every pair summed through the tree.
        o.theta = 0;
        const double klTree0 = Tsne::gradient(X, Y, o, TsneForces::BarnesHut, tree);
        const double scale = exact.cwiseAbs().maxCoeff();
        QVERIFY2((tree - exact).cwiseAbs().maxCoeff() <= 1e-9 * scale,
            qPrintable(QString::number((tree - exact).cwiseAbs().maxCoeff() / scale)));
        QVERIFY(std::abs(klTree0 - klExact) <= 1e-9 * std::abs(klExact));
        // Angle 0.5: cells far enough count as one point at their centre of mass.
        o.theta = 0.5;
        const double klTree = Tsne::gradient(X, Y, o, TsneForces::BarnesHut, tree);
        const double error = (tree - exact).norm() / exact.norm();
        qInfo("Barnes-Hut (angle 0.5) gradient: relative error %.2e, KL %.6f against %.6f", error,
            klTree, klExact);
        QVERIFY(error > 0 && error < 0.02);
        QVERIFY(std::abs(klTree - klExact) < 0.01 * klExact);
        // The exact gradient against central differences of the divergence (computed from the
        // same P and the exact Q) for a few coordinates.
        const auto klAt = [&](const Eigen::MatrixXd &Z) {
            Eigen::MatrixXd unused;
            return Tsne::gradient(X, Z, o, TsneForces::ExactPairs, unused);
        };
        for (const auto &[i, c] : { std::pair { 0, 0 }, std::pair { 17, 1 }, std::pair { 301, 0 },
                 std::pair { 650, 1 } }) {
            constexpr double h = 1e-5;
            Eigen::MatrixXd plus = Y, minus = Y;
            plus(i, c) += h;
            minus(i, c) -= h;
            const double numeric = (klAt(plus) - klAt(minus)) / (2 * h);
            QVERIFY2(std::abs(numeric - exact(i, c)) <= 1e-4 * scale + 1e-6 * std::abs(numeric),
                qPrintable(QStringLiteral("%1 %2: %3 against %4")
                               .arg(i)
                               .arg(c)
                               .arg(numeric)
                               .arg(exact(i, c))));
        }
    }

    void cancelStopsAtTheNextPoll()
    {
        // Cancel set while the optimisation runs (at its first report): the fit stops
        // without another iteration's report. The latency itself (the issue's 100 ms) is
        // a wall-clock figure and is measured in bench/, not asserted here; it is printed.
        const Eigen::MatrixXd X = blobs(20000, 10, 2);
        std::atomic<bool> cancel { false };
        FitContext fc;
        fc.cancel = &cancel;
        int reports = 0;
        std::chrono::steady_clock::time_point set;
        fc.onEpoch = [&](const EpochReport &) {
            if (++reports == 1) {
                set = std::chrono::steady_clock::now();
                cancel = true;
            }
            return false;
        };
        TsneResult r;
        const bool done = Tsne::fit(X, TsneOptions {}, fc, r);
        const auto ended = std::chrono::steady_clock::now();
        QVERIFY(!done);
        QCOMPARE(reports, 1);
        qInfo("t-SNE 20000 x 10 stopped %.1f ms after cancel",
            std::chrono::duration<double, std::milli>(ended - set).count());
    }

    void node()
    {
        const Eigen::MatrixXd X = blobs(200, 4, 1);
        Dataset data;
        for (int c = 0; c < 4; ++c) {
            std::vector<double> v(X.col(c).data(), X.col(c).data() + 200);
            if (c == 0)
                v[5] = std::nan("");
            data.addColumn(Column::numeric(QStringLiteral("x%1").arg(c), std::move(v)));
        }
        std::vector<std::int32_t> k(200);
        for (int i = 0; i < 200; ++i)
            k[static_cast<std::size_t>(i)] = i % 4;
        Column cls = Column::categorical(QStringLiteral("kind"), std::move(k),
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d") });
        cls.setRole(ColumnRole::Target);
        data.addColumn(std::move(cls));
        const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("embed.tsne"));
        QVERIFY(type);
        const auto params = type->completeParameters({ { QStringLiteral("max_iter"), 300 } });
        QVERIFY(params.ok());
        NodeContext ctx(1, *type, params.value(), { makeValue(data) });
        type->createCompute()(ctx);
        const auto *out = ctx.outputs()[0]->as<Dataset>();
        QVERIFY(out);
        QCOMPARE(out->columnCount(), 7);
        const int a = out->indexOf(QStringLiteral("t-SNE 1"));
        QVERIFY(a >= 0 && out->indexOf(QStringLiteral("t-SNE 2")) >= 0);
        QVERIFY(out->column(a).isMissing(5));
        QVERIFY(!out->column(a).isMissing(6));
        const auto *s = ctx.result()->as<ScatterData>();
        QVERIFY(s);
        QCOMPARE(s->x.name(), QStringLiteral("t-SNE 1"));
        QCOMPARE(s->color->name(), QStringLiteral("kind"));
        QCOMPARE(ctx.warnings().size(), 1); // the row left out
    }
};

QTEST_MAIN(TestTsne)
#include "tst_tsne.moc"
