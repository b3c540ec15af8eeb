// PCA: compared with scikit-learn's PCA (svd_solver="full") on the same data.
#include "SklearnReference.h"
#include "ml/Pca.h"

#include <Eigen/Core>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using sextant::engine::Pca;
using sextant::engine::PcaOptions;
using sextant::testing::SklearnReference;

namespace {

// n x d samples with a clear, non-degenerate covariance: latent factors mixed by a fixed
// matrix, plus noise and different offsets and scales per feature.
Eigen::MatrixXd makeData(int n, int d, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    const int latent = std::min(d, 4);
    Eigen::MatrixXd mix(latent, d);
    for (int i = 0; i < latent; ++i)
        for (int j = 0; j < d; ++j)
            mix(i, j) = normal(rng) * (latent - i);
    Eigen::MatrixXd X(n, d);
    for (int r = 0; r < n; ++r) {
        Eigen::RowVectorXd z(latent);
        for (int i = 0; i < latent; ++i)
            z(i) = normal(rng);
        X.row(r) = z * mix;
        for (int j = 0; j < d; ++j)
            X(r, j) = X(r, j) + 0.3 * normal(rng) + 10.0 * j;
    }
    for (int j = 0; j < d; ++j)
        X.col(j) *= 1.0 + j;
    return X;
}

// The same sign rule as Pca (largest |loading| positive), applied to sklearn's output.
const char *kPcaScript = R"PY(
import json, numpy as np
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler
import sys
X = np.loadtxt("X.csv", delimiter=",", ndmin=2)
opts = json.load(open("opts.json"))
Z = StandardScaler().fit_transform(X) if opts["standardize"] else X
k = opts["k"] if opts["k"] > 0 else None
p = PCA(n_components=k, svd_solver="full").fit(Z)
C = p.components_.copy()
T = p.transform(Z)
for i in range(C.shape[0]):
    if C[i, np.argmax(np.abs(C[i]))] < 0:
        C[i] *= -1
        T[:, i] *= -1
print(json.dumps({"components": C.tolist(), "ev": p.explained_variance_.tolist(),
                  "ratio": p.explained_variance_ratio_.tolist(),
                  "sv": p.singular_values_.tolist(), "scores": T[:20].tolist(),
                  "mean": p.mean_.tolist()}))
)PY";

void compareClose(const Eigen::Ref<const Eigen::MatrixXd> &ours, const std::vector<double> &ref,
    double tol, const char *what)
{
    QCOMPARE(static_cast<std::size_t>(ours.size()), ref.size());
    for (Eigen::Index r = 0; r < ours.rows(); ++r)
        for (Eigen::Index c = 0; c < ours.cols(); ++c) {
            const double a = ours(r, c);
            const double b = ref[static_cast<std::size_t>(r * ours.cols() + c)];
            const double err = std::abs(a - b) / std::max(1.0, std::abs(b));
            if (!(err <= tol))
                QFAIL(
                    qPrintable(QStringLiteral("%1(%2,%3): ours %4, sklearn %5, rel. error %6 > %7")
                                   .arg(QLatin1String(what))
                                   .arg(r)
                                   .arg(c)
                                   .arg(a, 0, 'g', 17)
                                   .arg(b, 0, 'g', 17)
                                   .arg(err)
                                   .arg(tol)));
        }
}

} // namespace

class TestPca : public QObject {
    Q_OBJECT

private:
    QString m_skip;

