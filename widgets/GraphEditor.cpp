#include "widgets/GraphEditor.h"

#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeContext.h"
#include "graph/WorkflowFile.h"
#include "nodes/FileSourceNode.h"
#include "nodes/ImageFolderNode.h"
#include "widgets/GraphCommands.h"
#include "widgets/GraphScene.h"
#include "widgets/GraphView.h"
#include "widgets/NodeItem.h"
#include "widgets/NodePalette.h"
#include "widgets/NodeSearchPopup.h"
#include "widgets/PropertyPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace sextant::widgets {

using engine::Connection;
using engine::NodeStatus;

namespace {
constexpr int kMaxPastedNodes = 1000;
}

GraphEditor::GraphEditor(engine::GraphModel &model, engine::Executor &executor, QWidget *parent)
    : QWidget(parent), m_model(model), m_executor(executor), m_undoStack(new QUndoStack(this)),
      m_scene(new GraphScene(model, this)), m_view(new GraphView(m_scene)),
      m_palette(new NodePalette(model.registry())),
      m_properties(new PropertyPanel(model, m_undoStack)), m_messages(new QListWidget),
      m_status(new QLabel), m_progress(new QProgressBar), m_toolBar(new QToolBar)
{
    m_properties->setExecutor(&m_executor);
    m_messages->setObjectName(QStringLiteral("graphMessages"));
    m_messages->setWordWrap(true);
    m_messages->setMaximumHeight(120);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(14);
    m_progress->hide();
    m_status->setText(tr("Ready"));

    auto *centre = new QSplitter(Qt::Vertical);
    centre->addWidget(m_view);
    centre->addWidget(m_messages);
    centre->setStretchFactor(0, 1);
    centre->setStretchFactor(1, 0);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_palette);
    split->addWidget(centre);
    split->addWidget(m_properties);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({ 170, 600, 260 });

    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(4, 0, 4, 2);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(split, 1);
    layout->addLayout(statusRow);

    createActions();

    // Canvas requests -> undo commands.
    connect(m_scene, &GraphScene::moveRequested, this,
        [this](const QHash<int, QPointF> &from, const QHash<int, QPointF> &to) {
            m_undoStack->push(new MoveNodesCommand(m_model, from, to));
        });
    connect(m_scene, &GraphScene::connectionRequested, this, &GraphEditor::connectPorts);
    connect(m_scene, &GraphScene::disconnectRequested, this,
        [this](const Connection &c) { m_undoStack->push(new DisconnectCommand(m_model, c)); });
    connect(m_scene, &GraphScene::reconnectRequested, this,
        [this](const Connection &from, const Connection &to) {
            m_undoStack->push(new ReconnectCommand(m_model, from, to));
        });
    connect(m_scene, &GraphScene::connectionRefused, this,
        [this](const QString &reason) { showMessage(tr("Not connected: %1").arg(reason), true); });
    connect(m_scene, &GraphScene::nodeDoubleClicked, this, [this](int id) {
        const engine::NodeType *type = m_model.nodeType(id);
        // Sinks, and views that also output a table (Dendrogram, t-SNE, MDS).
        if (type && (type->isSink() || type->category == QLatin1String("View")))
            Q_EMIT openViewRequested(id);
    });
    connect(m_scene, &GraphScene::nodeRenameRequested, this, &GraphEditor::renameNode);
    connect(m_scene, &GraphScene::nodeContextMenuRequested, this,
        [this](int id, const QPoint &screenPos) {
            std::unique_ptr<QMenu> menu(createNodeMenu(id, this));
            if (menu)
                menu->exec(screenPos);
        });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphEditor::onSelectionChanged);
    connect(m_view, &GraphView::fileDropped, this, [this](const QString &path, QPointF pos) {
        if (QFileInfo(path).suffix().compare(engine::WorkflowFile::suffix(), Qt::CaseInsensitive)
            == 0)
            Q_EMIT workflowFileDropped(path);
        else
            openDatasetFile(path, pos);
    });
    connect(m_view, &GraphView::nodeTypeDropped, this,
        [this](const QString &typeId, QPointF pos) { addNode(typeId, pos); });
    connect(m_view, &GraphView::quickInsertRequested, this, [this](QPointF pos, QPoint global) {
        auto *popup = new NodeSearchPopup(m_model.registry(), this);
        connect(popup, &NodeSearchPopup::typeChosen, this,
            [this, pos](const QString &typeId) { addNode(typeId, pos); });
        popup->popup(global);
    });
    connect(m_palette, &NodePalette::nodeTypeActivated, this, [this](const QString &typeId) {
        const QPointF offset(30.0 * (m_insertCount % 8), 30.0 * (m_insertCount % 8));
        ++m_insertCount;
        addNode(typeId, freePositionNear(viewCentre() + offset));
    });

    // A node that appears (added, undone, pasted) shows what the executor knows of it.
    connect(&m_model, &engine::GraphModel::nodeAdded, this, [this](int id) {
        const engine::NodeState state = m_executor.state(id);
        m_scene->setNodeStatus(id, state.status, state.message);
    });
    connect(&m_model, &engine::GraphModel::changed, this, &GraphEditor::updateActions);

    // Worker thread -> GUI thread: queued.
    connect(&m_executor, &engine::Executor::nodeStatusChanged, this, &GraphEditor::onNodeStatus,
        Qt::QueuedConnection);
    // Worker thread -> GUI thread: queued.
    connect(&m_executor, &engine::Executor::nodeProgress, m_scene, &GraphScene::setNodeProgress,
        Qt::QueuedConnection);
    // Worker thread -> GUI thread: queued.
    connect(&m_executor, &engine::Executor::runFinished, this, &GraphEditor::onRunFinished,
        Qt::QueuedConnection);

    for (int id : m_model.nodeIds()) {
        const engine::NodeState state = m_executor.state(id);
        m_scene->setNodeStatus(id, state.status, state.message);
    }
    m_running = m_executor.isRunning();
    updateActions();
}

