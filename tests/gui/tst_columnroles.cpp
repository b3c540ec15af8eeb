// Column roles and types edited in the column list: a dataset opened in the studio gets a
// proposed target; making another column the target, a meta column or ignored, or reading
// a numeric column as categories, is one undoable edit of the graph (the File node's
// parameters, or a Select Columns node inserted after another node) that every node
// downstream sees and the saved workflow keeps.
#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "gui/MainWindow.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"
#include "widgets/ColumnListView.h"
#include "widgets/ColumnSummaryModel.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>

using sextant::app::MainWindow;
using sextant::engine::ColumnRole;
using sextant::engine::ColumnRoleChoice;
using sextant::engine::Dataset;
using sextant::engine::Executor;
using sextant::engine::GraphModel;
using sextant::widgets::ColumnListView;
using sextant::widgets::ColumnSummaryModel;

namespace {

constexpr int kLoadTimeoutMs = 60000;

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

QString roleCell(const MainWindow &window, int row)
{
    return window.columnModel()->index(row, ColumnSummaryModel::Role).data().toString();
}

QString typeCell(const MainWindow &window, int row)
{
    return window.columnModel()->index(row, ColumnSummaryModel::Type).data().toString();
}

// Triggers the column list's menu action `name` ("role-target", "type-categorical"...) for
// model row `row`, as a click in its menu does.
bool trigger(MainWindow &window, int row, const QString &name)
{
    std::unique_ptr<QMenu> menu(window.columnList()->createEditMenu(row));
    if (!menu)
        return false;
    auto *action = menu->findChild<QAction *>(name);
    if (!action || !action->isEnabled())
        return false;
    action->trigger();
    return true;
}

// Waits until the window shows a table again after an edit and nothing runs.
bool settle(MainWindow &window, QSignalSpy &finished)
{
    if (finished.isEmpty() && !finished.wait(kLoadTimeoutMs))
        return false;
    const bool idle = QTest::qWaitFor(
        [&] { return !window.isLoading() && !window.graphEditor()->executor().isRunning(); },
        kLoadTimeoutMs);
    return idle && finished.last().first().toBool();
}

// The table node `id` outputs on port 0, after running the workflow up to it.
std::shared_ptr<const Dataset> tableOf(Executor &executor, int id)
{
    if (!executor.runBlocking({ id }).ok())
        return nullptr;
    const auto value = executor.output(id);
    const Dataset *d = value ? value->as<Dataset>() : nullptr;
    return d ? std::shared_ptr<const Dataset>(value, d) : nullptr;
}

QString targetOf(const Dataset &d)
{
    const QList<int> t = d.columnsWithRole(ColumnRole::Target);
    return t.isEmpty() ? QString() : d.column(t.first()).name();
}

} // namespace

