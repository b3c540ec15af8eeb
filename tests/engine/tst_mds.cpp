// MDS against independent computations: classical scaling against numpy's eigendecomposition
// of the double-centred squared distances on iris (distances and coordinates to 1e-6),
// SMACOF against scikit-learn's MDS(metric=True) (the stress within 5% from random starts,
// the same iterations and stress from the same start), distances preserved on
// low-dimensional data; cancel and stop through the callback; the row limits; the node.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "ml/Mds.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ScatterData.h"
#include "nodes/TrainingUpdate.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <cmath>
#include <random>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Eigen::MatrixXd fromJson(const QJsonValue &v)
{
    int rows = 0, cols = 0;
    const std::vector<double> flat = SklearnReference::toMatrix(v, &rows, &cols);
    return Eigen::Map<const RowMatrix>(flat.data(), rows, cols);
}

bool writeMatrix(const SklearnReference &ref, const QString &name, const Eigen::MatrixXd &M)
{
    const RowMatrix R = M;
    return ref.writeMatrix(name, R.data(), R.rows(), R.cols());
}

// The n(n-1)/2 euclidean distances between the rows of X, i < j.
Eigen::VectorXd pairDistances(const Eigen::MatrixXd &X)
{
    const Eigen::Index n = X.rows();
    Eigen::VectorXd d(n * (n - 1) / 2);
    Eigen::Index at = 0;
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = i + 1; j < n; ++j)
            d(at++) = (X.row(i) - X.row(j)).norm();
    return d;
}

double correlation(const Eigen::VectorXd &a, const Eigen::VectorXd &b)
{
    const Eigen::ArrayXd x = a.array() - a.mean();
    const Eigen::ArrayXd y = b.array() - b.mean();
    return (x * y).sum() / std::sqrt(x.square().sum() * y.square().sum());
}

// n rows on a noisy plane turned into 5 dimensions (intrinsically two-dimensional).
Eigen::MatrixXd plane(int n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd P(n, 2);
    for (int i = 0; i < n; ++i) {
        P(i, 0) = 3.0 * normal(rng) + 4.0 * (i % 3);
        P(i, 1) = normal(rng);
    }
    Eigen::MatrixXd A(2, 5);
    for (Eigen::Index i = 0; i < A.size(); ++i)
        A.data()[i] = normal(rng);
    Eigen::MatrixXd X = P * A;
    for (Eigen::Index i = 0; i < X.size(); ++i)
        X.data()[i] += 0.01 * normal(rng);
    return X;
}

const char *kIrisScript = R"PY(
import json, numpy as np
from sklearn.datasets import load_iris
print(json.dumps({"X": load_iris().data.tolist()}))
)PY";

} // namespace

