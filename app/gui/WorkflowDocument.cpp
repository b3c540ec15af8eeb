#include "gui/WorkflowDocument.h"

#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "widgets/GraphCommands.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>

namespace sextant::app {

namespace {

const QString kLastDirKey = QStringLiteral("lastOpenDirectory");

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

WorkflowDocument::WorkflowDocument(engine::GraphModel &graph, engine::Executor &executor,
    QUndoStack *undoStack, QWidget *dialogParent)
    : QObject(dialogParent), m_graph(graph), m_executor(executor), m_undoStack(undoStack),
      m_dialogParent(dialogParent)
{
    // The modified flag follows the undo stack: an edit sets it, undoing back to the saved
    // state clears it.
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &WorkflowDocument::modifiedChanged);
}

void WorkflowDocument::setUnsavedChangesPrompt(UnsavedChangesPrompt prompt)
{
    m_unsavedPrompt = std::move(prompt);
}

void WorkflowDocument::setSavePathPrompt(SavePathPrompt prompt)
{
    m_savePathPrompt = std::move(prompt);
}

bool WorkflowDocument::isWorkflowFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(engine::WorkflowFile::suffix(), Qt::CaseInsensitive)
        == 0;
}

QString WorkflowDocument::name() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).completeBaseName();
}

bool WorkflowDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void WorkflowDocument::setPath(const QString &path)
{
    const bool changed = path != m_path;
    m_path = path;
    if (changed)
        Q_EMIT pathChanged(path);
    Q_EMIT modifiedChanged();
}

bool WorkflowDocument::maybeSave()
{
    if (!isModified())
        return true;
    if (m_path.isEmpty() && m_graph.nodeCount() == 0)
        return true; // nothing to lose
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_unsavedPrompt) {
        choice = m_unsavedPrompt(name());
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved Workflow"),
            tr("The workflow “%1” has unsaved changes.").arg(name()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_dialogParent);
        box.setInformativeText(tr("Do you want to save them?"));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        choice = answer == QMessageBox::Save ? UnsavedChoice::Save
            : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                             : UnsavedChoice::Cancel;
    }
    switch (choice) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

bool WorkflowDocument::newWorkflow()
{
    if (!maybeSave())
        return false;
    m_executor.cancel(); // a run of the old graph ends; its results are dropped
    m_graph.clear();
    m_undoStack->clear(); // its commands refer to the old graph
    setPath({});
    Q_EMIT replaced({});
    Q_EMIT statusMessage(tr("New workflow"));
    return true;
}

void WorkflowDocument::openDialog()
{
    QSettings settings;
    const QString dir = settings.value(kLastDirKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Workflow"), dir,
        tr("Sextant workflows (*.%1)").arg(engine::WorkflowFile::suffix()));
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    open(path);
}

bool WorkflowDocument::open(const QString &path)
{
    if (path.isEmpty())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!maybeSave())
        return false;
    // A refused file leaves the graph (and its undo history) as it was.
    const engine::Status status = engine::WorkflowFile::load(absolute, m_graph);
    if (!status) {
        Q_EMIT failed(
            tr("Could not open the workflow %1.\n%2").arg(displayName(absolute), status.error()));
        Q_EMIT statusMessage(tr("Could not open %1").arg(displayName(absolute)));
        return false;
    }
    m_executor.cancel(); // a run of the old graph ends; its results are dropped
    m_undoStack->clear(); // its commands refer to the old graph
    setPath(absolute);
    Q_EMIT fileUsed(absolute);
    Q_EMIT replaced(absolute);
    Q_EMIT statusMessage(tr("Opened workflow %1").arg(displayName(absolute)));
    return true;
}

