// The node editor, offscreen: the scene mirrors the model, every edit goes through the
// undo stack and undoes back to the identical model, property edits, copy/paste, and a
// run that updates the nodes' status.

#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "nodes/BuiltinNodes.h"
#include "widgets/ConnectionItem.h"
#include "widgets/GraphCommands.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"
#include "widgets/GraphView.h"
#include "widgets/NodeItem.h"
#include "widgets/NodePalette.h"
#include "widgets/NodeSearchPopup.h"
#include "widgets/PortItem.h"
#include "widgets/PropertyPanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGraphicsSceneMouseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWheelEvent>
#include <memory>

using namespace sextant;
using engine::Connection;
using engine::GraphModel;
using engine::NodeStatus;
using widgets::GraphEditor;
using widgets::GraphScene;

namespace {
const QString kIris = QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");

void sendMouse(QGraphicsScene *scene, QEvent::Type type, QPointF scenePos,
    Qt::MouseButton button = Qt::LeftButton)
{
    QGraphicsSceneMouseEvent event(type);
    event.setScenePos(scenePos);
    event.setButtonDownScenePos(button, scenePos);
    event.setButton(button);
    event.setButtons(
        type == QEvent::GraphicsSceneMouseRelease ? Qt::NoButton : Qt::MouseButtons(button));
    QApplication::sendEvent(scene, &event);
}

// Drags from one port to another the way a person does, through scene mouse events.
void dragConnection(GraphScene *scene, QPointF from, QPointF to)
{
    sendMouse(scene, QEvent::GraphicsSceneMousePress, from);
    sendMouse(scene, QEvent::GraphicsSceneMouseMove, (from + to) / 2);
    sendMouse(scene, QEvent::GraphicsSceneMouseMove, to);
    sendMouse(scene, QEvent::GraphicsSceneMouseRelease, to);
}

QPointF outPort(GraphScene *scene, int node, int port = 0)
{
    return scene->nodeItem(node)->outputPort(port)->scenePos();
}
QPointF inPort(GraphScene *scene, int node, int port = 0)
{
    return scene->nodeItem(node)->inputPort(port)->scenePos();
}
} // namespace

class TestGraphEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sceneMirrorsModel();
    void addConnectDeleteThroughScene();
    void compatiblePortsHighlightAndRefusalsExplained();
    void moveThroughScene();
    void undoRedoEveryCommandRestoresModel();
    void propertyEditsGoThroughUndoStack();
    void copyPaste();
    void runUpdatesNodeStatus();
    void paletteAndDoubleClick();
    void detachConnectionByDrag();
    void detachConnectionEndAndRefusals();
    void detachWithMouseOnView();
    void fitFollowsResizesUntilThePersonMovesTheView();
    void renameNode();
};

void TestGraphEditor::sceneMirrorsModel()
{
    GraphModel model(engine::BuiltinNodes::registry());
    const int a = model.addNode(QStringLiteral("data.file"), { 0, 0 }).value();
    GraphScene scene(model);
    QCOMPARE(scene.nodeItemCount(), 1); // existing content mirrored
    const int b = model.addNode(QStringLiteral("data.select"), { 250, 0 }).value();
    const int c = model.addNode(QStringLiteral("view.table"), { 500, 0 }).value();
    QCOMPARE(scene.nodeItemCount(), 3);
    QVERIFY(model.addConnection({ a, 0, b, 0 }));
    QVERIFY(model.addConnection({ b, 0, c, 0 }));
    QCOMPARE(scene.connectionItemCount(), 2);
    QVERIFY(scene.connectionItem({ a, 0, b, 0 }));

    // Moving in the model moves the item and drags the connection's end along.
    const QPainterPath before = scene.connectionItem({ a, 0, b, 0 })->path();
    QVERIFY(model.moveNode(b, { 300, 100 }));
    QCOMPARE(scene.nodeItem(b)->pos(), QPointF(300, 100));
    QVERIFY(scene.connectionItem({ a, 0, b, 0 })->path() != before);
    QCOMPARE(scene.connectionItem({ a, 0, b, 0 })->path().currentPosition(), inPort(&scene, b));

    // Removing a node removes its item and its connections' items.
    QVERIFY(model.removeNode(b).ok());
    QCOMPARE(scene.nodeItemCount(), 2);
    QCOMPARE(scene.connectionItemCount(), 0);
    QVERIFY(!scene.nodeItem(b));
    model.clear();
    QCOMPARE(scene.nodeItemCount(), 0);
}

