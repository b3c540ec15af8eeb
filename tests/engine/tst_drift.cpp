// Drift monitoring: the training distribution a model keeps (DriftProfile, model format
// version 2), the statistics DriftReport computes from it against numpy / scipy, and
// `sextant monitor`.
#include "SextantProcess.h"
#include "SklearnReference.h"
#include "TrainingFixtures.h"
#include "data/DatasetLoader.h"
#include "io/ModelFile.h"
#include "ml/DriftProfile.h"
#include "ml/DriftReport.h"
#include "ml/DriftStatistics.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <random>

using namespace sextant::engine;
using sextant::testing::runSextant;
using sextant::testing::SklearnReference;

using namespace sextant::testing;

namespace {

void writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

QJsonArray toJson(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(std::isnan(x) ? QJsonValue(QJsonValue::Null) : QJsonValue(x));
    return a;
}

// A numeric column of n draws of N(mean, sd) with a share of missing cells.
Column normal(const QString &name, int n, double mean, double sd, double missing, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d(mean, sd);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> v(static_cast<std::size_t>(n));
    for (double &x : v)
        x = u(rng) < missing ? std::numeric_limits<double>::quiet_NaN() : d(rng);
    return Column::numeric(name, std::move(v));
}

// A categorical column of n draws with the given weights over `categories`.
Column draws(const QString &name, int n, const QStringList &categories,
    const std::vector<double> &weights, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::discrete_distribution<int> d(weights.begin(), weights.end());
    std::vector<std::int32_t> codes(static_cast<std::size_t>(n));
    for (std::int32_t &c : codes)
        c = d(rng);
    return Column::categorical(name, std::move(codes), categories);
}

QJsonObject featureOf(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &f : report.value(QStringLiteral("features")).toArray())
        if (f.toObject().value(QStringLiteral("name")).toString() == name)
            return f.toObject();
    return {};
}

} // namespace

