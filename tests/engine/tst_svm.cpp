// SVM (OpenCV's cv::ml::SVM): separable data, gamma="scale", accuracy against scikit-learn's
// SVC / SVR on standardised iris, wine, breast_cancer and diabetes splits, state round trip.
#include "ReferenceCsv.h"
#include "SklearnReference.h"
#include "ml/Svm.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <atomic>
#include <cmath>
#include <map>
#include <random>

using sextant::engine::EstimatorTask;
using sextant::engine::FitContext;
using sextant::engine::FitError;
using sextant::engine::ModelState;
using sextant::engine::ModelStateError;
using sextant::engine::Svm;
using sextant::testing::SklearnReference;
using Opt = sextant::engine::SvmOptions;

namespace {

using sextant::testing::loadCsv;
bool sameBits(const Eigen::VectorXd &a, const Eigen::VectorXd &b)
{
    return a.size() == b.size()
        && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size()))
        == 0;
}

// Every third row is a test row; both parts standardised with the training rows' statistics.
struct Split {
    Eigen::MatrixXd Xtr, Xte;
    Eigen::VectorXd ytr, yte;
};
Split standardisedSplit(const Eigen::MatrixXd &X, const Eigen::VectorXd &y)
{
    std::vector<Eigen::Index> tr, te;
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        (i % 3 == 2 ? te : tr).push_back(i);
    Split s { X(tr, Eigen::all), X(te, Eigen::all), y(tr), y(te) };
    const Eigen::RowVectorXd mean = s.Xtr.colwise().mean();
    Eigen::RowVectorXd sd
        = ((s.Xtr.rowwise() - mean).array().square().colwise().sum() / s.Xtr.rows()).sqrt();
    for (Eigen::Index j = 0; j < sd.size(); ++j)
        if (sd(j) == 0)
            sd(j) = 1;
    s.Xtr = ((s.Xtr.rowwise() - mean).array().rowwise() / sd.array()).matrix();
    s.Xte = ((s.Xte.rowwise() - mean).array().rowwise() / sd.array()).matrix();
    return s;
}
// Xtr.csv, Xte.csv, ytr.csv, yte.csv in the reference's folder.
bool writeSplit(const SklearnReference &ref, const Split &s)
{
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> a = s.Xtr,
                                                                                 b = s.Xte;
    return ref.writeMatrix(QStringLiteral("Xtr.csv"), a.data(), a.rows(), a.cols())
        && ref.writeMatrix(QStringLiteral("Xte.csv"), b.data(), b.rows(), b.cols())
        && ref.writeVector(QStringLiteral("ytr.csv"),
            std::vector<double>(s.ytr.data(), s.ytr.data() + s.ytr.size()))
        && ref.writeVector(QStringLiteral("yte.csv"),
            std::vector<double>(s.yte.data(), s.yte.data() + s.yte.size()));
}

const char *kScript = R"PY(
import json, numpy as np
from sklearn.svm import SVC, SVR
X = np.loadtxt("Xtr.csv", delimiter=",", ndmin=2)
y = np.loadtxt("ytr.csv", delimiter=",")
Q = np.loadtxt("Xte.csv", delimiter=",", ndmin=2)
yq = np.loadtxt("yte.csv", delimiter=",")
o = json.load(open("opts.json"))
if o["regression"]:
    m = SVR(kernel=o["kernel"], C=o["C"], epsilon=0.1).fit(X, y)
    p = m.predict(Q)
    score = 1 - ((yq - p) ** 2).sum() / ((yq - yq.mean()) ** 2).sum()
else:
    m = SVC(kernel=o["kernel"], C=o["C"]).fit(X, y.astype(int))
    score = float((m.predict(Q) == yq).mean())
print(json.dumps({"score": score, "gamma": float(m._gamma)}))
)PY";

} // namespace

class TestSvm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void separable();
    void regressionLine();
    void gammaScale();
    void sklearnAccuracy_data();
    void sklearnAccuracy();
    void probabilitiesMatchSklearn_data();
    void probabilitiesMatchSklearn();
    void classWeightMatchesSklearn_data();
    void classWeightMatchesSklearn();
    void stateRoundTrip();
    void readsStateWithoutProbabilities();
    void corruptedStateThrows();
    void invalidInput();
    void cancel();
};