void TestGraphEditor::addConnectDeleteThroughScene()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    GraphScene *scene = editor.scene();

    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int table = editor.addNode(QStringLiteral("view.table"), { 300, 0 });
    QVERIFY(file > 0 && table > 0);
    QCOMPARE(scene->nodeItemCount(), 2);
    QCOMPARE(editor.undoStack()->count(), 2);
    QCOMPARE(model.parameter(file, QStringLiteral("path")).toString(), kIris);

    dragConnection(scene, outPort(scene, file), inPort(scene, table));
    QCOMPARE(model.connectionCount(), 1);
    QCOMPARE(scene->connectionItemCount(), 1);
    QCOMPARE(editor.undoStack()->count(), 3);

    // Delete a connection alone, then the nodes.
    scene->clearSelection(); // addNode selected the new node
    scene->connectionItem({ file, 0, table, 0 })->setSelected(true);
    editor.deleteAction()->trigger();
    QCOMPARE(model.connectionCount(), 0);
    QCOMPARE(model.nodeCount(), 2);
    editor.undoStack()->undo();
    QCOMPARE(model.connectionCount(), 1);

    scene->selectNodes({ file, table });
    editor.deleteAction()->trigger();
    QCOMPARE(model.nodeCount(), 0);
    QCOMPARE(scene->nodeItemCount(), 0);
    QCOMPARE(scene->connectionItemCount(), 0);
    editor.undoStack()->undo();
    QCOMPARE(model.nodeCount(), 2);
    QCOMPARE(model.connectionCount(), 1);
    QCOMPARE(scene->connectionItemCount(), 1);
}

void TestGraphEditor::compatiblePortsHighlightAndRefusalsExplained()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    GraphScene *scene = editor.scene();
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int select = editor.addNode(QStringLiteral("data.select"), { 300, 0 });
    const int table = editor.addNode(QStringLiteral("view.table"), { 600, 0 });
    QVERIFY(editor.connectPorts({ file, 0, select, 0 }));

    // While dragging from select's output, table's input is compatible, select's own
    // input (a cycle) is not.
    sendMouse(scene, QEvent::GraphicsSceneMousePress, outPort(scene, select));
    QVERIFY(scene->isDraggingConnection());
    using H = widgets::PortItem::Highlight;
    QCOMPARE(scene->nodeItem(table)->inputPort(0)->highlight(), H::Compatible);
    QCOMPARE(scene->nodeItem(select)->inputPort(0)->highlight(), H::Incompatible);
    sendMouse(scene, QEvent::GraphicsSceneMouseRelease, inPort(scene, select));
    QVERIFY(!scene->isDraggingConnection());
    QCOMPARE(scene->nodeItem(table)->inputPort(0)->highlight(), H::None);
    QCOMPARE(model.connectionCount(), 1);
    QCOMPARE(editor.messageList()->count(), 1);
    QVERIFY(editor.messageList()->item(0)->text().startsWith(QStringLiteral("Not connected")));
    QVERIFY(editor.statusLabel()->text().startsWith(QStringLiteral("Not connected")));

    // Dragging from an input back to an output works too.
    dragConnection(scene, inPort(scene, table), outPort(scene, select));
    QCOMPARE(model.connectionCount(), 2);
    QVERIFY(model.connectionInto(table, 0).has_value());
}

void TestGraphEditor::moveThroughScene()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    GraphScene *scene = editor.scene();
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int count = editor.undoStack()->count();

    // A drag moves the item; releasing the mouse turns it into one move command.
    scene->nodeItem(file)->setPos(50, 60);
    QCOMPARE(model.position(file), QPointF(0, 0));
    sendMouse(scene, QEvent::GraphicsSceneMouseRelease, { 500, 500 });
    QCOMPARE(model.position(file), QPointF(50, 60));
    QCOMPARE(editor.undoStack()->count(), count + 1);
    // A second move of the same node merges.
    scene->nodeItem(file)->setPos(70, 80);
    sendMouse(scene, QEvent::GraphicsSceneMouseRelease, { 500, 500 });
    QCOMPARE(editor.undoStack()->count(), count + 1);
    editor.undoStack()->undo();
    QCOMPARE(model.position(file), QPointF(0, 0));
    QCOMPARE(scene->nodeItem(file)->pos(), QPointF(0, 0));
}

