// `sextant run` and `sextant predict` with Formula steps: a model saved by a workflow
// with a Formula node computes the same columns for new rows (without the target), and
// the bundled feature-engineering example runs headless.
#include "SextantProcess.h"
#include "io/ModelFile.h"
#include "ml/Transformer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sextant::engine;

class TestCliFormula : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sextantPredictAppliesFormulas()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // y = 3 * a / b + 2 exactly; the model sees only the ratio and the group.
        QFile csv(dir.filePath(QStringLiteral("train.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("a,b,kind,y\n");
        for (int i = 0; i < 60; ++i) {
            const double a = 1 + (i * 7) % 13, b = 1 + (i * 5) % 7;
            csv.write(QStringLiteral("%1,%2,%3,%4\n")
                          .arg(a)
                          .arg(b)
                          .arg(i % 2 ? QStringLiteral("Big") : QStringLiteral("small"))
                          .arg(3 * a / b + 2 + (i % 2 ? 5 : 0), 0, 'g', 17)
                          .toUtf8());
        }
        csv.close();
        QFile flow(dir.filePath(QStringLiteral("flow.sextant")));
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(R"JSON({"format": "sextant-workflow", "version": 1, "nodes": [
  {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "train.csv"}},
  {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": "y"}},
  {"id": 3, "type": "prep.formula", "position": [400, 0],
   "parameters": {"formulas": "ratio = a / b; big = if(lower(kind) == 'big', 1, 0)"}},
  {"id": 4, "type": "data.select", "position": [600, 0],
   "parameters": {"ignored": ["a", "b", "kind"]}},
  {"id": 5, "type": "model.linear_regression", "position": [800, 0]}],
 "connections": [
  {"from": 1, "output": "data", "to": 2, "input": "data"},
  {"from": 2, "output": "data", "to": 3, "input": "data"},
  {"from": 3, "output": "data", "to": 4, "input": "data"},
  {"from": 4, "output": "data", "to": 5, "input": "data"}]})JSON");
        flow.close();
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = sextant::testing::runSextant({ QStringLiteral("run"), flow.fileName(),
            QStringLiteral("--out"), out, QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QString modelPath = QDir(out).filePath(QStringLiteral("5-linear_regression.sxmodel"));
        // The model file round trip keeps the formula step.
        const Result<TrainedModelPtr> model = ModelFile::load(modelPath);
        QVERIFY2(model, qPrintable(model.error()));
        QCOMPARE(model.value()->preprocessing.size(), std::size_t(1));
        QCOMPARE(model.value()->preprocessing[0]->kind(), std::string("formula"));
        // New rows: no target, values never seen in training.
        QFile fresh(dir.filePath(QStringLiteral("new.csv")));
        QVERIFY(fresh.open(QIODevice::WriteOnly));
        fresh.write("a,b,kind\n20,4,small\n9,2,BIG\n1,8,small\n");
        fresh.close();
        const auto p = sextant::testing::runSextant(
            { QStringLiteral("predict"), modelPath, fresh.fileName() });
        QVERIFY2(p.exitCode == 0, qPrintable(p.err));
        const QStringList lines = p.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        const QStringList header = lines[0].split(QLatin1Char(','));
        const int col = static_cast<int>(header.indexOf(QStringLiteral("y (predicted)")));
        QVERIFY2(col >= 0, qPrintable(lines[0]));
        const double want[] = { 3 * 20.0 / 4 + 2, 3 * 9.0 / 2 + 7, 3 * 1.0 / 8 + 2 };
        for (int i = 0; i < 3; ++i) {
            const double got = lines[i + 1].split(QLatin1Char(','))[col].toDouble();
            QVERIFY2(std::fabs(got - want[i]) < 1e-6, qPrintable(lines[i + 1]));
        }
    }

    void exampleWorkflowRuns()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto r = sextant::testing::runSextant({ QStringLiteral("run"),
            QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/customers-features.sextant"),
            QStringLiteral("--out"), dir.path(), QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const auto firstLine = [&](const QString &prefix) {
            const QStringList files
                = QDir(dir.path()).entryList({ prefix + QStringLiteral("*.csv") });
            if (files.isEmpty())
                return QString();
            QFile f(QDir(dir.path()).filePath(files.first()));
            if (!f.open(QIODevice::ReadOnly))
                return QString();
            return QString::fromUtf8(f.readLine()).trimmed();
        };
        // The group-by of the engineered columns and the pivot of churn by age group.
        QCOMPARE(firstLine(QStringLiteral("13-")),
            QStringLiteral("age_group,plan,income_per_person_mean,income_per_person_median,"
                           "fee_share_mean,fee_share_median,rows"));
        QCOMPARE(firstLine(QStringLiteral("14-")), QStringLiteral("age_group,no,yes"));
        QVERIFY(!firstLine(QStringLiteral("10-")).isEmpty()); // the metrics
        QVERIFY(
            QFile::exists(QDir(dir.path()).filePath(QStringLiteral("8-random_forest.sxmodel"))));
    }
};

QTEST_GUILESS_MAIN(TestCliFormula)
#include "tst_cli_formula.moc"
