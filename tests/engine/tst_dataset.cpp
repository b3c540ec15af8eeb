// Column and Dataset semantics: shared cell storage, missing masks, type conversion,
// addColumn/replaceColumn/removeColumn rules and role queries.
#include "NumberCases.h"
#include "data/Dataset.h"

#include <QElapsedTimer>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>

using namespace sextant::engine;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> cells(const Column &c)
{
    return std::vector<double>(c.values().begin(), c.values().end());
}
std::vector<std::int32_t> codes(const Column &c)
{
    return std::vector<std::int32_t>(c.codes().begin(), c.codes().end());
}
} // namespace

class TestDataset : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultColumnIsEmptyNumeric()
    {
        const Column c;
        QVERIFY(c.isNumeric());
        QCOMPARE(c.size(), 0);
        QCOMPARE(c.missingCount(), 0);
        QCOMPARE(toString(c.role()), toString(ColumnRole::Feature));
    }

    void copiesShareStorage()
    {
        const Column a = Column::numeric(QStringLiteral("a"), { 1, 2, 3 });
        Column b = a;
        QVERIFY(b.sharesDataWith(a));
        QCOMPARE(b.values().data(), a.values().data());
        // Renaming or changing the role of a copy touches neither the cells nor the original.
        b.setName(QStringLiteral("b"));
        b.setRole(ColumnRole::Target);
        QVERIFY(b.sharesDataWith(a));
        QCOMPARE(a.name(), QStringLiteral("a"));
        QCOMPARE(toString(a.role()), toString(ColumnRole::Feature));
        QCOMPARE(toString(b.role()), toString(ColumnRole::Target));

        // Two columns built from equal values are not the same storage.
        const Column c = Column::numeric(QStringLiteral("a"), { 1, 2, 3 });
        QVERIFY(!c.sharesDataWith(a));
        QCOMPARE(cells(c), cells(a));

        const Column cat = Column::categorical(
            QStringLiteral("k"), { 0, 1 }, { QStringLiteral("x"), QStringLiteral("y") });
        Column catCopy = cat;
        QVERIFY(catCopy.sharesDataWith(cat));
        QVERIFY(!catCopy.sharesDataWith(a));
    }

    void datasetCopiesShareColumns()
    {
        Dataset ds;
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("x"), { 1, 2 })));
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("y"), { 3, 4 })));
        Dataset copy = ds;
        QVERIFY(copy.column(0).sharesDataWith(ds.column(0)));
        QVERIFY(copy.column(1).sharesDataWith(ds.column(1)));
        // Replacing a column in the copy leaves the original and the other column alone.
        QVERIFY(copy.replaceColumn(1, Column::numeric(QStringLiteral("y"), { 5, 6 })));
        QCOMPARE(cells(ds.column(1)), std::vector<double>({ 3, 4 }));
        QCOMPARE(cells(copy.column(1)), std::vector<double>({ 5, 6 }));
        QVERIFY(copy.column(0).sharesDataWith(ds.column(0)));
        // setRole on a copy does not reach the original.
        copy.setRole(0, ColumnRole::Ignore);
        QCOMPARE(toString(ds.column(0).role()), toString(ColumnRole::Feature));
        QCOMPARE(toString(copy.column(0).role()), toString(ColumnRole::Ignore));
        QVERIFY(copy.column(0).sharesDataWith(ds.column(0)));
    }

    void numericMissingFromNaN()
    {
        const Column c = Column::numeric(QStringLiteral("v"), { 1, kNaN, 3, kNaN });
        QCOMPARE(c.size(), 4);
        QCOMPARE(c.missingCount(), 2);
        QVERIFY(!c.isMissing(0));
        QVERIFY(c.isMissing(1));
        QVERIFY(!c.isMissing(2));
        QVERIFY(c.isMissing(3));
        QCOMPARE(c.displayValue(1), QString());
        QCOMPARE(c.displayValue(2), QStringLiteral("3"));
        QVERIFY(std::isnan(c.numericValue(1)));
        QCOMPARE(c.numericValue(0), 1.0);
    }

    void numericMissingFromMask()
    {
        // A masked cell becomes NaN whatever it held; a NaN cell is masked even where the
        // mask says present.
        const Column c = Column::numeric(QStringLiteral("v"), { 1, 2, kNaN, 4 }, { 0, 1, 0, 0 });
        QCOMPARE(c.missingCount(), 2);
        QVERIFY(c.isMissing(1));
        QVERIFY(c.isMissing(2));
        QVERIFY(std::isnan(c.values()[1]));
        QCOMPARE(c.values()[3], 4.0);

        // An all-zero mask stores nothing and counts nothing.
        const Column none = Column::numeric(QStringLiteral("v"), { 1, 2 }, { 0, 0 });
        QCOMPARE(none.missingCount(), 0);
        QVERIFY(!none.isMissing(0));

        // A mask of the wrong length is ignored (NaN cells still count).
        const Column wrong = Column::numeric(QStringLiteral("v"), { 1, kNaN, 3 }, { 1, 1 });
        QCOMPARE(wrong.missingCount(), 1);
        QVERIFY(!wrong.isMissing(0));
        QVERIFY(wrong.isMissing(1));
    }

    void categoricalCodes()
    {
        const QStringList cats = { QStringLiteral("lo"), QStringLiteral("hi") };
        // Out-of-range codes (either side) become missing (-1).
        const Column c = Column::categorical(QStringLiteral("c"), { 0, 1, -1, 2, -7, 1 }, cats);
        QVERIFY(c.isCategorical());
        QCOMPARE(c.size(), 6);
        QCOMPARE(codes(c), std::vector<std::int32_t>({ 0, 1, -1, -1, -1, 1 }));
        QCOMPARE(c.missingCount(), 3);
        QVERIFY(c.isMissing(3));
        QVERIFY(!c.isMissing(5));
        QCOMPARE(c.displayValue(1), QStringLiteral("hi"));
        QCOMPARE(c.displayValue(2), QString());
        QCOMPARE(c.numericValue(1), 1.0);
        QVERIFY(std::isnan(c.numericValue(4)));
        QVERIFY(c.values().empty());
        QCOMPARE(c.categories(), cats);
    }

    void toCategorical()
    {
        Column n = Column::numeric(QStringLiteral("grade"), { 3, 1, kNaN, 2.5, 3, 1 });
        n.setRole(ColumnRole::Target);
        const Column c = n.toCategorical();
        QVERIFY(c.isCategorical());
        QCOMPARE(c.name(), QStringLiteral("grade"));
        QCOMPARE(toString(c.role()), toString(ColumnRole::Target));
        // Categories in ascending numeric order, shortest round-trip text.
        QCOMPARE(c.categories(),
            QStringList({ QStringLiteral("1"), QStringLiteral("2.5"), QStringLiteral("3") }));
        QCOMPARE(codes(c), std::vector<std::int32_t>({ 2, 0, -1, 1, 2, 0 }));
        QCOMPARE(c.missingCount(), 1);
        QVERIFY(!c.sharesDataWith(n));
        // Already categorical: the same storage.
        QVERIFY(c.toCategorical().sharesDataWith(c));
    }

    void toNumericFollowsTheNumberRules_data() { sextant::testing::addNumberCases(); }
    void toNumericFollowsTheNumberRules()
    {
        // NumberParser.h's table: a category converts to the number every reader reads
        // from the same text, and a column with a non-number category does not convert.
        QFETCH(QByteArray, text);
        QFETCH(bool, number);
        QFETCH(double, value);
        const Column c = Column::categorical(
            QStringLiteral("c"), { 0, 1 }, { QString::fromLatin1(text), QStringLiteral("2") });
        Column out;
        QCOMPARE(c.toNumeric(out), number);
        if (number) {
            const double got = out.values()[0];
            QVERIFY2(std::memcmp(&got, &value, sizeof got) == 0,
                qPrintable(QString::number(got, 'g', 17)));
        }
    }

    void toNumeric()
    {
        Column c = Column::categorical(QStringLiteral("n"), { 1, 0, -1, 2 },
            { QStringLiteral("10"), QStringLiteral(" -2.5 "), QStringLiteral("1e3") });
        c.setRole(ColumnRole::Ignore);
        Column out;
        QVERIFY(c.toNumeric(out));
        QVERIFY(out.isNumeric());
        QCOMPARE(out.name(), QStringLiteral("n"));
        QCOMPARE(toString(out.role()), toString(ColumnRole::Ignore));
        QCOMPARE(out.values()[0], -2.5);
        QCOMPARE(out.values()[1], 10.0);
        QVERIFY(out.isMissing(2));
        QCOMPARE(out.values()[3], 1000.0);
        QCOMPARE(out.missingCount(), 1);

        // A non-number category: false, and `out` is left as it was.
        const Column words = Column::categorical(
            QStringLiteral("w"), { 0, 1 }, { QStringLiteral("1"), QStringLiteral("two") });
        const Column before = out;
        QVERIFY(!words.toNumeric(out));
        QVERIFY(out.sharesDataWith(before));
        QCOMPARE(out.name(), QStringLiteral("n"));

        // Numeric to numeric: the same storage.
        const Column num = Column::numeric(QStringLiteral("x"), { 1 });
        Column same;
        QVERIFY(num.toNumeric(same));
        QVERIFY(same.sharesDataWith(num));

        // Round trip numeric -> categorical -> numeric keeps the values.
        const Column orig = Column::numeric(QStringLiteral("r"), { 0.1, -3, kNaN, 1e-300, 0.1 });
        Column back;
        QVERIFY(orig.toCategorical().toNumeric(back));
        QCOMPARE(back.missingCount(), 1);
        for (int i : { 0, 1, 3, 4 })
            QCOMPARE(back.values()[i], orig.values()[i]);
    }

    void suggestsCategorical_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<bool>("expected");
        QTest::newRow("class labels") << std::vector<double> { 0, 1, 1, 0, 2, 2, 1, 0 } << true;
        QTest::newRow("fractions") << std::vector<double> { 0.5, 1, 1, 0.5 } << false;
        QTest::newRow("too few repeats") << std::vector<double> { 1, 2, 3 } << false;
        QTest::newRow("one value") << std::vector<double> { 4, 4, 4, 4 } << false;
        QTest::newRow("many distinct") << std::vector<double> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }
                                       << false;
    }

    void suggestsCategorical()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(bool, expected);
        QCOMPARE(Column::numeric(QStringLiteral("x"), values).suggestsCategorical(), expected);
    }

    void addColumnChecksLengthAndName()
    {
        Dataset ds;
        QVERIFY(ds.isEmpty());
        QCOMPARE(ds.rowCount(), 0);
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("a"), { 1, 2, 3 })));
        QCOMPARE(ds.rowCount(), 3);
        // Wrong length, either way: refused, nothing changes.
        QVERIFY(!ds.addColumn(Column::numeric(QStringLiteral("b"), { 1, 2 })));
        QVERIFY(!ds.addColumn(
            Column::categorical(QStringLiteral("b"), { 0, 0, 0, 0 }, { QStringLiteral("u") })));
        QCOMPARE(ds.columnCount(), 1);
        QCOMPARE(ds.rowCount(), 3);
        // Taken name: refused.
        QVERIFY(!ds.addColumn(Column::numeric(QStringLiteral("a"), { 4, 5, 6 })));
        QCOMPARE(ds.columnCount(), 1);
        QVERIFY(ds.addColumn(
            Column::categorical(QStringLiteral("b"), { 0, -1, 0 }, { QStringLiteral("u") })));
        QCOMPARE(ds.columnCount(), 2);
        QCOMPARE(ds.indexOf(QStringLiteral("b")), 1);
        QCOMPARE(ds.indexOf(QStringLiteral("a")), 0);
        QCOMPARE(ds.indexOf(QStringLiteral("nope")), -1);
        QCOMPARE(ds.columnNames(), QStringList({ QStringLiteral("a"), QStringLiteral("b") }));
    }

    void emptyColumnsFirst()
    {
        // A zero-length first column fixes the row count at 0.
        Dataset ds;
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("a"), {})));
        QCOMPARE(ds.rowCount(), 0);
        QVERIFY(!ds.addColumn(Column::numeric(QStringLiteral("b"), { 1 })));
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("c"), {})));
        QCOMPARE(ds.columnCount(), 2);
    }

    void replaceColumn()
    {
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("a"), { 1, 2 }));
        ds.addColumn(Column::numeric(QStringLiteral("b"), { 3, 4 }));
        QVERIFY(!ds.replaceColumn(0, Column::numeric(QStringLiteral("a"), { 1 }))); // length
        QVERIFY(!ds.replaceColumn(
            0, Column::numeric(QStringLiteral("b"), { 1, 1 }))); // name of another
        QVERIFY(!ds.replaceColumn(2, Column::numeric(QStringLiteral("c"), { 1, 1 }))); // index
        QVERIFY(!ds.replaceColumn(-1, Column::numeric(QStringLiteral("c"), { 1, 1 })));
        QVERIFY(ds.replaceColumn(0, Column::numeric(QStringLiteral("a"), { 9, 9 }))); // same name
        QVERIFY(ds.replaceColumn(0, Column::numeric(QStringLiteral("renamed"), { 8, 8 })));
        QCOMPARE(ds.indexOf(QStringLiteral("renamed")), 0);
        QCOMPARE(ds.indexOf(QStringLiteral("a")), -1);
        // The old name is free again.
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("a"), { 0, 0 })));
        QCOMPARE(ds.indexOf(QStringLiteral("a")), 2);
        QCOMPARE(cells(ds.column(0)), std::vector<double>({ 8, 8 }));
    }

    void removeColumn()
    {
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("a"), { 1, 2 }));
        ds.addColumn(Column::numeric(QStringLiteral("b"), { 3, 4 }));
        ds.addColumn(Column::numeric(QStringLiteral("c"), { 5, 6 }));
        ds.removeColumn(7); // out of range: ignored
        ds.removeColumn(-1);
        QCOMPARE(ds.columnCount(), 3);
        ds.removeColumn(0);
        QCOMPARE(ds.columnNames(), QStringList({ QStringLiteral("b"), QStringLiteral("c") }));
        QCOMPARE(ds.indexOf(QStringLiteral("c")), 1);
        QCOMPARE(ds.indexOf(QStringLiteral("a")), -1);
        QCOMPARE(ds.rowCount(), 2);
        ds.removeColumn(0);
        ds.removeColumn(0);
        QVERIFY(ds.isEmpty());
        // With no columns left, any length may come next.
        QCOMPARE(ds.rowCount(), 0);
        QVERIFY(ds.addColumn(Column::numeric(QStringLiteral("a"), { 1, 2, 3, 4 })));
        QCOMPARE(ds.rowCount(), 4);
    }

    void roles()
    {
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("x1"), { 1, 2 }));
        ds.addColumn(Column::categorical(QStringLiteral("k"), { 0, 0 }, { QStringLiteral("u") }));
        ds.addColumn(Column::numeric(QStringLiteral("x2"), { 1, 2 }));
        ds.addColumn(Column::numeric(QStringLiteral("y"), { 1, 2 }));
        ds.setRole(3, ColumnRole::Target);
        ds.setRole(2, ColumnRole::Ignore);
        ds.setRole(9, ColumnRole::Target); // out of range: ignored
        QCOMPARE(ds.columnsWithRole(ColumnRole::Target), QList<int>({ 3 }));
        QCOMPARE(ds.columnsWithRole(ColumnRole::Ignore), QList<int>({ 2 }));
        QCOMPARE(ds.columnsWithRole(ColumnRole::Feature), QList<int>({ 0, 1 }));
        QCOMPARE(ds.numericColumns(), QList<int>({ 0, 2, 3 }));
        QCOMPARE(toString(ColumnRole::Target), QStringLiteral("target"));
        QCOMPARE(toString(ColumnType::Categorical), QStringLiteral("categorical"));
    }

    void nameLookupStaysFastWhenWide()
    {
        // 100,000 columns: a linear name check per addColumn would be 5e9 comparisons.
        Dataset ds;
        const Column shared = Column::numeric(QString(), { 1.0 });
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100000; ++i) {
            Column c = shared;
            c.setName(QStringLiteral("f") + QString::number(i));
            QVERIFY(ds.addColumn(std::move(c)));
        }
        QCOMPARE(ds.indexOf(QStringLiteral("f99999")), 99999);
        QVERIFY(!ds.addColumn(Column::numeric(QStringLiteral("f123"), { 2.0 })));
        qInfo("100,000 columns added in %lld ms", timer.elapsed());
        QVERIFY(ds.column(99999).sharesDataWith(shared));
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
