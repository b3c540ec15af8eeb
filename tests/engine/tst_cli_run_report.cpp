// `sextant run FLOW --report`: the wine-classify example (three models cross-validated by a
// Compare node, one of them tested on held-out rows, confusion and ROC views) and a small
// iris workflow with a Cross-Validation node, reported as HTML and PDF. The HTML is read as
// XML (QXmlStreamReader: it must be well-formed) into its sections, and checked against what
// the same run wrote in its --out folder: the graph is one PNG data URI that decodes, one
// data section per source table with the CSV's rows and columns, one section per trained
// model with its workflow parameters, and the figures — Compare's mean ± std, Test's
// values, and for Cross-Validation mean ± std computed here from the fold rows of the
// metrics JSON. The PDF must parse (pdfinfo, pdftotext from poppler-utils). A run whose
// File node fails still gets its report (saying so). A report that cannot be written is
// refused before running, with exit code 1; an existing report is
// replaced by a new file (a hard link to the old one keeps the old contents). Engine-only
// builds have no report and say so.
#include "FileContents.h"
#include "SextantProcess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>
#include <unistd.h>

using sextant::testing::readAll;
using sextant::testing::runSextant;

namespace {

const char *kCvWorkflow = R"({
  "format": "sextant-workflow",
  "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "iris.csv"}},
    {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": "species"}},
    {"id": 3, "type": "model.logistic_regression", "position": [400, 0], "parameters": {"C": 0.5}},
    {"id": 4, "type": "eval.cross_validation", "position": [600, 0],
     "parameters": {"folds": 4, "seed": 11}},
    {"id": 5, "type": "view.metrics", "position": [800, 0]}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "model", "to": 4, "input": "model"},
    {"from": 2, "output": "data", "to": 4, "input": "data"},
    {"from": 4, "output": "metrics", "to": 5, "input": "metrics"}
  ]
})";

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

// One <table>: the last heading before it (in its section), and its rows of cells.
struct Table {
    QString heading;
    QList<QStringList> rows;
    // The cell after `key` in the row that starts with it; empty when there is none.
    QString value(const QString &key) const
    {
        for (const QStringList &r : rows)
            if (r.size() >= 2 && r[0] == key)
                return r[1];
        return {};
    }
};

// One <div class="..." id="...">, with what it holds.
struct Section {
    QString cssClass, id;
    QStringList headings, paragraphs, images;
    QList<Table> tables;
    const Table *table(const QString &headingStart) const
    {
        for (const Table &t : tables)
            if (t.heading.startsWith(headingStart))
                return &t;
        return nullptr;
    }
};

struct Html {
    QString error; // the XML parser's, if any
    QList<Section> sections;
    const Section *find(const QString &cssClass, const QString &id = {}) const
    {
        for (const Section &s : sections)
            if (s.cssClass == cssClass && (id.isEmpty() || s.id == id))
                return &s;
        return nullptr;
    }
    int count(const QString &cssClass) const
    {
        int n = 0;
        for (const Section &s : sections)
            n += s.cssClass == cssClass ? 1 : 0;
        return n;
    }
};

