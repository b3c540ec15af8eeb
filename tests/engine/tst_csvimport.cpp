// CSV import options: preamble detection (scikit-learn's count lines), lines to skip,
// quote, header, decimal comma, thousands separator, encodings, missing-value tokens, and
// the File node parameters that carry them (old workflows read their files as before).
#include "data/CsvLoader.h"
#include "data/CsvReader.h"
#include "data/DatasetLoader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"

#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sextant::engine;

namespace {

const QString kMem = QStringLiteral("mem.csv");
const QString kSklearnData
    = QStringLiteral("/usr/lib/python3/dist-packages/sklearn/datasets/data/");

LoadResult loadText(const QByteArray &text, const CsvOptions &options = {})
{
    return CsvReader::readBuffer(text, kMem, options);
}

QString cell(const Dataset &ds, int column, std::int64_t row)
{
    const Column &c = ds.column(column);
    return c.isMissing(row) ? QStringLiteral("<NA>") : c.displayValue(row);
}

QString table(const Dataset &ds)
{
    QStringList rows;
    for (std::int64_t r = 0; r < ds.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ds.columnCount(); ++c)
            cells << cell(ds, c, r);
        rows << cells.join(QLatin1Char('|'));
    }
    return rows.join(QLatin1Char('\n'));
}

QString types(const Dataset &ds)
{
    QString out;
    for (const Column &c : ds.columns())
        out += c.isNumeric() ? QLatin1Char('n') : QLatin1Char('c');
    return out;
}

QString warningsText(const LoadResult &r)
{
    QStringList out;
    for (const LoadIssue &w : r.warnings)
        out << w.toString();
    return out.join(QLatin1Char('\n'));
}

QString describe(const LoadResult &r)
{
    return r.error ? r.error->toString() : QStringLiteral("no error; warnings: ") + warningsText(r);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

struct NodeOutcome {
    std::shared_ptr<const Dataset> data;
    QString error;
    QStringList warnings;
};

NodeOutcome runFileNode(const QString &path, QVariantMap params = {})
{
    GraphModel model(BuiltinNodes::registry());
    params.insert(QStringLiteral("path"), path);
    const Result<int> file = model.addNode(FileSourceNode::typeId(), {}, params);
    if (!file)
        return { nullptr, file.error(), {} };
    Executor executor(model);
    const RunSummary s = executor.runBlocking();
    NodeOutcome out;
    out.warnings = executor.state(file.value()).warnings;
    if (!s.ok()) {
        out.error = executor.state(file.value()).message;
        return out;
    }
    const NodeValuePtr value = executor.output(file.value());
    out.data = std::shared_ptr<const Dataset>(value, value->as<Dataset>());
    return out;
}

} // namespace

class TestCsvImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---------------------------------------------------------------- preamble
    void preamble_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("names"); // "" = not checked
        QTest::addColumn<QString>("expectedTypes");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("skipped"); // a warning names line 1

        QTest::newRow("count line, shorter (wine_data)")
            << QByteArray("3,3,class_0,class_1\n1.5,2,0,7,1\n2.5,3,1,8,1\n3.5,4,1,9,0\n")
            << QString() << "nnnnn" << 3 << true;
        QTest::newRow("count line, same width, above the header (boston)")
            << QByteArray("3,2,\n\"a\",\"b\",\"y\"\n1,2,3\n4,5,6\n7,8,9\n") << "a,b,y"
            << "nnn" << 3 << true;
        QTest::newRow("title line")
            << QByteArray("Sales report\nregion,amount\nnorth,1\nsouth,2\n") << "region,amount"
            << "cn" << 2 << true;
        QTest::newRow("title line, quoted with a comma")
            << QByteArray("\"Sales, 2020\"\nregion,amount,x\nnorth,1,2\nsouth,2,3\n")
            << "region,amount,x"
            << "cnn" << 2 << true;
        QTest::newRow("title padded by Excel to the table's width")
            << QByteArray("Sales report,,\nregion,amount,units\nnorth,1,2\nsouth,2,3\n")
            << "region,amount,units"
            << "cnn" << 2 << true;
        // Not preambles: what the sniffer read before stays as it was.
        QTest::newRow("plain header") << QByteArray("a,b\n1,2\n3,4\n5,6\n") << "a,b"
                                      << "nn" << 3 << false;
        QTest::newRow("no header") << QByteArray("1,2\n3,4\n5,6\n") << "Column 1,Column 2"
                                   << "nn" << 3 << false;
        QTest::newRow("two header lines of text stay (units under names)")
            << QByteArray("name,age\nkind,years\nbob,30\nann,40\n") << "name,age"
            << "cc" << 3 << false;
        QTest::newRow("a short header of text is not a count (R row names)")
            << QByteArray("b,c\n1,2,3\n4,5,6\n7,8,9\n") << QString() << QString() << -1 << false;
        QTest::newRow("one data row after: too little to tell")
            << QByteArray("3,2\na,b,c\n") << QString() << QString() << -1 << false;
        QTest::newRow("first data row with a missing cell, header absent")
            << QByteArray("1,,3\n4,5,6\n7,8,9\n") << "Column 1,Column 2,Column 3"
            << "nnn" << 3 << false;
    }
    void preamble()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, names);
        QFETCH(QString, expectedTypes);
        QFETCH(int, rows);
        QFETCH(bool, skipped);
        const LoadResult r = loadText(input);
        if (rows < 0) {
            // Refused as before (the short first line sets the width).
            QVERIFY2(!r.ok(), qPrintable(describe(r)));
            QVERIFY2(r.error->message.contains(QStringLiteral("extra")), qPrintable(describe(r)));
            return;
        }
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        if (!names.isEmpty())
            QCOMPARE(r.dataset->columnNames().join(QLatin1Char(',')), names);
        QCOMPARE(types(*r.dataset), expectedTypes);
        QCOMPARE(r.dataset->rowCount(), rows);
        bool warned = false;
        for (const LoadIssue &w : r.warnings)
            warned = warned
                || (w.line == 1 && w.message.startsWith(QStringLiteral("line 1 looks like")));
        QCOMPARE(warned, skipped);
        // Asked to read every line, the preamble is data again (and no warning).
        if (skipped) {
            CsvOptions all;
            all.skipLines = 0;
            const LoadResult r0 = loadText(input, all);
            for (const LoadIssue &w : r0.warnings)
                QVERIFY(!w.message.startsWith(QStringLiteral("line 1 looks like")));
        }
    }

    void preambleLinesInLaterMessages()
    {
        // After the skipped line, messages still name physical lines of the file.
        const LoadResult r = loadText("3,2\na,b\n1,2\n3,4\n5,6,7\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, qint64(5));
        QCOMPARE(r.error->column, 3);
        const LoadResult w = loadText("3,2\na,b\n1,2\n3,x\n4,5\n");
        QVERIFY2(w.ok(), qPrintable(describe(w)));
        bool found = false;
        for (const LoadIssue &i : w.warnings)
            found = found
                || (i.line == 4 && i.column == 2 && i.message.contains(QStringLiteral("\"x\"")));
        QVERIFY2(found, qPrintable(warningsText(w)));
    }

    void sklearnFiles()
    {
        const QString boston = kSklearnData + QStringLiteral("boston_house_prices.csv");
        const QString wine = kSklearnData + QStringLiteral("wine_data.csv");
        if (!QFileInfo::exists(boston) || !QFileInfo::exists(wine))
            QSKIP("Debian's python3-sklearn is not installed");
        {
            const LoadResult r = DatasetLoader::load(boston);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(r.dataset->rowCount(), 506);
            QCOMPARE(r.dataset->columnCount(), 14);
            QCOMPARE(types(*r.dataset), QString(14, QLatin1Char('n')));
            QCOMPARE(r.dataset->column(0).name(), QStringLiteral("CRIM"));
            QCOMPARE(r.dataset->column(13).name(), QStringLiteral("MEDV"));
            QCOMPARE(r.dataset->column(0).values()[0], 0.00632);
            QCOMPARE(r.dataset->column(13).values()[505], 11.9);
            QVERIFY(!r.warnings.isEmpty());
            QCOMPARE(r.warnings.front().line, qint64(1));
            QVERIFY2(r.warnings.front().toString().contains(QStringLiteral("line 1")),
                qPrintable(warningsText(r)));
        }
        {
            const LoadResult r = DatasetLoader::load(wine);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(r.dataset->rowCount(), 178);
            QCOMPARE(r.dataset->columnCount(), 14);
            QCOMPARE(types(*r.dataset), QString(14, QLatin1Char('n')));
            QCOMPARE(r.dataset->column(0).values()[0], 14.23);
            QCOMPARE(r.dataset->column(13).values()[177], 2.0);
            QCOMPARE(r.warnings.size(), 1);
            QCOMPARE(r.warnings.front().line, qint64(1));
        }
        // Read as before: wine refused, boston all categorical.
        CsvOptions asBefore;
        asBefore.skipLines = 0;
        QVERIFY(!DatasetLoader::load(wine, asBefore).ok());
        const LoadResult b = DatasetLoader::load(boston, asBefore);
        QVERIFY(b.ok());
        QCOMPARE(types(*b.dataset), QString(14, QLatin1Char('c')));
        // Through the File node (the studio and `sextant run`).
        const NodeOutcome node = runFileNode(boston);
        QVERIFY2(node.data, qPrintable(node.error));
        QCOMPARE(types(*node.data), QString(14, QLatin1Char('n')));
    }

    // ---------------------------------------------------------------- lines to skip
    void skipLines_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("skip");
        QTest::addColumn<QString>("expected"); // names, then the table
        QTest::newRow("two lines of notes")
            << QByteArray("# exported\n# by a tool\na,b\n1,2\n") << 2 << "a,b\n1|2";
        QTest::newRow("CRLF") << QByteArray("x\r\ny\r\na,b\r\n1,2\r\n") << 2 << "a,b\n1|2";
        QTest::newRow("skip zero keeps a count line")
            << QByteArray("3,2\n1,2\n4,5\n6,7\n") << 0 << "Column 1,Column 2\n3|2\n1|2\n4|5\n6|7";
        QTest::newRow("skipped lines may be anything")
            << QByteArray("\"unterminated\n\x01\x02\na;b\n1;2\n") << 2 << "a,b\n1|2";
    }
    void skipLines()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, skip);
        QFETCH(QString, expected);
        CsvOptions o;
        o.skipLines = skip;
        for (const std::size_t block : { std::size_t(0), std::size_t(3) }) {
            csv::Tuning tiny;
            if (block) {
                tiny.blockBytes = block;
                tiny.minChunkBytes = 1;
            }
            const LoadResult r = csv::readBuffer(input, kMem, o, {}, tiny);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(r.dataset->columnNames().join(QLatin1Char(',')) + QLatin1Char('\n')
                    + table(*r.dataset),
                expected);
        }
    }
    void skipLinesErrors()
    {
        CsvOptions o;
        o.skipLines = 2;
        // Line numbers after the skipped lines are the file's.
        LoadResult r = loadText("note\nnote\na,b\n1,2\n3,4,5\n", o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, qint64(5));
        QCOMPARE(r.error->column, 3);
        // Nothing left.
        o.skipLines = 5;
        r = loadText("a,b\n1,2\n", o);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->message.contains(QStringLiteral("no data after the 5 skipped line(s)")),
            qPrintable(describe(r)));
    }

    // ---------------------------------------------------------------- quote, header
    void quoteCharacter()
    {
        const QByteArray text("a,b\n'x,y',1\n'it''s',2\n");
        CsvOptions o;
        LoadResult r = loadText(text, o);
        QVERIFY(!r.ok()); // with '"' the comma inside '...' splits: an extra field
        o.quote = '\'';
        r = loadText(text, o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(table(*r.dataset), QStringLiteral("x,y|1\nit's|2"));
        // No quoting: a quote is an ordinary character.
        o.quote = '\0';
        r = loadText("a,b\n\"x\",1\n", o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(table(*r.dataset), QStringLiteral("\"x\"|1"));
    }

    // ---------------------------------------------------------------- numbers
    void numberFormats_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<char>("decimal");
        QTest::addColumn<char>("thousands");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("expectedTypes");
        QTest::newRow("decimal comma, semicolons")
            << QByteArray("a;b\n1,5;-2,25\n3;,5\n") << ',' << '\0' << "1.5|-2.25\n3|0.5"
            << "nn";
        QTest::newRow("decimal comma, sniffed delimiter is not the comma")
            << QByteArray("a;b\n1,5;2\n3,5;4\n") << ',' << '\0' << "1.5|2\n3.5|4"
            << "nn";
        QTest::newRow("decimal comma, thousands point")
            << QByteArray("a;b\n1.234.567,5;1e3\n-12,75;2,5E-1\n") << ',' << '.'
            << "1234567.5|1000\n-12.75|0.25"
            << "nn";
        QTest::newRow("decimal comma: a point makes text")
            << QByteArray("a;b\n1,5;1.5\n2;2\n") << ',' << '\0' << "1.5|1.5\n2|2"
            << "nc";
        QTest::newRow("thousands comma") << QByteArray("a\tb\n1,234\t1,234,567.25\n12\t-999,999\n")
                                         << '.' << ',' << "1234|1234567.25\n12|-999999"
                                         << "nn";
        QTest::newRow("thousands in the wrong place make text")
            << QByteArray("a\tb\n1,23\t1,234\n4\t5\n") << '.' << ',' << "1,23|1234\n4|5"
            << "cn";
        QTest::newRow("thousands space")
            << QByteArray("a;b\n1 234,5;\"12 345 678\"\n") << ',' << ' ' << "1234.5|12345678"
            << "nn";
        QTest::newRow("thousands apostrophe")
            << QByteArray("a,b\n1'234.5,2\n") << '.' << '\'' << "1234.5|2"
            << "nn";
    }
    void numberFormats()
    {
        QFETCH(QByteArray, input);
        QFETCH(char, decimal);
        QFETCH(char, thousands);
        QFETCH(QString, expected);
        QFETCH(QString, expectedTypes);
        CsvOptions o;
        o.decimal = decimal;
        o.thousands = thousands;
        for (const std::size_t block : { std::size_t(0), std::size_t(5) }) {
            csv::Tuning tiny;
            if (block) {
                tiny.blockBytes = block;
                tiny.minChunkBytes = 1;
            }
            const LoadResult r = csv::readBuffer(input, kMem, o, {}, tiny);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(table(*r.dataset), expected);
            QCOMPARE(types(*r.dataset), expectedTypes);
        }
        // By default the same text is not read as those numbers.
        const LoadResult plain = loadText(input);
        if (plain.ok())
            QVERIFY(table(*plain.dataset) != expected);
    }
    void invalidNumberOptions()
    {
        CsvOptions o;
        o.decimal = ',';
        o.delimiter = ',';
        LoadResult r = loadText("a,b\n1,2\n", o);
        QVERIFY(!r.ok());
        QVERIFY2(
            r.error->message.contains(QStringLiteral("decimal mark")), qPrintable(describe(r)));
        o = {};
        o.decimal = ',';
        o.thousands = ',';
        QVERIFY(!loadText("a;b\n1;2\n", o).ok());
    }

    // ---------------------------------------------------------------- encodings
    void encodings()
    {
        const QString text = QStringLiteral("name,city\nJosé,Zürich\nÅsa,Kraków\n");
        const QString expected = QStringLiteral("José|Zürich\nÅsa|Kraków");
        // UTF-16 with a byte order mark, both byte orders: read with auto and utf-16.
        for (const auto order : { QStringConverter::Utf16LE, QStringConverter::Utf16BE }) {
            QStringEncoder enc(order, QStringConverter::Flag::WriteBom);
            const QByteArray bytes = enc.encode(text);
            for (const auto e : { CsvOptions::Encoding::Auto, CsvOptions::Encoding::Utf16 }) {
                CsvOptions o;
                o.encoding = e;
                const LoadResult r = loadText(bytes, o);
                QVERIFY2(r.ok(), qPrintable(describe(r)));
                QCOMPARE(table(*r.dataset), expected);
                QCOMPARE(r.dataset->columnNames(),
                    (QStringList { QStringLiteral("name"), QStringLiteral("city") }));
                QVERIFY2(r.warnings.isEmpty(), qPrintable(warningsText(r)));
            }
        }
        // UTF-16 LE without a mark needs the encoding named.
        {
            QStringEncoder enc(QStringConverter::Utf16LE);
            const QByteArray bytes = enc.encode(text);
            QVERIFY(!loadText(bytes).ok()); // NUL bytes: not text
            CsvOptions o;
            o.encoding = CsvOptions::Encoding::Utf16;
            const LoadResult r = loadText(bytes, o);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(table(*r.dataset), expected);
            // A cut-off character at the end.
            const LoadResult odd = loadText(bytes + QByteArray("x"), o);
            QVERIFY(!odd.ok());
            QCOMPARE(odd.error->line, qint64(4));
            QVERIFY2(
                odd.error->message.contains(QStringLiteral("UTF-16")), qPrintable(describe(odd)));
            // A lone surrogate on line 2.
            QByteArray lone = bytes;
            const qsizetype at = 2 * text.indexOf(QStringLiteral("José"));
            lone[at] = char(0x00);
            lone[at + 1] = char(0xdc);
            const LoadResult bad = loadText(lone, o);
            QVERIFY(!bad.ok());
            QCOMPARE(bad.error->line, qint64(2));
        }
        // Latin-1: read as such, without the per-value warning of auto.
        {
            const QByteArray bytes = text.toLatin1();
            const QString latinExpected = expected;
            const LoadResult guessed = loadText(bytes);
            QVERIFY(guessed.ok());
            QVERIFY(!guessed.warnings.isEmpty()); // "not valid UTF-8; read as Latin-1"
            CsvOptions o;
            o.encoding = CsvOptions::Encoding::Latin1;
            const LoadResult r = loadText(bytes, o);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(table(*r.dataset), latinExpected);
            QVERIFY2(r.warnings.isEmpty(), qPrintable(warningsText(r)));
            // UTF-8 text read as Latin-1 is what the person asked for: mojibake, no error.
            const LoadResult utf8AsLatin = loadText(text.toUtf8(), o);
            QVERIFY(utf8AsLatin.ok());
            QCOMPARE(cell(*utf8AsLatin.dataset, 0, 0), QStringLiteral("JosÃ©"));
        }
        // From a file too (the streaming conversion).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("utf16.csv"));
        QStringEncoder enc(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
        QString big = QStringLiteral("i,word\n");
        for (int i = 0; i < 100000; ++i)
            big += QStringLiteral("%1,wört%2\n").arg(i).arg(i % 7);
        QVERIFY(writeFile(path, enc.encode(big)));
        const LoadResult r = CsvReader::read(path);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->rowCount(), 100000);
        QCOMPARE(cell(*r.dataset, 1, 99999), QStringLiteral("wört%1").arg(99999 % 7));
        QCOMPARE(r.dataset->column(0).values()[12345], 12345.0);
    }

    // ---------------------------------------------------------------- File node
    void fileNodeParameters()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("euro.csv"));
        QVERIFY(writeFile(path,
            QByteArray("Exported 2024\nnote\n'id';'amount';'flag'\n'a;1';1.234,5;-\n'b';2;x\n")));
        const QVariantMap params = { { QStringLiteral("skip_lines"), qlonglong(2) },
            { QStringLiteral("delimiter"), QStringLiteral("semicolon") },
            { QStringLiteral("quote"), QStringLiteral("single") },
            { QStringLiteral("decimal"), QStringLiteral("comma") },
            { QStringLiteral("thousands"), QStringLiteral("point") },
            { QStringLiteral("missing"), QStringLiteral("-, n/a") },
            { QStringLiteral("header"), QStringLiteral("present") },
            { QStringLiteral("encoding"), QStringLiteral("utf-8") } };
        const NodeOutcome o = runFileNode(path, params);
        QVERIFY2(o.data, qPrintable(o.error));
        QCOMPARE(o.data->columnNames(),
            (QStringList {
                QStringLiteral("id"), QStringLiteral("amount"), QStringLiteral("flag") }));
        QCOMPARE(table(*o.data), QStringLiteral("a;1|1234.5|<NA>\nb|2|x"));
        const CsvOptions options = FileSourceNode::csvOptions(params);
        QCOMPARE(
            options.missingTokens, (QStringList { QStringLiteral("-"), QStringLiteral("n/a") }));
        QCOMPARE(options.encoding, CsvOptions::Encoding::Utf8);
        // Latin-1 and UTF-16 by name.
        QCOMPARE(FileSourceNode::csvOptions(
                     { { QStringLiteral("encoding"), QStringLiteral("latin-1") } })
                     .encoding,
            CsvOptions::Encoding::Latin1);
        QCOMPARE(
            FileSourceNode::csvOptions({ { QStringLiteral("encoding"), QStringLiteral("utf-16") } })
                .encoding,
            CsvOptions::Encoding::Utf16);
        // The defaults are the reader's.
        GraphModel model(BuiltinNodes::registry());
        const int file = model.addNode(FileSourceNode::typeId(), {}, {}).value();
        const CsvOptions defaults = FileSourceNode::csvOptions(model.parameters(file));
        const CsvOptions reader;
        QCOMPARE(defaults.skipLines, -1);
        QCOMPARE(defaults.quote, reader.quote);
        QCOMPARE(defaults.decimal, reader.decimal);
        QCOMPARE(defaults.thousands, reader.thousands);
        QCOMPARE(defaults.encoding, reader.encoding);
        QCOMPARE(defaults.missingTokens, reader.missingTokens);
        QCOMPARE(defaults.delimiter, reader.delimiter);
        // A bad value is refused by the schema.
        QVERIFY(!model.setParameter(file, QStringLiteral("encoding"), QStringLiteral("ebcdic")));
        QVERIFY(!model.setParameter(file, QStringLiteral("skip_lines"), qlonglong(-2)));
        // A load error names the file, line and field.
        const NodeOutcome bad
            = runFileNode(path, { { QStringLiteral("skip_lines"), qlonglong(0) } });
        QVERIFY(!bad.data);
        QVERIFY2(bad.error.contains(QStringLiteral("euro.csv:")), qPrintable(bad.error));
    }

    void oldWorkflowsReadFilesAsBefore()
    {
        // Written before the options existed: no preamble detection (skip 0), the rest at
        // the reader's defaults; saved again, the values stay.
        const QByteArray old = R"({"format": "sextant-workflow", "version": 1, "nodes": [
            {"id": 1, "type": "data.file", "parameters": {"path": "boston.csv"}}]})";
        GraphModel model(BuiltinNodes::registry());
        const Status parsed = WorkflowFile::parse(old, model);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(model.parameter(1, QStringLiteral("skip_lines")), QVariant(qlonglong(0)));
        QCOMPARE(model.parameter(1, QStringLiteral("encoding")), QVariant(QStringLiteral("auto")));
        QCOMPARE(model.parameter(1, QStringLiteral("decimal")), QVariant(QStringLiteral("point")));
        const CsvOptions o = FileSourceNode::csvOptions(model.parameters(1));
        QCOMPARE(o.skipLines, 0);
        QCOMPARE(o.missingTokens, CsvOptions().missingTokens);
        GraphModel copy(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::parse(WorkflowFile::serialize(model), copy).ok());
        QCOMPARE(copy.parameters(1), model.parameters(1));
        // A new node detects preambles, and keeps doing so after a save.
        GraphModel fresh(BuiltinNodes::registry());
        const int file = fresh.addNode(FileSourceNode::typeId(), {}, {}).value();
        GraphModel again(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::parse(WorkflowFile::serialize(fresh), again).ok());
        QCOMPARE(again.parameter(file, QStringLiteral("skip_lines")), QVariant(qlonglong(-1)));
    }
};

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
