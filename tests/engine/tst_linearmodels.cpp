// Linear models and Gaussian naive Bayes: known answers, scikit-learn on the bundled
// datasets (same split, same standardised data), and the Estimator contract (validation,
// state round trip, determinism, cancel, iteration reports).
#include "SklearnReference.h"
#include "ml/GaussianNaiveBayes.h"
#include "ml/Lbfgs.h"
#include "ml/LinearRegression.h"
#include "ml/LogisticRegression.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <future>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <thread>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

struct Table {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
};

// resources/datasets/NAME.csv: numeric feature columns, target last (numeric, or text
// labels numbered in order of first appearance).
Table loadDataset(const QString &name)
{
    Table t;
    QFile f(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + name + QStringLiteral(".csv"));
    if (!f.open(QIODevice::ReadOnly))
        return t;
    f.readLine(); // header
    std::vector<std::vector<double>> rows;
    std::vector<double> targets;
    std::map<QByteArray, int> labels;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> cells = line.split(',');
        std::vector<double> row;
        for (qsizetype c = 0; c + 1 < cells.size(); ++c)
            row.push_back(cells[c].toDouble());
        bool ok = false;
        const double v = cells.last().toDouble(&ok);
        if (ok) {
            targets.push_back(v);
        } else {
            auto it = labels.find(cells.last());
            if (it == labels.end())
                it = labels.emplace(cells.last(), static_cast<int>(labels.size())).first;
            targets.push_back(it->second);
        }
        rows.push_back(std::move(row));
    }
    t.X.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            t.X(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = rows[r][c];
    t.y = Eigen::Map<Eigen::VectorXd>(targets.data(), static_cast<Eigen::Index>(targets.size()));
    return t;
}

// Columns centred and divided by their (n-denominator) standard deviation.
Eigen::MatrixXd standardize(const Eigen::MatrixXd &X)
{
    Eigen::MatrixXd Z = X.rowwise() - X.colwise().mean();
    for (Eigen::Index j = 0; j < Z.cols(); ++j) {
        const double s = std::sqrt(Z.col(j).squaredNorm() / static_cast<double>(Z.rows()));
        if (s > 0)
            Z.col(j) /= s;
    }
    return Z;
}

struct Split {
    Eigen::MatrixXd Xtrain, Xtest;
    Eigen::VectorXd ytrain, ytest;
};

// A seeded 75 / 25 shuffle split.
Split split(const Eigen::MatrixXd &X, const Eigen::VectorXd &y, unsigned seed)
{
    std::vector<Eigen::Index> idx(static_cast<std::size_t>(X.rows()));
    std::iota(idx.begin(), idx.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(idx.begin(), idx.end(), rng);
    const Eigen::Index nTrain = X.rows() * 3 / 4;
    Split s;
    s.Xtrain.resize(nTrain, X.cols());
    s.ytrain.resize(nTrain);
    s.Xtest.resize(X.rows() - nTrain, X.cols());
    s.ytest.resize(X.rows() - nTrain);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const Eigen::Index r = idx[static_cast<std::size_t>(i)];
        if (i < nTrain) {
            s.Xtrain.row(i) = X.row(r);
            s.ytrain(i) = y(r);
        } else {
            s.Xtest.row(i - nTrain) = X.row(r);
            s.ytest(i - nTrain) = y(r);
        }
    }
    return s;
}

bool writeMatrix(const SklearnReference &ref, const QString &name, const Eigen::MatrixXd &M)
{
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = M;
    return ref.writeMatrix(name, rm.data(), rm.rows(), rm.cols());
}

Eigen::MatrixXd toEigen(const QJsonValue &v)
{
    int rows = 0, cols = 0;
    const std::vector<double> flat = SklearnReference::toMatrix(v, &rows, &cols);
    Eigen::MatrixXd M(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            M(r, c) = flat[static_cast<std::size_t>(r * cols + c)];
    return M;
}

// |a - b| <= tol * max(|b|, floor) element by element; fails naming the entry.
bool closeTo(
    const Eigen::MatrixXd &a, const Eigen::MatrixXd &b, double tol, double floor, QString *why)
{
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
        *why = QStringLiteral("shape %1x%2 vs %3x%4")
                   .arg(a.rows())
                   .arg(a.cols())
                   .arg(b.rows())
                   .arg(b.cols());
        return false;
    }
    for (Eigen::Index r = 0; r < a.rows(); ++r)
        for (Eigen::Index c = 0; c < a.cols(); ++c) {
            const double err = std::abs(a(r, c) - b(r, c));
            if (!(err <= tol * std::max(std::abs(b(r, c)), floor))) {
                *why = QStringLiteral("(%1,%2): ours %3, sklearn %4")
                           .arg(r)
                           .arg(c)
                           .arg(a(r, c), 0, 'g', 17)
                           .arg(b(r, c), 0, 'g', 17);
                return false;
            }
        }
    return true;
}

bool bitEqual(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(double))
        == 0;
}

double accuracy(const Eigen::VectorXd &p, const Eigen::VectorXd &t)
{
    return (p.array() == t.array()).cast<double>().mean();
}

