// `sextant run` on a workflow with the exploration and evaluation views: each sink's
// data as JSON/CSV (checked against numpy's figures for iris) and, in builds with the
// GUI, its plot as PNG and SVG drawn headless.
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
    {"id": 3, "type": "view.boxplot", "position": [400, -300],
     "parameters": {"columns": ["petal_length", "sepal_width"]}},
    {"id": 4, "type": "view.boxplot", "position": [400, -200], "parameters": {"violin": true}},
    {"id": 5, "type": "cluster.kmeans", "position": [400, -100], "parameters": {"k": 3, "seed": 1}},
    {"id": 6, "type": "view.silhouette", "position": [600, -100]},
    {"id": 7, "type": "data.split", "position": [400, 0], "parameters": {"test_ratio": 0.4, "seed": 7}},
    {"id": 8, "type": "model.logistic_regression", "position": [600, 0]},
    {"id": 9, "type": "eval.test", "position": [800, 0]},
    {"id": 10, "type": "view.calibration", "position": [1000, -50], "parameters": {"bins": 5}},
    {"id": 11, "type": "view.lift", "position": [1000, 50]},
    {"id": 12, "type": "data.rank_features", "position": [400, 150], "parameters": {"k": 2}},
    {"id": 13, "type": "view.ranking", "position": [600, 150]},
    {"id": 14, "type": "view.table", "position": [600, 250]},
    {"id": 15, "type": "view.scatter_matrix", "position": [400, 350]}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 2, "output": "data", "to": 4, "input": "data"},
    {"from": 2, "output": "data", "to": 5, "input": "data"},
    {"from": 5, "output": "data", "to": 6, "input": "data"},
    {"from": 2, "output": "data", "to": 7, "input": "data"},
    {"from": 7, "output": "train", "to": 8, "input": "data"},
    {"from": 8, "output": "model", "to": 9, "input": "model"},
    {"from": 7, "output": "test", "to": 9, "input": "data"},
    {"from": 9, "output": "predictions", "to": 10, "input": "predictions"},
    {"from": 9, "output": "predictions", "to": 11, "input": "predictions"},
    {"from": 2, "output": "data", "to": 12, "input": "data"},
    {"from": 12, "output": "scores", "to": 13, "input": "scores"},
    {"from": 12, "output": "data", "to": 14, "input": "data"},
    {"from": 2, "output": "data", "to": 15, "input": "data"}
  ]
})";

using sextant::testing::readAll;
using sextant::testing::readJson;

} // namespace

class TestCliViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void viewsWriteDataAndPlots()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"),
            dir.filePath(QStringLiteral("iris.csv"))));
        {
            QFile f(dir.filePath(QStringLiteral("views.sextant")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kWorkflow);
        }
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = runSextant({ QStringLiteral("run"),
            dir.filePath(QStringLiteral("views.sextant")), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

        // Box plot: numpy.percentile(setosa petal_length, [25, 50, 75]) = 1.4, 1.5, 1.575.
        const QJsonObject box = readJson(out + QStringLiteral("/3-boxplot.json"));
        QCOMPARE(box[QStringLiteral("split_column")].toString(), QStringLiteral("species"));
        const QJsonObject setosa = box[QStringLiteral("columns")]
                                       .toArray()[0]
                                       .toObject()[QStringLiteral("groups")]
                                       .toArray()[0]
                                       .toObject();
        QCOMPARE(setosa[QStringLiteral("group")].toString(), QStringLiteral("setosa"));
        QCOMPARE(setosa[QStringLiteral("count")].toInt(), 50);
        QCOMPARE(setosa[QStringLiteral("q1")].toDouble(), 1.4);
        QCOMPARE(setosa[QStringLiteral("median")].toDouble(), 1.5);
        QCOMPARE(setosa[QStringLiteral("q3")].toDouble(), 1.575);
        const QList<QByteArray> boxCsv
            = readAll(out + QStringLiteral("/3-boxplot.csv")).trimmed().split('\n');
        QCOMPARE(boxCsv.size(), 1 + 2 * 3);
        QVERIFY(boxCsv[0].startsWith("column,group,count,min,q1,median,q3"));
        const QJsonObject violin = readJson(out + QStringLiteral("/4-boxplot.json"));
        QVERIFY(violin[QStringLiteral("violin")].toBool());
        QCOMPARE(violin[QStringLiteral("columns")].toArray().size(), 4); // every numeric column

        // Silhouette of the k-means clusters: one value per row.
        const QJsonObject sil = readJson(out + QStringLiteral("/6-silhouette.json"));
        QCOMPARE(sil[QStringLiteral("rows_evaluated")].toInt(), 150);
        QVERIFY(sil[QStringLiteral("mean")].toDouble() > 0.4);
        QCOMPARE(
            readAll(out + QStringLiteral("/6-silhouette.csv")).trimmed().split('\n').size(), 151);

        // Calibration and gains, one curve per class (three classes: one-vs-rest).
        const QJsonObject cal = readJson(out + QStringLiteral("/10-calibration.json"));
        QCOMPARE(cal[QStringLiteral("kind")].toString(), QStringLiteral("calibration"));
        QCOMPARE(cal[QStringLiteral("curves")].toArray().size(), 3);
        const QJsonObject lift = readJson(out + QStringLiteral("/11-lift.json"));
        QCOMPARE(lift[QStringLiteral("kind")].toString(), QStringLiteral("gains"));
        const QJsonArray gains = lift[QStringLiteral("curves")]
                                     .toArray()[0]
                                     .toObject()[QStringLiteral("gains")]
                                     .toArray();
        QCOMPARE(gains.last().toDouble(), 1.0);

        // Ranking: petal measurements first; the table keeps them and the target.
        const QJsonObject rank = readJson(out + QStringLiteral("/13-ranking.json"));
        const QJsonArray rows = rank[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), 4);
        QVERIFY(rows[0].toObject()[QStringLiteral("label")].toString().startsWith(
            QStringLiteral("petal")));
        QCOMPARE(readAll(out + QStringLiteral("/14-table.csv")).split('\n').first().trimmed(),
            QByteArray("petal_length,petal_width,species"));

        // Scatter matrix: the four iris measurements by species, every row.
        const QJsonObject matrix = readJson(out + QStringLiteral("/15-scatter_matrix.json"));
        QCOMPARE(matrix[QStringLiteral("columns")].toArray().size(), 4);
        QCOMPARE(matrix[QStringLiteral("color_column")].toString(), QStringLiteral("species"));
        QCOMPARE(matrix[QStringLiteral("rows_drawn")].toInt(), 150);

        if (!QFile::exists(out + QStringLiteral("/3-boxplot.png")))
            QSKIP("engine-only build: no plots drawn");
        for (const char *base : { "3-boxplot", "4-boxplot", "6-silhouette", "10-calibration",
                 "11-lift", "13-ranking" }) {
            const QByteArray png
                = readAll(out + QLatin1Char('/') + QLatin1String(base) + QStringLiteral(".png"));
            QVERIFY2(png.startsWith("\x89PNG\r\n\x1a\n") && png.size() > 1000, base);
            const QByteArray svg
                = readAll(out + QLatin1Char('/') + QLatin1String(base) + QStringLiteral(".svg"));
            QVERIFY2(svg.contains("<svg") && svg.contains("</svg>"), base);
        }
    }

    void linePlotOfDates()
    {
        // A File node reading day-first dates (out of order, one missing), a Line Plot of
        // two series against them with a rolling mean of 2: rows sorted by date.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QFile f(dir.filePath(QStringLiteral("sales.csv")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("day,units,price\n"
                    "03/01/2024,30,1.5\n"
                    "01/01/2024,10,1.0\n"
                    "NA,99,9\n"
                    "02/01/2024,20,\n"
                    "25/01/2024,40,2.5\n");
        }
        {
            QFile f(dir.filePath(QStringLiteral("line.sextant")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"format": "sextant-workflow", "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0],
     "parameters": {"path": "sales.csv", "dates": "auto"}},
    {"id": 2, "type": "view.lineplot", "position": [200, 0],
     "parameters": {"rolling": 2}}],
  "connections": [{"from": 1, "output": "data", "to": 2, "input": "data"}]})");
        }
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = runSextant({ QStringLiteral("run"),
            dir.filePath(QStringLiteral("line.sextant")), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject line = readJson(out + QStringLiteral("/2-lineplot.json"));
        QCOMPARE(line[QStringLiteral("x")].toString(), QStringLiteral("day"));
        QVERIFY(line[QStringLiteral("x_is_date")].toBool());
        QCOMPARE(line[QStringLiteral("rows")].toInt(), 4);
        QCOMPARE(line[QStringLiteral("dropped_rows")].toInt(), 1);
        QCOMPARE(line[QStringLiteral("x_first")].toString(), QStringLiteral("2024-01-01"));
        QCOMPARE(line[QStringLiteral("x_last")].toString(), QStringLiteral("2024-01-25"));
        QCOMPARE(line[QStringLiteral("series")].toArray().size(), 2);
        const QList<QByteArray> csv
            = readAll(out + QStringLiteral("/2-lineplot.csv")).trimmed().split('\n');
        QCOMPARE(csv.size(), 5);
        QCOMPARE(csv[0].trimmed(),
            QByteArray("day,units,price,units (rolling mean 2),price (rolling mean 2)"));
        QCOMPARE(csv[1].trimmed(), QByteArray("2024-01-01,10,1,,"));
        QCOMPARE(csv[2].trimmed(), QByteArray("2024-01-02,20,,15,"));
        QCOMPARE(csv[3].trimmed(), QByteArray("2024-01-03,30,1.5,25,"));
        QCOMPARE(csv[4].trimmed(), QByteArray("2024-01-25,40,2.5,35,2"));
        if (!QFile::exists(out + QStringLiteral("/2-lineplot.png")))
            QSKIP("engine-only build: no plots drawn");
        const QByteArray png = readAll(out + QStringLiteral("/2-lineplot.png"));
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n") && png.size() > 1000);
        const QByteArray svg = readAll(out + QStringLiteral("/2-lineplot.svg"));
        QVERIFY(svg.contains("<svg") && svg.contains("2024"));
    }
};

QTEST_MAIN(TestCliViews)
#include "tst_cli_views.moc"