    // Fits ours with `options` and sklearn with the same settings, and compares.
    void compareWithSklearn(const Eigen::MatrixXd &X, const PcaOptions &options)
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = X;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), rm.rows(), rm.cols()));
        QFile opts(ref.path(QStringLiteral("opts.json")));
        QVERIFY(opts.open(QIODevice::WriteOnly));
        opts.write(
            QJsonDocument(QJsonObject { { QStringLiteral("standardize"), options.standardize },
                              { QStringLiteral("k"), options.components } })
                .toJson());
        opts.close();
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kPcaScript), &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));

        Pca pca;
        QVERIFY2(pca.fit(X, options), pca.error().c_str());
        int rows = 0, cols = 0;
        const std::vector<double> comps
            = SklearnReference::toMatrix(r.value(QStringLiteral("components")), &rows, &cols);
        QCOMPARE(pca.componentCount(), rows);
        QCOMPARE(pca.featureCount(), cols);
        // Components are unit vectors: compare absolutely.
        compareClose(pca.components(), comps, 1e-8, "component");
        // StandardScaler divides by the n-denominator deviation, we by the n - 1 one:
        // the same axes and ratios; sklearn's variances are larger by n / (n - 1).
        const double n = static_cast<double>(X.rows());
        const double evFactor = options.standardize ? n / (n - 1) : 1.0;
        compareClose(pca.explainedVariance() * evFactor,
            SklearnReference::toVector(r.value(QStringLiteral("ev"))), 1e-9, "variance");
        compareClose(pca.explainedVarianceRatio(),
            SklearnReference::toVector(r.value(QStringLiteral("ratio"))), 1e-9, "ratio");
        compareClose(pca.singularValues() * std::sqrt(evFactor),
            SklearnReference::toVector(r.value(QStringLiteral("sv"))), 1e-9, "singular value");
        const Eigen::MatrixXd scores
            = pca.transform(X.topRows(std::min<Eigen::Index>(20, X.rows()))) * std::sqrt(evFactor);
        compareClose(
            scores, SklearnReference::toMatrix(r.value(QStringLiteral("scores"))), 1e-8, "score");
        if (!options.standardize)
            compareClose(pca.mean(), SklearnReference::toVector(r.value(QStringLiteral("mean"))),
                1e-12, "mean");
    }

