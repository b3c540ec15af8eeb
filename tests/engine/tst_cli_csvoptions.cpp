// `sextant info` with the CSV import options (the File node's parameters on the command
// line): each option changes what is read, bad values are usage errors, and a workflow
// run repeats what the File node's parameters say.
#include "SextantProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using sextant::testing::runSextant;
using Run = sextant::testing::SextantRun;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// `sextant info FILE --json OPTIONS...`: the parsed summary, or an empty object.
QJsonObject infoJson(const QString &path, const QStringList &options, Run *run = nullptr)
{
    QStringList args = { QStringLiteral("info"), path, QStringLiteral("--json") };
    args += options;
    const Run r = runSextant(args);
    if (run)
        *run = r;
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject();
}

QStringList columnTypes(const QJsonObject &summary)
{
    QStringList out;
    for (const QJsonValue &c : summary.value(QStringLiteral("column_summaries")).toArray())
        out << c.toObject().value(QStringLiteral("type")).toString();
    return out;
}

QStringList columnNames(const QJsonObject &summary)
{
    QStringList out;
    for (const QJsonValue &c : summary.value(QStringLiteral("column_summaries")).toArray())
        out << c.toObject().value(QStringLiteral("name")).toString();
    return out;
}

} // namespace

class TestCliCsvOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void options()
    {
        QTemporaryDir dir;
        const QString euro = write(
            dir, QStringLiteral("euro.csv"), "Report\nprice;qty;note\n1.234,5;2;x\n7,25;-;NA\n");
        // Sniffed: the title line is skipped with a warning naming line 1; "1.234,5" is text.
        Run r;
        QJsonObject s = infoJson(euro, {}, &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(s.value(QStringLiteral("rows")).toInt(), 2);
        QVERIFY2(r.err.contains(euro + QStringLiteral(":1: line 1 looks like")), qPrintable(r.err));
        QCOMPARE(columnTypes(s).value(0), QStringLiteral("categorical"));
        // --decimal comma --thousands point --missing -: numbers.
        s = infoJson(euro,
            { QStringLiteral("--decimal"), QStringLiteral("comma"),
                QStringLiteral("--thousands=point"), QStringLiteral("--missing"),
                QStringLiteral("-") },
            &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(columnTypes(s),
            (QStringList { QStringLiteral("numeric"), QStringLiteral("numeric"),
                QStringLiteral("categorical") }));
        const QJsonObject price
            = s.value(QStringLiteral("column_summaries")).toArray().at(0).toObject();
        QCOMPARE(price.value(QStringLiteral("max")).toDouble(), 1234.5);
        const QJsonObject qty
            = s.value(QStringLiteral("column_summaries")).toArray().at(1).toObject();
        QCOMPARE(qty.value(QStringLiteral("missing")).toInt(), 1);
        // "NA" is no longer missing: the tokens were replaced.
        const QJsonObject note
            = s.value(QStringLiteral("column_summaries")).toArray().at(2).toObject();
        QCOMPARE(note.value(QStringLiteral("missing")).toInt(), 0);
        // --skip 0 reads the title as the first line (then the rows are too long).
        QVERIFY(infoJson(euro, { QStringLiteral("--skip"), QStringLiteral("0") }, &r).isEmpty());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(euro + QStringLiteral(":2:")), qPrintable(r.err));
        // --skip 2 --no-header: the data rows only.
        s = infoJson(euro,
            { QStringLiteral("--skip"), QStringLiteral("2"), QStringLiteral("--no-header"),
                QStringLiteral("--delimiter"), QStringLiteral(";"),
                QStringLiteral("--decimal-comma"), QStringLiteral("--thousands"),
                QStringLiteral("point") },
            &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(columnNames(s).value(0), QStringLiteral("Column 1"));
        QCOMPARE(s.value(QStringLiteral("rows")).toInt(), 2);
        // --header forces the first line to be names.
        const QString numbers = write(dir, QStringLiteral("n.csv"), "1,2\n3,4\n");
        s = infoJson(numbers, { QStringLiteral("--header") });
        QCOMPARE(columnNames(s), (QStringList { QStringLiteral("1"), QStringLiteral("2") }));
        // --quote single.
        const QString quoted = write(dir, QStringLiteral("q.csv"), "a,b\n'x,y',1\n");
        s = infoJson(quoted, { QStringLiteral("--quote"), QStringLiteral("single") }, &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(s.value(QStringLiteral("columns")).toInt(), 2);
    }

    void encodings()
    {
        QTemporaryDir dir;
        const QString text = QStringLiteral("city,n\nZürich,1\nKraków,2\n");
        const QString latin = write(dir, QStringLiteral("latin.csv"), text.toLatin1());
        Run r;
        QJsonObject s
            = infoJson(latin, { QStringLiteral("--encoding"), QStringLiteral("latin-1") }, &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("warning")), qPrintable(r.err));
        const QJsonArray cats = s.value(QStringLiteral("column_summaries"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("categories"))
                                    .toArray();
        QCOMPARE(cats.at(0).toString(), QStringLiteral("Zürich"));
        QStringEncoder utf16(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
        const QString wide = write(dir, QStringLiteral("wide.csv"), utf16.encode(text));
        s = infoJson(wide, {}, &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(s.value(QStringLiteral("rows")).toInt(), 2);
    }

    void workbookSheet()
    {
        QTemporaryDir dir;
        QProcess python;
        python.start(QStringLiteral(SEXTANT_PYTHON),
            { QStringLiteral(SEXTANT_TEST_DATA_DIR "/xlsx/make_workbooks.py"), dir.path() });
        QVERIFY(python.waitForFinished(300000));
        if (python.exitCode() != 0 && python.readAllStandardError().contains("openpyxl"))
            QSKIP("python3-openpyxl is not installed (tools/setup-deps installs it)");
        QCOMPARE(python.exitCode(), 0);
        const QString book = dir.filePath(QStringLiteral("openpyxl.xlsx"));
        Run r;
        QJsonObject s = infoJson(book, {}, &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(s.value(QStringLiteral("rows")).toInt(), 5);
        s = infoJson(book, { QStringLiteral("--sheet"), QStringLiteral("Other") }, &r);
        QVERIFY2(!s.isEmpty(), qPrintable(r.err));
        QCOMPARE(columnNames(s), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QVERIFY(infoJson(book, { QStringLiteral("--sheet=Nope") }, &r).isEmpty());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(book + QStringLiteral(": the workbook has no sheet 'Nope'")),
            qPrintable(r.err));
    }

    void usageErrors()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("a.csv"), "a\n1\n");
        const QList<QStringList> bad = {
            { QStringLiteral("--encoding"), QStringLiteral("ebcdic") },
            { QStringLiteral("--skip"), QStringLiteral("-5") },
            { QStringLiteral("--skip"), QStringLiteral("two") },
            { QStringLiteral("--delimiter"), QStringLiteral("colon") },
            { QStringLiteral("--decimal") }, // no value
        };
        for (const QStringList &options : bad) {
            Run r;
            QVERIFY(infoJson(path, options, &r).isEmpty());
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(options.front()), qPrintable(r.err));
        }
        // The help lists the options.
        const Run help = runSextant({ QStringLiteral("--help") });
        for (const char *option : { "--skip", "--delimiter", "--no-header", "--encoding",
                 "--decimal", "--thousands", "--missing", "--quote" })
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestCliCsvOptions)
#include "tst_cli_csvoptions.moc"
