// Merge, Concatenate, Group By and Pivot (engine/data/TableJoin, TableConcat,
// GroupAggregate, PivotTable and their nodes), each checked against pandas doing the same
// operation on the same tables: merge with the four how= values, several keys and missing
// keys; concat; groupby().agg(); pivot_table.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "data/GroupAggregate.h"
#include "data/PivotTable.h"
#include "data/TableConcat.h"
#include "data/TableJoin.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeRegistry.h"
#include "nodes/BuiltinNodes.h"

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

Column cat(const QString &name, const std::vector<std::int32_t> &codes, const QStringList &cats)
{
    return Column::categorical(name, codes, cats);
}

// Left: keys k1 (numbers, some missing) and k2 (categories, some missing), v, score, name.
Dataset leftTable()
{
    const int n = 60;
    std::vector<double> k1(n), v(n), score(n);
    std::vector<std::int32_t> k2(n), name(n);
    for (int i = 0; i < n; ++i) {
        k1[i] = i % 17 == 5 ? NaN : i % 7;
        k2[i] = i % 13 == 3 ? -1 : i % 3;
        v[i] = i * 1.5 - 7;
        score[i] = i % 11 == 0 ? NaN : std::sqrt(double(i));
        name[i] = i % 4;
    }
    Dataset d;
    d.setName(QStringLiteral("left"));
    d.addColumn(Column::numeric(QStringLiteral("k1"), k1));
    d.addColumn(cat(QStringLiteral("k2"), k2, { "a", "b", "c" }));
    d.addColumn(Column::numeric(QStringLiteral("v"), v));
    d.addColumn(Column::numeric(QStringLiteral("score"), score));
    d.addColumn(cat(QStringLiteral("name"), name, { "ann", "bob", "cy", "dee" }));
    return d;
}

// Right: the same keys over other ranges (k2's categories in another order, one the left
// lacks), w, score, tag.
Dataset rightTable()
{
    const int n = 45;
    std::vector<double> k1(n), w(n), score(n);
    std::vector<std::int32_t> k2(n), tag(n);
    for (int i = 0; i < n; ++i) {
        k1[i] = i % 19 == 7 ? NaN : (i * 3) % 9;
        k2[i] = i % 10 == 4 ? -1 : i % 4;
        w[i] = 100 + i;
        score[i] = -i * 0.25;
        tag[i] = i % 2;
    }
    Dataset d;
    d.setName(QStringLiteral("right"));
    d.addColumn(Column::numeric(QStringLiteral("k1"), k1));
    d.addColumn(cat(QStringLiteral("k2"), k2, { "c", "d", "a", "b" }));
    d.addColumn(Column::numeric(QStringLiteral("w"), w));
    d.addColumn(Column::numeric(QStringLiteral("score"), score));
    d.addColumn(cat(QStringLiteral("tag"), tag, { "x", "y" }));
    return d;
}

