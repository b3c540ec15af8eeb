// `sextant sweep`: grid and random expansion, refusals before anything runs, the local
// process pool, and a real Slurm (tools/slurm-local: one node on this machine) running the
// points as one job array (several above the cluster's MaxArraySize): the same metrics as
// locally, a failing point reported while the others finish, cancellation leaving no task
// in the queue.
#include "LocalSlurm.h"
#include "ReferenceSkip.h"
#include "SextantProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

namespace {

using sextant::testing::runSextant;

// The wine example, made quick: fewer trees and epochs (fixed --set), so that a point
// takes about a second.
QString wine()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/wine-classify.sextant");
}

const QStringList kQuick
    = { QStringLiteral("--set"), QStringLiteral("6.trees=10"), QStringLiteral("--set"),
          QStringLiteral("13.epochs=20"), QStringLiteral("--set"), QStringLiteral("11.folds=3") };

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Point index -> its entry in results.json.
QMap<int, QJsonObject> pointsOf(const QString &dir)
{
    QMap<int, QJsonObject> points;
    for (const QJsonValue &v :
        readJson(dir + QStringLiteral("/results.json")).value(QStringLiteral("points")).toArray())
        points.insert(v.toObject().value(QStringLiteral("index")).toInt(), v.toObject());
    return points;
}

using sextant::testing::tool;

} // namespace

class TestCliSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gridExpandsEveryCombination();
    void randomDrawsAreSeeded();
    void refusesBadGridBeforeRunning_data();
    void refusesBadGridBeforeRunning();
    void localPoolGathersMetrics();
    void taskChecksFingerprints();
    void slurmMatchesLocal();
    void slurmSplitsArraysAboveMaxArraySize();
    void slurmReportsAFailingPoint();
    void slurmCancelLeavesNothingRunning();
};

void TestCliSweep::gridExpandsEveryCombination()
{
    const auto r = runSextant({ QStringLiteral("sweep"), wine(), QStringLiteral("--grid"),
        QStringLiteral("5.C=0.1,1"), QStringLiteral("--grid"),
        QStringLiteral("13.hidden_layers=8\\,4,16,32"), QStringLiteral("--dry-run") });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7);
    // The first axis varies slowest; "\," is a comma inside a value.
    QCOMPARE(lines[0], QStringLiteral("0000 --set 5.C=0.1 --set 13.hidden_layers=8,4"));
    QCOMPARE(lines[2], QStringLiteral("0002 --set 5.C=0.1 --set 13.hidden_layers=32"));
    QCOMPARE(lines[3], QStringLiteral("0003 --set 5.C=1 --set 13.hidden_layers=8,4"));
    QCOMPARE(lines[5], QStringLiteral("0005 --set 5.C=1 --set 13.hidden_layers=32"));
    QVERIFY(lines[6].startsWith(QStringLiteral("6 points")));
}

void TestCliSweep::randomDrawsAreSeeded()
{
    auto draw = [](const QString &seed, const QStringList &grid) {
        QStringList args { QStringLiteral("sweep"), wine(), QStringLiteral("--random"),
            QStringLiteral("5"), QStringLiteral("--seed"), seed, QStringLiteral("--dry-run") };
        for (const QString &g : grid)
            args << QStringLiteral("--grid") << g;
        const auto r = runSextant(args);
        QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!lines.isEmpty())
            lines.removeLast();
        return lines;
    };
    const QStringList lists
        = { QStringLiteral("5.C=0.01,0.1,1,10"), QStringLiteral("6.trees=5,10,20") };
    const QStringList a = draw(QStringLiteral("7"), lists);
    QCOMPARE(a.size(), 5);
    QCOMPARE(draw(QStringLiteral("7"), lists), a);
    QVERIFY(draw(QStringLiteral("8"), lists) != a);
    // Lists only, 5 of 12 combinations: all distinct.
    QSet<QString> distinct;
    for (const QString &line : a)
        distinct.insert(line.mid(5));
    QCOMPARE(distinct.size(), 5);
    // A range: integers within it.
    const QStringList ranged = draw(QStringLiteral("1"), { QStringLiteral("6.trees=3..9") });
    QCOMPARE(ranged.size(), 5);
    for (const QString &line : ranged) {
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("6\\.trees=(\\d+)$")).match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QVERIFY(m.captured(1).toInt() >= 3 && m.captured(1).toInt() <= 9);
    }
}

