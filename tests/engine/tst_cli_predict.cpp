// `sextant predict`, `sextant export-onnx` and the models `sextant run` writes: runs the
// real executable and compares with the model applied in-process.
#include "FileContents.h"
#include "SextantProcess.h"
#include "data/DatasetLoader.h"
#include "io/ModelFile.h"
#include "io/OnnxExport.h"
#include "ml/OneHotTransform.h"
#include "ml/StandardizeTransform.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>

using namespace sextant::engine;

namespace {

using Run = sextant::testing::SextantRun;
using sextant::testing::runSextant;

QString datasetPath(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + QLatin1String(name);
}

using sextant::testing::readAll;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

// CSV without quoting (what these tests write and read): lines of fields.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows.append(line.trimmed().split(QLatin1Char(',')));
    return rows;
}

Dataset load(const QString &path, const QString &target)
{
    LoadResult r = DatasetLoader::load(path);
    if (!r.ok())
        qFatal("cannot load %s", qPrintable(path));
    Dataset data = *r.dataset;
    for (int c = 0; c < data.columnCount(); ++c)
        data.setRole(c, data.column(c).name() == target ? ColumnRole::Target : ColumnRole::Feature);
    return data;
}

Dataset applyStep(const Dataset &data, std::unique_ptr<Transformer> step)
{
    step->fit(data, FitContext {});
    std::shared_ptr<const Transformer> fitted(std::move(step));
    Dataset out = fitted->transform(data);
    out.appendPreprocessing(fitted);
    return out;
}

std::shared_ptr<TrainedModel> fit(const char *learner, const Dataset &data)
{
    const NodeType *type = BuiltinNodes::registry().find(QString::fromLatin1(learner));
    const Learner *spec = LearnerRegistry::byNodeId(QString::fromLatin1(learner));
    if (!type || !spec)
        qFatal("no learner %s", learner);
    return LearnerNode::fit(*spec, type->defaultParameters(), data, nullptr, FitContext {});
}

// A CSV text with one column changed or dropped by `edit(row, fields)` (row -1: header).
QByteArray editCsv(const QString &path, const std::function<void(int, QStringList &)> &edit)
{
    const QList<QByteArray> lines = readAll(path).split('\n');
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        QStringList fields = QString::fromUtf8(lines[i].trimmed()).split(QLatin1Char(','));
        edit(int(i) - 1, fields);
        out += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return out;
}

} // namespace

