// `sextant report`: a logistic regression saved by `sextant run` on part of iris, reported
// with the whole table as --data, as HTML and PDF. The figures in the report are checked
// against ones computed here from `sextant predict`'s output (accuracy, the confusion
// counts) and from `sextant monitor --json` (PSI); the HTML must be self-contained (images
// as data URIs, nothing fetched), the PDF must parse (pdfinfo, pdftotext from
// poppler-utils). Engine-only builds have no report command and say so.
#include "FileContents.h"
#include "SextantProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using sextant::testing::runSextant;

namespace {

const char *kWorkflow = R"({
  "format": "sextant-workflow",
  "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "iris.csv"}},
    {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": "species"}},
    {"id": 3, "type": "data.split", "position": [400, 0], "parameters": {"test_ratio": 0.4, "seed": 3}},
    {"id": 4, "type": "model.logistic_regression", "position": [600, 0]}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "train", "to": 4, "input": "data"}
  ]
})";

using sextant::testing::readAll;

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

class TestCliReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_data;
    double m_accuracy = 0;
    QList<QList<int>> m_confusion; // [true][predicted], classes in first-appearance order
    QStringList m_classes;
    double m_petalPsi = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("iris.csv"));
        QVERIFY(QFile::copy(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"), m_data));
        QFile f(m_dir.filePath(QStringLiteral("train.sextant")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kWorkflow);
        f.close();
        const QString out = m_dir.filePath(QStringLiteral("out"));
        const auto r
            = runSextant({ QStringLiteral("run"), f.fileName(), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList models = QDir(out).entryList({ QStringLiteral("4-*.sxmodel") });
        QCOMPARE(models.size(), 1);
        m_model = out + QLatin1Char('/') + models.first();

        // The figures the report must show, computed from sextant predict and monitor.
        const QString pred = m_dir.filePath(QStringLiteral("pred.csv"));
        const auto p = runSextant(
            { QStringLiteral("predict"), m_model, m_data, QStringLiteral("-o"), pred });
        QVERIFY2(p.exitCode == 0, qPrintable(p.err));
        // The prediction file holds the predicted column, row by row of the data.
        const QList<QByteArray> lines = readAll(pred).trimmed().split('\n');
        const QList<QByteArray> rows = readAll(m_data).trimmed().split('\n');
        QCOMPARE(lines.size(), rows.size());
        QCOMPARE(lines[0].trimmed(), QByteArray("species (predicted)"));
        const int truth = int(rows[0].trimmed().split(',').indexOf("species"));
        QVERIFY(truth >= 0);
        int right = 0;
        QList<QPair<QString, QString>> pairs;
        for (int i = 1; i < lines.size(); ++i) {
            const QString t = QString::fromUtf8(rows[i].trimmed().split(',')[truth]);
            const QString y = QString::fromUtf8(lines[i].trimmed());
            right += t == y ? 1 : 0;
            pairs.append({ t, y });
            if (!m_classes.contains(t))
                m_classes << t;
        }
        m_accuracy = double(right) / double(lines.size() - 1);
        for (int a = 0; a < m_classes.size(); ++a)
            m_confusion.append(QList<int>(m_classes.size(), 0));
        for (const auto &[t, y] : pairs)
            ++m_confusion[int(m_classes.indexOf(t))][int(m_classes.indexOf(y))];
        const auto mon
            = runSextant({ QStringLiteral("monitor"), m_model, m_data, QStringLiteral("--json") });
        const QJsonObject report = QJsonDocument::fromJson(mon.out.toUtf8()).object();
        for (const QJsonValue &v : report[QStringLiteral("features")].toArray())
            if (v.toObject()[QStringLiteral("name")].toString() == QStringLiteral("petal_length"))
                m_petalPsi = v.toObject()[QStringLiteral("psi")].toDouble();
        QVERIFY(m_petalPsi > 0);
    }

    void html()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.html"));
        const auto r = runSextant({ QStringLiteral("report"), m_model, QStringLiteral("--data"),
            m_data, QStringLiteral("--out"), path });
        if (r.exitCode == 1 && r.err.contains(QStringLiteral("no studio")))
            QSKIP("engine-only build: no report command");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString html = QString::fromUtf8(readAll(path));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("Logistic Regression")));
        // The metrics, the confusion counts and the drift, as computed above.
        QVERIFY2(html.contains(QStringLiteral("<td>accuracy</td><td>%1</td>").arg(num(m_accuracy))),
            qPrintable(num(m_accuracy)));
        for (int a = 0; a < m_classes.size(); ++a) {
            QString row = QStringLiteral("<tr><td>%1</td>").arg(m_classes[a]);
            for (int b = 0; b < m_classes.size(); ++b)
                row += QStringLiteral("<td>%1</td>").arg(m_confusion[a][b]);
            QVERIFY2(html.contains(row + QStringLiteral("</tr>")), qPrintable(row));
        }
        QVERIFY2(
            html.contains(QStringLiteral("<td>petal_length</td><td>numeric</td>")), "drift row");
        QVERIFY2(html.contains(QStringLiteral("<td>%1</td>").arg(num(m_petalPsi))), "PSI");
        // Self-contained: every image is a data URI (importances, confusion, ROC, drift).
        const QRegularExpression img(QStringLiteral("<img src=\"([^\"]*)\""));
        int images = 0;
        for (auto it = img.globalMatch(html); it.hasNext(); ++images)
            QVERIFY(it.next().captured(1).startsWith(QStringLiteral("data:image/png;base64,")));
        QCOMPARE(images, 4);
        QVERIFY(!html.contains(QStringLiteral("http://"))
            && !html.contains(QStringLiteral("https://")));
        // Without --data: the model sections only.
        const QString plain = m_dir.filePath(QStringLiteral("model.html"));
        QCOMPARE(runSextant({ QStringLiteral("report"), m_model, QStringLiteral("--out"), plain })
                     .exitCode,
            0);
        QVERIFY(!readAll(plain).contains("Confusion matrix"));
        QVERIFY(readAll(plain).contains("Training data"));
    }

    void pdf()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        const auto r = runSextant({ QStringLiteral("report"), m_model, QStringLiteral("--data"),
            m_data, QStringLiteral("--out"), path });
        if (r.exitCode == 1 && r.err.contains(QStringLiteral("no studio")))
            QSKIP("engine-only build: no report command");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(readAll(path).startsWith("%PDF-"));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            if (qEnvironmentVariableIntValue("SEXTANT_REQUIRE_REFERENCES") == 1)
                QFAIL("pdftotext (poppler-utils) is missing");
            QSKIP("pdftotext (poppler-utils) is missing: the PDF's text is not checked");
        }
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), { path });
        QVERIFY(info.waitForFinished(60000));
        const QString meta = QString::fromUtf8(info.readAllStandardOutput());
        const QRegularExpressionMatch pages
            = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(meta);
        QVERIFY2(pages.hasMatch() && pages.captured(1).toInt() >= 2, qPrintable(meta));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(60000));
        const QString body = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(body.contains(QStringLiteral("Model report")));
        QVERIFY2(body.contains(num(m_accuracy)), qPrintable(num(m_accuracy)));
        QVERIFY2(body.contains(num(m_petalPsi)), "PSI");
    }

    void refusals()
    {
        const auto usage = runSextant({ QStringLiteral("report"), m_model });
        if (usage.exitCode == 1 && usage.err.contains(QStringLiteral("no studio")))
            QSKIP("engine-only build: no report command");
        QCOMPARE(usage.exitCode, 2);
        const auto suffix = runSextant({ QStringLiteral("report"), m_model, QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("r.docx")) });
        QCOMPARE(suffix.exitCode, 2);
        const QString bad = m_dir.filePath(QStringLiteral("bad.sxmodel"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        const auto r = runSextant({ QStringLiteral("report"), bad, QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("bad.html")) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.html"))));
    }
};

QTEST_MAIN(TestCliReport)
#include "tst_cli_report.moc"
