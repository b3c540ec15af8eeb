#include "gui/AutoRun.h"

#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "widgets/GraphEditor.h"

#include <QAction>
#include <QSettings>
#include <QTimer>

namespace sextant::app {

AutoRun::AutoRun(widgets::GraphEditor &editor, RunnableCheck runnable, QObject *parent)
    : QObject(parent), m_editor(editor), m_graph(editor.model()), m_executor(editor.executor()),
      m_runnable(std::move(runnable)), m_action(new QAction(tr("&Auto-run"), this)),
      m_timer(new QTimer(this))
{
    m_action->setObjectName(QStringLiteral("autoRunAction"));
    m_action->setCheckable(true);
    m_action->setChecked(QSettings().value(QLatin1String(kSettingsKey), true).toBool());
    m_action->setToolTip(tr("Re-run what an edit changed, shortly after each edit"));
    m_action->setStatusTip(m_action->toolTip());
    connect(m_action, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QLatin1String(kSettingsKey), on);
        if (!on) {
            discardPending();
        } else if (!dirtyNodes().isEmpty()) {
            m_timer->start(); // switched on: bring the results up to date
        }
    });

    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultDelayMs);
    connect(m_timer, &QTimer::timeout, this, &AutoRun::runNow);
    // Edits that change what the nodes compute; moves do not.
    connect(&m_graph, &engine::GraphModel::parameterChanged, this, &AutoRun::onEdit);
    connect(&m_graph, &engine::GraphModel::connectionAdded, this, &AutoRun::onEdit);
    connect(&m_graph, &engine::GraphModel::connectionRemoved, this, &AutoRun::onEdit);
    connect(&m_graph, &engine::GraphModel::nodeAdded, this, &AutoRun::onEdit);
    connect(&m_graph, &engine::GraphModel::nodeRemoved, this, &AutoRun::onEdit);
    // Worker thread -> GUI thread: queued (received after the editor's receiver, which
    // was connected first, so the editor is idle again by then).
    connect(
        &m_executor, &engine::Executor::runFinished, this,
        [this] {
            if (m_queued && !m_timer->isActive())
                runNow();
        },
        Qt::QueuedConnection);
}

AutoRun::~AutoRun() = default;

bool AutoRun::isEnabled() const
{
    return m_action->isChecked();
}

void AutoRun::setEnabled(bool enabled)
{
    m_action->setChecked(enabled);
}

void AutoRun::setDelay(int ms)
{
    m_timer->setInterval(std::max(0, ms));
}

int AutoRun::delay() const
{
    return m_timer->interval();
}

bool AutoRun::isPending() const
{
    return m_timer->isActive() || m_queued;
}

QList<int> AutoRun::dirtyNodes() const
{
    QList<int> dirty;
    for (int id : m_graph.nodeIds())
        if (!m_executor.isUpToDate(id) && (!m_runnable || m_runnable(id).isEmpty()))
            dirty.append(id);
    return dirty;
}

void AutoRun::onEdit()
{
    if (isEnabled())
        m_timer->start(); // restarted by every edit: one re-run after the last
}

void AutoRun::runNow()
{
    m_timer->stop();
    if (!isEnabled())
        return;
    if (isBusy()) {
        m_queued = true; // once, whatever the number of edits meanwhile
        return;
    }
    m_queued = false;
    const QList<int> targets = dirtyNodes();
    if (!targets.isEmpty() && m_editor.runNodes(targets))
        Q_EMIT started(targets);
}

bool AutoRun::isBusy() const
{
    return m_executor.isRunning() || m_editor.isRunning();
}

void AutoRun::discardPending()
{
    m_timer->stop();
    m_queued = false;
}

} // namespace sextant::app
