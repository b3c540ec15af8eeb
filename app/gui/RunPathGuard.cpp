#include "gui/RunPathGuard.h"

#include "graph/GraphModel.h"
#include "graph/WorkflowPaths.h"
#include "gui/MainWindow.h"
#include "widgets/GraphEditor.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace sextant::app {

RunPathGuard::RunPathGuard(MainWindow &window, QObject *parent) : QObject(parent), m_window(window)
{
    connect(&window, &MainWindow::loadStarted, this, [this](const QString &path) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!m_sessionFolders.contains(folder))
            m_sessionFolders.append(folder);
    });
    window.graphEditor()->setRunGuard([this] { return allowRun(); });
}

RunPathGuard::~RunPathGuard()
{
    if (m_window.graphEditor())
        m_window.graphEditor()->setRunGuard({});
}

void RunPathGuard::setPrompt(Prompt prompt)
{
    m_prompt = std::move(prompt);
}

QStringList RunPathGuard::allowedFolders() const
{
    QStringList folders = m_sessionFolders;
    for (const QString &file : m_window.recentFiles()) {
        const QString folder = QFileInfo(file).absolutePath();
        if (!folders.contains(folder))
            folders.append(folder);
    }
    return folders;
}

bool RunPathGuard::allowRun()
{
    const QSet<QString> approved = m_approved.value(m_window.workflowPath());
    QList<engine::WorkflowPath> outside;
    for (const engine::WorkflowPath &p :
        engine::WorkflowPaths::outside(m_window.graphModel(), allowedFolders()))
        if (!approved.contains(p.resolved))
            outside.append(p);
    if (outside.isEmpty())
        return true;
    const QStringList lines = engine::WorkflowPaths::describe(outside);
    const bool yes = m_prompt ? m_prompt(m_window.workflowName(), lines)
                              : askWithDialog(m_window.workflowName(), lines);
    if (!yes)
        return false;
    QSet<QString> &remembered = m_approved[m_window.workflowPath()];
    for (const engine::WorkflowPath &p : std::as_const(outside))
        remembered.insert(p.resolved);
    return true;
}

bool RunPathGuard::askWithDialog(const QString &workflowName, const QStringList &lines) const
{
    QMessageBox box(QMessageBox::Warning, tr("Files Outside the Workflow's Folder"),
        tr("The workflow “%1” reads files outside its folder and the folders you opened "
           "data from:")
            .arg(workflowName),
        QMessageBox::NoButton, &m_window);
    box.setInformativeText(lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
        + tr("Run it only if you trust where the workflow came from: it can copy what it "
             "reads into its results."));
    QPushButton *run = box.addButton(tr("Run Anyway"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == run;
}

} // namespace sextant::app
