// Naive Bayes for mixed data (engine/ml/NaiveBayes): nominal features by category counts
// against scikit-learn's CategoricalNB, numeric features against GaussianNaiveBayes (the
// GaussianNB-equal estimator), missing values left out as Weka does, kernel densities by
// hand, model-state round trips and refusals.
#include "ReferenceSkip.h"
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "ml/FeatureEncoder.h"
#include "ml/GaussianNaiveBayes.h"
#include "ml/NaiveBayes.h"
#include "ml/TrainedModel.h"
#include "nodes/LearnerRegistry.h"

#include <QJsonArray>
#include <QtTest>
#include <cmath>
#include <random>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

// n rows of `features` nominal columns (feature j has 2 + j % 4 categories) and a class
// that depends on the first three features with noise; every category occurs.
struct NominalTable {
    Dataset data;
    std::vector<std::vector<int>> codes; // [feature][row]
    std::vector<int> y;
};

NominalTable nominalTable(int n, int features, unsigned seed)
{
    std::mt19937 rng(seed);
    NominalTable t;
    t.codes.resize(std::size_t(features));
    for (int j = 0; j < features; ++j) {
        const int k = 2 + j % 4;
        std::uniform_int_distribution<int> pick(0, k - 1);
        for (int i = 0; i < n; ++i)
            t.codes[std::size_t(j)].push_back(i < k ? i : pick(rng));
    }
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < n; ++i) {
        const int score = t.codes[0][std::size_t(i)] + t.codes[1][std::size_t(i)]
            + (features > 2 ? t.codes[2][std::size_t(i)] : 0);
        int c = score % 3;
        if (u(rng) < 0.2)
            c = int(u(rng) * 3) % 3;
        t.y.push_back(i < 3 ? i : c);
    }
    for (int j = 0; j < features; ++j) {
        const int k = 2 + j % 4;
        QStringList cats;
        for (int c = 0; c < k; ++c)
            cats << QStringLiteral("v%1").arg(c);
        std::vector<std::int32_t> codes(
            t.codes[std::size_t(j)].begin(), t.codes[std::size_t(j)].end());
        t.data.addColumn(Column::categorical(QStringLiteral("f%1").arg(j), std::move(codes), cats));
    }
    std::vector<std::int32_t> yc(t.y.begin(), t.y.end());
    t.data.addColumn(Column::categorical(QStringLiteral("class"), std::move(yc),
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    t.data.setRole(t.data.indexOf(QStringLiteral("class")), ColumnRole::Target);
    return t;
}

std::shared_ptr<TrainedModel> trainNb(const Dataset &data, NaiveBayesOptions o = {})
{
    return TrainedModel::train(data, std::make_unique<NaiveBayes>(o), QStringLiteral("class"), {});
}

Eigen::MatrixXd toEigen(const QJsonValue &v)
{
    const QJsonArray rows = v.toArray();
    Eigen::MatrixXd m(rows.size(), rows.isEmpty() ? 0 : rows[0].toArray().size());
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows[r].toArray();
        for (int c = 0; c < row.size(); ++c)
            m(r, c) = row[c].toDouble();
    }
    return m;
}

bool sameBits(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(double) * std::size_t(a.size())) == 0;
}

} // namespace

class TestNaiveBayes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // All-nominal data: the probabilities of scikit-learn's CategoricalNB(alpha) on the
    // category codes, for the default alpha and a small one.
    void nominalEqualsCategoricalNB_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::newRow("alpha=1") << 1.0;
        QTest::newRow("alpha=0.3") << 0.3;
    }
    void nominalEqualsCategoricalNB()
    {
        QFETCH(double, alpha);
        const QString why = SklearnReference::unavailableReason();
        if (!why.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + why);
        const int n = 600, features = 7;
        const NominalTable t = nominalTable(n, features, 5);
        NaiveBayesOptions o;
        o.alpha = alpha;
        const auto model = trainNb(t.data, o);
        QVERIFY(model);
        const Prediction p = model->predict(t.data);

        SklearnReference ref;
        std::vector<double> X;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < features; ++j)
                X.push_back(t.codes[std::size_t(j)][std::size_t(i)]);
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), X.data(), n, features));
        QVERIFY(ref.writeVector(QStringLiteral("y.csv"), t.y));
        QString error;
        const QJsonObject r = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.naive_bayes import CategoricalNB
