// selectRows, RowFilter (drop missing, conditions) and the condition parser.
#include "NumberCases.h"
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "data/RowSelection.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace sextant::engine;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// x: 1 NaN 3 4 5; c: a b - a c (categories a b c); t: 10 20 30 40 50 (target).
Dataset smallTable()
{
    Dataset d;
    d.setName(QStringLiteral("small"));
    d.setSource(QStringLiteral("/tmp/small.csv"));
    d.addColumn(Column::numeric(QStringLiteral("x"), { 1, NaN, 3, 4, 5 }));
    d.addColumn(Column::categorical(QStringLiteral("c"), { 0, 1, -1, 0, 2 },
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    Column t = Column::numeric(QStringLiteral("t"), { 10, 20, 30, 40, 50 });
    t.setRole(ColumnRole::Target);
    d.addColumn(t);
    d.setRole(1, ColumnRole::Ignore);
    return d;
}

std::vector<std::int64_t> rows(const Dataset &d, const QString &expr)
{
    return RowFilter::matchingRows(d, RowFilter::parse(expr));
}

using Rows = std::vector<std::int64_t>;

} // namespace

class TestRowSelection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numberRulesAreShared_data() { sextant::testing::addNumberCases(); }
    void numberRulesAreShared()
    {
        // NumberParser.h's table: a condition's value is the number the readers read
        // from the same text ("+-5" is not -5 here either; "1e400" is inf).
        QFETCH(QByteArray, text);
        QFETCH(bool, number);
        QFETCH(double, value);
        Dataset d;
        d.addColumn(Column::numeric(QStringLiteral("x"), { number ? value : 0.0, 42.5 }));
        const QString expr = QStringLiteral("x == ") + QString::fromLatin1(text);
        if (!number) {
            try {
                rows(d, expr);
                QFAIL("accepted a value that is not a number");
            } catch (const RowFilterError &e) {
                QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("is not a number")),
                    e.what());
            }
            return;
        }
        QCOMPARE(rows(d, expr), (Rows { 0 }));
        QCOMPARE(rows(d, QStringLiteral("x in (42.5, %1)").arg(QString::fromLatin1(text))),
            (Rows { 0, 1 }));
    }

    void selectRowsKeepsEverything()
    {
        const Dataset d = smallTable();
        const Dataset s = selectRows(d, { 4, 1, 1, 0 });
        QCOMPARE(s.rowCount(), 4);
        QCOMPARE(s.columnCount(), 3);
        QCOMPARE(s.name(), d.name());
        QCOMPARE(s.source(), d.source());
        QCOMPARE(s.columnNames(), d.columnNames());
        QVERIFY(s.column(0).role() == ColumnRole::Feature);
        QVERIFY(s.column(1).role() == ColumnRole::Ignore);
        QVERIFY(s.column(2).role() == ColumnRole::Target);
        QCOMPARE(s.column(0).values()[0], 5.0);
        QVERIFY(s.column(0).isMissing(1));
        QVERIFY(s.column(0).isMissing(2));
        QCOMPARE(s.column(0).missingCount(), 2);
        QCOMPARE(s.column(0).values()[3], 1.0);
        QCOMPARE(s.column(1).categories(), d.column(1).categories());
        QCOMPARE(s.column(1).displayValue(0), QStringLiteral("c"));
        QCOMPARE(s.column(1).displayValue(1), QStringLiteral("b"));
        QCOMPARE(s.column(1).displayValue(3), QStringLiteral("a"));
        QCOMPARE(s.column(2).values()[1], 20.0);
    }

    void selectRowsEmptyAndOutOfRange()
    {
        const Dataset d = smallTable();
        const Dataset e = selectRows(d, {});
        QCOMPARE(e.rowCount(), 0);
        QCOMPARE(e.columnCount(), 3);
        QCOMPARE(e.column(1).categories().size(), 3);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, selectRows(d, { 0, 5 }));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, selectRows(d, { -1 }));
    }

    void dropMissing()
    {
        const Dataset d = smallTable();
        QCOMPARE(RowFilter::completeRows(d), (Rows { 0, 3, 4 }));
        QCOMPARE(RowFilter::completeRows(d, { QStringLiteral("x") }), (Rows { 0, 2, 3, 4 }));
        QCOMPARE(RowFilter::completeRows(d, { QStringLiteral("c") }), (Rows { 0, 1, 3, 4 }));
        QCOMPARE(RowFilter::completeRows(d, { QStringLiteral("t") }), (Rows { 0, 1, 2, 3, 4 }));
        const Dataset k = RowFilter::dropMissing(d);
        QCOMPARE(k.rowCount(), 3);
        QCOMPARE(k.column(0).missingCount(), 0);
        QCOMPARE(k.column(2).values()[1], 40.0);
        try {
            RowFilter::completeRows(d, { QStringLiteral("nope") });
            QFAIL("no exception");
        } catch (const RowFilterError &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("'nope'")));
        }
    }

    void numericConditions()
    {
        const Dataset d = smallTable();
        QCOMPARE(rows(d, QStringLiteral("x < 3")), (Rows { 0 }));
        QCOMPARE(rows(d, QStringLiteral("x <= 3")), (Rows { 0, 2 }));
        QCOMPARE(rows(d, QStringLiteral("x>3")), (Rows { 3, 4 }));
        QCOMPARE(rows(d, QStringLiteral("x >= 3")), (Rows { 2, 3, 4 }));
        QCOMPARE(rows(d, QStringLiteral("x == 4")), (Rows { 3 }));
        QCOMPARE(rows(d, QStringLiteral("x = 4.0")), (Rows { 3 }));
        // Missing cells never match, not even !=.
        QCOMPARE(rows(d, QStringLiteral("x != 4")), (Rows { 0, 2, 4 }));
        QCOMPARE(rows(d, QStringLiteral("x in (1, 5, 7)")), (Rows { 0, 4 }));
        QCOMPARE(rows(d, QStringLiteral("x not in [1, 5]")), (Rows { 2, 3 }));
        QCOMPARE(rows(d, QStringLiteral("t > -1e3")), (Rows { 0, 1, 2, 3, 4 }));
        const Dataset k = RowFilter::keepMatching(d, RowFilter::parse(QStringLiteral("t >= 30")));
        QCOMPARE(k.rowCount(), 3);
        QCOMPARE(k.column(0).values()[0], 3.0);
    }

    void categoricalConditions()
    {
        const Dataset d = smallTable();
        QCOMPARE(rows(d, QStringLiteral("c == a")), (Rows { 0, 3 }));
        QCOMPARE(rows(d, QStringLiteral("c != a")), (Rows { 1, 4 }));
        QCOMPARE(rows(d, QStringLiteral("c = 'b'")), (Rows { 1 }));
        QCOMPARE(rows(d, QStringLiteral("c in (b, c)")), (Rows { 1, 4 }));
        QCOMPARE(rows(d, QStringLiteral("c not in (b)")), (Rows { 0, 3, 4 }));
        QCOMPARE(rows(d, QStringLiteral("c == unknown")), Rows {});
        RowCondition cond;
        cond.column = QStringLiteral("c");
        cond.op = RowCondition::Op::IsOneOf;
        cond.values = { QStringLiteral("a"), QStringLiteral("c") };
        QCOMPARE(RowFilter::matchingRows(d, cond), (Rows { 0, 3, 4 }));
    }

    void conditionErrors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no column") << QStringLiteral("y > 2") << QStringLiteral("'y'");
        QTest::newRow("not a number") << QStringLiteral("x > abc") << QStringLiteral("'abc'");
        QTest::newRow("order on categories") << QStringLiteral("c < a") << QStringLiteral("'c'");
        QTest::newRow("list item not a number")
            << QStringLiteral("x in (1, two)") << QStringLiteral("'two'");
    }
    void conditionErrors()
    {
        QFETCH(QString, expression);
        QFETCH(QString, fragment);
        const Dataset d = smallTable();
        try {
            rows(d, expression);
            QFAIL("no exception");
        } catch (const RowFilterError &e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.contains(fragment), qPrintable(msg));
        }
    }

    void parser()
    {
        RowCondition c = RowFilter::parse(QStringLiteral("  petal_length >= 2.5 "));
        QCOMPARE(c.column, QStringLiteral("petal_length"));
        QVERIFY(c.op == RowCondition::Op::GreaterEqual);
        QCOMPARE(c.values, QStringList { QStringLiteral("2.5") });

        c = RowFilter::parse(QStringLiteral("species != setosa"));
        QCOMPARE(c.column, QStringLiteral("species"));
        QVERIFY(c.op == RowCondition::Op::NotEqual);
        QCOMPARE(c.values, QStringList { QStringLiteral("setosa") });

        c = RowFilter::parse(QStringLiteral("sepal length (cm)<>4"));
        QCOMPARE(c.column, QStringLiteral("sepal length (cm)"));
        QVERIFY(c.op == RowCondition::Op::NotEqual);

        // A symbolic operator wins over the word "in" inside a name.
        c = RowFilter::parse(QStringLiteral("size in cm > 3"));
        QCOMPARE(c.column, QStringLiteral("size in cm"));
        QVERIFY(c.op == RowCondition::Op::Greater);

        c = RowFilter::parse(QStringLiteral("\"a < b\" == 'x, y'"));
        QCOMPARE(c.column, QStringLiteral("a < b"));
        QVERIFY(c.op == RowCondition::Op::Equal);
        QCOMPARE(c.values, QStringList { QStringLiteral("x, y") });

        c = RowFilter::parse(QStringLiteral("species NOT IN ('a b', c,d)"));
        QCOMPARE(c.column, QStringLiteral("species"));
        QVERIFY(c.op == RowCondition::Op::NotOneOf);
        QCOMPARE(c.values,
            (QStringList { QStringLiteral("a b"), QStringLiteral("c"), QStringLiteral("d") }));

        c = RowFilter::parse(QStringLiteral("species in setosa"));
        QVERIFY(c.op == RowCondition::Op::IsOneOf);
        QCOMPARE(c.values, QStringList { QStringLiteral("setosa") });

        // toString gives back an expression that parses to the same condition.
        c = RowFilter::parse(QStringLiteral("`my col` in ('x y', z)"));
        const RowCondition again = RowFilter::parse(c.toString());
        QCOMPARE(again.column, c.column);
        QVERIFY(again.op == c.op);
        QCOMPARE(again.values, c.values);
    }

    // Every condition the parser accepts writes itself (toString) as text that parses back
    // to the same condition: empty values, every quote character, brackets, control
    // characters (the inputs fuzz_filter found, kept in fuzz/corpus/filter).
    void toStringReadsBack_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("op");
        QTest::addColumn<QStringList>("values");
        using Op = RowCondition::Op;
        QTest::newRow("empty value")
            << QStringLiteral("species") << int(Op::Equal) << QStringList { QString() };
        QTest::newRow("backtick in name") << QStringLiteral("& `") << int(Op::NotEqual)
                                          << QStringList { QStringLiteral("\x02M") };
        QTest::newRow("bracket after quoted value")
            << QStringLiteral("1") << int(Op::Equal) << QStringList { QStringLiteral(")n") };
        QTest::newRow("trailing quote") << QStringLiteral("spec `") << int(Op::Equal)
                                        << QStringList { QStringLiteral("osa\"") };
        QTest::newRow("all three quotes")
            << QStringLiteral("a\"`'b") << int(Op::IsOneOf)
            << QStringList { QStringLiteral("x`y\"z'"), QStringLiteral("in"), QStringLiteral(",") };
        QTest::newRow("word operators as names") << QStringLiteral("not in") << int(Op::NotOneOf)
                                                 << QStringList { QStringLiteral("in") };
        QTest::newRow("list item with an operator")
            << QStringLiteral("in") << int(Op::IsOneOf)
            << QStringList { QStringLiteral("0"), QStringLiteral("==&1") };
        QTest::newRow("operator characters")
            << QStringLiteral("a<=b") << int(Op::Less) << QStringList { QStringLiteral("!=") };
    }
    void toStringReadsBack()
    {
        QFETCH(QString, column);
        QFETCH(int, op);
        QFETCH(QStringList, values);
        RowCondition c;
        c.column = column;
        c.op = RowCondition::Op(op);
        c.values = values;
        const QString text = c.toString();
        const RowCondition again = RowFilter::parse(text);
        QCOMPARE(again.column, c.column);
        QVERIFY2(again.op == c.op, qPrintable(text));
        QCOMPARE(again.values, c.values);
    }

    void parserErrors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("no operator")
            << QStringLiteral("petal_length 2.5") << QStringLiteral("operator");
        QTest::newRow("no column") << QStringLiteral(">= 2.5") << QStringLiteral("column name");
        QTest::newRow("no value") << QStringLiteral("x >=") << QStringLiteral("no value");
        QTest::newRow("bad operator") << QStringLiteral("x => 2") << QStringLiteral("'> 2'");
        QTest::newRow("unterminated") << QStringLiteral("'x > 2") << QStringLiteral("unterminated");
        QTest::newRow("empty item")
            << QStringLiteral("c in (a,,b)") << QStringLiteral("empty item");
        QTest::newRow("unclosed") << QStringLiteral("c in (a, b") << QStringLiteral("unclosed");
        QTest::newRow("quoted column, no op")
            << QStringLiteral("\"x\" 3") << QStringLiteral("operator");
        QTest::newRow("text after quoted value")
            << QStringLiteral("c == 'a' b") << QStringLiteral("'b'");
    }
    void parserErrors()
    {
        QFETCH(QString, expression);
        QFETCH(QString, fragment);
        try {
            RowFilter::parse(expression);
            QFAIL("no exception");
        } catch (const RowFilterError &e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.contains(fragment), qPrintable(msg));
        }
    }

    void irisFilter()
    {
        const LoadResult r
            = DatasetLoader::load(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/iris.csv"));
        QVERIFY(r.ok());
        const Dataset &iris = *r.dataset;
        const Dataset big = RowFilter::keepMatching(
            iris, RowFilter::parse(QStringLiteral("petal_length_cm >= 2.5")));
        const Dataset notSetosa
            = RowFilter::keepMatching(iris, RowFilter::parse(QStringLiteral("species != setosa")));
        // In iris, the setosa flowers are exactly those with petals shorter than 2.5 cm.
        QCOMPARE(big.rowCount(), 100);
        QCOMPARE(notSetosa.rowCount(), 100);
        const int p = big.indexOf(QStringLiteral("petal_length_cm"));
        for (std::int64_t i = 0; i < big.rowCount(); ++i)
            QVERIFY(big.column(p).values()[static_cast<std::size_t>(i)] >= 2.5);
        QCOMPARE(big.column(p).values()[0], notSetosa.column(p).values()[0]);
    }
};

QTEST_GUILESS_MAIN(TestRowSelection)
#include "tst_rowselection.moc"
