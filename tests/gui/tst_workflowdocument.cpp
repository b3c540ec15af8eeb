// The workflow as a document of the main window: Save / Save As / Open / New, the
// modified flag driven by the editor's undo stack, the Save/Discard/Cancel question, refused
// files leaving the graph alone, relative paths taken from the workflow's folder, and
// .sextant files opened by drop, by the command line's path (openFile) and from the canvas.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "gui/MainWindow.h"
#include "widgets/GraphCommands.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphView.h"

#include <QAction>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

using sextant::app::MainWindow;
using sextant::engine::Connection;
using sextant::engine::WorkflowFile;
using Choice = MainWindow::UnsavedChoice;

namespace {

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray graphOf(const MainWindow &window)
{
    return WorkflowFile::serialize(window.graphModel());
}

// File -> Select -> Histogram (bins 12), File -> Table, built through the editor.
void buildGraph(MainWindow &window)
{
    sextant::widgets::GraphEditor *editor = window.graphEditor();
    const int file = editor->addFileNode(iris(), { 0, 0 });
    const int select = editor->addNode(QStringLiteral("data.select"), { 250, 0 },
        { { QStringLiteral("target"), QStringLiteral("species") } });
    const int hist = editor->addNode(QStringLiteral("view.histogram"), { 500, -60 },
        { { QStringLiteral("bins"), 12 },
            { QStringLiteral("column"), QStringLiteral("petal_length") } });
    const int table = editor->addNode(QStringLiteral("view.table"), { 500, 80 });
    QVERIFY(file && select && hist && table);
    QVERIFY(editor->connectPorts({ file, 0, select, 0 }));
    QVERIFY(editor->connectPorts({ select, 0, hist, 0 }));
    QVERIFY(editor->connectPorts({ file, 0, table, 0 }));
}

bool drop(QWidget *target, const QString &path, QPoint pos)
{
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

} // namespace

class TestWorkflowDocument : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString tempFile(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workflowdocument"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void menuHasWorkflowActions()
    {
        MainWindow window;
        const auto action
            = [&](const char *name) { return window.findChild<QAction *>(QLatin1String(name)); };
        QVERIFY(action("newWorkflowAction"));
        QCOMPARE(action("openWorkflowAction")->shortcut(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        QCOMPARE(action("saveWorkflowAction")->shortcut(), QKeySequence(QKeySequence::Save));
        QCOMPARE(action("saveWorkflowAsAction")->shortcut(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Untitled[*]")));
        QVERIFY(!window.isWindowModified());
    }

    void saveThenReopenGivesIdenticalGraph()
    {
        const QString path = tempFile(QStringLiteral("flow.sextant"));
        QByteArray saved;
        {
            MainWindow window;
            buildGraph(window);
            QVERIFY(window.isWindowModified());
            QVERIFY(window.saveWorkflowAs(path));
            QCOMPARE(window.workflowPath(), path);
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.windowTitle().startsWith(QStringLiteral("flow[*]")));
            saved = graphOf(window);
            QCOMPARE(readFile(path), saved);
            QVERIFY(window.recentFiles().contains(path));
        }
        MainWindow window;
        window.openFile(path); // what main() does with a command-line argument
        QVERIFY(!window.isLoading()); // not taken for a dataset
        QCOMPARE(window.workflowPath(), path);
        QCOMPARE(graphOf(window), saved);
        const sextant::engine::GraphModel &model = window.graphModel();
        QCOMPARE(model.nodeCount(), 4);
        QCOMPARE(model.connectionCount(), 3);
        QCOMPARE(model.parameter(3, QStringLiteral("bins")).toLongLong(), 12);
        QCOMPARE(model.position(3), QPointF(500, -60));
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.graphEditor()->undoStack()->count(), 0);
        QCOMPARE(window.tabs()->currentWidget(), window.graphEditor());
        QCOMPARE(model.baseDirectory(), m_dir.path());

        // Saved again unchanged: the same bytes.
        const QString again = tempFile(QStringLiteral("again.sextant"));
        QVERIFY(window.saveWorkflowAs(again));
        QCOMPARE(readFile(again), readFile(path));
        QCOMPARE(window.workflowPath(), again);
    }

    void modifiedFlagFollowsUndoStack()
    {
        MainWindow window;
        QUndoStack *stack = window.graphEditor()->undoStack();
        const int hist = window.graphEditor()->addNode(QStringLiteral("view.histogram"), { 0, 0 });
        QVERIFY(window.isWorkflowModified());
        QVERIFY(window.isWindowModified());
        const QString path = tempFile(QStringLiteral("modified.sextant"));
        QVERIFY(window.saveWorkflowAs(path));
        QVERIFY(!window.isWindowModified());

        stack->push(new sextant::widgets::SetParameterCommand(
            window.graphModel(), hist, QStringLiteral("bins"), 30));
        QVERIFY(window.isWindowModified());
        stack->undo(); // back to the saved state
        QVERIFY(!window.isWindowModified());
        stack->redo();
        QVERIFY(window.isWindowModified());
        QVERIFY(window.saveWorkflow()); // to the same file, no question asked
        QVERIFY(!window.isWindowModified());
        QVERIFY(readFile(path).contains("\"bins\": 30"));
        stack->undo(); // before the save: modified again
        QVERIFY(window.isWindowModified());
    }

    void corruptFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{\"format\": \"sextant-workflow\", ") << QString();
        QTest::newRow("bad parameter")
            << QByteArray(R"({"format":"sextant-workflow","version":1,"nodes":[)"
                          R"({"id":1,"type":"view.histogram","position":[0,0],)"
                          R"("parameters":{"bins":0}}],"connections":[]})")
            << QStringLiteral("bins");
        QTest::newRow("unknown node type") << QByteArray(
            R"({"format":"sextant-workflow","version":1,"nodes":[)"
            R"({"id":1,"type":"no.such","position":[0,0],"parameters":{}}],)"
            R"("connections":[]})") << QStringLiteral("no.such");
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void corruptFileIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString good = tempFile(QStringLiteral("good.sextant"));
        const QString bad = tempFile(QStringLiteral("corrupt.sextant"));
        QVERIFY(writeFile(bad, content));
        MainWindow window;
        window.setUnsavedChangesPrompt([](const QString &) {
            return Choice::Discard; // the refusal must not depend on this
        });
        buildGraph(window);
        QVERIFY(window.saveWorkflowAs(good));
        window.graphEditor()->addNode(QStringLiteral("view.table"), { 0, 300 }); // unsaved
        const QByteArray before = graphOf(window);
        const int undoCount = window.graphEditor()->undoStack()->count();

        QVERIFY(!window.openWorkflow(bad));
        QCOMPARE(graphOf(window), before);
        QCOMPARE(window.workflowPath(), good);
        QCOMPARE(window.graphEditor()->undoStack()->count(), undoCount);
        QVERIFY(window.isWindowModified());
        QVERIFY2(window.errorText().contains(QStringLiteral("corrupt.sextant")),
            qPrintable(window.errorText()));
        if (!reason.isEmpty())
            QVERIFY2(window.errorText().contains(reason), qPrintable(window.errorText()));

        // A good file afterwards opens and clears the message.
        QVERIFY(window.openWorkflow(good));
        QVERIFY(window.errorText().isEmpty());
        QVERIFY(!window.isWindowModified());
    }

    void unsavedChangesAreAskedAbout()
    {
        const QString path = tempFile(QStringLiteral("asked.sextant"));
        MainWindow window;
        QStringList asked;
        Choice answer = Choice::Cancel;
        window.setUnsavedChangesPrompt([&](const QString &name) {
            asked << name;
            return answer;
        });
        // Nothing to lose: no question.
        QVERIFY(window.newWorkflow());
        QVERIFY(asked.isEmpty());
        buildGraph(window);
        QVERIFY(window.saveWorkflowAs(path));
        QVERIFY(window.newWorkflow()); // saved: no question
        QVERIFY(asked.isEmpty());
        QCOMPARE(window.graphModel().nodeCount(), 0);
        QVERIFY(window.workflowPath().isEmpty());
        QVERIFY(window.openWorkflow(path));
        window.graphEditor()->addNode(QStringLiteral("view.table"), { 0, 300 });
        const QByteArray edited = graphOf(window);

        // Cancel: nothing happens, the window stays open.
        answer = Choice::Cancel;
        QVERIFY(!window.newWorkflow());
        QVERIFY(!window.openWorkflow(path));
        window.show();
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QCOMPARE(asked, QStringList(3, QStringLiteral("asked")));
        QCOMPARE(graphOf(window), edited);
        QVERIFY(window.isWindowModified());

        // Save: written to the workflow's file, then the new workflow.
        answer = Choice::Save;
        QVERIFY(window.newWorkflow());
        QCOMPARE(readFile(path), edited);
        QCOMPARE(window.graphModel().nodeCount(), 0);

        // Discard: the edits are dropped. Save of an untitled workflow asks for a path;
        // cancelling that cancels the whole thing.
        window.graphEditor()->addNode(QStringLiteral("view.table"), { 0, 0 });
        QStringList suggestions;
        window.setSavePathPrompt([&](const QString &suggestion) {
            suggestions << suggestion;
            return QString();
        });
        QVERIFY(!window.newWorkflow());
        QCOMPARE(suggestions.size(), 1);
        QVERIFY(suggestions.first().endsWith(QStringLiteral(".sextant")));
        QCOMPARE(window.graphModel().nodeCount(), 1);
        answer = Choice::Discard;
        QVERIFY(window.openWorkflow(path));
        QCOMPARE(graphOf(window), edited);
        QVERIFY(window.close());
    }

    void relativePathsFollowTheWorkflowFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(iris(), dir.filePath(QStringLiteral("iris.csv"))));
        const QString flow = dir.filePath(QStringLiteral("relative.sextant"));
        QVERIFY(writeFile(flow,
            R"({"format":"sextant-workflow","version":1,"nodes":[)"
            R"({"id":1,"type":"data.file","position":[0,0],"parameters":{"path":"iris.csv"}}],)"
            R"("connections":[]})"));
        MainWindow window;
        QVERIFY(window.openWorkflow(flow));
        sextant::engine::Executor &executor = window.graphEditor()->executor();
        const auto runs = [&] {
            const sextant::engine::RunSummary summary = executor.runBlocking();
            return summary.ok() && executor.status(1) == sextant::engine::NodeStatus::Done;
        };
        QVERIFY(runs());

        // Saved into a sub-folder: the relative path is rewritten to reach the same file.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        const QString moved = dir.filePath(QStringLiteral("sub/moved.sextant"));
        QVERIFY(window.saveWorkflowAs(moved));
        QCOMPARE(window.graphModel().parameter(1, QStringLiteral("path")).toString(),
            QStringLiteral("../iris.csv"));
        QVERIFY(!window.isWindowModified());
        QVERIFY(runs());
        QVERIFY(window.newWorkflow());
        QVERIFY(window.openWorkflow(moved));
        QVERIFY(runs());
    }

    void droppedWorkflowOpens()
    {
        const QString path = tempFile(QStringLiteral("dropped.sextant"));
        QByteArray saved;
        {
            MainWindow window;
            buildGraph(window);
            QVERIFY(window.saveWorkflowAs(path));
            saved = graphOf(window);
        }
        MainWindow window;
        QSignalSpy loads(&window, &MainWindow::loadStarted);
        QVERIFY(drop(&window, path, window.rect().center()));
        QCOMPARE(loads.count(), 0); // not a dataset
        QCOMPARE(window.workflowPath(), path);
        QCOMPARE(graphOf(window), saved);

        // Dropped on the canvas: opened too, not turned into a File node.
        QVERIFY(window.newWorkflow());
        QCOMPARE(window.graphModel().nodeCount(), 0);
        window.resize(1200, 800);
        window.show();
        window.tabs()->setCurrentWidget(window.graphEditor());
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *viewport = window.graphEditor()->view()->viewport();
        QVERIFY(drop(viewport, path, viewport->rect().center()));
        QCOMPARE(window.workflowPath(), path);
        QCOMPARE(graphOf(window), saved);
    }
};

QTEST_MAIN(TestWorkflowDocument)
#include "tst_workflowdocument.moc"