X = np.loadtxt("X.csv", delimiter=",", ndmin=2).astype(int)
y = np.loadtxt("y.csv", delimiter=",").astype(int)
m = CategoricalNB(alpha=%1).fit(X, y)
print(json.dumps({"proba": m.predict_proba(X).tolist(), "pred": [m.predict(X).tolist()]}))
)PY")
                                          .arg(alpha, 0, 'g', 17),
            &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));
        const Eigen::MatrixXd refP = toEigen(r.value(QStringLiteral("proba")));
        QCOMPARE(p.probabilities.rows(), refP.rows());
        QCOMPARE(p.probabilities.cols(), refP.cols());
        const double maxErr = (p.probabilities - refP).cwiseAbs().maxCoeff();
        QVERIFY2(maxErr < 1e-12, qPrintable(QStringLiteral("max |dP| = %1").arg(maxErr)));
        const Eigen::MatrixXd refPred = toEigen(r.value(QStringLiteral("pred")));
        for (int i = 0; i < n; ++i)
            QCOMPARE(p.predicted(i), refPred(0, i));
    }

    // All-numeric data: exactly GaussianNB (GaussianNaiveBayes, checked against
    // scikit-learn in tst_linearmodels), to the last bit.
    void numericEqualsGaussian()
    {
        std::mt19937 rng(3);
        std::normal_distribution<double> z(0, 1);
        const int n = 500, d = 6;
        Eigen::MatrixXd X(n, d);
        Eigen::VectorXd y(n);
        for (int i = 0; i < n; ++i) {
            y(i) = i % 3;
            for (int j = 0; j < d; ++j)
                X(i, j) = z(rng) * (1 + j) + y(i) * (j % 2 ? 1.5 : -0.7);
        }
        NaiveBayes nb;
        GaussianNaiveBayes g;
        QVERIFY(nb.fit(X, y, {}));
        QVERIFY(g.fit(X, y, {}));
        QVERIFY(sameBits(nb.means(), g.means()));
        QVERIFY(sameBits(nb.variances(), g.variances()));
        QVERIFY(sameBits(nb.predictProbabilities(X), g.predictProbabilities(X)));
        // "nominal = gaussian" on a table with a nominal column: GaussianNB on the one-hot
        // matrix.
        const NominalTable t = nominalTable(300, 4, 9);
        NaiveBayesOptions asGaussian;
        asGaussian.nominalAsGaussian = true;
        const auto a = trainNb(t.data, asGaussian);
        const auto b = TrainedModel::train(
            t.data, std::make_unique<GaussianNaiveBayes>(), QStringLiteral("class"), {});
        QVERIFY(a && b);
        QVERIFY(sameBits(a->predict(t.data).probabilities, b->predict(t.data).probabilities));
    }

    // Mixed data with missing cells, by hand: a missing numeric value or a missing category
    // leaves that feature out of the row's likelihood.
    void mixedWithMissingKnownAnswer()
    {
        // colour: class 0 {r, r, g}, class 1 {g, g, missing}; x: class 0 {0, 2, NaN},
        // class 1 {10, 14, 12}.
        Dataset data;
        data.addColumn(Column::categorical(QStringLiteral("colour"), { 0, 0, 1, 1, 1, -1 },
            { QStringLiteral("r"), QStringLiteral("g") }));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        data.addColumn(
            Column::numeric(QStringLiteral("x"), { 0, 2, nan, 10, 14, 12 }, { 0, 0, 1, 0, 0, 0 }));
        data.addColumn(Column::categorical(QStringLiteral("class"), { 0, 0, 0, 1, 1, 1 },
            { QStringLiteral("a"), QStringLiteral("b") }));
        data.setRole(2, ColumnRole::Target);
        NaiveBayesOptions o;
        o.varSmoothing = 0;
        // Straight from the table: no Impute step is needed for naive Bayes.
        const auto model = trainNb(data, o);
        QVERIFY(model);
        const auto &nb = static_cast<const NaiveBayes &>(*model->estimator);
        QCOMPARE(int(nb.blocks().size()), 2);
        QVERIFY(nb.blocks()[0].categorical);
        // P(r|0) = (2+1)/(3+2), P(g|0) = 2/5; class 1 saw 2 known values: P(r|1) = 1/4,
        // P(g|1) = 3/4. x | 0: mean 1, var 1 (two known values); x | 1: mean 12, var 8/3.
        const Eigen::MatrixXd &lp0 = nb.logValueProbabilities(0);
        QVERIFY(std::abs(lp0(0, 0) - std::log(3.0 / 5)) < 1e-15);
        QVERIFY(std::abs(lp0(1, 1) - std::log(3.0 / 4)) < 1e-15);
        QCOMPARE(nb.means()(0, 0), 1.0);
        QCOMPARE(nb.means()(1, 0), 12.0);
        QVERIFY(std::abs(nb.variances()(1, 0) - 8.0 / 3) < 1e-14);
        // A row with colour g and x missing: only the colour (and the prior) count.
        Dataset query;
        query.addColumn(Column::categorical(
            QStringLiteral("colour"), { 1, -1 }, { QStringLiteral("r"), QStringLiteral("g") }));
        query.addColumn(Column::numeric(QStringLiteral("x"), { nan, 1 }, { 1, 0 }));
        const Eigen::MatrixXd P = model->predict(query).probabilities;
        QCOMPARE(P.rows(), 2);
        const double g0 = 0.5 * 2.0 / 5, g1 = 0.5 * 3.0 / 4;
        QVERIFY(std::abs(P(0, 1) - g1 / (g0 + g1)) < 1e-14);
        // Colour missing (all zeros), x = 1: only x counts.
        const double pi = 3.14159265358979323846;
        const double a = std::exp(0.0) / std::sqrt(2 * pi),
                     b = std::exp(-121.0 / (2 * 8.0 / 3)) / std::sqrt(2 * pi * 8.0 / 3);
        QVERIFY(std::abs(P(1, 0) - a / (a + b)) < 1e-14);
    }

    // Kernel density: one feature, by hand (sigma = max(range / sqrt(m), precision / 6)).
    void kernelKnownAnswer()
    {
        Eigen::MatrixXd X(6, 1);
        X << 0, 1, 4, 10, 11, 13;
        Eigen::VectorXd y(6);
        y << 0, 0, 0, 1, 1, 1;
        NaiveBayesOptions o;
        o.numeric = NaiveBayesOptions::Numeric::Kernel;
        NaiveBayes nb(o);
        QVERIFY(nb.fit(X, y, {}));
        const double s0 = 4 / std::sqrt(3.0), s1 = 3 / std::sqrt(3.0); // ranges 4 and 3
        const auto density = [](const std::vector<double> &v, double s, double x) {
            double sum = 0;
            for (double c : v)
                sum += std::exp(-0.5 * (x - c) * (x - c) / (s * s));
            return sum / (double(v.size()) * s * std::sqrt(2 * 3.14159265358979323846));
        };
        Eigen::MatrixXd q(1, 1);
        q << 7.0;
        const double d0 = density({ 0, 1, 4 }, s0, 7), d1 = density({ 10, 11, 13 }, s1, 7);
        const Eigen::MatrixXd P = nb.predictProbabilities(q);
        QVERIFY2(std::abs(P(0, 0) - d0 / (d0 + d1)) < 1e-12,
            qPrintable(QStringLiteral("%1 vs %2").arg(P(0, 0)).arg(d0 / (d0 + d1))));
    }

    // On nominal data with imbalanced classes, counting categories beats a normal density
    // on the one-hot columns (the reason the family exists), by a wide margin; measured on
    // held-out rows drawn from the same distribution.
    void countsBeatGaussianOnNominalData()
    {
        // 12 features of 8 categories; class 1 (20%) shifts each feature's distribution.
        const auto draw = [](int n, unsigned seed) {
            std::mt19937 rng(seed);
            std::uniform_real_distribution<double> u(0, 1);
            std::vector<std::vector<std::int32_t>> codes(12);
            std::vector<std::int32_t> y;
            for (int i = 0; i < n; ++i) {
                const int c = u(rng) < 0.2 ? 1 : 0;
                y.push_back(c);
                for (int j = 0; j < 12; ++j) {
                    // Class 0 favours the low categories, class 1 the high ones; a few are rare.
                    const double r = u(rng);
                    int v = int(r * r * 8);
                    if (c == 1 && u(rng) < 0.5)
                        v = 7 - v;
                    codes[std::size_t(j)].push_back(i < 8 ? i : v);
                }
            }
            Dataset data;
            QStringList cats;
            for (int k = 0; k < 8; ++k)
                cats << QStringLiteral("v%1").arg(k);
            for (int j = 0; j < 12; ++j)
                data.addColumn(Column::categorical(
                    QStringLiteral("f%1").arg(j), std::move(codes[std::size_t(j)]), cats));
            std::vector<std::int32_t> yc = y;
            data.addColumn(Column::categorical(QStringLiteral("class"), std::move(yc),
                { QStringLiteral("no"), QStringLiteral("yes") }));
            data.setRole(12, ColumnRole::Target);
            return std::make_pair(data, y);
        };
        const auto [train, trainY] = draw(3000, 11);
        const auto [test, testY] = draw(3000, 12);
        const auto counts = trainNb(train);
        NaiveBayesOptions g;
        g.nominalAsGaussian = true;
        const auto gauss = trainNb(train, g);
        QVERIFY(counts && gauss);
        const auto accuracy = [&, &testY = testY, &test = test](const TrainedModel &m) {
            const Prediction p = m.predict(test);
            int right = 0;
            for (int i = 0; i < p.predicted.size(); ++i)
                right += p.predicted(i) == testY[std::size_t(i)];
            return double(right) / double(p.predicted.size());
        };
        const double a = accuracy(*counts), b = accuracy(*gauss);
        qInfo("held-out accuracy: counts %.3f, gaussian on one-hot %.3f", a, b);
        QVERIFY2(a > b + 0.02, qPrintable(QStringLiteral("counts %1, gaussian %2").arg(a).arg(b)));
    }

    // The state round-trips (both numeric modes, mixed blocks); a damaged one is refused.
    void stateRoundTrip_data()
    {
        QTest::addColumn<bool>("kernel");
        QTest::newRow("gaussian") << false;
        QTest::newRow("kernel") << true;
    }
    void stateRoundTrip()
    {
        QFETCH(bool, kernel);
        NominalTable t = nominalTable(400, 5, 21);
        std::mt19937 rng(2);
        std::normal_distribution<double> z(0, 1);
        std::vector<double> x;
        for (int i = 0; i < 400; ++i)
            x.push_back(z(rng) + t.y[std::size_t(i)]);
        t.data.addColumn(Column::numeric(QStringLiteral("x"), x));
        NaiveBayesOptions o;
        o.numeric
            = kernel ? NaiveBayesOptions::Numeric::Kernel : NaiveBayesOptions::Numeric::Gaussian;
        const auto model = trainNb(t.data, o);
        QVERIFY(model);
        const ModelState s = model->estimator->state();
        const Learner *learner = LearnerRegistry::byKind(s.kind);
        QVERIFY(learner);
        const std::unique_ptr<Estimator> back = learner->load(s);
        const Eigen::MatrixXd X = model->encode(t.data);
        QVERIFY(sameBits(back->predictProbabilities(X), model->estimator->predictProbabilities(X)));
        QVERIFY(back->state() == s);

        ModelState damaged = s;
        damaged.setVector("block_width", Eigen::VectorXd::Constant(6, 99));
        bool refused = false;
        try {
            learner->load(damaged);
        } catch (const ModelStateError &) {
            refused = true;
        }
        QVERIFY(refused);
    }

    // The node's parameters are checked; the Gaussian-only family's models still load as
    // this family.
    void registration()
    {
        const Learner *nb = LearnerRegistry::byNodeId(QStringLiteral("model.naive_bayes"));
        QVERIFY(nb);
        QCOMPARE(nb->kind, std::string(NaiveBayes::kKind));
        QCOMPARE(LearnerRegistry::byNodeId(QStringLiteral("model.gaussian_naive_bayes")), nb);
        QCOMPARE(LearnerRegistry::byKind(GaussianNaiveBayes::kKind), nb);
        GaussianNaiveBayes g;
        Eigen::MatrixXd X(4, 1);
        X << 0, 1, 5, 6;
        Eigen::VectorXd y(4);
        y << 0, 0, 1, 1;
        QVERIFY(g.fit(X, y, {}));
        const std::unique_ptr<Estimator> back = nb->load(g.state());
        QCOMPARE(back->kind(), std::string(GaussianNaiveBayes::kKind));
        QVERIFY(sameBits(back->predictProbabilities(X), g.predictProbabilities(X)));

        NaiveBayesOptions bad;
        bad.alpha = -1;
        NaiveBayes m(bad);
        bool refused = false;
        try {
            m.fit(X, y, {});
        } catch (const FitError &e) {
            refused = QString::fromUtf8(e.what()).contains(QLatin1String("alpha"));
        }
        QVERIFY(refused);
    }
};

QTEST_GUILESS_MAIN(TestNaiveBayes)
#include "tst_naivebayes.moc"
