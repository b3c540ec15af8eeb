// The CSV import dialog: it shows what was sniffed, its preview follows every option
// change, and OK's parameters are the File node's (read back by FileSourceNode).
#include "data/CsvReader.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ColumnRoleEdits.h"
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
#include <QTableWidget>
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

    void columnTypesAndRoles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("when,code,price,label,note\n2024-01-05,7,1.5,a,x\n2024-02-05,12,2.5,b,y\n"
                    "2024-03-05,7,1.5,a,z\n");
        }
        CsvImportDialog dialog(path);
        QTableWidget *table = dialog.columnTable();
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("when"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("date"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("numeric"));
        QCOMPARE(table->item(4, 1)->text(), QStringLiteral("categorical, target")); // proposed
        QVERIFY(dialog.typeBox(QStringLiteral("code")));
        QCOMPARE(dialog.typeBox(QStringLiteral("code"))->currentText(), QStringLiteral("auto"));

        // Give types and roles: the preview shows them applied.
        QSignalSpy updated(&dialog, &CsvImportDialog::previewUpdated);
        dialog.typeBox(QStringLiteral("code"))->setCurrentText(QStringLiteral("categorical"));
        QCOMPARE(updated.count(), 1);
        dialog.roleBox(QStringLiteral("code"))->setCurrentText(QStringLiteral("target"));
        dialog.roleBox(QStringLiteral("note"))->setCurrentText(QStringLiteral("ignored"));
        dialog.roleBox(QStringLiteral("label"))->setCurrentText(QStringLiteral("meta"));
        dialog.typeBox(QStringLiteral("when"))->setCurrentText(QStringLiteral("numeric"));
        const auto *model
            = qobject_cast<const widgets::DatasetTableModel *>(dialog.previewView()->model());
        QVERIFY(model);
        QCOMPARE(model->columnCount(), 4); // note dropped
        QVERIFY(dialog.messageLabel()->text().isEmpty());

        // OK's parameters are the File node's column overrides.
        const QVariantMap p = dialog.parameters();
        QCOMPARE(p.value(QStringLiteral("categorical")).toStringList(),
            QStringList { QStringLiteral("code") });
        QCOMPARE(p.value(QStringLiteral("numeric")).toStringList(),
            QStringList { QStringLiteral("when") });
        QCOMPARE(p.value(QStringLiteral("target")).toString(), QStringLiteral("code"));
        QCOMPARE(
            p.value(QStringLiteral("drop")).toStringList(), QStringList { QStringLiteral("note") });
        QCOMPARE(p.value(QStringLiteral("meta")).toStringList(),
            QStringList { QStringLiteral("label") });
        // ... which read the file that way.
        engine::LoadResult full
            = engine::CsvReader::read(path, engine::FileSourceNode::csvOptions(p));
        QVERIFY(full.ok());
        engine::Dataset data = *full.dataset;
        engine::ColumnRoleEdits::fromParameters(p, engine::FileSourceNode::metaKey())
            .apply(data, true);
        QCOMPARE(data.columnCount(), 4);
        QVERIFY(data.column(data.indexOf(QStringLiteral("code"))).isCategorical());
        QVERIFY(
            data.column(data.indexOf(QStringLiteral("code"))).role() == engine::ColumnRole::Target);
        QVERIFY(!data.column(data.indexOf(QStringLiteral("when"))).isDateTime());
        QVERIFY(data.column(data.indexOf(QStringLiteral("label"))).role()
            == engine::ColumnRole::Ignore);

        // A second target replaces the first.
        dialog.roleBox(QStringLiteral("price"))->setCurrentText(QStringLiteral("target"));
        QCOMPARE(dialog.roleBox(QStringLiteral("code"))->currentText(), QStringLiteral("auto"));
        QCOMPARE(dialog.parameters().value(QStringLiteral("target")).toString(),
            QStringLiteral("price"));

        // A type the values refuse is said in red, naming the value.
        dialog.typeBox(QStringLiteral("label"))->setCurrentText(QStringLiteral("numeric"));
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("'a'")),
            qPrintable(dialog.messageLabel()->text()));
        dialog.typeBox(QStringLiteral("label"))->setCurrentText(QStringLiteral("auto"));

        // Dates off, then "date" by hand for the one column.
        dialog.typeBox(QStringLiteral("when"))->setCurrentText(QStringLiteral("auto"));
        dialog.combo(QStringLiteral("dates"))->setCurrentText(QStringLiteral("off"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("categorical"));
        dialog.typeBox(QStringLiteral("when"))->setCurrentText(QStringLiteral("date"));
        QCOMPARE(dialog.parameters().value(QStringLiteral("as_date")).toStringList(),
            QStringList { QStringLiteral("when") });
        QVERIFY(model->dataset().column(0).isDateTime());

        // A dialog opened on the node's values starts from them.
        CsvImportDialog again(path, dialog.parameters());
        QCOMPARE(again.typeBox(QStringLiteral("when"))->currentText(), QStringLiteral("date"));
        QCOMPARE(again.roleBox(QStringLiteral("price"))->currentText(), QStringLiteral("target"));
        QCOMPARE(again.roleBox(QStringLiteral("note"))->currentText(), QStringLiteral("ignored"));
        QCOMPARE(again.parameters(), dialog.parameters());
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
