#include "gui/ExportMenus.h"

#include "cli/RunReportWriter.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/ModelSaver.h"
#include "gui/ReportExporter.h"
#include "gui/WorkflowDocument.h"
#include "gui/WorkflowReport.h"
#include "ml/TrainedModel.h"
#include "plots/PlotExporter.h"
#include "plots/PlotView.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QTabWidget>

namespace sextant::app {

ExportMenus::ExportMenus(QMenu *file, QTabWidget &tabs, widgets::GraphEditor &editor,
    const WorkflowDocument &document, QWidget *window)
    : QObject(window), m_tabs(tabs), m_editor(editor), m_document(document), m_window(window),
      m_saver(new ModelSaver(this)), m_reporter(new ReportExporter(this))
{
    // Export the plot of the current tab (each plot's context menu offers the same).
    QMenu *exportMenu = file->addMenu(tr("&Export Plot"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const auto addExport = [this, exportMenu](const QString &text, plots::ExportFormat format) {
        exportMenu->addAction(text, this, [this, format] {
            if (auto *view = qobject_cast<plots::PlotView *>(m_tabs.currentWidget()))
                view->exportInteractively(format);
        });
    };
    addExport(tr("As &PNG Image…"), plots::ExportFormat::Png);
    addExport(tr("As P&DF (vector)…"), plots::ExportFormat::Pdf);
    addExport(tr("As &SVG (vector)…"), plots::ExportFormat::Svg);
    exportMenu->addSeparator();
    exportMenu->addAction(tr("&Copy Plot to Clipboard"), this, [this] {
        if (auto *view = qobject_cast<plots::PlotView *>(m_tabs.currentWidget()))
            view->copyToClipboard();
    });
    const auto updateExport = [this, exportMenu] {
        exportMenu->setEnabled(qobject_cast<plots::PlotView *>(m_tabs.currentWidget()) != nullptr);
    };
    connect(&m_tabs, &QTabWidget::currentChanged, this, updateExport);
    updateExport();

    // Trained models of the selected workflow node (its context menu offers the same).
    QMenu *modelMenu = file->addMenu(tr("Export Trained &Model"));
    modelMenu->setObjectName(QStringLiteral("exportModelMenu"));
    const auto selectedModelNode = [this]() -> int {
        for (int id : m_editor.scene()->selectedNodeIds())
            if (modelOf(id))
                return id;
        return -1;
    };
    modelMenu->addAction(tr("Save Trained Model (.sxmodel)…"), this, [this, selectedModelNode] {
        const int id = selectedModelNode();
        if (id < 0)
            Q_EMIT statusMessage(tr("Select a model node that has run to save its model."), 5000);
        else
            saveTrainedModel(id, false);
    });
    modelMenu->addAction(tr("Export as &ONNX…"), this, [this, selectedModelNode] {
        const int id = selectedModelNode();
        if (id < 0)
            Q_EMIT statusMessage(tr("Select a model node that has run to export its model."), 5000);
        else
            saveTrainedModel(id, true);
    });
    connect(
        &m_editor, &widgets::GraphEditor::nodeMenuAboutToShow, this, [this](int id, QMenu *menu) {
            if (!modelOf(id))
                return;
            menu->addSeparator();
            menu->addAction(
                tr("Save Trained Model…"), this, [this, id] { saveTrainedModel(id, false); });
            menu->addAction(
                tr("Export as ONNX…"), this, [this, id] { saveTrainedModel(id, true); });
        });
    // Saves run on the saver's thread; the status bar says when one starts and ends.
    connect(m_saver, &ModelSaver::started, this, [this](int, const QString &path) {
        Q_EMIT statusMessage(tr("Saving %1…").arg(QFileInfo(path).fileName()), 0);
    });
    connect(m_saver, &ModelSaver::finished, this, [this](const ModelSaveOutcome &outcome) {
        if (!outcome.ok) {
            Q_EMIT failed(outcome.error);
            Q_EMIT statusMessage(
                tr("Could not save %1").arg(QFileInfo(outcome.path).fileName()), 8000);
            return;
        }
        Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(outcome.path)), 8000);
    });

    // The report of the last run (the command line's `sextant run --report`).
    QAction *report = file->addAction(tr("Export &Report…"), this, [this] { exportReport(); });
    report->setObjectName(QStringLiteral("exportReportAction"));
    report->setStatusTip(tr("Write the report of the workflow's last run as HTML or PDF: the "
                            "graph, the data, the models and their metrics, the plots"));
    connect(m_reporter, &ReportExporter::started, this, [this](const QString &path) {
        Q_EMIT statusMessage(tr("Writing %1…").arg(QFileInfo(path).fileName()), 0);
    });
    connect(
        m_reporter, &ReportExporter::finished, this, [this](const ReportExportOutcome &outcome) {
            if (!outcome.ok) {
                Q_EMIT failed(outcome.error);
                Q_EMIT statusMessage(
                    tr("Could not write %1").arg(QFileInfo(outcome.path).fileName()), 8000);
                return;
            }
            Q_EMIT statusMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(outcome.path)), 8000);
        });
}

bool ExportMenus::exportReport(const QString &chosenPath)
{
    engine::GraphModel &model = m_editor.model();
    const engine::Executor &executor = m_editor.executor();
    if (executor.isRunning()) {
        Q_EMIT failed(tr("The workflow is running: export its report when the run has ended."));
        return false;
    }
    bool ran = false;
    for (int id : model.nodeIds())
        ran = ran || executor.status(id) == engine::NodeStatus::Done;
    if (!ran) {
        Q_EMIT failed(tr("Nothing has run yet: run the workflow (Run › Run), then export its "
                         "report."));
        return false;
    }
    QString path = chosenPath;
    if (path.isEmpty()) {
        const QString suggestion
            = QDir(QDir::homePath()).filePath(m_document.name() + QStringLiteral("-report.html"));
        QString filter;
        path = QFileDialog::getSaveFileName(m_window, tr("Export Report"), suggestion,
            tr("HTML report (*.html);;PDF report (*.pdf)"), &filter);
        if (path.isEmpty())
            return false;
        if (QFileInfo(path).suffix().isEmpty())
            path += filter.contains(QLatin1String("*.pdf")) ? QStringLiteral(".pdf")
                                                            : QStringLiteral(".html");
    }
    if (!cli::RunReportWriter::hasReportSuffix(path)) {
        Q_EMIT failed(
            tr("A report is written as .html or .pdf: %1").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    // The graph and the plots are drawn here (widgets); encoding, layout and the write on
    // the exporter's thread.
    m_reporter->start(
        WorkflowReport::build(model, executor, m_document.name(), m_document.path()), path);
    return true;
}

engine::TrainedModelPtr ExportMenus::modelOf(int nodeId) const
{
    const engine::NodeValuePtr value = m_editor.executor().output(nodeId, 0);
    const auto *model = value ? value->as<engine::TrainedModelPtr>() : nullptr;
    return model ? *model : nullptr;
}

bool ExportMenus::saveTrainedModel(int nodeId, bool onnx, const QString &chosenPath)
{
    const engine::TrainedModelPtr model = modelOf(nodeId);
    if (!model) {
        Q_EMIT failed(tr("Node %1 has no trained model yet: run the workflow first.").arg(nodeId));
        return false;
    }
    const QString path
        = chosenPath.isEmpty() ? ModelSaver::askForPath(m_window, *model, onnx) : chosenPath;
    if (path.isEmpty())
        return false;
    m_saver->start(nodeId, model, path, onnx); // serialised and written off this thread
    return true;
}

} // namespace sextant::app