bool writeCsv(const Dataset &data, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(data.columnNames().join(QLatin1Char(',')).toUtf8() + '\n');
    for (std::int64_t r = 0; r < data.rowCount(); ++r) {
        QStringList cells;
        for (const Column &c : data.columns())
            cells.push_back(c.isMissing(r) ? QString()
                    : c.isNumeric()        ? QString::number(c.values()[std::size_t(r)], 'g', 17)
                                           : c.displayValue(r));
        f.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    return true;
}

QString cell(const Column &c, std::int64_t r)
{
    if (c.isMissing(r))
        return QStringLiteral("NA");
    if (c.isNumeric())
        return QString::number(c.values()[std::size_t(r)], 'g', 10);
    return c.displayValue(r);
}

QStringList rowsOf(const Dataset &d, bool sorted)
{
    QStringList out;
    for (std::int64_t r = 0; r < d.rowCount(); ++r) {
        QStringList cells;
        for (const Column &c : d.columns())
            cells.push_back(cell(c, r));
        out.push_back(cells.join(QLatin1Char('|')));
    }
    if (sorted)
        out.sort();
    return out;
}

// The Python side prints, per case, {"columns": [...], "rows": ["a|b|..."]} with numbers
// as '%.10g' and missing as NA.
const char *kPandas = R"PY(
import json, numpy as np, pandas as pd
L = pd.read_csv("left.csv", dtype={"k2": object, "name": object})
R = pd.read_csv("right.csv", dtype={"k2": object, "tag": object})
G = pd.read_csv("group.csv", dtype={"g1": object, "c": object})
def fmt(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return "NA"
    if isinstance(v, (float, np.floating, int, np.integer)) and not isinstance(v, bool):
        return "%.10g" % float(v)
    return str(v)
def table(df, sort=True):
    rows = ["|".join(fmt(v) for v in row) for row in df.itertuples(index=False, name=None)]
    return {"columns": [str(c) for c in df.columns], "rows": sorted(rows) if sort else rows}
out = {}
for how in ["inner", "left", "right", "outer"]:
    out["merge_" + how] = table(L.merge(R, on=["k1", "k2"], how=how, suffixes=("_x", "_y")))
    out["merge1_" + how] = table(L.merge(R, on="k1", how=how, suffixes=("_l", "_r")))
    # Missing keys match nothing: sentinels per side, put back to NaN afterwards.
    l2 = L.copy(); r2 = R.copy()
    l2["k1"] = l2["k1"].fillna(-1e300); l2["k2"] = l2["k2"].fillna("__L__")
    r2["k1"] = r2["k1"].fillna(-2e300); r2["k2"] = r2["k2"].fillna("__R__")
    m = l2.merge(r2, on=["k1", "k2"], how=how)
    m["k1"] = m["k1"].replace([-1e300, -2e300], np.nan)
    m["k2"] = m["k2"].replace(["__L__", "__R__"], np.nan)
    out["sql_" + how] = table(m)
    r3 = R.rename(columns={"k1": "rk1"})
    out["named_" + how] = table(L.merge(r3, left_on="k1", right_on="rk1", how=how))
out["concat"] = table(pd.concat([L, R], ignore_index=True), sort=False)
aggs = {"count": "count", "sum": "sum", "mean": "mean", "median": "median", "min": "min",
        "max": "max", "std": "std", "first": "first", "distinct": "nunique"}
g = G.groupby(["g1", "g2"])
res = pd.DataFrame(index=g.size().index)
for col in ["x", "y", "c"]:
    for name, fn in aggs.items():
        if col == "c" and name not in ("count", "first", "distinct"):
            continue
        res[col + "_" + name] = g[col].agg(fn)
out["groupby"] = table(res.reset_index(), sort=False)
for name in ["mean", "sum", "count", "median", "min", "max", "std", "distinct"]:
    p = pd.pivot_table(G, index=["g1"], columns="g2", values="x", aggfunc=aggs[name])
    p.columns = ["%g" % c for c in p.columns]
    out["pivot_" + name] = table(p.reset_index(), sort=False)
p = pd.pivot_table(G, index=["g1", "g2"], columns="c", values="y", aggfunc="sum")
out["pivot2"] = table(p.reset_index(), sort=False)
print(json.dumps(out))
)PY";

Dataset groupTable()
{
    const int n = 120;
    std::vector<double> g2(n), x(n), y(n);
    std::vector<std::int32_t> g1(n), c(n);
    for (int i = 0; i < n; ++i) {
        g1[i] = i % 23 == 9 ? -1 : (i * 7) % 5;
        g2[i] = i % 29 == 4 ? NaN : i % 3;
        // x: missing now and then, and always missing in one group (g1=4... rows i%5 with
        // i*7%5==3 and g2==2 thin out); y dense.
        x[i] = i % 6 == 1 ? NaN : std::cos(i * 0.37) * 10 + i * 0.01;
        y[i] = (i % 9) * 1.25;
        c[i] = i % 8 == 2 ? -1 : i % 3;
    }
    Dataset d;
    d.addColumn(cat(QStringLiteral("g1"), g1, { "north", "east", "South", "west", "mid" }));
    d.addColumn(Column::numeric(QStringLiteral("g2"), g2));
    d.addColumn(Column::numeric(QStringLiteral("x"), x));
    d.addColumn(Column::numeric(QStringLiteral("y"), y));
    d.addColumn(cat(QStringLiteral("c"), c, { "red", "green", "blue" }));
    return d;
}

// Compares with tolerance: cells equal as text, or both numbers within 1e-9 relative.
bool sameRows(const QStringList &got, const QStringList &want, QString *why)
{
    if (got.size() != want.size()) {
        *why = QStringLiteral("%1 rows, pandas %2").arg(got.size()).arg(want.size());
        return false;
    }
    for (qsizetype i = 0; i < got.size(); ++i) {
        const QStringList a = got[i].split(QLatin1Char('|')), b = want[i].split(QLatin1Char('|'));
        bool ok = a.size() == b.size();
        for (qsizetype j = 0; ok && j < a.size(); ++j) {
            if (a[j] == b[j])
                continue;
            bool xa = false, xb = false;
            const double x = a[j].toDouble(&xa), y = b[j].toDouble(&xb);
            ok = xa && xb && std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(y));
        }
        if (!ok) {
            *why = QStringLiteral("row %1: got %2, pandas %3").arg(i).arg(got[i], want[i]);
            return false;
        }
    }
    return true;
}

} // namespace

