// The Excel (.xlsx) reader against pandas.read_excel with openpyxl on the same workbooks
// (tests/data/xlsx/make_workbooks.py writes them and pandas' reading as JSON): shared and
// inline strings, formula results, numbers, dates in both date systems, booleans, errors,
// missing and merged cells, a second sheet; damaged workbooks are refused naming the
// file, the sheet and the cell. Through DatasetLoader and the File node's sheet too.
#include "data/DatasetLoader.h"
#include "data/XlsxReader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sextant::engine;

namespace {

QString describe(const LoadResult &r)
{
    return r.error ? r.error->toString() : QStringLiteral("no error");
}

// Empty when `data` holds what pandas read (`reference`: rows, columns of name, kind and
// values; numbers to 1e-9 relative, dates to a millisecond).
QString compare(const Dataset &data, const QJsonObject &reference)
{
    const QJsonArray columns = reference.value(QStringLiteral("columns")).toArray();
    if (data.columnCount() != columns.size())
        return QStringLiteral("%1 columns, pandas %2").arg(data.columnCount()).arg(columns.size());
    if (data.rowCount() != reference.value(QStringLiteral("rows")).toInt())
        return QStringLiteral("%1 rows, pandas %2")
            .arg(data.rowCount())
            .arg(reference.value(QStringLiteral("rows")).toInt());
    for (int c = 0; c < data.columnCount(); ++c) {
        const QJsonObject ref = columns.at(c).toObject();
        const Column &col = data.column(c);
        if (col.name() != ref.value(QStringLiteral("name")).toString())
            return QStringLiteral("column %1 is '%2', pandas '%3'")
                .arg(c)
                .arg(col.name(), ref.value(QStringLiteral("name")).toString());
        const bool numeric = ref.value(QStringLiteral("kind")).toString() == QLatin1String("num");
        if (col.isNumeric() != numeric)
            return QStringLiteral("column %1: numeric %2, pandas %3")
                .arg(col.name())
                .arg(col.isNumeric())
                .arg(numeric);
        if (const QJsonValue date = ref.value(QStringLiteral("date"));
            date.isBool() && date.toBool() != col.isDateTime())
            return QStringLiteral("column %1: date %2, pandas %3")
                .arg(col.name())
                .arg(col.isDateTime())
                .arg(date.toBool());
        const QJsonArray values = ref.value(QStringLiteral("values")).toArray();
        for (std::int64_t r = 0; r < data.rowCount(); ++r) {
            const QJsonValue v = values.at(int(r));
            if (v.isNull() != col.isMissing(r))
                return QStringLiteral("column %1 row %2: missing %3, pandas %4")
                    .arg(col.name())
                    .arg(r)
                    .arg(col.isMissing(r))
                    .arg(v.isNull());
            if (v.isNull())
                continue;
            if (numeric) {
                const double mine = col.values()[std::size_t(r)];
                const double theirs = v.toDouble();
                if (std::abs(mine - theirs) > std::max(1e-3, 1e-9 * std::abs(theirs)))
                    return QStringLiteral("column %1 row %2: %3, pandas %4")
                        .arg(col.name())
                        .arg(r)
                        .arg(mine, 0, 'g', 17)
                        .arg(theirs, 0, 'g', 17);
            } else if (col.displayValue(r) != v.toString()) {
                return QStringLiteral("column %1 row %2: '%3', pandas '%4'")
                    .arg(col.name())
                    .arg(r)
                    .arg(col.displayValue(r), v.toString());
            }
        }
    }
    return {};
}

} // namespace

class TestXlsxReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QJsonObject m_reference;

    QString book(const QString &name) const
    {
        return m_dir.filePath(name + QStringLiteral(".xlsx"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess python;
        python.start(QStringLiteral(SEXTANT_PYTHON),
            { QStringLiteral(SEXTANT_TEST_DATA_DIR "/xlsx/make_workbooks.py"), m_dir.path() });
        QVERIFY(python.waitForFinished(300000));
        const QByteArray err = python.readAllStandardError();
        if (python.exitCode() != 0 && err.contains("No module named 'openpyxl'"))
            QSKIP("python3-openpyxl is not installed (tools/setup-deps installs it)");
        QVERIFY2(python.exitCode() == 0, err.constData());
        QFile f(m_dir.filePath(QStringLiteral("reference.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_reference = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!m_reference.isEmpty());
    }

    void matchesPandas_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("sheet");
        QTest::addColumn<QString>("key");
        QTest::newRow("openpyxl, first sheet") << "openpyxl" << QString() << "openpyxl";
        QTest::newRow("openpyxl, by name") << "openpyxl"
                                           << "Data"
                                           << "openpyxl";
        QTest::newRow("second sheet") << "openpyxl"
                                      << "Other"
                                      << "openpyxl/Other";
        QTest::newRow("1904 dates") << "mac1904" << QString() << "mac1904";
        QTest::newRow("hand-made XML") << "handmade" << QString() << "handmade";
    }
    void matchesPandas()
    {
        QFETCH(QString, file);
        QFETCH(QString, sheet);
        QFETCH(QString, key);
        const LoadResult r = XlsxReader::read(book(file), sheet);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(compare(*r.dataset, m_reference.value(key).toObject()), QString());
        // The same through the loader every way in uses.
        const LoadResult loaded = DatasetLoader::load(book(file), {}, {}, sheet);
        QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
        QCOMPARE(compare(*loaded.dataset, m_reference.value(key).toObject()), QString());
    }

    void details()
    {
        const LoadResult r = XlsxReader::read(book(QStringLiteral("handmade")));
        QVERIFY(r.ok());
        // The error cell is missing, with a warning naming the sheet and the cell.
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings.front().line, qint64(3));
        QCOMPARE(r.warnings.front().column, 4);
        QVERIFY2(r.warnings.front().message.contains(QStringLiteral("sheet 'Hand made', cell D3")),
            qPrintable(r.warnings.front().message));
        QCOMPARE(XlsxReader::sheetNames(book(QStringLiteral("openpyxl"))),
            (QStringList { QStringLiteral("Data"), QStringLiteral("Other") }));
        // A merged range: the value in its top-left cell only.
        const LoadResult merged = XlsxReader::read(book(QStringLiteral("openpyxl")));
        QVERIFY(merged.ok());
        const Column &note = merged.dataset->column(5);
        QCOMPARE(note.displayValue(0), QStringLiteral("merged"));
        QVERIFY(note.isMissing(1));
    }

    void damaged_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("sheet");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("malformed sheet XML")
            << "damaged-xml" << QString()
            << "sheet 'Hand made': xl/worksheets/data.xml is not well-formed" << qint64(0) << 0;
        QTest::newRow("shared string out of range")
            << "damaged-string" << QString() << "sheet 'Hand made', cell B1: shared string 99"
            << qint64(1) << 2;
        QTest::newRow("bad cell reference")
            << "damaged-ref" << QString()
            << "sheet 'Hand made', row 3: 'C-3' is not a cell reference" << qint64(3) << 0;
        QTest::newRow("truncated archive")
            << "damaged-truncated" << QString() << "not an Excel workbook" << qint64(0) << 0;
        QTest::newRow("no such sheet")
            << "openpyxl"
            << "Nope"
            << "no sheet 'Nope' (its sheets: Data, Other)" << qint64(0) << 0;
    }
    void damaged()
    {
        QFETCH(QString, file);
        QFETCH(QString, sheet);
        QFETCH(QString, message);
        QFETCH(qint64, line);
        QFETCH(int, column);
        const LoadResult r = XlsxReader::read(book(file), sheet);
        QVERIFY(!r.ok());
        QVERIFY(r.error);
        QCOMPARE(r.error->file, book(file));
        QVERIFY2(r.error->message.contains(message), qPrintable(r.error->message));
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
    }

    void notAWorkbook()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("text.xlsx"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b\n1,2\n");
        f.close();
        const LoadResult r = DatasetLoader::load(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->toString().contains(path + QStringLiteral(": not an Excel workbook")),
            qPrintable(describe(r)));
    }

    void fileNodeSheet()
    {
        GraphModel model(BuiltinNodes::registry());
        const int file = model
                             .addNode(FileSourceNode::typeId(), {},
                                 { { QStringLiteral("path"), book(QStringLiteral("openpyxl")) },
                                     { QStringLiteral("sheet"), QStringLiteral("Other") } })
                             .value();
        Executor executor(model);
        const RunSummary s = executor.runBlocking();
        QVERIFY2(s.ok(), qPrintable(executor.state(file).message));
        const Dataset *d = executor.output(file)->as<Dataset>();
        QCOMPARE(
            compare(*d, m_reference.value(QStringLiteral("openpyxl/Other")).toObject()), QString());
        // Proposed target: the last categorical column, as for every table.
        QCOMPARE(d->columnsWithRole(ColumnRole::Target), QList<int> { 1 });
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
