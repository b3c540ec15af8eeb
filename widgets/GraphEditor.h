#pragma once

#include "graph/Connection.h"
#include "graph/NodeStatus.h"
#include "graph/RunSummary.h"

#include <QByteArray>
#include <QPointF>
#include <QPointer>
#include <QSet>
#include <QVariantMap>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QProgressBar;
class QToolBar;
class QUndoStack;

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::widgets {

class GraphScene;
class GraphView;
class NodePalette;
class PropertyPanel;

// The node editor as one widget, for a tab of the main window: palette | canvas | property
// panel, a message panel under the canvas, a tool bar and a status line.
//
// Edits the given GraphModel only through its QUndoStack (add, delete, move, connect,
// disconnect, parameter edits, paste), and runs it with the given Executor, whose status
// and progress it shows on the nodes. Both must outlive the editor.
//
// Shortcuts (active while the focus is inside the editor): Run Ctrl+R / F5, Run to here
// Shift+F5, Cancel Esc / Ctrl+., Delete Del / Backspace, Copy/Paste, Undo/Redo, Fit Home,
// Rename F2.
class GraphEditor : public QWidget {
    Q_OBJECT

public:
    // Mime type of copied nodes (the clipboard also gets the same JSON as text).
    static QString clipboardMimeType() { return QStringLiteral("application/x-sextant-nodes"); }

    GraphEditor(engine::GraphModel &model, engine::Executor &executor, QWidget *parent = nullptr);
    ~GraphEditor() override;

    engine::GraphModel &model() const { return m_model; }
    engine::Executor &executor() const { return m_executor; }
    QUndoStack *undoStack() const { return m_undoStack; }
    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    NodePalette *palette() const { return m_palette; }
    PropertyPanel *propertyPanel() const { return m_properties; }
    QListWidget *messageList() const { return m_messages; }
    QLabel *statusLabel() const { return m_status; }
    QToolBar *toolBar() const { return m_toolBar; }

    QAction *runAction() const { return m_runAction; }
    QAction *runToHereAction() const { return m_runToHereAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *pasteAction() const { return m_pasteAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *fitAction() const { return m_fitAction; }
    QAction *renameAction() const { return m_renameAction; }

    // Edits through the undo stack. addNode returns the new id, 0 when refused (the
    // message panel says why); connectPorts returns whether the connection was made.
    int addNode(const QString &typeId, QPointF position, const QVariantMap &parameters = {});
    bool connectPorts(const engine::Connection &connection);
    // Adds a File node reading `path` (with the parameters the file parameter hook gives,
    // if one is set; 0 when the hook cancels), or an Image Folder node when `path` is a
    // folder.
    int addFileNode(const QString &path, QPointF position);
    // Asked, before a File node is added for `path`, for more of its parameters (the sheet
    // of a workbook, which the studio asks the person for): the parameters, or nothing
    // to cancel the open. Unset: none asked.
    using FileParameterHook = std::function<std::optional<QVariantMap>(const QString &path)>;
    void setFileParameterHook(FileParameterHook hook) { m_fileParameterHook = std::move(hook); }
    // What opening a dataset does, wherever it comes from (a drop on the canvas or the
    // window, File > Open, the command line, recent files): selects the File node that
    // already reads `path`, or adds one (undoable) at `position` — below the other nodes
    // when none is given — and selects it. A folder is read by an Image Folder node
    // instead. Emits datasetFileOpened; returns the node's id (0 when it could not be
    // added).
    int openDatasetFile(const QString &path, std::optional<QPointF> position = std::nullopt);
    // The File (or Image Folder) node reading `path` (resolved against the workflow's
    // folder), or 0.
    int fileNodeReading(const QString &path) const;

    // JSON of nodes `ids` and the connections among them (what Copy puts on the clipboard).
    QByteArray nodesToJson(const QList<int> &ids) const;
    // Pastes JSON made by nodesToJson with fresh ids, shifted by `offset`; selects the
    // pasted nodes and returns their ids (empty when the data is not usable).
    QList<int> pasteJson(const QByteArray &json, QPointF offset);

    // Starts renaming node `id` in place: a line edit over its title (Enter keeps the name
    // as one undoable edit, Escape drops it, an empty name or the type's name gives the
    // node its type's name back). What F2, a double click on the title and the node's
    // context menu do. Returns the line edit (null when there is no such node).
    QLineEdit *renameNode(int id);
    // The context menu of node `id` (Rename…, then what nodeMenuAboutToShow adds); the
    // caller owns it. Null when there is no such node.
    QMenu *createNodeMenu(int id, QWidget *parent = nullptr);

    // Adds a line to the message panel (and the status line).
    void showMessage(const QString &text, bool isError = false);

    // Asked before every run (Run, Run to Here); returning false cancels it. The window
    // confirms this way a run that would read files outside the workflow's folder.
    using RunGuard = std::function<bool()>;
    void setRunGuard(RunGuard guard) { m_runGuard = std::move(guard); }

    // Runs `targets` and what they need, as Run to Here does for the selection (the run
    // guard asked, the progress shown). False when the run did not start: one of the
    // editor's runs is not over yet, another run is in progress, or the guard refused.
    bool runNodes(const QList<int> &targets);
    // One of the editor's runs has not finished yet (its end not yet received).
    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void run();
    void runToSelection();
    void cancel();
    void deleteSelection();
    void copySelection();
    void paste();
    void fitToView();

Q_SIGNALS:
    // A sink node (table, plot) was double-clicked: show what it produced.
    void openViewRequested(int nodeId);
    // A workflow file (.sextant) was dropped on the canvas: the window opens it (it does
    // not become a File node).
    void workflowFileDropped(const QString &path);
    // openDatasetFile added or selected File node `nodeId` for `path` (absolute).
    void datasetFileOpened(int nodeId, const QString &path);
    // The context menu of node `nodeId` is being built: add actions to `menu` (the window
    // adds Save Trained Model… for a model node).
    void nodeMenuAboutToShow(int nodeId, QMenu *menu);

private:
    void createActions();
    void startRun(const QList<int> &targets);
    void onSelectionChanged();
    void onNodeStatus(int id, engine::NodeStatus status, const QString &message);
    void onRunFinished(const engine::RunSummary &summary);
    void updateActions();
    QPointF viewCentre() const;
    // `position`, or the first spot to its right where no node is.
    QPointF freePositionNear(QPointF position) const;

    engine::GraphModel &m_model;
    engine::Executor &m_executor;
    FileParameterHook m_fileParameterHook;
    QUndoStack *m_undoStack;
    GraphScene *m_scene;
    GraphView *m_view;
    NodePalette *m_palette;
    PropertyPanel *m_properties;
    QListWidget *m_messages;
    QLabel *m_status;
    QProgressBar *m_progress;
    QToolBar *m_toolBar;

    QAction *m_runAction = nullptr;
    QAction *m_runToHereAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_renameAction = nullptr;
    QPointer<QLineEdit> m_renameEdit; // while a node is renamed

    bool m_running = false;
    QSet<int> m_runNodes; // nodes queued in the current run
    QSet<int> m_finishedNodes; // of those, the ones with a final status
    int m_pasteCount = 0;
    int m_insertCount = 0;
    RunGuard m_runGuard;
};

} // namespace sextant::widgets
