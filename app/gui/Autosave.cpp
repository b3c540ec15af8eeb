#include "gui/Autosave.h"

#include "data/AtomicFile.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "gui/MainWindow.h"
#include "sextant/Version.h"
#include "widgets/GraphEditor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextStream>
#include <QUndoStack>
#include <QUuid>
#include <algorithm>
#include <optional>

namespace sextant::app {

namespace {

const QString kFormat = QStringLiteral("sextant-recovery");
constexpr int kVersion = 1;
// A recovery file holds one workflow and the window's state.
constexpr qint64 kMaxRecoverySize = 2 * engine::WorkflowFile::kMaxFileSize;

QString lockPathOf(const QString &recoveryFile)
{
    const QFileInfo info(recoveryFile);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".lock"));
}

// What the test hooks report, on stdout.
void report(const QString &line)
{
    QTextStream out(stdout);
    out << "recovery: " << line << "\n";
    out.flush();
}

std::optional<Autosave::Recovery> readRecovery(const QString &path, QString *why)
{
    QFile file(path);
    if (file.size() > kMaxRecoverySize) {
        *why = QStringLiteral("larger than %1 bytes").arg(kMaxRecoverySize);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = QStringLiteral("not a recovery file (%1)").arg(error.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat
        || root.value(QStringLiteral("version")).toInt() != kVersion
        || !root.value(QStringLiteral("workflow")).isObject()) {
        *why = QStringLiteral("not a recovery file of this version");
        return std::nullopt;
    }
    Autosave::Recovery r;
    r.file = path;
    r.workflowPath = root.value(QStringLiteral("workflowPath")).toString();
    r.baseDirectory = root.value(QStringLiteral("baseDirectory")).toString();
    r.savedAt = QFileInfo(path).lastModified();
    const QJsonObject workflow = root.value(QStringLiteral("workflow")).toObject();
    r.nodeCount = int(workflow.value(QStringLiteral("nodes")).toArray().size());
    r.workflow = QJsonDocument(workflow).toJson(QJsonDocument::Indented);
    r.windowState
        = QByteArray::fromBase64(root.value(QStringLiteral("windowState")).toString().toLatin1());
    r.windowGeometry = QByteArray::fromBase64(
        root.value(QStringLiteral("windowGeometry")).toString().toLatin1());
    return r;
}

} // namespace

Autosave::Autosave(MainWindow &window, QObject *parent)
    : QObject(parent), m_window(window), m_directory(defaultDirectory())
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("SEXTANT_AUTOSAVE_INTERVAL_MS", &ok);
    m_timer.setInterval(ok && ms > 0 ? ms : kDefaultIntervalMs);
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    connect(&m_soon, &QTimer::timeout, this, &Autosave::saveNow);
}

Autosave::~Autosave() = default;

QString Autosave::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("SEXTANT_RECOVERY_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("recovery"));
}

void Autosave::setDirectory(const QString &directory)
{
    if (!isActive())
        m_directory = QDir(directory).absolutePath();
}

void Autosave::setInterval(int milliseconds)
{
    m_timer.setInterval(std::max(1, milliseconds));
}

void Autosave::setRecoveryPrompt(RecoveryPrompt prompt)
{
    m_prompt = std::move(prompt);
}

QString Autosave::recoveryFile() const
{
    return QDir(m_directory).filePath(m_session + QLatin1Char('.') + fileSuffix());
}