class TestDrift : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        BuiltinNodes::registry();
        const Dataset iris = loadTable(exampleDataset("iris.csv"), QStringLiteral("species"));
        m_iris = fitDefaults("model.logistic_regression", iris);
        QVERIFY(m_iris);
        m_irisModel = m_dir.filePath(QStringLiteral("iris.sxmodel"));
        QVERIFY(ModelFile::save(*m_iris, m_irisModel));
    }

    void profileDescribesTheTrainingTable()
    {
        const DriftProfile &p = m_iris->trainingDistribution;
        QCOMPARE(p.features.size(), std::size_t(4));
        for (const FeatureDistribution &c : p.features) {
            QVERIFY(!c.categorical);
            QCOMPARE(c.rows, 150);
            QCOMPARE(c.missing, 0);
            QCOMPARE(c.counts.size(), c.cuts.size() + 1);
            double total = 0;
            for (double v : c.counts) {
                QVERIFY(v > 0); // every bin holds training values
                total += v;
            }
            QCOMPARE(total, 150.0);
            for (std::size_t i = 1; i < c.cuts.size(); ++i)
                QVERIFY(c.cuts[i] > c.cuts[i - 1]);
            QVERIFY(c.cuts.front() > c.min);
            QVERIFY(c.cuts.back() <= c.max);
        }
        QVERIFY(p.target);
        QVERIFY(p.target->categorical);
        QCOMPARE(p.target->categories,
            (QStringList { QStringLiteral("setosa"), QStringLiteral("versicolor"),
                QStringLiteral("virginica") }));
        QCOMPARE(p.target->counts, (std::vector<double> { 50, 50, 50 }));
    }

    void profileRoundTripsThroughTheModelFile()
    {
        const Result<TrainedModelPtr> back = ModelFile::load(m_irisModel);
        QVERIFY2(back, qPrintable(back.error()));
        const DriftProfile &a = m_iris->trainingDistribution;
        const DriftProfile &b = back.value()->trainingDistribution;
        QCOMPARE(b.features.size(), a.features.size());
        for (std::size_t i = 0; i < a.features.size(); ++i) {
            QCOMPARE(b.features[i].name, a.features[i].name);
            QCOMPARE(b.features[i].cuts, a.features[i].cuts);
            QCOMPARE(b.features[i].counts, a.features[i].counts);
            QCOMPARE(b.features[i].min, a.features[i].min);
            QCOMPARE(b.features[i].max, a.features[i].max);
            QCOMPARE(
                b.features[i].histogram.size(), std::size_t(FeatureDistribution::kHistogramBins));
            QCOMPARE(b.features[i].histogram, a.features[i].histogram);
        }
        QVERIFY(b.target);
        QCOMPARE(b.target->counts, a.target->counts);
    }

    void malformedProfileIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("counts too short")
            << QStringLiteral("counts") << QJsonValue(QJsonArray { 1 })
            << QStringLiteral("training_distribution.features[0].counts");
        QTest::newRow("negative count")
            << QStringLiteral("missing") << QJsonValue(-1)
            << QStringLiteral("training_distribution.features[0].missing");
        QTest::newRow("cuts not increasing")
            << QStringLiteral("cuts") << QJsonValue(QJsonArray { 2, 1 })
            << QStringLiteral("training_distribution.features[0].c");
        QTest::newRow("histogram not counts")
            << QStringLiteral("histogram") << QJsonValue(QJsonArray { 1.5 })
            << QStringLiteral("training_distribution.features[0].histogram[0]");
        QTest::newRow("histogram empty")
            << QStringLiteral("histogram") << QJsonValue(QJsonArray {})
            << QStringLiteral("training_distribution.features[0].histogram");
        QTest::newRow("histogram too large")
            << QStringLiteral("histogram") << QJsonValue(QJsonArray { 1e9 })
            << QStringLiteral("adds up to more than the present values");
        QTest::newRow("type") << QStringLiteral("type") << QJsonValue(QStringLiteral("text"))
                              << QStringLiteral("training_distribution.features[0].type");
    }

    void malformedProfileIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QFile f(m_irisModel);
        QVERIFY(f.open(QIODevice::ReadOnly));
        Result<ModelFile::Parts> parts = ModelFile::split(f.readAll());
        QVERIFY(parts);
        QJsonObject header = QJsonDocument::fromJson(parts.value().header).object();
        QJsonObject dist = header.value(QStringLiteral("training_distribution")).toObject();
        QJsonArray features = dist.value(QStringLiteral("features")).toArray();
        QJsonObject first = features[0].toObject();
        first[field] = value;
        features[0] = first;
        dist[QStringLiteral("features")] = features;
        header[QStringLiteral("training_distribution")] = dist;
        ModelFile::Parts p = parts.value();
        p.header = QJsonDocument(header).toJson();
        const Result<TrainedModelPtr> r
            = ModelFile::fromBytes(ModelFile::assemble(p), QStringLiteral("bad.sxmodel"));
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(QStringLiteral("bad.sxmodel: ")), qPrintable(r.error()));
        QVERIFY2(r.error().contains(message), qPrintable(r.error()));
    }

    void formatVersion1FilesLoadWithoutProfile()
    {
        const QString v1 = QStringLiteral(SEXTANT_TEST_DATA_DIR "/models/naive_bayes_v1.sxmodel");
        const Result<TrainedModelPtr> model = ModelFile::load(v1);
        QVERIFY2(model, qPrintable(model.error()));
        QVERIFY(model.value()->trainingDistribution.isEmpty());
        const sextant::testing::SextantRun r
            = runSextant({ QStringLiteral("monitor"), v1, exampleDataset("iris.csv") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("format version 1")), qPrintable(r.err));
    }

    void statisticsMatchNumpyAndScipy()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        // A numeric feature that moved (mean and spread) and lost more cells, and a
        // categorical one whose frequencies changed and that meets a new category.
        const Column trainX = normal(QStringLiteral("x"), 5000, 0.0, 1.0, 0.05, 11);
        const Column batchX = normal(QStringLiteral("x"), 2000, 0.3, 1.2, 0.12, 12);
        const QStringList cats = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("d") };
        const Column trainC = draws(QStringLiteral("c"), 5000, cats, { 0.4, 0.3, 0.2, 0.1 }, 13);
        const Column batchC = draws(QStringLiteral("c"), 2000,
            cats + QStringList { QStringLiteral("e") }, { 0.3, 0.3, 0.2, 0.15, 0.05 }, 14);

        const FeatureDistribution px = FeatureDistribution::of(trainX);
        const FeatureDistribution pc = FeatureDistribution::of(trainC);
        const DriftReport::Entry ex = DriftReport::compareColumn(px, batchX);
        const DriftReport::Entry ec = DriftReport::compareColumn(pc, batchC);

        QJsonObject input;
        input[QStringLiteral("train")]
            = toJson(std::vector<double>(trainX.values().begin(), trainX.values().end()));
        input[QStringLiteral("batch")]
            = toJson(std::vector<double>(batchX.values().begin(), batchX.values().end()));
        input[QStringLiteral("cuts")] = toJson(px.cuts);
        // The same column against a profile written before it kept a histogram.
        FeatureDistribution oldProfile = px;
        oldProfile.histogram.clear();
        const DriftReport::Entry ex2 = DriftReport::compareColumn(oldProfile, batchX);
        const auto outside = [&](const std::vector<double> &edges, bool below) {
            return std::count_if(edges.begin(), edges.end(),
                [&](double v) { return below ? v < px.min : v > px.max; });
        };
        const auto below = outside(ex.edges, true);
        const auto above = outside(ex.edges, false);
        // The batch moved right and spread: bins beyond the training range.
        QVERIFY(below + above > 0);
        input[QStringLiteral("edges")] = toJson(ex.edges);
        input[QStringLiteral("below")] = int(below);
        input[QStringLiteral("edges2")] = toJson(ex2.edges);
        input[QStringLiteral("below2")] = int(outside(ex2.edges, true));
        input[QStringLiteral("above2")] = int(outside(ex2.edges, false));
        input[QStringLiteral("above")] = int(above);
        QJsonArray tc, bc;
        for (std::int32_t c : trainC.codes())
            tc.append(c);
        for (std::int32_t c : batchC.codes())
            bc.append(c);
        input[QStringLiteral("train_codes")] = tc;
        input[QStringLiteral("batch_codes")] = bc;
        writeText(ref.path(QStringLiteral("input.json")), QJsonDocument(input).toJson());

        QString error;
        const QJsonObject out = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from scipy import stats, special
