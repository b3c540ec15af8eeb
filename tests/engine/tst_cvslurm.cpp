// The Cross-Validation node's only_fold and run_on = slurm on a real Slurm (tools/slurm-local:
// one node on this machine): every fold a task of one job array (each a `sextant run` with
// only_fold), the same fold table and the same out-of-fold predictions, bit for bit and in
// the same row order, as the cross-validation on this machine; the folds published as their
// tasks end; one fold alone gives its row of the whole run; the node's side of it, with the
// tasks run in-process, gives the same outputs (no Slurm needed); Cancel and Stop leave no
// task in the queue; and what cannot run there is refused with a message.
#include "FlowFixture.h"
#include "LocalSlurm.h"
#include "ReferenceSkip.h"
#include "cli/SlurmTrialRunner.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"
#include "nodes/RemoteTrials.h"
#include "nodes/TrainingUpdate.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>

using namespace sextant::engine;

namespace {

using Flow = sextant::testing::CvFlow;
using sextant::testing::failures;
using sextant::testing::nodeFailure;

// The same double, bit for bit (NaN equal to NaN).
bool same(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

QString number(double v)
{
    return QString::number(v, 'g', 17);
}

// Where two fold tables differ ("" : nowhere).
QString tableDifference(const MetricsTable &a, const MetricsTable &b)
{
    if (a.title != b.title)
        return QStringLiteral("title '%1' vs '%2'").arg(a.title, b.title);
    if (a.columns != b.columns)
        return QStringLiteral("columns differ");
    if (a.rows.size() != b.rows.size())
        return QStringLiteral("%1 vs %2 rows").arg(a.rows.size()).arg(b.rows.size());
    for (int r = 0; r < a.rows.size(); ++r) {
        if (a.rows[r].label != b.rows[r].label)
            return QStringLiteral("row %1: '%2' vs '%3'")
                .arg(r)
                .arg(a.rows[r].label, b.rows[r].label);
        for (int c = 0; c < a.columns.size(); ++c)
            if (!same(a.rows[r].values.value(c), b.rows[r].values.value(c)))
                return QStringLiteral("%1 %2: %3 vs %4")
                    .arg(a.rows[r].label, a.columns[c], number(a.rows[r].values.value(c)),
                        number(b.rows[r].values.value(c)));
    }
    return {};
}

// Where two predictions differ ("" : nowhere): task, classes, every row's predicted value,
// truth and probabilities, and the table's columns and rows.
QString predictionDifference(const Prediction &a, const Prediction &b)
{
    if (a.task != b.task || a.classNames != b.classNames || a.targetName != b.targetName
        || a.modelName != b.modelName)
        return QStringLiteral("task, classes, target or model name differ");
    if (a.predicted.size() != b.predicted.size() || a.truth.size() != b.truth.size())
        return QStringLiteral("%1 vs %2 rows").arg(a.predicted.size()).arg(b.predicted.size());
    if (a.probabilities.rows() != b.probabilities.rows()
        || a.probabilities.cols() != b.probabilities.cols())
        return QStringLiteral("probabilities %1x%2 vs %3x%4")
            .arg(a.probabilities.rows())
            .arg(a.probabilities.cols())
            .arg(b.probabilities.rows())
            .arg(b.probabilities.cols());
    for (Eigen::Index r = 0; r < a.predicted.size(); ++r) {
        if (!same(a.predicted(r), b.predicted(r)))
            return QStringLiteral("row %1 predicted %2 vs %3")
                .arg(r)
                .arg(number(a.predicted(r)), number(b.predicted(r)));
        if (!same(a.truth(r), b.truth(r)))
            return QStringLiteral("row %1 truth %2 vs %3")
                .arg(r)
                .arg(number(a.truth(r)), number(b.truth(r)));
        for (Eigen::Index c = 0; c < a.probabilities.cols(); ++c)
            if (!same(a.probabilities(r, c), b.probabilities(r, c)))
                return QStringLiteral("row %1 P(%2) %3 vs %4")
                    .arg(r)
                    .arg(c)
                    .arg(number(a.probabilities(r, c)), number(b.probabilities(r, c)));
    }
    if (a.table.columnCount() != b.table.columnCount() || a.table.rowCount() != b.table.rowCount())
        return QStringLiteral("the tables differ in shape");
    for (int c = 0; c < a.table.columnCount(); ++c) {
        const Column &x = a.table.column(c);
        const Column &y = b.table.column(c);
        if (x.name() != y.name())
            return QStringLiteral("table column %1: '%2' vs '%3'").arg(c).arg(x.name(), y.name());
        for (std::int64_t r = 0; r < a.table.rowCount(); ++r)
            if (x.isMissing(r) != y.isMissing(r) || x.isNumeric() != y.isNumeric()
                || (x.isNumeric() ? !same(x.values()[static_cast<std::size_t>(r)],
                        y.values()[static_cast<std::size_t>(r)])
                                  : x.displayValue(r) != y.displayValue(r)))
                return QStringLiteral("table column '%1' row %2: %3 vs %4")
                    .arg(x.name())
                    .arg(r)
                    .arg(x.displayValue(r), y.displayValue(r));
    }
    return {};
}

// Tasks of `job` the queue still lists (none once it has ended, or has been forgotten).
QString queued(const QString &job)
{
    return sextant::testing::tool(QStringLiteral("squeue"),
        { QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"), job,
            QStringLiteral("-o"), QStringLiteral("%i %T") })
        .trimmed();
}

// The one run folder the runner made under `root`.
QString runFolder(const QString &root)
{
    const QStringList dirs
        = QDir(root).entryList({ QStringLiteral("cv-*") }, QDir::Dirs | QDir::NoDotAndDotDot);
    return dirs.size() == 1 ? QDir(root).filePath(dirs.front()) : QString();
}

QStringList jobsOf(const QString &dir)
{
    QFile f(QDir(dir).filePath(QStringLiteral("slurm/jobs")));
    return f.open(QIODevice::ReadOnly)
        ? QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
        : QStringList();
}

struct Case {
    const char *learner;
    QVariantMap learnerParameters;
    QString target;
};

// A seeded forest on the wine classes (probabilities per class), and a seeded forest
// regression of the alcohol content.
Case caseNamed(const QString &name)
{
    if (name == QStringLiteral("regression"))
        return { "model.random_forest",
            { { QStringLiteral("task"), QStringLiteral("regression") },
                { QStringLiteral("trees"), 15 }, { QStringLiteral("seed"), 5 } },
            QStringLiteral("alcohol") };
    return { "model.random_forest",
        { { QStringLiteral("trees"), 15 }, { QStringLiteral("seed"), 5 } },
        QStringLiteral("cultivar") };
}

QVariantMap cvParameters(const QVariantMap &changes = {})
{
    QVariantMap p { { QStringLiteral("folds"), 5 }, { QStringLiteral("seed"), 13 } };
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        p.insert(it.key(), it.value());
    return p;
}

// A RemoteTrialRunner that runs each task here, in turn, as a task would (the workflow it
// was given with TASKPARAMETER = N and run_on = local), handing back the node's predictions
// without their table: the node's side of run_on = slurm without a cluster.
class InProcessRunner : public RemoteTrialRunner {
public:
    QString name() const override { return QStringLiteral("in-process"); }
    bool available(QString *) const override { return true; }
    Result<std::vector<RemoteTrialResult>> run(const RemoteTrialRequest &request,
        const std::atomic<bool> *, const std::atomic<bool> *, const TrialFn &onTrial) override
    {
        std::vector<RemoteTrialResult> results;
        // The tasks end in reverse order: the node must not depend on it.
        for (int n = request.tasks; n >= 1; --n) {
            GraphModel model(BuiltinNodes::registry());
            if (Status s = WorkflowFile::parse(request.workflow, model); !s)
                return Result<std::vector<RemoteTrialResult>>::failure(s.error());
            (void)model.setParameter(
                request.nodeId, QStringLiteral("run_on"), QStringLiteral("local"));
            (void)model.setParameter(request.nodeId, request.taskParameter, qlonglong(n));
            Executor ex(model);
            const RunSummary s = ex.runBlocking();
            RemoteTrialResult r;
            r.index = n;
            r.ok = s.ok();
            r.message = failures(s);
            if (r.ok) {
                r.prediction = *ex.output(request.nodeId, 1)->as<Prediction>();
                r.prediction.table = Dataset();
            }
            results.push_back(r);
            onTrial(r);
        }
        return results;
    }
};

} // namespace

// The rows of a data function run for a classifier and for a regression: a column "kind".
static void kindRows()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("classification") << "classification";
    QTest::newRow("regression") << "regression";
}