private Q_SLOTS:
    void initTestCase() { m_skip = SklearnReference::unavailableReason(); }

    void matchesSklearnCovarianceSolver()
    {
        PcaOptions o;
        o.solver = PcaOptions::Solver::Covariance;
        compareWithSklearn(makeData(500, 6, 1), o);
    }

    void matchesSklearnSvdSolver()
    {
        PcaOptions o;
        o.solver = PcaOptions::Solver::Svd;
        compareWithSklearn(makeData(500, 6, 1), o);
    }

    void matchesSklearnStandardized()
    {
        PcaOptions o;
        o.standardize = true;
        compareWithSklearn(makeData(300, 5, 2), o);
    }

    void matchesSklearnTruncated()
    {
        PcaOptions o;
        o.components = 2;
        compareWithSklearn(makeData(400, 8, 3), o);
    }

    void matchesSklearnWide()
    {
        // Fewer samples than features: Auto picks the SVD. The centred data has rank
        // n - 1, so the n-th axis is arbitrary; compare the first n - 1.
        PcaOptions o;
        o.components = 11;
        compareWithSklearn(makeData(12, 30, 4), o);
    }

    void solversAgree()
    {
        const Eigen::MatrixXd X = makeData(2000, 7, 5);
        PcaOptions a, b;
        a.solver = PcaOptions::Solver::Covariance;
        b.solver = PcaOptions::Solver::Svd;
        Pca pa, pb;
        QVERIFY(pa.fit(X, a));
        QVERIFY(pb.fit(X, b));
        QVERIFY((pa.components() - pb.components()).cwiseAbs().maxCoeff() < 1e-9);
        QVERIFY((pa.explainedVariance() - pb.explainedVariance()).cwiseAbs().maxCoeff()
            < 1e-9 * pa.explainedVariance()(0));
    }

    void fitFromRowBlocks()
    {
        // The fit on rows handed out in blocks (a table's columns, PcaProjection) is the
        // fit on the matrix: several blocks and a partial one (covariance solver), and a
        // wide matrix (the SVD solver, which asks for all rows at once).
        for (const auto &[n, d] :
            { std::pair { 2 * int(Pca::kBlockRows) + 123, 6 }, std::pair { 8, 12 } }) {
            const Eigen::MatrixXd X = makeData(n, d, 17);
            PcaOptions options;
            options.standardize = true;
            Pca whole, blocks;
            QVERIFY(whole.fit(X, options));
            int calls = 0;
            QVERIFY(blocks.fit(
                X.rows(), X.cols(),
                [&](Eigen::Index start, Eigen::Index count, Eigen::MatrixXd &out) {
                    QCOMPARE(out.rows(), count);
                    QVERIFY(count <= Pca::kBlockRows || count == X.rows());
                    out = X.middleRows(start, count);
                    ++calls;
                },
                options));
            QVERIFY(calls > 0);
            QVERIFY((whole.components() - blocks.components()).cwiseAbs().maxCoeff() < 1e-12);
            QVERIFY((whole.mean() - blocks.mean()).cwiseAbs().maxCoeff() < 1e-12);
            QVERIFY((whole.scale() - blocks.scale()).cwiseAbs().maxCoeff() < 1e-12);
            QVERIFY((whole.explainedVariance() - blocks.explainedVariance()).cwiseAbs().maxCoeff()
                < 1e-12 * whole.explainedVariance()(0));
            // transform in blocks gives the scores of the whole.
            QVERIFY((whole.transform(X).topRows(5) - blocks.transform(X.topRows(5)))
                        .cwiseAbs()
                        .maxCoeff()
                < 1e-12);
        }
    }

    void signConventionAndRowOrder()
    {
        const Eigen::MatrixXd X = makeData(300, 5, 6);
        Pca pca;
        QVERIFY(pca.fit(X));
        for (int c = 0; c < pca.componentCount(); ++c) {
            Eigen::Index arg = 0;
            pca.components().row(c).cwiseAbs().maxCoeff(&arg);
            QVERIFY(pca.components()(c, arg) > 0);
            QVERIFY(std::abs(pca.components().row(c).norm() - 1.0) < 1e-12);
        }
        // Reversed rows: same axes, same signs.
        const Eigen::MatrixXd reversed = X.colwise().reverse();
        Pca other;
        QVERIFY(other.fit(reversed));
        QVERIFY((pca.components() - other.components()).cwiseAbs().maxCoeff() < 1e-10);
        // Deterministic: a second fit is bit-identical.
        Pca again;
        QVERIFY(again.fit(X));
        QVERIFY(again.components() == pca.components());
    }

    void ratiosAndInverse()
    {
        const Eigen::MatrixXd X = makeData(200, 4, 7);
        Pca pca;
        QVERIFY(pca.fit(X));
        QCOMPARE(pca.componentCount(), 4);
        QVERIFY(std::abs(pca.explainedVarianceRatio().sum() - 1.0) < 1e-12);
        for (int c = 1; c < 4; ++c)
            QVERIFY(pca.explainedVariance()(c) <= pca.explainedVariance()(c - 1));
        const Eigen::MatrixXd back = pca.inverseTransform(pca.transform(X));
        QVERIFY((back - X).cwiseAbs().maxCoeff() < 1e-9 * X.cwiseAbs().maxCoeff());

        PcaOptions two;
        two.components = 2;
        Pca truncated;
        QVERIFY(truncated.fit(X, two));
        QCOMPARE(truncated.transform(X).cols(), Eigen::Index(2));
        QVERIFY(truncated.explainedVarianceRatio().sum() < 1.0);
    }

    void refusesBadInput()
    {
        Pca pca;
        QVERIFY(!pca.fit(Eigen::MatrixXd(1, 3)));
        QVERIFY(!pca.isFitted());
        Eigen::MatrixXd X = makeData(50, 3, 8);
        X(10, 1) = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!pca.fit(X));
        QVERIFY(!pca.error().empty());
        QVERIFY(pca.transform(X).size() == 0);

        std::atomic<bool> cancel { true };
        QVERIFY(!pca.fit(makeData(50, 3, 8), {}, &cancel));
        QCOMPARE(QString::fromStdString(pca.error()), QStringLiteral("cancelled"));
    }

    void constantFeatureStandardized()
    {
        Eigen::MatrixXd X = makeData(100, 3, 9);
        X.col(1).setConstant(4.0);
        PcaOptions o;
        o.standardize = true;
        Pca pca;
        QVERIFY(pca.fit(X, o));
        QCOMPARE(pca.scale()(1), 1.0);
        QVERIFY(pca.transform(X).allFinite());
    }
};

QTEST_GUILESS_MAIN(TestPca)
#include "tst_pca.moc"