class TestWrangle : public QObject {
    Q_OBJECT

    QJsonObject m_ref;
    QString m_skip;

    void compare(const Dataset &got, const QString &key, bool sorted)
    {
        const QJsonObject want = m_ref.value(key).toObject();
        QVERIFY2(!want.isEmpty(), qPrintable(key));
        QStringList cols;
        for (const QJsonValue &c : want.value(QStringLiteral("columns")).toArray())
            cols.push_back(c.toString());
        QCOMPARE(got.columnNames(), cols);
        QStringList rows;
        for (const QJsonValue &r : want.value(QStringLiteral("rows")).toArray())
            rows.push_back(r.toString());
        QString why;
        QVERIFY2(sameRows(rowsOf(got, sorted), rows, &why),
            qPrintable(key + QStringLiteral(": ") + why));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_skip = SklearnReference::unavailableReason();
        if (!m_skip.isEmpty())
            return;
        SklearnReference ref;
        QVERIFY(writeCsv(leftTable(), ref.path(QStringLiteral("left.csv"))));
        QVERIFY(writeCsv(rightTable(), ref.path(QStringLiteral("right.csv"))));
        QVERIFY(writeCsv(groupTable(), ref.path(QStringLiteral("group.csv"))));
        QString error;
        m_ref = ref.run(QString::fromLatin1(kPandas), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void mergeMatchesPandas()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        const Dataset l = leftTable(), r = rightTable();
        const std::pair<const char *, TableJoin::How> hows[]
            = { { "inner", TableJoin::How::Inner }, { "left", TableJoin::How::Left },
                  { "right", TableJoin::How::Right }, { "outer", TableJoin::How::Outer } };
        for (const auto &[name, how] : hows) {
            const QString h = QString::fromLatin1(name);
            TableJoin::Options o;
            o.leftKeys = QStringList { "k1", "k2" };
            o.how = how;
            const TableJoin::Result res = TableJoin::join(l, r, o);
            compare(res.table, QStringLiteral("merge_") + h, true);
            o.missingKeysMatch = false;
            compare(TableJoin::join(l, r, o).table, QStringLiteral("sql_") + h, true);
            TableJoin::Options one;
            one.leftKeys = QStringList { "k1" };
            one.how = how;
            one.leftSuffix = QStringLiteral("_l");
            one.rightSuffix = QStringLiteral("_r");
            const TableJoin::Result many = TableJoin::join(l, r, one);
            compare(many.table, QStringLiteral("merge1_") + h, true);
            QVERIFY(many.cardinalityNote().startsWith(QStringLiteral("many-to-many join")));
            Dataset renamed = r;
            Column k = renamed.column(0);
            k.setName(QStringLiteral("rk1"));
            renamed.replaceColumn(0, k);
            TableJoin::Options named;
            named.leftKeys = QStringList { "k1" };
            named.rightKeys = QStringList { "rk1" };
            named.how = how;
            compare(TableJoin::join(l, renamed, named).table, QStringLiteral("named_") + h, true);
        }
    }

    void mergeRefusesAndReports()
    {
        Dataset l = leftTable(), r = rightTable();
        TableJoin::Options o;
        o.leftKeys = QStringList { "k2" };
        o.rightKeys = QStringList { "w" };
        try {
            TableJoin::join(l, r, o);
            QFAIL("keys of different types were joined");
        } catch (const TableError &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                QStringLiteral("key 'k2' is categorical in the left table but 'w' is numeric in "
                               "the right: keys must have the same type (change one with Select "
                               "Columns)"));
        }
        o.rightKeys = QStringList { "nope" };
        QVERIFY_THROWS_EXCEPTION(TableError, TableJoin::join(l, r, o));
        // One-to-many: each left row matches up to several right rows, never the reverse.
        Dataset people;
        people.addColumn(Column::numeric(QStringLiteral("id"), { 1, 2, 3 }));
        Dataset orders;
        orders.addColumn(Column::numeric(QStringLiteral("id"), { 1, 1, 2, 4 }));
        orders.addColumn(Column::numeric(QStringLiteral("amount"), { 10, 20, 30, 40 }));
        TableJoin::Options byId;
        byId.leftKeys = QStringList { "id" };
        byId.how = TableJoin::How::Left;
        const TableJoin::Result res = TableJoin::join(people, orders, byId);
        QCOMPARE(rowsOf(res.table, false), QStringList({ "1|10", "1|20", "2|30", "3|NA" }));
        QCOMPARE(res.cardinalityNote(),
            QStringLiteral("one-to-many join: 1 left rows match several right rows"));
        QCOMPARE(res.unmatchedLeft, std::int64_t(1));
        QCOMPARE(res.unmatchedRight, std::int64_t(1));
        byId.how = TableJoin::How::Inner;
        QVERIFY(TableJoin::join(people, people, byId).cardinalityNote().isEmpty());
    }

