// The expression language shared by Formula and Filter Rows (engine/data/Expression*,
// FormulaList, ConditionFilter) and the Formula step (FormulaTransform, "prep.formula"):
// values checked against pandas/numpy evaluating the same expressions, missing values,
// errors with positions, the earlier Filter Rows conditions, the fitted step's state
// round trip (tst_cli_formula runs `sextant predict` on a saved model).
#include "SklearnReference.h"
#include "data/ConditionFilter.h"
#include "data/Dataset.h"
#include "data/ExpressionError.h"
#include "data/ExpressionParser.h"
#include "data/ExpressionProgram.h"
#include "data/FormulaList.h"
#include "data/RowSelection.h"
#include "ml/FormulaTransform.h"
#include "ml/TransformerFactory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <limits>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// 500 rows: a and b numeric with missing cells, s categorical with missing cells, d dates
// (seconds since 1970, 1965-2030, some before 1970), r a categorical of digits.
Dataset sample()
{
    const int n = 500;
    std::vector<double> a(n), b(n), d(n);
    std::vector<std::int32_t> s(n), r(n);
    for (int i = 0; i < n; ++i) {
        a[i] = i % 13 == 0 ? NaN : std::sin(i * 0.7) * 3.0;
        b[i] = i % 17 == 0 ? NaN : (i % 23 == 0 ? 0.0 : (i % 11) - 2.5 + (i % 3) * 0.25);
        d[i] = -157766400.0 + i * 3990000.0 + (i % 24) * 3600.0 + (i % 7) * 61.0;
        s[i] = i % 19 == 0 ? -1 : i % 4;
        r[i] = i % 5;
    }
    Dataset data;
    data.addColumn(Column::numeric(QStringLiteral("a"), a));
    data.addColumn(Column::numeric(QStringLiteral("b"), b));
    data.addColumn(Column::categorical(QStringLiteral("s"), s,
        { QStringLiteral("apple"), QStringLiteral("Banana"), QStringLiteral("cherry pie"),
            QStringLiteral("DATE") }));
    data.addColumn(Column::numeric(QStringLiteral("d"), d));
    data.addColumn(Column::categorical(QStringLiteral("r"), r,
        { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
            QStringLiteral("5") }));
    return data;
}

bool writeCsv(const Dataset &data, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(data.columnNames().join(QLatin1Char(',')).toUtf8() + '\n');
    for (std::int64_t r = 0; r < data.rowCount(); ++r) {
        QStringList cells;
        for (const Column &c : data.columns()) {
            if (c.isMissing(r))
                cells.push_back(QString());
            else if (c.isNumeric())
                cells.push_back(QString::number(c.values()[std::size_t(r)], 'g', 17));
            else
                cells.push_back(c.displayValue(r));
        }
        f.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    return true;
}

const char *kPandas = R"PY(
import json, numpy as np, pandas as pd
df = pd.read_csv("in.csv", dtype={"s": object, "r": object})
a, b, s, d = df["a"], df["b"], df["s"], df["d"]
def num(x):
    x = np.asarray(x, dtype=float)
    return [None if np.isnan(v) else ("inf" if v > 0 else "-inf") if np.isinf(v) else float(v) for v in x]
def txt(x):
    return [None if (v is None or (isinstance(v, float) and np.isnan(v))) else str(v) for v in x]
miss = a.isna() | b.isna()
t = pd.to_datetime(d, unit="s")
# Three-valued "or" (false or missing = missing, true or missing = true).
A = np.where(miss, np.nan, (a * b > 1).astype(float))
B = np.where(a.isna(), np.nan, (a < -2).astype(float))
out = {
  "e1": num(a / b + 2 * a ** 2 - np.mod(b, 3)),
  "e2": num(np.log(np.abs(a)) + np.sqrt(np.abs(b)) - np.exp(-np.abs(a) / 10)),
  "e3": num(np.where(miss, np.nan, np.where(a > b, a, b))),
  "e4": num(np.round(a, 1) + np.floor(b) + np.ceil(a) + np.power(np.abs(b), 0.5)),
  "e5": num(np.minimum(np.minimum(a, b), 3) + np.maximum(a, 0)),
  "e6": txt(pd.cut(a, [-np.inf, -1, 0, 1, np.inf], labels=["very_low", "low", "mid", "high"]).astype(object).where(lambda v: v.notna(), None)),
  "e7": [None if c < 0 else ["(0, 2]", "(2, 5]", "(5, 10]"][c] for c in pd.cut(b, [0, 2, 5, 10]).cat.codes],
  "e8": txt(s.str.lower() + "_" + s.str.slice(1, 4).str.upper()),
  "e9": num(s.str.lower().str.contains("an").astype(float)),
  "year": num(t.dt.year), "month": num(t.dt.month), "day": num(t.dt.day),
  "weekday": num(t.dt.weekday), "hour": num(t.dt.hour), "minute": num(t.dt.minute),
  "doy": num(t.dt.dayofyear),
  "e11": num(a.isna().astype(float) + s.isna().astype(float)),
  "e12": num(s.str.len()),
  "e13": num(np.where(a.isna() | s.isna(), np.nan, (a > 0) * 10.0 + (s == "apple"))),
  "e14": num(np.where(b.isna(), np.nan, np.where(b >= 1, np.log(np.abs(b) + 1), -b))),
  "e15": num(np.where((A == 1) | (B == 1), 1.0, np.where(np.isnan(A) | np.isnan(B), np.nan, 0.0))),
}
print(json.dumps(out))
)PY";

