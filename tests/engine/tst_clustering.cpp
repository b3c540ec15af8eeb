// Clustering estimators (k-means, DBSCAN, Gaussian mixture, agglomerative): recovery of
// well-separated blobs, comparisons with scikit-learn / SciPy, model state round trips,
// corrupted states, determinism and cancellation.
#include "SklearnReference.h"
#include "ml/AgglomerativeClustering.h"
#include "ml/Dbscan.h"
#include "ml/GaussianMixture.h"
#include "ml/KMeans.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <thread>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// k Gaussian blobs of `perBlob` rows in d dimensions, centres 20 apart on a diagonal
// lattice, unit spread: truth labels in `truth`.
Eigen::MatrixXd makeBlobs(
    int k, int perBlob, int d, unsigned seed, std::vector<int> *truth, double spread = 1.0)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd X(k * perBlob, d);
    truth->assign(static_cast<std::size_t>(k * perBlob), 0);
    // Interleave the blobs so that row order does not follow the clusters.
    for (int r = 0; r < k * perBlob; ++r) {
        const int c = r % k;
        (*truth)[r] = c;
        for (int j = 0; j < d; ++j)
            X(r, j) = 20.0 * ((c * (j + 1)) % (k + 1)) + 3.0 * c + spread * normal(rng);
    }
    return X;
}

// Features (all columns but the last) of resources/datasets/NAME.csv.
Eigen::MatrixXd loadDataset(const char *name)
{
    QFile f(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + QLatin1String(name)
        + QStringLiteral(".csv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::vector<std::vector<double>> rows;
    bool header = true;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (header) {
            header = false;
            continue;
        }
        if (line.isEmpty())
            continue;
        const QList<QByteArray> cells = line.split(',');
        std::vector<double> r;
        for (int c = 0; c + 1 < cells.size(); ++c)
            r.push_back(cells[c].toDouble());
        rows.push_back(r);
    }
    Eigen::MatrixXd X(
        static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
    return X;
}

template<typename A, typename B> double adjustedRand(const A &a, const B &b, std::size_t n)
{
    std::map<std::pair<long, long>, double> table;
    std::map<long, double> ra, rb;
    for (std::size_t i = 0; i < n; ++i) {
        const long x = static_cast<long>(a[i]), y = static_cast<long>(b[i]);
        table[{ x, y }] += 1;
        ra[x] += 1;
        rb[y] += 1;
    }
    const auto c2 = [](double v) { return v * (v - 1) / 2; };
    double sumTable = 0, sumA = 0, sumB = 0;
    for (const auto &[key, v] : table)
        sumTable += c2(v);
    for (const auto &[key, v] : ra)
        sumA += c2(v);
    for (const auto &[key, v] : rb)
        sumB += c2(v);
    const double expected = sumA * sumB / c2(static_cast<double>(n));
    const double maxIndex = (sumA + sumB) / 2;
    if (maxIndex == expected)
        return 1.0;
    return (sumTable - expected) / (maxIndex - expected);
}

std::vector<double> toStd(const Eigen::VectorXd &v)
{
    return std::vector<double>(v.data(), v.data() + v.size());
}

bool bitEqual(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size()))
        == 0;
}

QString pyMatrix(const Eigen::MatrixXd &m)
{
    QString s = QStringLiteral("np.array([");
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        s += QLatin1Char('[');
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            s += QString::number(m(r, c), 'g', 17) + QLatin1Char(',');
        s += QStringLiteral("],");
    }
    return s + QStringLiteral("])");
}

