#pragma once

#include <QObject>
#include <QString>
#include <functional>

class QUndoStack;
class QWidget;

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::app {

// The workflow in the editor as a document: New, Open, Save, Save As, a modified flag that
// follows the editor's undo stack (clean after a save or a load), and a Save / Discard /
// Cancel question before unsaved changes would be lost. Relative file paths in the graph
// are taken from the workflow's folder and rewritten (one undo step) when Save As moves
// the workflow to another folder.
//
// Says what happened through signals; the window shows them (banner, status bar, title).
// GUI thread only. The graph, the executor and the undo stack must outlive the document.
class WorkflowDocument : public QObject {
    Q_OBJECT
public:
    enum class UnsavedChoice { Save, Discard, Cancel };
    // Asks what to do with unsaved changes to `workflowName`; the default shows a
    // QMessageBox. Tests set their own.
    using UnsavedChangesPrompt = std::function<UnsavedChoice(const QString &workflowName)>;
    // Asks where to save (Save As, Save of an untitled workflow); empty cancels. The
    // default shows a QFileDialog starting at `suggestion`.
    using SavePathPrompt = std::function<QString(const QString &suggestion)>;

    // `dialogParent` parents the default prompts and file dialogs.
    WorkflowDocument(engine::GraphModel &graph, engine::Executor &executor, QUndoStack *undoStack,
        QWidget *dialogParent);

    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt);
    void setSavePathPrompt(SavePathPrompt prompt);

    // Each returns false when it did not happen: cancelled by the person, or refused (a
    // file that cannot be read or written: failed() says why, the graph is unchanged).
    bool newWorkflow();
    bool open(const QString &path);
    bool save();
    // With an empty path: asks for one.
    bool saveAs(const QString &path = {});
    // Crash recovery: puts a recovered workflow (WorkflowFile JSON) in place of the open one
    // as unsaved changes to `originalPath` (empty: untitled, relative paths taken from
    // `baseDirectory`); only Save writes it there. False, with the reason, when the
    // workflow is refused (the graph is unchanged then).
    bool restore(const QByteArray &workflow, const QString &originalPath,
        const QString &baseDirectory, QString *error = nullptr);
    // Asks for a workflow file and opens it.
    void openDialog();
    // True when it is fine to drop the workflow (saved, discarded, nothing to lose).
    bool maybeSave();

    // Absolute path of the open workflow file; empty for an untitled one.
    QString path() const { return m_path; }
    // The file's base name, or "Untitled".
    QString name() const;
    bool isModified() const;
    static bool isWorkflowFile(const QString &path);

Q_SIGNALS:
    // The open workflow file changed (New, Open, Save As); empty for an untitled one.
    void pathChanged(const QString &path);
    // The modified flag changed (an edit, an undo back to the saved state, a save).
    void modifiedChanged();
    // A new or opened workflow replaced the graph; `path` is empty for New.
    void replaced(const QString &path);
    // A workflow file was opened or written: for the recent files.
    void fileUsed(const QString &path);
    // Open or Save refused: `message` says which file and why.
    void failed(const QString &message);
    // One line for the status bar.
    void statusMessage(const QString &message);

private:
    void setPath(const QString &path);
    // Keeps relative file paths pointing at the same files when the workflow moves to
    // `newDirectory` (one undo step).
    void rebaseRelativePaths(const QString &newDirectory);

    engine::GraphModel &m_graph;
    engine::Executor &m_executor;
    QUndoStack *m_undoStack;
    QWidget *m_dialogParent;
    QString m_path;
    UnsavedChangesPrompt m_unsavedPrompt;
    SavePathPrompt m_savePathPrompt;
};

} // namespace sextant::app