// The report as XML: each div becomes a Section with its headings, paragraphs, image
// sources and tables (text of the cells).
Html parse(const QByteArray &bytes)
{
    Html html;
    QXmlStreamReader xml(bytes);
    QList<int> open; // indices into html.sections of the divs open
    QString text, heading;
    bool inCell = false, inText = false;
    Table *table = nullptr;
    Table pending;
    while (!xml.atEnd()) {
        xml.readNext();
        const QString name = xml.name().toString();
        if (xml.isStartElement()) {
            if (name == QLatin1String("div")) {
                Section s;
                s.cssClass = xml.attributes().value(QLatin1String("class")).toString();
                s.id = xml.attributes().value(QLatin1String("id")).toString();
                html.sections.append(s);
                open.append(int(html.sections.size()) - 1);
                heading.clear();
            } else if (name == QLatin1String("img") && !open.isEmpty()) {
                html.sections[open.back()].images
                    << xml.attributes().value(QLatin1String("src")).toString();
            } else if (name == QLatin1String("table")) {
                pending = Table { heading, {} };
                table = &pending;
            } else if (name == QLatin1String("tr") && table) {
                table->rows.append(QStringList());
            } else if ((name == QLatin1String("td") || name == QLatin1String("th")) && table) {
                inCell = true;
                text.clear();
            } else if (name.size() == 2 && name[0] == QLatin1Char('h') && name[1].isDigit()) {
                inText = true;
                text.clear();
            } else if (name == QLatin1String("p")) {
                inText = true;
                text.clear();
            }
        } else if (xml.isCharacters()) {
            if (inCell || inText)
                text += xml.text();
        } else if (xml.isEndElement()) {
            if (name == QLatin1String("div") && !open.isEmpty()) {
                open.removeLast();
            } else if ((name == QLatin1String("td") || name == QLatin1String("th")) && table) {
                table->rows.back().append(text);
                inCell = false;
            } else if (name == QLatin1String("table") && table) {
                if (!open.isEmpty())
                    html.sections[open.back()].tables.append(*table);
                table = nullptr;
            } else if (name.size() == 2 && name[0] == QLatin1Char('h') && name[1].isDigit()) {
                heading = text;
                if (!open.isEmpty())
                    html.sections[open.back()].headings << text;
                inText = false;
            } else if (name == QLatin1String("p")) {
                if (!open.isEmpty())
                    html.sections[open.back()].paragraphs << text;
                inText = false;
            }
        }
    }
    if (xml.hasError())
        html.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return html;
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

// "0.95 ± 0.02" -> {0.95, 0.02}; a single figure -> {v, NaN}.
QPair<double, double> meanStd(const QString &cell)
{
    const QStringList parts = cell.split(QStringLiteral("\u00b1"));
    bool ok = false;
    const double mean = parts.value(0).trimmed().toDouble(&ok);
    if (!ok)
        return { NAN, NAN };
    return { mean, parts.size() > 1 ? parts[1].trimmed().toDouble() : NAN };
}

// Equal to the 6 significant digits the report writes.
bool sameFigure(double printed, double exact)
{
    return std::abs(printed - exact) <= 5e-6 * std::max(1e-12, std::abs(exact));
}

// The size in a PNG's header (IHDR); empty when `bytes` is not a PNG.
QSize pngSize(const QByteArray &bytes)
{
    if (bytes.size() < 24 || !bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.mid(12, 4) != "IHDR")
        return {};
    const auto be32 = [&](int at) {
        quint32 v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | quint8(bytes[at + i]);
        return int(v);
    };
    return { be32(16), be32(20) };
}

bool noStudio(const sextant::testing::SextantRun &r)
{
    return r.exitCode == 1 && r.err.contains(QStringLiteral("no studio"));
}

} // namespace

class TestCliRunReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_wine, m_out, m_html;
    bool m_noStudio = false;

    bool copyExample(const QString &name)
    {
        return QFile::copy(
            QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/") + name, m_dir.filePath(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(copyExample(QStringLiteral("wine-classify.sextant")));
        QVERIFY(copyExample(QStringLiteral("wine.csv")));
        QVERIFY(copyExample(QStringLiteral("iris.csv")));
        m_wine = m_dir.filePath(QStringLiteral("wine-classify.sextant"));
        m_out = m_dir.filePath(QStringLiteral("out"));
        m_html = m_dir.filePath(QStringLiteral("wine-report.html"));
        const auto r = runSextant({ QStringLiteral("run"), m_wine, QStringLiteral("--out"), m_out,
            QStringLiteral("--report"), m_html, QStringLiteral("--quiet") });
        if (noStudio(r)) {
            m_noStudio = true;
            QVERIFY(!QFileInfo::exists(m_out)); // refused before running
            return;
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readJson(m_out + QStringLiteral("/run.json"))[QStringLiteral("report")].toString(),
            QFileInfo(m_html).absoluteFilePath());
    }

    void html()
    {
        if (m_noStudio)
            QSKIP("engine-only build: no report");
        const QByteArray bytes = readAll(m_html);
        QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
        const Html html = parse(bytes);
        QVERIFY2(html.error.isEmpty(), qPrintable(html.error));
        QVERIFY(!bytes.contains("http://") && !bytes.contains("https://"));

        // The graph: one picture, a PNG data URI that decodes, wider than tall.
        const Section *graph = html.find(QStringLiteral("graph"));
        QVERIFY(graph);
        QCOMPARE(graph->images.size(), 1);
        const QString prefix = QStringLiteral("data:image/png;base64,");
        QVERIFY(graph->images[0].startsWith(prefix));
        const QSize picture
            = pngSize(QByteArray::fromBase64(graph->images[0].mid(prefix.size()).toLatin1()));
        QVERIFY2(picture.width() > 600 && picture.width() > picture.height(),
            qPrintable(QStringLiteral("%1x%2").arg(picture.width()).arg(picture.height())));

        // The run: one row per node of the workflow, all done.
        const QJsonObject flow = readJson(m_wine);
        const QJsonArray nodes = flow[QStringLiteral("nodes")].toArray();
        const Section *run = html.find(QStringLiteral("run"));
        QVERIFY(run && !run->tables.isEmpty());
        QCOMPARE(run->tables[0].rows.size(), nodes.size() + 1); // and the header
        for (qsizetype i = 1; i < run->tables[0].rows.size(); ++i)
            QCOMPARE(run->tables[0].rows[i].value(3), QStringLiteral("done"));

        // The data: wine.csv's rows and columns, one table row per column, none missing.
        const QList<QByteArray> lines
            = readAll(m_dir.filePath(QStringLiteral("wine.csv"))).trimmed().split('\n');
        const QList<QByteArray> header = lines[0].trimmed().split(',');
        QCOMPARE(html.count(QStringLiteral("data")), 1);
        const Section *data = html.find(QStringLiteral("data"), QStringLiteral("node-1"));
        QVERIFY(data);
        QVERIFY2(
            data->paragraphs.contains(
                QStringLiteral("%1 rows, %2 columns.").arg(lines.size() - 1).arg(header.size())),
            qPrintable(data->paragraphs.join(QLatin1Char('|'))));
        QCOMPARE(data->tables[0].rows.size(), header.size() + 1);
        for (qsizetype c = 0; c < header.size(); ++c) {
            QCOMPARE(data->tables[0].rows[c + 1].value(0), QString::fromUtf8(header[c]));
            QCOMPARE(data->tables[0].rows[c + 1].value(3), QStringLiteral("0"));
        }

        // The models: one section per learner node, with the parameters the workflow gave.
        QCOMPARE(html.count(QStringLiteral("model")), 3);
        const QList<int> learners { 5, 6, 13 }; // model1..model3 of the Compare node 11
        for (const QJsonValue &v : nodes) {
            const QJsonObject n = v.toObject();
            const int id = n[QStringLiteral("id")].toInt();
            if (!learners.contains(id))
                continue;
            const Section *model
                = html.find(QStringLiteral("model"), QStringLiteral("node-%1").arg(id));
            QVERIFY2(model, qPrintable(QString::number(id)));
            const Table *params = model->table(QStringLiteral("Parameters"));
            QVERIFY(params);
            const QJsonObject given = n[QStringLiteral("parameters")].toObject();
            for (auto it = given.begin(); it != given.end(); ++it) {
                const QString expected = it->isDouble()
                    ? num(it->toDouble())
                    : (it->isBool()
                            ? (it->toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                            : it->toString());
                QVERIFY2(params->value(it.key()) == expected,
                    qPrintable(QStringLiteral("node %1 %2: %3, expected %4")
                                   .arg(id)
                                   .arg(it.key(), params->value(it.key()), expected)));
            }
        }

        // Compare's figures, model by model, as the run wrote them (11 -> 12-metrics.json).
        const QJsonObject compare = readJson(m_out + QStringLiteral("/12-metrics.json"));
        const QJsonArray rows = compare[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), learners.size());
        const QStringList columns = [&] {
            QStringList c;
            for (const QJsonValue &v : compare[QStringLiteral("columns")].toArray())
                c << v.toString();
            return c;
        }();
        QVERIFY(columns.contains(QStringLiteral("accuracy_std")));
        for (qsizetype i = 0; i < learners.size(); ++i) {
            const Section *model
                = html.find(QStringLiteral("model"), QStringLiteral("node-%1").arg(learners[i]));
            const Table *cv = model->table(
                QStringLiteral("Cross-validation: Compare Models (node 11), 5 folds"));
            QVERIFY2(cv, qPrintable(model->headings.join(QLatin1Char('|'))));
            const QJsonObject row = rows[i].toObject();
            for (const QString &metric : columns) {
                if (metric.endsWith(QLatin1String("_std")) || metric == QLatin1String("seconds"))
                    continue;
                QString expected = num(row[metric].toDouble());
                if (columns.contains(metric + QStringLiteral("_std")))
                    expected += QStringLiteral(" \u00b1 ")
                        + num(row[metric + QStringLiteral("_std")].toDouble());
                QCOMPARE(cv->value(metric), expected);
            }
        }
        // Test's held-out figures for the logistic regression (7 -> 8-metrics.json).
        const QJsonObject test = readJson(m_out + QStringLiteral("/8-metrics.json"));
        const QJsonObject tested = test[QStringLiteral("rows")].toArray().first().toObject();
        const Table *held = html.find(QStringLiteral("model"), QStringLiteral("node-5"))
                                ->table(QStringLiteral("Test on held-out rows"));
        QVERIFY(held);
        int figures = 0;
        for (const QJsonValue &c : test[QStringLiteral("columns")].toArray()) {
            if (tested[c.toString()].isDouble()) {
                QCOMPARE(held->value(c.toString()), num(tested[c.toString()].toDouble()));
                ++figures;
            }
        }
        QVERIFY(figures >= 5);
        QVERIFY(!html.find(QStringLiteral("model"), QStringLiteral("node-6"))
                     ->table(QStringLiteral("Test on held-out rows")));

        // The views: the confusion matrix and ROC as PNG pictures, the metrics as tables.
        for (int id : { 9, 10 }) {
            const Section *view
                = html.find(QStringLiteral("view"), QStringLiteral("node-%1").arg(id));
            QVERIFY2(view, qPrintable(QString::number(id)));
            QCOMPARE(view->images.size(), 1);
            QVERIFY(view->images[0].startsWith(prefix));
            QVERIFY(QFileInfo::exists(m_out
                + QStringLiteral("/%1-%2.png")
                      .arg(id)
                      .arg(id == 9 ? QStringLiteral("confusion") : QStringLiteral("roc"))));
        }
        for (int id : { 8, 12 }) {
            const Section *view
                = html.find(QStringLiteral("view"), QStringLiteral("node-%1").arg(id));
            QVERIFY2(view, qPrintable(QString::number(id)));
            QVERIFY(view->images.isEmpty());
            QCOMPARE(view->tables.size(), 1);
        }
    }

    void crossValidation()
    {
        if (m_noStudio)
            QSKIP("engine-only build: no report");
        QFile f(m_dir.filePath(QStringLiteral("cv.sextant")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kCvWorkflow);
        f.close();
        const QString out = m_dir.filePath(QStringLiteral("cv-out"));
        const QString path = m_dir.filePath(QStringLiteral("cv.html"));
        const auto r = runSextant({ QStringLiteral("run"), f.fileName(), QStringLiteral("--out"),
            out, QStringLiteral("--report=") + path });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(path));
        const Html html = parse(readAll(path));
        QVERIFY2(html.error.isEmpty(), qPrintable(html.error));
        const Section *model = html.find(QStringLiteral("model"), QStringLiteral("node-3"));
        QVERIFY(model);
        QCOMPARE(model->table(QStringLiteral("Parameters"))->value(QStringLiteral("C")),
            QStringLiteral("0.5"));
        const Table *cv
            = model->table(QStringLiteral("Cross-validation: Cross-Validation (node 4), 4 folds"));
        QVERIFY2(cv, qPrintable(model->headings.join(QLatin1Char('|'))));

        // Mean and (population) std of each metric over the fold rows the run wrote.
        const QJsonObject metrics = readJson(out + QStringLiteral("/5-metrics.json"));
        QList<QJsonObject> folds;
        for (const QJsonValue &v : metrics[QStringLiteral("rows")].toArray())
            if (v.toObject()[QStringLiteral("label")].toString().startsWith(QLatin1String("fold ")))
                folds << v.toObject();
        QCOMPARE(folds.size(), 4);
        int checked = 0;
        for (const QJsonValue &c : metrics[QStringLiteral("columns")].toArray()) {
            const QString metric = c.toString();
            double sum = 0, sumSq = 0;
            int n = 0;
            for (const QJsonObject &fold : folds) {
                if (!fold[metric].isDouble())
                    continue;
                const double v = fold[metric].toDouble();
                sum += v;
                sumSq += v * v;
                ++n;
            }
            if (n == 0)
                continue;
            const double mean = sum / n;
            const double sd = std::sqrt(std::max(0.0, sumSq / n - mean * mean));
            const auto [shownMean, shownStd] = meanStd(cv->value(metric));
            QVERIFY2(sameFigure(shownMean, mean),
                qPrintable(QStringLiteral("%1: %2, expected mean %3")
                               .arg(metric, cv->value(metric))
                               .arg(mean)));
            QVERIFY2(std::abs(shownStd - sd) <= 5e-6 * std::max(sd, 1e-3),
                qPrintable(QStringLiteral("%1: %2, expected std %3")
                               .arg(metric, cv->value(metric))
                               .arg(sd)));
            ++checked;
        }
        QVERIFY(checked >= 5);
        QVERIFY(cv->value(QStringLiteral("accuracy")).contains(QStringLiteral("\u00b1")));
    }

    void pdf()
    {
        if (m_noStudio)
            QSKIP("engine-only build: no report");
        const QString path = m_dir.filePath(QStringLiteral("wine-report.pdf"));
        const auto r = runSextant({ QStringLiteral("run"), m_wine, QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("out-pdf")), QStringLiteral("--report"), path,
            QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(readAll(path).startsWith("%PDF-"));
        if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            if (qEnvironmentVariableIntValue("SEXTANT_REQUIRE_REFERENCES") == 1)
                QFAIL("pdfinfo / pdftotext (poppler-utils) is missing");
            QSKIP("pdfinfo / pdftotext (poppler-utils) is missing: the PDF is not parsed");
        }
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), { path });
        QVERIFY(info.waitForFinished(60000));
        QCOMPARE(info.exitCode(), 0);
        const QString meta = QString::fromUtf8(info.readAllStandardOutput());
        const QRegularExpressionMatch pages
            = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(meta);
        QVERIFY2(pages.hasMatch() && pages.captured(1).toInt() >= 1, qPrintable(meta));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(60000));
        const QString body = QString::fromUtf8(text.readAllStandardOutput());
        // ("Workflow" may come out with an "fl" ligature.)
        QVERIFY2(
            body.contains(QStringLiteral("report: wine-classify")), qPrintable(body.left(200)));
        // The logistic regression's cross-validated accuracy, as the run wrote it.
        const QJsonObject compare
            = readJson(m_dir.filePath(QStringLiteral("out-pdf/12-metrics.json")));
        const double accuracy = compare[QStringLiteral("rows")]
                                    .toArray()
                                    .first()
                                    .toObject()[QStringLiteral("accuracy")]
                                    .toDouble();
        QVERIFY2(body.contains(num(accuracy)), qPrintable(num(accuracy)));
    }

    void refusals()
    {
        if (m_noStudio)
            QSKIP("engine-only build: no report");
        const QString out = m_dir.filePath(QStringLiteral("refused-out"));
        const auto run = [&](const QString &report) {
            return runSextant({ QStringLiteral("run"), m_wine, QStringLiteral("--out"), out,
                QStringLiteral("--report"), report });
        };
        // Not a report's name: a usage error.
        QCOMPARE(run(m_dir.filePath(QStringLiteral("r.docx"))).exitCode, 2);
        QCOMPARE(
            runSextant({ QStringLiteral("run"), m_wine, QStringLiteral("--report") }).exitCode, 2);
        // A folder that does not exist, or is a file: refused before anything runs.
        const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/r.html"));
        auto r = run(missing);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")) && r.err.contains(missing),
            qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
        r = run(m_dir.filePath(QStringLiteral("wine.csv/r.pdf")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write the report")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
        // A folder without write permission (root writes anywhere: not checked then).
        const QString locked = m_dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        if (::access(qPrintable(locked), W_OK) == 0) {
            // Root writes anywhere: a read-only folder cannot be tried here.
            QFile::setPermissions(
                locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qInfo("running as root: the read-only folder case is not tried");
            return;
        }
        r = run(locked + QStringLiteral("/r.html"));
        QFile::setPermissions(
            locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not writable")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void failedRun()
    {
        if (m_noStudio)
            QSKIP("engine-only build: no report");
        // The File node fails: the report is still written, and says so; exit code 1.
        const QString path = m_dir.filePath(QStringLiteral("failed.html"));
        const auto r = runSextant({ QStringLiteral("run"), m_wine, QStringLiteral("--set"),
            QStringLiteral("1.path=no-such.csv"), QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("failed-out")), QStringLiteral("--report"), path });
        QCOMPARE(r.exitCode, 1);
        const Html html = parse(readAll(path));
        QVERIFY2(html.error.isEmpty(), qPrintable(html.error));
        const Section *run = html.find(QStringLiteral("run"));
        QVERIFY(run && !run->tables.isEmpty());
        QCOMPARE(run->tables[0].rows.value(1).value(3), QStringLiteral("failed"));
        QVERIFY(run->tables[0].rows.value(1).value(4).contains(QStringLiteral("no-such.csv")));
        QCOMPARE(run->tables[0].rows.value(2).value(3), QStringLiteral("skipped"));
        QVERIFY(html.find(QStringLiteral("graph")));
        QCOMPARE(html.count(QStringLiteral("model")), 0);
        QCOMPARE(html.count(QStringLiteral("data")), 0);
    }

    void replacesAtomically()
    {
        if (m_noStudio)
            QSKIP("engine-only build: no report");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("report.html"));
        const QString link = dir.filePath(QStringLiteral("old.html"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous report");
        old.close();
        QCOMPARE(::link(qPrintable(path), qPrintable(link)), 0); // a second name, same file
        QFile f(m_dir.filePath(QStringLiteral("cv.sextant")));
        QVERIFY(f.exists() || (f.open(QIODevice::WriteOnly) && f.write(kCvWorkflow) > 0));
        f.close();
        const auto r = runSextant({ QStringLiteral("run"), f.fileName(), QStringLiteral("--out"),
            dir.filePath(QStringLiteral("out")), QStringLiteral("--report"), path });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(readAll(path).startsWith("<!DOCTYPE html>"));
        // Replaced by a new file (renamed over it), not rewritten in place; no temporary left.
        QCOMPARE(readAll(link), QByteArray("the previous report"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name),
            (QStringList { QStringLiteral("old.html"), QStringLiteral("report.html") }));
    }
};

QTEST_GUILESS_MAIN(TestCliRunReport)
#include "tst_cli_run_report.moc"