void TestGraphEditor::undoRedoEveryCommandRestoresModel()
{
    GraphModel model(engine::BuiltinNodes::registry());
    QUndoStack stack;
    QList<QByteArray> states { engine::WorkflowFile::serialize(model) };
    const auto push = [&](QUndoCommand *command) {
        stack.push(command);
        states.append(engine::WorkflowFile::serialize(model));
        QVERIFY(states.last() != states.at(states.size() - 2));
    };
    engine::NodeRecord file { 0, QStringLiteral("data.file"), { 0, 0 },
        { { QStringLiteral("path"), kIris } } };
    push(new widgets::AddNodeCommand(model, file));
    push(new widgets::AddNodeCommand(model, { 0, QStringLiteral("data.select"), { 250, 0 }, {} }));
    push(new widgets::AddNodeCommand(
        model, { 0, QStringLiteral("view.histogram"), { 500, 0 }, {} }));
    const QList<int> ids = model.nodeIds();
    QCOMPARE(ids.size(), 3);
    push(new widgets::ConnectCommand(model, { ids[0], 0, ids[1], 0 }));
    push(new widgets::ConnectCommand(model, { ids[1], 0, ids[2], 0 }));
    push(new widgets::MoveNodesCommand(model, QHash<int, QPointF> { { ids[1], QPointF(250, 0) } },
        QHash<int, QPointF> { { ids[1], QPointF(260, 40) } }));
    push(new widgets::SetParameterCommand(model, ids[2], QStringLiteral("bins"), 7));
    push(new widgets::SetParameterCommand(
        model, ids[0], QStringLiteral("header"), QStringLiteral("present")));
    push(new widgets::DisconnectCommand(model, { ids[1], 0, ids[2], 0 }));
    push(new widgets::RemoveNodesCommand(model, { ids[0], ids[1] }));
    push(new widgets::PasteCommand(model,
        { { 10, QStringLiteral("data.file"), { 0, 300 }, {} },
            { 11, QStringLiteral("view.table"), { 300, 300 }, {} } },
        { { 10, 0, 11, 0 } }));
    QCOMPARE(model.connectionCount(), 1);
    QCOMPARE(stack.count(), states.size() - 1);

    for (int i = stack.count(); i > 0; --i) {
        stack.undo();
        QCOMPARE(engine::WorkflowFile::serialize(model), states.at(i - 1));
    }
    for (int i = 1; i < states.size(); ++i) {
        stack.redo();
        QCOMPARE(engine::WorkflowFile::serialize(model), states.at(i));
    }
    // And back down once more (redo must recreate the same ids).
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), states.first());
}

void TestGraphEditor::propertyEditsGoThroughUndoStack()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int select = editor.addNode(QStringLiteral("data.select"), { 250, 0 });
    const int hist = editor.addNode(QStringLiteral("view.histogram"), { 500, 0 },
        { { QStringLiteral("column"), QStringLiteral("petal_length") } });
    QVERIFY(editor.connectPorts({ file, 0, select, 0 }));
    QVERIFY(editor.connectPorts({ select, 0, hist, 0 }));
    const engine::RunSummary summary = executor.runBlocking();
    QVERIFY2(summary.ok(), qPrintable(summary.failureMessages.value(summary.failed.value(0))));
    QVERIFY(executor.isUpToDate(hist));

    // The histogram's bins: a spin box with the schema's range.
    editor.scene()->selectNodes({ hist });
    QCOMPARE(editor.propertyPanel()->nodeId(), hist);
    auto *bins = qobject_cast<QSpinBox *>(editor.propertyPanel()->editor(QStringLiteral("bins")));
    QVERIFY(bins);
    QCOMPARE(bins->minimum(), 1);
    QVERIFY(!bins->toolTip().isEmpty());
    const int count = editor.undoStack()->count();
    bins->setValue(33);
    QCOMPARE(model.parameter(hist, QStringLiteral("bins")).toLongLong(), 33);
    QCOMPARE(editor.undoStack()->count(), count + 1);
    QVERIFY(!executor.isUpToDate(hist));
    QVERIFY(executor.isUpToDate(select));
    bins->setValue(34); // merges with the previous edit
    QCOMPARE(editor.undoStack()->count(), count + 1);

    // The column picker offers the upstream table's columns (the executor has them).
    auto *column
        = qobject_cast<QComboBox *>(editor.propertyPanel()->editor(QStringLiteral("column")));
    QVERIFY(column);
    QVERIFY(column->findText(QStringLiteral("sepal_width")) >= 0);
    QCOMPARE(column->currentText(), QStringLiteral("petal_length"));
    column->setCurrentText(QStringLiteral("sepal_width"));
    QCOMPARE(
        model.parameter(hist, QStringLiteral("column")).toString(), QStringLiteral("sepal_width"));
    QCOMPARE(editor.undoStack()->count(), count + 2);

    // An enum edit on the source marks everything downstream dirty.
    QVERIFY(executor.runBlocking().ok());
    editor.scene()->selectNodes({ file });
    auto *header
        = qobject_cast<QComboBox *>(editor.propertyPanel()->editor(QStringLiteral("header")));
    QVERIFY(header);
    header->setCurrentText(QStringLiteral("present"));
    QCOMPARE(model.parameter(file, QStringLiteral("header")).toString(), QStringLiteral("present"));
    QVERIFY(!executor.isUpToDate(file));
    QVERIFY(!executor.isUpToDate(select));
    QVERIFY(!executor.isUpToDate(hist));

    // Undo shows in the editor.
    editor.undoStack()->undo();
    QCOMPARE(model.parameter(file, QStringLiteral("header")).toString(), QStringLiteral("detect"));
    QCOMPARE(header->currentText(), QStringLiteral("detect"));

    // File path: line edit + browse.
    auto *pathRow = editor.propertyPanel()->editor(QStringLiteral("path"));
    QVERIFY(pathRow && pathRow->findChild<QLineEdit *>());
    QCOMPARE(pathRow->findChild<QLineEdit *>()->text(), kIris);
}