class TestColumnRoles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Opens iris.csv in `window` and waits for its table.
    bool openIris(MainWindow &window)
    {
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(iris());
        return settle(window, finished);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_columnroles"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void targetFromTheColumnList()
    {
        MainWindow window;
        QVERIFY(openIris(window));
        GraphModel &graph = window.graphModel();
        QCOMPARE(graph.nodeCount(), 1);
        const int file = graph.nodeIds().front();
        QCOMPARE(graph.nodeType(file)->id, sextant::engine::FileSourceNode::typeId());
        QCOMPARE(window.shownNode(), file);
        // Proposed on load: the last categorical column, shown as the target.
        QCOMPARE(roleCell(window, 4), QStringLiteral("target"));
        for (int r = 0; r < 4; ++r)
            QCOMPARE(roleCell(window, r), QStringLiteral("feature"));
        QVERIFY(window.columnModel()
                    ->index(4, ColumnSummaryModel::Role)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .bold());

        // A learner wired straight to the File node trains on it.
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        Executor &executor = editor->executor();
        const int tree = graph
                             .addNode(QStringLiteral("model.decision_tree"), { 300, 0 },
                                 { { QStringLiteral("task"), QStringLiteral("regression") },
                                     { QStringLiteral("max_depth"), 3 } })
                             .value();
        QVERIFY(graph.addConnection({ file, 0, tree, 0 }).ok());
        const auto modelTarget = [&] {
            if (!executor.runBlocking({ tree }).ok())
                return QStringLiteral("(failed: %1)").arg(executor.state(tree).message);
            return (*executor.output(tree)->as<sextant::engine::TrainedModelPtr>())->target.name();
        };
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        // (A regression tree cannot learn species: it fails, naming the problem.)
        QVERIFY(modelTarget().startsWith(QStringLiteral("(failed")));

        // sepal_length becomes the target: one undo step, a File node parameter.
        QUndoStack *undo = editor->undoStack();
        const int steps = undo->count();
        finished.clear();
        QVERIFY(trigger(window, 0, QStringLiteral("role-target")));
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(graph.parameter(file, QStringLiteral("target")).toString(),
            QStringLiteral("sepal_length"));
        QVERIFY(settle(window, finished));
        QCOMPARE(roleCell(window, 0), QStringLiteral("target"));
        QCOMPARE(roleCell(window, 4), QStringLiteral("feature"));
        QCOMPARE(modelTarget(), QStringLiteral("sepal_length"));

        // Undo restores the proposal; redo the edit.
        finished.clear();
        undo->undo();
        QCOMPARE(graph.parameter(file, QStringLiteral("target")).toString(), QString());
        QVERIFY(settle(window, finished));
        QCOMPARE(roleCell(window, 4), QStringLiteral("target"));
        QCOMPARE(roleCell(window, 0), QStringLiteral("feature"));
        QVERIFY(modelTarget().startsWith(QStringLiteral("(failed")));
        finished.clear();
        undo->redo();
        QVERIFY(settle(window, finished));
        QCOMPARE(roleCell(window, 0), QStringLiteral("target"));

        // Saved and opened again: the target is still there, in the studio and for the
        // engine alone (what `sextant run` does).
        const QString path = m_dir.filePath(QStringLiteral("roles.sextant"));
        QVERIFY(window.saveWorkflowAs(path));
        QVERIFY(window.newWorkflow());
        QCOMPARE(graph.nodeCount(), 0);
        QVERIFY(window.openWorkflow(path));
        QCOMPARE(graph.parameter(file, QStringLiteral("target")).toString(),
            QStringLiteral("sepal_length"));
        QCOMPARE(graph.parameter(file, QStringLiteral("propose_target")), QVariant(true));
        QCOMPARE(modelTarget(), QStringLiteral("sepal_length"));
        GraphModel headless(sextant::engine::BuiltinNodes::registry());
        QVERIFY(sextant::engine::WorkflowFile::load(path, headless).ok());
        Executor alone(headless);
        const auto table = tableOf(alone, file);
        QVERIFY(table);
        QCOMPARE(targetOf(*table), QStringLiteral("sepal_length"));
    }

    void typesAndOtherRoles()
    {
        MainWindow window;
        QVERIFY(openIris(window));
        GraphModel &graph = window.graphModel();
        const int file = graph.nodeIds().front();
        const int scale = graph.addNode(QStringLiteral("prep.standardize"), { 300, 0 }).value();
        QVERIFY(graph.addConnection({ file, 0, scale, 0 }).ok());
        Executor &executor = window.graphEditor()->executor();
        QSignalSpy finished(&window, &MainWindow::loadFinished);

        // species has no numbers to read: not offered.
        QVERIFY(!trigger(window, 4, QStringLiteral("type-numeric")));
        // sepal_width read as categories: categorical downstream too.
        QCOMPARE(typeCell(window, 1), QStringLiteral("numeric"));
        QVERIFY(trigger(window, 1, QStringLiteral("type-categorical")));
        QCOMPARE(graph.parameter(file, QStringLiteral("categorical")).toStringList(),
            QStringList { QStringLiteral("sepal_width") });
        QVERIFY(settle(window, finished));
        QCOMPARE(typeCell(window, 1), QStringLiteral("categorical"));
        auto scaled = tableOf(executor, scale);
        QVERIFY(scaled);
        QVERIFY(scaled->column(scaled->indexOf(QStringLiteral("sepal_width"))).isCategorical());

        // petal_width a meta column: kept, not a feature; sepal_length ignored: dropped,
        // still listed (after the others) so it can come back.
        // (The column selected stays selected through the edit.)
        window.selectColumn(2);
        finished.clear();
        QVERIFY(trigger(window, 3, QStringLiteral("role-meta")));
        QVERIFY(settle(window, finished));
        QCOMPARE(window.selectedColumn(), 2);
        finished.clear();
        QVERIFY(trigger(window, 0, QStringLiteral("role-ignored")));
        QVERIFY(settle(window, finished));
        QCOMPARE(graph.parameter(file, QStringLiteral("meta")).toStringList(),
            QStringList { QStringLiteral("petal_width") });
        QCOMPARE(graph.parameter(file, QStringLiteral("drop")).toStringList(),
            QStringList { QStringLiteral("sepal_length") });
        const ColumnSummaryModel *columns = window.columnModel();
        QCOMPARE(columns->rowCount(), 5);
        QCOMPARE(columns->dataset().columnCount(), 4);
        QCOMPARE(columns->index(4, ColumnSummaryModel::Name).data().toString(),
            QStringLiteral("sepal_length"));
        QCOMPARE(roleCell(window, 4), QStringLiteral("ignored"));
        QCOMPARE(roleCell(window, 2), QStringLiteral("meta"));
        scaled = tableOf(executor, scale);
        QVERIFY(scaled);
        QCOMPARE(scaled->indexOf(QStringLiteral("sepal_length")), -1);
        QVERIFY(scaled->column(scaled->indexOf(QStringLiteral("petal_width"))).role()
            == ColumnRole::Ignore);
        // The ignored column back as a feature.
        finished.clear();
        QVERIFY(trigger(window, 4, QStringLiteral("role-feature")));
        QVERIFY(settle(window, finished));
        QCOMPARE(graph.parameter(file, QStringLiteral("drop")).toStringList(), QStringList());
        QCOMPARE(columns->dataset().columnCount(), 5);
        QCOMPARE(columns->rowOf(QStringLiteral("sepal_length")), 0);
        QCOMPARE(roleCell(window, 0), QStringLiteral("feature"));
    }

    void otherNodesGetASelectColumnsNode()
    {
        MainWindow window;
        QVERIFY(openIris(window));
        GraphModel &graph = window.graphModel();
        sextant::widgets::GraphEditor *editor = window.graphEditor();
        const int file = graph.nodeIds().front();
        const int scale = graph.addNode(QStringLiteral("prep.minmax"), { 300, 0 }).value();
        const int tree = graph.addNode(QStringLiteral("model.decision_tree"), { 600, 0 }).value();
        QVERIFY(graph.addConnection({ file, 0, scale, 0 }).ok());
        QVERIFY(graph.addConnection({ scale, 0, tree, 0 }).ok());
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        editor->scene()->selectNodes({ scale });
        QVERIFY(settle(window, finished));
        QCOMPARE(window.shownNode(), scale);

        // The scaled table's petal_width made meta: a Select Columns node after Min-Max
        // Scale holds it and feeds the tree; the views show it.
        const int steps = editor->undoStack()->count();
        finished.clear();
        QVERIFY(trigger(window, 3, QStringLiteral("role-meta")));
        QCOMPARE(editor->undoStack()->count(), steps + 1);
        QCOMPARE(graph.nodeCount(), 4);
        const QList<int> selected = editor->scene()->selectedNodeIds();
        QCOMPARE(selected.size(), 1);
        const int select = selected.front();
        QCOMPARE(graph.nodeType(select)->id, QStringLiteral("data.select"));
        QCOMPARE(graph.parameter(select, QStringLiteral("ignored")).toStringList(),
            QStringList { QStringLiteral("petal_width") });
        QVERIFY(graph.connectionInto(select, 0).has_value());
        QCOMPARE(graph.connectionInto(select, 0)->fromNode, scale);
        QCOMPARE(graph.connectionInto(tree, 0)->fromNode, select);
        QVERIFY(settle(window, finished));
        QCOMPARE(window.shownNode(), select);
        QCOMPARE(roleCell(window, 3), QStringLiteral("meta"));
        // A second edit of its table changes that node, no new one.
        finished.clear();
        QVERIFY(trigger(window, 0, QStringLiteral("role-target")));
        QCOMPARE(graph.nodeCount(), 4);
        QCOMPARE(graph.parameter(select, QStringLiteral("target")).toString(),
            QStringLiteral("sepal_length"));
        QVERIFY(settle(window, finished));

        // Undone twice: the node is gone and the tree reads Min-Max Scale again.
        editor->undoStack()->undo();
        editor->undoStack()->undo();
        QCOMPARE(graph.nodeCount(), 3);
        QVERIFY(!graph.hasNode(select));
        QCOMPARE(graph.connectionInto(tree, 0)->fromNode, scale);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.isLoading() && !editor->executor().isRunning(), kLoadTimeoutMs);
    }

    void keyboardOpensTheMenus()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openIris(window));
        ColumnListView *list = window.columnList();
        list->setFocus();
        list->setCurrentIndex(list->model()->index(2, ColumnSummaryModel::Role));
        QTest::keyClick(list, Qt::Key_F2);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        auto *target = menu->findChild<QAction *>(QStringLiteral("role-target"));
        QVERIFY(target);
        QVERIFY(!target->isChecked());
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("role-feature"))->isChecked());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("type-numeric"))); // roles only
        // Choosing from it with the keyboard: T(arget).
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QTest::keyClick(menu, Qt::Key_T);
        QTRY_COMPARE(
            window.graphModel().parameter(window.shownNode(), QStringLiteral("target")).toString(),
            QStringLiteral("petal_length"));
        QVERIFY(settle(window, finished));
        QCOMPARE(roleCell(window, 2), QStringLiteral("target"));
        // The type cell offers the types.
        list->setCurrentIndex(list->model()->index(4, ColumnSummaryModel::Type));
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("type-categorical"))->isChecked());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("role-target")));
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());
    }
    // At the default layout (no saved one) of a 1280x800 and of a 1024x700 window, the
    // Role column of the column list is in view without scrolling: a new user sees where
    // the target is set.
    void roleVisibleAtDefaultLayout_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1024x700") << QSize(1024, 700);
    }

    void roleVisibleAtDefaultLayout()
    {
        QFETCH(QSize, size);
        QSettings().remove(QStringLiteral("mainWindow"));
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openIris(window));
        ColumnListView *list = window.columnList();
        QTRY_VERIFY(list->isVisible());
        QCoreApplication::processEvents(); // the dock fitted to the list
        const int role = ColumnSummaryModel::Role;
        const int right = list->columnViewportPosition(role) + list->columnWidth(role);
        QVERIFY2(list->horizontalScrollBar()->value() == 0 && right <= list->viewport()->width(),
            qPrintable(QStringLiteral("the Role column ends at %1 px, the list is %2 px wide")
                           .arg(right)
                           .arg(list->viewport()->width())));
        // ... and is wide enough to read "feature" in full.
        QVERIFY(list->columnWidth(role)
            >= list->fontMetrics().horizontalAdvance(QStringLiteral("feature")));
        // A long column name is elided, never pushing the role out of view.
        QVERIFY(list->columnWidth(ColumnSummaryModel::Name) <= list->maxNameWidth());
    }
};

QTEST_MAIN(TestColumnRoles)
#include "tst_columnroles.moc"