// Gaussian blobs, `classes` centres, n x d.
Table makeBlobs(int n, int d, int classes, double spread, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd centres(classes, d);
    for (int k = 0; k < classes; ++k)
        for (int j = 0; j < d; ++j)
            centres(k, j) = 4.0 * normal(rng);
    Table t;
    t.X.resize(n, d);
    t.y.resize(n);
    for (int i = 0; i < n; ++i) {
        const int k = i % classes;
        t.y(i) = k;
        for (int j = 0; j < d; ++j)
            t.X(i, j) = centres(k, j) + spread * normal(rng);
    }
    return t;
}

const char *kScript = R"PY(
import json, numpy as np
opts = json.load(open("opts.json"))
X = np.loadtxt("Xtrain.csv", delimiter=",", ndmin=2)
y = np.loadtxt("ytrain.csv", delimiter=",", ndmin=1)
Xt = np.loadtxt("Xtest.csv", delimiter=",", ndmin=2)
out = {}
kind = opts["kind"]
if kind == "linear":
    from sklearn.linear_model import LinearRegression, Ridge
    fi = opts.get("fit_intercept", True)
    m = Ridge(alpha=opts["alpha"], fit_intercept=fi) if opts["alpha"] > 0 else LinearRegression(fit_intercept=fi)
    m.fit(X, y)
    out = {"coef": [list(m.coef_)], "intercept": [[float(m.intercept_)]]}
elif kind == "logistic":
    from sklearn.linear_model import LogisticRegression
    fi = opts.get("fit_intercept", True)
    tight = LogisticRegression(C=opts["C"], tol=1e-10, max_iter=10000, fit_intercept=fi).fit(X, y.astype(int))
    default = LogisticRegression(C=opts["C"], fit_intercept=fi).fit(X, y.astype(int))
    # Objective 0.5 ||W||^2 + C * sum log loss at sklearn's tight solution.
    P = tight.predict_proba(X)
    ll = -np.sum(np.log(P[np.arange(len(y)), y.astype(int)]))
    obj = 0.5 * np.sum(tight.coef_ ** 2) + opts["C"] * ll
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exact = LogisticRegression(C=opts["C"], solver="newton-cg", tol=1e-12,
                                   max_iter=100, fit_intercept=fi).fit(X, y.astype(int))
    out = {"coef": tight.coef_.tolist(), "intercept": [list(tight.intercept_)],
           "exact_coef": exact.coef_.tolist(), "exact_intercept": [list(exact.intercept_)],
           "objective": [[obj]], "pred_default": [list(default.predict(Xt).astype(float))],
           "proba": exact.predict_proba(Xt).tolist()}
elif kind == "logistic_weighted":
    from sklearn.linear_model import LogisticRegression
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exact = LogisticRegression(C=opts["C"], class_weight="balanced", solver="newton-cg",
                                   tol=1e-12, max_iter=100).fit(X, y.astype(int))
    tight = LogisticRegression(C=opts["C"], class_weight="balanced", tol=1e-10,
                               max_iter=10000).fit(X, y.astype(int))
    out = {"coef": tight.coef_.tolist(), "intercept": [list(tight.intercept_)],
           "exact_coef": exact.coef_.tolist(), "exact_intercept": [list(exact.intercept_)],
           "proba": exact.predict_proba(Xt).tolist()}
elif kind == "nb":
    from sklearn.naive_bayes import GaussianNB
    m = GaussianNB().fit(X, y.astype(int))
    out = {"proba": m.predict_proba(Xt).tolist(), "theta": m.theta_.tolist(),
           "var": m.var_.tolist(), "prior": [list(m.class_prior_)],
           "pred": [list(m.predict(Xt).astype(float))]}
print(json.dumps(out))
)PY";

} // namespace

class TestLinearModels : public QObject {
    Q_OBJECT

private:
    QString m_skip;

    // Writes the split and options, runs kScript; empty object (and QVERIFY failure) on error.
    QJsonObject runReference(const Split &s, const QJsonObject &opts)
    {
        SklearnReference ref;
        if (!ref.isValid())
            return {};
        writeMatrix(ref, QStringLiteral("Xtrain.csv"), s.Xtrain);
        writeMatrix(ref, QStringLiteral("ytrain.csv"), s.ytrain);
        writeMatrix(ref, QStringLiteral("Xtest.csv"), s.Xtest);
        QFile f(ref.path(QStringLiteral("opts.json")));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QJsonDocument(opts).toJson());
        f.close();
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kScript), &error);
        if (r.isEmpty())
            qWarning("%s", qPrintable(error));
        return r;
    }

    static double logisticObjective(
        const LogisticRegression &m, const Eigen::MatrixXd &X, const Eigen::VectorXd &y, double C)
    {
        const Eigen::MatrixXd P = m.predictProbabilities(X);
        double ll = 0;
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            ll -= std::log(P(i, static_cast<Eigen::Index>(y(i))));
        return 0.5 * m.coefficients().squaredNorm() + C * ll;
    }