class TestCvSlurm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        RemoteTrialRunner::set(
            std::make_unique<sextant::cli::SlurmTrialRunner>(QStringLiteral(SEXTANT_EXECUTABLE)));
    }
    void cleanupTestCase() { RemoteTrialRunner::set(nullptr); }

    void onlyFoldGivesItsRowOfTheWholeRun_data() { kindRows(); }
    void onlyFoldGivesItsRowOfTheWholeRun()
    {
        QFETCH(QString, kind);
        const Case c = caseNamed(kind);
        Flow whole(c.learner, cvParameters(), c.learnerParameters, c.target);
        Executor all(whole.model);
        const RunSummary s = all.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        const MetricsTable &table = *all.output(whole.cv, 0)->as<MetricsTable>();
        const Prediction &oof = *all.output(whole.cv, 1)->as<Prediction>();
        QCOMPARE(table.rows.size(), 5 + 2);
        // The folds as the node makes them, to find each fold's rows in the whole run.
        const TrainedModelPtr model = *all.output(whole.learner, 0)->as<TrainedModelPtr>();
        Evaluation::CvOptions o;
        o.folds = 5;
        o.seed = 13;
        const Dataset &data = *all.output(whole.select, 0)->as<Dataset>();
        const Evaluation::CvPlan plan = Evaluation::planFolds(*model, data, o);

        for (int k = 1; k <= 5; ++k) {
            Flow one(c.learner, cvParameters({ { QStringLiteral("only_fold"), k } }),
                c.learnerParameters, c.target);
            Executor ex(one.model);
            const RunSummary r = ex.runBlocking();
            QVERIFY2(r.ok(), qPrintable(failures(r)));
            QVERIFY(!ex.state(one.cv).partial);
            const MetricsTable &single = *ex.output(one.cv, 0)->as<MetricsTable>();
            QVERIFY2(single.title.endsWith(QStringLiteral(" — fold %1 of 5").arg(k)),
                qPrintable(single.title));
            QCOMPARE(single.columns, table.columns);
            QCOMPARE(single.rows.size(), 3); // fold k, mean, std
            QCOMPARE(single.rows[0].label, QStringLiteral("fold %1").arg(k));
            for (int m = 0; m < table.columns.size(); ++m)
                QVERIFY2(same(single.rows[0].values.value(m), table.rows[k - 1].values.value(m)),
                    qPrintable(QStringLiteral("fold %1 %2: %3 vs %4")
                                   .arg(k)
                                   .arg(table.columns[m])
                                   .arg(number(single.rows[0].values.value(m)),
                                       number(table.rows[k - 1].values.value(m)))));
            // Its predictions: the fold's held-out rows, in row order, as the whole run has
            // them.
            const Prediction &p = *ex.output(one.cv, 1)->as<Prediction>();
            const std::vector<Eigen::Index> &rows
                = plan.folds[static_cast<std::size_t>(k - 1)].test;
            QCOMPARE(p.predicted.size(), static_cast<Eigen::Index>(rows.size()));
            QCOMPARE(p.table.rowCount(), static_cast<std::int64_t>(rows.size()));
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto at = static_cast<Eigen::Index>(i);
                QVERIFY(same(p.predicted(at), oof.predicted(rows[i])));
                QVERIFY(same(p.truth(at), oof.truth(rows[i])));
                for (Eigen::Index cl = 0; cl < p.probabilities.cols(); ++cl)
                    QVERIFY(same(p.probabilities(at, cl), oof.probabilities(rows[i], cl)));
            }
            QCOMPARE(p.probabilities.cols(), oof.probabilities.cols());
        }
        // A fold the cross-validation does not have.
        Flow beyond(c.learner, cvParameters({ { QStringLiteral("only_fold"), 6 } }),
            c.learnerParameters, c.target);
        const QString m = nodeFailure(beyond, beyond.cv);
        QVERIFY2(m.contains(QStringLiteral("only_fold 6: the cross-validation has 5 folds")),
            qPrintable(m));
    }

    // The node's remote path, tasks run here: the same outputs as the local run.
    void tasksCombineLikeTheLocalRun_data() { kindRows(); }
    void tasksCombineLikeTheLocalRun()
    {
        QFETCH(QString, kind);
        const Case c = caseNamed(kind);
        Flow local(c.learner, cvParameters(), c.learnerParameters, c.target);
        Executor here(local.model);
        const RunSummary a = here.runBlocking();
        QVERIFY2(a.ok(), qPrintable(failures(a)));
        RemoteTrialRunner::set(std::make_unique<InProcessRunner>());
        Flow remote(c.learner,
            cvParameters({ { QStringLiteral("run_on"), QStringLiteral("slurm") } }),
            c.learnerParameters, c.target);
        Executor there(remote.model);
        const RunSummary b = there.runBlocking();
        RemoteTrialRunner::set(
            std::make_unique<sextant::cli::SlurmTrialRunner>(QStringLiteral(SEXTANT_EXECUTABLE)));
        QVERIFY2(b.ok(), qPrintable(failures(b)));
        const QString table = tableDifference(*there.output(remote.cv, 0)->as<MetricsTable>(),
            *here.output(local.cv, 0)->as<MetricsTable>());
        QVERIFY2(table.isEmpty(), qPrintable(table));
        const QString predictions
            = predictionDifference(*there.output(remote.cv, 1)->as<Prediction>(),
                *here.output(local.cv, 1)->as<Prediction>());
        QVERIFY2(predictions.isEmpty(), qPrintable(predictions));
    }

    void slurmGivesTheLocalResult_data() { kindRows(); }
    void slurmGivesTheLocalResult()
    {
        REQUIRE_SLURM();
        QFETCH(QString, kind);
        const Case c = caseNamed(kind);
        Flow local(c.learner, cvParameters(), c.learnerParameters, c.target);
        Executor here(local.model);
        const RunSummary a = here.runBlocking();
        QVERIFY2(a.ok(), qPrintable(failures(a)));

        QTemporaryDir tmp;
        Flow remote(c.learner,
            cvParameters({ { QStringLiteral("run_on"), QStringLiteral("slurm") },
                { QStringLiteral("slurm_folder"), tmp.path() } }),
            c.learnerParameters, c.target);
        Executor there(remote.model);
        QMutex mutex;
        QList<int> steps; // guarded by mutex
        // Worker thread -> here, at once: the folds the node publishes as tasks end.
        connect(
            &there, &Executor::nodeUpdate, this,
            [&](int node, NodeValuePtr value) {
                const auto *u = value->as<TrainingUpdate>();
                if (node == remote.cv && u && u->report.unit == "fold" && !u->end) {
                    QMutexLocker lock(&mutex);
                    steps.append(u->report.epoch * 100 + u->report.totalEpochs);
                }
            },
            Qt::DirectConnection);
        const RunSummary b = there.runBlocking();
        QVERIFY2(b.ok(), qPrintable(failures(b)));

        // The same fold table and out-of-fold predictions, bit for bit.
        const QString table = tableDifference(*there.output(remote.cv, 0)->as<MetricsTable>(),
            *here.output(local.cv, 0)->as<MetricsTable>());
        QVERIFY2(table.isEmpty(), qPrintable(table));
        const Prediction &got = *there.output(remote.cv, 1)->as<Prediction>();
        const Prediction &expected = *here.output(local.cv, 1)->as<Prediction>();
        QCOMPARE(got.predicted.size(), Eigen::Index(178));
        QCOMPARE(got.probabilities.cols(), kind == QStringLiteral("regression") ? 0 : 3);
        const QString predictions = predictionDifference(got, expected);
        QVERIFY2(predictions.isEmpty(), qPrintable(predictions));
        // The monitor counted "fold k / 5" as the tasks ended.
        {
            QMutexLocker lock(&mutex);
            QCOMPARE(steps, QList<int>({ 105, 205, 305, 405, 505 }));
        }

        // Every fold ran as a task of one job array, the workflow cut down to the node and
        // what it reads, with a metrics and a predictions sink after it.
        const QString dir = runFolder(tmp.path());
        QVERIFY2(!dir.isEmpty(), qPrintable(tmp.path()));
        const QStringList jobs = jobsOf(dir);
        QCOMPARE(jobs.size(), 1);
        GraphModel copy(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::load(QDir(dir).filePath(QStringLiteral("input/cv.sextant")), copy));
        QCOMPARE(copy.nodeCount(), 6); // file, select, learner, CV, metrics, predictions
        QStringList types;
        for (int id : copy.nodeIds())
            types << copy.nodeType(id)->id;
        QVERIFY2(
            types.contains(kind == QStringLiteral("regression") ? QStringLiteral("view.residuals")
                                                                : QStringLiteral("view.confusion")),
            qPrintable(types.join(QLatin1Char(' '))));
        QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("input/files/1/wine.csv"))));
    }

    void cancelAndStopLeaveNothingQueued_data() { sextant::testing::cancelOrStopRows(); }
    void cancelAndStopLeaveNothingQueued()
    {
        REQUIRE_SLURM();
        QFETCH(bool, stop);
        QTemporaryDir tmp;
        // Ten folds of a large forest: one after the other on the queue's two cores, so
        // that most still wait when Stop or Cancel comes.
        Flow f("model.random_forest",
            cvParameters({ { QStringLiteral("folds"), 10 },
                { QStringLiteral("run_on"), QStringLiteral("slurm") },
                { QStringLiteral("slurm_folder"), tmp.path() } }),
            { { QStringLiteral("trees"), stop ? 300 : 3000 } });
        Executor ex(f.model);
        std::atomic<int> folds { 0 };
        // Worker thread -> counted at once.
        connect(
            &ex, &Executor::nodeUpdate, this,
            [&](int node, NodeValuePtr value) {
                const auto *u = value->as<TrainingUpdate>();
                if (node == f.cv && u && u->report.unit == "fold" && !u->end)
                    ++folds;
            },
            Qt::DirectConnection);
        QSignalSpy finished(&ex, &Executor::runFinished);
        QVERIFY(ex.run());
        QString dir;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(dir = runFolder(tmp.path())).isEmpty() && !jobsOf(dir).isEmpty(), 60000);
        const QString job = jobsOf(dir).front();
        QVERIFY(!queued(job).isEmpty());
        if (stop) {
            QTRY_VERIFY_WITH_TIMEOUT(folds.load() >= 1, 120000);
            ex.stopTraining();
        } else {
            ex.cancel();
        }
        QVERIFY(finished.wait(120000));
        QVERIFY2(queued(job).isEmpty(), qPrintable(queued(job)));
        if (stop) {
            // The folds finished are kept; the outputs partial.
            QCOMPARE(ex.status(f.cv), NodeStatus::Done);
            QVERIFY(ex.state(f.cv).partial);
            const MetricsTable &table = *ex.output(f.cv, 0)->as<MetricsTable>();
            QVERIFY(table.rows.size() >= 1 + 2);
            QVERIFY2(table.rows.size() < 10 + 2, qPrintable(table.title));
            QVERIFY2(table.title.contains(QStringLiteral("Stop pressed")), qPrintable(table.title));
            const Prediction &p = *ex.output(f.cv, 1)->as<Prediction>();
            QVERIFY(p.predicted.size() > 0 && p.predicted.size() < 178);
        } else {
            QCOMPARE(ex.status(f.cv), NodeStatus::Cancelled);
        }
    }

    void failsWithAMessageWhereItCannotRun()
    {
        const auto refusal = [](const QVariantMap &changes) {
            QVariantMap p = cvParameters({ { QStringLiteral("run_on"), QStringLiteral("slurm") } });
            for (auto it = changes.cbegin(); it != changes.cend(); ++it)
                p.insert(it.key(), it.value());
            Flow f("model.knn", p);
            return nodeFailure(f, f.cv);
        };
        // No runner, no sbatch on PATH, a malformed time limit.
        const QString wrong = sextant::testing::slurmRefusals(refusal);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
};

QTEST_GUILESS_MAIN(TestCvSlurm)
#include "tst_cvslurm.moc"