void TestSvm::separable()
{
    // Three well-separated groups in 2-D: every training and nearby point classified right.
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal(0, 0.3);
    const int n = 90;
    Eigen::MatrixXd X(n, 2);
    Eigen::VectorXd y(n);
    const double cx[3] = { -3, 0, 3 }, cy[3] = { 0, 3, 0 };
    for (int i = 0; i < n; ++i) {
        const int c = i % 3;
        X(i, 0) = cx[c] + normal(rng);
        X(i, 1) = cy[c] + normal(rng);
        y(i) = c;
    }
    for (auto kernel : { Opt::Kernel::Linear, Opt::Kernel::Rbf }) {
        Opt o;
        o.kernel = kernel;
        Svm svm(o);
        QVERIFY(svm.fit(X, y, FitContext {}));
        QCOMPARE(svm.classCount(), 3);
        QVERIFY(svm.hasProbabilities());
        QVERIFY(sameBits(svm.predict(X), y));
        // Probabilities: rows sum to 1 and, on separated groups, the class is the likeliest.
        const Eigen::MatrixXd P = svm.predictProbabilities(X);
        QVERIFY((P.rowwise().sum().array() - 1).abs().maxCoeff() < 1e-9);
        for (int i = 0; i < n; ++i) {
            Eigen::Index arg;
            P.row(i).maxCoeff(&arg);
            QCOMPARE(double(arg), y(i));
        }
        // The double-precision decision values vote as OpenCV's prediction does.
        const Eigen::MatrixXd D = svm.decisionValues(X);
        QCOMPARE(D.cols(), 3);
        for (int i = 0; i < n; ++i) {
            int votes[3] = { 0, 0, 0 };
            votes[D(i, 0) > 0 ? 0 : 1]++;
            votes[D(i, 1) > 0 ? 0 : 2]++;
            votes[D(i, 2) > 0 ? 1 : 2]++;
            QCOMPARE(double(std::max_element(votes, votes + 3) - votes), y(i));
        }
        Opt none = o;
        none.probability = false;
        Svm plain(none);
        QVERIFY(plain.fit(X, y, FitContext {}));
        QVERIFY(!plain.hasProbabilities());
        QVERIFY(sameBits(plain.predict(X), svm.predict(X)));
        Eigen::MatrixXd q(3, 2);
        q << -3.2, 0.1, 0.1, 2.8, 2.9, -0.2;
        const Eigen::VectorXd p = svm.predict(q);
        QCOMPARE(p(0), 0.0);
        QCOMPARE(p(1), 1.0);
        QCOMPARE(p(2), 2.0);
        QVERIFY(svm.supportVectorCount() > 0);
    }
}

void TestSvm::regressionLine()
{
    // y = 2x - 1 on [-1, 1]: a linear SVR with a narrow tube recovers it within epsilon.
    const int n = 41;
    Eigen::MatrixXd X(n, 1);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        X(i, 0) = -1 + 2.0 * i / (n - 1);
        y(i) = 2 * X(i, 0) - 1;
    }
    Opt o;
    o.task = EstimatorTask::Regression;
    o.kernel = Opt::Kernel::Linear;
    o.C = 100;
    o.epsilon = 0.01;
    Svm svm(o);
    QVERIFY(svm.fit(X, y, FitContext {}));
    const Eigen::VectorXd p = svm.predict(X);
    QVERIFY2((p - y).cwiseAbs().maxCoeff() < 0.02,
        qPrintable(QStringLiteral("max error %1").arg((p - y).cwiseAbs().maxCoeff())));
}

void TestSvm::gammaScale()
{
    Eigen::MatrixXd X(4, 2);
    X << 0, 1, 2, 3, 4, 5, 6, 7; // cells 0..7: variance 5.25
    Eigen::VectorXd y(4);
    y << 0, 0, 1, 1;
    Svm svm;
    QVERIFY(svm.fit(X, y, FitContext {}));
    QCOMPARE(svm.resolvedGamma(), 1.0 / (2 * 5.25));
    Opt o;
    o.gamma = 0.7;
    Svm fixed(o);
    QVERIFY(fixed.fit(X, y, FitContext {}));
    QCOMPARE(fixed.resolvedGamma(), 0.7);
}

void TestSvm::sklearnAccuracy_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("regression");
    QTest::addColumn<bool>("linear");
    QTest::addColumn<double>("C");
    QTest::newRow("iris rbf") << "iris.csv" << false << false << 1.0;
    QTest::newRow("iris linear") << "iris.csv" << false << true << 1.0;
    QTest::newRow("wine rbf") << "wine.csv" << false << false << 1.0;
    QTest::newRow("wine linear C0.1") << "wine.csv" << false << true << 0.1;
    QTest::newRow("breast_cancer rbf") << "breast_cancer.csv" << false << false << 1.0;
    QTest::newRow("breast_cancer rbf C10") << "breast_cancer.csv" << false << false << 10.0;
    QTest::newRow("breast_cancer linear") << "breast_cancer.csv" << false << true << 1.0;
    QTest::newRow("diabetes svr rbf C100") << "diabetes.csv" << true << false << 100.0;
}

