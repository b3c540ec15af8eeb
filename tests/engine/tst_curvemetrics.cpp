// ROC / precision-recall / confusion matrix, compared with scikit-learn's roc_curve,
// roc_auc_score, precision_recall_curve, average_precision_score and confusion_matrix.
#include "SklearnReference.h"
#include "ml/CurveMetrics.h"

#include <QTest>
#include <cmath>
#include <random>

using sextant::engine::ConfusionMatrix;
using sextant::engine::CurveMetrics;
using sextant::engine::PrecisionRecallCurve;
using sextant::engine::RocCurve;
using sextant::testing::SklearnReference;

namespace {

constexpr double kTol = 1e-12;

void compareVectors(const std::vector<double> &ours, const std::vector<double> &ref,
    const char *what, std::size_t skipFirst = 0)
{
    QVERIFY2(ours.size() == ref.size() + skipFirst,
        qPrintable(QStringLiteral("%1: %2 values, sklearn %3")
                       .arg(QLatin1String(what))
                       .arg(ours.size())
                       .arg(ref.size() + skipFirst)));
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const double a = ours[i + skipFirst];
        const double b = ref[i];
        if (!(std::abs(a - b) <= kTol * std::max(1.0, std::abs(b))))
            QFAIL(qPrintable(QStringLiteral("%1[%2]: ours %3, sklearn %4")
                                 .arg(QLatin1String(what))
                                 .arg(i + skipFirst)
                                 .arg(a, 0, 'g', 17)
                                 .arg(b, 0, 'g', 17)));
    }
}

// Scores rounded to two decimals so that there are many ties.
struct Binary {
    std::vector<std::int32_t> labels;
    std::vector<double> scores;
};

Binary makeBinary(int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::bernoulli_distribution coin(0.35);
    Binary b;
    for (int i = 0; i < n; ++i) {
        const int y = coin(rng) ? 1 : 0;
        const double s = 1.0 / (1.0 + std::exp(-(1.2 * y - 0.6 + normal(rng))));
        b.labels.push_back(y);
        b.scores.push_back(std::round(s * 100.0) / 100.0);
    }
    return b;
}

const char *kBinaryScript = R"PY(
import json, numpy as np
from sklearn.metrics import roc_curve, roc_auc_score, precision_recall_curve, average_precision_score
y = np.loadtxt("y.csv").astype(int)
s = np.loadtxt("s.csv")
f, t, th = roc_curve(y, s)
fa, ta, tha = roc_curve(y, s, drop_intermediate=False)
p, r, tp = precision_recall_curve(y, s)
print(json.dumps({"fpr": f.tolist(), "tpr": t.tolist(), "th": th[1:].tolist(),
                  "fprAll": fa.tolist(), "tprAll": ta.tolist(),
                  "auc": roc_auc_score(y, s), "precision": p.tolist(), "recall": r.tolist(),
                  "prTh": tp.tolist(), "ap": average_precision_score(y, s)}))
)PY";

const char *kMultiScript = R"PY(
import json, numpy as np
from sklearn.metrics import roc_curve, roc_auc_score, precision_recall_curve, average_precision_score, confusion_matrix
y = np.loadtxt("y.csv").astype(int)
P = np.loadtxt("P.csv", delimiter=",")
pred = np.loadtxt("pred.csv").astype(int)
K = P.shape[1]
out = {"macro": roc_auc_score(y, P, multi_class="ovr", average="macro"),
       "weighted": roc_auc_score(y, P, multi_class="ovr", average="weighted"),
       "cm": confusion_matrix(y, pred, labels=list(range(K))).tolist(),
       "cmNorm": np.nan_to_num(confusion_matrix(y, pred, labels=list(range(K)), normalize="true")).tolist()}
for k in range(K):
    f, t, _ = roc_curve(y == k, P[:, k])
    p, r, _ = precision_recall_curve(y == k, P[:, k])
    out["fpr%d" % k] = f.tolist(); out["tpr%d" % k] = t.tolist()
    out["auc%d" % k] = roc_auc_score(y == k, P[:, k])
    out["p%d" % k] = p.tolist(); out["r%d" % k] = r.tolist()
    out["ap%d" % k] = average_precision_score(y == k, P[:, k])
print(json.dumps(out))
)PY";

} // namespace

class TestCurveMetrics : public QObject {
    Q_OBJECT

private:
    QString m_skip;

private Q_SLOTS:
    void initTestCase() { m_skip = SklearnReference::unavailableReason(); }

