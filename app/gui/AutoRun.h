#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <functional>

class QAction;
class QTimer;

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::widgets {
class GraphEditor;
} // namespace sextant::widgets

namespace sextant::app {

// Auto-run: re-runs the dirty part of the workflow shortly after each edit, as Orange's
// widgets re-compute when their inputs or settings change.
//
// An edit (a parameter, a connection made or removed, a node added or removed — not a
// move) restarts a quiet-time timer (kDefaultDelayMs); when it fires, the nodes whose
// cached output no longer matches the graph and that can run (every required input
// connected, a file chosen: the `runnable` check) are run with what they need, the way
// the editor's Run to Here does (GraphEditor::runNodes: its run guard asks about files
// outside the workflow's folder, its progress shows); nodes still cached are reused, so
// only the dirty part runs. Half-built branches are left alone
// rather than failed. Never starts while a run is in progress (the person's, the views',
// an earlier auto-run): one re-run is queued and starts when that run ends.
//
// Everything dirty runs, training included: learners train on the executor's threads
// with live curves while the window stays responsive, and the training monitor's Stop
// (or Cancel) ends them — like Orange, which re-fits its learners on every change.
//
// The checkable action() (the Run menu, the workflow tool bar) switches it; the choice
// is remembered in QSettings (kSettingsKey), on by default as Orange users expect. While
// off, edits only mark nodes out of date. GUI thread only.
class AutoRun : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultDelayMs = 700;
    static inline const char *kSettingsKey = "workflow/autoRun";

    // Why node `id` cannot run yet, or empty when it can.
    using RunnableCheck = std::function<QString(int id)>;

    // `editor` (its graph and executor) must outlive this object.
    AutoRun(widgets::GraphEditor &editor, RunnableCheck runnable, QObject *parent = nullptr);
    ~AutoRun() override;

    QAction *action() const { return m_action; }
    bool isEnabled() const;
    // Also remembered in QSettings.
    void setEnabled(bool enabled);
    // The quiet time after the last edit (tests shorten it).
    void setDelay(int ms);
    int delay() const;

    // An edit waits for its re-run (the quiet time, or a run in progress to end).
    bool isPending() const;
    // The nodes the next re-run would run: out of date and runnable, ascending.
    QList<int> dirtyNodes() const;

public Q_SLOTS:
    // Re-runs the dirty part now (or queues it behind the run in progress).
    void runNow();
    // Forgets a pending re-run (another workflow was opened: opening is not an edit).
    void discardPending();

Q_SIGNALS:
    // A re-run of `targets` was started.
    void started(const QList<int> &targets);

private:
    void onEdit();

    // A run is in progress, or its end has not reached the editor yet.
    bool isBusy() const;

    widgets::GraphEditor &m_editor;
    engine::GraphModel &m_graph;
    engine::Executor &m_executor;
    RunnableCheck m_runnable;
    QAction *m_action;
    QTimer *m_timer;
    bool m_queued = false; // a re-run waits for the run in progress
};

} // namespace sextant::app
