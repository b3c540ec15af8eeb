#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace sextant::app {

class MainWindow;

// Asks before the studio runs a workflow that reads files outside its own folder, so that
// running a workflow received from someone else cannot quietly read `/etc/…` or `../../…`
// (the command line's counterpart is `sextant run --allow-outside-paths`).
//
// Allowed without asking: files in the workflow's folder, in the folders the person opened
// data from in this session, and in the folders of the recent files (engine::WorkflowPaths
// decides, symlinks resolved). Anything else is listed in a dialog before the run; the
// answer is remembered for that workflow file (and those paths) for the session.
class RunPathGuard : public QObject {
    Q_OBJECT

public:
    // Installs itself as the window's workflow editor's run guard.
    explicit RunPathGuard(MainWindow &window, QObject *parent = nullptr);
    // Removes itself from the editor.
    ~RunPathGuard() override;

    // Whether the person agrees to run a workflow reading the files in `lines`
    // (WorkflowPaths::describe); the default shows a dialog.
    using Prompt = std::function<bool(const QString &workflowName, const QStringList &lines)>;
    void setPrompt(Prompt prompt);

    // The folders a workflow may read from without asking (besides its own).
    QStringList allowedFolders() const;
    // True when the open workflow may run now (asks when needed).
    bool allowRun();

private:
    bool askWithDialog(const QString &workflowName, const QStringList &lines) const;

    MainWindow &m_window;
    QStringList m_sessionFolders; // folders of the data files opened in this session
    QHash<QString, QSet<QString>> m_approved; // workflow file -> resolved paths agreed to
    Prompt m_prompt;
};

} // namespace sextant::app
