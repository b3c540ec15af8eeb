// ArffReader: real Weka files, the syntax corners, every error with its line and field,
// dates, progress/cancel, and robustness against truncated and garbage input.
#include "NumberCases.h"
#include "data/ArffReader.h"
#include "data/CsvReader.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <random>

using namespace sextant::engine;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(SEXTANT_TEST_DATA_DIR "/arff/") + QLatin1String(name);
}

QString describe(const LoadResult &r)
{
    if (r.error)
        return r.error->toString();
    return r.ok() ? QStringLiteral("ok") : QStringLiteral("failed without an error");
}

const QByteArray kHeader = "@relation r\n"
                           "@attribute a {x, y}\n"
                           "@attribute b numeric\n"
                           "@data\n"; // data starts on line 5

} // namespace

class TestArffReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numberRulesAreShared_data() { sextant::testing::addNumberCases(); }
    void numberRulesAreShared()
    {
        // NumberParser.h's table: a numeric attribute takes exactly the numbers the CSV
        // reader takes ("1e400" is inf in both), and refuses the rest.
        QFETCH(QByteArray, text);
        QFETCH(bool, number);
        QFETCH(double, value);
        const LoadResult r = ArffReader::readBuffer(
            "@relation r\n@attribute a numeric\n@data\n" + text + "\n", QStringLiteral("n.arff"));
        if (!number) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error->line, 4);
            QVERIFY2(r.error->message.contains(QStringLiteral("is not a number")),
                qPrintable(describe(r)));
            return;
        }
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const double got = r.dataset->column(0).values()[0];
        QVERIFY2(
            std::memcmp(&got, &value, sizeof got) == 0, qPrintable(QString::number(got, 'g', 17)));
    }

    void encodingPolicyMatchesCsv()
    {
        // One policy (TextEncoding.h): a value that is not UTF-8 is read as Latin-1 with
        // the same warning as in a CSV file, naming the file, line and field; valid UTF-8
        // values stay UTF-8.
        const LoadResult arff = ArffReader::readBuffer("@relation r\n@attribute city string\n"
                                                       "@attribute n numeric\n@data\n"
                                                       "Z\xc3\xbcrich,1\nJos\xe9,2\nJos\xe9,3\n",
            QStringLiteral("t.arff"));
        QVERIFY2(arff.ok(), qPrintable(describe(arff)));
        const LoadResult csv = CsvReader::readBuffer(
            "city,n\nZ\xc3\xbcrich,1\nJos\xe9,2\nJos\xe9,3\n", QStringLiteral("t.csv"));
        QVERIFY2(csv.ok(), qPrintable(csv.error ? csv.error->toString() : QString()));
        QCOMPARE(arff.dataset->column(0).categories(),
            QStringList({ QString::fromUtf8("Zürich"), QString::fromUtf8("José") }));
        QCOMPARE(csv.dataset->column(0).categories(), arff.dataset->column(0).categories());
        QCOMPARE(arff.warnings.size(), 1);
        QCOMPARE(csv.warnings.size(), 1);
        QCOMPARE(arff.warnings[0].message, csv.warnings[0].message);
        QCOMPARE(arff.warnings[0].message,
            QString::fromUtf8("\"José\" is not valid UTF-8; read as Latin-1"));
        QCOMPARE(arff.warnings[0].file, QStringLiteral("t.arff"));
        QCOMPARE(arff.warnings[0].line, 6);
        QCOMPARE(arff.warnings[0].column, 1);
        QCOMPARE(csv.warnings[0].line, 3);
        QCOMPARE(csv.warnings[0].column, 1);
        // Names and declared nominal values follow the same policy.
        const LoadResult names = ArffReader::readBuffer(
            "@relation r\n@attribute caf\xe9 {a\xe9, b}\n@data\nb\n", QStringLiteral("t.arff"));
        QVERIFY2(names.ok(), qPrintable(describe(names)));
        QCOMPARE(names.dataset->column(0).name(), QString::fromUtf8("café"));
        QCOMPARE(names.dataset->column(0).categories().value(0), QString::fromUtf8("aé"));
        QCOMPARE(names.warnings.size(), 2);
        QCOMPARE(names.warnings[0].line, 2);
        // UTF-16 is refused (the CSV reader converts it; tst_csvimport), UTF-32 as in the
        // CSV reader.
        const LoadResult utf16
            = ArffReader::readBuffer(QByteArray("\xff\xfe@\0r\0", 6), QStringLiteral("t.arff"));
        QVERIFY(!utf16.ok());
        QVERIFY(utf16.error->message.contains(QStringLiteral("UTF-16")));
        const LoadResult utf32 = ArffReader::readBuffer(
            QByteArray("\xff\xfe\0\0@\0\0\0", 8), QStringLiteral("t.arff"));
        const LoadResult csv32
            = CsvReader::readBuffer(QByteArray("\xff\xfe\0\0@\0\0\0", 8), QStringLiteral("t.arff"));
        QVERIFY(!utf32.ok());
        QVERIFY(!csv32.ok());
        QCOMPARE(utf32.error->message, csv32.error->message);
        QCOMPARE(utf16.error->line, 1);
    }

    void iris()
    {
        const LoadResult r = ArffReader::read(fixture("iris.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r.warnings.isEmpty());
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.name(), QStringLiteral("iris"));
        QCOMPARE(ds.rowCount(), 150);
        QCOMPARE(ds.columnCount(), 5);
        QCOMPARE(ds.columnNames(),
            QStringList({ QStringLiteral("sepallength"), QStringLiteral("sepalwidth"),
                QStringLiteral("petallength"), QStringLiteral("petalwidth"),
                QStringLiteral("class") }));
        for (int i = 0; i < 4; ++i) {
            QVERIFY(ds.column(i).isNumeric());
            QCOMPARE(toString(ds.column(i).role()), toString(ColumnRole::Feature));
            QCOMPARE(ds.column(i).missingCount(), 0);
        }
        const Column &cls = ds.column(4);
        QVERIFY(cls.isCategorical());
        QCOMPARE(toString(cls.role()), toString(ColumnRole::Target));
        QCOMPARE(cls.categories(),
            QStringList({ QStringLiteral("Iris-setosa"), QStringLiteral("Iris-versicolor"),
                QStringLiteral("Iris-virginica") }));
        int perClass[3] = { 0, 0, 0 };
        for (std::int32_t code : cls.codes())
            ++perClass[code];
        QCOMPARE(perClass[0], 50);
        QCOMPARE(perClass[1], 50);
        QCOMPARE(perClass[2], 50);
        // First and last rows, and the column sums numpy gives for sklearn's iris.
        QCOMPARE(ds.column(0).values()[0], 5.1);
        QCOMPARE(ds.column(3).values()[0], 0.2);
        QCOMPARE(ds.column(0).values()[149], 5.9);
        QCOMPARE(cls.displayValue(149), QStringLiteral("Iris-virginica"));
        const double sums[4] = { 876.5, 458.6, 563.7, 179.9 };
        for (int i = 0; i < 4; ++i) {
            double s = 0;
            for (double v : ds.column(i).values())
                s += v;
            QVERIFY2(std::abs(s - sums[i]) < 1e-9, qPrintable(QString::number(s, 'g', 17)));
        }
    }

    void weatherNominal()
    {
        const LoadResult r = ArffReader::read(fixture("weather.nominal.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.name(), QStringLiteral("weather.symbolic"));
        QCOMPARE(ds.rowCount(), 14);
        QCOMPARE(ds.columnCount(), 5);
        for (const Column &c : ds.columns())
            QVERIFY2(c.isCategorical(), qPrintable(c.name()));
        // Declared order, not order of appearance ("overcast" appears before "rainy" but
        // "sunny" first; "TRUE" is declared first although "FALSE" appears first).
        QCOMPARE(ds.column(0).categories(),
            QStringList(
                { QStringLiteral("sunny"), QStringLiteral("overcast"), QStringLiteral("rainy") }));
        QCOMPARE(ds.column(3).categories(),
            QStringList({ QStringLiteral("TRUE"), QStringLiteral("FALSE") }));
        QCOMPARE(ds.column(3).codes()[0], 1);
        QCOMPARE(toString(ds.column(4).role()), toString(ColumnRole::Target));
        QCOMPARE(ds.columnsWithRole(ColumnRole::Target), QList<int>({ 4 }));
        std::int64_t yes = 0;
        for (std::int32_t c : ds.column(4).codes())
            yes += c == 0 ? 1 : 0;
        QCOMPARE(yes, 9);
        QCOMPARE(ds.column(0).displayValue(13), QStringLiteral("rainy"));
    }

    // Every cell of a file that uses most of the syntax (CRLF line ends).
    void syntaxCorners()
    {
        const LoadResult r = ArffReader::read(fixture("features.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.name(), QStringLiteral("feature test"));
        QCOMPARE(ds.rowCount(), 6);
        QCOMPARE(ds.columnNames(),
            QStringList({ QStringLiteral("petal length"), QStringLiteral("count"),
                QStringLiteral("colour"), QStringLiteral("note"), QStringLiteral("when"),
                QStringLiteral("day"), QStringLiteral("class") }));
        // The instance weight on the 5th row gives one warning, naming its line.
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].line, 20);
        QVERIFY(r.warnings[0].message.contains(QStringLiteral("weight")));

        const Column &length = ds.column(0);
        QVERIFY(length.isNumeric());
        const double nan = std::nan("");
        const std::vector<double> lengthExpected = { 1.5, -2000, nan, 4.25, 0, 0.5 };
        const std::vector<double> countExpected = { 3, nan, 7, 0, 0, 1 };
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(length.isMissing(row), std::isnan(lengthExpected[row]));
            if (!std::isnan(lengthExpected[row]))
                QCOMPARE(length.values()[row], lengthExpected[row]);
            QCOMPARE(ds.column(1).isMissing(row), std::isnan(countExpected[row]));
            if (!std::isnan(countExpected[row]))
                QCOMPARE(ds.column(1).values()[row], countExpected[row]);
        }

        const Column &colour = ds.column(2);
        QVERIFY(colour.isCategorical());
        QCOMPARE(colour.categories(),
            QStringList({ QStringLiteral("red"), QStringLiteral("dark green"),
                QStringLiteral("blue's"), QStringLiteral("?") }));
        // A quoted '?' is the value "?", not a missing cell; an absent sparse nominal entry
        // is the first declared value.
        QCOMPARE(std::vector<std::int32_t>(colour.codes().begin(), colour.codes().end()),
            std::vector<std::int32_t>({ 0, 1, 3, 2, 0, 0 }));
        QCOMPARE(colour.missingCount(), 0);

        // string -> categories in order of appearance; escapes decoded; UTF-8 kept.
        const Column &note = ds.column(3);
        QVERIFY(note.isCategorical());
        QCOMPARE(note.categories(),
            QStringList({ QStringLiteral("hello world"), QStringLiteral("say \"hi\"\tthere"),
                QStringLiteral("hello"), QString::fromUtf8("Z\xc3\xbcrich") }));
        QCOMPARE(std::vector<std::int32_t>(note.codes().begin(), note.codes().end()),
            std::vector<std::int32_t>({ 0, 1, 2, 0, 0, 3 }));

        // dates -> seconds since the epoch, UTC (reference: Python's calendar.timegm).
        const Column &when = ds.column(4);
        QVERIFY(when.isNumeric());
        QCOMPARE(when.values()[0], 1614834367.0);
        QVERIFY(when.isMissing(1));
        QCOMPARE(when.values()[2], 0.0);
        QCOMPARE(when.values()[3], 0.0); // absent sparse entry
        QVERIFY(when.isMissing(5));
        const Column &day = ds.column(5);
        QCOMPARE(day.values()[0], 1614816000.0);
        QCOMPARE(day.values()[1], 0.0);
        QVERIFY(day.isMissing(2));
        QCOMPARE(day.values()[5], 951782400.0);

        const Column &cls = ds.column(6);
        QCOMPARE(toString(cls.role()), toString(ColumnRole::Target));
        QCOMPARE(std::vector<std::int32_t>(cls.codes().begin(), cls.codes().end()),
            std::vector<std::int32_t>({ 0, 1, -1, 1, 0, 0 }));
        QCOMPARE(cls.missingCount(), 1);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(toString(ds.column(i).role()), toString(ColumnRole::Feature));
    }

    void keywordsAreCaseInsensitive()
    {
        const LoadResult r = ArffReader::readBuffer(
            "@RELATION R\n@ATTRIBUTE A REAL\n@AtTrIbUtE B {p,q}\n@DATA\n1,q\n",
            QStringLiteral("t"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->column(1).codes()[0], 1);
        // ...but nominal values are not: "Q" is not "q".
        const LoadResult bad = ArffReader::readBuffer(
            "@RELATION R\n@ATTRIBUTE A REAL\n@AtTrIbUtE B {p,q}\n@DATA\n1,Q\n",
            QStringLiteral("t"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error->line, 5);
        QCOMPARE(bad.error->column, 2);
    }

    void sparseRows()
    {
        const QByteArray text = "@relation s\n"
                                "@attribute n1 numeric\n"
                                "@attribute n2 numeric\n"
                                "@attribute c {first, second}\n"
                                "@attribute n3 numeric\n"
                                "@data\n"
                                "{1 2.5, 3 -1}\n"
                                "{2 second}\n"
                                "{0 ?, 2 ?}\n"
                                "{ }\n"
                                "7, 8, second, 9\n"; // dense and sparse rows may mix
        const LoadResult r = ArffReader::readBuffer(text, QStringLiteral("s.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Dataset &ds = *r.dataset;
        QCOMPARE(ds.rowCount(), 5);
        auto cells = [&](int c) {
            const auto v = ds.column(c).values();
            return std::vector<double>(v.begin(), v.end());
        };
        QCOMPARE(cells(1), std::vector<double>({ 2.5, 0, 0, 0, 8 }));
        QCOMPARE(cells(3), std::vector<double>({ -1, 0, 0, 0, 9 }));
        QVERIFY(ds.column(0).isMissing(2));
        QCOMPARE(ds.column(0).missingCount(), 1);
        const auto codes = ds.column(2).codes();
        QCOMPARE(std::vector<std::int32_t>(codes.begin(), codes.end()),
            std::vector<std::int32_t>({ 0, 1, -1, 0, 1 }));
    }

    void headerOnlyLoadsEmptyWithWarning()
    {
        const LoadResult r
            = ArffReader::readBuffer(kHeader + "% nothing here\n", QStringLiteral("h.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->rowCount(), 0);
        QCOMPARE(r.dataset->columnCount(), 2);
        QCOMPARE(r.dataset->column(0).categories().size(), 2);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings[0].message.contains(QStringLiteral("no rows")));
    }

    void dates_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<double>("expected");
        // Expected values from Python: calendar.timegm(datetime.strptime(...).timetuple()).
        QTest::newRow("default ISO") << QByteArray() << QByteArray("2001-09-09T01:46:40") << 1e9;
        QTest::newRow("day first")
            << QByteArray("dd/MM/yyyy") << QByteArray("31/12/1999") << 946598400.0;
        QTest::newRow("abutting fields")
            << QByteArray("yyyyMMdd") << QByteArray("20200101") << 1577836800.0;
        QTest::newRow("milliseconds") << QByteArray("'yyyy-MM-dd HH:mm:ss.SSS'")
                                      << QByteArray("'1970-01-01 00:00:01.250'") << 1.25;
        QTest::newRow("zone offset") << QByteArray("\"yyyy-MM-dd'T'HH:mm:ssXXX\"")
                                     << QByteArray("2020-01-01T01:00:00+01:00") << 1577836800.0;
        QTest::newRow("zone Z") << QByteArray("\"yyyy-MM-dd'T'HH:mm:ssX\"")
                                << QByteArray("2020-01-01T00:00:00Z") << 1577836800.0;
        QTest::newRow("RFC 822 zone") << QByteArray("'yyyy-MM-dd HH:mm Z'")
                                      << QByteArray("'2020-01-01 00:00 -0130'") << 1577842200.0;
        QTest::newRow("month name")
            << QByteArray("'dd MMM yyyy'") << QByteArray("'05 Mar 2021'") << 1614902400.0;
        QTest::newRow("full month name")
            << QByteArray("'MMMM d, yyyy'") << QByteArray("'March 5, 2021'") << 1614902400.0;
        QTest::newRow("before 1970") << QByteArray("'yyyy-MM-dd HH:mm:ss'")
                                     << QByteArray("'1969-07-20 20:17:40'") << -14182940.0;
        QTest::newRow("before 1900")
            << QByteArray("yyyy-MM-dd") << QByteArray("1600-03-01") << -11670912000.0;
        QTest::newRow("12-hour AM")
            << QByteArray("'hh:mm a yyyy-MM-dd'") << QByteArray("'12:30 AM 1970-01-01'") << 1800.0;
        QTest::newRow("12-hour PM")
            << QByteArray("'hh:mm a yyyy-MM-dd'") << QByteArray("'01:00 PM 1970-01-01'") << 46800.0;
        QTest::newRow("quoted literal")
            << QByteArray("\"yyyy-MM-dd'at'HH\"") << QByteArray("1970-01-02at03") << 97200.0;
    }

    void dates()
    {
        QFETCH(QByteArray, format);
        QFETCH(QByteArray, value);
        QFETCH(double, expected);
        const QByteArray text
            = "@relation d\n@attribute t date " + format + "\n@data\n" + value + "\n";
        const LoadResult r = ArffReader::readBuffer(text, QStringLiteral("d.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r.warnings.isEmpty());
        QVERIFY(r.dataset->column(0).isNumeric());
        QCOMPARE(r.dataset->column(0).values()[0], expected);
    }

    void unsupportedDateFormatKeepsText()
    {
        const LoadResult r
            = ArffReader::readBuffer("@relation d\n@attribute week date "
                                     "\"yyyy-'W'ww\"\n@data\n2021-W05\n2021-W06\n2021-W05\n",
                QStringLiteral("d.arff"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].line, 2);
        QVERIFY(r.warnings[0].message.contains(QStringLiteral("'w'")));
        const Column &c = r.dataset->column(0);
        QVERIFY(c.isCategorical());
        QCOMPARE(c.categories(),
            QStringList({ QStringLiteral("2021-W05"), QStringLiteral("2021-W06") }));
        QCOMPARE(c.codes()[2], 0);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        QTest::newRow("value not in nominal set") << kHeader
                + "x,1\nz,2\n" << 6 << 1 << QStringLiteral("'z' is not a declared value");
        QTest::newRow("nominal set is listed") << kHeader + "x,1\nz,2\n"
                                               << 6 << 1 << QStringLiteral("{x, y}");
        QTest::newRow("too few fields") << kHeader + "x,1\ny\n"
                                        << 6 << 2 << QStringLiteral("expected 2 values");
        QTest::newRow("too many fields") << kHeader + "x,1\ny,2,3\n"
                                         << 6 << 3 << QStringLiteral("found 3");
        // Commas and blanks both separate values, as in Weka: ",," holds no empty value.
        QTest::newRow("empty fields are not values") << kHeader
                + "x,,\n" << 5 << 2 << QStringLiteral("values (one per attribute), found 1");
        QTest::newRow("non-numeric value") << kHeader + "x,1\ny,abc\n"
                                           << 6 << 2 << QStringLiteral("'abc' is not a number");
        QTest::newRow("number with trailing junk") << kHeader + "x,1.5.2\n"
                                                   << 5 << 2 << QStringLiteral("is not a number");
        QTest::newRow("missing @data") << QByteArray("@relation r\n@attribute a numeric\n\n% end\n")
                                       << 4 << 0 << QStringLiteral("missing @data");
        QTest::newRow("unknown type")
            << QByteArray("@relation r\n@attribute a numeric\n@attribute b numerc\n@data\n") << 3
            << 3 << QStringLiteral("unknown attribute type 'numerc'");
        QTest::newRow("attribute without type") << QByteArray("@relation r\n@attribute a\n@data\n")
                                                << 2 << 3 << QStringLiteral("has no type");
        QTest::newRow("relational unsupported")
            << QByteArray("@relation r\n@attribute bag relational\n@data\n") << 2 << 3
            << QStringLiteral("not supported");
        QTest::newRow("duplicate attribute name")
            << QByteArray("@relation r\n@attribute a numeric\n@attribute 'a' {u}\n@data\n") << 3
            << 2 << QStringLiteral("duplicate attribute name 'a' (first declared on line 2)");
        QTest::newRow("duplicate nominal value")
            << QByteArray("@relation r\n@attribute a {u, v, u}\n@data\n") << 2 << 6
            << QStringLiteral("declares the value 'u' twice");
        QTest::newRow("nominal list not closed")
            << QByteArray("@relation r\n@attribute a {u, v\n@data\n") << 2 << 5
            << QStringLiteral("not closed");
        QTest::newRow("sparse index out of range")
            << kHeader + "{0 x, 5 1}\n"
            << 5 << 2 << QStringLiteral("sparse index 5 is out of range: there are 2 attributes");
        QTest::newRow("sparse negative index") << kHeader + "{-1 x}\n"
                                               << 5 << 1 << QStringLiteral("out of range");
        QTest::newRow("sparse indices not ascending") << kHeader + "{1 1, 0 x}\n"
                                                      << 5 << 2 << QStringLiteral("ascending");
        QTest::newRow("sparse duplicate index") << kHeader + "{1 1, 1 2}\n"
                                                << 5 << 2 << QStringLiteral("ascending");
        QTest::newRow("sparse index not a number") << kHeader
                + "{a x}\n" << 5 << 1 << QStringLiteral("'a' is not an attribute index");
        QTest::newRow("sparse index without value") << kHeader + "{0 x, 1}\n"
                                                    << 5 << 2 << QStringLiteral("has no value");
        QTest::newRow("sparse row not closed") << kHeader + "{0 x, 1 2\n"
                                               << 5 << 3 << QStringLiteral("not closed");
        QTest::newRow("sparse value not in nominal set") << kHeader
                + "{0 w}\n" << 5 << 1 << QStringLiteral("'w' is not a declared value");
        QTest::newRow("unterminated quote") << kHeader
                + "x,'1\n" << 5 << 2 << QStringLiteral("unterminated quoted value");
        QTest::newRow("unterminated quote ending in backslash") << kHeader
                + "x,\"1\\\n" << 5 << 2 << QStringLiteral("unterminated quoted value");
        QTest::newRow("stray closing brace") << kHeader + "x,}\n"
                                             << 5 << 2 << QStringLiteral("unexpected '}'");
        QTest::newRow("bad instance weight") << kHeader + "x,1,{heavy}\n"
                                             << 5 << 3 << QStringLiteral("instance weight");
        QTest::newRow("no @relation") << QByteArray("% comment\n@attribute a numeric\n@data\n1\n")
                                      << 2 << 1 << QStringLiteral("expected @relation");
        QTest::newRow("@relation without name")
            << QByteArray("@relation\n") << 1 << 2 << QStringLiteral("needs a name");
        QTest::newRow("@data before attributes") << QByteArray("@relation r\n@data\n1\n") << 2 << 1
                                                 << QStringLiteral("before any @attribute");
        QTest::newRow("garbage in header")
            << QByteArray("@relation r\nhello world\n") << 2 << 1
            << QStringLiteral("expected @attribute or @data, found 'hello'");
        QTest::newRow("date not matching format")
            << QByteArray(
                   "@relation r\n@attribute d date yyyy-MM-dd\n@data\n2021-01-01\n2021-02-30\n")
            << 5 << 1 << QStringLiteral("does not match the date format 'yyyy-MM-dd'");
        QTest::newRow("only comments")
            << QByteArray("% just\n\n% comments\n") << 3 << 0 << QStringLiteral("no @relation");
        QTest::newRow("empty") << QByteArray() << 0 << 0 << QStringLiteral("empty");
        QTest::newRow("NUL byte") << kHeader + QByteArray("x,1\nx\0,1\n", 9) << 6 << 0
                                  << QStringLiteral("binary data");
        // Past 2 x attributes + 6 tokens a data row is wrong whatever follows: the reader
        // keeps no more tokens than that, and the messages stay those of the whole line.
        QTest::newRow("many values past the token limit")
            << kHeader + "x," + QByteArray("1,").repeated(30) + "1\n"
            << 5 << 3 << QStringLiteral("expected 2 values (one per attribute), found 32");
        QTest::newRow("stray brace past the token limit")
            << kHeader + "x,1," + QByteArray("2,").repeated(20) + "}\n"
            << 5 << 23 << QStringLiteral("unexpected '}'");
        QTest::newRow("long weight past the token limit")
            << kHeader + "x,1,{" + QByteArray("2 ").repeated(20) + "}\n"
            << 5 << 3 << QStringLiteral("instance weight");
        QTest::newRow("sparse row with a long weight")
            << kHeader + "{0 x, 1 2} {1 2 3 4 5 6 7 8}\n"
            << 5 << 3 << QStringLiteral("instance weight");
        QTest::newRow("unterminated quote past the token limit")
            << kHeader + QByteArray("1,").repeated(20) + "'abc\n"
            << 5 << 21 << QStringLiteral("unterminated quoted value");
        QTest::newRow("CRLF keeps line numbers")
            << QByteArray("@relation r\r\n@attribute a numeric\r\n@data\r\n1\r\n2\r\nthree\r\n")
            << 6 << 1 << QStringLiteral("'three' is not a number");
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const LoadResult r = ArffReader::readBuffer(text, QStringLiteral("in.arff"));
        QVERIFY(!r.ok());
        QVERIFY(!r.dataset);
        QVERIFY(r.error);
        QVERIFY(!r.cancelled);
        QCOMPARE(r.error->file, QStringLiteral("in.arff"));
        QVERIFY2(r.error->message.contains(message), qPrintable(r.error->toString()));
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
    }

    void errorInFileNamesPath()
    {
        const QString path = fixture("bad_nominal.arff");
        const LoadResult r = ArffReader::read(path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->toString().left(path.size() + 5), path + QStringLiteral(":9:2:"));
        QVERIFY(r.error->message.contains(QStringLiteral("'c'")));
    }

    void fileProblems()
    {
        const LoadResult empty = ArffReader::read(fixture("empty.arff"));
        QVERIFY(!empty.ok());
        QVERIFY(empty.error->message.contains(QStringLiteral("empty")));
        QCOMPARE(empty.error->file, fixture("empty.arff"));

        const LoadResult none = ArffReader::read(QStringLiteral("/nonexistent/x.arff"));
        QVERIFY(!none.ok());
        QVERIFY(none.error->message.contains(QStringLiteral("no such file")));

        QTemporaryDir dir;
        const LoadResult directory = ArffReader::read(dir.path());
        QVERIFY(!directory.ok());
        QVERIFY(directory.error->message.contains(QStringLiteral("directory")));
    }

    void binaryGarbageIsRefused()
    {
        std::mt19937 rng(12345);
        for (int trial = 0; trial < 50; ++trial) {
            QByteArray junk(1 + int(rng() % 4096), '\0');
            for (char &c : junk)
                c = static_cast<char>(rng() & 0xff);
            const LoadResult r = ArffReader::readBuffer(junk, QStringLiteral("junk"));
            QVERIFY(!r.ok());
            QVERIFY(r.error);
            QVERIFY(!r.error->message.isEmpty());
        }
        // A real binary file: this test executable.
        const LoadResult self = ArffReader::read(QCoreApplication::applicationFilePath());
        QVERIFY(!self.ok());
    }

    // Every prefix of a valid file, and random byte edits of it, must give a dataset or
    // a located error — never a crash or a hang.
    void truncatedAndMutatedInput()
    {
        QFile f(fixture("features.arff"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray full = f.readAll();
        int okCount = 0;
        for (qsizetype n = 0; n <= full.size(); ++n) {
            const LoadResult r = ArffReader::readBuffer(full.left(n), QStringLiteral("t"));
            QVERIFY(r.ok() || (r.error && !r.error->message.isEmpty()));
            if (r.ok()) {
                ++okCount;
                QCOMPARE(r.dataset->columnCount(), 7);
            } else if (n > 0) {
                QVERIFY2(r.error->line > 0, qPrintable(r.error->toString()));
            }
        }
        QVERIFY(okCount > 0);

        std::mt19937 rng(777);
        const char alphabet[] = "{}'\",% ?\\\n\r\t@0123456789-e.xyz";
        for (int trial = 0; trial < 3000; ++trial) {
            QByteArray m = full;
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const auto pos = static_cast<qsizetype>(rng() % static_cast<unsigned>(m.size()));
                m[pos] = alphabet[rng() % (sizeof alphabet - 1)];
            }
            const LoadResult r = ArffReader::readBuffer(m, QStringLiteral("t"));
            QVERIFY(r.ok() || (r.error && r.error->line > 0));
            if (r.ok())
                for (const Column &c : r.dataset->columns())
                    QCOMPARE(c.size(), r.dataset->rowCount());
        }
    }

    void progressAndCancel()
    {
        QByteArray text = "@relation big\n@attribute x numeric\n@attribute y {a, b}\n@data\n";
        const int rows = 400000; // ~3 MB
        text.reserve(text.size() + rows * 8);
        for (int i = 0; i < rows; ++i)
            text += QByteArray::number(i % 1000) + (i % 2 ? ",a\n" : ",b\n");

        std::vector<double> seen;
        LoadControl control;
        control.progress = [&seen](double f) { seen.push_back(f); };
        const LoadResult r = ArffReader::readBuffer(text, QStringLiteral("big"), control);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.dataset->rowCount(), rows);
        QVERIFY(seen.size() >= 3);
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));

        std::atomic<bool> cancel { false };
        LoadControl cancelling;
        cancelling.cancel = &cancel;
        int reports = 0;
        cancelling.progress = [&](double f) {
            if (f > 0 && ++reports == 1)
                cancel = true; // as a Cancel button would, mid-way
        };
        const LoadResult c = ArffReader::readBuffer(text, QStringLiteral("big"), cancelling);
        QVERIFY(c.cancelled);
        QVERIFY(!c.ok());
        QVERIFY(!c.dataset);
        QCOMPARE(reports, 1); // it stopped at the next check, not at the end

        std::atomic<bool> already { true };
        LoadControl pre;
        pre.cancel = &already;
        QVERIFY(ArffReader::readBuffer(kHeader + "x,1\n", QStringLiteral("t"), pre).cancelled);
    }
};

QTEST_GUILESS_MAIN(TestArffReader)
#include "tst_arffreader.moc"