// Each corruption of a valid state must be refused with ModelStateError. `anyFinite`
// names numbers for which every finite value is valid (not set to -1e300).
void expectCorruptionRefused(
    Estimator &fresh, const ModelState &good, const std::vector<std::string> &anyFinite = {})
{
    std::vector<std::pair<const char *, ModelState>> bad;
    {
        ModelState s = good;
        s.kind = "something_else";
        bad.push_back({ "kind", s });
    }
    {
        ModelState s = good;
        s.version = 99;
        bad.push_back({ "version", s });
    }
    for (const auto &[name, value] : good.numbers) {
        ModelState s = good;
        s.numbers.erase(name);
        bad.push_back({ "missing number", s });
        s = good;
        s.numbers[name] = std::nan("");
        bad.push_back({ "NaN number", s });
        if (std::find(anyFinite.begin(), anyFinite.end(), name) != anyFinite.end())
            continue;
        s = good;
        s.numbers[name] = -1e300;
        bad.push_back({ "huge negative number", s });
    }
    for (const auto &[name, value] : good.texts) {
        ModelState s = good;
        s.texts.erase(name);
        bad.push_back({ "missing text", s });
        s = good;
        s.texts[name] = "garbage!";
        bad.push_back({ "garbage text", s });
    }
    for (const auto &[name, value] : good.arrays) {
        ModelState s = good;
        s.arrays.erase(name);
        bad.push_back({ "missing array", s });
        if (value.values.empty())
            continue;
        s = good;
        s.arrays[name].values.pop_back();
        bad.push_back({ "short array", s });
        s = good;
        s.arrays[name].values[0] = std::nan("");
        bad.push_back({ "NaN in array", s });
        s = good;
        s.arrays[name].shape.push_back(1);
        bad.push_back({ "wrong rank", s });
    }
    int i = 0;
    for (const auto &[what, s] : bad) {
        bool threw = false;
        try {
            fresh.restore(s);
        } catch (const ModelStateError &) {
            threw = true;
        }
        if (!threw)
            QFAIL(qPrintable(QStringLiteral("corruption #%1 (%2) was accepted")
                                 .arg(i)
                                 .arg(QLatin1String(what))));
        ++i;
    }
}

// state() -> restore() into a fresh estimator: the same state and bit-identical predictions.
void checkRoundTrip(const Estimator &fitted, Estimator &fresh, const Eigen::MatrixXd &X)
{
    const ModelState s = fitted.state();
    fresh.restore(s);
    QVERIFY(fresh.isFitted());
    QVERIFY(fresh.state() == s);
    QVERIFY(bitEqual(fitted.predict(X), fresh.predict(X)));
    if (fitted.hasProbabilities())
        QVERIFY(bitEqual(fitted.predictProbabilities(X), fresh.predictProbabilities(X)));
}

} // namespace

class TestClustering : public QObject {
    Q_OBJECT

private:
    QString m_skip;

    QJsonObject runPython(const QString &script, const Eigen::MatrixXd &X)
    {
        SklearnReference ref;
        if (!ref.isValid())
            return {};
        const RowMatrix rm = X;
        if (!ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), rm.rows(), rm.cols()))
            return {};
        QString error;
        const QString full = QStringLiteral("import json, numpy as np\n"
                                            "X = np.loadtxt('X.csv', delimiter=',', ndmin=2)\n")
            + script;
        const QJsonObject r = ref.run(full, &error);
        if (r.isEmpty())
            qWarning("python failed: %s", qPrintable(error));
        return r;
    }

