// SQLite databases: tables and queries read as pandas.read_sql reads them (a database the
// test creates with Python's sqlite3), types from storage classes and declared affinity,
// NULL as missing, text dates as dates, the File node's table and query parameters, and
// clear refusals for files that are not databases, missing tables and bad SQL.
#include "SklearnReference.h"
#include "data/DatasetLoader.h"
#include "data/DateTime.h"
#include "data/SqliteReader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

const char *kMake = R"(
import json, sqlite3
import pandas as pd
con = sqlite3.connect('shop.db')
con.executescript('''
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, qty INTEGER,
                    sold DATE, note, empty_num NUMERIC, empty_text TEXT);
CREATE TABLE "odd ""name""" (x INTEGER);
INSERT INTO "odd ""name""" VALUES (1), (2);
''')
rows = [
    (1, 'bolt', 0.1, 3, '2024-01-05', 'a', None, None),
    (2, 'nut', 1/3, None, '2024-02-29', 'b', None, None),
    (3, 'Zürich ✓', -2.5e-12, 7, None, 12, None, None),
    (4, None, 123456789012.5, 0, '1999-12-31', 'c', None, None),
    (5, 'say "hi"', None, -4, '2000-01-01', 2.5, None, None),
]
con.executemany('INSERT INTO items VALUES (?,?,?,?,?,?,?,?)', rows)
con.commit()
def frame_json(frame):
    out = {'columns': [str(c) for c in frame.columns], 'values': {}}
    for c in frame.columns:
        vals = []
        for v in frame[c]:
            if v is None or (isinstance(v, float) and v != v):
                vals.append(None)
            elif isinstance(v, (int, float)):
                vals.append(float(v))
            else:
                vals.append(str(v))
        out['values'][str(c)] = vals
    return out
result = {
    'items': frame_json(pd.read_sql('SELECT * FROM items', con)),
    'query': frame_json(pd.read_sql('SELECT name, price * 2 AS double_price FROM items WHERE qty >= 0 ORDER BY id DESC', con)),
}
print(json.dumps(result))
)";

// Empty when `data` holds what pandas read (dates are compared as their ISO text).
QString compare(const Dataset &data, const QJsonObject &reference)
{
    const QJsonArray columns = reference.value(QStringLiteral("columns")).toArray();
    const QJsonObject values = reference.value(QStringLiteral("values")).toObject();
    if (data.columnCount() != columns.size())
        return QStringLiteral("%1 columns, pandas %2").arg(data.columnCount()).arg(columns.size());
    for (int c = 0; c < data.columnCount(); ++c) {
        const Column &col = data.column(c);
        if (col.name() != columns.at(c).toString())
            return QStringLiteral("column %1 is '%2', pandas '%3'")
                .arg(c)
                .arg(col.name(), columns.at(c).toString());
        const QJsonArray v = values.value(col.name()).toArray();
        if (v.size() != data.rowCount())
            return QStringLiteral("%1: %2 rows, pandas %3")
                .arg(col.name())
                .arg(data.rowCount())
                .arg(v.size());
        for (int r = 0; r < v.size(); ++r) {
            const QString where = QStringLiteral("%1 row %2").arg(col.name()).arg(r);
            if (v.at(r).isNull() != col.isMissing(r))
                return where
                    + QStringLiteral(": missing %1, pandas %2")
                          .arg(col.isMissing(r))
                          .arg(v.at(r).isNull());
            if (v.at(r).isNull())
                continue;
            if (v.at(r).isDouble() && col.isCategorical()) {
                // A column of mixed storage classes: pandas keeps the numbers as numbers,
                // Sextant as their shortest text.
                if (col.displayValue(r) != QString::number(v.at(r).toDouble(), 'g', 17))
                    return where
                        + QStringLiteral(": '%1', pandas %2")
                              .arg(col.displayValue(r))
                              .arg(v.at(r).toDouble());
            } else if (v.at(r).isDouble()) {
                if (col.isDateTime())
                    return where + QStringLiteral(": pandas has a number, we have a date");
                if (col.values()[std::size_t(r)] != v.at(r).toDouble())
                    return where
                        + QStringLiteral(": %1, pandas %2")
                              .arg(col.values()[std::size_t(r)], 0, 'g', 17)
                              .arg(v.at(r).toDouble(), 0, 'g', 17);
            } else if (col.displayValue(r) != v.at(r).toString()) {
                return where
                    + QStringLiteral(": '%1', pandas '%2'")
                          .arg(col.displayValue(r), v.at(r).toString());
            }
        }
    }
    return {};
}

} // namespace

class TestSqliteReader : public QObject {
    Q_OBJECT

    SklearnReference m_ref;
    QJsonObject m_pandas;