void TestGraphEditor::copyPaste()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int hist = editor.addNode(
        QStringLiteral("view.histogram"), { 300, 0 }, { { QStringLiteral("bins"), 12 } });
    QVERIFY(editor.connectPorts({ file, 0, hist, 0 }));
    const QByteArray before = engine::WorkflowFile::serialize(model);

    editor.scene()->selectNodes({ file, hist });
    editor.copyAction()->trigger();
    editor.pasteAction()->trigger();
    QCOMPARE(model.nodeCount(), 4);
    QCOMPARE(model.connectionCount(), 2);
    const QList<int> pasted = editor.scene()->selectedNodeIds();
    QCOMPARE(pasted.size(), 2);
    QVERIFY(!pasted.contains(file) && !pasted.contains(hist));
    QCOMPARE(model.position(pasted[0]), QPointF(40, 40));
    QCOMPARE(model.parameter(pasted[1], QStringLiteral("bins")).toLongLong(), 12);
    QCOMPARE(model.parameter(pasted[0], QStringLiteral("path")).toString(), kIris);
    QVERIFY(model.connectionInto(pasted[1], 0).has_value());
    QCOMPARE(model.connectionInto(pasted[1], 0)->fromNode, pasted[0]);

    // A second paste cascades further.
    editor.paste();
    QCOMPARE(model.nodeCount(), 6);
    QCOMPARE(model.position(editor.scene()->selectedNodeIds().first()), QPointF(80, 80));

    editor.undoStack()->undo();
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), before);

    // Garbage on the clipboard is refused politely.
    QVERIFY(editor.pasteJson("{not json", {}).isEmpty());
    QVERIFY(
        editor.pasteJson(R"({"format":"sextant-nodes","nodes":[{"id":1,"type":"no.such"}]})", {})
            .isEmpty());
    QCOMPARE(model.nodeCount(), 2);
}

void TestGraphEditor::runUpdatesNodeStatus()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    editor.resize(1100, 650);
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int select = editor.addNode(QStringLiteral("data.select"), { 240, 0 },
        { { QStringLiteral("target"), QStringLiteral("species") } });
    const int hist = editor.addNode(QStringLiteral("view.histogram"), { 500, -80 },
        { { QStringLiteral("column"), QStringLiteral("petal_length") } });
    const int table = editor.addNode(QStringLiteral("view.table"), { 500, 60 });
    const int broken = editor.addNode(QStringLiteral("view.histogram"), { 500, 180 },
        { { QStringLiteral("column"), QStringLiteral("no_such_column") } });
    for (int sink : { hist, table, broken })
        QVERIFY(editor.connectPorts({ select, 0, sink, 0 }));
    QVERIFY(editor.connectPorts({ file, 0, select, 0 }));

    QSignalSpy finished(&executor, &engine::Executor::runFinished);
    QVERIFY(editor.runAction()->isEnabled());
    editor.runAction()->trigger();
    QVERIFY(editor.cancelAction()->isEnabled() || finished.count() > 0);
    // runFinished may come before a wait() starts: count emissions instead.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    for (int id : { file, select, hist, table })
        QTRY_COMPARE(editor.scene()->nodeItem(id)->status(), NodeStatus::Done);
    QTRY_COMPARE(editor.scene()->nodeItem(broken)->status(), NodeStatus::Failed);
    QVERIFY(!editor.scene()->nodeItem(broken)->statusMessage().isEmpty());
    QVERIFY(editor.scene()->nodeItem(broken)->toolTip().contains(
        editor.scene()->nodeItem(broken)->statusMessage()));
    QTRY_VERIFY(editor.runAction()->isEnabled());
    QVERIFY(!editor.cancelAction()->isEnabled());
    QCOMPARE(editor.messageList()->count(), 1);
    QVERIFY(editor.messageList()->item(0)->text().contains(QStringLiteral("failed")));

    // An edit makes the edited node Idle again; Run to here on it brings it back.
    editor.scene()->selectNodes({ hist });
    qobject_cast<QSpinBox *>(editor.propertyPanel()->editor(QStringLiteral("bins")))->setValue(8);
    QTRY_COMPARE(editor.scene()->nodeItem(hist)->status(), NodeStatus::Idle);
    QCOMPARE(editor.scene()->nodeItem(table)->status(), NodeStatus::Done);
    editor.runToHereAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QTRY_COMPARE(editor.scene()->nodeItem(hist)->status(), NodeStatus::Done);

    // Picture for people (and for the reviewer).
    editor.scene()->selectNodes({ hist });
    editor.show();
    editor.fitToView();
    QCoreApplication::processEvents();
    const QString shot = QDir::temp().filePath(QStringLiteral("sextant-grapheditor.png"));
    QVERIFY(editor.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
}