d = json.load(open('input.json'))
tr = np.array([np.nan if v is None else v for v in d['train']])
ba = np.array([np.nan if v is None else v for v in d['batch']])
cuts = np.array(d['cuts'])
trp, bap = tr[~np.isnan(tr)], ba[~np.isnan(ba)]
# Bins (-inf, c0), [c0, c1), ..., [c_last, inf): searchsorted 'right'.
tcount = np.bincount(np.searchsorted(cuts, trp, side='right'), minlength=len(cuts) + 1)
bcount = np.bincount(np.searchsorted(cuts, bap, side='right'), minlength=len(cuts) + 1)
# PSI bins: consecutive bins of at least 10% of the training values; a last group under 5%
# joins the one before it.
groups, g, acc = [], 0, 0.0
for i, c in enumerate(tcount):
    groups.append(g); acc += c
    if acc >= 0.1 * tcount.sum() and i + 1 < len(tcount):
        g += 1; acc = 0.0
if g > 0 and acc < 0.05 * tcount.sum():
    groups = [x - 1 if x == g else x for x in groups]
groups = np.array(groups)
groups3, g, acc = [], 0, 0.0
for i, c in enumerate(tcount):
    groups3.append(g); acc += c
    if acc >= 0.03 * tcount.sum() and i + 1 < len(tcount):
        g += 1; acc = 0.0
if g > 0 and acc < 0.015 * tcount.sum():
    groups3 = [x - 1 if x == g else x for x in groups3]
def psi(e, a):
    e = np.maximum(e / e.sum(), 1e-4); a = np.maximum(a / a.sum(), 1e-4)
    return float(np.sum((a - e) * np.log(a / e)))
