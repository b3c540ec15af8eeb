// The Drift node and the Drift view in `sextant run`: a logistic regression trained on part
// of iris, compared with the held-out rows (no drift) and with the rows of petal length
// above 4 (drift). The figures are checked against `sextant monitor --json` on the saved
// model and the same rows, and the report table's drifted flags against the verdicts; in
// builds with the GUI the view is drawn headless as PNG and SVG.
#include "FileContents.h"
#include "SextantProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    {"id": 3, "type": "data.split", "position": [400, 0], "parameters": {"test_ratio": 0.4, "seed": 7}},
    {"id": 4, "type": "model.logistic_regression", "position": [600, 0]},
    {"id": 5, "type": "view.drift", "position": [800, -100]},
    {"id": 6, "type": "view.table", "position": [800, 0]},
    {"id": 7, "type": "data.filter", "position": [600, 200], "parameters": {"condition": "petal_length > 4"}},
    {"id": 8, "type": "view.drift", "position": [800, 200]},
    {"id": 9, "type": "model.drift", "position": [800, 300]},
    {"id": 10, "type": "view.table", "position": [1000, 300]},
    {"id": 11, "type": "view.table", "position": [800, 400]}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "train", "to": 4, "input": "data"},
    {"from": 4, "output": "model", "to": 5, "input": "model"},
    {"from": 3, "output": "test", "to": 5, "input": "data"},
    {"from": 3, "output": "test", "to": 6, "input": "data"},
    {"from": 2, "output": "data", "to": 7, "input": "data"},
    {"from": 4, "output": "model", "to": 8, "input": "model"},
    {"from": 7, "output": "data", "to": 8, "input": "data"},
    {"from": 4, "output": "model", "to": 9, "input": "model"},
    {"from": 7, "output": "data", "to": 9, "input": "data"},
    {"from": 9, "output": "report", "to": 10, "input": "data"},
    {"from": 7, "output": "data", "to": 11, "input": "data"}
  ]
})";

using sextant::testing::readAll;
using sextant::testing::readJson;

QJsonObject feature(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &v : report[QStringLiteral("features")].toArray())
        if (v.toObject()[QStringLiteral("name")].toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliDrift : public QObject {
    Q_OBJECT

    // The view's report equals sextant monitor's on the same model and rows.
    void sameAsMonitor(const QString &view, const QString &model, const QString &rows)
    {
        const QJsonObject fromRun = readJson(view);
        QVERIFY2(!fromRun.isEmpty(), qPrintable(view));
        const auto m
            = runSextant({ QStringLiteral("monitor"), model, rows, QStringLiteral("--json") });
        QVERIFY2(m.exitCode == 0 || m.exitCode == 3, qPrintable(m.err));
        const QJsonObject fromMonitor = QJsonDocument::fromJson(m.out.toUtf8()).object();
        QCOMPARE(fromRun[QStringLiteral("drift")].toBool(),
            fromMonitor[QStringLiteral("drift")].toBool());
        QCOMPARE(m.exitCode == 3, fromMonitor[QStringLiteral("drift")].toBool());
        const QJsonArray features = fromMonitor[QStringLiteral("features")].toArray();
        QCOMPARE(fromRun[QStringLiteral("features")].toArray().size(), features.size());
        QVERIFY(features.size() == 4);
        for (const QJsonValue &v : features) {
            const QJsonObject a = v.toObject();
            const QJsonObject b = feature(fromRun, a[QStringLiteral("name")].toString());
            for (const char *key : { "psi", "ks", "ks_p_value", "missing_rate" })
                QCOMPARE(b[QLatin1String(key)].toDouble(), a[QLatin1String(key)].toDouble());
            QCOMPARE(
                b[QStringLiteral("verdict")].toString(), a[QStringLiteral("verdict")].toString());
        }
    }

private Q_SLOTS:
    void driftViewsAndReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"),
            dir.filePath(QStringLiteral("iris.csv"))));
        {
            QFile f(dir.filePath(QStringLiteral("drift.sextant")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kWorkflow);
        }
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = runSextant({ QStringLiteral("run"),
            dir.filePath(QStringLiteral("drift.sextant")), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList models = QDir(out).entryList({ QStringLiteral("4-*.sxmodel") });
        QCOMPARE(models.size(), 1);
        const QString model = out + QLatin1Char('/') + models.first();

        // Held-out rows of the same data: the same figures as sextant monitor (60 rows
        // against 90: PSI over 10 bins is noisy, so other features may warn or drift).
        sameAsMonitor(
            out + QStringLiteral("/5-drift.json"), model, out + QStringLiteral("/6-table.csv"));
        const QJsonObject held = readJson(out + QStringLiteral("/5-drift.json"));
        QCOMPARE(held[QStringLiteral("rows")].toInt(), 60);
        const QJsonObject heldPetal = feature(held, QStringLiteral("petal_length"));
        QCOMPARE(heldPetal[QStringLiteral("verdict")].toString(), QStringLiteral("stable"));

        // Long petals only: the petal columns drift (PSI far above 0.25).
        sameAsMonitor(
            out + QStringLiteral("/8-drift.json"), model, out + QStringLiteral("/11-table.csv"));
        const QJsonObject shifted = readJson(out + QStringLiteral("/8-drift.json"));
        QVERIFY(shifted[QStringLiteral("drift")].toBool());
        const QJsonObject petal = feature(shifted, QStringLiteral("petal_length"));
        QCOMPARE(petal[QStringLiteral("verdict")].toString(), QStringLiteral("drift"));
        QVERIFY(petal[QStringLiteral("psi")].toDouble() > 0.25);
        QVERIFY(petal[QStringLiteral("psi")].toDouble()
            > 10 * heldPetal[QStringLiteral("psi")].toDouble());

        // The Drift node's report table: one row per feature and one for the predictions,
        // the drifted flag 1 exactly where the verdict is drift.
        const QList<QByteArray> lines
            = readAll(out + QStringLiteral("/10-table.csv")).trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 4 + 1);
        const QList<QByteArray> header = lines[0].trimmed().split(',');
        const int verdict = int(header.indexOf("verdict"));
        const int drifted = int(header.indexOf("drifted"));
        const int psi = int(header.indexOf("psi"));
        QVERIFY(verdict >= 0 && drifted >= 0 && psi >= 0);
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].trimmed().split(',');
            QCOMPARE(cells[drifted] == "1", cells[verdict] == "drift");
            if (cells[0] == "petal_length")
                QCOMPARE(cells[psi].toDouble(), petal[QStringLiteral("psi")].toDouble());
        }
        QCOMPARE(readAll(out + QStringLiteral("/8-drift.csv")).trimmed().split('\n').size(), 6);

        if (!QFile::exists(out + QStringLiteral("/5-drift.png")))
            QSKIP("engine-only build: no plots drawn");
        for (const char *base : { "5-drift", "8-drift" }) {
            const QByteArray png
                = readAll(out + QLatin1Char('/') + QLatin1String(base) + QStringLiteral(".png"));
            QVERIFY2(png.startsWith("\x89PNG\r\n\x1a\n") && png.size() > 1000, base);
            const QByteArray svg
                = readAll(out + QLatin1Char('/') + QLatin1String(base) + QStringLiteral(".svg"));
            QVERIFY2(svg.contains("<svg") && svg.contains("</svg>"), base);
        }
    }
};

QTEST_MAIN(TestCliDrift)
#include "tst_cli_drift.moc"