void TestSvm::sklearnAccuracy()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    QFETCH(QString, file);
    QFETCH(bool, regression);
    QFETCH(bool, linear);
    QFETCH(double, C);
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    QVERIFY(loadCsv(file, X, y));
    const Split split = standardisedSplit(X, y);
    const Eigen::MatrixXd &Xtr = split.Xtr, &Xte = split.Xte;
    const Eigen::VectorXd &ytr = split.ytr, &yte = split.yte;
    SklearnReference ref;
    QVERIFY(writeSplit(ref, split));
    QFile opts(ref.path(QStringLiteral("opts.json")));
    QVERIFY(opts.open(QIODevice::WriteOnly));
    opts.write(QStringLiteral("{\"kernel\": \"%1\", \"C\": %2, \"regression\": %3}")
                   .arg(linear ? QStringLiteral("linear") : QStringLiteral("rbf"))
                   .arg(C)
                   .arg(regression ? QStringLiteral("true") : QStringLiteral("false"))
                   .toUtf8());
    opts.close();
    QString error;
    const QJsonObject o = ref.run(QString::fromUtf8(kScript), &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));

    Opt opt;
    opt.task = regression ? EstimatorTask::Regression : EstimatorTask::Classification;
    opt.kernel = linear ? Opt::Kernel::Linear : Opt::Kernel::Rbf;
    opt.C = C;
    Svm svm(opt);
    QVERIFY(svm.fit(Xtr, ytr, FitContext {}));
    const Eigen::VectorXd p = svm.predict(Xte);
    double score;
    if (regression)
        score = 1 - (yte - p).squaredNorm() / (yte.array() - yte.mean()).square().sum();
    else
        score = static_cast<double>((p.array() == yte.array()).count())
            / static_cast<double>(p.size());
    const double refScore = o[QStringLiteral("score")].toDouble();
    qInfo("%s: ours %.4f, sklearn %.4f", qPrintable(file), score, refScore);
    QVERIFY2(std::abs(score - refScore) <= 0.02,
        qPrintable(QStringLiteral("score %1, sklearn %2").arg(score).arg(refScore)));
    if (!linear) {
        const double g = o[QStringLiteral("gamma")].toDouble();
        QVERIFY(std::abs(svm.resolvedGamma() - g) <= 1e-12 * g);
    }
}

void TestSvm::classWeightMatchesSklearn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("linear");
    QTest::newRow("breast_cancer rbf") << "breast_cancer.csv" << false;
    QTest::newRow("breast_cancer linear") << "breast_cancer.csv" << true;
    QTest::newRow("wine rbf") << "wine.csv" << false;
}

// class_weight = balanced on data with class 0 thinned to one row in five: the predictions
// of scikit-learn's SVC(class_weight="balanced") (C scaled per class as libsvm does; OpenCV
// trains in single precision, so agreement, not identity), and more rows of the thinned
// class found than without weights.
void TestSvm::classWeightMatchesSklearn()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    QFETCH(QString, file);
    QFETCH(bool, linear);
    Eigen::MatrixXd Xall;
    Eigen::VectorXd yall;
    QVERIFY(loadCsv(file, Xall, yall));
    std::vector<Eigen::Index> keep;
    int seen0 = 0;
    for (Eigen::Index i = 0; i < yall.size(); ++i)
        if (yall(i) != 0 || seen0++ % 5 == 0)
            keep.push_back(i);
    const Split split = standardisedSplit(Xall(keep, Eigen::all), yall(keep));
    Opt opt;
    opt.kernel = linear ? Opt::Kernel::Linear : Opt::Kernel::Rbf;
    opt.probability = true;
    opt.classWeight = sextant::engine::ClassWeight::Balanced;
    Svm weighted(opt);
    QVERIFY(weighted.fit(split.Xtr, split.ytr, FitContext {}));
    Opt plainOpt = opt;
    plainOpt.classWeight = sextant::engine::ClassWeight::None;
    Svm plain(plainOpt);
    QVERIFY(plain.fit(split.Xtr, split.ytr, FitContext {}));
    const Eigen::VectorXd pw = weighted.predict(split.Xte), pp = plain.predict(split.Xte);
    Eigen::VectorXd both(pw.size() * 2);
    both << pw, pp;

    SklearnReference ref;
    QVERIFY(writeSplit(ref, split));
    QVERIFY(ref.writeVector(
        QStringLiteral("P.csv"), std::vector<double>(both.data(), both.data() + both.size())));
    QString error;
    const QJsonObject o
        = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.svm import SVC
