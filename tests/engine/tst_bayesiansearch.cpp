// Bayesian optimisation for Tune: the Gaussian process against scikit-learn's
// GaussianProcessRegressor, the search's determinism and its speed on known functions
// against random search, and the Tune node's "bayesian" mode in the graph and headless.
#include "SextantProcess.h"
#include "SklearnReference.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "ml/BayesianSearch.h"
#include "ml/GaussianProcess.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/MetricsTable.h"
#include "nodes/TuneNode.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <functional>
#include <random>
#include <set>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

// Trials until the search proposes `target` (1-based), at most `budget`.
int trialsToHit(BayesianSearch &search, const std::function<double(std::int64_t)> &f,
    std::int64_t target, int budget)
{
    for (int t = 1; t <= budget; ++t) {
        const std::int64_t c = search.next();
        if (c < 0)
            return budget + 1;
        if (c == target)
            return t;
        search.observe(c, f(c));
    }
    return budget + 1;
}

// Expected trials for random search without replacement to hit one of N: (N + 1) / 2.
double randomExpected(double n)
{
    return (n + 1) / 2;
}

QString dataset(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + QString::fromLatin1(name);
}

} // namespace

class TestBayesianSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // With fixed hyperparameters the posterior mean, standard deviation and log marginal
    // likelihood are scikit-learn's (normalize_y=True, ConstantKernel * Matern(nu=2.5),
    // alpha = noise variance) to 1e-8.
    void gaussianProcessEqualsScikitLearn()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        std::mt19937_64 rng(4);
        std::uniform_real_distribution<double> u(0, 1);
        Eigen::MatrixXd X(25, 2), Xs(40, 2);
        Eigen::VectorXd y(25);
        for (int i = 0; i < 25; ++i) {
            X(i, 0) = u(rng);
            X(i, 1) = u(rng);
            y[i] = std::sin(6 * X(i, 0)) + X(i, 1) * X(i, 1) * 3 + 10;
        }
        for (int i = 0; i < 40; ++i) {
            Xs(i, 0) = u(rng);
            Xs(i, 1) = u(rng);
        }
        GaussianProcess::Hyperparameters h;
        h.lengthScales = { 0.3, 0.7 };
        h.signalVariance = 1.7;
        h.noiseVariance = 1e-3;
        GaussianProcess gp;
        gp.fit(X, y, h);
        Eigen::VectorXd mean, sd;
        gp.predict(Xs, mean, sd);

        SklearnReference ref;
        std::vector<double> fx, fxs;
        for (int i = 0; i < 25; ++i)
            fx.insert(fx.end(), { X(i, 0), X(i, 1) });
        for (int i = 0; i < 40; ++i)
            fxs.insert(fxs.end(), { Xs(i, 0), Xs(i, 1) });
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), fx.data(), 25, 2));
        QVERIFY(ref.writeMatrix(QStringLiteral("Xs.csv"), fxs.data(), 40, 2));
        QVERIFY(
            ref.writeVector(QStringLiteral("y.csv"), std::vector<double>(y.data(), y.data() + 25)));
        QString error;
        const QJsonObject out = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern
