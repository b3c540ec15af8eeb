#pragma once

#include "gui/LinkedSelection.h"
#include "gui/RecentFiles.h"
#include "gui/WorkflowDocument.h"

#include <QKeySequence>
#include <QMainWindow>
#include <QStringList>
#include <memory>

class QComboBox;
class QDockWidget;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace sextant::widgets {
class ColumnListView;
class ColumnSummaryModel;
class DataTableView;
class DatasetTableModel;
class MessageBanner;
class GraphEditor;
class TrainingMonitor;
} // namespace sextant::widgets

namespace sextant::engine {
class GraphModel;
class Executor;
class TrainedModel;
using TrainedModelPtr = std::shared_ptr<const TrainedModel>;
} // namespace sextant::engine

namespace sextant::plots {
class HistogramPlot;
class CorrelationHeatmap;
class ScatterPlot;
} // namespace sextant::plots

namespace sextant::app {

class AutoRun;
class EditMenu;
class ExportMenus;
class LinkedSelection;
class ModelSaver;
class NodeInspector;
class ResultTabs;
class SelectionViews;
class WelcomePage;
struct NodeInspection;

// The studio's main window: the workflow editor's canvas at its centre (the first of the
// central tabs), the exploration views (data table, correlation, scatter) in the next tabs,
// then each node result opened (a double click on the node) in a titled tab of its own
// (ResultTabs), and docks around it that tab together and all reopen from View: the node palette
// over the properties on the left; the column list and the histogram of the selected column
// (tabbed) over the messages, the training monitor and the load warnings (tabbed) on the right. The
// Edit menu edits the workflow through the editor's undo stack; the Run menu runs it, and
// Auto-run re-runs what each edit changed.
//
// One graph, one pipeline: a dataset opened anywhere (File > Open, the recent files
// menu, the command line, a drop on the window or on the canvas) becomes the workflow's
// File node reading it (or selects the one that already does), and the exploration views
// show the table of the selected node — File, Select Columns, a preprocessing step,
// Predict, a clustering node — running the workflow up to it when needed. Loading and
// the statistics run on executor threads with a progress bar and a Cancel button in the
// status bar; a failed or cancelled load leaves the current table in place and says why
// in a banner. A label above the views names the node they show.
//
// The window assembles parts that each do one job: WorkflowDocument (the .sextant file),
// NodeInspector (the table of the node shown), SelectionViews (linked selection across the
// views), ResultTabs and ScatterChoiceWriter (results in tabs, a scatter's columns kept in
// its node), AutoRun, EditMenu, RecentFiles, ExportMenus (plots, trained models, run reports) and
// ColumnRoleController (roles set in the column list).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = RecentFiles::kMaxFiles;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path` in the background (cancelling a load in progress).
    void openFile(const QString &path);
    // Cancels the load in progress: the window is idle again at once, the worker winds
    // down in the background and its result is dropped.
    void cancelLoading();
    bool isLoading() const;
    // Runs not yet ended: the current one and cancelled ones winding down.
    int runningJobCount() const;
    // The workflow node whose table the exploration views show (0 before any), and the
    // label above the views that names it ("File — iris.csv (node 1)").
    int shownNode() const;
    QString shownNodeLabel() const;

    // Most recent first; only files that still exist.
    QStringList recentFiles() const;

    // The parts, for tests and for the windows that will build on this one.
    widgets::DatasetTableModel *tableModel() const { return m_tableModel; }
    widgets::ColumnSummaryModel *columnModel() const { return m_columnModel; }
    widgets::DataTableView *tableView() const { return m_table; }
    widgets::ColumnListView *columnList() const { return m_columnList; }
    plots::HistogramPlot *histogramPlot() const { return m_histogram; }
    // The histogram dock's "Split by" combo: None, then the categorical columns.
    QComboBox *histogramSplitCombo() const { return m_splitCombo; }
    // The error shown in the banner (empty when none is shown).
    QString errorText() const;
    // The warnings of the last successful load.
    QStringList loadWarnings() const;

