// Date and date-time columns: parsing (ISO 8601 with times and zone offsets, day-first and
// month-first forms decided per column), the CSV and ARFF round trips, the flag through
// row selections and type changes, and the values against pandas.to_datetime on a
// generated file.
#include "SklearnReference.h"
#include "data/ArffReader.h"
#include "data/ArffWriter.h"
#include "data/CsvReader.h"
#include "data/CsvWriter.h"
#include "data/DateColumns.h"
#include "data/DateTime.h"
#include "data/RowSelection.h"
#include "graph/NodeError.h"
#include "nodes/ColumnRoleEdits.h"
#include "nodes/LinePlotNode.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

double iso(const char *text)
{
    double v = std::nan("");
    if (!DateColumns::parseIso(text, v))
        return std::nan("");
    return v;
}

Dataset read(const QByteArray &csv, QList<LoadIssue> *warnings = nullptr, CsvOptions options = {})
{
    const LoadResult r = CsvReader::readBuffer(csv, QStringLiteral("dates.csv"), options);
    if (!r.ok())
        qWarning() << (r.error ? r.error->toString() : QStringLiteral("failed"));
    if (warnings)
        *warnings = r.warnings;
    return r.ok() ? *r.dataset : Dataset {};
}

QString joined(const QList<LoadIssue> &warnings)
{
    QStringList all;
    for (const LoadIssue &w : warnings)
        all << w.toString();
    return all.join(QLatin1Char('\n'));
}

} // namespace