class TestMds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classicalAgainstNumpy_data()
    {
        QTest::addColumn<QString>("dataset");
        // iris: the whole decomposition; above Mds::kMaxDirectRows the Krylov iterations,
        // on two noisy planes (four large eigenvalues) and on gaussian columns (100
        // eigenvalues close together).
        QTest::newRow("iris") << QStringLiteral("iris");
        QTest::newRow("plane 1500 x 10") << QStringLiteral("plane");
        QTest::newRow("gaussian 1200 x 100") << QStringLiteral("gaussian");
    }

    void classicalAgainstNumpy()
    {
        QFETCH(QString, dataset);
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QString error;
        Eigen::MatrixXd X;
        if (dataset == QLatin1String("iris")) {
            X = fromJson(ref.run(QString::fromLatin1(kIrisScript), &error)[QStringLiteral("X")]);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(X.rows(), 150);
        } else if (dataset == QLatin1String("plane")) {
            X.resize(1500, 10);
            X << plane(1500, 4), plane(1500, 5);
            QVERIFY(X.rows() > Mds::kMaxDirectRows);
        } else {
            std::mt19937_64 rng(6);
            std::normal_distribution<double> normal;
#ifdef SEXTANT_SANITIZED
            // Instrumented, the 1200 x 100 case's Krylov iterations take over a minute;
            // still above kMaxDirectRows, with fewer (less crowded) eigenvalues.
            X.resize(1100, 30);
#else
            X.resize(1200, 100);
#endif
            for (Eigen::Index i = 0; i < X.size(); ++i)
                X.data()[i] = normal(rng);
            X.col(0) *= 1.5; // a clear first axis; the rest close together
        }
        const Eigen::Index n = X.rows();
        MdsOptions o;
        o.method = MdsOptions::Method::Classical;
        MdsResult r;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(Mds::fit(X, o, FitContext {}, r));
        qInfo("%s: classical scaling in %.2f s, eigenvalues %.6g, %.6g", qPrintable(dataset),
            timer.elapsed() / 1000.0, r.eigenvalues(0), r.eigenvalues(1));
        QCOMPARE(r.embedding.rows(), n);
        QCOMPARE(r.embedding.cols(), 2);
        QVERIFY(writeMatrix(ref, QStringLiteral("X.csv"), X));
        // Torgerson's scaling written out with numpy alone.
        const QJsonObject s = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from scipy.spatial.distance import cdist
X = np.loadtxt("X.csv", delimiter=",")
n = X.shape[0]
D2 = cdist(X, X, "sqeuclidean")
J = np.eye(n) - np.ones((n, n)) / n
B = -0.5 * J @ D2 @ J
w, V = np.linalg.eigh(B)
top = np.argsort(w)[::-1][:2]
Y = V[:, top] * np.sqrt(np.maximum(w[top], 0))
print(json.dumps({"Y": Y.tolist(), "w": w[top].tolist()}))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Eigen::MatrixXd theirs = fromJson(s[QStringLiteral("Y")]);
        const std::vector<double> w = SklearnReference::toVector(s[QStringLiteral("w")]);
        QCOMPARE(theirs.rows(), n);
        for (int c = 0; c < 2; ++c) {
            QVERIFY(std::abs(r.eigenvalues(c) - w[static_cast<std::size_t>(c)]) <= 1e-9 * w[0]);
            // The same axis up to its sign...
            const double sign = r.embedding.col(c).dot(theirs.col(c)) < 0 ? -1.0 : 1.0;
            const double worst = (r.embedding.col(c) - sign * theirs.col(c)).cwiseAbs().maxCoeff();
            QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
            // ... and the sign ours: the largest-magnitude coordinate positive.
            Eigen::Index arg = 0;
            r.embedding.col(c).cwiseAbs().maxCoeff(&arg);
            QVERIFY(r.embedding(arg, c) > 0);
        }
        const double worst
            = (pairDistances(r.embedding) - pairDistances(theirs)).cwiseAbs().maxCoeff();
        QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
        // The stress reported is the embedding's.
        const Eigen::VectorXd gap = pairDistances(r.embedding) - pairDistances(X);
        QVERIFY(std::abs(r.stress - gap.squaredNorm()) <= 1e-9 * gap.squaredNorm());
        // Deterministic, signs included.
        MdsResult again;
        QVERIFY(Mds::fit(X, o, FitContext {}, again));
        QVERIFY(again.embedding == r.embedding);
    }

    void smacofAgainstScikitLearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::newRow("iris") << QStringLiteral("iris");
        QTest::newRow("plane 400 x 5") << QStringLiteral("plane");
    }

    void smacofAgainstScikitLearn()
    {
        QFETCH(QString, dataset);
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QString error;
        Eigen::MatrixXd X;
        if (dataset == QLatin1String("iris")) {
            X = fromJson(ref.run(QString::fromLatin1(kIrisScript), &error)[QStringLiteral("X")]);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            X = plane(400, 3);
        }
        QVERIFY(writeMatrix(ref, QStringLiteral("X.csv"), X));
        MdsOptions o; // scikit-learn's defaults: 4 runs, 300 iterations, eps 1e-3
        o.seed = 0; // random_state=0's starts
        MdsResult ours;
        QVERIFY(Mds::fit(X, o, FitContext {}, ours));
        // Ours from the classical start, which scikit-learn is handed too: same algorithm,
        // same start, so the same iterations and stress.
        MdsOptions fromClassical = o;
        fromClassical.classicalInit = true;
        MdsResult oursClassical;
        QVERIFY(Mds::fit(X, fromClassical, FitContext {}, oursClassical));
        MdsOptions classical;
        classical.method = MdsOptions::Method::Classical;
        MdsResult start;
        QVERIFY(Mds::fit(X, classical, FitContext {}, start));
        QVERIFY(writeMatrix(ref, QStringLiteral("init.csv"), start.embedding));
        // The stress of an embedding is computed the same way for both (sum over i < j of
        // the squared distance gaps, scikit-learn's definition), at the embedding returned.
        const QJsonObject s = ref.run(QStringLiteral(R"PY(
import json, warnings, numpy as np
from sklearn.manifold import MDS
from sklearn.metrics import euclidean_distances
warnings.simplefilter("ignore")
X = np.loadtxt("X.csv", delimiter=",")
init = np.loadtxt("init.csv", delimiter=",")
D = euclidean_distances(X)
def stress(E):
    return float(((euclidean_distances(E) - D) ** 2).sum() / 2)
m = MDS(n_components=2, metric=True, n_init=4, max_iter=300, random_state=0,
        normalized_stress=False)
E = m.fit_transform(X)
c = MDS(n_components=2, metric=True, n_init=1, max_iter=300, normalized_stress=False)
C = c.fit_transform(X, init=init)
print(json.dumps({"stress": stress(E), "stress_": float(m.stress_), "iter": int(m.n_iter_),
                  "init_stress": stress(C), "init_iter": int(c.n_iter_)}))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const double theirs = s[QStringLiteral("stress")].toDouble();
        qInfo("%s: stress ours %.6g (%d iterations, run %d), scikit-learn %.6g (stress_ %.6g, "
              "%d iterations); from the classical start ours %.6g (%d), scikit-learn %.6g (%d)",
            qPrintable(dataset), ours.stress, ours.iterations, ours.bestRun, theirs,
            s[QStringLiteral("stress_")].toDouble(), s[QStringLiteral("iter")].toInt(),
            oursClassical.stress, oursClassical.iterations,
            s[QStringLiteral("init_stress")].toDouble(), s[QStringLiteral("init_iter")].toInt());
        QVERIFY2(std::abs(ours.stress - theirs) <= 0.05 * theirs, qPrintable(dataset));
        const double theirsClassical = s[QStringLiteral("init_stress")].toDouble();
        QVERIFY(std::abs(oursClassical.stress - theirsClassical) <= 1e-6 * theirsClassical);
        QVERIFY(std::abs(oursClassical.iterations - s[QStringLiteral("init_iter")].toInt()) <= 1);
        // The embedding keeps the distances: on the plane they correlate above 0.99.
        const double rho = correlation(pairDistances(ours.embedding), pairDistances(X));
        qInfo("distance correlation %.5f", rho);
        if (dataset == QLatin1String("plane"))
            QVERIFY2(rho > 0.99, qPrintable(QString::number(rho)));
        // The stress reported is the embedding's.
        const Eigen::VectorXd gap = pairDistances(ours.embedding) - pairDistances(X);
        QVERIFY(std::abs(ours.stress - gap.squaredNorm()) <= 1e-9 * gap.squaredNorm());
    }

    void seeded()
    {
        const Eigen::MatrixXd X = plane(200, 5);
        MdsOptions o;
        o.seed = 7;
        o.nInit = 2;
        MdsResult a, b;
        QVERIFY(Mds::fit(X, o, FitContext {}, a));
        o.threads = 1; // the thread count changes nothing
        QVERIFY(Mds::fit(X, o, FitContext {}, b));
        QVERIFY(a.embedding == b.embedding); // bit for bit
        QCOMPARE(a.stress, b.stress);
        o.seed = 8;
        QVERIFY(Mds::fit(X, o, FitContext {}, b));
        QVERIFY(!(a.embedding == b.embedding));
        // Three components.
        o.components = 3;
        QVERIFY(Mds::fit(X, o, FitContext {}, b));
        QCOMPARE(b.embedding.cols(), 3);
        QVERIFY(std::isfinite(b.stress));
    }

    void degenerate()
    {
        // One column: classical scaling is the centred column (up to sign), the second axis
        // zero, on both paths.
        for (const Eigen::Index n : { Eigen::Index(300), Mds::kMaxDirectRows + 100 }) {
            Eigen::MatrixXd X(n, 1);
            for (Eigen::Index i = 0; i < n; ++i)
                X(i, 0) = std::sin(0.37 * double(i)) + 0.001 * double(i);
            MdsOptions o;
            o.method = MdsOptions::Method::Classical;
            MdsResult r;
            QVERIFY(Mds::fit(X, o, FitContext {}, r));
            const Eigen::VectorXd centred = X.col(0).array() - X.col(0).mean();
            const double sign = r.embedding.col(0).dot(centred) < 0 ? -1.0 : 1.0;
            QVERIFY((r.embedding.col(0) - sign * centred).cwiseAbs().maxCoeff() < 1e-8);
            QVERIFY(r.embedding.col(1).cwiseAbs().maxCoeff() < 1e-4);
            QVERIFY(r.stress < 1e-6);
        }
        // Identical rows: every distance 0, an embedding of zeros, nothing non-finite.
        const Eigen::MatrixXd same = Eigen::MatrixXd::Constant(40, 3, 2.5);
        for (const auto method : { MdsOptions::Method::Classical, MdsOptions::Method::Smacof }) {
            MdsOptions o;
            o.method = method;
            o.maxIter = 20;
            MdsResult r;
            QVERIFY(Mds::fit(same, o, FitContext {}, r));
            QVERIFY(r.embedding.allFinite());
            QVERIFY(r.stress < 1e-12);
        }
    }

    void cancelMidRun()
    {
        // 3,000 rows: cancelled from the third iteration's report, nothing more runs.
        const Eigen::MatrixXd X = plane(3000, 2);
        std::atomic<bool> cancel { false };
        FitContext fc;
        fc.cancel = &cancel;
        int reports = 0;
        bool reportsOk = true;
        fc.onEpoch = [&](const EpochReport &r) {
            ++reports;
            reportsOk = reportsOk && r.unit == "iteration" && std::isfinite(r.trainLoss)
                && r.epoch == reports && r.totalEpochs == 4 * 300;
            if (reports == 3)
                cancel = true;
            return false;
        };
        FitEnd why = FitEnd::Completed;
        fc.onEnd = [&why](FitEnd e, int) { why = e; };
        MdsResult r;
        QVERIFY(!Mds::fit(X, MdsOptions {}, fc, r));
        QCOMPARE(reports, 3);
        QVERIFY(reportsOk);
        QCOMPARE(r.embedding.size(), Eigen::Index(0));
        QVERIFY(why == FitEnd::Cancelled);

        // Stop (the callback returns true) keeps what the run reached.
        cancel = false;
        reports = 0;
        fc.onEpoch = [&](const EpochReport &r) {
            ++reports;
            return r.epoch == 5;
        };
        MdsOptions o;
        o.eps = 0; // would run every iteration of every run
        QVERIFY(Mds::fit(plane(300, 2), o, fc, r));
        QCOMPARE(reports, 5);
        QCOMPARE(r.iterations, 5);
        QCOMPARE(r.embedding.rows(), 300);
        QVERIFY(why == FitEnd::Stopped);

        // Classical: cancelled from the report after the distances, so the Krylov
        // iterations stop at their first poll.
        fc.onEpoch = [&](const EpochReport &r) {
            cancel = r.epoch == 1;
            return false;
        };
        o.method = MdsOptions::Method::Classical;
        QVERIFY(!Mds::fit(plane(Mds::kMaxDirectRows + 200, 2), o, fc, r));
        QVERIFY(why == FitEnd::Cancelled);
    }

    void rowLimits()
    {
        MdsOptions smacof;
        MdsOptions classical;
        classical.method = MdsOptions::Method::Classical;
        QVERIFY(!Mds::refusal(Mds::kMaxSmacofRows, smacof));
        for (const MdsOptions &o : { smacof, classical }) {
            const Eigen::Index limit = o.method == MdsOptions::Method::Classical
                ? Mds::kMaxClassicalRows
                : Mds::kMaxSmacofRows;
            const auto why = Mds::refusal(limit + 1, o);
            QVERIFY(why);
            const QString message = QString::fromStdString(*why);
            QVERIFY2(message.contains(QStringLiteral("sample the rows")), qPrintable(message));
            QVERIFY(message.contains(QStringLiteral("t-SNE")));
            QVERIFY(message.contains(QString::number(limit)));
            // fit refuses before it allocates the n x n matrix.
            const Eigen::MatrixXd X = Eigen::MatrixXd::Random(limit + 1, 2);
            MdsResult r;
            QVERIFY_THROWS_EXCEPTION(FitError, Mds::fit(X, o, FitContext {}, r));
        }
        // The memory budget: 2 n^2 doubles for classical scaling.
        QCOMPARE(Mds::peakBytes(1000, classical), std::uint64_t(16000000));
    }

    void node()
    {
        const Eigen::MatrixXd X = plane(120, 1);
        Dataset data;
        for (int c = 0; c < 5; ++c) {
            std::vector<double> v(X.col(c).data(), X.col(c).data() + 120);
            if (c == 0)
                v[5] = std::nan("");
            data.addColumn(Column::numeric(QStringLiteral("x%1").arg(c), std::move(v)));
        }
        std::vector<std::int32_t> k(120);
        for (int i = 0; i < 120; ++i)
            k[static_cast<std::size_t>(i)] = i % 3;
        Column cls = Column::categorical(QStringLiteral("kind"), std::move(k),
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        cls.setRole(ColumnRole::Target);
        data.addColumn(std::move(cls));
        const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("embed.mds"));
        QVERIFY(type);
        QCOMPARE(type->category, QStringLiteral("View"));
        // The limits the Method help states are the algorithm's.
        QCOMPARE(Mds::kMaxClassicalRows, Eigen::Index(10000));
        QCOMPARE(Mds::kMaxSmacofRows, Eigen::Index(5000));
        for (const QString &method : { QStringLiteral("smacof"), QStringLiteral("classical") }) {
            const auto params = type->completeParameters({ { QStringLiteral("method"), method },
                { QStringLiteral("components"), 3 }, { QStringLiteral("standardize"), true } });
            QVERIFY(params.ok());
            NodeContext ctx(1, *type, params.value(), { makeValue(data) });
            type->createCompute()(ctx);
            const auto *out = ctx.outputs()[0]->as<Dataset>();
            QVERIFY(out);
            QCOMPARE(out->columnCount(), 9);
            const int a = out->indexOf(QStringLiteral("MDS 1"));
            QVERIFY(a >= 0 && out->indexOf(QStringLiteral("MDS 3")) >= 0);
            QVERIFY(out->column(a).isMissing(5));
            QVERIFY(!out->column(a).isMissing(6));
            const auto *s = ctx.result()->as<ScatterData>();
            QVERIFY(s);
            QCOMPARE(s->x.name(), QStringLiteral("MDS 1"));
            QCOMPARE(s->y.name(), QStringLiteral("MDS 2"));
            QCOMPARE(s->color->name(), QStringLiteral("kind"));
            QVERIFY(ctx.warnings().size() >= 1); // the row left out
        }
        // SMACOF's stress goes to the Training dock; Stop keeps the best run so far.
        {
            std::vector<TrainingUpdate> updates;
            std::atomic<bool> stop { true };
            const auto params = type->completeParameters({});
            QVERIFY(params.ok());
            NodeContext ctx(1, *type, params.value(), { makeValue(data) }, {}, nullptr, {},
                [&updates](NodeValuePtr v) {
                    if (const auto *u = v->as<TrainingUpdate>())
                        updates.push_back(*u);
                });
            ctx.setStopTrainingFlag(&stop);
            type->createCompute()(ctx);
            QVERIFY(ctx.outputs()[0]->as<Dataset>());
            QVERIFY(ctx.isPartial());
            QVERIFY(!updates.empty());
            QVERIFY(updates.back().end == FitEnd::Stopped);
            QCOMPARE(updates.back().report.epoch, 1);
            QCOMPARE(updates.back().report.unit, std::string("iteration"));
            QVERIFY(std::isfinite(updates.back().report.trainLoss));
        }
        // Above the row limit: refused with what to do.
        std::vector<double> big(static_cast<std::size_t>(Mds::kMaxSmacofRows + 1), 1.0);
        Dataset large;
        large.addColumn(Column::numeric(QStringLiteral("a"), big));
        large.addColumn(Column::numeric(QStringLiteral("b"), big));
        const auto params = type->completeParameters({});
        QVERIFY(params.ok());
        NodeContext ctx(1, *type, params.value(), { makeValue(large) });
        QString message;
        try {
            type->createCompute()(ctx);
        } catch (const NodeError &e) {
            message = e.message();
        }
        QVERIFY2(message.contains(QStringLiteral("sample the rows")), qPrintable(message));
    }
};

QTEST_MAIN(TestMds)
#include "tst_mds.moc"