    QString db() const { return m_ref.path(QStringLiteral("shop.db")); }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        QString error;
        m_pandas = m_ref.run(QString::fromUtf8(kMake), &error);
        QVERIFY2(!m_pandas.isEmpty(), qPrintable(error));
    }

    void tableAgainstPandas()
    {
        QCOMPARE(DatasetLoader::formatFor(db()), DatasetLoader::Format::Sqlite);
        QCOMPARE(SqliteReader::tableNames(db()),
            QStringList({ QStringLiteral("items"), QStringLiteral("odd \"name\"") }));
        const LoadResult r = DatasetLoader::load(db());
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        const Dataset &d = *r.dataset;
        QCOMPARE(d.rowCount(), 5);
        QCOMPARE(compare(d, m_pandas.value(QStringLiteral("items")).toObject()), QString());
        // Types: numbers, text, a text column of dates, text with numbers in it, and
        // all-NULL columns by their declared affinity.
        QVERIFY(d.column(d.indexOf(QStringLiteral("price"))).isNumeric());
        QVERIFY(d.column(d.indexOf(QStringLiteral("name"))).isCategorical());
        const Column &sold = d.column(d.indexOf(QStringLiteral("sold")));
        QVERIFY(sold.isDateTime());
        QCOMPARE(sold.values()[1], DateTime::fromCivil(2024, 2, 29));
        const Column &note = d.column(d.indexOf(QStringLiteral("note")));
        QVERIFY(note.isCategorical());
        QCOMPARE(note.displayValue(2), QStringLiteral("12"));
        QVERIFY(d.column(d.indexOf(QStringLiteral("empty_num"))).isNumeric());
        QVERIFY(d.column(d.indexOf(QStringLiteral("empty_text"))).isCategorical());
        QCOMPARE(d.column(d.indexOf(QStringLiteral("empty_text"))).missingCount(), 5);
    }

    void queryAgainstPandas()
    {
        const LoadResult r = SqliteReader::read(db(), {},
            QStringLiteral("SELECT name, price * 2 AS double_price FROM items WHERE qty >= 0 "
                           "ORDER BY id DESC"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(
            compare(*r.dataset, m_pandas.value(QStringLiteral("query")).toObject()), QString());
        // A quoted table name.
        const LoadResult odd = SqliteReader::read(db(), QStringLiteral("odd \"name\""));
        QVERIFY(odd.ok());
        QCOMPARE(odd.dataset->rowCount(), 2);
    }

    void fileNodeParameters()
    {
        GraphModel model(BuiltinNodes::registry());
        const int file = model
                             .addNode(FileSourceNode::typeId(), {},
                                 { { QStringLiteral("path"), db() },
                                     { QStringLiteral("query"),
                                         QStringLiteral("SELECT qty, sold FROM items") } })
                             .value();
        Executor executor(model);
        RunSummary s = executor.runBlocking();
        QVERIFY2(s.ok(), qPrintable(s.failureMessages.value(file)));
        const Dataset *d = executor.output(file)->as<Dataset>();
        QVERIFY(d);
        QCOMPARE(d->columnNames(), QStringList({ QStringLiteral("qty"), QStringLiteral("sold") }));
        QVERIFY(d->column(1).isDateTime());
        // Dates off: the text stays text.
        model.setParameter(file, QStringLiteral("dates"), QStringLiteral("off"));
        s = executor.runBlocking();
        QVERIFY(s.ok());
        QVERIFY(executor.output(file)->as<Dataset>()->column(1).isCategorical());
        // A table by name.
        model.setParameter(file, QStringLiteral("query"), QString());
        model.setParameter(file, QStringLiteral("table"), QStringLiteral("odd \"name\""));
        s = executor.runBlocking();
        QVERIFY(s.ok());
        QCOMPARE(executor.output(file)->as<Dataset>()->rowCount(), 2);
        // Bad SQL: SQLite's reason, naming the file.
        model.setParameter(file, QStringLiteral("query"), QStringLiteral("SELECT nope FROM items"));
        s = executor.runBlocking();
        QVERIFY(!s.ok());
        QVERIFY2(s.failureMessages.value(file).contains(QStringLiteral("shop.db")),
            qPrintable(s.failureMessages.value(file)));
        QVERIFY2(s.failureMessages.value(file).contains(QStringLiteral("no such column")),
            qPrintable(s.failureMessages.value(file)));
    }

    void refusals()
    {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("fake.db"));
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not a database\n");
        }
        LoadResult r = DatasetLoader::load(fake);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->toString().contains(QStringLiteral("fake.db"))
                && r.error->toString().contains(QStringLiteral("not a SQLite database")),
            qPrintable(r.error->toString()));
        // A damaged one: the header, then garbage.
        const QString damaged = dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4000, '\x7f'));
        }
        r = DatasetLoader::load(damaged);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->toString().contains(QStringLiteral("damaged.sqlite")),
            qPrintable(r.error->toString()));
        r = SqliteReader::read(db(), QStringLiteral("missing"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error->toString().contains(QStringLiteral("no table 'missing'"))
                && r.error->toString().contains(QStringLiteral("items")),
            qPrintable(r.error->toString()));
    }

    void cancel()
    {
        std::atomic<bool> stop { true };
        LoadControl control;
        control.cancel = &stop;
        const LoadResult r = SqliteReader::read(db(), {},
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 100000000) SELECT i FROM n"),
            control);
        QVERIFY(r.cancelled);
    }
};

QTEST_GUILESS_MAIN(TestSqliteReader)
#include "tst_sqlitereader.moc"