bool WorkflowDocument::restore(const QByteArray &workflow, const QString &originalPath,
    const QString &baseDirectory, QString *error)
{
    const engine::Status status
        = engine::WorkflowFile::parse(workflow, m_graph, tr("recovered workflow"));
    if (!status) {
        if (error)
            *error = status.error();
        return false;
    }
    m_executor.cancel(); // a run of the old graph ends; its results are dropped
    m_graph.setBaseDirectory(
        originalPath.isEmpty() ? baseDirectory : QFileInfo(originalPath).absolutePath());
    m_undoStack->clear(); // its commands refer to the old graph
    m_undoStack->resetClean(); // modified: the recovered edits are in no file
    setPath(originalPath);
    Q_EMIT replaced(originalPath);
    return true;
}

bool WorkflowDocument::save()
{
    return saveAs(m_path);
}

bool WorkflowDocument::saveAs(const QString &path)
{
    QString target = path;
    if (target.isEmpty()) {
        QSettings settings;
        const QString suggestion = m_path.isEmpty()
            ? QDir(settings.value(kLastDirKey, QDir::homePath()).toString())
                  .filePath(tr("Untitled") + QLatin1Char('.') + engine::WorkflowFile::suffix())
            : m_path;
        target = m_savePathPrompt
            ? m_savePathPrompt(suggestion)
            : QFileDialog::getSaveFileName(m_dialogParent, tr("Save Workflow As"), suggestion,
                tr("Sextant workflows (*.%1)").arg(engine::WorkflowFile::suffix()));
        if (target.isEmpty())
            return false;
        if (QFileInfo(target).suffix().isEmpty())
            target += QLatin1Char('.') + engine::WorkflowFile::suffix();
        settings.setValue(kLastDirKey, QFileInfo(target).absolutePath());
    }
    const QString absolute = QFileInfo(target).absoluteFilePath();
    const QString directory = QFileInfo(absolute).absolutePath();
    const QString oldDirectory = m_graph.baseDirectory();
    const int before = m_undoStack->count();
    rebaseRelativePaths(directory);
    m_graph.setBaseDirectory(directory);
    const engine::Status status = engine::WorkflowFile::save(m_graph, absolute);
    if (!status) {
        if (m_undoStack->count() != before)
            m_undoStack->undo(); // the path rebase
        m_graph.setBaseDirectory(oldDirectory);
        Q_EMIT failed(tr("Could not save the workflow.\n%1").arg(status.error()));
        Q_EMIT statusMessage(tr("Could not save %1").arg(displayName(absolute)));
        return false;
    }
    m_undoStack->setClean();
    setPath(absolute);
    Q_EMIT fileUsed(absolute);
    Q_EMIT statusMessage(tr("Saved workflow %1").arg(displayName(absolute)));
    return true;
}

void WorkflowDocument::rebaseRelativePaths(const QString &newDirectory)
{
    const QString oldDirectory
        = m_graph.baseDirectory().isEmpty() ? QDir::currentPath() : m_graph.baseDirectory();
    if (QDir(oldDirectory) == QDir(newDirectory))
        return;
    struct Edit {
        int node;
        QString name;
        QString value;
    };
    QList<Edit> edits;
    for (int id : m_graph.nodeIds()) {
        const engine::NodeType *type = m_graph.nodeType(id);
        if (!type)
            continue;
        for (const engine::ParameterSpec &spec : type->parameters) {
            if (spec.type != engine::ParameterType::FilePath)
                continue;
            const QString value = m_graph.parameter(id, spec.name).toString();
            if (value.isEmpty() || QDir::isAbsolutePath(value))
                continue;
            const QString file = QDir::cleanPath(QDir(oldDirectory).absoluteFilePath(value));
            edits.append({ id, spec.name, QDir(newDirectory).relativeFilePath(file) });
        }
    }
    if (edits.isEmpty())
        return;
    m_undoStack->beginMacro(tr("Keep relative file paths"));
    for (const Edit &e : std::as_const(edits))
        m_undoStack->push(new widgets::SetParameterCommand(m_graph, e.node, e.name, e.value));
    m_undoStack->endMacro();
}

} // namespace sextant::app