    // ---- workflow files (.sextant): the WorkflowDocument's, here for the window's users --
    using UnsavedChoice = WorkflowDocument::UnsavedChoice;
    using UnsavedChangesPrompt = WorkflowDocument::UnsavedChangesPrompt;
    using SavePathPrompt = WorkflowDocument::SavePathPrompt;
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt);
    void setSavePathPrompt(SavePathPrompt prompt);
    // Each returns false when it did not happen: cancelled by the person, or refused (a
    // file that cannot be read or written: the banner says why, the graph is unchanged).
    bool newWorkflow();
    bool openWorkflow(const QString &path);
    bool saveWorkflow();
    // With an empty path: asks for one.
    bool saveWorkflowAs(const QString &path = {});
    // Crash recovery (Autosave): puts a recovered workflow (WorkflowFile JSON) in place of
    // the open one as unsaved changes to `originalPath` (empty: untitled, relative paths
    // taken from `baseDirectory`); only Save writes it there. False, with the reason, when
    // the workflow is refused (the graph is unchanged then).
    bool restoreWorkflow(const QByteArray &workflow, const QString &originalPath,
        const QString &baseDirectory, QString *error = nullptr);
    // Absolute path of the open workflow file; empty for an untitled one.
    QString workflowPath() const;
    // The file's base name, or "Untitled".
    QString workflowName() const;
    bool isWorkflowModified() const;
    WorkflowDocument *document() const { return m_document; }
    // File › Export Plot / Trained Model / Report.
    ExportMenus *exportMenus() const { return m_exports; }
    engine::GraphModel &graphModel() const { return *m_graph; }
    static bool isWorkflowFile(const QString &path);

    // The dataset column whose histogram is shown, or -1.
    int selectedColumn() const;
    void selectColumn(int column);

    // The rows selected in the views (histogram bars, confusion-matrix cells, the
    // scatter, the data table's row header), held by the workflow's Selected Rows node.
    LinkedSelection *linkedSelection() const;
    // The table the data table shows (the shown node's, or the rows a confusion-matrix
    // cell selected), and the label above the views that counts the selected rows.
    TableSource dataTableSource() const;
    QString selectionText() const;

