// The Tune node's run_on = slurm on a real Slurm (tools/slurm-local: one node on this
// machine): every trial a task of one job array (each a `sextant run` with only_trial), the
// same trials table and best parameters as the search on this machine, the trials
// published as their tasks end; Stop and Cancel leave no task in the queue; and without a
// runner or without Slurm the node fails with a message naming what is missing.
#include "FlowFixture.h"
#include "LocalSlurm.h"
#include "ReferenceSkip.h"
#include "cli/SlurmTrialRunner.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/MetricsTable.h"
#include "nodes/RemoteTrials.h"
#include "nodes/TuneNode.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <numeric>

using namespace sextant::engine;

namespace {

// With a Metrics Table after the Tune node: downstream of it, not part of what tasks run.
struct Flow : sextant::testing::TuneFlow {
    Flow(const char *learner, const QVariantMap &tuneParameters,
        const QVariantMap &learnerParameters = {})
        : TuneFlow(learner, tuneParameters, learnerParameters, true)
    {
    }
};

using sextant::testing::failures;
using sextant::testing::tuneFailure;

using sextant::testing::tool;

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The one run folder the runner made under `root`.
QString runFolder(const QString &root)
{
    const QStringList dirs
        = QDir(root).entryList({ QStringLiteral("tune-*") }, QDir::Dirs | QDir::NoDotAndDotDot);
    return dirs.size() == 1 ? QDir(root).filePath(dirs.front()) : QString();
}

// Tasks of `job` the queue still lists (none once it has ended, or has been forgotten).
QString queued(const QString &job)
{
    QProcess p;
    p.start(QStringLiteral("squeue"),
        { QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"), job,
            QStringLiteral("-o"), QStringLiteral("%i %T") });
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

const QString kGrid = QStringLiteral("k=1,5,9; weights=uniform,distance");

QVariantMap tuneParameters(const QString &runOn, const QString &folder = {})
{
    return { { QStringLiteral("search"), kGrid }, { QStringLiteral("folds"), 3 },
        { QStringLiteral("seed"), 11 }, { QStringLiteral("run_on"), runOn },
        { QStringLiteral("slurm_folder"), folder } };
}

} // namespace

class TestTuneSlurm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        RemoteTrialRunner::set(
            std::make_unique<sextant::cli::SlurmTrialRunner>(QStringLiteral(SEXTANT_EXECUTABLE)));
    }
    void cleanupTestCase() { RemoteTrialRunner::set(nullptr); }

    void absentRunOnReadsAsLocal()
    {
        Flow f("model.knn", { { QStringLiteral("search"), kGrid } });
        QJsonObject flow = WorkflowFile::toJson(f.model);
        QJsonArray nodes = flow.value(QStringLiteral("nodes")).toArray();
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            QJsonObject n = nodes[i].toObject();
            if (n.value(QStringLiteral("id")).toInt() != f.tune)
                continue;
            QJsonObject p = n.value(QStringLiteral("parameters")).toObject();
            QVERIFY(p.contains(QStringLiteral("run_on")));
            p.remove(QStringLiteral("run_on"));
            n[QStringLiteral("parameters")] = p;
            nodes[i] = n;
        }
        flow[QStringLiteral("nodes")] = nodes;
        GraphModel read(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::parse(QJsonDocument(flow).toJson(), read));
        QCOMPARE(
            read.parameter(f.tune, QStringLiteral("run_on")).toString(), QStringLiteral("local"));
    }

    void slurmGivesTheLocalTable_data()
    {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("trials");
        QTest::newRow("k-NN, grid") << "model.knn"
                                    << "grid" << kGrid << 6;
        // Random draws, and a seeded learner whose trees must come out the same in a task
        // (its folds in parallel) as in the search here (trials in parallel).
        QTest::newRow("forest, random")
            << "model.random_forest"
            << "random"
            << "trees=5,10,20; max_depth=0,2,4; min_samples_leaf=1,3" << 5;
    }
    void slurmGivesTheLocalTable()
    {
        REQUIRE_SLURM();
        QFETCH(QString, learner);
        QFETCH(QString, mode);
        QFETCH(QString, search);
        QFETCH(int, trials);
        const auto parameters = [&](const QString &runOn, const QString &folder) {
            QVariantMap p = tuneParameters(runOn, folder);
            p.insert(QStringLiteral("mode"), mode);
            p.insert(QStringLiteral("search"), search);
            p.insert(QStringLiteral("trials"), trials);
            return p;
        };
        const QByteArray type = learner.toLatin1();
        Flow local(type.constData(), parameters(QStringLiteral("local"), {}));
        Executor here(local.model);
        const RunSummary a = here.runBlocking();
        QVERIFY2(a.ok(), qPrintable(failures(a)));
        const MetricsTable &expected = *here.output(local.tune, 1)->as<MetricsTable>();
        QCOMPARE(expected.rows.size(), trials);

        QTemporaryDir tmp;
        Flow remote(type.constData(), parameters(QStringLiteral("slurm"), tmp.path()));
        Executor there(remote.model);
        QMutex mutex;
        QList<int> published; // guarded by mutex
        // Worker thread -> here, at once: the trials as the node publishes them.
        connect(
            &there, &Executor::nodeUpdate, this,
            [&](int, NodeValuePtr value) {
                if (const auto *t = value->as<TuneTrial>()) {
                    QMutexLocker lock(&mutex);
                    published.append(t->index);
                }
            },
            Qt::DirectConnection);
        const RunSummary b = there.runBlocking();
        QVERIFY2(b.ok(), qPrintable(failures(b)));
        const MetricsTable &got = *there.output(remote.tune, 1)->as<MetricsTable>();

        // The same table: title, columns, and row by row the same trial, parameters, score
        // and spread (the seconds are timings).
        QCOMPARE(got.title, expected.title);
        QCOMPARE(got.columns, expected.columns);
        QCOMPARE(got.noteColumns, expected.noteColumns);
        QCOMPARE(got.rows.size(), expected.rows.size());
        for (int i = 0; i < got.rows.size(); ++i) {
            QCOMPARE(got.rows[i].label, expected.rows[i].label);
            QCOMPARE(got.rows[i].notes, expected.rows[i].notes);
            QVERIFY2(got.rows[i].values.value(0) == expected.rows[i].values.value(0),
                qPrintable(QStringLiteral("%1: %2 vs %3")
                               .arg(got.rows[i].label)
                               .arg(got.rows[i].values.value(0), 0, 'g', 17)
                               .arg(expected.rows[i].values.value(0), 0, 'g', 17)));
            QVERIFY(got.rows[i].values.value(1) == expected.rows[i].values.value(1));
            QVERIFY(got.rows[i].values.value(2) > 0);
        }
        // The same best parameters, refitted here.
        const auto bestHere = *here.output(local.tune, 0)->as<TrainedModelPtr>();
        const auto bestThere = *there.output(remote.tune, 0)->as<TrainedModelPtr>();
        QCOMPARE(bestThere->learnerParameters, bestHere->learnerParameters);
        QCOMPARE(bestThere->metrics, bestHere->metrics);
        // Every trial was published once, as its task ended.
        {
            QMutexLocker lock(&mutex);
            QList<int> sorted = published;
            std::sort(sorted.begin(), sorted.end());
            QList<int> all(trials);
            std::iota(all.begin(), all.end(), 1);
            QCOMPARE(sorted, all);
        }

        // Every trial ran as a task of one job array submitted with sbatch.
        const QString dir = runFolder(tmp.path());
        QVERIFY2(!dir.isEmpty(), qPrintable(tmp.path()));
        const QStringList jobs = [&] {
            QFile f(QDir(dir).filePath(QStringLiteral("slurm/jobs")));
            return f.open(QIODevice::ReadOnly)
                ? QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                : QStringList();
        }();
        QCOMPARE(jobs.size(), 1);
        for (int i = 0; i < trials; ++i) {
            const QJsonObject task = readJson(
                QDir(dir).filePath(QStringLiteral("runs/%1/task.json").arg(i, 4, 10, QChar(u'0'))));
            QVERIFY2(task.value(QStringLiteral("ok")).toBool(), qPrintable(dir));
            QCOMPARE(task.value(QStringLiteral("job")).toString(),
                QStringLiteral("%1_%2").arg(jobs.front()).arg(i));
            // Its row, and (refit=false) no refitted model.
            const QDir run(
                QDir(dir).filePath(QStringLiteral("runs/%1").arg(i, 4, 10, QChar(u'0'))));
            QVERIFY(!run.entryList({ QStringLiteral("*-metrics.json") }).isEmpty());
            QVERIFY2(
                !QFile::exists(run.filePath(QStringLiteral("%1-tune.sxmodel").arg(remote.tune))),
                qPrintable(run.entryList().join(QLatin1Char(' '))));
        }
        // The task ran the workflow cut down to the Tune node and what it reads, with the
        // data file copied next to it.
        GraphModel copy(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::load(QDir(dir).filePath(QStringLiteral("input/tune.sextant")), copy));
        QCOMPARE(copy.nodeCount(), 5); // file, select, learner, tune, a metrics table after it
        QCOMPARE(copy.parameter(1, QStringLiteral("path")).toString(),
            QStringLiteral("files/1/wine.csv"));
        QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("input/files/1/wine.csv"))));
    }

    void cancelAndStopLeaveNothingQueued_data() { sextant::testing::cancelOrStopRows(); }
    void cancelAndStopLeaveNothingQueued()
    {
        REQUIRE_SLURM();
        QFETCH(bool, stop);
        QTemporaryDir tmp;
        // Cancel: the folder from the runner's defaults (the studio's Preferences), as the
        // node names none; Stop: the node's own slurm_folder.
        auto *runner = dynamic_cast<sextant::cli::SlurmTrialRunner *>(RemoteTrialRunner::get());
        QVERIFY(runner);
        runner->setDefaults({ stop ? QString() : tmp.path(), QString() });
        // Twelve trials of a large forest: one after the other on the queue's two cores,
        // so that most still wait when Stop or Cancel comes.
        QVariantMap p = tuneParameters(QStringLiteral("slurm"), stop ? tmp.path() : QString());
        p.insert(QStringLiteral("search"), QStringLiteral("max_depth=0,2,3,4,5,6,7,8,9,10,11,12"));
        Flow f("model.random_forest", p, { { QStringLiteral("trees"), stop ? 300 : 3000 } });
        Executor ex(f.model);
        std::atomic<int> trials { 0 };
        // Worker thread -> counted at once.
        connect(
            &ex, &Executor::nodeUpdate, this,
            [&](int, NodeValuePtr value) {
                if (value->as<TuneTrial>())
                    ++trials;
            },
            Qt::DirectConnection);
        QSignalSpy finished(&ex, &Executor::runFinished);
        QVERIFY(ex.run());
        QString dir;
        QString job;
        QTRY_VERIFY_WITH_TIMEOUT(!(dir = runFolder(tmp.path())).isEmpty()
                && QFile::exists(QDir(dir).filePath(QStringLiteral("slurm/jobs"))),
            60000);
        {
            QFile jobs(QDir(dir).filePath(QStringLiteral("slurm/jobs")));
            QVERIFY(jobs.open(QIODevice::ReadOnly));
            job = QString::fromUtf8(jobs.readAll()).trimmed();
        }
        QVERIFY(!queued(job).isEmpty());
        if (stop) {
            QTRY_VERIFY_WITH_TIMEOUT(trials.load() >= 1, 120000);
            ex.stopTraining();
        } else {
            ex.cancel();
        }
        QVERIFY(finished.wait(120000));
        runner->setDefaults({});
        QVERIFY2(queued(job).isEmpty(), qPrintable(queued(job)));
        if (stop) {
            // The trials finished are kept, the best of them refitted; the output partial.
            QCOMPARE(ex.status(f.tune), NodeStatus::Done);
            QVERIFY(ex.state(f.tune).partial);
            const MetricsTable &table = *ex.output(f.tune, 1)->as<MetricsTable>();
            QVERIFY(table.rows.size() >= 1);
            QVERIFY2(table.rows.size() < 12, qPrintable(table.title));
            QVERIFY2(table.title.contains(QStringLiteral("Stop pressed")), qPrintable(table.title));
        } else {
            QCOMPARE(ex.status(f.tune), NodeStatus::Cancelled);
        }
    }

    void failsWithAMessageWithoutSlurm()
    {
        const auto refusal = [](const QVariantMap &changes) {
            QVariantMap p = tuneParameters(QStringLiteral("slurm"));
            for (auto it = changes.cbegin(); it != changes.cend(); ++it)
                p.insert(it.key(), it.value());
            return tuneFailure(Flow("model.knn", p));
        };
        // No runner, no sbatch on PATH, a malformed time limit.
        const QString wrong = sextant::testing::slurmRefusals(refusal);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        // Bayesian search cannot be split into tasks.
        const QString m = refusal({ { QStringLiteral("mode"), QStringLiteral("bayesian") },
            { QStringLiteral("trials"), 3 } });
        QVERIFY2(m.contains(QStringLiteral("Bayesian")), qPrintable(m));
    }
};

QTEST_GUILESS_MAIN(TestTuneSlurm)
#include "tst_tuneslurm.moc"