    void concatenateMatchesPandas()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        const Dataset l = leftTable(), r = rightTable();
        compare(TableConcat::concat({ &l, &r }), QStringLiteral("concat"), false);
        const Dataset withSource = TableConcat::concat({ &l, &r, &l }, QStringLiteral("from"));
        const Column &src = withSource.column(withSource.indexOf(QStringLiteral("from")));
        QCOMPARE(src.categories(), QStringList({ "left", "right", "table 3" }));
        QCOMPARE(src.displayValue(l.rowCount()), QStringLiteral("right"));
        QVERIFY(src.role() == ColumnRole::Ignore);
        QCOMPARE(withSource.rowCount(), 2 * l.rowCount() + r.rowCount());
        // A column of two types is refused, naming it.
        Dataset other;
        other.addColumn(cat(QStringLiteral("v"), { 0 }, { "text" }));
        try {
            TableConcat::concat({ &l, &other });
            QFAIL("mixed types concatenated");
        } catch (const TableError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(QStringLiteral(
                         "column 'v' is numeric in table 1 but categorical in table 2")),
                e.what());
        }
    }

    void groupByMatchesPandas()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        const Dataset g = groupTable();
        using A = GroupAggregate::Aggregate;
        std::vector<GroupAggregate::Spec> specs;
        for (const char *col : { "x", "y", "c" })
            for (A a : { A::Count, A::Sum, A::Mean, A::Median, A::Min, A::Max, A::Std, A::First,
                     A::Distinct }) {
                if (QLatin1String(col) == QLatin1String("c") && GroupAggregate::needsNumbers(a))
                    continue;
                specs.push_back({ QString::fromLatin1(col), a });
            }
        compare(
            GroupAggregate::aggregate(g, { "g1", "g2" }, specs), QStringLiteral("groupby"), false);
        QVERIFY_THROWS_EXCEPTION(TableError,
            GroupAggregate::aggregate(g, { "g1" }, { { QStringLiteral("c"), A::Mean } }));
    }

    void pivotMatchesPandas()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        const Dataset g = groupTable();
        for (const char *name :
            { "mean", "sum", "count", "median", "min", "max", "std", "distinct" }) {
            GroupAggregate::Aggregate a;
            QVERIFY(GroupAggregate::parseAggregate(QString::fromLatin1(name), a));
            compare(PivotTable::pivot(g, { "g1" }, QStringLiteral("g2"), QStringLiteral("x"), a),
                QStringLiteral("pivot_") + QLatin1String(name), false);
        }
        compare(PivotTable::pivot(g, { "g1", "g2" }, QStringLiteral("c"), QStringLiteral("y"),
                    GroupAggregate::Aggregate::Sum),
            QStringLiteral("pivot2"), false);
    }

    void nodesRunInAGraph()
    {
        NodeRegistry registry;
        QVERIFY(BuiltinNodes::registerAll(registry));
        for (const char *id :
            { "data.merge", "data.concatenate", "data.group_by", "data.pivot", "prep.formula" })
            QVERIFY2(registry.find(QString::fromLatin1(id)), id);
        const NodeType *merge = registry.find(QStringLiteral("data.merge"));
        QCOMPARE(merge->inputs.size(), 2);
        const NodeType *concat = registry.find(QStringLiteral("data.concatenate"));
        QVERIFY(!concat->inputs[1].optional && concat->inputs[2].optional);
        // Group By's aggregates are checked while edited.
        const NodeType *groupBy = registry.find(QStringLiteral("data.group_by"));
        const ParameterSpec *aggs = groupBy->parameter(QStringLiteral("aggregates"));
        QVERIFY(aggs && aggs->check);
        QVERIFY(aggs->check(QStringLiteral("mean, max"), nullptr).isEmpty());
        QCOMPARE(aggs->check(QStringLiteral("mean, avg"), nullptr),
            QStringLiteral("unknown aggregate 'avg' (count, sum, mean, median, min, max, std, "
                           "first, distinct)"));
    }
};

QTEST_GUILESS_MAIN(TestWrangle)
#include "tst_wrangle.moc"
