// The Selected Rows node (data.selected_rows): its row-range encoding, what it outputs,
// its refusals, a workflow file round trip and `sextant run`.
#include "FlowFixture.h"
#include "SextantProcess.h"
#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/SelectedRowsNode.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sextant::engine;

namespace {

using Rows = std::vector<std::int64_t>;

QString irisPath()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

// iris.csv's lines, read here independently of the engine: the header, then one per row.
QList<QByteArray> lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> ls = f.readAll().split('\n');
    while (!ls.isEmpty() && ls.back().trimmed().isEmpty())
        ls.removeLast();
    for (QByteArray &l : ls)
        l = l.trimmed();
    return ls;
}

// File(iris) -> Selected Rows(rows); returns the Selected Rows node's id.
int irisFlow(GraphModel &model, const QString &rows, const QString &path = irisPath())
{
    const auto file = model.addNode(
        QStringLiteral("data.file"), { 0, 0 }, { { QStringLiteral("path"), path } });
    const auto sel = model.addNode(
        SelectedRowsNode::typeId(), { 200, 0 }, { { SelectedRowsNode::rowsParameter(), rows } });
    if (!file || !sel || !model.addConnection({ file.value(), 0, sel.value(), 0 }))
        qFatal("could not build the test workflow");
    return sel.value();
}

using sextant::testing::failures;

} // namespace

class TestSelectedRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodesRanges()
    {
        QCOMPARE(SelectedRowsNode::encodeRows({}), QString());
        QCOMPARE(SelectedRowsNode::encodeRows({ 5 }), QStringLiteral("5"));
        QCOMPARE(
            SelectedRowsNode::encodeRows({ 0, 1, 2, 3, 7, 9, 10 }), QStringLiteral("0-3,7,9-10"));
        QCOMPARE(SelectedRowsNode::encodeRows({ 0, 2, 4 }), QStringLiteral("0,2,4"));
    }

    void decodesWhatItEncodes()
    {
        // Every subset of 0..9 survives the round trip.
        for (int mask = 0; mask < (1 << 10); ++mask) {
            Rows rows;
            for (int r = 0; r < 10; ++r)
                if (mask & (1 << r))
                    rows.push_back(r);
            const QString text = SelectedRowsNode::encodeRows(rows);
            const auto back = SelectedRowsNode::decodeRows(text, 10);
            QVERIFY2(back.ok(), qPrintable(back.error()));
            QCOMPARE(back.value(), rows);
        }
    }

    void decodeSortsAndMerges()
    {
        const auto rows
            = SelectedRowsNode::decodeRows(QStringLiteral(" 20-22, 3 ,0-4,21,4-5 "), 30);
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        QCOMPARE(rows.value(), (Rows { 0, 1, 2, 3, 4, 5, 20, 21, 22 }));
        QVERIFY(SelectedRowsNode::decodeRows(QStringLiteral("   "), 0).value().empty());
    }

    void decodeRefusesBadText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("letter") << QStringLiteral("1,x") << QStringLiteral("character 3");
        QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("character 1");
        QTest::newRow("backwards") << QStringLiteral("0,9-3") << QStringLiteral("runs backwards");
        QTest::newRow("trailing comma") << QStringLiteral("1,2,") << QStringLiteral("missing");
        QTest::newRow("double dash") << QStringLiteral("1--2") << QStringLiteral("character 3");
        QTest::newRow("space inside") << QStringLiteral("1 2") << QStringLiteral("character 3");
        QTest::newRow("huge") << QStringLiteral("99999999999999999999")
                              << QStringLiteral("too large");
        // An index past the table names the index and the row count.
        QTest::newRow("out of range") << QStringLiteral("0-3,150")
                                      << QStringLiteral("row index 150 is out of range: the "
                                                        "input table has 150 rows (indices 0-149)");
        QTest::newRow("range out of range")
            << QStringLiteral("100-1000000000000") << QStringLiteral("row index 1000000000000");
    }
    void decodeRefusesBadText()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto rows = SelectedRowsNode::decodeRows(text, 150);
        QVERIFY(!rows.ok());
        QVERIFY2(rows.error().contains(message), qPrintable(rows.error()));
    }

    void outputsExactlyTheSelectedRows()
    {
        GraphModel model(BuiltinNodes::registry());
        const int sel = irisFlow(model, QStringLiteral("149,0-2,50"));
        Executor ex(model);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        const auto *out = ex.output(sel, 0)->as<Dataset>();
        QVERIFY(out);
        QCOMPARE(out->rowCount(), 5);
        QCOMPARE(out->columnCount(), 5);
        const QList<QByteArray> iris = lines(irisPath());
        QCOMPARE(iris.size(), 151);
        const Rows expected { 0, 1, 2, 50, 149 }; // ascending, whatever the text's order
        for (int i = 0; i < 5; ++i) {
            const QList<QByteArray> cells = iris[int(expected[std::size_t(i)]) + 1].split(',');
            for (int c = 0; c < 4; ++c)
                QCOMPARE(out->column(c).values()[std::size_t(i)], cells[c].toDouble());
            const Column &species = out->column(4);
            QCOMPARE(species.categories()[species.codes()[std::size_t(i)]],
                QString::fromLatin1(cells[4]));
        }
    }

    void emptySelectionGivesAnEmptyTableWithAWarning()
    {
        GraphModel model(BuiltinNodes::registry());
        const int sel = irisFlow(model, QString());
        Executor ex(model);
        QVERIFY(ex.runBlocking().ok());
        const auto *out = ex.output(sel, 0)->as<Dataset>();
        QVERIFY(out);
        QCOMPARE(out->rowCount(), 0);
        QCOMPARE(out->columnCount(), 5);
        QVERIFY(ex.state(sel).warnings.join(QLatin1Char(' ')).contains(QStringLiteral("no row")));
    }

    void outOfRangeFailsNamingTheIndexAndTheRowCount()
    {
        GraphModel model(BuiltinNodes::registry());
        const int sel = irisFlow(model, QStringLiteral("10-20,200"));
        Executor ex(model);
        const RunSummary s = ex.runBlocking();
        QVERIFY(!s.ok());
        const QString message = ex.state(sel).message;
        QVERIFY2(message.contains(QStringLiteral("row index 200")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("150 rows")), qPrintable(message));
    }

    void largeSelectionsFitTheParameter()
    {
        // Every other row of a million: the longest kind of text a selection makes.
        Rows rows;
        for (std::int64_t r = 0; r < 1'000'000; r += 2)
            rows.push_back(r);
        const QString text = SelectedRowsNode::encodeRows(rows);
        const NodeType type = SelectedRowsNode::type();
        const auto checked
            = type.parameter(SelectedRowsNode::rowsParameter())->validate(QVariant(text));
        QVERIFY2(checked.ok(), qPrintable(checked.error()));
        QCOMPARE(SelectedRowsNode::decodeRows(text, 1'000'000).value(), rows);
    }

    void savedWithTheWorkflow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sel.sextant"));
        {
            GraphModel model(BuiltinNodes::registry());
            irisFlow(model, QStringLiteral("3-5,7"));
            QVERIFY(WorkflowFile::save(model, path));
        }
        GraphModel loaded(BuiltinNodes::registry());
        const Status s = WorkflowFile::load(path, loaded);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(loaded.nodeCount(), 2);
        QCOMPARE(loaded.nodeType(2)->id, SelectedRowsNode::typeId());
        QCOMPARE(loaded.parameter(2, SelectedRowsNode::rowsParameter()).toString(),
            QStringLiteral("3-5,7"));
        QVERIFY(loaded.connectionInto(2, 0).has_value());
    }

    void sextantRunGivesTheSameRows()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(SEXTANT_EXECUTABLE)), SEXTANT_EXECUTABLE);
        QTemporaryDir dir;
        const QString flow = dir.filePath(QStringLiteral("sel.sextant"));
        // The data next to the workflow (a workflow reads no file outside its folder).
        QVERIFY(QFile::copy(irisPath(), dir.filePath(QStringLiteral("iris.csv"))));
        {
            GraphModel model(BuiltinNodes::registry());
            const int sel
                = irisFlow(model, QStringLiteral("7,60-62,140"), QStringLiteral("iris.csv"));
            const auto table = model.addNode(QStringLiteral("view.table"), { 400, 0 });
            QVERIFY(table.ok());
            QVERIFY(model.addConnection({ sel, 0, table.value(), 0 }));
            QVERIFY(WorkflowFile::save(model, flow));
        }
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = sextant::testing::runSextant(
            { QStringLiteral("run"), flow, QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QList<QByteArray> written = lines(out + QStringLiteral("/3-table.csv"));
        const QList<QByteArray> iris = lines(irisPath());
        QCOMPARE(written.size(), 6);
        QCOMPARE(written.front(), iris.front());
        int i = 1;
        for (int row : { 7, 60, 61, 62, 140 }) {
            // Numbers as numbers ("5.0" is written "5").
            const QList<QByteArray> got = written[i++].split(',');
            const QList<QByteArray> want = iris[row + 1].split(',');
            QCOMPARE(got.size(), want.size());
            for (int c = 0; c < 4; ++c)
                QCOMPARE(got[c].toDouble(), want[c].toDouble());
            QCOMPARE(got[4], want[4]);
        }
    }
};

QTEST_GUILESS_MAIN(TestSelectedRows)
#include "tst_selectedrows.moc"