    void documentedExample()
    {
        // The example of scikit-learn's roc_curve and precision_recall_curve docstrings.
        const std::vector<std::int32_t> y { 0, 0, 1, 1 };
        const std::vector<double> s { 0.1, 0.4, 0.35, 0.8 };
        const RocCurve roc = CurveMetrics::roc(y, s);
        compareVectors(roc.fpr, { 0, 0, 0.5, 0.5, 1 }, "fpr");
        compareVectors(roc.tpr, { 0, 0.5, 0.5, 1, 1 }, "tpr");
        QVERIFY(std::isinf(roc.thresholds.front()));
        compareVectors(roc.thresholds, { 0.8, 0.4, 0.35, 0.1 }, "threshold", 1);
        QCOMPARE(roc.auc, 0.75);
        QCOMPARE(roc.positives, std::int64_t(2));
        QCOMPARE(roc.negatives, std::int64_t(2));

        const PrecisionRecallCurve pr = CurveMetrics::precisionRecall(y, s);
        compareVectors(pr.precision, { 0.5, 2.0 / 3.0, 0.5, 1, 1 }, "precision");
        compareVectors(pr.recall, { 1, 1, 0.5, 0.5, 0 }, "recall");
        compareVectors(pr.thresholds, { 0.1, 0.35, 0.4, 0.8 }, "pr threshold");
        QVERIFY(std::abs(pr.averagePrecision - 0.8333333333333333) < kTol);
    }

    void degenerateInputs()
    {
        const std::vector<std::int32_t> ones { 1, 1, 1 };
        const std::vector<double> s { 0.2, 0.5, 0.9 };
        QVERIFY(std::isnan(CurveMetrics::roc(ones, s).auc));
        QVERIFY(std::isnan(CurveMetrics::roc({}, {}).auc));
        QVERIFY(std::isnan(CurveMetrics::roc(ones, std::vector<double> { 1.0 }).auc));
        const std::vector<std::int32_t> zeros { 0, 0, 0 };
        QVERIFY(std::isnan(CurveMetrics::precisionRecall(zeros, s).averagePrecision));
        // NaN scores are left out.
        const std::vector<std::int32_t> y { 0, 1, 1, 0 };
        const std::vector<double> withNaN { 0.1, 0.9, std::nan(""), 0.2 };
        const RocCurve r = CurveMetrics::roc(y, withNaN);
        QCOMPARE(r.positives, std::int64_t(1));
        QCOMPARE(r.auc, 1.0);
        QCOMPARE(
            CurveMetrics::trapezoid(std::vector<double> { 1, 0 }, std::vector<double> { 1, 1 }),
            1.0);
    }