const char *kFormulas
    = "e1 = a / b + 2 * a ^ 2 - b % 3;"
      "e2 = log(abs(a)) + sqrt(abs(b)) - exp(-abs(a) / 10)\n"
      "e3 = if(a > b, a, b); e4 = round(a, 1) + floor(b) + ceil(a) + pow(abs(b), 0.5);"
      "e5 = min(a, b, 3) + max(a, 0);"
      "e6 = cut(a, [-inf, -1, 0, 1, inf], [very_low, low, mid, high]);"
      "e7 = cut(b, [0, 2, 5, 10]);"
      "e8 = lower(s) + '_' + upper(substr(s, 1, 3));"
      "e9 = contains(lower(s), 'an');"
      "year = year(d); month = month(d); day = day(d); weekday = weekday(d);"
      "hour = hour(d); minute = minute(d); doy = dayofyear(d);"
      "e11 = is_missing(a) + is_missing(s); e12 = len(s);"
      "e13 = (a > 0) * 10 + (s == apple);"
      "e14 = if(b >= 1, log(abs(b) + 1), -b);"
      "e15 = (a * b > 1) or a < -2";

QString cellText(const Column &c, std::int64_t r)
{
    return c.isMissing(r) ? QStringLiteral("<missing>") : c.displayValue(r);
}

std::vector<double> evalNumbers(const Dataset &d, const QString &expr)
{
    const ExpressionProgram::Value v
        = ExpressionProgram::evaluate(ExpressionParser::parse(expr), d);
    if (v.type != ExpressionProgram::Type::Number)
        qFatal("%s is not numeric", qPrintable(expr));
    return v.numbers;
}

QString errorOf(const QString &formulas, const Dataset &d)
{
    try {
        FormulaTransform t({ formulas });
        t.fit(d, {});
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

bool same(double x, double y)
{
    if (std::isnan(x) || std::isnan(y))
        return std::isnan(x) && std::isnan(y);
    if (std::isinf(x) || std::isinf(y))
        return x == y;
    return std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(y));
}

} // namespace