GraphEditor::~GraphEditor()
{
    // Children are deleted after this body, when this object is no longer a GraphEditor:
    // cut every signal into it first, and take the scene down while the rest still lives.
    disconnect(&m_model, nullptr, this, nullptr);
    disconnect(&m_executor, nullptr, this, nullptr);
    disconnect(m_scene, nullptr, this, nullptr);
    disconnect(m_view, nullptr, this, nullptr);
    disconnect(m_palette, nullptr, this, nullptr);
    delete m_scene;
    m_scene = nullptr;
}

void GraphEditor::createActions()
{
    const auto make
        = [this](const QString &text, const QList<QKeySequence> &keys, const QString &tip) {
              auto *action = new QAction(text, this);
              action->setShortcuts(keys);
              action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
              action->setToolTip(tip);
              addAction(action);
              return action;
          };
    m_runAction = make(tr("Run"), { QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5) },
        tr("Run the whole workflow (Ctrl+R, F5)"));
    m_runToHereAction = make(tr("Run to Here"), { QKeySequence(Qt::SHIFT | Qt::Key_F5) },
        tr("Run the selected nodes and what they need (Shift+F5)"));
    m_cancelAction = make(tr("Cancel"),
        { QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_Period) },
        tr("Stop the running workflow (Esc, Ctrl+.)"));
    m_deleteAction = make(tr("Delete"),
        { QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace) },
        tr("Delete the selected nodes and connections"));
    m_copyAction = make(
        tr("Copy"), QKeySequence::keyBindings(QKeySequence::Copy), tr("Copy the selected nodes"));
    m_pasteAction
        = make(tr("Paste"), QKeySequence::keyBindings(QKeySequence::Paste), tr("Paste nodes"));
    m_fitAction
        = make(tr("Fit"), { QKeySequence(Qt::Key_Home) }, tr("Show the whole graph (Home)"));
    m_renameAction = make(tr("Rename…"), { QKeySequence(Qt::Key_F2) },
        tr("Give the selected node a name of your own (F2)"));
    m_renameAction->setObjectName(QStringLiteral("renameNodeAction"));

    m_undoAction = m_undoStack->createUndoAction(this, tr("Undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    m_redoAction = m_undoStack->createRedoAction(this, tr("Redo"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_redoAction);

    connect(m_runAction, &QAction::triggered, this, &GraphEditor::run);
    connect(m_runToHereAction, &QAction::triggered, this, &GraphEditor::runToSelection);
    connect(m_cancelAction, &QAction::triggered, this, &GraphEditor::cancel);
    connect(m_deleteAction, &QAction::triggered, this, &GraphEditor::deleteSelection);
    connect(m_copyAction, &QAction::triggered, this, &GraphEditor::copySelection);
    connect(m_pasteAction, &QAction::triggered, this, &GraphEditor::paste);
    connect(m_fitAction, &QAction::triggered, this, &GraphEditor::fitToView);
    connect(m_renameAction, &QAction::triggered, this, [this] {
        const QList<int> ids = m_scene->selectedNodeIds();
        if (ids.size() == 1)
            renameNode(ids.front());
    });

    m_toolBar->addAction(m_runAction);
    m_toolBar->addAction(m_runToHereAction);
    m_toolBar->addAction(m_cancelAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);
    m_toolBar->addAction(m_copyAction);
    m_toolBar->addAction(m_pasteAction);
    m_toolBar->addAction(m_fitAction);
}

QPointF GraphEditor::freePositionNear(QPointF position) const
{
    // Roughly a node's footprint: a new node never lands on top of another one.
    constexpr qreal kWidth = 200, kHeight = 90;
    for (int step = 0; step < 50; ++step) {
        bool taken = false;
        for (int id : m_model.nodeIds()) {
            const QPointF p = m_model.position(id);
            if (std::abs(p.x() - position.x()) < kWidth
                && std::abs(p.y() - position.y()) < kHeight) {
                taken = true;
                break;
            }
        }
        if (!taken)
            break;
        position.rx() += kWidth + 20;
    }
    return position;
}

QPointF GraphEditor::viewCentre() const
{
    return m_view->mapToScene(m_view->viewport()->rect().center());
}

void GraphEditor::updateActions()
{
    const bool hasSelection = !m_scene->selectedItems().isEmpty();
    m_runAction->setEnabled(!m_running && m_model.nodeCount() > 0);
    m_runToHereAction->setEnabled(!m_running && !m_scene->selectedNodeIds().isEmpty());
    m_cancelAction->setEnabled(m_running);
    m_deleteAction->setEnabled(hasSelection);
    m_copyAction->setEnabled(!m_scene->selectedNodeIds().isEmpty());
    m_renameAction->setEnabled(m_scene->selectedNodeIds().size() == 1);
}

void GraphEditor::showMessage(const QString &text, bool isError)
{
    auto *item = new QListWidgetItem(text, m_messages);
    if (isError)
        item->setForeground(QColor(0xc6, 0x28, 0x28));
    m_messages->scrollToItem(item);
    m_status->setText(text);
}

// --- edits

int GraphEditor::addNode(const QString &typeId, QPointF position, const QVariantMap &parameters)
{
    const engine::NodeType *type = m_model.registry().find(typeId);
    if (!type) {
        showMessage(tr("Unknown node type \"%1\".").arg(typeId), true);
        return 0;
    }
    const engine::Result<QVariantMap> params = type->completeParameters(parameters);
    if (!params) {
        showMessage(params.error(), true);
        return 0;
    }
    engine::NodeRecord record;
    record.typeId = typeId;
    record.position = position;
    record.parameters = params.value();
    auto *command = new AddNodeCommand(m_model, record);
    // The index, not the count: after an undo, a push replaces the undone commands.
    const int before = m_undoStack->index();
    m_undoStack->push(command); // deleted by the stack if its redo failed
    if (m_undoStack->index() == before) {
        showMessage(tr("Could not add %1.").arg(type->displayName), true);
        return 0;
    }
    const int id = command->nodeId();
    m_scene->selectNodes({ id });
    return id;
}

int GraphEditor::addFileNode(const QString &path, QPointF position)
{
    if (QFileInfo(path).isDir()) // a folder of class subfolders of images
        return addNode(engine::ImageFolderNode::typeId(), position,
            { { QStringLiteral("path"), QFileInfo(path).absoluteFilePath() } });
    QVariantMap parameters;
    if (m_fileParameterHook) {
        const std::optional<QVariantMap> more = m_fileParameterHook(path);
        if (!more)
            return 0;
        parameters = *more;
    }
    parameters.insert(QStringLiteral("path"), QFileInfo(path).absoluteFilePath());
    return addNode(engine::FileSourceNode::typeId(), position, parameters);
}

int GraphEditor::fileNodeReading(const QString &path) const
{
    const QString wanted = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (int id : m_model.nodeIds()) {
        const engine::NodeType *type = m_model.nodeType(id);
        if (!type
            || (type->id != engine::FileSourceNode::typeId()
                && type->id != engine::ImageFolderNode::typeId()))
            continue;
        const QString raw = m_model.parameter(id, QStringLiteral("path")).toString();
        if (raw.isEmpty())
            continue;
        const QString read = QDir::cleanPath(
            QFileInfo(engine::NodeContext::resolvePath(raw, m_model.baseDirectory()))
                .absoluteFilePath());
        if (read == wanted)
            return id;
    }
    return 0;
}

int GraphEditor::openDatasetFile(const QString &path, std::optional<QPointF> position)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    int id = fileNodeReading(absolute);
    if (id != 0) {
        m_scene->selectNodes({ id });
        if (NodeItem *item = m_scene->nodeItem(id))
            m_view->ensureVisible(item);
    } else {
        QPointF at;
        if (position) {
            at = *position;
        } else if (m_model.nodeCount() > 0) {
            // Below the lowest node, in line with the leftmost one.
            qreal left = std::numeric_limits<qreal>::max();
            qreal bottom = std::numeric_limits<qreal>::lowest();
            for (int n : m_model.nodeIds()) {
                const QPointF p = m_model.position(n);
                left = std::min(left, p.x());
                bottom = std::max(bottom, p.y());
            }
            at = QPointF(left, bottom + 110);
        }
        id = addFileNode(absolute, at);
        if (id == 0)
            return 0;
        if (NodeItem *item = m_scene->nodeItem(id))
            m_view->ensureVisible(item);
    }
    Q_EMIT datasetFileOpened(id, absolute);
    return id;
}