void TestCliSweep::refusesBadGridBeforeRunning_data()
{
    QTest::addColumn<QString>("grid");
    QTest::addColumn<QString>("message");
    QTest::newRow("no equals") << QStringLiteral("5.C") << QStringLiteral("expected NODE.PARAM=");
    QTest::newRow("no parameter") << QStringLiteral("5=1,2")
                                  << QStringLiteral("expected NODE.PARAM=");
    QTest::newRow("empty value") << QStringLiteral("5.C=1,,2") << QStringLiteral("empty value");
    QTest::newRow("unknown node") << QStringLiteral("99.C=1,2")
                                  << QStringLiteral("no node with id 99");
    QTest::newRow("unknown parameter")
        << QStringLiteral("5.gamma=1,2") << QStringLiteral("has no parameter 'gamma'");
    QTest::newRow("refused value")
        << QStringLiteral("6.trees=10,ten") << QStringLiteral("6.trees=ten");
    QTest::newRow("range without --random")
        << QStringLiteral("6.trees=3..9") << QStringLiteral("add --random N");
}

void TestCliSweep::refusesBadGridBeforeRunning()
{
    QFETCH(QString, grid);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("sweep"));
    const auto r = runSextant({ QStringLiteral("sweep"), wine(), QStringLiteral("--grid"), grid,
        QStringLiteral("--out"), out, QStringLiteral("--backend"), QStringLiteral("slurm") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out)); // nothing written, nothing submitted
}

void TestCliSweep::localPoolGathersMetrics()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("sweep"));
    const auto r = runSextant(QStringList { QStringLiteral("sweep"), wine() } + kQuick
        + QStringList { QStringLiteral("--grid"), QStringLiteral("5.C=0.001,1"),
            QStringLiteral("--grid"), QStringLiteral("3.seed=1,2"), QStringLiteral("--out"), dir,
            QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("--metric"),
            QStringLiteral("8.accuracy") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QMap<int, QJsonObject> points = pointsOf(dir);
    QCOMPARE(points.size(), 4);
    // Sorted best first by the metric.
    const QJsonArray sorted
        = readJson(dir + QStringLiteral("/results.json")).value(QStringLiteral("points")).toArray();
    for (qsizetype i = 1; i < sorted.size(); ++i)
        QVERIFY(sorted[i - 1].toObject()["metrics"].toObject()["8.accuracy"].toDouble()
            >= sorted[i].toObject()["metrics"].toObject()["8.accuracy"].toDouble());
    // Each point is what `sextant run --set ...` gives for it.
    for (int index : { 0, 3 }) {
        const QJsonObject p = points.value(index);
        QCOMPARE(p.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(p.value(QStringLiteral("attempts")).toInt(), 1);
        const QJsonObject params = p.value(QStringLiteral("parameters")).toObject();
        const QString runOut = tmp.filePath(QStringLiteral("run%1").arg(index));
        const auto run = runSextant(QStringList { QStringLiteral("run"), wine() } + kQuick
            + QStringList { QStringLiteral("--set"),
                QStringLiteral("5.C=") + params.value(QStringLiteral("5.C")).toString(),
                QStringLiteral("--set"),
                QStringLiteral("3.seed=") + params.value(QStringLiteral("3.seed")).toString(),
                QStringLiteral("--out"), runOut, QStringLiteral("--quiet") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject direct = readJson(runOut + QStringLiteral("/8-metrics.json"));
        const double accuracy = direct.value(QStringLiteral("rows"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("accuracy"))
                                    .toDouble();
        QCOMPARE(p.value(QStringLiteral("metrics"))
                     .toObject()
                     .value(QStringLiteral("8.accuracy"))
                     .toDouble(),
            accuracy);
    }
    // The inputs crossed with their fingerprints.
    const QJsonObject plan = readJson(dir + QStringLiteral("/sweep.json"));
    QCOMPARE(plan.value(QStringLiteral("inputs")).toArray().size(), 2);
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/input/wine.csv")));
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/results.csv")));
}

void TestCliSweep::taskChecksFingerprints()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("sweep"));
    const auto r = runSextant(QStringList { QStringLiteral("sweep"), wine() } + kQuick
        + QStringList {
            QStringLiteral("--grid"), QStringLiteral("5.C=1"), QStringLiteral("--out"), dir });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    // The data file changed after the sweep was planned: a task run again refuses it.
    QFile data(dir + QStringLiteral("/input/wine.csv"));
    QVERIFY(data.open(QIODevice::Append));
    data.write("1,1,1,1,1,1,1,1,1,1,1,1,1,1\n");
    data.close();
    const auto task = runSextant({ QStringLiteral("sweep"), QStringLiteral("--task"), dir,
        QStringLiteral("0"), QStringLiteral("--attempt"), QStringLiteral("2") });
    QCOMPARE(task.exitCode, 1);
    const QJsonObject report = readJson(dir + QStringLiteral("/runs/0000/task.json"));
    QCOMPARE(report.value(QStringLiteral("attempt")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), false);
    const QString message = report.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QLatin1String("input/wine.csv is not the file the sweep planned")),
        qPrintable(message));
    // A second sweep into the same folder is refused.
    const auto again = runSextant(QStringList { QStringLiteral("sweep"), wine(),
        QStringLiteral("--grid"), QStringLiteral("5.C=1"), QStringLiteral("--out"), dir });
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(QLatin1String("already holds a sweep")), qPrintable(again.err));
}