ng = groups.max() + 1
te = np.array([tcount[groups == k].sum() for k in range(ng)], float)
be = np.array([bcount[groups == k].sum() for k in range(ng)], float)
binned_ks = float(np.max(np.abs(np.cumsum(tcount) / tcount.sum() - np.cumsum(bcount) / bcount.sum())))
n, m = len(trp), len(bap)
en = np.sqrt(n * m / (n + m))
ks_p = float(special.kolmogorov((en + 0.12 + 0.11 / en) * binned_ks))
# Categorical: training categories a..d, the batch's 'e' (code 4) unseen.
tcodes, bcodes = np.array(d['train_codes']), np.array(d['batch_codes'])
tc = np.bincount(tcodes, minlength=4)[:4].astype(float)
bc_all = np.bincount(bcodes, minlength=5).astype(float)
bk = bc_all[:4]
chi = stats.chisquare(bk, tc / tc.sum() * bk.sum())
print(json.dumps({
  'tcount': tcount.tolist(), 'bcount': bcount.tolist(),
  'psi': psi(te, be), 'binned_ks': binned_ks, 'ks_exact': float(stats.ks_2samp(trp, bap).statistic),
  'largest_bin_share': float(tcount.max() / tcount.sum()), 'ks_p': ks_p,
  'cat_psi': psi(np.append(tc, 0.0), bc_all), 'chi2': float(chi.statistic), 'chi2_p': float(chi.pvalue),
  'unseen': int(bc_all[4]),
  'missing_train': float(np.isnan(tr).mean()), 'missing_batch': float(np.isnan(ba).mean()),
  # The overlaid histograms: inside the training range numpy's 30-bin histogram of the
  # training values (or, for a model without it, the percentile bins grouped to 3%), beyond
  # it the bins Sextant added (below / above) for the batch.
  'inner_edges': np.linspace(trp.min(), trp.max(), 31).tolist(),
  'train_share': (np.concatenate([np.zeros(d['below']), np.histogram(trp, bins=30)[0],
                  np.zeros(d['above'])]) / len(trp)).tolist(),
  'batch_share': (np.histogram(bap, bins=np.array(d['edges']))[0] / len(bap)).tolist(),
  'grouped_edges': ([float(trp.min())] + [float(cuts[i - 1]) for i in range(1, len(groups3))
                    if groups3[i] != groups3[i - 1]] + [float(trp.max())]),
  'grouped_train_share': (np.concatenate([np.zeros(d['below2']),
                          [tcount[np.array(groups3) == k].sum() for k in range(max(groups3) + 1)],
                          np.zeros(d['above2'])]) / len(trp)).tolist(),
  'grouped_batch_share': (np.histogram(bap, bins=np.array(d['edges2']))[0] / len(bap)).tolist(),
  'cat_train_share': (np.append(tc, 0.0) / tc.sum()).tolist(),
  'cat_batch_share': (bc_all / bc_all.sum()).tolist()}))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // The profile's counts are numpy's histogram at its cuts.
        QCOMPARE(px.counts, SklearnReference::toVector(out[QStringLiteral("tcount")]));
        const auto close = [](double a, double b, double tol) {
            return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
        };
        QVERIFY2(close(ex.psi, out[QStringLiteral("psi")].toDouble(), 1e-12),
            qPrintable(
                QStringLiteral("%1 vs %2").arg(ex.psi).arg(out[QStringLiteral("psi")].toDouble())));
        QVERIFY(close(ex.ks, out[QStringLiteral("binned_ks")].toDouble(), 1e-12));
        // The binned KS is the exact two-sample statistic to within the largest bin's share.
        const double exact = out[QStringLiteral("ks_exact")].toDouble();
        QVERIFY2(ex.ks <= exact + 1e-12
                && exact - ex.ks <= out[QStringLiteral("largest_bin_share")].toDouble() + 1e-12,
            qPrintable(QStringLiteral("binned %1, exact %2").arg(ex.ks).arg(exact)));
        QVERIFY(close(ex.ksPValue, out[QStringLiteral("ks_p")].toDouble(), 1e-9));
        QVERIFY(close(ex.missingRate, out[QStringLiteral("missing_batch")].toDouble(), 1e-15));
        QVERIFY(
            close(ex.trainingMissingRate, out[QStringLiteral("missing_train")].toDouble(), 1e-15));
        QVERIFY2(close(ec.psi, out[QStringLiteral("cat_psi")].toDouble(), 1e-12),
            qPrintable(QStringLiteral("%1 vs %2")
                           .arg(ec.psi)
                           .arg(out[QStringLiteral("cat_psi")].toDouble())));
        QVERIFY(close(ec.chiSquare, out[QStringLiteral("chi2")].toDouble(), 1e-10));
        QCOMPARE(ec.chiSquareDf, 3);
        QVERIFY2(close(ec.chiSquarePValue, out[QStringLiteral("chi2_p")].toDouble(), 1e-8),
            qPrintable(QStringLiteral("%1 vs %2")
                           .arg(ec.chiSquarePValue)
                           .arg(out[QStringLiteral("chi2_p")].toDouble())));
        QCOMPARE(ec.unseenRows, std::int64_t(out[QStringLiteral("unseen")].toInt()));
        QCOMPARE(ec.unseen, QStringList { QStringLiteral("e") });
        // The distributions the Drift view overlays.
        const auto sameVector
            = [&](const std::vector<double> &got, const QJsonValue &want, double tol) {
                  const std::vector<double> w = SklearnReference::toVector(want);
                  if (got.size() != w.size())
                      return false;
                  for (std::size_t i = 0; i < w.size(); ++i)
                      if (std::abs(got[i] - w[i]) > tol * std::max(1.0, std::abs(w[i])))
                          return false;
                  return true;
              };
        QCOMPARE(px.histogram.size(), std::size_t(FeatureDistribution::kHistogramBins));
        const std::vector<double> inner(ex.edges.begin() + below, ex.edges.end() - above);
        QVERIFY(sameVector(inner, out[QStringLiteral("inner_edges")], 0));
        QVERIFY(sameVector(ex.trainingShare, out[QStringLiteral("train_share")], 1e-15));
        QVERIFY(sameVector(ex.batchShare, out[QStringLiteral("batch_share")], 1e-15));
        const std::vector<double> inner2(ex2.edges.begin() + outside(ex2.edges, true),
            ex2.edges.end() - outside(ex2.edges, false));
        QVERIFY(sameVector(inner2, out[QStringLiteral("grouped_edges")], 0));
        QVERIFY(sameVector(ex2.trainingShare, out[QStringLiteral("grouped_train_share")], 1e-15));
        QVERIFY(sameVector(ex2.batchShare, out[QStringLiteral("grouped_batch_share")], 1e-15));
        double batchMin = std::numeric_limits<double>::infinity(), batchMax = -batchMin;
        for (double v : batchX.values())
            if (!std::isnan(v)) {
                batchMin = std::min(batchMin, v);
                batchMax = std::max(batchMax, v);
            }
        QCOMPARE(ex.edges.front(), std::min(px.min, batchMin));
        QCOMPARE(ex.edges.back(), std::max(px.max, batchMax));
        QVERIFY(sameVector(ec.trainingShare, out[QStringLiteral("cat_train_share")], 1e-12));
        QVERIFY(sameVector(ec.batchShare, out[QStringLiteral("cat_batch_share")], 1e-12));
        QCOMPARE(ec.binLabels, cats + QStringList { QStringLiteral("(unseen)") });
        // Verdicts by the documented thresholds: x moved (PSI between 0.1 and 0.25, the
        // missing rate by 0.05 to 0.10): a warning; c meets unseen categories in about 5% of
        // its rows: drift from 5%, else a warning.
        QVERIFY2(ex.psi >= 0.1 && ex.psi < 0.25, qPrintable(QString::number(ex.psi)));
        QCOMPARE(ex.verdict, DriftReport::Verdict::Warning);
        QVERIFY(ex.reasons.join(QLatin1Char(' ')).contains(QStringLiteral("missing rate")));
        QCOMPARE(ec.verdict,
            double(ec.unseenRows) / 2000 >= 0.05 ? DriftReport::Verdict::Drift
                                                 : DriftReport::Verdict::Warning);
        // Moved further (mean +1): drift.
        const DriftReport::Entry far
            = DriftReport::compareColumn(px, normal(QStringLiteral("x"), 2000, 1.0, 1.0, 0.05, 15));
        QVERIFY(far.psi >= 0.25);
        QCOMPARE(far.verdict, DriftReport::Verdict::Drift);
    }

    void sameDistributionIsStable()
    {
        const Column train = normal(QStringLiteral("x"), 20000, 5.0, 2.0, 0.0, 21);
        const Column batch = normal(QStringLiteral("x"), 5000, 5.0, 2.0, 0.0, 22);
        const DriftReport::Entry e
            = DriftReport::compareColumn(FeatureDistribution::of(train), batch);
        QVERIFY2(e.psi < 0.02, qPrintable(QString::number(e.psi)));
        QVERIFY(e.ks < 0.05);
        QCOMPARE(e.verdict, DriftReport::Verdict::Stable);
        // The textbook value: P(chi2(1) >= 3.841459) = 0.05.
        QVERIFY(std::abs(DriftStatistics::chiSquarePValue(3.841458820694124, 1) - 0.05) < 1e-12);
        QVERIFY(std::abs(DriftStatistics::chiSquarePValue(18.307038053275146, 10) - 0.05) < 1e-12);
    }

    void monitorCommand()
    {
        // The training rows themselves: no drift, exit 0.
        const sextant::testing::SextantRun same = runSextant({ QStringLiteral("monitor"),
            m_irisModel, exampleDataset("iris.csv"), QStringLiteral("--json") });
        QVERIFY2(same.exitCode == 0, qPrintable(same.err + same.out));
        const QJsonObject r = QJsonDocument::fromJson(same.out.toUtf8()).object();
        QCOMPARE(r.value(QStringLiteral("rows")).toInt(), 150);
        QCOMPARE(r.value(QStringLiteral("features")).toArray().size(), 4);
        QVERIFY(!r.value(QStringLiteral("drift")).toBool());
        // Each feature carries the two distributions the Drift view overlays; for the
        // training rows themselves they are the same.
        for (const QJsonValue &fv : r.value(QStringLiteral("features")).toArray()) {
            const QJsonObject bins = fv.toObject().value(QStringLiteral("bins")).toObject();
            const QJsonArray t = bins.value(QStringLiteral("training_share")).toArray();
            const QJsonArray b = bins.value(QStringLiteral("batch_share")).toArray();
            QVERIFY(t.size() >= 5);
            QCOMPARE(b.size(), t.size());
            QCOMPARE(bins.value(QStringLiteral("edges")).toArray().size(), t.size() + 1);
            double st = 0, sb = 0, apart = 0;
            for (qsizetype i = 0; i < t.size(); ++i) {
                st += t[i].toDouble();
                sb += b[i].toDouble();
                apart += std::abs(t[i].toDouble() - b[i].toDouble()) / 2;
            }
            QVERIFY(std::abs(st - 1) < 1e-12 && std::abs(sb - 1) < 1e-12);
            QVERIFY2(apart < 1e-12,
                qPrintable(QStringLiteral("%1: %2 of the rows apart")
                               .arg(fv.toObject().value(QStringLiteral("name")).toString())
                               .arg(apart)));
        }
        QCOMPARE(r.value(QStringLiteral("prediction"))
                     .toObject()
                     .value(QStringLiteral("verdict"))
                     .toString(),
            QStringLiteral("stable"));

        // petal_length doubled: drift in it and in the predictions, exit 3.
        QFile f(exampleDataset("iris.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QByteArray shifted = lines[0] + '\n';
        QByteArray dropped;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QList<QByteArray> fields = lines[i].trimmed().split(',');
            if (fields.size() < 5)
                continue;
            fields[2] = QByteArray::number(fields[2].toDouble() * 2 + 1);
            shifted += fields.join(',') + '\n';
        }
        const QString shiftedPath = m_dir.filePath(QStringLiteral("shifted.csv"));
        writeText(shiftedPath, shifted);
        const sextant::testing::SextantRun moved = runSextant(
            { QStringLiteral("monitor"), m_irisModel, shiftedPath, QStringLiteral("--json") });
        QCOMPARE(moved.exitCode, 3);
        const QJsonObject m = QJsonDocument::fromJson(moved.out.toUtf8()).object();
        QVERIFY(m.value(QStringLiteral("drift")).toBool());
        QCOMPARE(featureOf(m, QStringLiteral("petal_length_cm"))
                     .value(QStringLiteral("verdict"))
                     .toString(),
            QStringLiteral("drift"));
        QCOMPARE(featureOf(m, QStringLiteral("sepal_width_cm"))
                     .value(QStringLiteral("verdict"))
                     .toString(),
            QStringLiteral("stable"));

        // The text form names each feature and the verdict; still exit 3.
        const sextant::testing::SextantRun text
            = runSextant({ QStringLiteral("monitor"), m_irisModel, shiftedPath });
        QCOMPARE(text.exitCode, 3);
        QVERIFY(text.out.contains(QStringLiteral("drift found")));
        QVERIFY(text.out.contains(QStringLiteral("petal_length_cm")));

        // A column the batch lacks is drift as well.
        QByteArray noColumn;
        for (const QByteArray &line : shifted.split('\n')) {
            QList<QByteArray> fields = line.split(',');
            if (fields.size() < 5)
                continue;
            fields.removeAt(3);
            noColumn += fields.join(',') + '\n';
        }
        const QString noColumnPath = m_dir.filePath(QStringLiteral("nocolumn.csv"));
        writeText(noColumnPath, noColumn);
        const sextant::testing::SextantRun absent = runSextant(
            { QStringLiteral("monitor"), m_irisModel, noColumnPath, QStringLiteral("--json") });
        QCOMPARE(absent.exitCode, 3);
        const QJsonObject a = QJsonDocument::fromJson(absent.out.toUtf8()).object();
        QVERIFY(featureOf(a, QStringLiteral("petal_width_cm"))
                    .value(QStringLiteral("absent"))
                    .toBool());

        // Usage errors: exit 2.
        QCOMPARE(runSextant({ QStringLiteral("monitor"), m_irisModel }).exitCode, 2);
    }

    void categoricalFeatureInMonitor()
    {
        // A model trained on a categorical column; a batch with a category it never saw.
        QByteArray train = "colour,size,label\n";
        QByteArray batch = "colour,size,label\n";
        std::mt19937_64 rng(5);
        const char *colours[] = { "red", "green", "blue" };
        for (int i = 0; i < 600; ++i) {
            const int c = int(rng() % 3);
            train += QByteArray(colours[c]) + ',' + QByteArray::number(int(rng() % 10)) + ','
                + (c == 0 ? "yes" : "no") + '\n';
            const int b = int(rng() % 10);
            batch += QByteArray(b < 2 ? "purple" : colours[b % 3]) + ','
                + QByteArray::number(int(rng() % 10)) + ",no\n";
        }
        const QString trainPath = m_dir.filePath(QStringLiteral("colours.csv"));
        const QString batchPath = m_dir.filePath(QStringLiteral("colours-batch.csv"));
        writeText(trainPath, train);
        writeText(batchPath, batch);
        auto model = fitDefaults(
            "model.logistic_regression", loadTable(trainPath, QStringLiteral("label")));
        QVERIFY(model);
        const QString path = m_dir.filePath(QStringLiteral("colours.sxmodel"));
        QVERIFY(ModelFile::save(*model, path));
        const sextant::testing::SextantRun r
            = runSextant({ QStringLiteral("monitor"), path, batchPath, QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 3);
        const QJsonObject colour
            = featureOf(QJsonDocument::fromJson(r.out.toUtf8()).object(), QStringLiteral("colour"));
        QCOMPARE(colour.value(QStringLiteral("type")).toString(), QStringLiteral("categorical"));
        QCOMPARE(
            colour.value(QStringLiteral("unseen_categories")).toArray(), QJsonArray { "purple" });
        QVERIFY(colour.value(QStringLiteral("unseen_rows")).toInt() > 60);
        QCOMPARE(colour.value(QStringLiteral("verdict")).toString(), QStringLiteral("drift"));
        QVERIFY(colour.contains(QStringLiteral("chi2_p_value")));
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<TrainedModel> m_iris;
    QString m_irisModel;
};

QTEST_GUILESS_MAIN(TestDrift)
#include "tst_drift.moc"
