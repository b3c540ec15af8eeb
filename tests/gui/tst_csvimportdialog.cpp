// The CSV import dialog: it shows what was sniffed, its preview follows every option
// change, and OK's parameters are the File node's (read back by FileSourceNode).
#include "data/CsvReader.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"
#include "widgets/CsvImportDialog.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/PropertyPanel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace sextant;
using sextant::widgets::CsvImportDialog;

namespace {

QString header(const QTableView *view, int column)
{
    return view->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

QString cellText(const QTableView *view, int row, int column)
{
    return view->model()->data(view->model()->index(row, column), Qt::DisplayRole).toString();
}

} // namespace

class TestCsvImportDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void optionsChangeThePreview()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("euro.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("3;3\nname;price;NA\nbolt;1,25;x\nnut;0,5;NA\nscrew;2;y\n");
        }
        CsvImportDialog dialog(path);
        const QTableView *view = dialog.previewView();
        // Sniffed: semicolons, the count line skipped, a header.
        QVERIFY2(dialog.sniffedLabel()->text().contains(QStringLiteral("semicolon")),
            qPrintable(dialog.sniffedLabel()->text()));
        QVERIFY(dialog.sniffedLabel()->text().contains(QStringLiteral("1 line(s) skipped")));
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("line 1")),
            qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(header(view, 1), QStringLiteral("price"));
        QVERIFY(!dialog.previewResult().dataset->column(1).isNumeric()); // "1,25" is text
        QCOMPARE(cellText(view, 2, 2), QStringLiteral("y"));

        // Decimal comma: the price column becomes numbers.
        QSignalSpy updated(&dialog, &CsvImportDialog::previewUpdated);
        dialog.combo(QStringLiteral("decimal"))->setCurrentText(QStringLiteral("comma"));
        QCOMPARE(updated.count(), 1);
        QVERIFY(dialog.previewResult().dataset->column(1).isNumeric());
        QCOMPARE(dialog.previewResult().dataset->column(1).values()[0], 1.25);

        // Missing tokens: "x" as well, and NA no longer.
        dialog.missingEdit()->setText(QStringLiteral("x"));
        Q_EMIT dialog.missingEdit()->editingFinished();
        QCOMPARE(updated.count(), 2);
        QVERIFY(dialog.previewResult().dataset->column(2).isMissing(0));
        QVERIFY(!dialog.previewResult().dataset->column(2).isMissing(1));

        // Reading every line: the count line is data, so the table is refused (it sets
        // the width to 2), and the dialog says where.
        dialog.skipBox()->setValue(0);
        QCOMPARE(updated.count(), 3);
        QVERIFY(!dialog.previewResult().ok());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("euro.csv:2:3")),
            qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(view->model()->rowCount(), 0);
        // Skipping it by hand, with no header row: the names are data.
        dialog.skipBox()->setValue(1);
        dialog.combo(QStringLiteral("header"))->setCurrentText(QStringLiteral("absent"));
        QVERIFY(dialog.previewResult().ok());
        QCOMPARE(view->model()->rowCount(), 4);
        QCOMPARE(cellText(view, 0, 0), QStringLiteral("name"));

        // OK's parameters are File node parameters that read the file the same way.
        const QVariantMap p = dialog.parameters();
        QCOMPARE(p.value(QStringLiteral("decimal")).toString(), QStringLiteral("comma"));
        QCOMPARE(p.value(QStringLiteral("skip_lines")).toLongLong(), 1);
        QCOMPARE(p.value(QStringLiteral("header")).toString(), QStringLiteral("absent"));
        QCOMPARE(p.value(QStringLiteral("missing")).toString(), QStringLiteral("x"));
        QCOMPARE(p.value(QStringLiteral("delimiter")).toString(), QStringLiteral("auto"));
        const engine::LoadResult full
            = engine::CsvReader::read(path, engine::FileSourceNode::csvOptions(p));
        QVERIFY(full.ok());
        QCOMPARE(full.dataset->rowCount(), 4);

        // A dialog opened on a node's values starts from them.
        CsvImportDialog again(path, p);
        QCOMPARE(again.combo(QStringLiteral("decimal"))->currentText(), QStringLiteral("comma"));
        QCOMPARE(again.skipBox()->value(), 1);
        QCOMPARE(again.previewView()->model()->rowCount(), 4);
    }

    void propertyPanelShowsTheOptions()
    {
        // The File node's property panel has an editor per import option, and an edit
        // there is an undoable parameter change.
        engine::GraphModel model(engine::BuiltinNodes::registry());
        const int file = model.addNode(engine::FileSourceNode::typeId(), { 0, 0 }).value();
        QUndoStack undo;
        widgets::PropertyPanel panel(model, &undo);
        panel.setNode(file);
        for (const char *name : { "delimiter", "quote", "header", "skip_lines", "decimal",
                 "thousands", "encoding", "missing", "sheet" })
            QVERIFY2(panel.editor(QLatin1String(name)), name);
        auto *decimal = qobject_cast<QComboBox *>(panel.editor(QStringLiteral("decimal")));
        QVERIFY(decimal);
        decimal->setCurrentIndex(decimal->findText(QStringLiteral("comma")));
        QCOMPARE(
            model.parameter(file, QStringLiteral("decimal")).toString(), QStringLiteral("comma"));
        QCOMPARE(undo.count(), 1);
        undo.undo();
        QCOMPARE(
            model.parameter(file, QStringLiteral("decimal")).toString(), QStringLiteral("point"));
    }

    void bigFilePreviewIsBounded()
    {
        // 2 MB of rows: the preview parses only its first 64 KB.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a,b\n");
            QByteArray rows;
            for (int i = 0; i < 200000; ++i)
                rows += QByteArray::number(i) + ",0.5\n";
            f.write(rows);
        }
        CsvImportDialog dialog(path);
        const qint64 shown = dialog.previewView()->model()->rowCount();
        QVERIFY(shown > 1000);
        QVERIFY(shown < 20000);
        QCOMPARE(dialog.previewResult().dataset->column(0).values()[shown - 1], double(shown - 1));
    }
};

QTEST_MAIN(TestCsvImportDialog)
#include "tst_csvimportdialog.moc"