class TestFormula : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesPandas()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        const Dataset data = sample();
        SklearnReference ref;
        QVERIFY(writeCsv(data, ref.path(QStringLiteral("in.csv"))));
        QString error;
        const QJsonObject expected = ref.run(QString::fromLatin1(kPandas), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        FormulaTransform step({ QString::fromLatin1(kFormulas) });
        step.fit(data, {});
        const Dataset out = step.transform(data);
        QCOMPARE(expected.size(), 21);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const int j = out.indexOf(it.key());
            QVERIFY2(j >= 0, qPrintable(it.key()));
            const Column &c = out.column(j);
            const QJsonArray want = it.value().toArray();
            QCOMPARE(want.size(), qsizetype(out.rowCount()));
            for (std::int64_t r = 0; r < out.rowCount(); ++r) {
                const QJsonValue w = want[r];
                const QString where = QStringLiteral("%1 row %2: got %3, pandas %4")
                                          .arg(it.key())
                                          .arg(r)
                                          .arg(cellText(c, r), w.toVariant().toString());
                if (w.isNull()) {
                    QVERIFY2(c.isMissing(r), qPrintable(where));
                } else if (w.isString() && c.isCategorical()) {
                    QVERIFY2(
                        !c.isMissing(r) && c.displayValue(r) == w.toString(), qPrintable(where));
                } else {
                    QVERIFY2(c.isNumeric(), qPrintable(where));
                    const double want = w.isString() ? (w.toString() == QLatin1String("inf")
                                                ? std::numeric_limits<double>::infinity()
                                                : -std::numeric_limits<double>::infinity())
                                                     : w.toDouble();
                    QVERIFY2(same(c.values()[std::size_t(r)], want), qPrintable(where));
                }
            }
        }
        // The types were inferred: numbers stay numeric, texts and bins are categorical.
        QVERIFY(out.column(out.indexOf(QStringLiteral("e1"))).isNumeric());
        QVERIFY(out.column(out.indexOf(QStringLiteral("e6"))).isCategorical());
        QCOMPARE(out.column(out.indexOf(QStringLiteral("e6"))).categories(),
            QStringList({ "very_low", "low", "mid", "high" }));
        QVERIFY(out.column(out.indexOf(QStringLiteral("e8"))).isCategorical());
    }

    void missingValuesAndLogic()
    {
        Dataset d;
        d.addColumn(Column::numeric(QStringLiteral("x"), { 1, 0, NaN, 1, 0, NaN }));
        d.addColumn(Column::numeric(QStringLiteral("y"), { NaN, NaN, NaN, 1, 0, 1 }));
        // Three-valued and/or; not; comparisons with missing are missing.
        const auto andv = evalNumbers(d, QStringLiteral("x and y"));
        const auto orv = evalNumbers(d, QStringLiteral("x or y"));
        const std::vector<double> wantAnd = { NaN, 0, NaN, 1, 0, NaN };
        const std::vector<double> wantOr = { 1, NaN, NaN, 1, 0, 1 };
        for (std::size_t i = 0; i < 6; ++i) {
            QVERIFY2(same(andv[i], wantAnd[i]), qPrintable(QString::number(i)));
            QVERIFY2(same(orv[i], wantOr[i]), qPrintable(QString::number(i)));
        }
        const auto notv = evalNumbers(d, QStringLiteral("not x > 0"));
        QVERIFY(notv[0] == 0 && notv[1] == 1 && std::isnan(notv[2]));
        const auto in = evalNumbers(d, QStringLiteral("x not in (0, 5)"));
        QVERIFY(in[0] == 1 && in[1] == 0 && std::isnan(in[2]));
        const auto fill = evalNumbers(d, QStringLiteral("if(is_missing(y), -1, y * 2)"));
        QVERIFY(fill[0] == -1 && fill[3] == 2 && fill[4] == 0);
        // A number compared with a text column compares its written form.
        Dataset c = d;
        c.addColumn(Column::categorical(QStringLiteral("rating"), { 0, 1, -1, 0, 1, 1 },
            { QStringLiteral("4"), QStringLiteral("5") }));
        const auto five = evalNumbers(c, QStringLiteral("rating == 5"));
        QVERIFY(five[0] == 0 && five[1] == 1 && std::isnan(five[2]));
        QCOMPARE(evalNumbers(c, QStringLiteral("num(rating) * 2"))[1], 10.0);
        // Dates written as ISO text are read as UTC.
        const auto year = evalNumbers(
            c, QStringLiteral("year('2024-02-29T23:59:59Z') + weekday('2024-02-29') / 10"));
        QCOMPARE(year[0], 2024.3); // a Thursday
        QVERIFY(std::isnan(evalNumbers(c, QStringLiteral("year('2023-02-29')"))[0]));
        QCOMPARE(evalNumbers(c, QStringLiteral("date('1970-01-02 01:00')"))[0], 90000.0);
        QCOMPARE(evalNumbers(c, QStringLiteral("-2 ^ 2"))[0], -4.0);
        QCOMPARE(evalNumbers(c, QStringLiteral("2 ^ 3 ^ 2"))[0], 512.0);
        QCOMPARE(evalNumbers(c, QStringLiteral("7 % -3"))[0], -2.0);
    }

    void forcedTypesAndReplacedColumns()
    {
        Dataset d = sample();
        d.setRole(0, ColumnRole::Target);
        FormulaTransform t({ QStringLiteral("flag:categorical = if(b > 0, 1, 0);"
                                            "code:numeric = r; a = a * 2; `my col` = a + 1") });
        t.fit(d, {});
        const Dataset out = t.transform(d);
        const Column &flag = out.column(out.indexOf(QStringLiteral("flag")));
        QVERIFY(flag.isCategorical());
        QCOMPARE(flag.categories(), QStringList({ "0", "1" }));
        const Column &code = out.column(out.indexOf(QStringLiteral("code")));
        QVERIFY(code.isNumeric());
        QCOMPARE(code.values()[3], 4.0);
        // a replaced in place, role kept; later formulas see the new a.
        QCOMPARE(out.indexOf(QStringLiteral("a")), 0);
        QVERIFY(out.column(0).role() == ColumnRole::Target);
        QCOMPARE(out.column(0).values()[1], d.column(0).values()[1] * 2);
        QCOMPARE(out.column(out.indexOf(QStringLiteral("my col"))).values()[1],
            d.column(0).values()[1] * 2 + 1);
        QCOMPARE(out.columnCount(), d.columnCount() + 3);
        QVERIFY(errorOf(QStringLiteral("x:numeric = lower(s)"), d)
                    .contains(QStringLiteral("cannot be numeric")));
    }

    void errorsNameFormulaPositionAndReason()
    {
        const Dataset d = sample();
        const auto check = [&](const char *formulas, const char *expected) {
            const QString e = errorOf(QString::fromUtf8(formulas), d);
            QVERIFY2(e == QString::fromUtf8(expected),
                qPrintable(QStringLiteral("%1\n  got: %2\n want: %3")
                               .arg(QString::fromUtf8(formulas), e, QString::fromUtf8(expected))));
            // The same message at edit time, from the text and the upstream table alone.
            QCOMPARE(
                QString::fromStdString(FormulaTransform::check(QString::fromUtf8(formulas), &d)),
                e);
        };
        check("x = lgo(a)", "formula 'x', at character 5: unknown function 'lgo'");
        check(
            "ok = a; x = a + nope", "formula 'x', at character 17: the table has no column 'nope'");
        check("x = log(a", "formula 'x', at character 10: missing ')'");
        check(
            "x = s * 2", "formula 'x', at character 5: '*' needs a number, but column 's' is text");
        check(
            "x = cut(a, [1, 0])", "formula 'x', at character 16: the edges of cut() must increase");
        check("x = cut(a, [0, 1, 2], [lo])",
            "formula 'x', at character 23: cut() has 2 bins but 1 labels");
        check("x = pow(a)", "formula 'x', at character 5: pow() takes 2 arguments, not 1");
        check("x = a b",
            "formula 'x', at character 7: unexpected 'b' after the expression (a missing "
            "operator, or ';' between two formulas?)");
        check("x = a; x = b", "at character 8: the column 'x' is defined twice");
        check("x a",
            "at character 3: expected '=' after the column name 'x', as in 'x = expression'");
        check("x = s < apple",
            "formula 'x', at character 7: text cannot be ordered with '<': "
            "compare it with ==, !=, in or not in");
        check("x = a == 'abc'",
            "formula 'x', at character 10: 'abc' is not a number (column 'a' is numeric)");
        check("x = 'unterminated", "formula 'x', at character 5: unterminated quote '");
        check("", "no formula: write one as 'name = expression'");
        // Syntax alone is checked without the table.
        QVERIFY(FormulaTransform::check(QStringLiteral("x = a + nope"), nullptr).empty());
        QCOMPARE(
            QString::fromStdString(FormulaTransform::check(QStringLiteral("x = lgo(a)"), nullptr)),
            QStringLiteral("formula 'x', at character 5: unknown function 'lgo'"));
        QVERIFY(!FormulaTransform::check(QStringLiteral("x = (a"), nullptr).empty());
        // Deep nesting is refused, not a stack overflow.
        QVERIFY(!FormulaTransform::check(
            QStringLiteral("x = ") + QString(5000, u'(') + QStringLiteral("1"), nullptr)
                     .empty());
    }

    void filterRowsKeepsEarlierConditions()
    {
        Dataset d;
        const int n = 40;
        std::vector<double> pl(n), sl(n), cm(n);
        std::vector<std::int32_t> sp(n), ab(n), mc(n);
        for (int i = 0; i < n; ++i) {
            pl[i] = i % 9 == 0 ? NaN : (i % 7) * 0.8;
            sl[i] = 3 + (i % 5);
            cm[i] = i % 6;
            sp[i] = i % 11 == 0 ? -1 : i % 4;
            ab[i] = i % 3;
            mc[i] = i % 3;
        }
        d.addColumn(Column::numeric(QStringLiteral("petal_length"), pl));
        d.addColumn(Column::numeric(QStringLiteral("sepal length (cm)"), sl));
        d.addColumn(Column::numeric(QStringLiteral("size in cm"), cm));
        d.addColumn(Column::categorical(QStringLiteral("species"), sp,
            { QStringLiteral("setosa"), QStringLiteral("a b"), QStringLiteral("c"),
                QStringLiteral("virginica") }));
        d.addColumn(Column::categorical(QStringLiteral("a < b"), ab,
            { QStringLiteral("x, y"), QStringLiteral("z"), QStringLiteral("w") }));
        d.addColumn(Column::categorical(QStringLiteral("my col"), mc,
            { QStringLiteral("x y"), QStringLiteral("z"), QStringLiteral("q") }));
        const QStringList earlier = { "petal_length >= 2.5", "  petal_length >= 2.5 ",
            "species != setosa", "species == setosa", "sepal length (cm)<>4", "size in cm > 3",
            "\"a < b\" == 'x, y'", "species NOT IN ('a b', c,d)", "species in setosa",
            "`my col` in ('x y', z)", "petal_length = 1.6", "species in [setosa, virginica]",
            "petal_length in (0, 1.6)" };
        for (const QString &condition : earlier) {
            const auto before = RowFilter::matchingRows(d, RowFilter::parse(condition));
            const auto now = ConditionFilter::matchingRows(d, condition);
            QVERIFY2(now == before, qPrintable(condition));
            QVERIFY2(ConditionFilter::check(condition, &d).empty(), qPrintable(condition));
        }
        // New: combinations, functions.
        const auto both = ConditionFilter::matchingRows(d,
            QStringLiteral(
                "petal_length >= 2.5 and not (species == setosa or is_missing(species))"));
        std::vector<std::int64_t> want;
        for (int i = 0; i < n; ++i)
            if (!std::isnan(pl[i]) && pl[i] >= 2.5 && sp[i] > 0)
                want.push_back(i);
        QCOMPARE(both, want);
        // Errors name the position; a text condition is refused.
        try {
            ConditionFilter::matchingRows(d, QStringLiteral("petal_length > 1 and nope < 2"));
            QFAIL("accepted an unknown column");
        } catch (const RowFilterError &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                QStringLiteral("condition, at character 22: the table has no column 'nope'"));
        }
        QCOMPARE(
            QString::fromStdString(ConditionFilter::check(QStringLiteral("lower(species)"), &d)),
            QStringLiteral("condition: it gives text, not true/false (compare it, e.g. "
                           "species == setosa)"));
        QVERIFY(ConditionFilter::check(QStringLiteral("petal_length >"), nullptr).size() > 0);
    }

    void stateRoundTripAndUnseenCategories()
    {
        Dataset d = sample();
        FormulaTransform t({ QStringLiteral("g = cut(a, [-5, 0, 5], [neg, pos]); l = lower(s); "
                                            "ratio = a / (abs(b) + 1)") });
        FitContext fc;
        t.fit(d, fc);
        const ModelState s = t.state();
        std::unique_ptr<Transformer> restored = createTransformer("formula");
        QVERIFY(restored);
        restored->restore(s);
        QVERIFY(restored->state() == s);
        const Dataset a = t.transform(d), b = restored->transform(d);
        QCOMPARE(a.columnNames(), b.columnNames());
        for (int j = 0; j < a.columnCount(); ++j)
            for (std::int64_t r = 0; r < a.rowCount(); ++r)
                QCOMPARE(cellText(a.column(j), r), cellText(b.column(j), r));
        // New rows with a category unseen in training: fitted categories keep their codes.
        Dataset fresh;
        fresh.addColumn(Column::numeric(QStringLiteral("a"), { 1, -1 }));
        fresh.addColumn(Column::numeric(QStringLiteral("b"), { 0, 1 }));
        fresh.addColumn(Column::categorical(
            QStringLiteral("s"), { 0, 1 }, { QStringLiteral("NEW"), QStringLiteral("Banana") }));
        const Dataset f = restored->transform(fresh);
        const Column &l = f.column(f.indexOf(QStringLiteral("l")));
        const QStringList fitted = a.column(a.indexOf(QStringLiteral("l"))).categories();
        QCOMPARE(l.categories().mid(0, fitted.size()), fitted);
        QCOMPARE(l.categories().last(), QStringLiteral("new"));
        QCOMPARE(l.displayValue(1), QStringLiteral("banana"));
        QCOMPARE(l.codes()[1], std::int32_t(fitted.indexOf(QStringLiteral("banana"))));
        const Column &g = f.column(f.indexOf(QStringLiteral("g")));
        QCOMPARE(g.categories(), QStringList({ "neg", "pos" }));
        QCOMPARE(g.displayValue(0), QStringLiteral("pos"));
        // A table without a column a formula reads is refused with the formula named.
        Dataset lacking;
        lacking.addColumn(Column::numeric(QStringLiteral("a"), { 1 }));
        try {
            restored->transform(lacking);
            QFAIL("accepted a table without b");
        } catch (const FitError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("formula 'l'")), e.what());
        }
        // Tampered states are refused.
        ModelState bad = s;
        bad.texts["formulas"] = "x = (";
        QVERIFY_THROWS_EXCEPTION(ModelStateError, restored->restore(bad));
        bad = s;
        bad.textLists["types"].pop_back();
        QVERIFY_THROWS_EXCEPTION(ModelStateError, restored->restore(bad));
        bad = s;
        bad.textLists["types"][0] = "complex";
        QVERIFY_THROWS_EXCEPTION(ModelStateError, restored->restore(bad));
    }
};

QTEST_GUILESS_MAIN(TestFormula)
#include "tst_formula.moc"