private Q_SLOTS:
    void initTestCase() { m_skip = SklearnReference::unavailableReason(); }

    // ---------------------------------------------------------------- LinearRegression

    void linearKnownAnswer_data()
    {
        QTest::addColumn<int>("solver");
        QTest::newRow("qr") << static_cast<int>(LinearRegressionOptions::Solver::Qr);
        QTest::newRow("cholesky") << static_cast<int>(LinearRegressionOptions::Solver::Cholesky);
    }
    void linearKnownAnswer()
    {
        QFETCH(int, solver);
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> u(-5, 5);
        Eigen::MatrixXd X(10000, 2);
        Eigen::VectorXd y(10000);
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            X(i, 0) = u(rng);
            X(i, 1) = u(rng);
            y(i) = 3.0 + 2.0 * X(i, 0) - X(i, 1);
        }
        LinearRegressionOptions o;
        o.solver = static_cast<LinearRegressionOptions::Solver>(solver);
        LinearRegression m(o);
        QVERIFY(m.fit(X, y, {}));
        QVERIFY(std::abs(m.coefficients()(0) - 2.0) < 1e-10);
        QVERIFY(std::abs(m.coefficients()(1) + 1.0) < 1e-10);
        QVERIFY(std::abs(m.intercept() - 3.0) < 1e-10);
        const Eigen::VectorXd p = m.predict(X.topRows(5));
        for (int i = 0; i < 5; ++i)
            QVERIFY(std::abs(p(i) - y(i)) < 1e-9);
    }

    void linearRidgeShrinks()
    {
        // Ridge with a huge alpha drives the coefficients to ~0 and the intercept to mean(y).
        const Table t = loadDataset(QStringLiteral("diabetes"));
        QVERIFY(t.X.rows() == 442);
        LinearRegressionOptions o;
        o.alpha = 1e12;
        LinearRegression m(o);
        QVERIFY(m.fit(t.X, t.y, {}));
        QVERIFY(m.coefficients().cwiseAbs().maxCoeff() < 1e-5);
        QVERIFY(std::abs(m.intercept() - t.y.mean()) < 1e-2);
    }

    void linearMatchesSklearnDiabetes_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<int>("solver");
        QTest::addColumn<bool>("scaled");
        QTest::addColumn<bool>("intercept");
        const int qr = static_cast<int>(LinearRegressionOptions::Solver::Qr);
        const int chol = static_cast<int>(LinearRegressionOptions::Solver::Cholesky);
        QTest::newRow("ols qr") << 0.0 << qr << false << true;
        QTest::newRow("ridge1 qr") << 1.0 << qr << false << true;
        QTest::newRow("ols cholesky") << 0.0 << chol << false << true;
        QTest::newRow("ridge1 cholesky") << 1.0 << chol << false << true;
        QTest::newRow("ols standardized") << 0.0 << qr << true << true;
        QTest::newRow("ridge1 standardized") << 1.0 << qr << true << true;
        QTest::newRow("ols no intercept") << 0.0 << qr << false << false;
        QTest::newRow("ridge1 no intercept cholesky") << 1.0 << chol << false << false;
    }
    void linearMatchesSklearnDiabetes()
    {
        QFETCH(double, alpha);
        QFETCH(int, solver);
        QFETCH(bool, scaled);
        QFETCH(bool, intercept);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        Table t = loadDataset(QStringLiteral("diabetes"));
        QCOMPARE(t.X.rows(), 442);
        if (scaled)
            t.X = standardize(t.X);
        const Split s = split(t.X, t.y, 11);
        const QJsonObject r = runReference(s,
            { { QStringLiteral("kind"), QStringLiteral("linear") },
                { QStringLiteral("alpha"), alpha },
                { QStringLiteral("fit_intercept"), intercept } });
        QVERIFY(!r.isEmpty());
        LinearRegressionOptions o;
        o.alpha = alpha;
        o.fitIntercept = intercept;
        o.solver = static_cast<LinearRegressionOptions::Solver>(solver);
        LinearRegression m(o);
        QVERIFY(m.fit(s.Xtrain, s.ytrain, {}));
        QString why;
        const Eigen::MatrixXd refCoef = toEigen(r.value(QStringLiteral("coef")));
        // Relative to each coefficient, floored at 1e-6 of the largest one.
        QVERIFY2(closeTo(m.coefficients().transpose(), refCoef, 1e-8,
                     1e-6 * refCoef.cwiseAbs().maxCoeff(), &why),
            qPrintable(why));
        const double b = toEigen(r.value(QStringLiteral("intercept")))(0, 0);
        QVERIFY2(std::abs(m.intercept() - b) <= 1e-8 * std::abs(b),
            qPrintable(
                QString::number(m.intercept(), 'g', 17) + " vs " + QString::number(b, 'g', 17)));
    }

    // -------------------------------------------------------------- LogisticRegression

    void lbfgsRosenbrock()
    {
        LbfgsOptions o;
        o.gradientTolerance = 1e-9;
        o.maxIterations = 500;
        o.relativeDecreaseTolerance = 0;
        Eigen::VectorXd x = Eigen::VectorXd::Constant(6, -1.2);
        const LbfgsResult r = Lbfgs(o).minimize(
            [](const Eigen::VectorXd &v, Eigen::VectorXd &g) {
                double f = 0;
                g.setZero();
                for (Eigen::Index i = 0; i + 1 < v.size(); ++i) {
                    const double a = v[i + 1] - v[i] * v[i], b = 1 - v[i];
                    f += 100 * a * a + b * b;
                    g[i] += -400 * a * v[i] - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return f;
            },
            x);
        QCOMPARE(static_cast<int>(r.status), static_cast<int>(LbfgsResult::Status::Converged));
        for (Eigen::Index i = 0; i < x.size(); ++i)
            QVERIFY(std::abs(x(i) - 1.0) < 1e-6);
    }

    void logisticSeparable()
    {
        // Two well separated clouds: every point classified correctly.
        const Table t = makeBlobs(400, 3, 2, 0.3, 5);
        LogisticRegression m;
        QVERIFY(m.fit(t.X, t.y, {}));
        QCOMPARE(accuracy(m.predict(t.X), t.y), 1.0);
        QCOMPARE(m.coefficients().rows(), 1);
        QCOMPARE(m.coefficients().cols(), 3);
        const Eigen::MatrixXd P = m.predictProbabilities(t.X);
        QCOMPARE(P.cols(), 2);
        QVERIFY((P.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
        // Multinomial, 4 classes.
        const Table t4 = makeBlobs(400, 3, 4, 0.3, 6);
        LogisticRegression m4;
        QVERIFY(m4.fit(t4.X, t4.y, {}));
        QCOMPARE(accuracy(m4.predict(t4.X), t4.y), 1.0);
        QCOMPARE(m4.coefficients().rows(), 4);
        QCOMPARE(m4.intercepts().size(), 4);
    }

    void logisticMatchesSklearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<double>("C");
        QTest::addColumn<bool>("intercept");
        QTest::newRow("breast_cancer") << QStringLiteral("breast_cancer") << 1.0 << true;
        QTest::newRow("breast_cancer C=0.1") << QStringLiteral("breast_cancer") << 0.1 << true;
        QTest::newRow("breast_cancer no intercept")
            << QStringLiteral("breast_cancer") << 1.0 << false;
        QTest::newRow("iris") << QStringLiteral("iris") << 1.0 << true;
        QTest::newRow("iris no intercept") << QStringLiteral("iris") << 1.0 << false;
        QTest::newRow("wine") << QStringLiteral("wine") << 1.0 << true;
        QTest::newRow("wine C=10") << QStringLiteral("wine") << 10.0 << true;
    }
    void logisticMatchesSklearn()
    {
        QFETCH(QString, dataset);
        QFETCH(double, C);
        QFETCH(bool, intercept);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Table t = loadDataset(dataset);
        QVERIFY(t.X.rows() > 100);
        const Split s = split(standardize(t.X), t.y, 3);
        const QJsonObject r = runReference(s,
            { { QStringLiteral("kind"), QStringLiteral("logistic") }, { QStringLiteral("C"), C },
                { QStringLiteral("fit_intercept"), intercept } });
        QVERIFY(!r.isEmpty());

        LogisticRegressionOptions o;
        o.C = C;
        o.fitIntercept = intercept;
        o.tolerance = 1e-10;
        o.maxIterations = 10000;
        LogisticRegression tight(o);
        FitContext ctx;
        ctx.classCount = static_cast<int>(t.y.maxCoeff()) + 1;
        QVERIFY(tight.fit(s.Xtrain, s.ytrain, ctx));
        // The objective reached is at least as low as scikit-learn's.
        const double ours = logisticObjective(tight, s.Xtrain, s.ytrain, C);
        const double theirs = toEigen(r.value(QStringLiteral("objective")))(0, 0);
        QVERIFY2(ours <= theirs * (1 + 1e-9),
            qPrintable(QStringLiteral("objective %1 vs sklearn %2")
                           .arg(ours, 0, 'g', 17)
                           .arg(theirs, 0, 'g', 17)));
        // scikit-learn's lbfgs stops on its relative-decrease test (2.2e-9) whatever tol
        // says, about 1e-4 (relative to the largest coefficient) short of the optimum:
        // compare with it at 2e-4, and with Newton-CG at tol 1e-12 (the optimum) at 1e-6.
        const auto compare = [&](const char *coefKey, const char *interceptKey, double tol) {
            QString why;
            const Eigen::MatrixXd refCoef = toEigen(r.value(QLatin1String(coefKey)));
            const Eigen::MatrixXd refIntercept = toEigen(r.value(QLatin1String(interceptKey)));
            const double scale = refCoef.cwiseAbs().maxCoeff();
            if (!closeTo(tight.coefficients(), refCoef, tol, scale, &why))
                return QStringLiteral("%1 %2").arg(QLatin1String(coefKey), why);
            if (!closeTo(tight.intercepts().transpose(), refIntercept, tol, scale, &why))
                return QStringLiteral("%1 %2").arg(QLatin1String(interceptKey), why);
            return QString();
        };
        QString why = compare("coef", "intercept", 2e-4);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = compare("exact_coef", "exact_intercept", 1e-6);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const Eigen::MatrixXd refProba = toEigen(r.value(QStringLiteral("proba")));
        const Eigen::MatrixXd proba = tight.predictProbabilities(s.Xtest);
        QVERIFY((proba - refProba).cwiseAbs().maxCoeff() < 1e-6);

        // Default options: test accuracy within 2 points of scikit-learn's defaults.
        LogisticRegressionOptions d;
        d.C = C;
        d.fitIntercept = intercept;
        LogisticRegression quick(d);
        QVERIFY(quick.fit(s.Xtrain, s.ytrain, ctx));
        const Eigen::VectorXd refPred
            = toEigen(r.value(QStringLiteral("pred_default"))).row(0).transpose();
        const double ourAcc = accuracy(quick.predict(s.Xtest), s.ytest);
        const double refAcc = accuracy(refPred, s.ytest);
        QVERIFY2(std::abs(ourAcc - refAcc) <= 0.02,
            qPrintable(QStringLiteral("accuracy %1 vs sklearn %2").arg(ourAcc).arg(refAcc)));
        QVERIFY(ourAcc > 0.85);
    }

    // class_weight = balanced: the coefficients of scikit-learn's
    // LogisticRegression(class_weight="balanced") on data with one class thinned out.
    void logisticClassWeightMatchesSklearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::newRow("breast_cancer") << QStringLiteral("breast_cancer");
        QTest::newRow("iris") << QStringLiteral("iris");
        QTest::newRow("wine") << QStringLiteral("wine");
    }
    void logisticClassWeightMatchesSklearn()
    {
        QFETCH(QString, dataset);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Table full = loadDataset(dataset);
        // Keep every row of the other classes and one row in four of class 0.
        std::vector<Eigen::Index> keep;
        int seen0 = 0;
        for (Eigen::Index i = 0; i < full.y.size(); ++i)
            if (full.y(i) != 0 || seen0++ % 4 == 0)
                keep.push_back(i);
        const Eigen::MatrixXd X = full.X(keep, Eigen::all);
        const Eigen::VectorXd y = full.y(keep);
        const Split s = split(standardize(X), y, 5);
        const double C = 1.0;
        const QJsonObject r = runReference(s,
            { { QStringLiteral("kind"), QStringLiteral("logistic_weighted") },
                { QStringLiteral("C"), C } });
        QVERIFY(!r.isEmpty());
        LogisticRegressionOptions o;
        o.C = C;
        o.tolerance = 1e-10;
        o.maxIterations = 10000;
        o.classWeight = ClassWeight::Balanced;
        LogisticRegression weighted(o);
        FitContext ctx;
        ctx.classCount = static_cast<int>(y.maxCoeff()) + 1;
        QVERIFY(weighted.fit(s.Xtrain, s.ytrain, ctx));
        const auto compare = [&](const char *coefKey, const char *interceptKey, double tol) {
            QString why;
            const Eigen::MatrixXd refCoef = toEigen(r.value(QLatin1String(coefKey)));
            const Eigen::MatrixXd refIntercept = toEigen(r.value(QLatin1String(interceptKey)));
            const double scale = refCoef.cwiseAbs().maxCoeff();
            if (!closeTo(weighted.coefficients(), refCoef, tol, scale, &why))
                return QStringLiteral("%1 %2").arg(QLatin1String(coefKey), why);
            if (!closeTo(weighted.intercepts().transpose(), refIntercept, tol, scale, &why))
                return QStringLiteral("%1 %2").arg(QLatin1String(interceptKey), why);
            return QString();
        };
        QString why = compare("coef", "intercept", 2e-4);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = compare("exact_coef", "exact_intercept", 1e-6);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const Eigen::MatrixXd refProba = toEigen(r.value(QStringLiteral("proba")));
        QVERIFY((weighted.predictProbabilities(s.Xtest) - refProba).cwiseAbs().maxCoeff() < 1e-6);

        // The weights change the model (the thinned class gains), and the option and the
        // standardized coefficients survive a state round trip.
        LogisticRegressionOptions plainOptions = o;
        plainOptions.classWeight = ClassWeight::None;
        LogisticRegression plain(plainOptions);
        QVERIFY(plain.fit(s.Xtrain, s.ytrain, ctx));
        QVERIFY((plain.coefficients() - weighted.coefficients()).cwiseAbs().maxCoeff() > 1e-3);
        LogisticRegression back;
        back.restore(weighted.state());
        QCOMPARE(int(back.options().classWeight), int(ClassWeight::Balanced));
        QVERIFY(bitEqual(back.coefficients(), weighted.coefficients()));
        const FeatureImportances imp = back.featureImportances();
        QCOMPARE(imp.measure, std::string("standardized coefficient"));
        QCOMPARE(imp.values.rows(), X.cols());
        for (Eigen::Index j = 0; j < X.cols(); ++j) {
            const double mean = s.Xtrain.col(j).mean();
            const double sd = std::sqrt((s.Xtrain.col(j).array() - mean).square().mean());
            for (Eigen::Index k = 0; k < imp.values.cols(); ++k)
                QVERIFY(std::abs(imp.values(j, k) - weighted.coefficients()(k, j) * sd)
                    <= 1e-12 * (1 + std::abs(imp.values(j, k))));
        }
        QCOMPARE(imp.perClass, ctx.classCount > 2);
        // A state written before class weights and deviations existed loads unweighted,
        // without importances.
        ModelState old = weighted.state();
        old.texts.erase("class_weight");
        old.arrays.erase("feature_std");
        LogisticRegression oldBack;
        oldBack.restore(old);
        QCOMPARE(int(oldBack.options().classWeight), int(ClassWeight::None));
        QVERIFY(oldBack.featureImportances().empty());
        ModelState bad = weighted.state();
        bad.setText("class_weight", "heavy");
        LogisticRegression badBack;
        QVERIFY_THROWS_EXCEPTION(ModelStateError, badBack.restore(bad));
    }

    void logisticUnscaledConverges()
    {
        // Raw breast-cancer features (scales from 1e-3 to 1e3): the internal
        // standardisation still reaches the optimum of the same objective.
        const Table t = loadDataset(QStringLiteral("breast_cancer"));
        LogisticRegressionOptions o;
        o.tolerance = 1e-8;
        o.maxIterations = 5000;
        LogisticRegression raw(o);
        QVERIFY(raw.fit(t.X, t.y, {}));
        QVERIFY(raw.iterations() < 5000);
        QVERIFY(accuracy(raw.predict(t.X), t.y) > 0.94);
    }

    void logisticReportsEachIteration()
    {
        const Table t = loadDataset(QStringLiteral("wine"));
        std::vector<EpochReport> reports;
        FitContext ctx;
        ctx.onEpoch = [&](const EpochReport &r) {
            reports.push_back(r);
            return false;
        };
        LogisticRegression m;
        QVERIFY(m.fit(standardize(t.X), t.y, ctx));
        QCOMPARE(static_cast<int>(reports.size()), m.iterations());
        QVERIFY(m.iterations() > 3);
        for (std::size_t i = 0; i < reports.size(); ++i) {
            QCOMPARE(reports[i].epoch, static_cast<int>(i) + 1);
            QCOMPARE(reports[i].totalEpochs, 100);
            QVERIFY(std::isfinite(reports[i].trainLoss) && reports[i].trainLoss >= 0);
            QCOMPARE(QString::fromStdString(reports[i].metricName), QStringLiteral("accuracy"));
            QVERIFY(reports[i].metric >= 0 && reports[i].metric <= 1);
        }
        // From log(3) (all-zero weights) down to a small loss.
        QVERIFY(reports.front().trainLoss < std::log(3.0));
        QVERIFY(reports.back().trainLoss < 0.1);

        // A callback asking to stop keeps the model reached so far.
        int calls = 0;
        FitContext stopAt3;
        stopAt3.onEpoch = [&](const EpochReport &) { return ++calls == 3; };
        LogisticRegression early;
        QVERIFY(early.fit(standardize(t.X), t.y, stopAt3));
        QCOMPARE(calls, 3);
        QCOMPARE(early.iterations(), 3);
        QVERIFY(early.isFitted());
    }

    // -------------------------------------------------------------- GaussianNaiveBayes

    void naiveBayesKnownAnswer()
    {
        // Class 0: x in {0, 2} (mean 1, var 1); class 1: x in {10, 14} (mean 12, var 4).
        Eigen::MatrixXd X(4, 1);
        X << 0, 2, 10, 14;
        Eigen::VectorXd y(4);
        y << 0, 0, 1, 1;
        GaussianNaiveBayesOptions o;
        o.varSmoothing = 0;
        GaussianNaiveBayes m(o);
        QVERIFY(m.fit(X, y, {}));
        QCOMPARE(m.means()(0, 0), 1.0);
        QCOMPARE(m.means()(1, 0), 12.0);
        QCOMPARE(m.variances()(0, 0), 1.0);
        QCOMPARE(m.variances()(1, 0), 4.0);
        QCOMPARE(m.priors()(0), 0.5);
        // At x = 1: N(1;1,1) = 1/sqrt(2 pi), N(1;12,4) = exp(-121/8)/sqrt(8 pi).
        Eigen::MatrixXd q(1, 1);
        q << 1.0;
        const double pi = 3.14159265358979323846;
        const double a = 1 / std::sqrt(2 * pi), b = std::exp(-121.0 / 8) / std::sqrt(8 * pi);
        const Eigen::MatrixXd P = m.predictProbabilities(q);
        QVERIFY(std::abs(P(0, 1) - b / (a + b)) < 1e-15);
        QCOMPARE(m.predict(q)(0), 0.0);
    }

    void naiveBayesMatchesSklearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::newRow("iris") << QStringLiteral("iris");
        QTest::newRow("wine") << QStringLiteral("wine");
        QTest::newRow("breast_cancer") << QStringLiteral("breast_cancer");
    }
    void naiveBayesMatchesSklearn()
    {
        QFETCH(QString, dataset);
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Table t = loadDataset(dataset);
        const Split s = split(t.X, t.y, 9);
        const QJsonObject r = runReference(s, { { QStringLiteral("kind"), QStringLiteral("nb") } });
        QVERIFY(!r.isEmpty());
        GaussianNaiveBayes m;
        QVERIFY(m.fit(s.Xtrain, s.ytrain, {}));
        QString why;
        QVERIFY2(closeTo(m.means(), toEigen(r.value(QStringLiteral("theta"))), 1e-12, 1e-12, &why),
            qPrintable(QStringLiteral("theta ") + why));
        QVERIFY2(closeTo(m.variances(), toEigen(r.value(QStringLiteral("var"))), 1e-11, 0, &why),
            qPrintable(QStringLiteral("var ") + why));
        QVERIFY2(closeTo(m.priors().transpose(), toEigen(r.value(QStringLiteral("prior"))), 1e-15,
                     0, &why),
            qPrintable(QStringLiteral("prior ") + why));
        const Eigen::MatrixXd P = m.predictProbabilities(s.Xtest);
        const Eigen::MatrixXd refP = toEigen(r.value(QStringLiteral("proba")));
        QCOMPARE(P.rows(), refP.rows());
        QCOMPARE(P.cols(), refP.cols());
        const double maxErr = (P - refP).cwiseAbs().maxCoeff();
        QVERIFY2(maxErr <= 1e-10, qPrintable(QStringLiteral("max |dP| = %1").arg(maxErr)));
        const Eigen::VectorXd refPred = toEigen(r.value(QStringLiteral("pred"))).row(0).transpose();
        QVERIFY(bitEqual(m.predict(s.Xtest), refPred));
    }

    // ---------------------------------------------------------------- Estimator contract

    void contract_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("linear_regression") << QStringLiteral("linear_regression");
        QTest::newRow("ridge") << QStringLiteral("ridge");
        QTest::newRow("logistic_binary") << QStringLiteral("logistic_binary");
        QTest::newRow("logistic_multinomial") << QStringLiteral("logistic_multinomial");
        QTest::newRow("gaussian_naive_bayes") << QStringLiteral("gaussian_naive_bayes");
    }

    void contract()
    {
        QFETCH(QString, which);
        const auto make = [&]() -> std::unique_ptr<Estimator> {
            if (which == QLatin1String("linear_regression"))
                return std::make_unique<LinearRegression>();
            if (which == QLatin1String("ridge")) {
                LinearRegressionOptions o;
                o.alpha = 2.5;
                o.solver = LinearRegressionOptions::Solver::Cholesky;
                return std::make_unique<LinearRegression>(o);
            }
            if (which.startsWith(QLatin1String("logistic"))) {
                LogisticRegressionOptions o;
                o.C = 0.5;
                o.maxIterations = 50;
                return std::make_unique<LogisticRegression>(o);
            }
            return std::make_unique<GaussianNaiveBayes>();
        };
        const bool regression
            = which == QLatin1String("linear_regression") || which == QLatin1String("ridge");
        const Table t
            = makeBlobs(3000, 5, which == QLatin1String("logistic_binary") ? 2 : 3, 2.0, 21);
        Eigen::VectorXd y = t.y;
        if (regression)
            y = t.X * Eigen::VectorXd::LinSpaced(5, -1, 1) + t.y;

        // Two fits, one and two threads: bit-identical.
        FitContext one, two;
        one.threads = 1;
        two.threads = 2;
        auto a = make(), b = make();
        QVERIFY(a->fit(t.X, y, one));
        QVERIFY(b->fit(t.X, y, two));
        QVERIFY(a->state() == b->state());
        QVERIFY(bitEqual(a->predict(t.X), b->predict(t.X)));
        QCOMPARE(a->featureCount(), 5);

        // State round trip: identical state, bit-identical predictions.
        const ModelState st = a->state();
        QCOMPARE(QString::fromStdString(st.kind), QString::fromStdString(a->kind()));
        auto c = make()->cloneUnfitted();
        QVERIFY(!c->isFitted());
        c->restore(st);
        QVERIFY(c->isFitted());
        QVERIFY(c->state() == st);
        QVERIFY(bitEqual(c->predict(t.X), a->predict(t.X)));
        if (a->hasProbabilities()) {
            QVERIFY(bitEqual(c->predictProbabilities(t.X), a->predictProbabilities(t.X)));
            QCOMPARE(c->classCount(), a->classCount());
        }

        // Tampered states are refused.
        for (auto &[name, arr] : st.arrays) {
            ModelState bad = st;
            bad.arrays[name].shape.back() += 1;
            bad.arrays[name].values.resize(bad.arrays[name].values.size()
                + (arr.shape.size() == 1 ? 1 : static_cast<std::size_t>(arr.shape[0])));
            QVERIFY_THROWS_EXCEPTION(ModelStateError, c->restore(bad));
            ModelState nan = st;
            nan.arrays[name].values[0] = std::numeric_limits<double>::quiet_NaN();
            QVERIFY_THROWS_EXCEPTION(ModelStateError, c->restore(nan));
            if (name == "feature_std")
                continue; // optional: files written before it existed load without it
            ModelState missing = st;
            missing.arrays.erase(name);
            QVERIFY_THROWS_EXCEPTION(ModelStateError, c->restore(missing));
        }
        ModelState wrongKind = st;
        wrongKind.kind = "something_else";
        QVERIFY_THROWS_EXCEPTION(ModelStateError, c->restore(wrongKind));
        for (const auto &[name, value] : st.numbers) {
            ModelState bad = st;
            bad.numbers[name] = -1e300;
            if (name == "intercept")
                continue; // any finite intercept is valid
            QVERIFY2(([&] {
                try {
                    c->restore(bad);
                } catch (const ModelStateError &) {
                    return true;
                }
                return false;
            })(),
                name.c_str());
        }
        // The refused restores left the last good state in place.
        QVERIFY(c->state() == st);

        // A clone has the options but nothing learnt.
        auto fresh = a->cloneUnfitted();
        QVERIFY(!fresh->isFitted());
        QCOMPARE(QString::fromStdString(fresh->kind()), QString::fromStdString(a->kind()));
        QVERIFY_THROWS_EXCEPTION(FitError, fresh->predict(t.X));
        QVERIFY(fresh->state() == make()->state());

        // Wrong number of columns at prediction.
        QVERIFY_THROWS_EXCEPTION(FitError, a->predict(t.X.leftCols(4)));

        // Invalid input.
        QVERIFY_THROWS_EXCEPTION(
            FitError, make()->fit(Eigen::MatrixXd(0, 5), Eigen::VectorXd(0), {}));
        QVERIFY_THROWS_EXCEPTION(FitError, make()->fit(t.X, y.head(10), {}));
        Eigen::MatrixXd withNan = t.X;
        withNan(7, 2) = std::numeric_limits<double>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(FitError, make()->fit(withNan, y, {}));
        Eigen::MatrixXd withInf = t.X;
        withInf(9, 1) = std::numeric_limits<double>::infinity();
        QVERIFY_THROWS_EXCEPTION(FitError, make()->fit(withInf, y, {}));
        if (regression) {
            Eigen::VectorXd yNan = y;
            yNan(3) = std::numeric_limits<double>::quiet_NaN();
            QVERIFY_THROWS_EXCEPTION(FitError, make()->fit(t.X, yNan, {}));
        } else {
            QVERIFY_THROWS_EXCEPTION(
                FitError, make()->fit(t.X, Eigen::VectorXd::Zero(t.X.rows()), {}));
            Eigen::VectorXd yFrac = y;
            yFrac(0) = 0.5;
            QVERIFY_THROWS_EXCEPTION(FitError, make()->fit(t.X, yFrac, {}));
            Eigen::VectorXd yNeg = y;
            yNeg(0) = -1;
            QVERIFY_THROWS_EXCEPTION(FitError, make()->fit(t.X, yNeg, {}));
        }

        // Cancelled before the start: false, nothing fitted.
        std::atomic<bool> cancel { true };
        FitContext cancelled;
        cancelled.cancel = &cancel;
        auto d = make();
        QVERIFY(!d->fit(t.X, y, cancelled));
        QVERIFY(!d->isFitted());
    }

    void logisticCancelIsPrompt()
    {
        // 400k x 40 (about 2 s of work unstopped): cancelled from another thread as soon as
        // the first iteration is reported (no sleep), the fit stops within the iteration
        // running then, unfitted.
        const Table t = makeBlobs(400000, 40, 5, 6.0, 3);
        std::atomic<bool> cancel { false };
        std::atomic<int> reported { 0 };
        std::promise<void> firstIteration;
        FitContext ctx;
        ctx.cancel = &cancel;
        ctx.onEpoch = [&](const EpochReport &) {
            if (++reported == 1)
                firstIteration.set_value();
            return false;
        };
        LogisticRegressionOptions o;
        o.tolerance = 0;
        LogisticRegression m(o);
        std::atomic<int> reportedAtCancel { 0 };
        std::thread canceller([&, started = firstIteration.get_future()] {
            started.wait();
            cancel = true;
            reportedAtCancel = reported.load(); // read after the store: an upper bound
        });
        QElapsedTimer timer;
        timer.start();
        const bool fitted = m.fit(t.X, t.y, ctx);
        const qint64 ms = timer.elapsed();
        canceller.join();
        QVERIFY(!fitted);
        QVERIFY(!m.isFitted());
        QVERIFY2(reported.load() <= reportedAtCancel.load() + 1,
            qPrintable(QStringLiteral("%1 iterations reported, %2 when cancelled")
                           .arg(reported.load())
                           .arg(reportedAtCancel.load())));
        qInfo("cancelled after %d iterations, fit returned after %lld ms", reported.load(),
            static_cast<long long>(ms));

        // Cancelled from the iteration callback (the cancel flag seen by report()).
        std::atomic<bool> flag { false };
        FitContext viaCallback;
        viaCallback.cancel = &flag;
        int epochs = 0;
        viaCallback.onEpoch = [&](const EpochReport &) {
            if (++epochs == 2)
                flag = true;
            return false;
        };
        LogisticRegression m2;
        const Table small = makeBlobs(2000, 4, 3, 3.0, 4);
        QVERIFY(!m2.fit(small.X, small.y, viaCallback));
        QCOMPARE(epochs, 2);
        QVERIFY(!m2.isFitted());
    }

    void classCountFromContext()
    {
        // A fold that misses the last class: classCount from the context is honoured.
        const Table t = makeBlobs(300, 2, 2, 0.5, 8);
        FitContext ctx;
        ctx.classCount = 3;
        LogisticRegression lr;
        QVERIFY(lr.fit(t.X, t.y, ctx));
        QCOMPARE(lr.classCount(), 3);
        QCOMPARE(lr.predictProbabilities(t.X).cols(), 3);
        QVERIFY((lr.predict(t.X).array() < 2).all());
        GaussianNaiveBayes nb;
        QVERIFY(nb.fit(t.X, t.y, ctx));
        QCOMPARE(nb.classCount(), 3);
        QCOMPARE(nb.priors()(2), 0.0);
        QVERIFY((nb.predictProbabilities(t.X).col(2).array() == 0).all());
        const ModelState st = nb.state();
        GaussianNaiveBayes back;
        back.restore(st);
        QVERIFY(bitEqual(back.predictProbabilities(t.X), nb.predictProbabilities(t.X)));
        ctx.classCount = 2;
        Eigen::VectorXd y3 = t.y;
        y3(0) = 2;
        QVERIFY_THROWS_EXCEPTION(FitError, LogisticRegression().fit(t.X, y3, ctx));
    }
};

QTEST_GUILESS_MAIN(TestLinearModels)
#include "tst_linearmodels.moc"