bool GraphEditor::connectPorts(const Connection &connection)
{
    const engine::Status status = m_model.canConnect(connection);
    if (!status) {
        showMessage(tr("Not connected: %1").arg(status.error()), true);
        return false;
    }
    m_undoStack->push(new ConnectCommand(m_model, connection));
    return m_scene->connectionItem(connection) != nullptr;
}

void GraphEditor::deleteSelection()
{
    const QList<int> nodes = m_scene->selectedNodeIds();
    QList<Connection> connections;
    for (const Connection &c : m_scene->selectedConnections()) {
        if (!nodes.contains(c.fromNode) && !nodes.contains(c.toNode))
            connections.append(c);
    }
    if (nodes.isEmpty() && connections.isEmpty())
        return;
    const bool macro = !connections.isEmpty() && (connections.size() > 1 || !nodes.isEmpty());
    if (macro)
        m_undoStack->beginMacro(tr("Delete selection"));
    for (const Connection &c : std::as_const(connections))
        m_undoStack->push(new DisconnectCommand(m_model, c));
    if (!nodes.isEmpty())
        m_undoStack->push(new RemoveNodesCommand(m_model, nodes));
    if (macro)
        m_undoStack->endMacro();
}

QByteArray GraphEditor::nodesToJson(const QList<int> &ids) const
{
    QJsonArray nodes;
    for (int id : ids) {
        const std::optional<engine::NodeRecord> record = m_model.node(id);
        if (!record)
            continue;
        QJsonObject node;
        node.insert(QStringLiteral("id"), id);
        node.insert(QStringLiteral("type"), record->typeId);
        node.insert(
            QStringLiteral("position"), QJsonArray { record->position.x(), record->position.y() });
        node.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(record->parameters));
        if (!record->label.isEmpty())
            node.insert(QStringLiteral("label"), record->label);
        nodes.append(node);
    }
    QJsonArray connections;
    for (const Connection &c : m_model.connections()) {
        if (!ids.contains(c.fromNode) || !ids.contains(c.toNode))
            continue;
        connections.append(QJsonObject { { QStringLiteral("from"), c.fromNode },
            { QStringLiteral("output"), c.fromPort }, { QStringLiteral("to"), c.toNode },
            { QStringLiteral("input"), c.toPort } });
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("sextant-nodes"));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("nodes"), nodes);
    root.insert(QStringLiteral("connections"), connections);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QList<int> GraphEditor::pasteJson(const QByteArray &json, QPointF offset)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject root = doc.object();
    if (error.error != QJsonParseError::NoError
        || root.value(QStringLiteral("format")).toString() != QStringLiteral("sextant-nodes")) {
        return {};
    }
    QList<engine::NodeRecord> records;
    QSet<int> ids;
    const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &value : nodes) {
        if (records.size() >= kMaxPastedNodes)
            break;
        const QJsonObject node = value.toObject();
        const QJsonArray pos = node.value(QStringLiteral("position")).toArray();
        engine::NodeRecord record;
        record.id = node.value(QStringLiteral("id")).toInt();
        record.typeId = node.value(QStringLiteral("type")).toString();
        record.position = QPointF(pos.at(0).toDouble(), pos.at(1).toDouble()) + offset;
        const engine::NodeType *type = m_model.registry().find(record.typeId);
        if (!type || record.id <= 0 || ids.contains(record.id))
            continue;
        const engine::Result<QVariantMap> params = type->completeParameters(
            node.value(QStringLiteral("parameters")).toObject().toVariantMap());
        if (!params)
            continue;
        record.parameters = params.value();
        record.label = node.value(QStringLiteral("label"))
                           .toString()
                           .simplified()
                           .left(engine::GraphModel::kMaxLabelLength);
        ids.insert(record.id);
        records.append(record);
    }
    QList<Connection> connections;
    for (const QJsonValue &value : root.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = value.toObject();
        connections.append(Connection { c.value(QStringLiteral("from")).toInt(),
            c.value(QStringLiteral("output")).toInt(), c.value(QStringLiteral("to")).toInt(),
            c.value(QStringLiteral("input")).toInt() });
    }
    if (records.isEmpty())
        return {};
    auto *command = new PasteCommand(m_model, records, connections);
    const int before = m_undoStack->index(); // not count(): see addNode
    m_undoStack->push(command);
    if (m_undoStack->index() == before)
        return {};
    const QList<int> pasted = command->pastedIds();
    m_scene->selectNodes(pasted);
    return pasted;
}