    void binaryMatchesSklearn()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        const Binary b = makeBinary(2000, 11);
        SklearnReference ref;
        QVERIFY(ref.writeVector(QStringLiteral("y.csv"), b.labels));
        QVERIFY(ref.writeVector(QStringLiteral("s.csv"), b.scores));
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kBinaryScript), &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));

        const RocCurve roc = CurveMetrics::roc(b.labels, b.scores);
        compareVectors(roc.fpr, SklearnReference::toVector(r[QStringLiteral("fpr")]), "fpr");
        compareVectors(roc.tpr, SklearnReference::toVector(r[QStringLiteral("tpr")]), "tpr");
        // scikit-learn 1.2 starts with max + 1, 1.3+ with +inf like us: skip the first.
        compareVectors(
            roc.thresholds, SklearnReference::toVector(r[QStringLiteral("th")]), "threshold", 1);
        QVERIFY(std::abs(roc.auc - r[QStringLiteral("auc")].toDouble()) < kTol);

        const RocCurve all = CurveMetrics::roc(b.labels, b.scores, 1, false);
        compareVectors(
            all.fpr, SklearnReference::toVector(r[QStringLiteral("fprAll")]), "fpr (all)");
        compareVectors(
            all.tpr, SklearnReference::toVector(r[QStringLiteral("tprAll")]), "tpr (all)");
        QVERIFY(all.fpr.size() > roc.fpr.size());
        QVERIFY(std::abs(all.auc - roc.auc) < kTol);

        const PrecisionRecallCurve pr = CurveMetrics::precisionRecall(b.labels, b.scores);
        compareVectors(
            pr.precision, SklearnReference::toVector(r[QStringLiteral("precision")]), "precision");
        compareVectors(
            pr.recall, SklearnReference::toVector(r[QStringLiteral("recall")]), "recall");
        compareVectors(
            pr.thresholds, SklearnReference::toVector(r[QStringLiteral("prTh")]), "pr threshold");
        QVERIFY(std::abs(pr.averagePrecision - r[QStringLiteral("ap")].toDouble()) < kTol);
    }

    void multiclassMatchesSklearn()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        // Three classes, softmax scores (rows sum to 1, as roc_auc_score requires),
        // rounded to create ties, and an argmax prediction.
        const int n = 900, K = 3;
        std::mt19937_64 rng(5);
        std::normal_distribution<double> normal;
        std::uniform_int_distribution<int> cls(0, K - 1);
        std::vector<std::int32_t> y(n), pred(n);
        std::vector<double> P(static_cast<std::size_t>(n) * K);
        for (int i = 0; i < n; ++i) {
            y[i] = i < K ? i : cls(rng);
            double e[K], sum = 0;
            for (int k = 0; k < K; ++k) {
                e[k] = std::exp((k == y[i] ? 1.0 : 0.0) * (0.5 + k * 0.4) + normal(rng));
                sum += e[k];
            }
            int best = 0;
            for (int k = 0; k < K; ++k) {
                P[static_cast<std::size_t>(i) * K + k] = std::round(e[k] / sum * 1000.0) / 1000.0;
                if (e[k] > e[best])
                    best = k;
            }
            // Re-normalise after rounding so the rows sum to 1 within float error.
            const double rowSum = P[i * K] + P[i * K + 1] + P[i * K + 2];
            for (int k = 0; k < K; ++k)
                P[static_cast<std::size_t>(i) * K + k] /= rowSum;
            pred[i] = best;
        }
        SklearnReference ref;
        QVERIFY(ref.writeVector(QStringLiteral("y.csv"), y));
        QVERIFY(ref.writeVector(QStringLiteral("pred.csv"), pred));
        QVERIFY(ref.writeMatrix(QStringLiteral("P.csv"), P.data(), n, K));
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kMultiScript), &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));

        const auto rocs = CurveMetrics::rocOneVsRest(y, P, K);
        const auto prs = CurveMetrics::precisionRecallOneVsRest(y, P, K);
        QCOMPARE(int(rocs.size()), K);
        QCOMPARE(int(prs.size()), K);
        for (int k = 0; k < K; ++k) {
            const QString s = QString::number(k);
            compareVectors(
                rocs[k].fpr, SklearnReference::toVector(r[QStringLiteral("fpr") + s]), "fpr");
            compareVectors(
                rocs[k].tpr, SklearnReference::toVector(r[QStringLiteral("tpr") + s]), "tpr");
            QVERIFY(std::abs(rocs[k].auc - r[QStringLiteral("auc") + s].toDouble()) < kTol);
            compareVectors(prs[k].precision, SklearnReference::toVector(r[QStringLiteral("p") + s]),
                "precision");
            compareVectors(
                prs[k].recall, SklearnReference::toVector(r[QStringLiteral("r") + s]), "recall");
            QVERIFY(
                std::abs(prs[k].averagePrecision - r[QStringLiteral("ap") + s].toDouble()) < kTol);
        }
        QVERIFY(
            std::abs(CurveMetrics::macroAuc(rocs) - r[QStringLiteral("macro")].toDouble()) < kTol);
        QVERIFY(std::abs(CurveMetrics::weightedAuc(rocs) - r[QStringLiteral("weighted")].toDouble())
            < kTol);

        const ConfusionMatrix cm = CurveMetrics::confusion(y, pred, K);
        std::vector<double> counts(cm.counts.begin(), cm.counts.end());
        compareVectors(counts, SklearnReference::toMatrix(r[QStringLiteral("cm")]), "confusion");
        compareVectors(cm.rowNormalized(), SklearnReference::toMatrix(r[QStringLiteral("cmNorm")]),
            "normalised confusion");
        QCOMPARE(cm.total(), std::int64_t(n));
    }

    void confusionBasics()
    {
        const std::vector<std::int32_t> t { 0, 0, 1, 1, 2, -1, 5 };
        const std::vector<std::int32_t> p { 0, 1, 1, 1, 0, 0, 0 };
        const ConfusionMatrix cm = CurveMetrics::confusion(t, p, 3);
        QCOMPARE(cm.classCount, 3);
        QCOMPARE(cm.at(0, 0), std::int64_t(1));
        QCOMPARE(cm.at(0, 1), std::int64_t(1));
        QCOMPARE(cm.at(1, 1), std::int64_t(2));
        QCOMPARE(cm.at(2, 0), std::int64_t(1));
        QCOMPARE(cm.total(), std::int64_t(5)); // -1 and 5 are ignored
        QCOMPARE(cm.accuracy(), 3.0 / 5.0);
        const std::vector<double> norm = cm.rowNormalized();
        QCOMPARE(norm[0], 0.5);
        QCOMPARE(norm[4], 1.0);
        QCOMPARE(norm[6], 1.0);
        const ConfusionMatrix empty = CurveMetrics::confusion({}, {}, 2);
        QCOMPARE(empty.rowNormalized(), std::vector<double>(4, 0.0));
        QVERIFY(std::isnan(empty.accuracy()));
    }
};

QTEST_GUILESS_MAIN(TestCurveMetrics)
#include "tst_curvemetrics.moc"
