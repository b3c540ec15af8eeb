// CsvWriter: RFC 4180 quoting, number formatting, and round trips through CsvReader.
#include "data/CsvReader.h"
#include "data/CsvWriter.h"
#include "data/Dataset.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

using namespace sextant::engine;

namespace {

Dataset sample(const QStringList &categories, const std::vector<std::int32_t> &codes,
    const std::vector<double> &values)
{
    Dataset ds;
    std::vector<std::uint8_t> missing(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i)
        missing[i] = std::isnan(values[i]) ? 1 : 0;
    ds.addColumn(Column::numeric(QStringLiteral("x"), values, missing));
    ds.addColumn(Column::categorical(QStringLiteral("label, \"quoted\""), codes, categories));
    return ds;
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fieldQuoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc");
        QTest::newRow("empty") << QString() << QByteArray("");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("cr") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
        QTest::newRow("leading space") << QStringLiteral(" a") << QByteArray("\" a\"");
        QTest::newRow("trailing space") << QStringLiteral("a ") << QByteArray("\"a \"");
        QTest::newRow("inner space") << QStringLiteral("a b") << QByteArray("a b");
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QByteArray("a;b");
        QTest::newRow("utf8") << QStringLiteral("caf\u00e9") << QByteArray("caf\xc3\xa9");
    }

    void fieldQuoting()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(CsvWriter::field(text), expected);
    }

    void otherDelimiter()
    {
        QCOMPARE(CsvWriter::field(QStringLiteral("a;b"), ';'), QByteArray("\"a;b\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("a,b"), ';'), QByteArray("a,b"));
        CsvWriteOptions o;
        o.delimiter = '\t';
        o.lineEnd = "\r\n";
        QCOMPARE(CsvWriter::record({ QStringLiteral("a"), QStringLiteral("b\tc") }, o),
            QByteArray("a\t\"b\tc\"\r\n"));
    }

    void numbers()
    {
        QCOMPARE(CsvWriter::number(1.0), QStringLiteral("1"));
        QCOMPARE(CsvWriter::number(0.1), QStringLiteral("0.1"));
        QCOMPARE(CsvWriter::number(-2.5e-10), QStringLiteral("-2.5e-10"));
        QCOMPARE(CsvWriter::number(std::numeric_limits<double>::quiet_NaN()), QString());
        QCOMPARE(CsvWriter::number(std::numeric_limits<double>::infinity()), QStringLiteral("inf"));
        // Shortest text that reads back to the same double.
        const double third = 1.0 / 3.0;
        QCOMPARE(CsvWriter::number(third).toDouble(), third);
    }

    void datasetText()
    {
        const Dataset ds = sample({ QStringLiteral("plain"), QStringLiteral("with,comma") },
            { 0, 1, -1 }, { 1.5, std::nan(""), 3 });
        QCOMPARE(CsvWriter::toCsv(ds),
            QByteArray("x,\"label, \"\"quoted\"\"\"\n"
                       "1.5,plain\n"
                       ",\"with,comma\"\n"
                       "3,\n"));
        CsvWriteOptions noHeader;
        noHeader.header = false;
        QVERIFY(CsvWriter::toCsv(ds, noHeader).startsWith("1.5,plain\n"));
    }

    void roundTripThroughReader()
    {
        const QStringList categories = { QStringLiteral("plain"), QStringLiteral("with,comma"),
            QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"), QStringLiteral(" padded "),
            QStringLiteral("caf\u00e9") };
        std::vector<std::int32_t> codes;
        std::vector<double> values;
        for (int i = 0; i < 60; ++i) {
            codes.push_back(i % 7 == 6 ? -1 : i % 6);
            values.push_back(i % 5 == 4 ? std::nan("") : (i - 17) / 7.0 * 1e-3 + i * 1e6);
        }
        const Dataset ds = sample(categories, codes, values);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QString error;
        QVERIFY2(CsvWriter::write(ds, path, {}, &error), qPrintable(error));

        CsvOptions options;
        options.delimiter = ',';
        options.header = CsvOptions::Header::Present;
        const LoadResult back = CsvReader::read(path, options);
        QVERIFY2(back.ok(), back.error ? qPrintable(back.error->toString()) : "failed");
        const Dataset &r = *back.dataset;
        QCOMPARE(r.rowCount(), 60);
        QCOMPARE(r.columnNames(), ds.columnNames());
        QVERIFY(r.column(0).isNumeric());
        QVERIFY(r.column(1).isCategorical());
        for (std::int64_t row = 0; row < 60; ++row) {
            QCOMPARE(r.column(0).isMissing(row), ds.column(0).isMissing(row));
            if (!ds.column(0).isMissing(row))
                QCOMPARE(r.column(0).values()[row], ds.column(0).values()[row]); // bit exact
            QCOMPARE(r.column(1).isMissing(row), ds.column(1).isMissing(row));
            QCOMPARE(r.column(1).displayValue(row), ds.column(1).displayValue(row));
        }
    }

    void failureLeavesFileAlone()
    {
        QString error;
        const Dataset ds = sample({ QStringLiteral("a") }, { 0 }, { 1 });
        QVERIFY(!CsvWriter::write(ds, QStringLiteral("/nonexistent-dir/x.csv"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/x.csv")), qPrintable(error));
    }

    void writeTable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        QVERIFY(CsvWriter::writeTable({ QStringLiteral("a"), QStringLiteral("b") },
            { { QStringLiteral("1"), QStringLiteral("x,y") } }, path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("a,b\n1,\"x,y\"\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