void TestGraphEditor::paletteAndDoubleClick()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);

    // Palette: categories, search, activation inserts through the undo stack.
    widgets::NodePalette *palette = editor.palette();
    QVERIFY(palette->visibleTypeIds().contains(QStringLiteral("view.histogram")));
    const QStringList all = palette->visibleTypeIds();
    palette->searchEdit()->setText(QStringLiteral("histo"));
    // Matches names and descriptions: other types may mention histograms too.
    QVERIFY(palette->visibleTypeIds().contains(QStringLiteral("view.histogram")));
    QVERIFY(!palette->visibleTypeIds().contains(QStringLiteral("view.table")));
    QVERIFY(palette->visibleTypeIds().size() < all.size());
    palette->searchEdit()->clear();
    Q_EMIT palette->nodeTypeActivated(QStringLiteral("view.table"));
    QCOMPARE(model.nodeCount(), 1);
    QCOMPARE(editor.undoStack()->count(), 1);

    // A drop of a node type / a file from the view.
    Q_EMIT editor.view()->nodeTypeDropped(QStringLiteral("data.select"), { 100, 100 });
    QSignalSpy opened(&editor, &GraphEditor::datasetFileOpened);
    Q_EMIT editor.view()->fileDropped(kIris, { -200, 0 });
    QCOMPARE(model.nodeCount(), 3);
    QCOMPARE(editor.undoStack()->count(), 3);
    QCOMPARE(opened.count(), 1);
    const int fileNode = opened.first().first().toInt();
    QCOMPARE(editor.fileNodeReading(kIris), fileNode);
    // The same file again selects the node that reads it: no second File node.
    editor.scene()->clearSelection();
    QCOMPARE(editor.openDatasetFile(kIris), fileNode);
    QCOMPARE(model.nodeCount(), 3);
    QCOMPARE(editor.undoStack()->count(), 3);
    QCOMPARE(editor.scene()->selectedNodeIds(), QList<int> { fileNode });
    QCOMPARE(opened.count(), 2);

    // Double-clicking a sink asks for its view; a non-sink does not.
    const int table = model.nodeIds().first();
    QSignalSpy open(&editor, &GraphEditor::openViewRequested);
    const QPointF centre = editor.scene()->nodeItem(table)->sceneBoundingRect().center();
    sendMouse(editor.scene(), QEvent::GraphicsSceneMouseDoubleClick, centre);
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toInt(), table);
    const int select = model.nodeIds().at(1);
    sendMouse(editor.scene(), QEvent::GraphicsSceneMouseDoubleClick,
        editor.scene()->nodeItem(select)->sceneBoundingRect().center());
    QCOMPARE(open.count(), 1);

    // Double-click on empty canvas: the quick-insert popup, filtered by typing.
    Q_EMIT editor.view()->quickInsertRequested({ 0, 400 }, { 10, 10 });
    auto *popup = editor.findChild<widgets::NodeSearchPopup *>();
    QVERIFY(popup);
    QTest::keyClicks(popup->searchEdit(), QStringLiteral("scatter"));
    popup->chooseCurrent();
    QCOMPARE(model.nodeCount(), 4);
    QCOMPARE(model.node(model.nodeIds().last())->typeId, QStringLiteral("view.scatter"));
    QCOMPARE(model.position(model.nodeIds().last()), QPointF(0, 400));

    // Zoom stays within its limits; fit shows everything.
    editor.view()->zoomBy(100);
    QCOMPARE(editor.view()->zoom(), widgets::GraphView::kMaxScale);
    editor.fitAction()->trigger();
    QVERIFY(editor.view()->zoom() <= 1.0);
}

