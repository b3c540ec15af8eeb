#pragma once

#include <QObject>
#include <QString>
#include <memory>

class QMenu;
class QTabWidget;
class QWidget;

namespace sextant::engine {
class TrainedModel;
using TrainedModelPtr = std::shared_ptr<const TrainedModel>;
} // namespace sextant::engine

namespace sextant::widgets {
class GraphEditor;
} // namespace sextant::widgets

namespace sextant::app {

class ModelSaver;
class ReportExporter;
class WorkflowDocument;

// What the studio exports, in the File menu: Export Plot (the plot of the current tab as
// PNG, PDF or SVG, or to the clipboard; enabled while a plot is shown), Export Trained
// Model (the model of the selected workflow node as .sxmodel or ONNX), the latter also in
// a model node's context menu, and Export Report (the report of the workflow's last run,
// as `sextant run --report` writes it: WorkflowReport, HTML or PDF). Models and reports are
// written off the GUI thread (ModelSaver, ReportExporter); the status bar says when a save
// starts and ends, the banner why one failed.
class ExportMenus : public QObject {
    Q_OBJECT
public:
    // Adds the menus to `file`; `document` names the workflow in the report; `window`
    // parents the file dialogs. All must outlive this.
    ExportMenus(QMenu *file, QTabWidget &tabs, widgets::GraphEditor &editor,
        const WorkflowDocument &document, QWidget *window);

    // Saves the trained model node `nodeId` produced (.sxmodel, or ONNX); asks where when
    // `path` is empty. True when the save started (modelSaver()->finished() reports how it
    // ended); false, with a message, when there is no model or no file was chosen.
    bool saveTrainedModel(int nodeId, bool onnx, const QString &path = {});
    ModelSaver *modelSaver() const { return m_saver; }

    // Writes the report of the current workflow's last run (the executor's cached results)
    // to `path` (.html or .pdf; asks where when empty). The graph and the plots are drawn
    // here; the rest of the work and the write happen on reportExporter()'s thread. True
    // when the write started (reportExporter()->finished() reports how it ended); false,
    // with a message, when nothing has run yet, a run is in progress, the name is not a
    // report's or no file was chosen.
    bool exportReport(const QString &path = {});
    ReportExporter *reportExporter() const { return m_reporter; }
    // The trained model node `nodeId` output, or null.
    engine::TrainedModelPtr modelOf(int nodeId) const;

Q_SIGNALS:
    // For the status bar (timeout 0: until the next message).
    void statusMessage(const QString &text, int timeoutMs);
    // For the banner: why a save failed or could not start.
    void failed(const QString &message);

private:
    QTabWidget &m_tabs;
    widgets::GraphEditor &m_editor;
    const WorkflowDocument &m_document;
    QWidget *m_window;
    ModelSaver *m_saver;
    ReportExporter *m_reporter;
};

} // namespace sextant::app
