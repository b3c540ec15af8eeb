// t-SNE against scikit-learn's TSNE on the same data and parameters (iris and digits):
// the trustworthiness of the embedding (sklearn.manifold.trustworthiness) and the KL
// divergence; the same seed giving the same embedding bit for bit; Cancel within 100 ms;
// the node's columns and scatter.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "ml/Tsne.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ScatterData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <random>

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