// Pressing on a connected input and dragging lifts the connection off: dropped on empty
// canvas it is removed, dropped on another input it moves there; one undo step each.
void TestGraphEditor::detachConnectionByDrag()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    GraphScene *scene = editor.scene();
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int select = editor.addNode(QStringLiteral("data.select"), { 300, 0 });
    const int table = editor.addNode(QStringLiteral("view.table"), { 600, 0 });
    const int hist = editor.addNode(QStringLiteral("view.histogram"), { 600, 250 });
    QVERIFY(editor.connectPorts({ file, 0, select, 0 }));
    QVERIFY(editor.connectPorts({ select, 0, table, 0 }));
    const Connection original { select, 0, table, 0 };
    const QByteArray start = engine::WorkflowFile::serialize(model);
    const int count = editor.undoStack()->count();

    // Press on the connected input: the connection is lifted (still in the model until the
    // drop), its curve hidden, the free compatible input marked.
    using H = widgets::PortItem::Highlight;
    sendMouse(scene, QEvent::GraphicsSceneMousePress, inPort(scene, table));
    QVERIFY(scene->isDraggingConnection());
    QCOMPARE(scene->detachedConnection(), std::optional<Connection>(original));
    QVERIFY(!scene->connectionItem(original)->isVisible());
    QCOMPARE(model.connectionCount(), 2);
    QCOMPARE(scene->nodeItem(hist)->inputPort(0)->highlight(), H::Compatible);
    QCOMPARE(scene->nodeItem(table)->inputPort(0)->highlight(), H::Compatible); // its own
    QCOMPARE(scene->nodeItem(select)->inputPort(0)->highlight(), H::Incompatible); // taken

    // ... dropped on empty canvas: disconnected.
    const QPointF empty(450, 500);
    QVERIFY(!scene->portAt(empty) && !scene->nodeAt(empty));
    sendMouse(scene, QEvent::GraphicsSceneMouseMove, empty);
    sendMouse(scene, QEvent::GraphicsSceneMouseRelease, empty);
    QVERIFY(!scene->isDraggingConnection());
    QVERIFY(!scene->detachedConnection());
    QVERIFY(!model.connectionInto(table, 0));
    QCOMPARE(model.connectionCount(), 1);
    QVERIFY(!scene->connectionItem(original));
    QCOMPARE(scene->nodeItem(hist)->inputPort(0)->highlight(), H::None);
    QCOMPARE(editor.undoStack()->count(), count + 1);
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), start);
    QVERIFY(scene->connectionItem(original) && scene->connectionItem(original)->isVisible());
    editor.undoStack()->redo();
    QVERIFY(!model.connectionInto(table, 0));
    editor.undoStack()->undo();
    QCOMPARE(editor.undoStack()->count(), count + 1);

    // Dragged from table's input onto hist's input: reconnected, in one undo step.
    dragConnection(scene, inPort(scene, table), inPort(scene, hist));
    QVERIFY(!model.connectionInto(table, 0));
    QCOMPARE(model.connectionInto(hist, 0),
        std::optional<Connection>(Connection { select, 0, hist, 0 }));
    QCOMPARE(model.connectionCount(), 2);
    QCOMPARE(scene->connectionItemCount(), 2);
    QVERIFY(scene->connectionItem({ select, 0, hist, 0 })->isVisible());
    QCOMPARE(editor.undoStack()->count(), count + 1); // replaced the undone disconnect
    QCOMPARE(editor.undoStack()->undoText(), QStringLiteral("Reconnect"));
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), start);
    QVERIFY(scene->connectionItem(original)->isVisible());
    QVERIFY(!scene->connectionItem({ select, 0, hist, 0 }));
    editor.undoStack()->redo();
    QVERIFY(model.connectionInto(hist, 0).has_value());
    QVERIFY(!model.connectionInto(table, 0));
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), start);

    // Dropped back on its own input: nothing happens.
    dragConnection(scene, inPort(scene, table), inPort(scene, table) + QPointF(0, 2));
    QCOMPARE(engine::WorkflowFile::serialize(model), start);
    QCOMPARE(editor.undoStack()->index(), count);
    QVERIFY(scene->connectionItem(original)->isVisible());
}