X = np.loadtxt("Xtr.csv", delimiter=",", ndmin=2)
y = np.loadtxt("ytr.csv", delimiter=",").astype(int)
Q = np.loadtxt("Xte.csv", delimiter=",", ndmin=2)
yq = np.loadtxt("yte.csv", delimiter=",").astype(int)
ours = np.loadtxt("P.csv", delimiter=",")
n = len(yq)
w = SVC(kernel="%1", class_weight="balanced").fit(X, y).predict(Q)
p = SVC(kernel="%1").fit(X, y).predict(Q)
def recall0(pred):
    return float(((pred == 0) & (yq == 0)).sum() / max(1, (yq == 0).sum()))
print(json.dumps({"agree": float((w == ours[:n]).mean()), "agree_plain": float((p == ours[n:]).mean()),
                  "recall_sklearn": recall0(w), "recall_ours": recall0(ours[:n]),
                  "recall_plain": recall0(ours[n:])}))
)PY")
                      .arg(linear ? QStringLiteral("linear") : QStringLiteral("rbf")),
            &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));
    const double agree = o[QStringLiteral("agree")].toDouble();
    qInfo("%s: agreement with SVC(class_weight=balanced) %.4f (unweighted %.4f); recall of the "
          "thinned class ours %.3f, sklearn %.3f, unweighted %.3f",
        qPrintable(file), agree, o[QStringLiteral("agree_plain")].toDouble(),
        o[QStringLiteral("recall_ours")].toDouble(), o[QStringLiteral("recall_sklearn")].toDouble(),
        o[QStringLiteral("recall_plain")].toDouble());
    QVERIFY2(agree >= 0.98, qPrintable(QString::number(agree)));
    QVERIFY(o[QStringLiteral("recall_ours")].toDouble()
        >= o[QStringLiteral("recall_plain")].toDouble());
    // The option travels with the model; older states (without it) load unweighted.
    Svm back;
    back.restore(weighted.state());
    QCOMPARE(int(back.options().classWeight), int(sextant::engine::ClassWeight::Balanced));
    QVERIFY(sameBits(back.predict(split.Xte), pw));
    ModelState old = weighted.state();
    old.texts.erase("class_weight");
    Svm oldBack;
    oldBack.restore(old);
    QCOMPARE(int(oldBack.options().classWeight), int(sextant::engine::ClassWeight::None));
}

void TestSvm::probabilitiesMatchSklearn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("linear");
    QTest::newRow("breast_cancer rbf") << "breast_cancer.csv" << false;
    QTest::newRow("breast_cancer linear") << "breast_cancer.csv" << true;
    QTest::newRow("wine rbf") << "wine.csv" << false;
    QTest::newRow("iris rbf") << "iris.csv" << false;
}

// ROC AUC of the Platt-scaled probabilities on held-out rows within 0.01 of scikit-learn's
// SVC(probability=True) (one-vs-rest macro AUC for more than two classes), and the
// probabilities themselves close (the cross-validation folds differ, so not equal).
void TestSvm::probabilitiesMatchSklearn()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    QFETCH(QString, file);
    QFETCH(bool, linear);
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    QVERIFY(loadCsv(file, X, y));
    const Split split = standardisedSplit(X, y);
    const Eigen::MatrixXd &Xtr = split.Xtr, &Xte = split.Xte;
    const Eigen::VectorXd &ytr = split.ytr;

    Opt opt;
    opt.kernel = linear ? Opt::Kernel::Linear : Opt::Kernel::Rbf;
    Svm svm(opt);
    QVERIFY(svm.fit(Xtr, ytr, FitContext {}));
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> P
        = svm.predictProbabilities(Xte);

    SklearnReference ref;
    QVERIFY(writeSplit(ref, split));
    QVERIFY(ref.writeMatrix(QStringLiteral("P.csv"), P.data(), P.rows(), P.cols()));
    QString error;
    const QJsonObject o
        = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.svm import SVC