// Sweeps `grid` on the local Slurm and on the local pool into `tmp` and checks that every
// point ran as an array task with the local run's metrics; `arrays` gets the job ids.
static void sweepOnSlurmAsLocally(
    const QTemporaryDir &tmp, const QStringList &grid, int points, QSet<QString> *arrays)
{
    const QString slurmDir = tmp.filePath(QStringLiteral("slurm"));
    const auto s = runSextant(QStringList { QStringLiteral("sweep"), wine() } + kQuick + grid
        + QStringList { QStringLiteral("--out"), slurmDir, QStringLiteral("--backend"),
            QStringLiteral("slurm"), QStringLiteral("--time"), QStringLiteral("00:05:00") });
    QVERIFY2(s.exitCode == 0, qPrintable(s.out + s.err));
    QVERIFY2(s.out.contains(QLatin1String("submitted job array")), qPrintable(s.out));
    const QString localDir = tmp.filePath(QStringLiteral("local"));
    const auto l = runSextant(QStringList { QStringLiteral("sweep"), wine() } + kQuick + grid
        + QStringList { QStringLiteral("--out"), localDir });
    QVERIFY2(l.exitCode == 0, qPrintable(l.out + l.err));

    const QMap<int, QJsonObject> onSlurm = pointsOf(slurmDir);
    const QMap<int, QJsonObject> local = pointsOf(localDir);
    QCOMPARE(onSlurm.size(), points);
    QCOMPARE(local.size(), points);
    for (int i = 0; i < points; ++i) {
        const QJsonObject a = onSlurm.value(i);
        // Run through sbatch: an array task of a job, which wrote its own report.
        const QString job = a.value(QStringLiteral("job")).toString();
        QVERIFY2(job.contains(QRegularExpression(QStringLiteral("^\\d+_\\d+$"))), qPrintable(job));
        arrays->insert(job.section(QLatin1Char('_'), 0, 0));
        const QJsonObject task = readJson(
            slurmDir + QStringLiteral("/runs/%1/task.json").arg(i, 4, 10, QLatin1Char('0')));
        QCOMPARE(task.value(QStringLiteral("job")).toString(), job);
        QCOMPARE(task.value(QStringLiteral("index")).toInt(-1), i);
        QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(a.value(QStringLiteral("parameters")),
            local.value(i).value(QStringLiteral("parameters")));
        const QJsonObject ms = a.value(QStringLiteral("metrics")).toObject();
        const QJsonObject ml = local.value(i).value(QStringLiteral("metrics")).toObject();
        QVERIFY(ms.size() >= 4);
        QCOMPARE(ms.keys(), ml.keys());
        for (const QString &k : ms.keys())
            if (!k.endsWith(QLatin1String(".seconds"))) // timings, not results
                QCOMPARE(ms.value(k).toDouble(), ml.value(k).toDouble());
    }
}

void TestCliSweep::slurmMatchesLocal()
{
    REQUIRE_SLURM();
    QTemporaryDir tmp;
    QSet<QString> arrays;
    sweepOnSlurmAsLocally(tmp,
        { QStringLiteral("--grid"), QStringLiteral("5.C=0.01,0.1,1,10"), QStringLiteral("--grid"),
            QStringLiteral("3.seed=1,2,3") },
        12, &arrays);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(arrays.size(), 1); // one job array
}