void TestGraphEditor::detachConnectionEndAndRefusals()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    GraphScene *scene = editor.scene();
    const int file = editor.addFileNode(kIris, { 0, 0 });
    const int select = editor.addNode(QStringLiteral("data.select"), { 300, 0 });
    const int table = editor.addNode(QStringLiteral("view.table"), { 600, 0 });
    QVERIFY(editor.connectPorts({ file, 0, select, 0 }));
    QVERIFY(editor.connectPorts({ select, 0, table, 0 }));
    const QByteArray start = engine::WorkflowFile::serialize(model);
    const int count = editor.undoStack()->count();

    // The curve's end next to the input (not the port itself) grabs it too.
    const QPointF nearEnd = inPort(scene, table) - QPointF(24, 0);
    QVERIFY(!scene->portAt(nearEnd));
    QCOMPARE(scene->connectionEndAt(nearEnd),
        std::optional<Connection>(Connection { select, 0, table, 0 }));
    // Far from the end, the curve is only selectable, not grabbed.
    QVERIFY(!scene->connectionEndAt((outPort(scene, select) + inPort(scene, table)) / 2));

    // Dropped on the input of the node it comes from: a cycle, refused with the reason;
    // the connection stays where it was.
    dragConnection(scene, nearEnd, inPort(scene, select));
    QCOMPARE(engine::WorkflowFile::serialize(model), start);
    QCOMPARE(editor.undoStack()->count(), count);
    QVERIFY(scene->connectionItem({ select, 0, table, 0 })->isVisible());
    QVERIFY(editor.statusLabel()->text().startsWith(QStringLiteral("Not connected")));

    // Dropped on an output: refused too.
    dragConnection(scene, inPort(scene, table), outPort(scene, file));
    QCOMPARE(engine::WorkflowFile::serialize(model), start);
    QCOMPARE(editor.undoStack()->count(), count);

    // Grabbed by its end and dropped on empty canvas: disconnected.
    dragConnection(scene, nearEnd, { 300, 400 });
    QVERIFY(!model.connectionInto(table, 0));
    QCOMPARE(editor.undoStack()->count(), count + 1);
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), start);

    // An unconnected input still starts a new connection (no detach).
    const int table2 = editor.addNode(QStringLiteral("view.table"), { 600, 250 });
    QVERIFY(table2 > 0); // right after an undo too (the push replaces the undone step)
    sendMouse(scene, QEvent::GraphicsSceneMousePress, inPort(scene, table2));
    QVERIFY(scene->isDraggingConnection());
    QVERIFY(!scene->detachedConnection());
    sendMouse(scene, QEvent::GraphicsSceneMouseRelease, outPort(scene, select));
    QVERIFY(model.connectionInto(table2, 0).has_value());
}

// A workflow opened before the window has its final size (from the command line, docks
// still settling) stays fitted as the view grows; once the person zooms, the view keeps
// what they chose.
void TestGraphEditor::fitFollowsResizesUntilThePersonMovesTheView()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    editor.resize(900, 450);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    for (int i = 0; i < 8; ++i)
        editor.addNode(QStringLiteral("view.table"), { 200.0 * i, 60.0 * (i % 3) });
    widgets::GraphView *view = editor.view();
    const auto allVisible = [&] {
        const QRect inView = view->mapFromScene(editor.scene()->itemsBoundingRect()).boundingRect();
        return view->viewport()->rect().contains(inView);
    };
    editor.fitToView();
    QVERIFY(allVisible());
    QVERIFY(view->keepsFitted());
    const qreal small = view->zoom();
    QVERIFY(small < 1.0);
    editor.resize(1500, 900);
    QTRY_VERIFY(view->zoom() > small * 1.3);
    QVERIFY(allVisible());
    QVERIFY(view->keepsFitted());

    // The wheel zooms: from then on a resize leaves the zoom alone.
    const QPointF centre = view->viewport()->rect().center();
    QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(!view->keepsFitted());
    const qreal chosen = view->zoom();
    editor.resize(1000, 600);
    QCoreApplication::processEvents();
    QCOMPARE(view->zoom(), chosen);
}

// The same gesture with real mouse events on the view.
void TestGraphEditor::detachWithMouseOnView()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    editor.resize(1100, 650);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    GraphScene *scene = editor.scene();
    widgets::GraphView *view = editor.view();
    const int select = editor.addNode(QStringLiteral("data.select"), { 0, 0 });
    const int table = editor.addNode(QStringLiteral("view.table"), { 250, 0 });
    const int hist = editor.addNode(QStringLiteral("view.histogram"), { 250, 150 });
    QVERIFY(editor.connectPorts({ select, 0, table, 0 }));
    editor.fitToView();
    QCoreApplication::processEvents();
    const QByteArray start = engine::WorkflowFile::serialize(model);

    QWidget *viewport = view->viewport();
    const auto at = [view](QPointF scenePos) { return view->mapFromScene(scenePos); };
    // Reconnect: table's input -> hist's input.
    QTest::mousePress(viewport, Qt::LeftButton, {}, at(inPort(scene, table)));
    QVERIFY(scene->detachedConnection().has_value());
    QTest::mouseMove(viewport, at(inPort(scene, hist) - QPointF(30, 0)));
    QTest::mouseMove(viewport, at(inPort(scene, hist)));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(inPort(scene, hist)));
    QVERIFY(!scene->isDraggingConnection());
    QVERIFY(!model.connectionInto(table, 0));
    QVERIFY(model.connectionInto(hist, 0).has_value());
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), start);

    // Disconnect: table's input -> empty canvas below everything.
    const QPointF empty = scene->itemsBoundingRect().bottomLeft() + QPointF(-40, 40);
    QVERIFY(view->viewport()->rect().contains(at(empty)));
    QTest::mousePress(viewport, Qt::LeftButton, {}, at(inPort(scene, table)));
    QTest::mouseMove(viewport, at(empty));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(empty));
    QCOMPARE(model.connectionCount(), 0);
    editor.undoStack()->undo();
    QCOMPARE(engine::WorkflowFile::serialize(model), start);
}