Q_SIGNALS:
    void loadStarted(const QString &path);
    // Every load ends with this: success is false after an error or a cancel.
    void loadFinished(bool success);
    // The open workflow file changed (New, Open, Save As); empty for an untitled one.
    void workflowPathChanged(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createEditMenu();
    // The editor's run actions and Auto-run.
    void createRunMenu();
    void createDocks();
    // The editor's palette, properties and messages in docks of their own.
    void createEditorDocks();
    QDockWidget *addEditorDock(
        QWidget *widget, const QString &title, const QString &name, Qt::DockWidgetArea area);
    // The default layout's dock sizes, in proportion to the window (once, when shown
    // without a saved layout).
    void sizeDocks();
    void createStatusBar();
    void openFileDialog();
    // File › Open Image Folder…: a folder of class subfolders becomes an Image Folder node.
    void openImageFolderDialog();
    void showAbout();
    void addRecentFile(const QString &path);

    void createInspector();
    // Shows node `id`'s table in the exploration views (running the workflow up to it
    // when needed). `openingFile`: a dataset was opened (a failure goes to the banner).
    // `forNode`: the node selected when `id` is the node feeding it (tableNodeFor).
    void inspectNode(int id, bool openingFile, int forNode = 0);
    // Inspects the selected node, when it is one node with a table that the views do not
    // show as it is now (on a selection change, and shortly after each edit).
    void inspectSelection(bool selectionChanged);
    // Shows `inspection` in the views, then emits loadFinished(true) (for a big table, in a
    // later turn of the event loop: not at all when a newer inspection came first).
    void applyInspection(const std::shared_ptr<const NodeInspection> &inspection);
    // The views but the data table's model: columns, histogram, overview, selection.
    // `keep`: the column to select again; `openingFile`: remember the file as recent.
    void fillViews(const std::shared_ptr<const NodeInspection> &inspection, const QString &keep,
        bool openingFile);
    void setLoadingUi(bool loading, const QString &name = {});
    void showColumn(int column);
    // Fills the "Split by" combo from the shown dataset (default: a categorical target).
    void updateSplitChoices();
    void onSplitChosen(int index);
    void onTableColumnChanged(int column);

    // Linked selection: the views that make and draw it (SelectionViews), its bar in `row`.
    void createLinkedSelection(QWidget *parent, QHBoxLayout *row);
    TableSource shownSource() const;
    // What the views call the node `inspection` shows: "File — iris.csv (node 1)", or with
    // the name the person gave it, "Training data — iris.csv (node 1)".
    QString labelOf(const NodeInspection &inspection) const;
    // The label above the views: the node shown, and whose input it is when it stands
    // for the node selected.
    QString sourceLabelText() const;
    QString m_shownLabel; // of m_shown
    SelectionViews *m_selectionViews = nullptr;

private:
    widgets::DatasetTableModel *m_tableModel;
    widgets::ColumnSummaryModel *m_columnModel;
    widgets::DataTableView *m_table = nullptr;
    widgets::ColumnListView *m_columnList = nullptr;
    widgets::MessageBanner *m_banner = nullptr;
    plots::HistogramPlot *m_histogram = nullptr;
    QComboBox *m_splitCombo = nullptr;
    QStackedWidget *m_stack = nullptr;
    QDockWidget *m_columnsDock = nullptr;
    QDockWidget *m_histogramDock = nullptr;
    QDockWidget *m_warningsDock = nullptr;
    QDockWidget *m_trainingDock = nullptr;
    QDockWidget *m_paletteDock = nullptr;
    QDockWidget *m_propertiesDock = nullptr;
    QDockWidget *m_messagesDock = nullptr;
    widgets::TrainingMonitor *m_trainingMonitor = nullptr;
    // The results of workflow nodes, each in a tab of its own.
    ResultTabs *m_results = nullptr;
    AutoRun *m_autoRun = nullptr;
    ExportMenus *m_exports = nullptr; // File › Export Plot, Trained Model, Report
    QListWidget *m_warningsList = nullptr;
    RecentFiles *m_recent = nullptr; // File › Open Recent
    QMenu *m_viewMenu = nullptr;
    EditMenu *m_editMenu = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;

    // What the exploration views show: the table of one workflow node, its statistics
    // and histograms (reused), correlation and projection.
    std::shared_ptr<const NodeInspection> m_shown;
    // Runs the workflow up to the selected node and profiles its table.
    NodeInspector *m_inspector = nullptr;
    QLabel *m_sourceLabel = nullptr; // names the node shown
    QTimer *m_refreshTimer = nullptr; // restarted by each edit of the graph
    bool m_inspectingFile = false; // the request in progress opens a dataset file
    bool m_inspectedIsFile = false; // ... and is for a File node
    int m_inspectingFor = 0; // ... and shows the input of this node (0: the node's own table)
    int m_shownFor = 0; // the node whose input the table shown is (0: its own)
    QString m_inspectedName; // the file or node of the request in progress
    bool m_syncingSelection = false;
    bool m_docksFitted = false;
    bool m_docksSized = false; // the default layout got its sizes (or a saved one was restored)

    // Overview views next to the table, and the workflow editor; all in m_tabs.
    QTabWidget *m_tabs = nullptr;
    plots::CorrelationHeatmap *m_heatmap = nullptr;
    plots::ScatterPlot *m_scatter = nullptr;
    // The workflow: the editor mirrors the model and drives the executor. Declared model
    // first so it outlives the executor; the editor is deleted first in the destructor.
    std::unique_ptr<engine::GraphModel> m_graph;
    std::unique_ptr<engine::Executor> m_executor;
    widgets::GraphEditor *m_graphEditor = nullptr;

    // The workflow file of the editor's graph.
    WorkflowDocument *m_document = nullptr;
    QString m_datasetName; // for the title; empty before any dataset
    bool m_workflowErrorShown = false; // the banner shows a workflow file's error
    void createDocument();
    void updateWindowTitle();

    void createViews();
    void showOverview(const NodeInspection &inspection);

public:
    // Saves the trained model a workflow node produced (.sxmodel, or ONNX); asks where
    // when `path` is empty. The file is written off the GUI thread (ModelSaver): true
    // when the save started, and modelSaver()->finished() reports how it ended (the
    // status bar says so, the banner says why it failed). False (with a message in the
    // banner) when there is no model to save or no file was chosen.
    bool saveTrainedModel(int nodeId, bool onnx, const QString &path = {});
    ModelSaver *modelSaver() const;
    // The results' tabs (a double click on a node opens its result) and Auto-run.
    ResultTabs *resultTabs() const { return m_results; }
    AutoRun *autoRun() const { return m_autoRun; }
    QTabWidget *tabs() const { return m_tabs; }
    plots::CorrelationHeatmap *heatmap() const { return m_heatmap; }
    plots::ScatterPlot *scatter() const { return m_scatter; }
    widgets::GraphEditor *graphEditor() const { return m_graphEditor; }
    // The View menu (a toggle for each dock) and the Edit menu (the workflow's edits).
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *editMenu() const;
    // Shown instead of the tabs while no workflow is open (WelcomePage::setAutomatic).
    WelcomePage *welcomePage() const { return m_welcome; }

private:
    WelcomePage *m_welcome = nullptr;
};

} // namespace sextant::app