from sklearn.metrics import roc_auc_score
X = np.loadtxt("Xtr.csv", delimiter=",", ndmin=2)
y = np.loadtxt("ytr.csv", delimiter=",").astype(int)
Q = np.loadtxt("Xte.csv", delimiter=",", ndmin=2)
yq = np.loadtxt("yte.csv", delimiter=",").astype(int)
ours = np.loadtxt("P.csv", delimiter=",", ndmin=2)
m = SVC(kernel="%1", probability=True, random_state=0).fit(X, y)
ref = m.predict_proba(Q)
def auc(P):
    return float(roc_auc_score(yq, P[:, 1]) if P.shape[1] == 2 else roc_auc_score(yq, P, multi_class="ovr"))
print(json.dumps({"ours": auc(ours), "sklearn": auc(ref), "maxdiff": float(np.abs(ours - ref).max())}))
)PY")
                      .arg(linear ? QStringLiteral("linear") : QStringLiteral("rbf")),
            &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));
    const double ours = o[QStringLiteral("ours")].toDouble();
    const double theirs = o[QStringLiteral("sklearn")].toDouble();
    const double maxdiff = o[QStringLiteral("maxdiff")].toDouble();
    qInfo(
        "%s: AUC ours %.4f, sklearn %.4f, max |dP| %.3f", qPrintable(file), ours, theirs, maxdiff);
    QVERIFY2(std::abs(ours - theirs) <= 0.01,
        qPrintable(QStringLiteral("AUC %1, sklearn %2").arg(ours).arg(theirs)));
    QVERIFY2(maxdiff < 0.25, qPrintable(QStringLiteral("max |dP| %1").arg(maxdiff)));
}

void TestSvm::stateRoundTrip()
{
    std::mt19937_64 rng(2);
    std::normal_distribution<double> normal;
    const int n = 150, d = 5;
    Eigen::MatrixXd X(n, d);
    Eigen::VectorXd y(n), t(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < d; ++j)
            X(i, j) = normal(rng);
        y(i) = X(i, 0) > 0.4 ? 2 : (X(i, 1) > 0 ? 1 : 0);
        t(i) = X(i, 0) * 3 + std::sin(X(i, 1));
    }
    const Eigen::MatrixXd Q = X.array() * 0.9 + 0.05;
    for (auto task : { EstimatorTask::Classification, EstimatorTask::Regression })
        for (auto kernel : { Opt::Kernel::Linear, Opt::Kernel::Rbf }) {
            Opt o;
            o.task = task;
            o.kernel = kernel;
            o.C = 3;
            Svm a(o);
            QVERIFY(a.fit(X, task == EstimatorTask::Regression ? t : y, FitContext {}));
            const ModelState s = a.state();
            QCOMPARE(QString::fromStdString(s.kind), QStringLiteral("svm"));
            Svm b;
            b.restore(s);
            QVERIFY(b.task() == task);
            QCOMPARE(b.options().C, 3.0);
            QVERIFY(sameBits(a.predict(Q), b.predict(Q)));
            if (task == EstimatorTask::Classification) {
                QVERIFY(b.hasProbabilities());
                const Eigen::MatrixXd pa = a.predictProbabilities(Q),
                                      pb = b.predictProbabilities(Q);
                QVERIFY(pa.size() == pb.size()
                    && std::memcmp(pa.data(), pb.data(), sizeof(double) * std::size_t(pa.size()))
                        == 0);
            }
            QVERIFY(b.state() == s);
            // Refit with the same data: the same model (deterministic).
            Svm c(o);
            QVERIFY(c.fit(X, task == EstimatorTask::Regression ? t : y, FitContext {}));
            QVERIFY(sameBits(a.predict(Q), c.predict(Q)));
            QVERIFY(!a.cloneUnfitted()->isFitted());
        }
}

// A model written before probabilities existed (state version 1) still loads and predicts
// the same classes; it has no probabilities.
void TestSvm::readsStateWithoutProbabilities()
{
    std::mt19937_64 rng(4);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd X(80, 3);
    Eigen::VectorXd y(80);
    for (int i = 0; i < 80; ++i) {
        for (int j = 0; j < 3; ++j)
            X(i, j) = normal(rng);
        y(i) = X(i, 0) + 0.3 * X(i, 2) > 0 ? 1 : 0;
    }
    Svm a;
    QVERIFY(a.fit(X, y, FitContext {}));
    ModelState v1 = a.state();
    v1.version = 1;
    v1.numbers.erase("probability");
    v1.numbers.erase("seed");
    v1.arrays.erase("prob_a");
    v1.arrays.erase("prob_b");
    Svm b;
    b.restore(v1);
    QVERIFY(!b.hasProbabilities());
    QVERIFY(sameBits(a.predict(X), b.predict(X)));
    // A version-2 state that claims probabilities without sigmoids is refused.
    ModelState broken = a.state();
    broken.arrays.erase("prob_a");
    Svm c;
    bool refused = false;
    try {
        c.restore(broken);
    } catch (const ModelStateError &) {
        refused = true;
    }
    QVERIFY(refused);
}

