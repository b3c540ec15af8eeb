// The studio's sheet chooser: a workbook with several sheets asks which one to read, and
// the File node the graph editor adds reads that sheet; one sheet, a CSV or a damaged
// workbook ask nothing; cancelling adds no node.
#include "data/Dataset.h"
#include "data/XlsxWriter.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/SheetChooser.h"
#include "nodes/BuiltinNodes.h"
#include "widgets/GraphEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sextant;

namespace {

// Answers the next modal sheet chooser: picks `sheet` (empty: cancels), and records the
// sheets it offered.
void answer(const QString &sheet, QStringList *offered)
{
    QTimer::singleShot(0, [sheet, offered] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QLatin1String("sheetChooser")) {
            answer(sheet, offered); // not shown yet
            return;
        }
        *offered = dialog->comboBoxItems();
        if (sheet.isEmpty()) {
            dialog->reject();
        } else {
            dialog->setTextValue(sheet);
            dialog->accept();
        }
    });
}

} // namespace

class TestSheetChooser : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    bool m_haveBooks = false;

private Q_SLOTS:
    void initTestCase()
    {
        QProcess python;
        python.start(QStringLiteral(SEXTANT_PYTHON),
            { QStringLiteral(SEXTANT_TEST_DATA_DIR "/xlsx/make_workbooks.py"), m_dir.path() });
        QVERIFY(python.waitForFinished(300000));
        m_haveBooks = python.exitCode() == 0;
    }

    void severalSheetsAsk()
    {
        if (!m_haveBooks)
            QSKIP("python3-openpyxl is not installed (tools/setup-deps installs it)");
        const QString book = m_dir.filePath(QStringLiteral("openpyxl.xlsx"));
        QStringList offered;
        answer(QStringLiteral("Other"), &offered);
        const std::optional<QVariantMap> p = app::SheetChooser::parametersFor(nullptr, book);
        QVERIFY(p);
        QCOMPARE(offered, QStringList({ QStringLiteral("Data"), QStringLiteral("Other") }));
        QCOMPARE(p->value(QStringLiteral("sheet")).toString(), QStringLiteral("Other"));

        // Through the graph editor: the File node reads the sheet chosen; a cancel adds none.
        engine::GraphModel model(engine::BuiltinNodes::registry());
        engine::Executor executor(model);
        widgets::GraphEditor editor(model, executor);
        editor.setFileParameterHook(
            [](const QString &path) { return app::SheetChooser::parametersFor(nullptr, path); });
        answer(QString(), &offered);
        QCOMPARE(editor.openDatasetFile(book), 0);
        QCOMPARE(model.nodeCount(), 0);
        answer(QStringLiteral("Other"), &offered);
        const int id = editor.openDatasetFile(book);
        QVERIFY(id != 0);
        QCOMPARE(model.parameter(id, QStringLiteral("sheet")).toString(), QStringLiteral("Other"));
        const engine::RunSummary run = executor.runBlocking();
        QVERIFY2(run.ok(), qPrintable(run.failureMessages.value(id)));
        const engine::NodeValuePtr out = executor.output(id);
        QVERIFY(out);
        const auto *data = out->as<engine::Dataset>();
        QVERIFY(data);
        QCOMPARE(data->columnNames(), QStringList({ QStringLiteral("a"), QStringLiteral("b") }));
    }

    void oneSheetOrNoWorkbookAsksNothing()
    {
        engine::Dataset d;
        d.addColumn(engine::Column::numeric(QStringLiteral("x"), { 1, 2 }));
        const QString single = m_dir.filePath(QStringLiteral("single.xlsx"));
        QVERIFY(engine::XlsxWriter::write(d, single));
        const QString csv = m_dir.filePath(QStringLiteral("t.csv"));
        const QString broken = m_dir.filePath(QStringLiteral("broken.xlsx"));
        for (const QString &path : { csv, broken }) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("PK\x03\x04 not really a zip");
        }
        for (const QString &path : { single, csv, broken }) {
            const std::optional<QVariantMap> p = app::SheetChooser::parametersFor(nullptr, path);
            QVERIFY2(p && p->isEmpty(), qPrintable(path));
        }
    }
};

QTEST_MAIN(TestSheetChooser)
#include "tst_sheetchooser.moc"
