// `sextant run`: runs the real executable on workflows and checks what it wrote.
#include "FileContents.h"
#include "SextantProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <vector>

namespace {

using Run = sextant::testing::SextantRun;
Run runSextant(const QStringList &args, const QString &workingDirectory = {})
{
    return sextant::testing::runSextant(args, { workingDirectory });
}

QString example()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris-explore.sextant");
}

QString workflowFixture(const char *name)
{
    return QStringLiteral(SEXTANT_TEST_DATA_DIR "/workflows/") + QLatin1String(name);
}

using sextant::testing::readAll;
using sextant::testing::readJson;

QList<QByteArray> lines(const QString &path)
{
    QList<QByteArray> ls = readAll(path).split('\n');
    if (!ls.isEmpty() && ls.back().isEmpty())
        ls.removeLast();
    return ls;
}

// iris.csv read here, independently of the engine (the file has no quoting).
struct Iris {
    std::vector<double> petalLength, petalWidth;
    int rows = 0;
};

Iris readIris()
{
    Iris iris;
    const QList<QByteArray> ls
        = readAll(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv")).split('\n');
    for (qsizetype i = 1; i < ls.size(); ++i) {
        const QList<QByteArray> f = ls[i].trimmed().split(',');
        if (f.size() != 5)
            continue;
        iris.petalLength.push_back(f[2].toDouble());
        iris.petalWidth.push_back(f[3].toDouble());
        ++iris.rows;
    }
    return iris;
}

// numpy.histogram's rule: equal-width bins over [min, max], the last bin includes max.
std::vector<qint64> histogram(const std::vector<double> &v, int bins)
{
    const double lo = *std::min_element(v.begin(), v.end());
    const double hi = *std::max_element(v.begin(), v.end());
    std::vector<qint64> counts(static_cast<std::size_t>(bins), 0);
    for (double x : v) {
        int b = static_cast<int>((x - lo) / (hi - lo) * bins);
        b = std::clamp(b, 0, bins - 1);
        ++counts[static_cast<std::size_t>(b)];
    }
    return counts;
}

double pearson(const std::vector<double> &a, const std::vector<double> &b)
{
    const double n = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

// A two-node workflow (File -> Table) reading `path`, written to `flowPath`.
void writeFileFlow(
    const QString &flowPath, const QString &path, const QString &type = QStringLiteral("data.file"))
{
    QFile flow(flowPath);
    if (!flow.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(flowPath));
    const bool model = type == QLatin1String("data.model_file");
    flow.write(
        QStringLiteral(R"({"format": "sextant-workflow", "version": 1,
  "nodes": [
    {"id": 1, "type": "%1", "position": [0, 0], "parameters": {"path": "%2"}}%3
  ],
  "connections": [%4]})")
            .arg(type, path,
                model
                    ? QString()
                    : QStringLiteral(R"(, {"id": 2, "type": "view.table", "position": [200, 0]})"),
                model
                    ? QString()
                    : QStringLiteral(R"({"from": 1, "output": "data", "to": 2, "input": "data"})"))
            .toUtf8());
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exampleRunsAndWritesEveryOutput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("out")); // created by the run
        const Run r
            = runSextant({ QStringLiteral("run"), example(), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        // No errors or warnings of ours (a GUI build's Qt may note its runtime dir).
        QVERIFY2(!r.err.contains(QStringLiteral("sextant"))
                && !r.err.contains(QStringLiteral("warning:")),
            qPrintable(r.err));

        // One progress line per node.
        for (int k = 1; k <= 6; ++k)
            QVERIFY2(r.out.contains(QStringLiteral("[%1/6] ").arg(k)), qPrintable(r.out));
        // The node's name as the studio shows it (capitalised, in the user's language).
        QVERIFY2(r.out.contains(QStringLiteral(" Histogram (view.histogram) running\u2026 done ")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("OK: 6 of 6 nodes done")));

        const Iris iris = readIris();
        QCOMPARE(iris.rows, 150);

        // Table: header and every row.
        const QList<QByteArray> table = lines(out + QStringLiteral("/3-table.csv"));
        QCOMPARE(table.size(), 151);
        QCOMPARE(
            table.front(), QByteArray("sepal_length,sepal_width,petal_length,petal_width,species"));
        QCOMPARE(table.at(1), QByteArray("5.1,3.5,1.4,0.2,setosa"));
        QCOMPARE(table.back(), QByteArray("5.9,3,5.1,1.8,virginica"));

        // Histogram of petal_length, 10 bins.
        const QJsonObject h = readJson(out + QStringLiteral("/4-histogram.json"));
        QCOMPARE(h.value(QStringLiteral("column")).toString(), QStringLiteral("petal_length"));
        const QJsonArray counts = h.value(QStringLiteral("counts")).toArray();
        QCOMPARE(counts.size(), 10);
        const std::vector<qint64> expected = histogram(iris.petalLength, 10);
        qint64 sum = 0;
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(counts[i].toInteger(), expected[static_cast<std::size_t>(i)]);
            sum += counts[i].toInteger();
        }
        QCOMPARE(sum, 150);
        QCOMPARE(h.value(QStringLiteral("total")).toInteger(), 150);
        const QJsonArray edges = h.value(QStringLiteral("edges")).toArray();
        QCOMPARE(edges.size(), 11);
        QCOMPARE(edges.first().toDouble(), 1.0);
        QCOMPARE(edges.last().toDouble(), 6.9);
        const QList<QByteArray> hcsv = lines(out + QStringLiteral("/4-histogram.csv"));
        QCOMPARE(hcsv.size(), 11);
        QCOMPARE(hcsv.front(), QByteArray("lower,upper,count"));
        QVERIFY(hcsv.at(1).startsWith("1,"));

        // Correlation: the 4 numeric columns; petal_length/petal_width as pandas' corr().
        const QJsonObject c = readJson(out + QStringLiteral("/5-correlation.json"));
        const QJsonArray names = c.value(QStringLiteral("columns")).toArray();
        QCOMPARE(names.size(), 4);
        QCOMPARE(names[2].toString(), QStringLiteral("petal_length"));
        QCOMPARE(names[3].toString(), QStringLiteral("petal_width"));
        const QJsonArray matrix = c.value(QStringLiteral("matrix")).toArray();
        QCOMPARE(matrix.size(), 4);
        const double r23 = matrix[2].toArray()[3].toDouble();
        QVERIFY2(
            std::abs(r23 - 0.9628654314027961) < 1e-9, qPrintable(QString::number(r23, 'g', 17)));
        QVERIFY(std::abs(r23 - pearson(iris.petalLength, iris.petalWidth)) < 1e-12);
        QCOMPARE(matrix[3].toArray()[2].toDouble(), r23);
        QCOMPARE(matrix[1].toArray()[1].toDouble(), 1.0);
        const QList<QByteArray> ccsv = lines(out + QStringLiteral("/5-correlation.csv"));
        QCOMPARE(ccsv.size(), 5);
        QCOMPARE(
            ccsv.front(), QByteArray("column,sepal_length,sepal_width,petal_length,petal_width"));

        // Scatter: one point per row, coloured by species.
        const QJsonObject s = readJson(out + QStringLiteral("/6-scatter.json"));
        QCOMPARE(s.value(QStringLiteral("x_column")).toString(), QStringLiteral("petal_length"));
        QCOMPARE(s.value(QStringLiteral("y_column")).toString(), QStringLiteral("petal_width"));
        QCOMPARE(s.value(QStringLiteral("color_column")).toString(), QStringLiteral("species"));
        QCOMPARE(s.value(QStringLiteral("points")).toInt(), 150);
        const QJsonArray xs = s.value(QStringLiteral("x")).toArray();
        const QJsonArray ys = s.value(QStringLiteral("y")).toArray();
        QCOMPARE(xs.size(), 150);
        QCOMPARE(xs[0].toDouble(), iris.petalLength[0]);
        QCOMPARE(ys[149].toDouble(), iris.petalWidth[149]);
        QCOMPARE(
            s.value(QStringLiteral("color")).toArray()[0].toString(), QStringLiteral("setosa"));
        const QList<QByteArray> scsv = lines(out + QStringLiteral("/6-scatter.csv"));
        QCOMPARE(scsv.size(), 151);
        QCOMPARE(scsv.front(), QByteArray("petal_length,petal_width,species"));
        QCOMPARE(scsv.at(1), QByteArray("1.4,0.2,setosa"));

        // The run report.
        const QJsonObject report = readJson(out + QStringLiteral("/run.json"));
        QVERIFY(report.value(QStringLiteral("ok")).toBool());
        const QJsonArray nodes = report.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 6);
        for (const QJsonValue &n : nodes)
            QCOMPARE(
                n.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(nodes[3].toObject().value(QStringLiteral("files")).toArray().first().toString(),
            QStringLiteral("4-histogram.json"));
    }

    // Builds with the GUI also draw the views (HeadlessPlotRenderer), with no display.
    void plotsInGuiBuilds()
    {
        QTemporaryDir dir;
        const Run r
            = runSextant({ QStringLiteral("run"), example(), QStringLiteral("--out"), dir.path() });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        if (!QFile::exists(dir.filePath(QStringLiteral("4-histogram.png"))))
            QSKIP("engine-only build: no plots drawn");
        for (const char *base : { "4-histogram", "5-correlation", "6-scatter" }) {
            const QByteArray png
                = readAll(dir.filePath(QLatin1String(base) + QStringLiteral(".png")));
            QVERIFY2(png.startsWith("\x89PNG\r\n\x1a\n"), base);
            QVERIFY(png.size() > 1000);
            const QByteArray svg
                = readAll(dir.filePath(QLatin1String(base) + QStringLiteral(".svg")));
            QVERIFY2(svg.contains("<svg"), base);
        }
        // Every plot says what it shows: the scatter, which has no title of its own in the
        // studio, is titled as its tab is.
        QVERIFY(readAll(dir.filePath(QStringLiteral("6-scatter.svg")))
                    .contains("Scatter of petal_width against petal_length"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("3-table.png"))));
    }

    void quietPrintsNothing()
    {
        QTemporaryDir dir;
        const Run r = runSextant({ QStringLiteral("run"), example(), QStringLiteral("--out"),
            dir.path(), QStringLiteral("--quiet") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("3-table.csv"))));
    }

    void defaultOutputDirectory()
    {
        QTemporaryDir cwd;
        const Run r = runSextant({ QStringLiteral("run"), example() }, cwd.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(QFile::exists(cwd.filePath(QStringLiteral("iris-explore-output/3-table.csv"))));
        QVERIFY(QFile::exists(cwd.filePath(QStringLiteral("iris-explore-output/run.json"))));
    }

    void setChangesTheOutput_data()
    {
        QTest::addColumn<QString>("node");
        QTest::newRow("id") << QStringLiteral("4");
        QTest::newRow("type id") << QStringLiteral("view.histogram");
        QTest::newRow("display name") << QStringLiteral("Histogram");
    }

    void setChangesTheOutput()
    {
        QFETCH(QString, node);
        QTemporaryDir dir;
        const Run r = runSextant({ QStringLiteral("run"), example(), QStringLiteral("--out"),
            dir.path(), QStringLiteral("--set"), node + QStringLiteral(".bins=5"),
            QStringLiteral("--set=6.x=sepal_length") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject h = readJson(dir.filePath(QStringLiteral("4-histogram.json")));
        const QJsonArray counts = h.value(QStringLiteral("counts")).toArray();
        QCOMPARE(counts.size(), 5);
        const std::vector<qint64> expected = histogram(readIris().petalLength, 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(counts[i].toInteger(), expected[static_cast<std::size_t>(i)]);
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("6-scatter.json")));
        QCOMPARE(s.value(QStringLiteral("x_column")).toString(), QStringLiteral("sepal_length"));
    }

    void corruptWorkflowIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("truncated") << workflowFixture("truncated.sextant");
        QTest::newRow("not a workflow") << workflowFixture("not_a_workflow.sextant");
        QTest::newRow("unknown type") << workflowFixture("unknown_type.sextant");
        QTest::newRow("unknown version") << workflowFixture("unknown_version.sextant");
        QTest::newRow("cycle") << workflowFixture("cycle.sextant");
        QTest::newRow("wrong types") << workflowFixture("wrong_types.sextant");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/flow.sextant");
    }

    void corruptWorkflowIsRefused()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = runSextant({ QStringLiteral("run"), file, QStringLiteral("--out"), out });
        QCOMPARE(r.exitCode, 1);
        // WorkflowFile's message starts with the file name.
        QVERIFY2(r.err.contains(QFileInfo(file).fileName()), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out)); // nothing written
    }

    void failingNodeIsNamed()
    {
        QTemporaryDir dir;
        QFile flow(dir.filePath(QStringLiteral("broken.sextant")));
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(R"({"format": "sextant-workflow", "version": 1,
  "nodes": [
    {"id": 7, "type": "data.file", "position": [0, 0], "parameters": {"path": "no-such-file.csv"}},
    {"id": 8, "type": "view.table", "position": [200, 0]}
  ],
  "connections": [{"from": 7, "output": "data", "to": 8, "input": "data"}]})");
        flow.close();
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r
            = runSextant({ QStringLiteral("run"), flow.fileName(), QStringLiteral("--out"), out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("node 7 (data.file) failed")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("no-such-file.csv")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("FAILED")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("skipped")), qPrintable(r.out));
        const QJsonObject report = readJson(out + QStringLiteral("/run.json"));
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonArray nodes = report.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes[0].toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("failed"));
        QCOMPARE(nodes[1].toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("skipped"));
        QVERIFY(!QFile::exists(out + QStringLiteral("/8-table.csv")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString flow = example();
        QTest::newRow("no workflow") << QStringList {} << QStringLiteral("missing FLOW.sextant");
        QTest::newRow("unknown option") << QStringList { flow, QStringLiteral("--frobnicate") }
                                        << QStringLiteral("--frobnicate");
        QTest::newRow("--set without value")
            << QStringList { flow, QStringLiteral("--set") } << QStringLiteral("--set needs");
        QTest::newRow("--set without =") << QStringList { flow, QStringLiteral("--set"),
            QStringLiteral("4.bins") } << QStringLiteral("expected NODE.PARAM=VALUE");
        QTest::newRow("--set without param") << QStringList { flow, QStringLiteral("--set"),
            QStringLiteral("4=5") } << QStringLiteral("expected NODE.PARAM=VALUE");
        QTest::newRow("unknown node id") << QStringList { flow, QStringLiteral("--set"),
            QStringLiteral("42.bins=5") } << QStringLiteral("no node with id 42");
        QTest::newRow("unknown node name") << QStringList { flow, QStringLiteral("--set"),
            QStringLiteral("nope.bins=5") } << QStringLiteral("no node 'nope'");
        QTest::newRow("unknown parameter") << QStringList { flow, QStringLiteral("--set"),
            QStringLiteral("4.colour=x") } << QStringLiteral("has no parameter 'colour'");
        QTest::newRow("invalid value")
            << QStringList { flow, QStringLiteral("--set"), QStringLiteral("4.bins=0") }
            << QStringLiteral("bins");
        QTest::newRow("not a number")
            << QStringList { flow, QStringLiteral("--set"), QStringLiteral("4.bins=many") }
            << QStringLiteral("4.bins=many");
        QTest::newRow("two workflows")
            << QStringList { flow, flow } << QStringLiteral("expected one workflow");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = runSextant(QStringList { QStringLiteral("run") } + args
            + QStringList { QStringLiteral("--out"), out });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void outIsAFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("precious.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        const Run r
            = runSextant({ QStringLiteral("run"), example(), QStringLiteral("--out"), file });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not a directory")), qPrintable(r.err));
        QCOMPARE(readAll(file), QByteArray("keep me"));
    }

    // --- files outside the workflow's folder

    void outsidePathIsRefusedWithoutTheFlag()
    {
        QTemporaryDir dir;
        const QString flow = dir.filePath(QStringLiteral("stranger.sextant"));
        const QString outsideFile = QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
        writeFileFlow(flow, outsideFile);
        const QString out = dir.filePath(QStringLiteral("out"));
        Run r = runSextant({ QStringLiteral("run"), flow, QStringLiteral("--out"), out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("outside its folder")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("node 1 (data.file) path: ") + outsideFile),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--allow-outside-paths")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("running")), qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(out)); // nothing run, nothing written

        r = runSextant({ QStringLiteral("run"), flow, QStringLiteral("--out"), out,
            QStringLiteral("--allow-outside-paths") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(lines(out + QStringLiteral("/2-table.csv")).size(), 151);
    }

    void outsidePaths_data()
    {
        QTest::addColumn<QString>("value"); // the path as written in the workflow
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("inside");
        QTest::newRow("same folder") << "iris.csv"
                                     << "data.file" << true;
        QTest::newRow("sub folder") << "data/iris.csv"
                                    << "data.file" << true;
        QTest::newRow("dots that stay inside") << "./data/../iris.csv"
                                               << "data.file" << true;
        QTest::newRow("absolute inside") << "@DIR@/flows/data/iris.csv"
                                         << "data.file" << true;
        QTest::newRow("parent folder") << "../secret.csv"
                                       << "data.file" << false;
        QTest::newRow("far up") << "../../../../../../../../etc/hostname"
                                << "data.file" << false;
        QTest::newRow("etc") << "/etc/hostname"
                             << "data.file" << false;
        QTest::newRow("sibling with the folder's name as prefix") << "../flows-other/iris.csv"
                                                                  << "data.file" << false;
        QTest::newRow("symlink to a file outside") << "link.csv"
                                                   << "data.file" << false;
        QTest::newRow("symlinked folder outside") << "linked/secret.csv"
                                                  << "data.file" << false;
        QTest::newRow("symlinked folder, file missing") << "linked/not-there.csv"
                                                        << "data.file" << false;
        QTest::newRow("model file outside") << "../model.sxmodel"
                                            << "data.model_file" << false;
    }

    void outsidePaths()
    {
        QFETCH(QString, value);
        QFETCH(QString, type);
        QFETCH(bool, inside);
        // DIR/flows holds the workflow and its data; DIR itself is outside it.
        QTemporaryDir dir;
        const QString flows = dir.filePath(QStringLiteral("flows"));
        QVERIFY(QDir().mkpath(flows + QStringLiteral("/data")));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("flows-other"))));
        const QString iris = QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
        QVERIFY(copyFile(iris, flows + QStringLiteral("/iris.csv")));
        QVERIFY(copyFile(iris, flows + QStringLiteral("/data/iris.csv")));
        QVERIFY(copyFile(iris, dir.filePath(QStringLiteral("secret.csv"))));
        QVERIFY(copyFile(iris, dir.filePath(QStringLiteral("flows-other/iris.csv"))));
        QVERIFY(QFile::link(
            dir.filePath(QStringLiteral("secret.csv")), flows + QStringLiteral("/link.csv")));
        QVERIFY(QFile::link(dir.path(), flows + QStringLiteral("/linked")));
        value.replace(QStringLiteral("@DIR@"), dir.path());
        const QString flow = flows + QStringLiteral("/flow.sextant");
        writeFileFlow(flow, value, type);

        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = runSextant({ QStringLiteral("run"), flow, QStringLiteral("--out"), out });
        if (inside) {
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            QVERIFY2(!r.err.contains(QStringLiteral("outside")), qPrintable(r.err));
            QCOMPARE(lines(out + QStringLiteral("/2-table.csv")).size(), 151);
        } else {
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("outside its folder")), qPrintable(r.err));
            // The path as written, and where it leads when that is not obvious.
            QVERIFY2(r.err.contains(QStringLiteral("(%1) path: %2").arg(type, value)),
                qPrintable(r.err));
            if (value.contains(QStringLiteral("link")))
                QVERIFY2(r.err.contains(QStringLiteral("-> ") + QDir(dir.path()).canonicalPath()),
                    qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(out));
        }
    }

    void setThatChangesAPathCounts()
    {
        // The example, copied with its data: runs as it is...
        QTemporaryDir dir;
        const QString flow = dir.filePath(QStringLiteral("iris-explore.sextant"));
        QVERIFY(copyFile(example(), flow));
        QVERIFY(copyFile(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"),
            dir.filePath(QStringLiteral("iris.csv"))));
        const QString out = dir.filePath(QStringLiteral("out"));
        Run r = runSextant({ QStringLiteral("run"), flow, QStringLiteral("--out"), out,
            QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

        // ... but not once --set points its File node elsewhere.
        const QString out2 = dir.filePath(QStringLiteral("out2"));
        r = runSextant({ QStringLiteral("run"), flow, QStringLiteral("--set"),
            QStringLiteral("1.path=/etc/hostname"), QStringLiteral("--out"), out2 });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("node 1 (data.file) path: /etc/hostname")),
            qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out2));
    }

    void helpMentionsAllowOutsidePaths()
    {
        const Run r = runSextant({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--allow-outside-paths")), qPrintable(r.out));
    }

    void helpMentionsRun()
    {
        const Run r = runSextant({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("run FLOW.sextant")));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