// A person renames a node: F2 on the selected node, a double click on its title, or the
// context menu's Rename…, each opening a line edit over the title. Enter keeps the name
// (one undoable edit), Escape drops it, typing in it never reaches the editor's shortcuts
// (Backspace does not delete the node), and the canvas draws the new title.
void TestGraphEditor::renameNode()
{
    GraphModel model(engine::BuiltinNodes::registry());
    engine::Executor executor(model);
    GraphEditor editor(model, executor);
    editor.resize(900, 600);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    const int tree = editor.addNode(QStringLiteral("model.decision_tree"), { 0, 0 });
    QVERIFY(tree > 0);
    widgets::NodeItem *item = editor.scene()->nodeItem(tree);
    QCOMPARE(item->title(), QStringLiteral("Decision Tree"));
    QUndoStack *undo = editor.undoStack();
    const int steps = undo->count();

    // F2 on the selected node.
    editor.scene()->selectNodes({ tree });
    QVERIFY(editor.renameAction()->isEnabled());
    editor.view()->setFocus();
    QTest::keyClick(editor.view()->viewport(), Qt::Key_F2);
    auto *edit = editor.findChild<QLineEdit *>(QStringLiteral("nodeRenameEdit"));
    QVERIFY(edit);
    QTRY_VERIFY(edit->hasFocus());
    QCOMPARE(edit->text(), QStringLiteral("Decision Tree"));
    QVERIFY(edit->hasSelectedText()); // typing replaces it
    QTest::keyClicks(edit, QStringLiteral("Depth 3 treex"));
    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(model.hasNode(tree)); // the key was the line edit's
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(model.label(tree), QStringLiteral("Depth 3 tree"));
    QCOMPARE(item->title(), QStringLiteral("Depth 3 tree"));
    QVERIFY(item->toolTip().contains(QStringLiteral("Decision Tree")));
    QCOMPARE(undo->count(), steps + 1);
    QTRY_VERIFY(!editor.findChild<QLineEdit *>(QStringLiteral("nodeRenameEdit")));

    // Undo and redo.
    undo->undo();
    QCOMPARE(model.label(tree), QString());
    QCOMPARE(item->title(), QStringLiteral("Decision Tree"));
    undo->redo();
    QCOMPARE(item->title(), QStringLiteral("Depth 3 tree"));

    // A double click on the title renames; Escape drops the edit (the run is not cancelled
    // and nothing changes).
    QSignalSpy opened(&editor, &GraphEditor::openViewRequested);
    const QPointF onTitle = item->mapToScene(widgets::NodeItem::titleRect().center());
    sendMouse(editor.scene(), QEvent::GraphicsSceneMouseDoubleClick, onTitle);
    QTRY_VERIFY((edit = editor.findChild<QLineEdit *>(QStringLiteral("nodeRenameEdit"))));
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, QStringLiteral("Something else"));
    QTest::keyClick(edit, Qt::Key_Escape);
    QCOMPARE(model.label(tree), QStringLiteral("Depth 3 tree"));
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(opened.count(), 0);

    // The context menu offers Rename…; clearing the name gives the type's name back.
    std::unique_ptr<QMenu> menu(editor.createNodeMenu(tree));
    QVERIFY(menu);
    QAction *rename = menu->findChild<QAction *>(QStringLiteral("renameNode"));
    QVERIFY(rename);
    rename->trigger();
    QTRY_VERIFY((edit = editor.findChild<QLineEdit *>(QStringLiteral("nodeRenameEdit"))));
    QTRY_VERIFY(edit->hasFocus());
    edit->clear();
    QTest::keyClick(edit, Qt::Key_Enter);
    QCOMPARE(model.label(tree), QString());
    QCOMPARE(item->title(), QStringLiteral("Decision Tree"));
    QCOMPARE(undo->count(), steps + 2);

    // Copied and pasted, the name goes along.
    QVERIFY(model.setLabel(tree, QStringLiteral("Pruned")).ok());
    const QList<int> pasted = editor.pasteJson(editor.nodesToJson({ tree }), { 0, 200 });
    QCOMPARE(pasted.size(), 1);
    QCOMPARE(model.label(pasted.front()), QStringLiteral("Pruned"));
    QCOMPARE(editor.scene()->nodeItem(pasted.front())->title(), QStringLiteral("Pruned"));
}

QTEST_MAIN(TestGraphEditor)
#include "tst_grapheditor.moc"