void GraphEditor::copySelection()
{
    const QList<int> ids = m_scene->selectedNodeIds();
    if (ids.isEmpty())
        return;
    const QByteArray json = nodesToJson(ids);
    auto *mime = new QMimeData;
    mime->setData(clipboardMimeType(), json);
    mime->setText(QString::fromUtf8(json));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_pasteCount = 0;
}

void GraphEditor::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return;
    const QByteArray json = mime->hasFormat(clipboardMimeType()) ? mime->data(clipboardMimeType())
                                                                 : mime->text().toUtf8();
    ++m_pasteCount;
    if (pasteJson(json, QPointF(40, 40) * m_pasteCount).isEmpty())
        showMessage(tr("The clipboard holds no nodes to paste."));
}

void GraphEditor::fitToView()
{
    m_view->fitToView();
}

// --- renaming

namespace {

// The line edit over a node's title while it is renamed: Enter (or leaving it) keeps the
// name, Escape drops it. Both keys are its own while it has the focus, not the editor's
// shortcuts (Escape is Cancel there).
class RenameEdit : public QLineEdit {
public:
    RenameEdit(QWidget *parent, std::function<void(bool keep)> done)
        : QLineEdit(parent), m_done(std::move(done))
    {
    }
    // Ends the edit once: keeps the text or drops it, then goes.
    void finish(bool keep)
    {
        if (!m_done)
            return;
        const auto done = std::move(m_done);
        m_done = nullptr;
        setObjectName(QString()); // no longer the rename edit: it goes
        hide();
        done(keep);
        deleteLater();
    }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Escape || key == Qt::Key_Return || key == Qt::Key_Enter) {
                event->accept();
                return true;
            }
        }
        return QLineEdit::event(event);
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        const int key = event->key();
        if (key == Qt::Key_Escape || key == Qt::Key_Return || key == Qt::Key_Enter) {
            finish(key != Qt::Key_Escape);
            return;
        }
        QLineEdit::keyPressEvent(event);
    }
    void focusOutEvent(QFocusEvent *event) override
    {
        QLineEdit::focusOutEvent(event);
        if (event->reason() != Qt::PopupFocusReason)
            finish(true);
    }