bool Autosave::start()
{
    if (isActive())
        return true;
    if (!QDir().mkpath(m_directory)) {
        qWarning("autosave: cannot create the recovery folder %s; working without autosave",
            qPrintable(m_directory));
        return false;
    }
    m_session = QStringLiteral("session-%1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    auto lock = std::make_unique<QLockFile>(lockPathOf(recoveryFile()));
    lock->setStaleLockTime(0); // held for the whole session; stale only when its process is gone
    if (!lock->tryLock(0)) {
        qWarning("autosave: cannot create %s; working without autosave",
            qPrintable(lockPathOf(recoveryFile())));
        return false;
    }
    m_lock = std::move(lock);
    removeStaleLocks();

    engine::GraphModel &graph = m_window.graphModel();
    // Structural changes are saved at once (one write per burst, e.g. a paste); parameter
    // edits and moves wait for the periodic save.
    connect(&graph, &engine::GraphModel::nodeAdded, this, &Autosave::scheduleSave);
    connect(&graph, &engine::GraphModel::nodeRemoved, this, &Autosave::scheduleSave);
    connect(&graph, &engine::GraphModel::connectionAdded, this, &Autosave::scheduleSave);
    connect(&graph, &engine::GraphModel::connectionRemoved, this, &Autosave::scheduleSave);
    // Saved or undone back to the saved state: the file goes; modified again: it comes back.
    connect(m_window.graphEditor()->undoStack(), &QUndoStack::cleanChanged, this,
        &Autosave::scheduleSave);
    connect(&m_window, &MainWindow::workflowPathChanged, this, &Autosave::scheduleSave);
    m_timer.start();
    applyTestHooks();
    return true;
}

void Autosave::removeStaleLocks() const
{
    // A session killed before it had anything to save leaves only its lock.
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({ QStringLiteral("*.lock") }, QDir::Files)) {
        const QString path = dir.filePath(name);
        const QString recovery
            = dir.filePath(QFileInfo(name).completeBaseName() + QLatin1Char('.') + fileSuffix());
        if (QFileInfo::exists(recovery) || path == m_lock->fileName())
            continue;
        QLockFile lock(path);
        lock.setStaleLockTime(0);
        if (lock.tryLock(0))
            lock.unlock(); // nobody held it: gone with our own lock
    }
}

void Autosave::scheduleSave()
{
    if (isActive())
        m_soon.start();
}

