#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

class QLockFile;

namespace sextant::app {

class MainWindow;

// Crash recovery for the studio: nothing the person made is lost when the process dies.
//
// While the open workflow has unsaved changes, a copy of it (with the window's layout and
// dock state, the workflow's file name and folder) is kept in a recovery file, written
// atomically (AtomicFile): every interval (a minute) when something changed, and soon
// after every structural change (node added or removed, connection made or removed). When
// there is nothing unsaved the file is removed.
//
// Each running studio has its own file, "<session>.sextant-recovery", and holds a lock
// "<session>.lock" (QLockFile) while it runs, in the recovery folder
// (QStandardPaths::AppLocalDataLocation/recovery). A clean exit (finish(): the window
// closed after the person saved or discarded the changes) removes both. A file whose lock
// is not held by a running process belongs to a session that crashed or was killed: at the
// next start offerRecovery() asks, for each such file (newest first), whether to restore it
// or discard it. Restoring puts the workflow in the window as an unsaved modification of
// the file it came from (Save writes to that file when the person asks; nothing is written
// to it on its own) and restores the layout.
//
// Configuration (for tests, or a person who wants it elsewhere): SEXTANT_RECOVERY_DIR (the
// folder), SEXTANT_AUTOSAVE_INTERVAL_MS (the interval), or the setters before start().
// Test hooks, read by start() and offerRecovery() only when set:
//   SEXTANT_RECOVERY_ANSWER=restore|discard  answers the recovery question without a
//                                            dialog and prints what was offered and done
//   SEXTANT_TEST_ADD_NODE=TYPE               adds a node of TYPE once the window is up
//   SEXTANT_TEST_CLOSE_AFTER_MS=N            closes the window after N ms, discarding
//                                            unsaved changes (a clean exit)
class Autosave : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 60'000;
    static QString fileSuffix() { return QStringLiteral("sextant-recovery"); }

    // A recovery file left by a session that did not exit cleanly.
    struct Recovery {
        QString file;
        QString workflowPath; // the file it is a modified copy of; empty for untitled
        QString baseDirectory; // the folder relative paths were taken from
        QDateTime savedAt;
        int nodeCount = 0;
        QByteArray workflow; // WorkflowFile JSON
        QByteArray windowState; // QMainWindow::saveState
        QByteArray windowGeometry; // QWidget::saveGeometry
    };
    enum class Choice { Restore, Discard, Later };
    using RecoveryPrompt = std::function<Choice(const Recovery &recovery)>;

    explicit Autosave(MainWindow &window, QObject *parent = nullptr);
    // Leaves the recovery file in place: only finish() means a clean exit.
    ~Autosave() override;

    // SEXTANT_RECOVERY_DIR, else <AppLocalDataLocation>/recovery.
    static QString defaultDirectory();
    void setDirectory(const QString &directory);
    QString directory() const { return m_directory; }
    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }
    // Asks what to do with a recovery file; the default shows a dialog.
    void setRecoveryPrompt(RecoveryPrompt prompt);

    // Takes this session's lock and starts following the window. False (with a warning on
    // stderr) when the folder cannot be used: the studio runs on without autosave.
    bool start();
    bool isActive() const { return m_lock != nullptr; }
    // This session's recovery file (present only while there are unsaved changes).
    QString recoveryFile() const;

    // The recovery files of sessions that ended without a clean exit, newest first.
    // Unreadable ones are skipped (with a warning on stderr).
    QList<Recovery> orphans() const;
    // Asks about each orphan; restores the first one the person chooses to restore (the
    // others stay for the next start) and deletes the ones discarded. True when one was
    // restored.
    bool offerRecovery();

    // Writes the recovery file now, or removes it when nothing is unsaved. False when the
    // write failed (the reason is on stderr; the next change tries again).
    bool saveNow();
    // A clean exit: removes this session's recovery file and lock.
    void finish();

Q_SIGNALS:
    // After each write of the recovery file.
    void saved(const QString &file);

private:
    void scheduleSave();
    void removeStaleLocks() const;
    bool restore(const Recovery &recovery, QString *error);
    Choice askWithDialog(const Recovery &recovery) const;
    QByteArray content() const;
    void applyTestHooks();

    MainWindow &m_window;
    QString m_directory;
    QString m_session;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer; // the periodic save
    QTimer m_soon; // coalesces the saves of one burst of structural changes
    QByteArray m_lastWritten; // what the recovery file holds; empty when there is none
    RecoveryPrompt m_prompt;
};

} // namespace sextant::app