void TestCliSweep::slurmSplitsArraysAboveMaxArraySize()
{
    REQUIRE_SLURM();
    // A cluster that allows 3 task ids per array: 7 points are arrays of 3, 3 and 1, their
    // tasks adding 3 and 6 to the array index.
    qputenv("SEXTANT_SLURM_MAX_ARRAY_SIZE", "3");
    QTemporaryDir tmp;
    QSet<QString> arrays;
    sweepOnSlurmAsLocally(
        tmp, { QStringLiteral("--grid"), QStringLiteral("3.seed=1,2,3,4,5,6,7") }, 7, &arrays);
    qunsetenv("SEXTANT_SLURM_MAX_ARRAY_SIZE");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(arrays.size(), 3);
    // The third array's script runs point 6 for its task 0, its output into runs/0006.
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("slurm/slurm/attempt-1-from-6.sh"))));
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("slurm/runs/0006/task.out"))));
}

void TestCliSweep::slurmReportsAFailingPoint()
{
    REQUIRE_SLURM();
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("sweep"));
    // "8,x" passes the parameter's schema (a text) and fails when the MLP reads it.
    const auto r = runSextant(QStringList { QStringLiteral("sweep"), wine() } + kQuick
        + QStringList { QStringLiteral("--grid"), QStringLiteral("13.hidden_layers=8,8\\,x,16"),
            QStringLiteral("--out"), dir, QStringLiteral("--backend"), QStringLiteral("slurm") });
    QCOMPARE(r.exitCode, 1);
    const QMap<int, QJsonObject> points = pointsOf(dir);
    QCOMPARE(points.size(), 3);
    QCOMPARE(points[0].value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(points[2].value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    const QJsonObject bad = points[1];
    QCOMPARE(bad.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(bad.value(QStringLiteral("attempts")).toInt(), 2); // resubmitted once
    const QString message = bad.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QLatin1String("node 13")), qPrintable(message));
    QVERIFY2(r.err.contains(QLatin1String("point 1 (8,x) failed after 2 attempt(s)")),
        qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("resubmitted 1 failed task")), qPrintable(r.out));
    // The others' metrics are gathered.
    QVERIFY(points[0]
                .value(QStringLiteral("metrics"))
                .toObject()
                .contains(QStringLiteral("8.accuracy")));
}

void TestCliSweep::slurmCancelLeavesNothingRunning()
{
    REQUIRE_SLURM();
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("sweep"));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // One task at a time (--limit 1), each long (thousands of trees): when Ctrl+C comes, one
    // runs and the others wait in the queue.
    p.start(QStringLiteral(SEXTANT_EXECUTABLE),
        { QStringLiteral("sweep"), wine(), QStringLiteral("--set"), QStringLiteral("6.trees=20000"),
            QStringLiteral("--grid"), QStringLiteral("3.seed=1,2,3,4"), QStringLiteral("--out"),
            dir, QStringLiteral("--backend"), QStringLiteral("slurm"), QStringLiteral("--limit"),
            QStringLiteral("1") });
    QVERIFY(p.waitForStarted());
    QString text;
    QString job;
    for (int i = 0;
         i < 600 && !text.contains(QRegularExpression(QStringLiteral("[1-9]\\d* running"))); ++i) {
        p.waitForReadyRead(100);
        text += QString::fromUtf8(p.readAll());
    }
    QVERIFY2(
        text.contains(QRegularExpression(QStringLiteral("[1-9]\\d* running"))), qPrintable(text));
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("job array (\\d+)")).match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    job = m.captured(1);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(120000));
    text += QString::fromUtf8(p.readAll());
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(text.contains(QLatin1String("CANCELLED")), qPrintable(text));
    // Nothing of the job is queued or running any more.
    int code = -1;
    const QString queued = tool(QStringLiteral("squeue"),
        { QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"), job,
            QStringLiteral("-o"), QStringLiteral("%i %T") },
        &code);
    QVERIFY2(queued.trimmed().isEmpty(), qPrintable(queued));
    // Every point is done or cancelled; those that had not finished are cancelled.
    const QMap<int, QJsonObject> points = pointsOf(dir);
    QCOMPARE(points.size(), 4);
    int cancelled = 0;
    for (const QJsonObject &pt : points) {
        const QString state = pt.value(QStringLiteral("state")).toString();
        QVERIFY2(state == QLatin1String("done") || state == QLatin1String("cancelled"),
            qPrintable(state));
        cancelled += state == QLatin1String("cancelled") ? 1 : 0;
    }
    QVERIFY(cancelled >= 3); // the ones still queued at least
}

QTEST_GUILESS_MAIN(TestCliSweep)
#include "tst_cli_sweep.moc"