private Q_SLOTS:
    void initTestCase() { m_skip = SklearnReference::unavailableReason(); }

    // ---- k-means ----------------------------------------------------------------------

    void kmeansRecoversBlobs()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(5, 200, 3, 1, &truth);
        KMeansOptions o;
        o.clusters = 5;
        o.nInit = 3;
        KMeans km(o);
        QVERIFY(km.fit(X, Eigen::VectorXd(), FitContext {}));
        QCOMPARE(adjustedRand(km.labels(), truth, truth.size()), 1.0);
        const Eigen::VectorXd p = km.predict(X);
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            QCOMPARE(static_cast<int>(p(i)), km.labels()[i]);
        QVERIFY(km.iterations() >= 1);
        QCOMPARE(km.centres().rows(), Eigen::Index(5));
        // Inertia is the sum of squared distances to the assigned centres.
        double inertia = 0;
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            inertia += (X.row(i) - km.centres().row(km.labels()[i])).squaredNorm();
        QVERIFY(std::abs(inertia - km.inertia()) <= 1e-9 * inertia);
        // Unit-variance blobs in 3-D: about 3 per sample.
        QVERIFY(km.inertia() / X.rows() > 2.0 && km.inertia() / X.rows() < 4.0);
    }

    void kmeansMatchesSklearnGivenCentres_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("k");
        QTest::newRow("iris k=3") << QStringLiteral("iris") << 3;
        QTest::newRow("wine k=4") << QStringLiteral("wine") << 4;
        QTest::newRow("breast_cancer k=6") << QStringLiteral("breast_cancer") << 6;
        QTest::newRow("overlapping blobs k=7") << QStringLiteral("blobs") << 7;
    }

    void kmeansMatchesSklearnGivenCentres()
    {
        QFETCH(QString, dataset);
        QFETCH(int, k);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        Eigen::MatrixXd X;
        if (dataset == QStringLiteral("blobs")) {
            std::vector<int> truth;
            X = makeBlobs(5, 1000, 4, 7, &truth, 8.0); // heavily overlapping: many iterations
        } else {
            X = loadDataset(dataset.toLatin1().constData());
        }
        QVERIFY(X.rows() > 0);
        // Initial centres: rows spread over the data.
        Eigen::MatrixXd init(k, X.cols());
        for (int c = 0; c < k; ++c)
            init.row(c) = X.row((c * 37 + 5) % X.rows());
        KMeansOptions o;
        o.clusters = k;
        o.initialCentres = init;
        KMeans km(o);
        QVERIFY(km.fit(X, Eigen::VectorXd(), FitContext {}));
        const QJsonObject r = runPython(
            QStringLiteral("from sklearn.cluster import KMeans\n"
                           "m = KMeans(%1, init=%2, n_init=1, max_iter=300, tol=1e-4).fit(X)\n"
                           "print(json.dumps({'labels': m.labels_.tolist(), 'centres': "
                           "m.cluster_centers_.tolist(),"
                           " 'inertia': float(m.inertia_), 'iter': int(m.n_iter_)}))\n")
                .arg(k)
                .arg(pyMatrix(init)),
            X);
        QVERIFY(!r.isEmpty());
        const std::vector<double> labels
            = SklearnReference::toVector(r.value(QStringLiteral("labels")));
        QCOMPARE(labels.size(), km.labels().size());
        for (std::size_t i = 0; i < labels.size(); ++i)
            QCOMPARE(km.labels()[i], static_cast<int>(labels[i]));
        const std::vector<double> centres
            = SklearnReference::toMatrix(r.value(QStringLiteral("centres")));
        for (int c = 0; c < k; ++c)
            for (Eigen::Index j = 0; j < X.cols(); ++j) {
                const double ref = centres[static_cast<std::size_t>(c * X.cols() + j)];
                QVERIFY2(std::abs(km.centres()(c, j) - ref) <= 1e-10 * std::max(1.0, std::abs(ref)),
                    qPrintable(QStringLiteral("centre %1,%2: %3 vs %4")
                                   .arg(c)
                                   .arg(j)
                                   .arg(km.centres()(c, j), 0, 'g', 17)
                                   .arg(ref, 0, 'g', 17)));
            }
        const double inertia = r.value(QStringLiteral("inertia")).toDouble();
        QVERIFY(std::abs(km.inertia() - inertia) <= 1e-9 * inertia);
        QCOMPARE(km.iterations(), r.value(QStringLiteral("iter")).toInt());
    }

    void kmeansPlusPlusAsGoodAsSklearn()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Eigen::MatrixXd X = loadDataset("wine");
        KMeansOptions o;
        o.clusters = 3;
        o.nInit = 10;
        o.seed = 3;
        KMeans km(o);
        QVERIFY(km.fit(X, Eigen::VectorXd(), FitContext {}));
        const QJsonObject r
            = runPython(QStringLiteral("from sklearn.cluster import KMeans\n"
                                       "m = KMeans(3, n_init=10, random_state=0).fit(X)\n"
                                       "print(json.dumps({'labels': m.labels_.tolist(), 'inertia': "
                                       "float(m.inertia_)}))\n"),
                X);
        QVERIFY(!r.isEmpty());
        const double inertia = r.value(QStringLiteral("inertia")).toDouble();
        QVERIFY2(km.inertia() <= inertia * (1 + 1e-9),
            qPrintable(QStringLiteral("ours %1, sklearn %2").arg(km.inertia()).arg(inertia)));
        QCOMPARE(
            adjustedRand(km.labels(), SklearnReference::toVector(r.value(QStringLiteral("labels"))),
                km.labels().size()),
            1.0);
    }

    void kmeansReportsIterationsAndStops()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(4, 500, 2, 3, &truth, 12.0);
        KMeansOptions o;
        o.clusters = 4;
        o.init = KMeansOptions::Init::Random;
        o.tol = 0;
        KMeans km(o);
        std::vector<EpochReport> reports;
        FitContext ctx;
        ctx.onEpoch = [&](const EpochReport &r) {
            reports.push_back(r);
            return r.epoch == 2;
        };
        QVERIFY(km.fit(X, Eigen::VectorXd(), ctx));
        QVERIFY(km.isFitted());
        QCOMPARE(reports.size(), std::size_t(2));
        QCOMPARE(km.iterations(), 2);
        QCOMPARE(reports[0].epoch, 1);
        QCOMPARE(reports[0].totalEpochs, 300);
        QCOMPARE(reports[0].metricName, std::string("inertia"));
        // Lloyd never increases the inertia.
        QVERIFY(reports[1].trainLoss <= reports[0].trainLoss);
        QVERIFY(km.inertia() <= reports[1].trainLoss);
    }

    void kmeansRejectsBadInput()
    {
        KMeansOptions three;
        three.clusters = 3;
        KMeans km(three);
        QVERIFY_THROWS_EXCEPTION(
            FitError, km.fit(Eigen::MatrixXd(0, 2), Eigen::VectorXd(), FitContext {}));
        QVERIFY_THROWS_EXCEPTION(
            FitError, km.fit(Eigen::MatrixXd::Ones(2, 2), Eigen::VectorXd(), FitContext {}));
        Eigen::MatrixXd X = Eigen::MatrixXd::Random(10, 2);
        X(3, 1) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(FitError, km.fit(X, Eigen::VectorXd(), FitContext {}));
        KMeansOptions o;
        o.clusters = 2;
        o.initialCentres = Eigen::MatrixXd::Zero(2, 3);
        KMeans wrong(o);
        QVERIFY_THROWS_EXCEPTION(
            FitError, wrong.fit(Eigen::MatrixXd::Random(10, 2), Eigen::VectorXd(), FitContext {}));
        QVERIFY(!km.isFitted());
    }

    void kmeansDeterministicAcrossThreads()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(6, 5000, 5, 4, &truth, 6.0); // 30k rows: 8 blocks
        KMeansOptions o;
        o.clusters = 6;
        o.nInit = 2;
        o.seed = 11;
        FitContext one, two, many;
        one.threads = 1;
        two.threads = 2;
        many.threads = 5;
        KMeans a(o), b(o), c(o), d(o);
        QVERIFY(a.fit(X, Eigen::VectorXd(), one));
        QVERIFY(b.fit(X, Eigen::VectorXd(), two));
        QVERIFY(c.fit(X, Eigen::VectorXd(), many));
        QVERIFY(d.fit(X, Eigen::VectorXd(), two));
        QVERIFY(a.state() == b.state());
        QVERIFY(a.state() == c.state());
        QVERIFY(b.state() == d.state());
        QVERIFY(a.labels() == c.labels());
        // Another seed gives another seeding (the data is ambiguous enough).
        o.seed = 12;
        KMeans e(o);
        QVERIFY(e.fit(X, Eigen::VectorXd(), two));
        QVERIFY(!(e.state() == a.state()));
    }

    void kmeansRoundTripAndCorruption()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(3, 100, 4, 5, &truth, 4.0);
        KMeansOptions o;
        o.clusters = 3;
        o.initialCentres = X.topRows(3);
        KMeans km(o);
        QVERIFY(km.fit(X, Eigen::VectorXd(), FitContext {}));
        KMeans fresh;
        checkRoundTrip(km, fresh, X);
        QCOMPARE(fresh.inertia(), km.inertia());
        QCOMPARE(fresh.iterations(), km.iterations());
        QVERIFY(bitEqual(fresh.centres(), km.centres()));
        KMeans target;
        expectCorruptionRefused(target, km.state());
        // An unfitted model round-trips too.
        KMeans unfitted(o), back;
        back.restore(unfitted.state());
        QVERIFY(!back.isFitted());
        QVERIFY(back.state() == unfitted.state());
        auto clone = km.cloneUnfitted();
        QVERIFY(!clone->isFitted());
        QCOMPARE(clone->kind(), std::string("kmeans"));
    }

    void kmeansCancel()
    {
        std::vector<int> truth;
#ifdef SEXTANT_SANITIZED
        constexpr int kPerCluster = 4000; // 32k rows: an instrumented k-means++ pass is ~10x slower
#else
        constexpr int kPerCluster = 40000; // 320k rows
#endif
        const Eigen::MatrixXd X = makeBlobs(8, kPerCluster, 8, 6, &truth, 5.0);
        std::atomic<bool> cancel { true };
        FitContext ctx;
        ctx.cancel = &cancel;
        KMeansOptions eight;
        eight.clusters = 8;
        KMeans km(eight);
        QElapsedTimer t;
        t.start();
        QVERIFY(!km.fit(X, Eigen::VectorXd(), ctx));
        QVERIFY(!km.isFitted());
        // Cancel during the iterations.
        cancel = false;
        ctx.onEpoch = [&](const EpochReport &) {
            cancel = true;
            return false;
        };
        QVERIFY(!km.fit(X, Eigen::VectorXd(), ctx));
        QVERIFY(!km.isFitted());
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }

    // ---- DBSCAN -----------------------------------------------------------------------

    void dbscanRecoversBlobs()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(4, 300, 2, 8, &truth, 0.5);
        DbscanOptions o;
        o.eps = 1.0;
        o.minSamples = 5;
        Dbscan db(o);
        QVERIFY(db.fit(X, Eigen::VectorXd(), FitContext {}));
        QCOMPARE(db.clusterCount(), 4);
        QCOMPARE(adjustedRand(db.labels(), truth, truth.size()), 1.0);
        // A far point is noise; a training core sample keeps its cluster.
        Eigen::MatrixXd q(2, 2);
        q << 1000.0, 1000.0, X(db.coreSampleIndices()[0], 0), X(db.coreSampleIndices()[0], 1);
        const Eigen::VectorXd p = db.predict(q);
        QCOMPARE(p(0), -1.0);
        QCOMPARE(static_cast<int>(p(1)), db.labels()[db.coreSampleIndices()[0]]);
    }

    void dbscanMatchesSklearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<double>("eps");
        QTest::addColumn<int>("minSamples");
        QTest::newRow("iris eps=0.5") << QStringLiteral("iris") << 0.5 << 5;
        QTest::newRow("iris eps=0.3 min=3") << QStringLiteral("iris") << 0.3 << 3;
        QTest::newRow("wine eps=30 min=4") << QStringLiteral("wine") << 30.0 << 4;
        QTest::newRow("noisy blobs 3-D") << QStringLiteral("blobs") << 1.3 << 8;
    }

    void dbscanMatchesSklearn()
    {
        QFETCH(QString, dataset);
        QFETCH(double, eps);
        QFETCH(int, minSamples);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        Eigen::MatrixXd X;
        if (dataset == QStringLiteral("blobs")) {
            std::vector<int> truth;
            X = makeBlobs(5, 800, 3, 9, &truth, 2.5);
        } else {
            X = loadDataset(dataset.toLatin1().constData());
        }
        DbscanOptions o;
        o.eps = eps;
        o.minSamples = minSamples;
        Dbscan db(o);
        QVERIFY(db.fit(X, Eigen::VectorXd(), FitContext {}));
        const QJsonObject r
            = runPython(QStringLiteral("from sklearn.cluster import DBSCAN\n"
                                       "m = DBSCAN(eps=%1, min_samples=%2).fit(X)\n"
                                       "print(json.dumps({'labels': m.labels_.tolist(), 'core': "
                                       "m.core_sample_indices_.tolist()}))\n")
                            .arg(eps, 0, 'g', 17)
                            .arg(minSamples),
                X);
        QVERIFY(!r.isEmpty());
        const std::vector<double> core
            = SklearnReference::toVector(r.value(QStringLiteral("core")));
        QCOMPARE(db.coreSampleIndices().size(), core.size());
        for (std::size_t i = 0; i < core.size(); ++i)
            QCOMPARE(db.coreSampleIndices()[i], static_cast<std::int64_t>(core[i]));
        const std::vector<double> labels
            = SklearnReference::toVector(r.value(QStringLiteral("labels")));
        QCOMPARE(labels.size(), db.labels().size());
        // Same noise; clusters equal up to a permutation (both number clusters by their
        // first core sample, so the permutation is the identity).
        std::map<int, int> mapping;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const int ours = db.labels()[i], theirs = static_cast<int>(labels[i]);
            QCOMPARE(ours == -1, theirs == -1);
            if (ours == -1)
                continue;
            auto [it, inserted] = mapping.emplace(ours, theirs);
            QCOMPARE(it->second, theirs);
        }
        QVERIFY(db.clusterCount() >= 1);
    }

    void dbscanRoundTripDeterminismCancel()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(3, 400, 3, 10, &truth, 1.5);
        DbscanOptions o;
        o.eps = 1.2;
        o.minSamples = 6;
        Dbscan a(o), b(o), fresh;
        FitContext one, two;
        one.threads = 1;
        two.threads = 2;
        QVERIFY(a.fit(X, Eigen::VectorXd(), one));
        QVERIFY(b.fit(X, Eigen::VectorXd(), two));
        QVERIFY(a.state() == b.state());
        QVERIFY(a.labels() == b.labels());
        checkRoundTrip(a, fresh, X + Eigen::MatrixXd::Constant(X.rows(), X.cols(), 0.3));
        Dbscan target;
        expectCorruptionRefused(target, a.state());
        QVERIFY_THROWS_EXCEPTION(
            FitError, Dbscan(DbscanOptions { 0.0 }).fit(X, Eigen::VectorXd(), one));
        Eigen::MatrixXd bad = X;
        bad(5, 2) = std::numeric_limits<double>::infinity();
        QVERIFY_THROWS_EXCEPTION(FitError, a.fit(bad, Eigen::VectorXd(), one));
        std::atomic<bool> cancel { true };
        FitContext c;
        c.cancel = &cancel;
        QVERIFY(!a.fit(X, Eigen::VectorXd(), c));
        QVERIFY(!a.isFitted());
    }

    // ---- Gaussian mixture -------------------------------------------------------------

    void gmmRecoversBlobs()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(3, 300, 2, 12, &truth, 1.0);
        for (auto cov : { GaussianMixtureOptions::Covariance::Full,
                 GaussianMixtureOptions::Covariance::Diagonal }) {
            GaussianMixtureOptions o;
            o.components = 3;
            o.covariance = cov;
            GaussianMixture g(o);
            QVERIFY(g.fit(X, Eigen::VectorXd(), FitContext {}));
            QCOMPARE(adjustedRand(toStd(g.predict(X)), truth, truth.size()), 1.0);
            const Eigen::MatrixXd p = g.predictProbabilities(X);
            QCOMPARE(p.cols(), Eigen::Index(3));
            QVERIFY(((p.rowwise().sum().array() - 1.0).abs() < 1e-12).all());
            QCOMPARE(g.classCount(), 3);
            QVERIFY(g.hasProbabilities());
            QVERIFY(std::abs(g.weights().sum() - 1.0) < 1e-12);
            // Unit-variance blobs.
            for (int k = 0; k < 3; ++k)
                QVERIFY((g.covariance(k).diagonal().array() > 0.6).all()
                    && (g.covariance(k).diagonal().array() < 1.5).all());
        }
    }

    void gmmMatchesSklearnOnIris_data()
    {
        QTest::addColumn<bool>("full");
        QTest::newRow("full") << true;
        QTest::newRow("diag") << false;
    }

    void gmmMatchesSklearnOnIris()
    {
        QFETCH(bool, full);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Eigen::MatrixXd X = loadDataset("iris");
        GaussianMixtureOptions o;
        o.components = 3;
        o.covariance = full ? GaussianMixtureOptions::Covariance::Full
                            : GaussianMixtureOptions::Covariance::Diagonal;
        o.nInit = 3;
        GaussianMixture g(o);
        QVERIFY(g.fit(X, Eigen::VectorXd(), FitContext {}));
        const QJsonObject r = runPython(
            QStringLiteral(
                "from sklearn.mixture import GaussianMixture\n"
                "m = GaussianMixture(3, covariance_type='%1', n_init=3, random_state=0).fit(X)\n"
                "print(json.dumps({'labels': m.predict(X).tolist(), 'lb': float(m.lower_bound_),"
                " 'score': float(m.score(X))}))\n")
                .arg(full ? QStringLiteral("full") : QStringLiteral("diag")),
            X);
        QVERIFY(!r.isEmpty());
        const double ari = adjustedRand(toStd(g.predict(X)),
            SklearnReference::toVector(r.value(QStringLiteral("labels"))),
            static_cast<std::size_t>(X.rows()));
        QVERIFY2(ari >= 0.9, qPrintable(QString::number(ari)));
        const double score = r.value(QStringLiteral("score")).toDouble();
        QVERIFY2(std::abs(g.score(X) - score) < 0.02,
            qPrintable(QStringLiteral("ours %1, sklearn %2").arg(g.score(X)).arg(score)));
        QVERIFY(std::abs(g.lowerBound() - r.value(QStringLiteral("lb")).toDouble()) < 0.02);
    }

    void gmmRoundTripDeterminismCancel()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(4, 3000, 3, 13, &truth, 3.0);
        GaussianMixtureOptions o;
        o.components = 4;
        o.nInit = 2;
        GaussianMixture a(o), b(o), fresh;
        FitContext one, two;
        one.threads = 1;
        two.threads = 2;
        int reports = 0;
        two.onEpoch = [&](const EpochReport &r) {
            ++reports;
            return !std::isfinite(r.trainLoss); // never true for finite losses
        };
        QVERIFY(a.fit(X, Eigen::VectorXd(), one));
        QVERIFY(b.fit(X, Eigen::VectorXd(), two));
        QVERIFY(reports >= 2);
        QVERIFY(a.state() == b.state());
        checkRoundTrip(a, fresh, X);
        GaussianMixture target;
        expectCorruptionRefused(target, a.state(), { "lower_bound" });
        QVERIFY_THROWS_EXCEPTION(FitError,
            GaussianMixture(GaussianMixtureOptions { 20000 })
                .fit(X.topRows(10), Eigen::VectorXd(), one));
        std::atomic<bool> cancel { false };
        FitContext c;
        c.cancel = &cancel;
        c.onEpoch = [&](const EpochReport &) {
            cancel = true;
            return false;
        };
        QElapsedTimer t;
        t.start();
        QVERIFY(!a.fit(X, Eigen::VectorXd(), c));
        QVERIFY(!a.isFitted());
        QVERIFY(t.elapsed() < 3000);
        // A callback asking to stop keeps the model.
        FitContext stop;
        stop.onEpoch = [](const EpochReport &) { return true; };
        QVERIFY(b.fit(X, Eigen::VectorXd(), stop));
        QVERIFY(b.isFitted());
        QCOMPARE(b.iterations(), 1);
    }

    // ---- Agglomerative ----------------------------------------------------------------

    void agglomerativeRecoversBlobs()
    {
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(4, 60, 3, 14, &truth, 1.0);
        using L = AgglomerativeClusteringOptions::Linkage;
        for (L l : { L::Ward, L::Complete, L::Average, L::Single }) {
            AgglomerativeClusteringOptions o;
            o.clusters = 4;
            o.linkage = l;
            AgglomerativeClustering a(o);
            QVERIFY(a.fit(X, Eigen::VectorXd(), FitContext {}));
            QCOMPARE(adjustedRand(a.labels(), truth, truth.size()), 1.0);
            QCOMPARE(adjustedRand(toStd(a.predict(X)), truth, truth.size()), 1.0);
            const Eigen::MatrixXd &Z = a.linkageMatrix();
            QCOMPARE(Z.rows(), X.rows() - 1);
            QCOMPARE(Z(Z.rows() - 1, 3), static_cast<double>(X.rows()));
            for (Eigen::Index i = 1; i < Z.rows(); ++i)
                QVERIFY(Z(i, 2) >= Z(i - 1, 2));
        }
    }

    void agglomerativeMatchesSklearnOnIris_data()
    {
        QTest::addColumn<QString>("linkage");
        QTest::addColumn<int>("l");
        QTest::newRow("ward") << QStringLiteral("ward") << 0;
        QTest::newRow("complete") << QStringLiteral("complete") << 1;
        QTest::newRow("average") << QStringLiteral("average") << 2;
        QTest::newRow("single") << QStringLiteral("single") << 3;
    }

    void agglomerativeMatchesSklearnOnIris()
    {
        QFETCH(QString, linkage);
        QFETCH(int, l);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Eigen::MatrixXd X = loadDataset("iris");
        AgglomerativeClusteringOptions o;
        o.clusters = 3;
        o.linkage = static_cast<AgglomerativeClusteringOptions::Linkage>(l);
        AgglomerativeClustering a(o);
        QVERIFY(a.fit(X, Eigen::VectorXd(), FitContext {}));
        const QJsonObject r = runPython(
            QStringLiteral("from sklearn.cluster import AgglomerativeClustering\n"
                           "from scipy.cluster.hierarchy import linkage\n"
                           "m = AgglomerativeClustering(3, linkage='%1').fit(X)\n"
                           "Z = linkage(X, method='%1')\n"
                           "print(json.dumps({'labels': m.labels_.tolist(), 'Z': Z.tolist()}))\n")
                .arg(linkage),
            X);
        QVERIFY(!r.isEmpty());
        const std::vector<double> labels
            = SklearnReference::toVector(r.value(QStringLiteral("labels")));
        QCOMPARE(adjustedRand(a.labels(), labels, labels.size()), 1.0);
        int rows = 0, cols = 0;
        const std::vector<double> Z
            = SklearnReference::toMatrix(r.value(QStringLiteral("Z")), &rows, &cols);
        QCOMPARE(rows, static_cast<int>(a.linkageMatrix().rows()));
        for (int i = 0; i < rows; ++i) {
            const double ref = Z[static_cast<std::size_t>(i * 4 + 2)];
            QVERIFY2(std::abs(a.linkageMatrix()(i, 2) - ref) <= 1e-9 * std::max(1.0, ref),
                qPrintable(QStringLiteral("merge %1: %2 vs %3")
                               .arg(i)
                               .arg(a.linkageMatrix()(i, 2), 0, 'g', 17)
                               .arg(ref, 0, 'g', 17)));
        }
        // The top merges (no ties there) are identical, children and sizes included.
        for (int i = rows - 5; i < rows; ++i)
            for (int c : { 0, 1, 3 })
                QCOMPARE(a.linkageMatrix()(i, c), Z[static_cast<std::size_t>(i * 4 + c)]);
    }

    void agglomerativeLimitsRoundTripCancel()
    {
        AgglomerativeClustering big(AgglomerativeClusteringOptions { 2 });
        try {
            big.fit(Eigen::MatrixXd::Zero(AgglomerativeClustering::kMaxRows + 1, 2),
                Eigen::VectorXd(), FitContext {});
            QFAIL("20,001 rows accepted");
        } catch (const FitError &e) {
            QVERIFY(std::string(e.what()).find("20,000") != std::string::npos);
        }
        std::vector<int> truth;
        const Eigen::MatrixXd X = makeBlobs(3, 50, 2, 15, &truth, 2.0);
        QVERIFY_THROWS_EXCEPTION(FitError,
            AgglomerativeClustering(AgglomerativeClusteringOptions { 200 })
                .fit(X, Eigen::VectorXd(), FitContext {}));
        AgglomerativeClusteringOptions o;
        o.clusters = 3;
        o.linkage = AgglomerativeClusteringOptions::Linkage::Average;
        AgglomerativeClustering a(o), b(o), fresh;
        FitContext one, two;
        one.threads = 1;
        two.threads = 2;
        QVERIFY(a.fit(X, Eigen::VectorXd(), one));
        QVERIFY(b.fit(X, Eigen::VectorXd(), two));
        QVERIFY(a.state() == b.state());
        checkRoundTrip(a, fresh, X);
        QVERIFY(fresh.labels() == a.labels());
        AgglomerativeClustering target;
        expectCorruptionRefused(target, a.state());
        // A linkage matrix that merges a cluster twice is refused.
        ModelState s = a.state();
        s.arrays["linkage_matrix"].values[4] = s.arrays["linkage_matrix"].values[0];
        s.arrays["linkage_matrix"].values[5] = s.arrays["linkage_matrix"].values[1];
        QVERIFY_THROWS_EXCEPTION(ModelStateError, target.restore(s));

        // Cancel from the per-merge report: the fit ends before the next report, and a
        // callback asking to stop (Stop pressed) is not obeyed — half a hierarchy has no
        // clusters.
        const Eigen::MatrixXd Y = makeBlobs(4, 500, 3, 16, &truth, 2.0);
        const int merges = static_cast<int>(Y.rows()) - 1;
        const Eigen::MatrixXd Z = makeBlobs(4, 100, 3, 17, &truth, 2.0);
        const int smallMerges = static_cast<int>(Z.rows()) - 1;
        for (const auto linkage : { AgglomerativeClusteringOptions::Linkage::Ward,
                 AgglomerativeClusteringOptions::Linkage::Single,
                 AgglomerativeClusteringOptions::Linkage::Average }) {
            std::atomic<bool> cancel { false };
            FitContext c;
            c.cancel = &cancel;
            std::vector<int> seen;
            std::vector<FitEnd> ends;
            bool wellFormed = true;
            c.onEpoch = [&](const EpochReport &r) {
                seen.push_back(r.epoch);
                wellFormed = wellFormed && r.unit == "merge" && r.totalEpochs == merges;
                if (seen.size() == 3)
                    cancel = true;
                return false;
            };
            c.onEnd = [&](FitEnd why, int) { ends.push_back(why); };
            AgglomerativeClusteringOptions o { 4 };
            o.linkage = linkage;
            AgglomerativeClustering slow(o);
            QVERIFY(!slow.fit(Y, Eigen::VectorXd(), c));
            QVERIFY(!slow.isFitted());
            QCOMPARE(seen.size(), std::size_t(3)); // no report after the cancel
            QVERIFY(wellFormed);
            QCOMPARE(seen, std::vector<int>({ 64, 128, 192 }));
            QCOMPARE(ends, std::vector<FitEnd> { FitEnd::Cancelled });

            // Stop asked from the callback: the hierarchy is built to the end.
            FitContext stopping;
            int reports = 0;
            stopping.onEpoch = [&](const EpochReport &) { return ++reports > 0; };
            ends.clear();
            int endEpochs = 0;
            stopping.onEnd = [&](FitEnd why, int epochs) {
                ends.push_back(why);
                endEpochs = epochs;
            };
            AgglomerativeClustering full(o);
            QVERIFY(full.fit(Z, Eigen::VectorXd(), stopping));
            QCOMPARE(full.linkageMatrix().rows(), Eigen::Index(smallMerges));
            QCOMPARE(reports, (smallMerges - 1) / 64);
            QCOMPARE(ends, std::vector<FitEnd> { FitEnd::Completed });
            QCOMPARE(endEpochs, smallMerges);
        }
    }
};

QTEST_GUILESS_MAIN(TestClustering)
#include "tst_clustering.moc"