class TestCliPredict : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        BuiltinNodes::registry();

        // Logistic regression on standardised iris.
        const Dataset iris = load(datasetPath("iris.csv"), QStringLiteral("species"));
        m_iris = fit(
            "model.logistic_regression", applyStep(iris, std::make_unique<StandardizeTransform>()));
        QVERIFY(m_iris);
        m_irisModel = m_dir.filePath(QStringLiteral("iris.sxmodel"));
        QVERIFY(ModelFile::save(*m_iris, m_irisModel));

        // Linear regression on diabetes with "sex" as text categories, one-hot encoded.
        m_diabetesCsv = m_dir.filePath(QStringLiteral("diabetes-cat.csv"));
        writeFile(m_diabetesCsv, editCsv(datasetPath("diabetes.csv"), [](int row, QStringList &f) {
            if (row >= 0)
                f[1] = f[1].toDouble() == 1.0 ? QStringLiteral("F") : QStringLiteral("M");
        }));
        const Dataset diabetes = load(m_diabetesCsv, QStringLiteral("progression"));
        QVERIFY(diabetes.column(diabetes.indexOf(QStringLiteral("sex"))).isCategorical());
        m_diabetes = fit(
            "model.linear_regression", applyStep(diabetes, std::make_unique<OneHotTransform>()));
        QVERIFY(m_diabetes);
        m_diabetesModel = m_dir.filePath(QStringLiteral("diabetes.sxmodel"));
        QVERIFY(ModelFile::save(*m_diabetes, m_diabetesModel));
    }

    void predictionsMatchInProcess()
    {
        const QString out = m_dir.filePath(QStringLiteral("pred.csv"));
        const Run r = runSextant({ QStringLiteral("predict"), m_irisModel, datasetPath("iris.csv"),
            QStringLiteral("-o"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(readAll(out)));
        const Prediction p = m_iris->predict(load(datasetPath("iris.csv"), {}));
        QCOMPARE(rows.size(), p.predicted.size() + 1);
        QCOMPARE(rows[0], QStringList { QStringLiteral("species (predicted)") });
        for (Eigen::Index i = 0; i < p.predicted.size(); ++i)
            QCOMPARE(rows[i + 1][0], p.classNames[int(p.predicted(i))]);

        // The same on standard output.
        const Run s
            = runSextant({ QStringLiteral("predict"), m_irisModel, datasetPath("iris.csv") });
        QCOMPARE(s.exitCode, 0);
        QCOMPARE(s.out.toUtf8(), readAll(out));
    }

    void probabilityColumns()
    {
        const Run r = runSextant({ QStringLiteral("predict"), m_irisModel, datasetPath("iris.csv"),
            QStringLiteral("--proba") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QStringList> rows = parseCsv(r.out);
        QCOMPARE(rows[0],
            (QStringList { QStringLiteral("species (predicted)"), QStringLiteral("P(setosa)"),
                QStringLiteral("P(versicolor)"), QStringLiteral("P(virginica)") }));
        const Prediction p = m_iris->predict(load(datasetPath("iris.csv"), {}));
        QCOMPARE(rows.size(), p.probabilities.rows() + 1);
        for (Eigen::Index i = 0; i < p.probabilities.rows(); ++i)
            for (Eigen::Index k = 0; k < 3; ++k) {
                const double v = rows[i + 1][k + 1].toDouble();
                const double expected = p.probabilities(i, k);
                // Shortest round-trip text: the very same double.
                QVERIFY2(std::memcmp(&v, &expected, sizeof v) == 0,
                    qPrintable(
                        QStringLiteral("row %1 P%2: %3 vs %4").arg(i).arg(k).arg(v).arg(expected)));
            }
    }

    void regressionValuesAndUnseenCategory()
    {
        // A row with a category never seen at fit ("X") is encoded as all zeros.
        const QString csv = m_dir.filePath(QStringLiteral("diabetes-unseen.csv"));
        writeFile(csv, editCsv(m_diabetesCsv, [](int row, QStringList &f) {
            if (row == 2)
                f[1] = QStringLiteral("X");
        }));
        const Run r = runSextant({ QStringLiteral("predict"), m_diabetesModel, csv });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QStringList> rows = parseCsv(r.out);
        QCOMPARE(rows[0], QStringList { QStringLiteral("progression (predicted)") });
        const Prediction p = m_diabetes->predict(load(csv, {}));
        QCOMPARE(rows.size(), p.predicted.size() + 1);
        for (Eigen::Index i = 0; i < p.predicted.size(); ++i) {
            const double v = rows[i + 1][0].toDouble();
            QVERIFY(std::memcmp(&v, &p.predicted(i), sizeof v) == 0);
        }
        // The unseen row differs from the same row with its real category.
        const Prediction known = m_diabetes->predict(load(m_diabetesCsv, {}));
        QVERIFY(known.predicted(2) != p.predicted(2));
        QCOMPARE(known.predicted(3), p.predicted(3));
    }

    void missingColumn()
    {
        const QString csv = m_dir.filePath(QStringLiteral("iris-missing.csv"));
        writeFile(
            csv, editCsv(datasetPath("iris.csv"), [](int, QStringList &f) { f.removeAt(3); }));
        const QString out = m_dir.filePath(QStringLiteral("never.csv"));
        const Run r = runSextant(
            { QStringLiteral("predict"), m_irisModel, csv, QStringLiteral("-o"), out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("petal_width_cm")), qPrintable(r.err));
        QVERIFY2(r.err.contains(csv), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(out));
    }

    void mistypedColumn()
    {
        const QString csv = m_dir.filePath(QStringLiteral("iris-text.csv"));
        writeFile(csv, editCsv(datasetPath("iris.csv"), [](int row, QStringList &f) {
            if (row == 5)
                f[1] = QStringLiteral("wide");
        }));
        const Run r = runSextant({ QStringLiteral("predict"), m_irisModel, csv });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("sepal_width_cm")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("numeric")), qPrintable(r.err));
    }

    void corruptModel()
    {
        QByteArray bytes = readAll(m_irisModel);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x04);
        const QString bad = m_dir.filePath(QStringLiteral("bad.sxmodel"));
        writeFile(bad, bytes);
        Run r = runSextant({ QStringLiteral("predict"), bad, datasetPath("iris.csv") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("checksum")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        // Not a model at all, and no file.
        r = runSextant(
            { QStringLiteral("predict"), datasetPath("iris.csv"), datasetPath("iris.csv") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not a Sextant model file")), qPrintable(r.err));
        const QString none = m_dir.filePath(QStringLiteral("none.sxmodel"));
        r = runSextant({ QStringLiteral("predict"), none, datasetPath("iris.csv") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(none), qPrintable(r.err));
        // A missing data file.
        const QString noData = m_dir.filePath(QStringLiteral("none.csv"));
        r = runSextant({ QStringLiteral("predict"), m_irisModel, noData });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(noData), qPrintable(r.err));
    }

    void usageErrors()
    {
        Run r = runSextant({ QStringLiteral("predict") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage: sextant predict")));
        r = runSextant({ QStringLiteral("predict"), m_irisModel, datasetPath("iris.csv"),
            QStringLiteral("--bogus") });
        QCOMPARE(r.exitCode, 2);
        r = runSextant({ QStringLiteral("predict"), m_irisModel, datasetPath("iris.csv"),
            QStringLiteral("-o") });
        QCOMPARE(r.exitCode, 2);
        r = runSextant({ QStringLiteral("export-onnx"), m_irisModel });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("-o")));
        r = runSextant({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("predict MODEL.sxmodel DATA")));
        QVERIFY(r.out.contains(QStringLiteral("export-onnx MODEL.sxmodel -o MODEL.onnx")));
    }

    void exportOnnx()
    {
        const QString onnx = m_dir.filePath(QStringLiteral("iris.onnx"));
        Run r = runSextant(
            { QStringLiteral("export-onnx"), m_irisModel, QStringLiteral("-o"), onnx });
        if (OnnxExport::available()) {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(OnnxExport::check(readAll(onnx)));
            // A one-hot step exports (its column as a category index).
            const QString oneHot = m_dir.filePath(QStringLiteral("diabetes.onnx"));
            const Run d = runSextant(
                { QStringLiteral("export-onnx"), m_diabetesModel, QStringLiteral("-o"), oneHot });
            QVERIFY2(d.exitCode == 0, qPrintable(d.err));
            QVERIFY(OnnxExport::check(readAll(oneHot)));
            // A model ONNX cannot express (clustering) is refused with a message.
            const QString kmeansModel = m_dir.filePath(QStringLiteral("kmeans.sxmodel"));
            QVERIFY(ModelFile::save(
                *fit("cluster.kmeans", load(datasetPath("iris.csv"), QStringLiteral("species"))),
                kmeansModel));
            const QString refused = m_dir.filePath(QStringLiteral("kmeans.onnx"));
            const Run k = runSextant(
                { QStringLiteral("export-onnx"), kmeansModel, QStringLiteral("-o"), refused });
            QCOMPARE(k.exitCode, 1);
            QVERIFY2(k.err.contains(kmeansModel)
                    && k.err.contains(QStringLiteral("cannot be expressed")),
                qPrintable(k.err));
            QVERIFY(!QFile::exists(refused));
        } else {
            // Builds without ONNX support say so, naming the model.
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(m_irisModel), qPrintable(r.err));
            QVERIFY(!QFile::exists(onnx));
        }
        const QString bad = m_dir.filePath(QStringLiteral("bad-onnx.sxmodel"));
        writeFile(bad, readAll(m_irisModel).left(100));
        r = runSextant({ QStringLiteral("export-onnx"), bad, QStringLiteral("-o"),
            onnx + QStringLiteral("2") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad), qPrintable(r.err));
    }

    void runWritesModels()
    {
        const QString out = m_dir.filePath(QStringLiteral("wine-run"));
        const Run r = runSextant({ QStringLiteral("run"),
            QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/wine-classify.sextant"),
            QStringLiteral("--out"), out, QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList expected = { QStringLiteral("5-logistic_regression.sxmodel"),
            QStringLiteral("6-random_forest.sxmodel"), QStringLiteral("13-mlp.sxmodel") };
        const QJsonObject report
            = QJsonDocument::fromJson(readAll(QDir(out).filePath(QStringLiteral("run.json"))))
                  .object();
        QStringList listed;
        for (const QJsonValue &n : report.value(QStringLiteral("nodes")).toArray())
            for (const QJsonValue &f : n.toObject().value(QStringLiteral("files")).toArray())
                if (f.toString().endsWith(QLatin1String(".sxmodel")))
                    listed.append(f.toString());
        listed.sort();
        QStringList sortedExpected = expected;
        sortedExpected.sort();
        QCOMPARE(listed, sortedExpected);
        for (const QString &name : expected) {
            const QString path = QDir(out).filePath(name);
            const Result<TrainedModelPtr> model = ModelFile::load(path);
            QVERIFY2(model, qPrintable(model.error()));
            QCOMPARE(model.value()->target.name(), QStringLiteral("cultivar"));
        }
        // With export_onnx set, the node's model is also written as ONNX.
        if (OnnxExport::available()) {
            const QString out2 = m_dir.filePath(QStringLiteral("wine-run-onnx"));
            const Run o = runSextant({ QStringLiteral("run"),
                QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/wine-classify.sextant"),
                QStringLiteral("--out"), out2, QStringLiteral("--quiet"), QStringLiteral("--set"),
                QStringLiteral("5.export_onnx=true") });
            QVERIFY2(o.exitCode == 0, qPrintable(o.err));
            QVERIFY(
                QFile::exists(QDir(out2).filePath(QStringLiteral("5-logistic_regression.onnx"))));
            QVERIFY(!QFile::exists(QDir(out2).filePath(QStringLiteral("6-random_forest.onnx"))));
            const QByteArray json = readAll(QDir(out2).filePath(QStringLiteral("run.json")));
            QVERIFY(json.contains("\"5-logistic_regression.onnx\""));
        }
        // And one of them predicts from the command line.
        const Run p = runSextant({ QStringLiteral("predict"), QDir(out).filePath(expected[0]),
            datasetPath("wine.csv") });
        QVERIFY2(p.exitCode == 0, qPrintable(p.err));
        QCOMPARE(parseCsv(p.out).size(), 179);
    }

    void workflowReadsModelFile()
    {
        // data.model_file -> eval.test: a saved model back in a workflow.
        const QString flow = m_dir.filePath(QStringLiteral("reuse.sextant"));
        const QString text = QStringLiteral(R"({
  "format": "sextant-workflow",
  "version": 1,
  "nodes": [
    {"id": 1, "type": "data.model_file", "position": [0, 0], "parameters": {"path": "iris.sxmodel"}},
    {"id": 2, "type": "data.file", "position": [0, 100], "parameters": {"path": "%1"}},
    {"id": 3, "type": "eval.test", "position": [200, 0]},
    {"id": 4, "type": "view.metrics", "position": [400, 0]}
  ],
  "connections": [
    {"from": 1, "output": "model", "to": 3, "input": "model"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "metrics", "to": 4, "input": "metrics"}
  ]
})")
                                 .arg(datasetPath("iris.csv"));
        writeFile(flow, text.toUtf8());
        const QString out = m_dir.filePath(QStringLiteral("reuse-out"));
        // The data file is outside the workflow's folder: allowed, the workflow is ours.
        Run r = runSextant({ QStringLiteral("run"), flow, QStringLiteral("--out"), out,
            QStringLiteral("--quiet"), QStringLiteral("--allow-outside-paths") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("4-metrics.json"))));
        QVERIFY(readAll(QDir(out).filePath(QStringLiteral("4-metrics.json"))).contains("accuracy"));

        // A corrupt model file fails that node with ModelFile's message.
        QByteArray bytes = readAll(m_irisModel);
        bytes[200] = char(bytes[200] ^ 0x01);
        const QString flow2 = m_dir.filePath(QStringLiteral("reuse-bad.sextant"));
        writeFile(m_dir.filePath(QStringLiteral("iris-bad.sxmodel")), bytes);
        writeFile(flow2, text.toUtf8().replace("iris.sxmodel", "iris-bad.sxmodel"));
        r = runSextant({ QStringLiteral("run"), flow2, QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("reuse-bad-out")), QStringLiteral("--quiet"),
            QStringLiteral("--allow-outside-paths") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("data.model_file")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("checksum")), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<TrainedModel> m_iris;
    std::shared_ptr<TrainedModel> m_diabetes;
    QString m_irisModel;
    QString m_diabetesModel;
    QString m_diabetesCsv;
};

QTEST_GUILESS_MAIN(TestCliPredict)
#include "tst_cli_predict.moc"