class TestDateColumns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void calendar()
    {
        QCOMPARE(DateTime::fromCivil(1970, 1, 1), 0.0);
        QCOMPARE(DateTime::fromCivil(2000, 3, 1), 951868800.0);
        QCOMPARE(DateTime::fromCivil(1969, 12, 31, 23, 59, 59), -1.0);
        for (std::int64_t d : { std::int64_t(-800000), std::int64_t(-1), std::int64_t(0),
                 std::int64_t(19783), std::int64_t(2932896) }) {
            std::int64_t y = 0;
            int m = 0;
            int day = 0;
            DateTime::civilFromDays(d, y, m, day);
            QCOMPARE(DateTime::daysFromCivil(y, m, day), d);
        }
        QCOMPARE(DateTime::toIsoText(951868800.0, true), QStringLiteral("2000-03-01"));
        QCOMPARE(DateTime::toIsoText(951868800.0 + 3723.25, false),
            QStringLiteral("2000-03-01 01:02:03.250"));
        QCOMPARE(DateTime::toIsoText(-1.0, false), QStringLiteral("1969-12-31 23:59:59"));
        QCOMPARE(DateTime::toIsoText(std::nan(""), false), QString());
    }

    void parseIso_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected"); // NaN: refused
        const double day = DateTime::fromCivil(2024, 3, 5);
        const double nan = std::nan("");
        QTest::newRow("date") << "2024-03-05" << day;
        QTest::newRow("slashes") << "2024/03/05" << day;
        QTest::newRow("one-digit month") << "2024-3-5" << day;
        QTest::newRow("T minutes") << "2024-03-05T14:30" << day + 14 * 3600 + 30 * 60;
        QTest::newRow("space seconds") << "2024-03-05 14:30:15" << day + 52215;
        QTest::newRow("fraction") << "2024-03-05 14:30:15.25" << day + 52215.25;
        QTest::newRow("Z") << "2024-03-05T14:30:00Z" << day + 52200;
        QTest::newRow("+01:00 is an hour earlier in UTC")
            << "2024-03-05T14:30:00+01:00" << day + 52200 - 3600;
        QTest::newRow("+0130") << "2024-03-05T14:30+0130" << day + 52200 - 5400;
        QTest::newRow("-05 crosses midnight")
            << "2024-03-05T22:00-05" << DateTime::fromCivil(2024, 3, 6, 3, 0, 0);
        QTest::newRow("spaces around") << "  2024-03-05  " << day;
        QTest::newRow("leap day") << "2024-02-29" << DateTime::fromCivil(2024, 2, 29);
        QTest::newRow("not a leap day") << "2023-02-29" << nan;
        QTest::newRow("month 13") << "2024-13-01" << nan;
        QTest::newRow("31 April") << "2024-04-31" << nan;
        QTest::newRow("24:00") << "2024-03-05T24:00" << nan;
        QTest::newRow("minute 60") << "2024-03-05T10:60" << nan;
        QTest::newRow("trailing text") << "2024-03-05x" << nan;
        QTest::newRow("mixed separators") << "2024-03/05" << nan;
        QTest::newRow("zone without time") << "2024-03-05Z" << nan;
        QTest::newRow("compact") << "20240305" << nan;
        QTest::newRow("five-digit year") << "20240-03-05" << nan;
        QTest::newRow("day first") << "05/03/2024" << nan;
    }

    void parseIso()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const double got = iso(text.toUtf8().constData());
        if (std::isnan(expected))
            QVERIFY2(std::isnan(got), qPrintable(QString::number(got, 'g', 17)));
        else
            QCOMPARE(got, expected);
    }

    void dayAndMonthOrder()
    {
        // A day above 12 makes the column day-first, a second number above 12 month-first.
        Dataset d = read("d,m,x\n05/03/2024,03/05/2024,1\n25.12.2024,12/25/2024 08:15,2\n"
                         "1-2-2023,1/2/2023,3\n");
        QCOMPARE(d.columnCount(), 3);
        QVERIFY(d.column(0).isDateTime());
        QVERIFY(d.column(0).isNumeric());
        QVERIFY(d.column(1).isDateTime());
        QCOMPARE(d.column(0).values()[0], DateTime::fromCivil(2024, 3, 5));
        QCOMPARE(d.column(0).values()[1], DateTime::fromCivil(2024, 12, 25));
        QCOMPARE(d.column(0).values()[2], DateTime::fromCivil(2023, 2, 1));
        QCOMPARE(d.column(1).values()[0], DateTime::fromCivil(2024, 3, 5));
        QCOMPARE(d.column(1).values()[1], DateTime::fromCivil(2024, 12, 25, 8, 15, 0));
        QCOMPARE(d.column(1).values()[2], DateTime::fromCivil(2023, 1, 2));
        QVERIFY(d.column(0).isDateOnly());
        QVERIFY(!d.column(1).isDateOnly());
        QCOMPARE(d.column(0).displayValue(1), QStringLiteral("2024-12-25"));
        QCOMPARE(d.column(1).displayValue(1), QStringLiteral("2024-12-25 08:15:00"));
        QVERIFY(!d.column(2).isDateTime());
    }

    void ambiguousOrderStaysText()
    {
        const QByteArray csv = "d\n05/03/2024\n01/02/2024\n";
        QList<LoadIssue> warnings;
        Dataset d = read(csv, &warnings);
        QVERIFY(d.column(0).isCategorical());
        QVERIFY2(
            joined(warnings).contains(QStringLiteral("ambiguous")), qPrintable(joined(warnings)));
        // Saying the order reads it.
        CsvOptions dayFirst;
        dayFirst.dateOrder = DateColumns::Order::DayFirst;
        d = read(csv, nullptr, dayFirst);
        QVERIFY(d.column(0).isDateTime());
        QCOMPARE(d.column(0).values()[0], DateTime::fromCivil(2024, 3, 5));
        CsvOptions monthFirst;
        monthFirst.dateOrder = DateColumns::Order::MonthFirst;
        d = read(csv, nullptr, monthFirst);
        QCOMPARE(d.column(0).values()[0], DateTime::fromCivil(2024, 5, 3));
        // An order the values contradict leaves the column as text.
        d = read("d\n25/03/2024\n01/02/2024\n", nullptr, monthFirst);
        QVERIFY(d.column(0).isCategorical());
        // Both orders needed in one column: text.
        d = read("d\n25/03/2024\n03/25/2024\n");
        QVERIFY(d.column(0).isCategorical());
        // Off: text.
        CsvOptions off;
        off.detectDates = false;
        d = read("d\n2024-01-01\n2024-01-02\n", nullptr, off);
        QVERIFY(d.column(0).isCategorical());
    }

    void oneBadValueKeepsText()
    {
        // As a column of numbers with one word in it: the column stays text, with a warning
        // naming the value.
        QList<LoadIssue> warnings;
        QByteArray csv = "when,x\n";
        for (int i = 1; i <= 28; ++i)
            csv += QStringLiteral("2024-02-%1,%2\n")
                       .arg(i, 2, 10, QLatin1Char('0'))
                       .arg(i)
                       .toUtf8();
        csv += "soon,29\n";
        Dataset d = read(csv, &warnings);
        QVERIFY(d.column(0).isCategorical());
        QVERIFY2(joined(warnings).contains(QStringLiteral("'soon' is not one")),
            qPrintable(joined(warnings)));
        // An invalid date is as bad as a word.
        d = read("when\n2024-02-28\n2024-02-30\n2024-03-01\n");
        QVERIFY(d.column(0).isCategorical());
        // Missing tokens are missing, not bad values.
        d = read("when\n2024-02-28\nNA\n\n2024-03-01T10:00\n");
        QVERIFY(d.column(0).isDateTime());
        QCOMPARE(d.rowCount(), 3);
        QVERIFY(d.column(0).isMissing(1));
        QCOMPARE(d.column(0).missingCount(), 1);
        // Plain text gets no warning.
        read("name\nann\nbob\n", &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(joined(warnings)));
    }

    void flagSurvivesCopiesAndSelections()
    {
        Dataset d = read("when,y\n2024-01-01,a\n2024-01-02T12:00,b\n2024-01-03,a\n");
        Column c = d.column(0);
        c.setName(QStringLiteral("renamed"));
        c.setRole(ColumnRole::Target);
        QVERIFY(c.isDateTime());
        const Dataset slice = selectRows(d, { 2, 1 });
        QVERIFY(slice.column(0).isDateTime());
        QVERIFY(!slice.column(0).isDateOnly());
        QCOMPARE(slice.column(0).values()[0], DateTime::fromCivil(2024, 1, 3));
        QVERIFY(selectRows(d, { 0, 2 }).column(0).isDateTime());
        // As categories: the ISO text, chronological.
        const Column cats = d.column(0).toCategorical();
        QCOMPARE(cats.categories(),
            QStringList({ QStringLiteral("2024-01-01 00:00:00"),
                QStringLiteral("2024-01-02 12:00:00"), QStringLiteral("2024-01-03 00:00:00") }));
        // As plain numbers: seconds, no flag.
        Column numbers;
        QVERIFY(d.column(0).toNumeric(numbers));
        QVERIFY(!numbers.isDateTime());
        QCOMPARE(numbers.values()[0], DateTime::fromCivil(2024, 1, 1));
        QVERIFY(!d.column(0).suggestsCategorical());
    }

    void csvRoundTrip()
    {
        Dataset d = read("day,when,x\n2024-01-01,2024-01-01 10:00:00.5,1\n"
                         "1999-12-31,1999-12-31T23:59:59Z,2\n,2000-01-01 00:00+02:00,3\n");
        QVERIFY(d.column(0).isDateTime());
        QVERIFY(d.column(1).isDateTime());
        const QByteArray text = CsvWriter::toCsv(d);
        QVERIFY2(text.contains("2024-01-01,2024-01-01 10:00:00.500,1"), text.constData());
        QVERIFY2(text.contains("1999-12-31 23:59:59.000"), text.constData());
        QVERIFY2(text.contains(",1999-12-31 22:00:00.000,3"), text.constData());
        const Dataset back = read(text);
        for (int c = 0; c < 2; ++c) {
            QVERIFY(back.column(c).isDateTime());
            for (std::int64_t r = 0; r < 3; ++r) {
                QCOMPARE(back.column(c).isMissing(r), d.column(c).isMissing(r));
                if (!d.column(c).isMissing(r))
                    QCOMPARE(back.column(c).values()[std::size_t(r)],
                        d.column(c).values()[std::size_t(r)]);
            }
        }
    }

    void arffRoundTrip()
    {
        Dataset d = read("day,when,x\n2024-01-01,2024-01-01 10:00:00,1\n"
                         "1999-12-31,1999-12-31T23:59:59Z,2\n,2000-01-01 00:00+02:00,3\n");
        const QByteArray arff = ArffWriter::toArff(d);
        QVERIFY2(arff.contains("@attribute 'day' date 'yyyy-MM-dd'"), arff.constData());
        QVERIFY2(arff.contains("@attribute 'when' date 'yyyy-MM-dd HH:mm:ss'"), arff.constData());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.arff"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(arff);
        f.close();
        const LoadResult r = ArffReader::read(path);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        for (int c = 0; c < 2; ++c) {
            QVERIFY(r.dataset->column(c).isDateTime());
            for (std::int64_t row = 0; row < 3; ++row) {
                QCOMPARE(r.dataset->column(c).isMissing(row), d.column(c).isMissing(row));
                if (!d.column(c).isMissing(row))
                    QCOMPARE(r.dataset->column(c).values()[std::size_t(row)],
                        d.column(c).values()[std::size_t(row)]);
            }
        }
    }

    void againstPandas()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        // A generated file: ISO dates, date-times with and without zones, day-first and
        // month-first columns; pandas parses each with to_datetime (utc=True, the order
        // given), the seconds since the epoch come back as JSON.
        const QString script = QStringLiteral(R"(
import json, random
import pandas as pd
random.seed(7)
rows = []
for i in range(400):
    t = pd.Timestamp('1950-01-01') + pd.Timedelta(seconds=random.randrange(0, 100 * 365 * 86400))
    z = random.choice([0, 60, -300, 330, 120])
    sign = '+' if z >= 0 else '-'
    zone = 'Z' if z == 0 else '%s%02d:%02d' % (sign, abs(z) // 60, abs(z) % 60)
    rows.append({
        'iso_date': t.strftime('%Y-%m-%d'),
        'iso_time': t.strftime('%Y-%m-%dT%H:%M:%S'),
        'iso_zone': t.strftime('%Y-%m-%dT%H:%M') + zone,
        'day_first': t.strftime('%d/%m/%Y'),
        'month_first': t.strftime('%m/%d/%Y %H:%M'),
        'value': i,
    })
frame = pd.DataFrame(rows)
frame.loc[5, 'iso_date'] = ''
frame.loc[9, 'month_first'] = 'NA'
frame.to_csv('dates.csv', index=False)
epoch = pd.Timestamp('1970-01-01', tz='UTC')
out = {}
for name, dayfirst in [('iso_date', False), ('iso_time', False), ('iso_zone', False),
                       ('day_first', True), ('month_first', False)]:
    raw = pd.read_csv('dates.csv', keep_default_na=True)[name]
    parsed = pd.to_datetime(raw, utc=True, dayfirst=dayfirst)
    out[name] = [None if pd.isna(v) else (v - epoch).total_seconds() for v in parsed]
print(json.dumps(out))
)");
        QString error;
        const QJsonObject expected = ref.run(script, &error);
        QVERIFY2(!expected.isEmpty(), qPrintable(error));
        const LoadResult r = CsvReader::read(ref.path(QStringLiteral("dates.csv")));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        const Dataset &d = *r.dataset;
        QCOMPARE(d.rowCount(), 400);
        for (const QString &name : expected.keys()) {
            const int c = d.indexOf(name);
            QVERIFY2(c >= 0, qPrintable(name));
            QVERIFY2(d.column(c).isDateTime(), qPrintable(name));
            const QJsonArray values = expected.value(name).toArray();
            for (int row = 0; row < values.size(); ++row) {
                const QJsonValue v = values.at(row);
                QVERIFY2(v.isNull() == d.column(c).isMissing(row),
                    qPrintable(QStringLiteral("%1 row %2").arg(name).arg(row)));
                if (!v.isNull() && d.column(c).values()[std::size_t(row)] != v.toDouble())
                    QFAIL(qPrintable(QStringLiteral("%1 row %2: %3, pandas %4")
                                         .arg(name)
                                         .arg(row)
                                         .arg(d.column(c).values()[std::size_t(row)], 0, 'f', 3)
                                         .arg(v.toDouble(), 0, 'f', 3)));
            }
        }
        QVERIFY(!d.column(d.indexOf(QStringLiteral("value"))).isDateTime());
    }

    void asDateOverride()
    {
        CsvOptions off;
        off.detectDates = false;
        const Dataset read0
            = read("d,bad,n\n2024-01-05,2024-01-05,1\n2024-02-05,soon,2\n", nullptr, off);
        QVERIFY(read0.column(0).isCategorical());
        ColumnRoleEdits edits;
        edits.dates = { QStringLiteral("d") };
        Dataset d = read0;
        edits.apply(d);
        QVERIFY(d.column(0).isDateTime());
        QCOMPARE(d.column(0).values()[1], DateTime::fromCivil(2024, 2, 5));
        // Round trip through the parameters.
        QCOMPARE(ColumnRoleEdits::fromParameters(
                     edits.toParameters(QStringLiteral("meta")), QStringLiteral("meta")),
            edits);
        // Refusals name the value, or say that numbers are not dates.
        for (const auto &[column, expected] :
            { std::pair { QStringLiteral("bad"), QStringLiteral("'soon'") },
                std::pair { QStringLiteral("n"), QStringLiteral("numbers") } }) {
            ColumnRoleEdits e;
            e.dates = { column };
            Dataset copy = read0;
            try {
                e.apply(copy);
                QFAIL("no refusal");
            } catch (const NodeError &error) {
                QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
            }
        }
    }

    void rollingMeanAgainstPandas()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        std::vector<double> v(10000);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = std::sin(double(i) * 0.01) * 1000.0 + double(i % 7);
        v[17] = std::nan("");
        v[5000] = std::nan("");
        QVERIFY(ref.writeVector(QStringLiteral("v.csv"), v));
        QString error;
        const QJsonObject expected = ref.run(QStringLiteral(R"(
import json
import pandas as pd
s = pd.read_csv('v.csv', header=None)[0]
out = {}
for w in (1, 3, 50):
    out[str(w)] = [None if pd.isna(x) else x for x in s.rolling(w).mean()]
print(json.dumps(out))
)"),
            &error);
        QVERIFY2(!expected.isEmpty(), qPrintable(error));
        for (int w : { 1, 3, 50 }) {
            const std::vector<double> mine = LinePlotNode::rollingMean(v, w);
            const QJsonArray theirs = expected.value(QString::number(w)).toArray();
            QCOMPARE(qsizetype(mine.size()), theirs.size());
            for (std::size_t i = 0; i < mine.size(); ++i) {
                const QJsonValue t = theirs.at(qsizetype(i));
                QVERIFY2(t.isNull() == std::isnan(mine[i]),
                    qPrintable(QStringLiteral("window %1, point %2").arg(w).arg(i)));
                if (!t.isNull())
                    QVERIFY2(std::abs(mine[i] - t.toDouble()) < 1e-9,
                        qPrintable(QStringLiteral("window %1, point %2: %3, pandas %4")
                                       .arg(w)
                                       .arg(i)
                                       .arg(mine[i])
                                       .arg(t.toDouble())));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDateColumns)
#include "tst_datecolumns.moc"