void TestSvm::corruptedStateThrows()
{
    Eigen::MatrixXd X(8, 2);
    X << 0, 0, 1, 0, 0, 1, 1, 1, 4, 4, 5, 4, 4, 5, 5, 5;
    Eigen::VectorXd y(8);
    y << 0, 0, 0, 0, 1, 1, 1, 1;
    Svm a;
    QVERIFY(a.fit(X, y, FitContext {}));
    const ModelState good = a.state();
    const auto expectThrow = [&](ModelState s, const char *what) {
        Svm b;
        bool thrown = false;
        try {
            b.restore(s);
        } catch (const ModelStateError &) {
            thrown = true;
        }
        QVERIFY2(thrown, what);
    };
    ModelState s = good;
    s.texts["opencv_model"] = "this is not YAML {{{";
    expectThrow(s, "garbage text");
    s = good;
    s.texts["opencv_model"] = "%YAML:1.0\n---\nsomething: 1\n";
    expectThrow(s, "no svm node");
    s = good;
    {
        std::string t = s.texts["opencv_model"];
        const auto at = t.find("var_count: 2");
        QVERIFY(at != std::string::npos);
        t.replace(at, 12, "var_count: 3");
        s.texts["opencv_model"] = t;
    }
    expectThrow(s, "var_count");
    s = good;
    s.numbers["feature_count"] = 3;
    expectThrow(s, "feature_count");
    s = good;
    s.arrays["classes"].values = { 0, 2 };
    expectThrow(s, "class list");
    s = good;
    s.numbers["resolved_gamma"] = 2;
    expectThrow(s, "gamma mismatch");
    s = good;
    s.numbers["task"] = 1;
    expectThrow(s, "task mismatch");
    s = good;
    s.numbers["c"] = -1;
    expectThrow(s, "negative C");
    s = good;
    s.texts.erase("opencv_model");
    expectThrow(s, "missing model");
}

void TestSvm::invalidInput()
{
    Svm svm;
    Eigen::MatrixXd X = Eigen::MatrixXd::Random(6, 2);
    QVERIFY_THROWS_EXCEPTION(
        FitError, svm.fit(X, Eigen::VectorXd::Zero(6), FitContext {})); // one class
    Eigen::VectorXd y(6);
    y << 0, 1, 0, 1, 0, 1;
    Eigen::MatrixXd bad = X;
    bad(0, 0) = std::nan("");
    QVERIFY_THROWS_EXCEPTION(FitError, svm.fit(bad, y, FitContext {}));
    QVERIFY_THROWS_EXCEPTION(FitError, svm.fit(X, Eigen::VectorXd::Zero(5), FitContext {}));
    Opt o;
    o.C = 0;
    Svm zero(o);
    QVERIFY_THROWS_EXCEPTION(FitError, zero.fit(X, y, FitContext {}));
    QVERIFY(svm.fit(X, y, FitContext {}));
    QVERIFY_THROWS_EXCEPTION(FitError, svm.predict(Eigen::MatrixXd::Zero(1, 3)));
    QVERIFY_THROWS_EXCEPTION(FitError, svm.predictProbabilities(Eigen::MatrixXd::Zero(1, 3)));
    Opt plain;
    plain.probability = false;
    Svm noProbabilities(plain);
    QVERIFY(noProbabilities.fit(X, y, FitContext {}));
    QVERIFY_THROWS_EXCEPTION(FitError, noProbabilities.predictProbabilities(X));
}

void TestSvm::cancel()
{
    Eigen::MatrixXd X = Eigen::MatrixXd::Random(5000, 10);
    Eigen::VectorXd y = (X.col(0).array() > 0).cast<double>();
    std::atomic<bool> flag { true };
    FitContext ctx;
    ctx.cancel = &flag;
    Svm svm;
    QElapsedTimer t;
    t.start();
    QVERIFY(!svm.fit(X, y, ctx));
    QVERIFY(t.elapsed() < 2000);
    QVERIFY(!svm.isFitted());
}

QTEST_GUILESS_MAIN(TestSvm)
#include "tst_svm.moc"
