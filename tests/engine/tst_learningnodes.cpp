// The learning nodes wired through the graph and the executor: training, preprocessing
// replayed at prediction time, evaluation, cross-validation against scikit-learn, tuning,
// live training updates, clustering, and the errors a user meets.
#include "FlowFixture.h"
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "ml/Metrics.h"
#include "ml/StandardizeTransform.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/Evaluation.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"
#include "nodes/MetricsTable.h"
#include "nodes/TrainingUpdate.h"
#include "nodes/TuneNode.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

QString dataset(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + QString::fromLatin1(name);
}

struct Flow : sextant::testing::GraphFlow {
    // file -> select(target)
    int source(const char *file, const char *target)
    {
        const int f = add("data.file", { { QStringLiteral("path"), dataset(file) } });
        const int s
            = add("data.select", { { QStringLiteral("target"), QString::fromLatin1(target) } });
        connect(f, 0, s, 0);
        return s;
    }
};

using sextant::testing::failures;

} // namespace

class TestLearningNodes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registryHasTheLearningNodes()
    {
        const NodeRegistry &r = BuiltinNodes::registry();
        for (const char *id : { "prep.impute", "prep.standardize", "prep.minmax", "prep.one_hot",
                 "prep.discretize", "prep.polynomial", "prep.pca", "data.split", "data.filter",
                 "model.linear_regression", "model.logistic_regression", "model.knn",
                 "model.decision_tree", "model.random_forest", "model.gradient_boosting",
                 "model.svm", "model.mlp", "model.naive_bayes", "cluster.kmeans", "cluster.dbscan",
                 "cluster.gaussian_mixture", "cluster.hierarchical", "model.predict", "eval.test",
                 "eval.cross_validation", "eval.compare", "eval.tune", "view.metrics", "view.roc",
                 "view.pr", "view.confusion", "view.residuals" })
            QVERIFY2(r.find(QString::fromLatin1(id)), id);
    }

    // Split -> Standardize(train) -> logistic regression; the test rows are standardised
    // with the training means at prediction time, not their own.
    void preprocessingIsReplayedOnTestRows()
    {
        Flow f;
        const int src = f.source("wine.csv", "cultivar");
        const int split = f.add(
            "data.split", { { QStringLiteral("test_ratio"), 0.3 }, { QStringLiteral("seed"), 5 } });
        const int stdz = f.add("prep.standardize");
        const int lr = f.add("model.logistic_regression");
        const int test = f.add("eval.test");
        f.connect(src, 0, split, 0);
        f.connect(split, 0, stdz, 0);
        f.connect(stdz, 0, lr, 0);
        f.connect(lr, 0, test, 0);
        f.connect(split, 1, test, 1);
        Executor ex(f.model);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));

        const auto model = *ex.output(lr, 0)->as<TrainedModelPtr>();
        QCOMPARE(int(model->preprocessing.size()), 1);
        const Dataset &train = *ex.output(split, 0)->as<Dataset>();
        const Dataset &testRows = *ex.output(split, 1)->as<Dataset>();
        QCOMPARE(train.rowCount() + testRows.rowCount(), 178);
        QCOMPARE(testRows.rowCount(), 54); // ceil(0.3 * 178)

        // By hand: standardise the test rows with the training statistics.
        const auto *step
            = dynamic_cast<const StandardizeTransform *>(model->preprocessing.front().get());
        QVERIFY(step);
        const Dataset manual = step->transform(testRows);
        const Eigen::MatrixXd X = model->features.encode(manual);
        const Eigen::VectorXd expected = model->estimator->predict(X);
        const Prediction &p = *ex.output(test, 1)->as<Prediction>();
        QCOMPARE(p.predicted.size(), expected.size());
        QVERIFY(p.predicted == expected);

        // The metrics are computed from those predictions.
        const MetricsTable &m = *ex.output(test, 0)->as<MetricsTable>();
        const double acc = Metrics::accuracy(p.truth, p.predicted);
        QCOMPARE(m.value(0, QStringLiteral("accuracy")), acc);
        QVERIFY2(acc > 0.9, qPrintable(QString::number(acc)));
        // A table already standardised is not standardised twice.
        const Dataset &trainStd = *ex.output(stdz, 0)->as<Dataset>();
        QVERIFY(model->encode(trainStd) == model->features.encode(trainStd));
    }

    // Cross-validation of a pipeline equals scikit-learn's cross_val_score with the same
    // (unshuffled, stratified) folds: Gaussian naive Bayes exactly, logistic regression
    // within 2 points.
    void crossValidationMatchesScikitLearn()
    {
        const QString why = SklearnReference::unavailableReason();
        if (!why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        LoadResult loaded = DatasetLoader::load(dataset("breast_cancer.csv"));
        QVERIFY(loaded.ok());
        Dataset data = *loaded.dataset;
        data.setRole(data.indexOf(QStringLiteral("diagnosis")), ColumnRole::Target);

        QJsonObject ref;
        {
            SklearnReference py;
            QString error;
            ref = py.run(
                QStringLiteral(
                    "import json, pandas as pd\n"
                    "from sklearn.model_selection import StratifiedKFold, cross_val_score\n"
                    "from sklearn.naive_bayes import GaussianNB\n"
                    "from sklearn.linear_model import LogisticRegression\n"
                    "from sklearn.pipeline import make_pipeline\n"
                    "from sklearn.preprocessing import StandardScaler\n"
                    "d = pd.read_csv('" SEXTANT_RESOURCES_DIR "/datasets/breast_cancer.csv')\n"
                    "y = d.pop('diagnosis'); X = d.values\n"
                    "cv = StratifiedKFold(5)\n"
                    "nb = cross_val_score(GaussianNB(), X, y, cv=cv)\n"
                    "lr = cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), "
                    "X, y, cv=cv)\n"
                    "print(json.dumps({'nb': list(nb), 'lr': float(lr.mean())}))\n"),
                &error);
            QVERIFY2(!ref.isEmpty(), qPrintable(error));
        }

        for (const char *learner : { "model.naive_bayes", "model.logistic_regression" }) {
            Flow f;
            const int file
                = f.add("data.file", { { QStringLiteral("path"), dataset("breast_cancer.csv") } });
            const int sel = f.add(
                "data.select", { { QStringLiteral("target"), QStringLiteral("diagnosis") } });
            f.connect(file, 0, sel, 0);
            int last = sel;
            if (QByteArray(learner) == "model.logistic_regression") {
                last = f.add("prep.standardize");
                f.connect(sel, 0, last, 0);
            }
            const int m = f.add(learner);
            f.connect(last, 0, m, 0);
            Executor ex(f.model);
            const RunSummary s = ex.runBlocking();
            QVERIFY2(s.ok(), qPrintable(failures(s)));
            const auto model = *ex.output(m, 0)->as<TrainedModelPtr>();
            const Dataset raw = *ex.output(sel, 0)->as<Dataset>();

            Evaluation::CvOptions o;
            o.folds = 5;
            o.stratified = true;
            o.shuffle = false;
            Evaluation::CvResult r = Evaluation::crossValidate(*model, raw, o);
            QVERIFY(!r.cancelled);
            QCOMPARE(r.perFold.size(), 5);
            double mean = 0;
            for (const auto &fold : r.perFold)
                mean += fold.front().second / 5.0;
            QCOMPARE(r.mean.front().first, QStringLiteral("accuracy"));
            QVERIFY(std::abs(r.mean.front().second - mean) < 1e-12);
            if (QByteArray(learner) == "model.naive_bayes") {
                const std::vector<double> nb
                    = SklearnReference::toVector(ref.value(QStringLiteral("nb")));
                // Class order: sklearn sorts the labels, Sextant keeps category order;
                // accuracy does not depend on it.
                for (int k = 0; k < 5; ++k)
                    QVERIFY2(std::abs(r.perFold[k].front().second - nb[std::size_t(k)]) < 1e-12,
                        qPrintable(QStringLiteral("fold %1: %2 vs %3")
                                       .arg(k)
                                       .arg(r.perFold[k].front().second)
                                       .arg(nb[std::size_t(k)])));
            } else {
                const double lr = ref.value(QStringLiteral("lr")).toDouble();
                QVERIFY2(std::abs(r.mean.front().second - lr) <= 0.02,
                    qPrintable(QStringLiteral("%1 vs %2").arg(r.mean.front().second).arg(lr)));
            }
        }
    }

    void tuneSearchesTheGridAndPublishesTrials()
    {
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int knn = f.add("model.knn");
        const int tune = f.add("eval.tune",
            { { QStringLiteral("search"), QStringLiteral("k=1,5,15; weights=uniform,distance") },
                { QStringLiteral("folds"), 3 } });
        f.connect(src, 0, knn, 0);
        f.connect(knn, 0, tune, 0);
        f.connect(src, 0, tune, 1);
        Executor ex(f.model);
        QSignalSpy updates(&ex, &Executor::nodeUpdate);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        const MetricsTable &trials = *ex.output(tune, 1)->as<MetricsTable>();
        QCOMPARE(trials.rows.size(), 6);
        for (int r = 1; r < trials.rows.size(); ++r)
            QVERIFY(trials.rows[r - 1].values[0] >= trials.rows[r].values[0]);
        // Six trials, then the update saying the search finished.
        QTRY_COMPARE(updates.count(), 7);
        const auto *end = updates.at(6).at(1).value<NodeValuePtr>()->as<TrainingUpdate>();
        QVERIFY(end && end->end);
        QCOMPARE(*end->end, FitEnd::Completed);
        QCOMPARE(end->report.unit, std::string("trial"));
        int fromTune = 0;
        for (const auto &args : updates)
            if (args.at(0).toInt() == tune && args.at(1).value<NodeValuePtr>()->as<TuneTrial>())
                ++fromTune;
        QCOMPARE(fromTune, 6);
        const auto best = *ex.output(tune, 0)->as<TrainedModelPtr>();
        QCOMPARE(
            best->learnerParameters.value(QStringLiteral("k")).toString(), trials.rows[0].notes[0]);
        QVERIFY(trials.rows[0].values[0] > 0.9);

        QVERIFY(f.model.setParameter(tune, QStringLiteral("search"), QStringLiteral("nope=1")));
        const RunSummary bad = ex.runBlocking();
        QVERIFY(!bad.ok());
        QVERIFY2(bad.failureMessages.value(tune).contains(QStringLiteral("no parameter 'nope'")),
            qPrintable(bad.failureMessages.value(tune)));
    }

    void mlpPublishesEveryEpoch()
    {
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int stdz = f.add("prep.standardize");
        const int mlp = f.add("model.mlp",
            { { QStringLiteral("epochs"), 30 }, { QStringLiteral("early_stopping"), false },
                { QStringLiteral("hidden_layers"), QStringLiteral("16") } });
        f.connect(src, 0, stdz, 0);
        f.connect(stdz, 0, mlp, 0);
        Executor ex(f.model);
        QSignalSpy updates(&ex, &Executor::nodeUpdate);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        // 30 epochs, then the update saying how the run ended.
        QTRY_COMPARE(updates.count(), 31);
        const auto *end = updates.at(30).at(1).value<NodeValuePtr>()->as<TrainingUpdate>();
        QVERIFY(end && end->end);
        QCOMPARE(*end->end, FitEnd::Completed);
        QCOMPARE(end->report.epoch, 30);
        QCOMPARE(end->describe(), QStringLiteral("all 30 epochs"));
        double first = 0, last = 0;
        for (int i = 0; i < 30; ++i) {
            const auto *u = updates.at(i).at(1).value<NodeValuePtr>()->as<TrainingUpdate>();
            QVERIFY(u);
            QCOMPARE(u->report.epoch, i + 1);
            QVERIFY(std::isfinite(u->report.trainLoss));
            (i == 0 ? first : last) = u->report.trainLoss;
        }
        QVERIFY2(last < first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
    }

    // Stop (the training monitor's button) ends training at the next epoch and keeps the
    // model reached so far; the run completes normally.
    void stopTrainingKeepsTheModel()
    {
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int mlp = f.add("model.mlp",
            { { QStringLiteral("epochs"), 100000 }, { QStringLiteral("early_stopping"), false },
                { QStringLiteral("batch_size"), 8 } });
        const int pred = f.add("model.predict");
        f.connect(src, 0, mlp, 0);
        f.connect(mlp, 0, pred, 0);
        f.connect(src, 0, pred, 1);
        Executor ex(f.model);
        std::atomic<int> epochs { 0 };
        // Worker thread: the callback runs where the epoch is reported.
        connect(
            &ex, &Executor::nodeUpdate, &ex,
            [&](int, const NodeValuePtr &) {
                if (++epochs == 5)
                    ex.stopTraining();
            },
            Qt::DirectConnection);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        QVERIFY(!s.cancelled);
        // 5 epochs, the one in progress when Stop came, and the end update.
        QVERIFY2(epochs <= 7, qPrintable(QString::number(epochs.load())));
        const Prediction &p = *ex.output(pred, 0)->as<Prediction>();
        QCOMPARE(p.predicted.size(), 150);
        QVERIFY(Metrics::accuracy(p.truth, p.predicted) > 0.5);
        // The learner is partial and says so; Predict, after it, is not stopped.
        QCOMPARE(s.partial, QList<int> { mlp });
        QVERIFY(ex.state(mlp).partial);
        QVERIFY2(
            ex.state(mlp).message.startsWith(QStringLiteral("partial: Stop pressed after epoch ")),
            qPrintable(ex.state(mlp).message));
        QVERIFY(ex.state(mlp).message.endsWith(QStringLiteral(" of 100000")));
        QVERIFY(!ex.state(pred).partial);
        // A partial output is not reused: the next run trains again (and, as the flag
        // belonged to the stopped run, to the end: ten epochs here).
        QVERIFY(f.model.setParameter(mlp, QStringLiteral("epochs"), 10));
        epochs = -1000;
        const RunSummary again = ex.runBlocking();
        QVERIFY(again.ok());
        QVERIFY(again.executed.contains(mlp));
        QVERIFY(again.partial.isEmpty());
        QVERIFY(!ex.state(mlp).partial);
    }

    // A partial output is computed again by the next run, and so is everything fed by it,
    // even with nothing edited.
    void partialOutputIsNotReused()
    {
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int knn = f.add("model.knn");
        const int cv = f.add("eval.cross_validation", { { QStringLiteral("folds"), 10 } });
        f.connect(src, 0, knn, 0);
        f.connect(knn, 0, cv, 0);
        f.connect(src, 0, cv, 1);
        Executor ex(f.model);
        std::atomic<bool> stopNow { true };
        // Worker thread: stop after the second fold of the first run only.
        connect(
            &ex, &Executor::nodeUpdate, &ex,
            [&](int id, const NodeValuePtr &v) {
                const auto *u = v->as<TrainingUpdate>();
                if (id == cv && u && !u->end && u->report.epoch == 2 && stopNow.exchange(false))
                    ex.stopTraining();
            },
            Qt::DirectConnection);
        const RunSummary first = ex.runBlocking();
        QVERIFY2(first.ok(), qPrintable(failures(first)));
        QCOMPARE(first.partial, QList<int> { cv });
        const RunSummary second = ex.runBlocking();
        QVERIFY2(second.ok(), qPrintable(failures(second)));
        QVERIFY(second.reused.contains(knn));
        QVERIFY(second.executed.contains(cv));
        QVERIFY(second.partial.isEmpty());
        QCOMPARE(ex.output(cv, 0)->as<MetricsTable>()->rows.size(), 12); // 10 folds, mean, std
        const RunSummary third = ex.runBlocking();
        QVERIFY(third.reused.contains(cv));
    }

    // Stop during Cross-Validation: no fold starts after it, the folds finished are kept,
    // and the metrics are exactly those folds' (as a full cross-validation computes them),
    // their mean over those folds, marked partial everywhere.
    void stopCrossValidationKeepsFinishedFolds()
    {
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int knn = f.add("model.knn");
        const int cv = f.add("eval.cross_validation",
            { { QStringLiteral("folds"), 10 }, { QStringLiteral("seed"), 3 } });
        f.connect(src, 0, knn, 0);
        f.connect(knn, 0, cv, 0);
        f.connect(src, 0, cv, 1);
        Executor ex(f.model);
        QList<TrainingUpdate> fromCv; // guarded by lock
        QMutex lock;
        // Worker thread: Stop once the second fold is reported.
        connect(
            &ex, &Executor::nodeUpdate, &ex,
            [&](int id, const NodeValuePtr &v) {
                const auto *u = v->as<TrainingUpdate>();
                if (id != cv || !u)
                    return;
                {
                    QMutexLocker locker(&lock);
                    fromCv.push_back(*u);
                }
                if (!u->end && u->report.epoch == 2)
                    ex.stopTraining();
            },
            Qt::DirectConnection);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        QCOMPARE(s.partial, QList<int> { cv });
        const MetricsTable &table = *ex.output(cv, 0)->as<MetricsTable>();
        const int folds = static_cast<int>(table.rows.size()) - 2;
        // Two folds, and at most one more per worker thread that was already running one.
        QVERIFY2(folds >= 2 && folds <= 1 + FitContext {}.threadCount(),
            qPrintable(QString::number(folds)));
        const QString note = QStringLiteral("%1 of 10 folds, Stop pressed").arg(folds);
        QCOMPARE(ex.state(cv).message, QStringLiteral("partial: ") + note);
        QVERIFY2(
            table.title.endsWith(QStringLiteral(" — partial: ") + note), qPrintable(table.title));
        QCOMPARE(table.rows[folds].label, QStringLiteral("mean (partial: %1)").arg(note));
        QCOMPARE(table.rows[folds + 1].label, QStringLiteral("std (partial: %1)").arg(note));
        {
            QMutexLocker locker(&lock);
            QVERIFY(!fromCv.isEmpty() && fromCv.last().end);
            QCOMPARE(*fromCv.last().end, FitEnd::Stopped);
            QCOMPARE(fromCv.last().describe(),
                QStringLiteral("Stop pressed after fold %1 of 10").arg(folds));
        }

        // The same folds of a full cross-validation give the same figures.
        Evaluation::CvOptions o;
        o.folds = 10;
        o.seed = 3;
        const TrainedModelPtr model = *ex.output(knn, 0)->as<TrainedModelPtr>();
        const Dataset &data = *ex.output(src, 0)->as<Dataset>();
        const Evaluation::CvResult full = Evaluation::crossValidate(*model, data, o);
        QVERIFY(!full.partial);
        const int acc = table.columnIndex(QStringLiteral("accuracy"));
        QVERIFY(acc >= 0);
        double sum = 0;
        qsizetype rows = 0;
        for (int r = 0; r < folds; ++r) {
            const QString label = table.rows[r].label;
            QVERIFY(label.startsWith(QStringLiteral("fold ")));
            const int number = label.mid(5).toInt();
            QVERIFY(number >= 1 && number <= 10);
            for (int c = 0; c < table.columns.size(); ++c) {
                const double expected = full.perFold[number - 1][c].second;
                const double got = table.rows[r].values[c];
                QVERIFY2(got == expected || (std::isnan(got) && std::isnan(expected)),
                    qPrintable(QStringLiteral("fold %1 %2").arg(number).arg(table.columns[c])));
            }
            sum += table.rows[r].values[acc];
        }
        QVERIFY(std::abs(table.rows[folds].values[acc] - sum / folds) < 1e-12);
        // The out-of-fold predictions are those of the finished folds' rows.
        const Prediction &p = *ex.output(cv, 1)->as<Prediction>();
        rows = p.predicted.size();
        QVERIFY2(rows > 0 && rows < 150, qPrintable(QString::number(rows)));
        QCOMPARE(p.table.rowCount(), rows);
        QCOMPARE(p.truth.size(), rows);
    }

    // Stop during Tune: the trials finished are kept and the best of them refitted.
    void stopTuneKeepsFinishedTrials()
    {
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int knn = f.add("model.knn");
        const int tune = f.add("eval.tune",
            { { QStringLiteral("search"), QStringLiteral("k=1,3,5,7,9,11,13,15,17,19") },
                { QStringLiteral("folds"), 3 } });
        f.connect(src, 0, knn, 0);
        f.connect(knn, 0, tune, 0);
        f.connect(src, 0, tune, 1);
        Executor ex(f.model);
        std::atomic<int> trials { 0 };
        // Worker thread: Stop once the second trial is reported.
        connect(
            &ex, &Executor::nodeUpdate, &ex,
            [&](int id, const NodeValuePtr &v) {
                if (id == tune && v->as<TuneTrial>() && ++trials == 2)
                    ex.stopTraining();
            },
            Qt::DirectConnection);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        QCOMPARE(s.partial, QList<int> { tune });
        const MetricsTable &table = *ex.output(tune, 1)->as<MetricsTable>();
        const int kept = static_cast<int>(table.rows.size());
        QCOMPARE(kept, trials.load());
        QVERIFY2(kept >= 2 && kept <= 1 + FitContext {}.threadCount(),
            qPrintable(QString::number(kept)));
        QVERIFY2(ex.state(tune).message.startsWith(
                     QStringLiteral("partial: %1 of 10 trials, Stop pressed").arg(kept)),
            qPrintable(ex.state(tune).message));
        QVERIFY(table.title.contains(QStringLiteral("partial: %1 of 10 trials").arg(kept)));
        // The refitted model has the best finished trial's parameters.
        const auto best = *ex.output(tune, 0)->as<TrainedModelPtr>();
        QCOMPARE(
            best->learnerParameters.value(QStringLiteral("k")).toString(), table.rows[0].notes[0]);
        QCOMPARE(best->trainingRows, std::int64_t(150));
    }

    // Each learner says why its training ended.
    void stopReasons_data()
    {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QVariantMap>("parameters");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("unit");
        QTest::newRow("mlp early stopping")
            << QStringLiteral("model.mlp")
            << QVariantMap { { QStringLiteral("epochs"), 5000 },
                   { QStringLiteral("early_stopping"), true }, { QStringLiteral("patience"), 3 },
                   { QStringLiteral("min_validation_rows"), 1 } }
            << int(FitEnd::EarlyStopping) << QStringLiteral("epoch");
        QTest::newRow("mlp all epochs") << QStringLiteral("model.mlp")
                                        << QVariantMap { { QStringLiteral("epochs"), 3 },
                                               { QStringLiteral("early_stopping"), false } }
                                        << int(FitEnd::Completed) << QStringLiteral("epoch");
        QTest::newRow("logistic tolerance")
            << QStringLiteral("model.logistic_regression")
            << QVariantMap { { QStringLiteral("max_iter"), 10000 } } << int(FitEnd::Converged)
            << QStringLiteral("iteration");
        QTest::newRow("logistic iteration limit")
            << QStringLiteral("model.logistic_regression")
            << QVariantMap { { QStringLiteral("max_iter"), 2 } } << int(FitEnd::Completed)
            << QStringLiteral("iteration");
        QTest::newRow("k-means converged")
            << QStringLiteral("cluster.kmeans")
            << QVariantMap { { QStringLiteral("n_init"), 1 }, { QStringLiteral("max_iter"), 300 } }
            << int(FitEnd::Converged) << QStringLiteral("iteration");
        QTest::newRow("k-means iteration limit")
            << QStringLiteral("cluster.kmeans")
            << QVariantMap { { QStringLiteral("n_init"), 1 }, { QStringLiteral("max_iter"), 1 } }
            << int(FitEnd::Completed) << QStringLiteral("iteration");
    }
    void stopReasons()
    {
        QFETCH(QString, learner);
        QFETCH(QVariantMap, parameters);
        QFETCH(int, reason);
        QFETCH(QString, unit);
        Flow f;
        const int src = f.source("iris.csv", "species");
        const int stdz = f.add("prep.standardize");
        const int node = f.add(qPrintable(learner), parameters);
        f.connect(src, 0, stdz, 0);
        f.connect(stdz, 0, node, 0);
        Executor ex(f.model);
        QSignalSpy updates(&ex, &Executor::nodeUpdate);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        QVERIFY(s.partial.isEmpty());
        QTRY_VERIFY(!updates.isEmpty()
            && updates.last().at(1).value<NodeValuePtr>()->as<TrainingUpdate>()->end);
        const auto *end = updates.last().at(1).value<NodeValuePtr>()->as<TrainingUpdate>();
        QCOMPARE(int(*end->end), reason);
        QCOMPARE(QString::fromStdString(end->report.unit), unit);
        // Every epoch before it was reported, in the same unit.
        QCOMPARE(updates.count(), end->report.epoch + 1);
        const auto *first = updates.first().at(1).value<NodeValuePtr>()->as<TrainingUpdate>();
        QCOMPARE(QString::fromStdString(first->report.unit), unit);
        if (reason == int(FitEnd::EarlyStopping))
            QVERIFY(end->report.epoch < 5000);
        const QString text = end->describe();
        QVERIFY2(text.contains(unit), qPrintable(text));
    }

    void trainingIsDeterministic()
    {
        Eigen::VectorXd previous;
        for (int run = 0; run < 2; ++run) {
            Flow f;
            const int src = f.source("wine.csv", "cultivar");
            const int rf = f.add("model.random_forest",
                { { QStringLiteral("trees"), 20 }, { QStringLiteral("seed"), 11 } });
            const int pred = f.add("model.predict");
            f.connect(src, 0, rf, 0);
            f.connect(rf, 0, pred, 0);
            f.connect(src, 0, pred, 1);
            Executor ex(f.model);
            QVERIFY(ex.runBlocking().ok());
            const Prediction &p = *ex.output(pred, 0)->as<Prediction>();
            QCOMPARE(p.probabilities.rows(), 178);
            Eigen::VectorXd flat
                = Eigen::Map<const Eigen::VectorXd>(p.probabilities.data(), p.probabilities.size());
            if (run == 1)
                QVERIFY(flat == previous);
            previous = flat;
        }
    }

    void clusteringAddsAClusterColumn()
    {
        Flow f;
        const int file = f.add("data.file", { { QStringLiteral("path"), dataset("iris.csv") } });
        const int sel = f.add("data.select",
            { { QStringLiteral("ignored"), QStringList { QStringLiteral("species") } } });
        const int stdz = f.add("prep.standardize");
        const int km = f.add("cluster.kmeans", { { QStringLiteral("k"), 3 } });
        f.connect(file, 0, sel, 0);
        f.connect(sel, 0, stdz, 0);
        f.connect(stdz, 0, km, 0);
        const int quality
            = f.add("eval.clustering", { { QStringLiteral("labels"), QStringLiteral("species") } });
        f.connect(km, 0, quality, 0);
        f.connect(sel, 0, quality, 1);
        Executor ex(f.model);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        const Dataset &out = *ex.output(km, 1)->as<Dataset>();
        const int c = out.indexOf(QStringLiteral("cluster"));
        QVERIFY(c >= 0);
        QCOMPARE(out.column(c).categories().size(), 3);
        // The clusters agree with the species far better than chance.
        const Column species = out.column(out.indexOf(QStringLiteral("species")));
        Eigen::VectorXd a(150), b(150);
        for (int r = 0; r < 150; ++r) {
            a(r) = species.codes()[std::size_t(r)];
            b(r) = out.column(c).codes()[std::size_t(r)];
        }
        const double ari = Metrics::adjustedRandIndex(a, b);
        QVERIFY(ari > 0.5);
        // The quality node scores the same clustering.
        const MetricsTable &m = *ex.output(quality, 0)->as<MetricsTable>();
        QCOMPARE(m.value(0, QStringLiteral("clusters")), 3.0);
        QVERIFY(std::abs(m.value(0, QStringLiteral("adjusted_rand")) - ari) < 1e-12);
        const double sil = m.value(0, QStringLiteral("silhouette"));
        QVERIFY2(sil > 0.2 && sil < 1.0, qPrintable(QString::number(sil)));
        QVERIFY(m.value(0, QStringLiteral("inertia")) > 0);
    }

    void errorsNameTheProblem()
    {
        {
            // No target anywhere (the File node proposes none).
            Flow f;
            const int file = f.add("data.file",
                { { QStringLiteral("path"), dataset("iris.csv") },
                    { QStringLiteral("propose_target"), false } });
            const int lr = f.add("model.logistic_regression");
            f.connect(file, 0, lr, 0);
            Executor ex(f.model);
            const RunSummary s = ex.runBlocking();
            QVERIFY(!s.ok());
            QVERIFY2(s.failureMessages.value(lr).contains(QStringLiteral("target")),
                qPrintable(s.failureMessages.value(lr)));
        }
        {
            // Predicting a table that lacks a feature column.
            Flow f;
            const int src = f.source("iris.csv", "species");
            const int lr = f.add("model.logistic_regression");
            const int drop = f.add("data.select",
                { { QStringLiteral("columns"),
                    QStringList {
                        QStringLiteral("sepal_length_cm"), QStringLiteral("species") } } });
            const int pred = f.add("model.predict");
            f.connect(src, 0, lr, 0);
            f.connect(src, 0, drop, 0);
            f.connect(lr, 0, pred, 0);
            f.connect(drop, 0, pred, 1);
            Executor ex(f.model);
            const RunSummary s = ex.runBlocking();
            QVERIFY(!s.ok());
            QVERIFY2(s.failureMessages.value(pred).contains(QStringLiteral("sepal_width_cm")),
                qPrintable(s.failureMessages.value(pred)));
        }
        {
            // Regression on a categorical target.
            Flow f;
            const int src = f.source("iris.csv", "species");
            const int lin = f.add("model.linear_regression");
            f.connect(src, 0, lin, 0);
            Executor ex(f.model);
            const RunSummary s = ex.runBlocking();
            QVERIFY(!s.ok());
            QVERIFY2(s.failureMessages.value(lin).contains(QStringLiteral("categorical")),
                qPrintable(s.failureMessages.value(lin)));
        }
    }

    void cancelStopsTraining()
    {
        // A large generated table so the fit is long enough to cancel.
        Dataset big;
        const int n = 200000;
        std::vector<double> a(n), b(n);
        std::vector<std::int32_t> y(n);
        for (int i = 0; i < n; ++i) {
            a[std::size_t(i)] = std::sin(i * 0.37);
            b[std::size_t(i)] = std::cos(i * 0.11);
            y[std::size_t(i)] = a[std::size_t(i)] + b[std::size_t(i)] > 0 ? 1 : 0;
        }
        big.addColumn(Column::numeric(QStringLiteral("a"), a));
        big.addColumn(Column::numeric(QStringLiteral("b"), b));
        big.addColumn(Column::categorical(
            QStringLiteral("y"), y, { QStringLiteral("no"), QStringLiteral("yes") }));
        big.setRole(2, ColumnRole::Target);
        const Learner *spec = LearnerRegistry::byNodeId(QStringLiteral("model.mlp"));
        QVERIFY(spec);
        QVariantMap params;
        for (const ParameterSpec &p :
            BuiltinNodes::registry().find(QStringLiteral("model.mlp"))->parameters)
            params.insert(p.name, p.defaultValue);
        params.insert(QStringLiteral("epochs"), 100000);
        params.insert(QStringLiteral("early_stopping"), false);
        std::atomic<bool> cancel { false };
        FitContext fc;
        fc.cancel = &cancel;
        int epochs = 0;
        fc.onEpoch = [&](const EpochReport &) {
            if (++epochs == 2)
                cancel = true;
            return false;
        };
        const auto model = LearnerNode::fit(*spec, params, big, nullptr, fc);
        QVERIFY(!model);
        QVERIFY(epochs <= 3);
    }
};

QTEST_GUILESS_MAIN(TestLearningNodes)
#include "tst_learningnodes.moc"