X = np.loadtxt("X.csv", delimiter=","); Xs = np.loadtxt("Xs.csv", delimiter=","); y = np.loadtxt("y.csv")
k = ConstantKernel(1.7, "fixed") * Matern(length_scale=[0.3, 0.7], length_scale_bounds="fixed", nu=2.5)
gp = GaussianProcessRegressor(k, alpha=1e-3, normalize_y=True, optimizer=None).fit(X, y)
m, s = gp.predict(Xs, return_std=True)
print(json.dumps({"mean": m.tolist(), "sd": s.tolist(), "lml": gp.log_marginal_likelihood_value_}))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const std::vector<double> wantMean
            = SklearnReference::toVector(out.value(QStringLiteral("mean")));
        const std::vector<double> wantSd
            = SklearnReference::toVector(out.value(QStringLiteral("sd")));
        for (int i = 0; i < 40; ++i) {
            QVERIFY2(std::abs(mean[i] - wantMean[static_cast<std::size_t>(i)]) < 1e-8,
                qPrintable(QStringLiteral("mean %1: %2 vs %3")
                               .arg(i)
                               .arg(mean[i])
                               .arg(wantMean[static_cast<std::size_t>(i)])));
            QVERIFY2(std::abs(sd[i] - wantSd[static_cast<std::size_t>(i)]) < 1e-8,
                qPrintable(QStringLiteral("sd %1: %2 vs %3")
                               .arg(i)
                               .arg(sd[i])
                               .arg(wantSd[static_cast<std::size_t>(i)])));
        }
        QVERIFY2(std::abs(gp.logMarginalLikelihood() - out.value(QStringLiteral("lml")).toDouble())
                < 1e-8,
            qPrintable(QStringLiteral("%1 vs %2")
                           .arg(gp.logMarginalLikelihood())
                           .arg(out.value(QStringLiteral("lml")).toDouble())));

        // Fitted hyperparameters do at least as well as the fixed ones.
        GaussianProcess fitted;
        fitted.fit(X, y);
        QVERIFY(fitted.logMarginalLikelihood() >= gp.logMarginalLikelihood() - 1e-9);
    }

    void scaledPositions()
    {
        const std::vector<double> log = BayesianSearch::scaledPositions({ 0.001, 0.01, 0.1, 1 });
        for (int i = 0; i < 4; ++i)
            QVERIFY(std::abs(log[static_cast<std::size_t>(i)] - i / 3.0) < 1e-12);
        const std::vector<double> lin = BayesianSearch::scaledPositions({ 1, 5, 15 });
        QVERIFY(std::abs(lin[1] - 4.0 / 14) < 1e-12);
        QCOMPARE(BayesianSearch::scaledPositions({ 3 }), std::vector<double> { 0.5 });
        QCOMPARE(BayesianSearch::scaledPositions({ -1, 1 }), (std::vector<double> { 0, 1 }));
    }

    void sameSeedSameProposals()
    {
        const auto f = [](std::int64_t c) {
            return -std::pow((c % 30) - 17.0, 2) - std::pow((c / 30) - 4.0, 2);
        };
        const auto run = [&](std::uint64_t seed) {
            std::vector<double> levels(30);
            for (int i = 0; i < 30; ++i)
                levels[static_cast<std::size_t>(i)] = i;
            BayesianSearch s(
                { { 30, BayesianSearch::scaledPositions(levels) }, { 10, {} } }, { seed, 0 });
            std::vector<std::int64_t> seq;
            for (int t = 0; t < 15; ++t) {
                const std::int64_t c = s.next();
                seq.push_back(c);
                s.observe(c, f(c));
            }
            return seq;
        };
        const std::vector<std::int64_t> a = run(5);
        QCOMPARE(run(5), a);
        QVERIFY(run(6) != a);
        QCOMPARE(std::set<std::int64_t>(a.begin(), a.end()).size(), a.size()); // never twice
    }

    // A multimodal 1-D function on 300 points and Branin (negated) on a 40 x 40 grid: the
    // search finds the maximum in far fewer trials than random search needs on average.
    void findsTheOptimumSoonerThanRandom()
    {
        // 1-D
        std::vector<double> xs(300);
        for (int i = 0; i < 300; ++i)
            xs[static_cast<std::size_t>(i)] = i / 299.0;
        const auto f1 = [&](std::int64_t c) {
            const double x = xs[static_cast<std::size_t>(c)];
            return std::exp(-std::pow((x - 0.72) / 0.1, 2))
                + 0.5 * std::exp(-std::pow((x - 0.2) / 0.08, 2));
        };
        std::int64_t best1 = 0;
        for (std::int64_t c = 0; c < 300; ++c)
            if (f1(c) > f1(best1))
                best1 = c;
        // 2-D Branin on [-5, 10] x [0, 15].
        const auto branin = [](double a, double b) {
            const double pi = 3.14159265358979323846;
            return std::pow(b - 5.1 / (4 * pi * pi) * a * a + 5 / pi * a - 6, 2)
                + 10 * (1 - 1 / (8 * pi)) * std::cos(a) + 10;
        };
        std::vector<double> grid(40);
        for (int i = 0; i < 40; ++i)
            grid[static_cast<std::size_t>(i)] = i / 39.0;
        const auto f2 = [&](std::int64_t c) {
            return -branin(-5 + 15 * grid[static_cast<std::size_t>(c % 40)],
                15 * grid[static_cast<std::size_t>(c / 40)]);
        };
        std::int64_t best2 = 0;
        for (std::int64_t c = 0; c < 1600; ++c)
            if (f2(c) > f2(best2))
                best2 = c;
        double sum1 = 0, sum2 = 0;
        int worst1 = 0, worst2 = 0;
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            BayesianSearch s1({ { 300, BayesianSearch::scaledPositions(xs) } }, { seed, 0 });
            const int t1 = trialsToHit(s1, f1, best1, 300);
            BayesianSearch s2({ { 40, grid }, { 40, grid } }, { seed, 0 });
            const int t2 = trialsToHit(s2, f2, best2, 1600);
            sum1 += t1;
            sum2 += t2;
            worst1 = std::max(worst1, t1);
            worst2 = std::max(worst2, t2);
        }
        qInfo("trials to the optimum, mean of 5 seeds: 1-D %.1f (random %.1f), 2-D %.1f (random "
              "%.1f)",
            sum1 / 5, randomExpected(300), sum2 / 5, randomExpected(1600));
        QVERIFY2(worst1 < randomExpected(300) / 4, qPrintable(QString::number(worst1)));
        QVERIFY2(worst2 < randomExpected(1600) / 8, qPrintable(QString::number(worst2)));
    }

    // The node: `trials` trials published live, the same ones for the same seed, the best
    // refitted; categorical axes too.
    void tuneNodeBayesianMode()
    {
        GraphModel model { BuiltinNodes::registry() };
        const auto add = [&](const char *type, const QVariantMap &p) {
            Result<int> r = model.addNode(QString::fromLatin1(type), {}, p);
            if (!r)
                qFatal("%s", qPrintable(r.error()));
            return r.value();
        };
        const int file = add("data.file", { { QStringLiteral("path"), dataset("wine.csv") } });
        const int select
            = add("data.select", { { QStringLiteral("target"), QStringLiteral("cultivar") } });
        const int knn = add("model.knn", {});
        const int tune = add("eval.tune",
            { { QStringLiteral("search"),
                  QStringLiteral("k=1,3,5,7,9,11,15,21,31; weights=uniform,distance") },
                { QStringLiteral("mode"), QStringLiteral("bayesian") },
                { QStringLiteral("trials"), 7 }, { QStringLiteral("folds"), 3 },
                { QStringLiteral("seed"), 2 } });
        QVERIFY(model.addConnection({ file, 0, select, 0 }));
        QVERIFY(model.addConnection({ select, 0, knn, 0 }));
        QVERIFY(model.addConnection({ knn, 0, tune, 0 }));
        QVERIFY(model.addConnection({ select, 0, tune, 1 }));
        const auto run = [&] {
            Executor ex(model);
            QSignalSpy updates(&ex, &Executor::nodeUpdate);
            const RunSummary s = ex.runBlocking();
            if (!s.ok())
                qFatal("run failed: %s", qPrintable(s.failureMessages.value(tune)));
            // 7 trials and the end of the search, delivered by queued signals.
            for (int wait = 0; wait < 200 && updates.count() < 8; ++wait)
                updates.wait(50);
            if (updates.count() != 8)
                qFatal("%d updates", int(updates.count()));
            QStringList published;
            for (const auto &args : updates)
                if (const auto *t = args.at(1).value<NodeValuePtr>()->as<TuneTrial>())
                    published << QStringLiteral("%1:%2/%3")
                                     .arg(t->index)
                                     .arg(t->parameters.value(QStringLiteral("k")).toString(),
                                         t->parameters.value(QStringLiteral("weights")).toString());
            const MetricsTable &table = *ex.output(tune, 1)->as<MetricsTable>();
            if (table.rows.size() != 7)
                qFatal("trials table has %d rows", int(table.rows.size()));
            const auto best = *ex.output(tune, 0)->as<TrainedModelPtr>();
            if (best->learnerParameters.value(QStringLiteral("k")).toString()
                != table.rows[0].notes[0])
                qFatal("best model is not the best trial");
            return published;
        };
        const QStringList first = run();
        QCOMPARE(first.size(), 7);
        QCOMPARE(std::set<QString>(first.begin(), first.end()).size(), std::size_t(7));
        QVERIFY(model.setParameter(tune, QStringLiteral("seed"), 3)); // invalidates; then back
        QVERIFY(model.setParameter(tune, QStringLiteral("seed"), 2));
        QCOMPARE(run(), first);
    }

    // `sextant run` with the bayesian strategy, no display: the trials table written out.
    void headlessRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(dataset("iris.csv"), dir.filePath(QStringLiteral("iris.csv"))));
        QFile wf(dir.filePath(QStringLiteral("tune.sextant")));
        QVERIFY(wf.open(QIODevice::WriteOnly));
        wf.write(QStringLiteral(R"({
  "format": "sextant-workflow", "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "iris.csv"}},
    {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": "species"}},
    {"id": 3, "type": "model.svm", "position": [400, -100]},
    {"id": 4, "type": "eval.tune", "position": [600, 0], "parameters": {
      "search": "C=0.01,0.1,1,10,100,1000; gamma=0.001,0.01,0.1,1", "mode": "bayesian",
      "trials": 9, "folds": 3, "seed": 1}},
    {"id": 5, "type": "view.metrics", "position": [800, 0]}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "model", "to": 4, "input": "model"},
    {"from": 2, "output": "data", "to": 4, "input": "data"},
    {"from": 4, "output": "metrics", "to": 5, "input": "metrics"}
  ]
})")
                     .toUtf8());
        wf.close();
        const QString out = dir.filePath(QStringLiteral("out"));
        const sextant::testing::SextantRun r = sextant::testing::runSextant(
            { QStringLiteral("run"), wf.fileName(), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("OK: 5 of 5 nodes done")), qPrintable(r.out));
        QDir o(out);
        QStringList files = o.entryList(QDir::Files);
        QString metrics;
        for (const QString &f : files)
            if (f.startsWith(QStringLiteral("5-")) && f.endsWith(QStringLiteral(".csv")))
                metrics = o.filePath(f);
        QVERIFY2(!metrics.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));
        QFile m(metrics);
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = m.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 9); // header and one row per trial
        QVERIFY2(lines[0].contains("gamma"), lines[0].constData());
    }
};

QTEST_GUILESS_MAIN(TestBayesianSearch)
#include "tst_bayesiansearch.moc"
