// Saving tables: the Save Data node and the writers behind it (CSV, TSV, ARFF). What is
// written reads back identical (names, types, categories, missing cells, numbers bit for
// bit), per format, through the same DatasetLoader that opens files.
#include "SklearnReference.h"
#include "data/ArffReader.h"
#include "data/ArffWriter.h"
#include "data/CsvReader.h"
#include "data/DatasetLoader.h"
#include "data/DateTime.h"
#include "data/XlsxReader.h"
#include "data/XlsxWriter.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"
#include "nodes/SaveDataNode.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>

using namespace sextant::engine;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Empty when both tables hold the same names, types, categories, missing cells and
// values (numbers bit for bit).
QString difference(const Dataset &a, const Dataset &b)
{
    if (a.columnNames() != b.columnNames())
        return QStringLiteral("names differ: ") + a.columnNames().join(QLatin1Char('|'))
            + QStringLiteral(" vs ") + b.columnNames().join(QLatin1Char('|'));
    if (a.rowCount() != b.rowCount())
        return QStringLiteral("row counts differ: %1 vs %2").arg(a.rowCount()).arg(b.rowCount());
    for (int c = 0; c < a.columnCount(); ++c) {
        const Column &x = a.column(c);
        const Column &y = b.column(c);
        if (x.type() != y.type())
            return QStringLiteral("column %1: types differ").arg(x.name());
        if (x.isCategorical() && x.categories() != y.categories())
            return QStringLiteral("column %1: categories differ: %2 vs %3")
                .arg(x.name(), x.categories().join(QLatin1Char('|')),
                    y.categories().join(QLatin1Char('|')));
        for (std::int64_t r = 0; r < a.rowCount(); ++r) {
            const auto i = static_cast<std::size_t>(r);
            if (x.isMissing(r) != y.isMissing(r))
                return QStringLiteral("column %1 row %2: missing differs").arg(x.name()).arg(r);
            if (x.isMissing(r))
                continue;
            const bool same = x.isNumeric() ? sameBits(x.values()[i], y.values()[i])
                                            : x.codes()[i] == y.codes()[i];
            if (!same)
                return QStringLiteral("column %1 row %2: %3 vs %4")
                    .arg(x.name())
                    .arg(r)
                    .arg(x.displayValue(r), y.displayValue(r));
        }
    }
    return {};
}

// Numbers that are hard to print exactly, awkward text, missing cells in every column.
// Categories in order of first appearance, all used (what CSV can carry).
Dataset awkwardTable()
{
    const std::vector<double> x = { 0.1, 1.0 / 3.0, -0.0, 5e-324, 1.7976931348623157e308, kInf,
        -kInf, kNaN, 123456789012345678.0, -2.5e-12 };
    std::vector<std::uint8_t> missing(x.size(), 0);
    missing[7] = 1;
    const QStringList labels = { QStringLiteral("plain"), QStringLiteral("with, comma"),
        QStringLiteral("say \"hi\""), QStringLiteral(" padded "), QStringLiteral("it's"),
        QStringLiteral("back\\slash"), QStringLiteral("two\nlines"), QStringLiteral("Zürich ✓"),
        QStringLiteral("tab\there") };
    const std::vector<std::int32_t> codes = { 0, 1, 2, 3, -1, 4, 5, 6, 7, 8 };
    const std::vector<double> y = { 1, 2, 3, 4, 5, 6, 7, 8, 9, kNaN };
    std::vector<std::uint8_t> ymissing(y.size(), 0);
    ymissing[9] = 1;
    Dataset ds;
    ds.setName(QStringLiteral("awkward"));
    ds.addColumn(Column::numeric(QStringLiteral("x value"), x, missing));
    ds.addColumn(Column::categorical(QStringLiteral("label, \"quoted\""), codes, labels));
    ds.addColumn(Column::numeric(QStringLiteral("y"), y, ymissing));
    return ds;
}