private:
    std::function<void(bool)> m_done;
};

} // namespace

QLineEdit *GraphEditor::renameNode(int id)
{
    NodeItem *item = m_scene->nodeItem(id);
    if (!item)
        return nullptr;
    if (m_renameEdit)
        static_cast<RenameEdit *>(m_renameEdit.data())->finish(true);
    m_view->ensureVisible(item, 20, 20);
    auto *edit = new RenameEdit(m_view->viewport(), [this, id](bool keep) {
        const QString text = m_renameEdit ? m_renameEdit->text() : QString();
        m_view->setFocus();
        if (!keep || !m_model.hasNode(id))
            return;
        // The type's own name (or nothing) clears the label.
        const engine::NodeType *type = m_model.nodeType(id);
        QString label = text.simplified();
        if (type && label == type->displayName)
            label.clear();
        if (label != m_model.label(id))
            m_undoStack->push(new RenameNodeCommand(m_model, id, label));
    });
    edit->setObjectName(QStringLiteral("nodeRenameEdit"));
    edit->setMaxLength(engine::GraphModel::kMaxLabelLength);
    edit->setText(m_model.title(id));
    edit->setPlaceholderText(m_model.nodeType(id) ? m_model.nodeType(id)->displayName : QString());
    edit->setToolTip(
        tr("The node's name (Enter keeps it, Escape drops it; empty: its type's name)"));
    // Over the title, at least wide enough to type in whatever the zoom.
    const QRect title
        = m_view->mapFromScene(item->mapToScene(NodeItem::titleRect())).boundingRect();
    const int height = edit->sizeHint().height();
    edit->setGeometry(
        title.left(), title.center().y() - height / 2, std::max(title.width(), 160), height);
    edit->selectAll();
    edit->show();
    edit->setFocus(Qt::OtherFocusReason);
    m_renameEdit = edit;
    return edit;
}

