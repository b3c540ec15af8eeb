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

// What the studio exports, in the File menu: Export Plot (the plot of the current tab as
// PNG, PDF or SVG, or to the clipboard; enabled while a plot is shown) and Export Trained
// Model (the model of the selected workflow node as .sxmodel or ONNX), the latter also in
// a model node's context menu. Models are written off the GUI thread (ModelSaver); the
// status bar says when a save starts and ends, the banner why one failed.
class ExportMenus : public QObject {
    Q_OBJECT
public:
    // Adds both menus to `file`; `window` parents the file dialogs. All must outlive this.
    ExportMenus(QMenu *file, QTabWidget &tabs, widgets::GraphEditor &editor, QWidget *window);

    // Saves the trained model node `nodeId` produced (.sxmodel, or ONNX); asks where when
    // `path` is empty. True when the save started (modelSaver()->finished() reports how it
    // ended); false, with a message, when there is no model or no file was chosen.
    bool saveTrainedModel(int nodeId, bool onnx, const QString &path = {});
    ModelSaver *modelSaver() const { return m_saver; }
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
    QWidget *m_window;
    ModelSaver *m_saver;
};

} // namespace sextant::app