NodeState runSave(const Dataset &input, const QVariantMap &params, QString *error = nullptr)
{
    // The Save node's input comes from a File node reading an ARFF copy of `input`
    // (ARFF keeps the types exactly).
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source.arff"));
    ArffWriter::write(input, source);
    GraphModel model(BuiltinNodes::registry());
    const Result<int> file = model.addNode(FileSourceNode::typeId(), {},
        { { QStringLiteral("path"), source }, { QStringLiteral("propose_target"), false } });
    const Result<int> save = model.addNode(SaveDataNode::typeId(), {}, params);
    if (!file || !save) {
        if (error)
            *error = file ? save.error() : file.error();
        return {};
    }
    if (const Status c = model.addConnection({ file.value(), 0, save.value(), 0 }); !c) {
        if (error)
            *error = c.error();
        return {};
    }
    Executor executor(model);
    const RunSummary s = executor.runBlocking();
    if (error && !s.ok())
        *error = s.failureMessages.value(save.value());
    return executor.state(save.value());
}

} // namespace

class TestSaveData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "out.csv"
                             << "auto";
        QTest::newRow("tsv") << "out.tsv"
                             << "auto";
        QTest::newRow("arff") << "out.arff"
                              << "auto";
        QTest::newRow("csv by name") << "out.txt"
                                     << "csv";
        QTest::newRow("tsv by name") << "out.data"
                                     << "tsv";
        QTest::newRow("arff by name") << "weka.txt"
                                      << "arff";
    }
    void roundTrip()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        const Dataset table = awkwardTable();
        const SaveDataNode::Format f = SaveDataNode::formatFor(format, path);
        QString error;
        QVERIFY2(SaveDataNode::write(table, path, f, &error), qPrintable(error));
        LoadResult back;
        if (f == SaveDataNode::Format::Arff) {
            back = ArffReader::read(path);
        } else {
            CsvOptions o;
            o.delimiter = f == SaveDataNode::Format::Tsv ? '\t' : ',';
            back = DatasetLoader::load(path);
            QVERIFY2(back.ok(), qPrintable(back.error ? back.error->toString() : QString()));
            // What the loader sniffed is what the writer meant.
            const LoadResult told = CsvReader::read(path, o);
            QVERIFY(told.ok());
            QCOMPARE(difference(*told.dataset, *back.dataset), QString());
        }
        QVERIFY2(back.ok(), qPrintable(back.error ? back.error->toString() : QString()));
        QCOMPARE(difference(table, *back.dataset), QString());
        if (f == SaveDataNode::Format::Arff)
            QCOMPARE(back.dataset->name(), QStringLiteral("awkward"));
        // Written again from what was read: the same bytes.
        const QString again = dir.filePath(QStringLiteral("again.") + QFileInfo(path).suffix());
        QVERIFY(SaveDataNode::write(*back.dataset, again, f, &error));
        QFile a(path), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        if (f != SaveDataNode::Format::Arff) // (ARFF names the relation after the file)
            QCOMPARE(a.readAll(), b.readAll());
    }

    void xlsxRoundTrip()
    {
        // Numbers bit for bit (infinities become empty cells: Excel has none), awkward
        // text, dates with and without times, missing cells: through XlsxReader, and
        // through pandas.read_excel (openpyxl).
        Dataset table = awkwardTable();
        const double day = DateTime::fromCivil(2024, 2, 29);
        std::vector<double> when = { day, day + 3723.25, kNaN, DateTime::fromCivil(1900, 3, 1),
            DateTime::fromCivil(1970, 1, 1, 0, 0, 1), day, day, day, day, day };
        table.addColumn(Column::dateTime(QStringLiteral("when"), when));
        std::vector<double> days = { day, day - 86400, day, kNaN, DateTime::fromCivil(2000, 1, 1),
            day, day, day, day, DateTime::fromCivil(1999, 12, 31) };
        table.addColumn(Column::dateTime(QStringLiteral("day"), days));
        QVERIFY(table.column(4).isDateOnly());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        QString error;
        QCOMPARE(SaveDataNode::formatFor(QStringLiteral("auto"), path), SaveDataNode::Format::Xlsx);
        QVERIFY2(SaveDataNode::write(table, path, SaveDataNode::Format::Xlsx, &error),
            qPrintable(error));
        const LoadResult back = DatasetLoader::load(path);
        QVERIFY2(back.ok(), qPrintable(back.error ? back.error->toString() : QString()));
        Dataset expected = table;
        {
            // Excel cannot hold infinities: empty cells.
            std::vector<double> x(table.column(0).values().begin(), table.column(0).values().end());
            for (double &v : x)
                if (std::isinf(v))
                    v = kNaN;
            expected.replaceColumn(0, Column::numeric(QStringLiteral("x value"), x));
        }
        QCOMPARE(difference(expected, *back.dataset), QString());
        QVERIFY(back.dataset->column(3).isDateTime());
        QVERIFY(!back.dataset->column(3).isDateOnly());
        QVERIFY(back.dataset->column(4).isDateOnly());
        QVERIFY(!back.dataset->column(0).isDateTime());

        // pandas reads the same cells.
        sextant::testing::SklearnReference ref;
        QVERIFY(QFile::copy(path, ref.path(QStringLiteral("out.xlsx"))));
        const QJsonObject theirs = ref.run(QStringLiteral(R"(
import json, math
import pandas as pd
try:
    frame = pd.read_excel('out.xlsx', engine='openpyxl')
except ImportError as e:
    print(json.dumps({'skip': str(e)})); raise SystemExit
out = {'columns': [str(c) for c in frame.columns]}
epoch = pd.Timestamp(1970, 1, 1)
for c in frame.columns:
    s = frame[c]
    if pd.api.types.is_datetime64_any_dtype(s):
        out[c] = [None if pd.isna(v) else (v - epoch).total_seconds() for v in s]
    else:
        out[c] = [None if (isinstance(v, float) and math.isnan(v)) else v for v in s]
print(json.dumps(out))
)"),
            &error);
        if (theirs.isEmpty() && error.contains(QStringLiteral("No module named")))
            SEXTANT_SKIP_REFERENCE(error);
        QVERIFY2(!theirs.isEmpty(), qPrintable(error));
        if (theirs.contains(QStringLiteral("skip")))
            SEXTANT_SKIP_REFERENCE(theirs.value(QStringLiteral("skip")).toString());
        QCOMPARE(theirs.value(QStringLiteral("columns")).toArray().toVariantList(),
            QVariant(expected.columnNames()).toList());
        for (int c = 0; c < expected.columnCount(); ++c) {
            const Column &col = expected.column(c);
            const QJsonArray values = theirs.value(col.name()).toArray();
            QCOMPARE(values.size(), qsizetype(expected.rowCount()));
            for (int r = 0; r < values.size(); ++r) {
                const QString where = QStringLiteral("%1 row %2").arg(col.name()).arg(r);
                QVERIFY2(values.at(r).isNull() == col.isMissing(r), qPrintable(where));
                if (col.isMissing(r))
                    continue;
                if (col.isCategorical())
                    QVERIFY2(values.at(r).toString() == col.displayValue(r), qPrintable(where));
                else if (col.isDateTime())
                    QVERIFY2(
                        std::abs(values.at(r).toDouble() - col.values()[std::size_t(r)]) < 1e-3,
                        qPrintable(where));
                else
                    QVERIFY2(sameBits(values.at(r).toDouble(), col.values()[std::size_t(r)])
                            || values.at(r).toDouble() == col.values()[std::size_t(r)],
                        qPrintable(where));
            }
        }
    }

    void arffKeepsWhatCsvCannot()
    {
        // Unused categories, a declared order that is not the order of appearance,
        // categories that look like numbers, a category that is a missing token.
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("n"), { 1, 2, 3 }));
        ds.addColumn(Column::categorical(QStringLiteral("grade"), { 2, 0, 2 },
            { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("10") }));
        ds.addColumn(Column::categorical(QStringLiteral("tag"), { 0, 1, -1 },
            { QStringLiteral("NA"), QStringLiteral("?"), QStringLiteral("unused") }));
        QTemporaryDir dir;
        const QString arff = dir.filePath(QStringLiteral("t.arff"));
        QString error;
        QVERIFY2(
            SaveDataNode::write(ds, arff, SaveDataNode::Format::Arff, &error), qPrintable(error));
        const LoadResult back = DatasetLoader::load(arff);
        QVERIFY2(back.ok(), qPrintable(back.error ? back.error->toString() : QString()));
        QCOMPARE(difference(ds, *back.dataset), QString());
        // CSV cannot carry those (the node's documentation says so): grade reads numeric.
        const QString csv = dir.filePath(QStringLiteral("t.csv"));
        QVERIFY(SaveDataNode::write(ds, csv, SaveDataNode::Format::Csv, &error));
        const LoadResult csvBack = DatasetLoader::load(csv);
        QVERIFY(csvBack.ok());
        QVERIFY(csvBack.dataset->column(1).isNumeric());
    }

    void oneColumnWithMissingCells()
    {
        // A row of one missing cell is not a blank line (which readers skip).
        Dataset ds;
        ds.addColumn(Column::numeric(QStringLiteral("v"), { 1, kNaN, 3 }, { 0, 1, 0 }));
        QTemporaryDir dir;
        for (const auto f :
            { SaveDataNode::Format::Csv, SaveDataNode::Format::Tsv, SaveDataNode::Format::Arff }) {
            const QString path = dir.filePath(QStringLiteral("one.%1").arg(
                f == SaveDataNode::Format::Arff ? QStringLiteral("arff") : QStringLiteral("csv")));
            QVERIFY(SaveDataNode::write(ds, path, f, nullptr));
            const LoadResult back = DatasetLoader::load(path);
            QVERIFY(back.ok());
            QCOMPARE(difference(ds, *back.dataset), QString());
        }
    }

    void node()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("saved.arff"));
        const Dataset table = awkwardTable();
        QString error;
        const NodeState state = runSave(table, { { QStringLiteral("path"), out } }, &error);
        QVERIFY2(state.status == NodeStatus::Done, qPrintable(error + state.message));
        const LoadResult back = DatasetLoader::load(out);
        QVERIFY(back.ok());
        Dataset expected = table;
        expected.setName(QStringLiteral("source"));
        QCOMPARE(difference(expected, *back.dataset), QString());
        // Refusals name the file: no path, a folder that does not exist.
        QCOMPARE(runSave(table, {}, &error).status, NodeStatus::Failed);
        QVERIFY2(error.contains(QStringLiteral("no file chosen")), qPrintable(error));
        const QString missingDir = dir.filePath(QStringLiteral("no/such/dir/out.csv"));
        QCOMPARE(runSave(table, { { QStringLiteral("path"), missingDir } }, &error).status,
            NodeStatus::Failed);
        QVERIFY2(error.contains(missingDir), qPrintable(error));
        QVERIFY(!QFile::exists(missingDir));
        // An existing file is replaced whole; nothing else is left in its folder.
        const QString csv = dir.filePath(QStringLiteral("table.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old content that is longer than nothing\n");
        }
        QCOMPARE(runSave(table, { { QStringLiteral("path"), csv } }).status, NodeStatus::Done);
        const LoadResult csvBack = DatasetLoader::load(csv);
        QVERIFY(csvBack.ok());
        QCOMPARE(csvBack.dataset->rowCount(), table.rowCount());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // saved.arff, table.csv
    }
};

QTEST_GUILESS_MAIN(TestSaveData)
#include "tst_savedata.moc"