QMenu *GraphEditor::createNodeMenu(int id, QWidget *parent)
{
    if (!m_model.hasNode(id))
        return nullptr;
    auto *menu = new QMenu(parent ? parent : this);
    menu->setObjectName(QStringLiteral("nodeMenu"));
    QAction *rename = menu->addAction(tr("&Rename…"), this, [this, id] { renameNode(id); });
    rename->setObjectName(QStringLiteral("renameNode"));
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    Q_EMIT nodeMenuAboutToShow(id, menu);
    return menu;
}

void GraphEditor::onSelectionChanged()
{
    const QList<int> ids = m_scene->selectedNodeIds();
    m_properties->setNode(ids.size() == 1 ? ids.first() : 0);
    updateActions();
}

// --- running

void GraphEditor::run()
{
    startRun({});
}

void GraphEditor::runToSelection()
{
    const QList<int> ids = m_scene->selectedNodeIds();
    if (!ids.isEmpty())
        startRun(ids);
}

bool GraphEditor::runNodes(const QList<int> &targets)
{
    if (m_running || targets.isEmpty())
        return false;
    startRun(targets);
    return m_running;
}

void GraphEditor::startRun(const QList<int> &targets)
{
    if (m_running)
        return;
    if (m_executor.isRunning()) {
        // A run another part of the studio started (the views loading a node's table).
        showMessage(tr("A run is in progress: wait for it to end, or cancel it (Esc)."));
        return;
    }
    if (m_model.nodeCount() == 0) {
        showMessage(tr("Nothing to run: add nodes first."));
        return;
    }
    if (m_runGuard && !m_runGuard())
        return;
    m_runNodes.clear();
    m_finishedNodes.clear();
    m_running = true;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_status->setText(tr("Running…"));
    if (!m_executor.run(targets)) {
        m_running = false;
        m_progress->hide();
        showMessage(tr("Could not start the run."), true);
    }
    updateActions();
}

void GraphEditor::cancel()
{
    if (m_executor.isRunning()) {
        m_executor.cancel();
        m_status->setText(tr("Cancelling…"));
    }
}

void GraphEditor::onNodeStatus(int id, NodeStatus status, const QString &message)
{
    m_scene->setNodeStatus(id, status, message);
    if (!m_running)
        return;
    if (status == NodeStatus::Queued)
        m_runNodes.insert(id);
    else if (engine::isFinal(status))
        m_finishedNodes.insert(id);
    if (!m_runNodes.isEmpty()) {
        m_progress->setRange(0, int(m_runNodes.size()));
        m_progress->setValue(int(m_finishedNodes.size()));
    }
}

void GraphEditor::onRunFinished(const engine::RunSummary &summary)
{
    m_running = false;
    m_progress->hide();
    for (int id : summary.failed) {
        const engine::NodeType *type = m_model.nodeType(id);
        showMessage(tr("%1 #%2 failed: %3")
                        .arg(type ? type->displayName : tr("Node"))
                        .arg(id)
                        .arg(summary.failureMessages.value(id)),
            true);
    }
    if (summary.cancelled)
        showMessage(tr("Run cancelled."));
    else if (!summary.started)
        showMessage(tr("Run not started: %1").arg(summary.error), true);
    else if (summary.failed.isEmpty())
        m_status->setText(tr("Run finished in %1 ms: %2 run, %3 reused.")
                              .arg(summary.elapsedMs)
                              .arg(summary.executed.size())
                              .arg(summary.reused.size()));
    // Column pickers may now know the upstream columns.
    m_properties->refresh();
    updateActions();
}

} // namespace sextant::widgets
