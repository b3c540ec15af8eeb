// Bayesian search in Tune Parameters against the grid: on the bundled datasets, how many
// trials each needs to reach the grid's best cross-validated score.
//
// For each task and seed the Tune node runs the whole grid (seed = the folds), which gives
// the CV score of every combination. The Bayesian search (ml/BayesianSearch, the node's
// proposals) is then replayed on those scores: since a combination's CV score depends only
// on the combination and the folds, this is the sequence the node's "bayesian" mode runs
// with that seed — checked by running the node itself in bayesian mode for the first seed
// of each task and comparing its trials with the replay. Random search's figure is its
// expectation, (N + 1) / (m + 1) for N combinations of which m reach the best.
//
//   bench_tune [--seeds N] [--only TEXT]   (5 seeds; --only: the tasks whose name contains TEXT)
#include "data/DatasetLoader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "ml/BayesianSearch.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/MetricsTable.h"
#include "nodes/TuneNode.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace sextant::engine;

namespace {

struct AxisDef {
    QString name;
    QStringList values;
    bool numeric;
};

struct Task {
    const char *name;
    const char *file;
    const char *target;
    const char *learner;
    bool standardize;
    std::vector<AxisDef> axes;
    bool regression = false; // the learner's task (a numeric target is classes otherwise)
};

QString searchText(const Task &t)
{
    QStringList parts;
    for (const AxisDef &a : t.axes)
        parts << a.name + QLatin1Char('=') + a.values.join(QLatin1Char(','));
    return parts.join(QStringLiteral("; "));
}

struct Flow {
    GraphModel model { BuiltinNodes::registry() };
    int tune = 0;
    int add(const char *type, const QVariantMap &p = {})
    {
        Result<int> r = model.addNode(QString::fromLatin1(type), {}, p);
        if (!r)
            qFatal("%s: %s", type, qPrintable(r.error()));
        return r.value();
    }
    void connect(int a, int o, int b, int i)
    {
        if (!model.addConnection({ a, o, b, i }))
            qFatal("connect");
    }
    explicit Flow(const Task &t)
    {
        const int file = add("data.file",
            { { QStringLiteral("path"),
                QString(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/")
                    + QString::fromLatin1(t.file)) } });
        const int select
            = add("data.select", { { QStringLiteral("target"), QString::fromLatin1(t.target) } });
        connect(file, 0, select, 0);
        int feed = select;
        if (t.standardize) {
            feed = add("prep.standardize");
            connect(select, 0, feed, 0);
        }
        QVariantMap learnerParams;
        if (t.regression)
            learnerParams.insert(QStringLiteral("task"), QStringLiteral("regression"));
        const int learner = add(t.learner, learnerParams);
        connect(feed, 0, learner, 0);
        tune = add("eval.tune",
            { { QStringLiteral("search"), searchText(t) }, { QStringLiteral("folds"), 5 } });
        connect(learner, 0, tune, 0);
        connect(select, 0, tune, 1);
    }
    // Trials in planned order: (trial index - 1) -> score, and the parameter texts.
    std::vector<double> run(
        const QString &mode, int trials, int seed, QList<QStringList> *params = nullptr)
    {
        for (const auto &[name, value] : { std::pair<const char *, QVariant> { "mode", mode },
                 { "trials", trials }, { "seed", seed } })
            if (Result<QVariant> r = model.setParameter(tune, QString::fromLatin1(name), value); !r)
                qFatal("%s: %s", name, qPrintable(r.error()));
        Executor ex(model);
        const RunSummary s = ex.runBlocking();
        if (!s.ok())
            qFatal("tune failed: %s", qPrintable(s.failureMessages.value(tune)));
        const MetricsTable &table = *ex.output(tune, 1)->as<MetricsTable>();
        std::vector<double> scores(static_cast<std::size_t>(table.rows.size()));
        if (params)
            *params = QList<QStringList>(table.rows.size());
        for (const MetricsTable::Row &row : table.rows) {
            const int index = row.label.mid(6).toInt(); // "trial N"
            scores[static_cast<std::size_t>(index - 1)] = row.values[0];
            if (params)
                (*params)[index - 1] = row.notes;
        }
        return scores;
    }
};

BayesianSearch makeSearch(const Task &t, std::uint64_t seed)
{
    std::vector<BayesianSearch::Axis> axes;
    for (const AxisDef &a : t.axes) {
        BayesianSearch::Axis b;
        b.size = static_cast<int>(a.values.size());
        if (a.numeric) {
            std::vector<double> v;
            for (const QString &s : a.values)
                v.push_back(s.toDouble());
            b.positions = BayesianSearch::scaledPositions(v);
        }
        axes.push_back(b);
    }
    return BayesianSearch(axes, { seed, 0 });
}

QStringList paramsOf(const Task &t, std::int64_t c)
{
    QStringList out;
    for (const AxisDef &a : t.axes) {
        out << a.values[static_cast<int>(c % a.values.size())];
        c /= a.values.size();
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int seeds = 5;
    QString only; // run only the tasks whose name contains this
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--seeds")
            seeds = std::atoi(argv[i + 1]);
        if (QByteArray(argv[i]) == "--only")
            only = QString::fromUtf8(argv[i + 1]);
    }

    const QStringList decadesC = { "0.01", "0.1", "1", "10", "100", "1000", "10000" };
    const QStringList decadesGamma = { "0.0001", "0.001", "0.01", "0.1", "1", "10", "100" };
    QStringList ks;
    for (int k = 1; k <= 29; k += 2)
        ks << QString::number(k);
    const std::vector<Task> tasks = {
        { "iris, SVM (RBF)", "iris.csv", "species", "model.svm", false,
            { { "C", decadesC, true }, { "gamma", decadesGamma, true } } },
        { "wine, standardized SVM (RBF)", "wine.csv", "cultivar", "model.svm", true,
            { { "C", decadesC, true }, { "gamma", decadesGamma, true } } },
        { "breast cancer, standardized SVM (RBF)", "breast_cancer.csv", "diagnosis", "model.svm",
            true, { { "C", decadesC, true }, { "gamma", decadesGamma, true } } },
        { "diabetes (R²), standardized SVR (RBF)", "diabetes.csv", "progression", "model.svm", true,
            { { "C", decadesC, true }, { "gamma", decadesGamma, true } }, true },
        { "diabetes (R²), standardized kNN", "diabetes.csv", "progression", "model.knn", true,
            { { "k", ks, true }, { "weights", { "uniform", "distance" }, false },
                { "metric", { "euclidean", "manhattan" }, false } },
            true },
        { "wine, standardized kNN", "wine.csv", "cultivar", "model.knn", true,
            { { "k", ks, true }, { "weights", { "uniform", "distance" }, false },
                { "metric", { "euclidean", "manhattan" }, false } } },
    };

    std::printf("| task | grid N | best CV score | m at best | grid: trials to best "
                "(mean) | random: expected | bayesian: trials to best, per seed | "
                "bayesian mean | bayesian / N |\n|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
    double sumRatio = 0;
    int rows = 0;
    for (const Task &task : tasks) {
        if (!only.isEmpty() && !QString::fromUtf8(task.name).contains(only))
            continue;
        Flow flow(task);
        int n = 1;
        for (const AxisDef &a : task.axes)
            n *= static_cast<int>(a.values.size());
        double gridPos = 0, randomExp = 0, bayesSum = 0;
        QStringList perSeed;
        double bestShown = 0;
        int mShown = 0;
        for (int seed = 0; seed < seeds; ++seed) {
            const std::vector<double> scores = flow.run(QStringLiteral("grid"), n, seed);
            double best = -1e300;
            for (double s : scores)
                best = std::max(best, s);
            int m = 0, first = -1;
            for (int c = 0; c < n; ++c)
                if (scores[static_cast<std::size_t>(c)] >= best - 1e-12) {
                    ++m;
                    if (first < 0)
                        first = c + 1;
                }
            gridPos += first;
            randomExp += (n + 1.0) / (m + 1.0);
            if (seed == 0) {
                bestShown = best;
                mShown = m;
            }
            BayesianSearch search = makeSearch(task, static_cast<std::uint64_t>(seed));
            int hit = n + 1;
            std::vector<std::int64_t> sequence;
            for (int t = 1; t <= n; ++t) {
                const std::int64_t c = search.next();
                sequence.push_back(c);
                const double s = scores[static_cast<std::size_t>(c)];
                if (s >= best - 1e-12) {
                    hit = t;
                    break;
                }
                search.observe(c, s);
            }
            bayesSum += hit;
            perSeed << QString::number(hit);
            if (seed == 0) {
                // The node itself, bayesian mode, as many trials as the replay needed.
                QList<QStringList> params;
                const std::vector<double> nodeScores
                    = flow.run(QStringLiteral("bayesian"), hit, seed, &params);
                for (int t = 0; t < hit; ++t) {
                    const QStringList want = paramsOf(task, sequence[static_cast<std::size_t>(t)]);
                    QStringList got = params[t];
                    bool same = got.size() == want.size();
                    for (int a = 0; same && a < got.size(); ++a)
                        same = std::abs(got[a].toDouble() - want[a].toDouble())
                                < 1e-12 * std::max(1.0, std::abs(want[a].toDouble()))
                            || got[a] == want[a];
                    if (!same)
                        qFatal("%s: the node's trial %d (%s) differs from the replay (%s)",
                            task.name, t + 1, qPrintable(got.join(QLatin1Char(','))),
                            qPrintable(want.join(QLatin1Char(','))));
                    if (std::abs(nodeScores[static_cast<std::size_t>(t)]
                            - scores[static_cast<std::size_t>(
                                sequence[static_cast<std::size_t>(t)])])
                        > 1e-12)
                        qFatal("%s: the node's trial %d scored differently", task.name, t + 1);
                }
            }
        }
        const double bayesMean = bayesSum / seeds;
        sumRatio += bayesMean / n;
        ++rows;
        std::printf("| %s | %d | %.4f | %d | %.1f | %.1f | %s | **%.1f** | %.2f |\n", task.name, n,
            bestShown, mShown, gridPos / seeds, randomExp / seeds,
            qPrintable(perSeed.join(QStringLiteral(", "))), bayesMean, bayesMean / n);
        std::fflush(stdout);
    }
    std::printf(
        "\nmean of bayesian trials-to-best / grid size: %.2f (seed 0's best score and m shown; "
        "the node's own bayesian trials matched the replay for seed 0 of every task)\n",
        sumRatio / rows);
    return 0;
}