QByteArray Autosave::content() const
{
    const engine::GraphModel &graph = m_window.graphModel();
    QJsonObject root;
    root[QStringLiteral("format")] = kFormat;
    root[QStringLiteral("version")] = kVersion;
    root[QStringLiteral("generator")] = QStringLiteral("Sextant " SEXTANT_VERSION_STRING);
    root[QStringLiteral("workflowPath")] = m_window.workflowPath();
    root[QStringLiteral("baseDirectory")] = graph.baseDirectory();
    root[QStringLiteral("workflow")] = engine::WorkflowFile::toJson(graph);
    root[QStringLiteral("windowState")] = QString::fromLatin1(m_window.saveState().toBase64());
    root[QStringLiteral("windowGeometry")]
        = QString::fromLatin1(m_window.saveGeometry().toBase64());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Autosave::saveNow()
{
    if (!isActive())
        return false;
    m_soon.stop();
    const QString file = recoveryFile();
    const bool unsaved = m_window.isWorkflowModified()
        && !(m_window.workflowPath().isEmpty() && m_window.graphModel().nodeCount() == 0);
    if (!unsaved) {
        if (!m_lastWritten.isEmpty() || QFileInfo::exists(file))
            QFile::remove(file);
        m_lastWritten.clear();
        return true;
    }
    const QByteArray bytes = content();
    if (bytes == m_lastWritten)
        return true;
    QString error;
    if (!engine::AtomicFile::write(file, bytes, &error)) {
        qWarning("autosave: %s", qPrintable(error));
        return false;
    }
    m_lastWritten = bytes;
    Q_EMIT saved(file);
    return true;
}

void Autosave::finish()
{
    if (!isActive())
        return;
    m_timer.stop();
    m_soon.stop();
    disconnect(&m_window.graphModel(), nullptr, this, nullptr);
    QFile::remove(recoveryFile());
    m_lastWritten.clear();
    m_lock.reset(); // unlocks: removes the lock file
}

QList<Autosave::Recovery> Autosave::orphans() const
{
    QList<Recovery> found;
    const QDir dir(m_directory);
    const QStringList names = dir.entryList(
        { QStringLiteral("*.") + fileSuffix() }, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        if (isActive() && path == recoveryFile())
            continue;
        // A lock we can take belongs to nobody: its session ended without finish().
        QLockFile lock(lockPathOf(path));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // that studio is still running
        lock.unlock();
        QString why;
        if (std::optional<Recovery> r = readRecovery(path, &why))
            found.append(*r);
        else
            qWarning("autosave: skipping %s: %s", qPrintable(path), qPrintable(why));
    }
    std::sort(found.begin(), found.end(),
        [](const Recovery &a, const Recovery &b) { return a.savedAt > b.savedAt; });
    return found;
}

bool Autosave::offerRecovery()
{
    const QByteArray answer = qgetenv("SEXTANT_RECOVERY_ANSWER").trimmed().toLower();
    for (const Recovery &r : orphans()) {
        Choice choice = Choice::Later;
        if (!answer.isEmpty()) {
            report(QStringLiteral("offered %1 workflow=%2 nodes=%3")
                       .arg(r.file,
                           r.workflowPath.isEmpty() ? QStringLiteral("untitled") : r.workflowPath)
                       .arg(r.nodeCount));
            choice = answer == "restore" ? Choice::Restore
                : answer == "discard"    ? Choice::Discard
                                         : Choice::Later;
        } else {
            choice = m_prompt ? m_prompt(r) : askWithDialog(r);
        }
        if (choice == Choice::Later)
            continue;
        if (choice == Choice::Discard) {
            QFile::remove(r.file);
            if (!answer.isEmpty())
                report(QStringLiteral("discarded %1").arg(r.file));
            continue;
        }
        QString error;
        if (!restore(r, &error)) {
            QMessageBox::warning(&m_window, tr("Recover Unsaved Work"),
                tr("The recovered workflow could not be restored.\n%1").arg(error));
            continue;
        }
        // Safe in this session's own file before the crashed session's copy goes.
        if (!isActive() || saveNow())
            QFile::remove(r.file);
        if (!answer.isEmpty())
            report(QStringLiteral("restored %1 workflow=%2 nodes=%3 modified=%4")
                       .arg(r.file,
                           m_window.workflowPath().isEmpty() ? QStringLiteral("untitled")
                                                             : m_window.workflowPath())
                       .arg(m_window.graphModel().nodeCount())
                       .arg(m_window.isWorkflowModified() ? 1 : 0));
        return true;
    }
    return false;
}

bool Autosave::restore(const Recovery &recovery, QString *error)
{
    if (!m_window.restoreWorkflow(
            recovery.workflow, recovery.workflowPath, recovery.baseDirectory, error))
        return false;
    if (!recovery.windowGeometry.isEmpty())
        m_window.restoreGeometry(recovery.windowGeometry);
    if (!recovery.windowState.isEmpty())
        m_window.restoreState(recovery.windowState);
    return true;
}

Autosave::Choice Autosave::askWithDialog(const Recovery &r) const
{
    const QString name
        = r.workflowPath.isEmpty() ? tr("Untitled") : QFileInfo(r.workflowPath).fileName();
    QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"),
        tr("Sextant did not shut down properly. Unsaved changes to the workflow “%1” were "
           "saved automatically.")
            .arg(name),
        QMessageBox::NoButton, &m_window);
    const QString when = QLocale().toString(r.savedAt, QLocale::ShortFormat);
    const QString nodes
        = r.nodeCount == 1 ? tr("1 node") : tr("%1 nodes").arg(QLocale().toString(r.nodeCount));
    QString details = tr("Last saved automatically: %1, %2.").arg(when, nodes);
    if (!r.workflowPath.isEmpty())
        details += QLatin1Char('\n')
            + tr("Restore opens them as unsaved changes to %1; that file is only written when "
                 "you save.")
                  .arg(QDir::toNativeSeparators(r.workflowPath));
    details += QLatin1Char('\n') + tr("Discard deletes the recovered copy.");
    box.setInformativeText(details);
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore)
        return Choice::Restore;
    if (box.clickedButton() == discard)
        return Choice::Discard;
    return Choice::Later; // closed without an answer: asked again next time
}

void Autosave::applyTestHooks()
{
    const QString addNode = qEnvironmentVariable("SEXTANT_TEST_ADD_NODE");
    if (!addNode.isEmpty()) {
        QTimer::singleShot(0, this, [this, addNode] {
            if (m_window.graphEditor()->addNode(addNode, QPointF(0, 320)) == 0)
                qWarning("autosave test hook: could not add a %s node", qPrintable(addNode));
        });
    }
    bool ok = false;
    const int closeAfter = qEnvironmentVariableIntValue("SEXTANT_TEST_CLOSE_AFTER_MS", &ok);
    if (ok && closeAfter >= 0) {
        QTimer::singleShot(closeAfter, &m_window, [window = &m_window] {
            window->setUnsavedChangesPrompt(
                [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
            window->close();
        });
    }
}

} // namespace sextant::app
