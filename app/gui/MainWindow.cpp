#include "gui/MainWindow.h"

#include "data/DatasetLoader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/AutoRun.h"
#include "gui/ColumnRoleController.h"
#include "gui/CsvImport.h"
#include "gui/DendrogramCutWriter.h"
#include "gui/EditMenu.h"
#include "gui/ExportMenus.h"
#include "gui/HelpMenu.h"
#include "gui/LinkedSelection.h"
#include "gui/ModelFileOpener.h"
#include "gui/NodeInspector.h"
#include "gui/Preferences.h"
#include "gui/RecentFiles.h"
#include "gui/ResultTabs.h"
#include "gui/ScatterChoiceWriter.h"
#include "gui/SelectionViews.h"
#include "gui/SheetChooser.h"
#include "gui/TableExport.h"
#include "gui/WelcomePage.h"
#include "gui/WorkflowDocument.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/HistogramPlot.h"
#include "plots/ScatterPlot.h"
#include "sextant/Version.h"
#include "widgets/ColumnListView.h"
#include "widgets/ColumnSummaryModel.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/ElidedLabel.h"
#include "widgets/GraphCommands.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"
#include "widgets/MessageBanner.h"
#include "widgets/NodePalette.h"
#include "widgets/PropertyPanel.h"
#include "widgets/TrainingMonitor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

// The resources are compiled into the sextant_app static library, whose registration the
// linker drops unless something refers to it.
static void initSextantResources()
{
    Q_INIT_RESOURCE(sextant);
}

namespace sextant::app {

using engine::DatasetLoader;
using widgets::MessageBanner;

namespace {

const QString kLastDirKey = QStringLiteral("lastOpenDirectory");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
// Version of the dock layout saved under kStateKey (0: before the workflow canvas was the
// window's centre, with the editor's palette, properties and messages inside it).
constexpr int kStateVersion = 1;
// Quiet time after the last edit of the graph before the views refresh the node they show.
constexpr int kRefreshDelayMs = 300;
// From this many rows on, the views other than the data table fill in a turn of the event
// loop of their own, after the table's model is reset.
constexpr qint64 kSplitFillRows = 200'000;

// The local files among a drag's urls (directories included: loading one says why not).
QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    return files;
}

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

// 1280×800, or the screen's available area when it is smaller.
// The right column's share of the window (percent): where it starts, and the most that
// the first table's column list widens it to.
constexpr int kColumnsDockShare = 14;

QSize defaultWindowSize(const QScreen *screen)
{
    const QSize size(1280, 800);
    return screen ? size.boundedTo(screen->availableSize()) : size;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_tableModel(new widgets::DatasetTableModel(this)),
      m_columnModel(new widgets::ColumnSummaryModel(this))
{
    initSextantResources();
    setWindowTitle(tr("Sextant"));
    setWindowIcon(QIcon(QStringLiteral(":/sextant/icons/sextant.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North); // tabbed docks: tabs on top

    // Centre: an error/warning banner above the data table (or, before any dataset, a
    // hint saying how to open one).
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    m_banner = new MessageBanner(central);
    layout->addWidget(m_banner);
    m_stack = new QStackedWidget(central);
    auto *placeholder
        = new QLabel(tr("<p style='font-size:large'>Drop a data file here</p>"
                        "<p>CSV, TSV, ARFF or LIBSVM, or a folder of images sorted into "
                        "class subfolders — or use <b>File › Open Dataset…</b></p>"),
            m_stack);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true); // (unwrapped, its longest line set the window's width)
    placeholder->setObjectName(QStringLiteral("dropHint"));
    placeholder->setEnabled(false); // greyed
    m_stack->addWidget(placeholder);
    m_table = new widgets::DataTableView(m_stack);
    m_table->setObjectName(QStringLiteral("dataTable"));
    m_table->setModel(m_tableModel);
    m_stack->addWidget(m_table);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_stack, tr("Data"));
    // Which node's table the views show.
    // (A long node name is cut with "…" rather than widening the window.)
    m_sourceLabel = new widgets::ElidedLabel(central);
    m_sourceLabel->setObjectName(QStringLiteral("shownNodeLabel"));
    // Until a table is shown, a greyed hint in its place: the row is always there, so the
    // canvas does not move down under the pointer when the first node is selected.
    m_sourceLabel->setText(tr("Select a node to see its data here"));
    m_sourceLabel->setEnabled(false);
    auto *header = new QHBoxLayout;
    header->addWidget(m_sourceLabel, 1);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createDocks();
    createViews();
    createDocument();
    createInspector();
    createLinkedSelection(central, header); // its bar goes next to the node's label
    // In place of the tabs while no workflow is open (automatic in the studio: main.cpp).
    m_welcome = new WelcomePage(*this, central);
    layout->addWidget(m_welcome, 1);
    createActions();
    createStatusBar();

    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        m_warningsDock->show();
        m_warningsDock->raise();
    });
    connect(m_columnList, &widgets::ColumnListView::currentColumnChanged, this,
        &MainWindow::showColumn);
    new ColumnRoleController(
        m_columnList, m_graphEditor, [this] { return shownNode(); }, this);
    connect(m_table, &widgets::DataTableView::currentColumnChanged, this,
        &MainWindow::onTableColumnChanged);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(defaultWindowSize(screen()));
    // A layout the user left is kept; otherwise the first dataset sizes the docks.
    // (An older layout, saved without a version, is not restored: the canvas comes first.)
    m_docksFitted = restoreState(settings.value(kStateKey).toByteArray(), kStateVersion);
    m_docksSized = m_docksFitted;
    m_warningsDock->hide(); // only shown for a load with warnings
}

MainWindow::~MainWindow()
{
    // The inspector refers to the graph and the executor, which are members: it goes
    // before them (its own executor waits for its workers). The canvas's selection, which
    // changes as the editor takes its nodes down, no longer reaches it.
    disconnect(m_graphEditor->scene(), nullptr, this, nullptr);
    delete m_inspector;
    m_inspector = nullptr;
    // So do the views of the linked selection, the result tabs and Auto-run, which refer
    // to both too.
    delete m_selectionViews;
    m_selectionViews = nullptr;
    delete m_autoRun;
    m_autoRun = nullptr;
    delete m_results;
    m_results = nullptr;
    // The editor refers to the model and the executor, which are members: it goes first.
    delete m_graphEditor;
    m_graphEditor = nullptr;
    // The editor's palette, properties and messages live in docks and refer to the graph
    // model: they go before it too.
    delete m_paletteDock;
    delete m_propertiesDock;
    delete m_messagesDock;
}

void MainWindow::createViews()
{
    m_heatmap = new plots::CorrelationHeatmap(m_tabs);
    m_heatmap->setObjectName(QStringLiteral("correlationHeatmap"));
    m_tabs->addTab(m_heatmap, tr("Correlation"));
    m_scatter = new plots::ScatterPlot(m_tabs);
    m_scatter->setObjectName(QStringLiteral("scatterPlot"));
    m_tabs->addTab(m_scatter, tr("Scatter"));

    m_graph = std::make_unique<engine::GraphModel>(engine::BuiltinNodes::registry());
    m_executor = std::make_unique<engine::Executor>(*m_graph);
    if (Preferences::workerThreads() > 0)
        m_executor->setMaxThreads(Preferences::workerThreads());
    m_graphEditor = new widgets::GraphEditor(*m_graph, *m_executor, m_tabs);
    m_graphEditor->setObjectName(QStringLiteral("graphEditor"));
    // A workbook with several sheets: which one to read.
    m_graphEditor->setFileParameterHook(
        [this](const QString &path) { return SheetChooser::parametersFor(this, path); });
    // The canvas is the window's centre: the first tab, the one shown.
    m_tabs->insertTab(0, m_graphEditor, tr("Workflow"));
    m_tabs->setCurrentWidget(m_graphEditor);
    createEditorDocks();
    // Each result in a titled tab of its own; a double click on the node (re)opens it.
    m_results = new ResultTabs(*m_tabs, *m_graph, *m_executor, this);
    // The columns picked in a Scatter node's tab become the node's parameters.
    new ScatterChoiceWriter(*m_results, *m_graph, *m_executor, *m_graphEditor->undoStack(), this);
    // The cut dragged in a Dendrogram node's tab becomes its clusters parameter.
    new DendrogramCutWriter(*m_results, *m_graph, *m_graphEditor->undoStack(), this);
    // A node that has not run yet runs up to there first, when it can.
    connect(m_graphEditor, &widgets::GraphEditor::openViewRequested, this, [this](int id) {
        QString why;
        if (m_results->open(id, &why))
            return;
        if (!m_executor->result(id)) {
            if (const QString missing = m_inspector->whyNotRunnable(id); !missing.isEmpty())
                why = tr("To see this result: %1.").arg(missing);
            else if (m_graphEditor->runNodes({ id }))
                return m_results->openWhenDone(id);
        }
        statusBar()->showMessage(why, 5000);
    });

    // Live training: epochs and tuning trials from the executor's worker threads.
    m_trainingMonitor = new widgets::TrainingMonitor(this);
    m_trainingMonitor->setObjectName(QStringLiteral("trainingMonitor"));
    m_trainingDock = new QDockWidget(tr("Training"), this);
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    // Its place in the narrow right column must not widen it.
    m_trainingMonitor->setMinimumWidth(120);
    m_trainingDock->setWidget(m_trainingMonitor);
    // A tab next to the messages: appearing never moves the canvas.
    addDockWidget(Qt::RightDockWidgetArea, m_trainingDock);
    tabifyDockWidget(m_messagesDock, m_trainingDock);
    m_trainingDock->hide(); // shown by the first epoch
    // Worker thread -> GUI thread: queued.
    connect(
        m_executor.get(), &engine::Executor::nodeUpdate, this,
        [this](int id, const engine::NodeValuePtr &value) {
            if (!m_trainingDock->isVisible()) {
                m_trainingDock->show();
                m_trainingDock->raise();
            }
            m_trainingMonitor->addUpdate(id, value);
        },
        Qt::QueuedConnection);
    // Worker thread -> GUI thread: queued.
    connect(
        m_executor.get(), &engine::Executor::runStarted, this,
        [this] { m_trainingMonitor->setRunning(true); }, Qt::QueuedConnection);
    // Worker thread -> GUI thread: queued.
    connect(
        m_executor.get(), &engine::Executor::runFinished, this,
        [this] { m_trainingMonitor->setRunning(false); }, Qt::QueuedConnection);
    connect(m_trainingMonitor, &widgets::TrainingMonitor::stopRequested, this,
        [this] { m_executor->stopTraining(); });

    // Selecting points in the scatter selects their rows in the table.
    connect(m_scatter, &plots::ScatterPlot::pointClicked, this,
        [this](qint64 row) { m_table->selectRow(static_cast<int>(row)); });
    // (Its rubber band, lasso and clicks select rows in the linked selection: SelectionViews.)
    // A heatmap cell opens the scatter of its two columns.
    connect(m_heatmap, &plots::CorrelationHeatmap::cellClicked, this, [this](int i, int j) {
        if (!m_shown)
            return;
        const engine::Dataset &ds = m_shown->dataset;
        const auto &cols = m_shown->correlation.columns;
        if (i < 0 || j < 0 || i >= cols.size() || j >= cols.size())
            return;
        plots::ScatterChoice choice = m_scatter->choice();
        choice.x = ds.column(cols[j]).name();
        choice.y = ds.column(cols[i]).name();
        if (m_scatter->hasSource()) {
            m_scatter->setChoice(choice);
        } else {
            plots::ScatterSource source;
            source.table = ds;
            source.choice = choice;
            m_scatter->setSource(std::move(source));
        }
        m_selectionViews->setScatterSource(shownSource());
        m_selectionViews->showSelection();
        m_tabs->setCurrentWidget(m_scatter);
    });
}

void MainWindow::showOverview(const NodeInspection &inspection)
{
    const engine::Dataset &ds = inspection.dataset;
    m_heatmap->setMatrix(inspection.correlation);
    m_selectionViews->setScatterSource(shownSource());
    // The scatter explores the table; the principal components are two more axes (over
    // the complete rows). It gathers the chosen columns on its worker.
    const bool components = inspection.scatter && !inspection.scatter->extra.isEmpty();
    m_scatter->setTitle(
        components ? QString() : tr("Principal components: %1").arg(inspection.projection.error));
    if (inspection.scatter) {
        m_scatter->setSource(inspection.scatter);
    } else {
        plots::ScatterSource source;
        source.table = ds;
        m_scatter->setSource(std::move(source));
    }
}

bool MainWindow::saveTrainedModel(int nodeId, bool onnx, const QString &path)
{
    return m_exports->saveTrainedModel(nodeId, onnx, path);
}

ModelSaver *MainWindow::modelSaver() const
{
    return m_exports->modelSaver();
}

void MainWindow::createDocks()
{
    m_columnList = new widgets::ColumnListView(this);
    m_columnList->setObjectName(QStringLiteral("columnList"));
    m_columnList->setSummaryModel(m_columnModel);
    m_columnsDock = new QDockWidget(tr("Columns"), this);
    m_columnsDock->setObjectName(QStringLiteral("columnsDock"));
    m_columnsDock->setWidget(m_columnList);
    addDockWidget(Qt::RightDockWidgetArea, m_columnsDock);

    m_histogram = new plots::HistogramPlot(this);
    m_histogram->setObjectName(QStringLiteral("histogram"));
    m_splitCombo = new QComboBox(m_histogram);
    m_splitCombo->setObjectName(QStringLiteral("histogramSplit"));
    m_splitCombo->setToolTip(tr("Split the bars by the classes of a categorical column"));
    m_splitCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *splitLabel = new QLabel(tr("&Split by:"), m_histogram);
    splitLabel->setBuddy(m_splitCombo);
    m_histogram->addLeadingControl(splitLabel, m_splitCombo);
    connect(m_splitCombo, &QComboBox::currentIndexChanged, this, &MainWindow::onSplitChosen);
    updateSplitChoices();
    m_histogramDock = new QDockWidget(tr("Histogram"), this);
    m_histogramDock->setObjectName(QStringLiteral("histogramDock"));
    m_histogramDock->setWidget(m_histogram);
    addDockWidget(Qt::RightDockWidgetArea, m_histogramDock);

    m_warningsList = new QListWidget(this);
    m_warningsList->setObjectName(QStringLiteral("warningsList"));
    m_warningsList->setAlternatingRowColors(true);
    m_warningsDock = new QDockWidget(tr("Load Warnings"), this);
    m_warningsDock->setObjectName(QStringLiteral("warningsDock"));
    m_warningsDock->setWidget(m_warningsList);
    addDockWidget(Qt::RightDockWidgetArea, m_warningsDock);
}

QMenu *MainWindow::editMenu() const
{
    return m_editMenu->menu();
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Lists outside the workflow editor's parts keep their own keys.
    m_editMenu = new EditMenu(edit, *m_graphEditor,
        { m_graphEditor, m_paletteDock, m_propertiesDock, m_messagesDock }, this);
    connect(m_editMenu, &EditMenu::selectAllNodesRequested, this, [this] {
        m_tabs->setCurrentWidget(m_graphEditor);
        m_graphEditor->scene()->selectNodes(m_graph->nodeIds());
    });
}

void MainWindow::createRunMenu()
{
    // The editor's run actions, and Auto-run (also on the editor's tool bar, after Cancel).
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    run->addActions({ m_graphEditor->runAction(), m_graphEditor->runToHereAction(),
        m_graphEditor->cancelAction() });
    run->addSeparator();
    m_autoRun = new AutoRun(
        *m_graphEditor, [this](int id) { return m_inspector->whyNotRunnable(id); }, this);
    run->addAction(m_autoRun->action());
    QToolBar *bar = m_graphEditor->toolBar();
    const QList<QAction *> onBar = bar->actions();
    const qsizetype cancel = onBar.indexOf(m_graphEditor->cancelAction());
    bar->insertAction(onBar.value(cancel + 1), m_autoRun->action());
    // Opening a workflow is not an edit: it does not run by itself.
    connect(m_document, &WorkflowDocument::replaced, m_autoRun, &AutoRun::discardPending);
}

QDockWidget *MainWindow::addEditorDock(
    QWidget *widget, const QString &title, const QString &name, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget); // out of the editor's splitter
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createEditorDocks()
{
    // The editor's side panels become docks around the canvas: palette over properties on
    // the left; on the right the column list and the histogram (tabbed), over the messages
    // (tabbed with the training monitor and the load warnings).
    m_paletteDock = addEditorDock(m_graphEditor->palette(), tr("Nodes"),
        QStringLiteral("paletteDock"), Qt::LeftDockWidgetArea);
    m_propertiesDock = addEditorDock(m_graphEditor->propertyPanel(), tr("Properties"),
        QStringLiteral("propertiesDock"), Qt::LeftDockWidgetArea);
    splitDockWidget(m_paletteDock, m_propertiesDock, Qt::Vertical);
    QListWidget *messages = m_graphEditor->messageList();
    messages->setMaximumHeight(QWIDGETSIZE_MAX); // the dock sizes it
    m_messagesDock = addEditorDock(
        messages, tr("Messages"), QStringLiteral("messagesDock"), Qt::RightDockWidgetArea);
    splitDockWidget(m_columnsDock, m_messagesDock, Qt::Vertical);
    tabifyDockWidget(m_columnsDock, m_histogramDock);
    tabifyDockWidget(m_messagesDock, m_warningsDock);
    // Narrow side columns are fine: the panels scroll.
    m_graphEditor->palette()->setMinimumWidth(120);
    m_graphEditor->propertyPanel()->setMinimumWidth(120);
    // A histogram split by the target (its legend beside the bars) does not widen its dock.
    // Its plot (and its wrapping controls) follow, so the dock never clips the plot.
    m_histogram->setMinimumWidth(120);
    m_histogram->plotWidget()->setMinimumWidth(120);
}

void MainWindow::sizeDocks()
{
    // The canvas keeps most of the window: narrow side columns, in proportion to the
    // window within limits, and a short messages row. The left column is at least as wide
    // as the palette's longest node name (in the user's language), within a fifth of the
    // window.
    const int w = width();
    const int left = std::clamp(std::max(w * 11 / 100, m_graphEditor->palette()->widthForNames()),
        150, std::max(240, w / 5));
    // The right column starts at the share that fillViews() may widen the column list to,
    // so the canvas does not shrink under the pointer when the first table is shown.
    const int right = std::clamp(w * kColumnsDockShare / 100, 170, 300);
    resizeDocks({ m_paletteDock, m_columnsDock }, { left, right }, Qt::Horizontal);
    const int h = height();
    resizeDocks({ m_paletteDock, m_propertiesDock }, { h * 45 / 100, h * 55 / 100 }, Qt::Vertical);
    resizeDocks({ m_columnsDock, m_messagesDock }, { h * 70 / 100, h * 30 / 100 }, Qt::Vertical);
    m_columnsDock->raise();
    m_messagesDock->raise();
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!m_docksSized) {
        m_docksSized = true;
        // Once the layout has the window's size.
        QTimer::singleShot(0, this, &MainWindow::sizeDocks);
    }
    QMainWindow::showEvent(event);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Dataset…"), this, &MainWindow::openFileDialog);
    open->setObjectName(QStringLiteral("openDatasetAction"));
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a CSV, TSV, ARFF or LIBSVM file"));
    QAction *openImages
        = file->addAction(tr("Open &Image Folder…"), this, &MainWindow::openImageFolderDialog);
    openImages->setObjectName(QStringLiteral("openImageFolderAction"));
    openImages->setStatusTip(
        tr("Open a folder with one subfolder of images per class as a table of features"));
    QAction *importCsv = file->addAction(
        tr("&Import CSV…"), this, [this] { CsvImport::chooseAndImport(this, *m_graphEditor); });
    importCsv->setObjectName(QStringLiteral("importCsvAction"));
    importCsv->setStatusTip(tr("Open delimited text with a preview and its import options"));
    QAction *exportTable = file->addAction(tr("&Export Table…"), this,
        [this] { TableExport::exportTable(this, m_tableModel->dataset()); });
    exportTable->setObjectName(QStringLiteral("exportTableAction"));
    exportTable->setStatusTip(tr("Save the table the views show as CSV, TSV or ARFF"));
    m_recent = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    file->addSeparator();
    // Workflow documents (Ctrl+O is Open dataset).
    QAction *newFlow = file->addAction(tr("&New Workflow"), this, [this] { newWorkflow(); });
    newFlow->setObjectName(QStringLiteral("newWorkflowAction"));
    newFlow->setShortcut(QKeySequence::New);
    newFlow->setStatusTip(tr("Start an empty workflow"));
    QAction *openFlow
        = file->addAction(tr("Open &Workflow…"), m_document, &WorkflowDocument::openDialog);
    openFlow->setObjectName(QStringLiteral("openWorkflowAction"));
    openFlow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFlow->setStatusTip(tr("Open a workflow file (.sextant)"));
    QAction *saveFlow = file->addAction(tr("&Save Workflow"), this, [this] { saveWorkflow(); });
    saveFlow->setObjectName(QStringLiteral("saveWorkflowAction"));
    saveFlow->setShortcut(QKeySequence::Save);
    QAction *saveFlowAs
        = file->addAction(tr("Save Workflow &As…"), this, [this] { saveWorkflowAs(); });
    saveFlowAs->setObjectName(QStringLiteral("saveWorkflowAsAction"));
    saveFlowAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_graphEditor, &widgets::GraphEditor::workflowFileDropped, this,
        [this](const QString &path) { openWorkflow(path); });
    updateWindowTitle();
    file->addSeparator();
    m_exports = new ExportMenus(file, *m_tabs, *m_graphEditor, *m_document, this);
    connect(m_exports, &ExportMenus::statusMessage, this,
        [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_exports, &ExportMenus::failed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Level::Error, message);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    createEditMenu();
    createRunMenu();

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    for (QDockWidget *dock : { m_paletteDock, m_propertiesDock, m_columnsDock, m_histogramDock,
             m_messagesDock, m_trainingDock, m_warningsDock })
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Sextant"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    new HelpMenu(help, editMenu(), *this, m_welcome); // guide, reference, shortcuts; Preferences
}

void MainWindow::createStatusBar()
{
    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setFixedWidth(180);
    m_progress->setTextVisible(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelButton->setToolTip(tr("Stop loading this file"));
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setObjectName(QStringLiteral("datasetSize"));
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_sizeLabel);
    setLoadingUi(false);
    statusBar()->showMessage(tr("Drop a data file on the window, or use File › Open Dataset…"));
}

// ---- opening files -----------------------------------------------------------------------

void MainWindow::openFileDialog()
{
    QSettings settings;
    const QString dir = settings.value(kLastDirKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Dataset"), dir, DatasetLoader::fileDialogFilter());
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::openImageFolderDialog()
{
    QSettings settings;
    const QString dir = settings.value(kLastDirKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Image Folder"), dir);
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::openFile(const QString &path)
{
    if (path.isEmpty())
        return;
    if (isWorkflowFile(path)) { // command line, recent files
        openWorkflow(path);
        return;
    }
    if (ModelFileOpener::isModelFile(path)) { // a double-click on a .sxmodel
        ModelFileOpener::open(*m_graphEditor, path);
        return;
    }
    // One way in for every dataset: the File node of the workflow that reads it (added,
    // or selected when there is one), which datasetFileOpened then inspects.
    m_graphEditor->openDatasetFile(QFileInfo(path).absoluteFilePath());
}

void MainWindow::createInspector()
{
    m_inspector = new NodeInspector(*m_graph, *m_executor, this);
    connect(m_graphEditor, &widgets::GraphEditor::datasetFileOpened, this,
        [this](int id, const QString &path) {
            if (id == m_inspector->pendingNode()) {
                // Selecting the node started it a moment ago: now it is an open.
                m_inspectingFile = true;
                m_inspectedName = displayName(path);
                setLoadingUi(true, m_inspectedName);
            } else {
                inspectNode(id, true);
            }
            Q_EMIT loadStarted(path);
        });
    // Selecting one node that produces a table shows that table; so does an edit that
    // changes the selected node's table (a connection made, a parameter changed), shortly
    // after the last one.
    connect(m_graphEditor->scene(), &QGraphicsScene::selectionChanged, this,
        [this] { inspectSelection(true); });
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { inspectSelection(false); });
    connect(
        m_graph.get(), &engine::GraphModel::changed, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_inspector, &NodeInspector::progress, this,
        [this](int, NodeInspector::Stage stage, double fraction) {
            if (m_progress->maximum() == 0)
                m_progress->setRange(0, 100);
            m_progress->setValue(std::clamp(int(fraction * 100), 0, 100));
            m_progressLabel->setText(stage == NodeInspector::Stage::Running
                    ? (m_inspectedIsFile ? tr("Reading %1…") : tr("Running %1…"))
                          .arg(m_inspectedName)
                    : tr("Computing statistics of %1…").arg(m_inspectedName));
        });
    connect(m_inspector, &NodeInspector::ready, this,
        [this](const std::shared_ptr<const NodeInspection> &inspection) {
            setLoadingUi(false);
            applyInspection(inspection); // -> loadFinished(true)
        });
    connect(m_inspector, &NodeInspector::failed, this, [this](int id, const QString &message) {
        setLoadingUi(false);
        if (m_inspectingFile) {
            m_banner->showMessage(MessageBanner::Level::Error,
                tr("Could not load %1.\n%2").arg(m_inspectedName, message));
            statusBar()->showMessage(tr("Could not load %1").arg(m_inspectedName), 8000);
        } else {
            statusBar()->showMessage(
                tr("Nothing to show for %1: %2").arg(m_inspector->labelOf(id), message), 8000);
        }
        Q_EMIT loadFinished(false);
    });
    // The node shown renamed: the label above the views (and the selection's) say so.
    connect(m_graph.get(), &engine::GraphModel::labelChanged, this, [this](int id) {
        if (m_shown && m_shownFor == id && m_shown->nodeId != id) {
            m_sourceLabel->setText(sourceLabelText());
            return;
        }
        if (!m_shown || m_shown->nodeId != id)
            return;
        m_shownLabel = labelOf(*m_shown);
        m_sourceLabel->setText(sourceLabelText());
        const TableSource shown = shownSource();
        if (linkedSelection()->source() == shown) // (a selection elsewhere stays where it is)
            m_selectionViews->setShownTable(shown, m_shown->dataset.rowCount(), m_shownLabel);
    });
    // The node shown is no longer the same: say so (its table stays in the views).
    connect(m_graph.get(), &engine::GraphModel::nodeRemoved, this, [this](int id) {
        if (m_shown && m_shown->nodeId == id)
            m_sourceLabel->setText(tr("%1 — removed from the workflow").arg(m_shownLabel));
    });
    connect(m_document, &WorkflowDocument::replaced, this, [this] {
        cancelLoading();
        if (m_shown)
            m_sourceLabel->setText(tr("%1 — of another workflow").arg(m_shownLabel));
    });
}

void MainWindow::inspectSelection(bool selectionChanged)
{
    const QList<int> ids = m_graphEditor->scene()->selectedNodeIds();
    if (ids.size() != 1)
        return;
    // A learner, an evaluation or a view has no table of its own: the views show the
    // table it takes in.
    const int selected = ids.front();
    const int id = m_inspector->tableNodeFor(selected);
    if (id == 0)
        return;
    const int forNode = id == selected ? 0 : selected;
    if (id == m_inspector->pendingNode() && forNode == m_inspectingFor)
        return;
    if (!m_inspector->isBusy() && m_shown && m_shown->nodeId == id && m_executor->isUpToDate(id)) {
        if (forNode != m_shownFor) { // the same table, now as the input of another node
            m_shownFor = forNode;
            m_sourceLabel->setText(sourceLabelText());
        }
        return; // shown already
    }
    if (const QString why = m_inspector->whyNotRunnable(id); !why.isEmpty()) {
        // Half built: say what is missing instead of running it to a failure.
        if (selectionChanged)
            statusBar()->showMessage(
                tr("To see the table of %1: %2.").arg(m_inspector->labelOf(id), why), 8000);
        return;
    }
    inspectNode(id, false, forNode);
}

void MainWindow::inspectNode(int id, bool openingFile, int forNode)
{
    const bool wasLoading = isLoading();
    m_inspector->setHistogramBins(m_histogram->binCount());
    m_inspectingFile = openingFile;
    m_inspectingFor = forNode;
    const engine::NodeType *type = m_graph->nodeType(id);
    m_inspectedIsFile = type && type->id == engine::FileSourceNode::typeId();
    const QString path = m_graph->parameter(id, QStringLiteral("path")).toString();
    m_inspectedName
        = m_inspectedIsFile && !path.isEmpty() ? displayName(path) : m_inspector->labelOf(id);
    if (!m_inspector->inspect(id)) {
        if (wasLoading)
            Q_EMIT loadFinished(false);
        return;
    }
    setLoadingUi(true, m_inspectedName);
}

void MainWindow::cancelLoading()
{
    if (!isLoading())
        return;
    m_inspector->cancel();
    setLoadingUi(false);
    statusBar()->showMessage(tr("Loading %1 cancelled").arg(m_inspectedName), 8000);
    Q_EMIT loadFinished(false);
}

bool MainWindow::isLoading() const
{
    return m_inspector && m_inspector->isBusy();
}

int MainWindow::runningJobCount() const
{
    return m_inspector ? m_inspector->runningJobs() : 0;
}

int MainWindow::shownNode() const
{
    return m_shown ? m_shown->nodeId : 0;
}

QString MainWindow::shownNodeLabel() const
{
    return m_shown ? m_sourceLabel->text() : QString();
}

void MainWindow::applyInspection(const std::shared_ptr<const NodeInspection> &inspection)
{
    // The same node again (after an edit, a role changed in the column list): the same
    // column stays selected.
    const int wasSelected = m_columnList->currentColumn();
    const QString keep = m_shown && m_shown->nodeId == inspection->nodeId && wasSelected >= 0
            && wasSelected < m_shown->dataset.columnCount()
        ? m_shown->dataset.column(wasSelected).name()
        : QString();
    m_shown = inspection;
    m_shownFor = m_inspectingFor;
    const engine::Dataset &dataset = inspection->dataset;
    m_shownLabel = labelOf(*inspection);
    m_sourceLabel->setText(sourceLabelText());
    m_sourceLabel->setToolTip(inspection->filePath.isEmpty()
            ? QString()
            : QDir::toNativeSeparators(inspection->filePath));
    m_sourceLabel->setEnabled(true);
    // Everything below is proportional to the columns, never to the rows.
    m_tableModel->setDataset(dataset);
    m_selectionViews->setTableSource(shownSource());
    m_columnModel->setDataset(dataset, inspection->summaries,
        ColumnRoleController::ignoredColumns(*m_graph, inspection->nodeId));
    const bool openingFile = m_inspectingFile;
    if (dataset.rowCount() < kSplitFillRows) {
        fillViews(inspection, keep, openingFile);
        Q_EMIT loadFinished(true);
        return;
    }
    // A big table: resetting the table's model is a long turn of the event loop already
    // (Qt's row header walks every row); the other views fill in the next one.
    QTimer::singleShot(1, this, [this, inspection, keep, openingFile] {
        if (m_shown != inspection)
            return; // a newer table is shown
        fillViews(inspection, keep, openingFile);
        Q_EMIT loadFinished(true);
    });
}

void MainWindow::fillViews(
    const std::shared_ptr<const NodeInspection> &inspection, const QString &keep, bool openingFile)
{
    const engine::Dataset &dataset = inspection->dataset;
    m_table->fitColumnsToSample();
    m_columnList->fitColumns();
    m_stack->setCurrentWidget(m_table);
    if (!m_docksFitted) {
        // Once per window: give the column list the width its fields need, within reason.
        m_docksFitted = true;
        const int wanted = m_columnList->fittedWidth();
        // Never at the canvas's expense: it grows to its share of the window at most.
        if (wanted > m_columnsDock->width())
            resizeDocks({ m_columnsDock },
                { std::min(
                    wanted, std::max(m_columnsDock->width(), width() * kColumnsDockShare / 100)) },
                Qt::Horizontal);
    }

    m_datasetName = dataset.name();
    updateWindowTitle();
    const QLocale locale;
    m_sizeLabel->setText(tr("%1 rows × %2 columns")
                             .arg(locale.toString(qlonglong(dataset.rowCount())))
                             .arg(locale.toString(dataset.columnCount())));
    const QString took = inspection->elapsedMs < 1 ? tr("under a millisecond")
        : inspection->elapsedMs < 1000
        ? tr("%1 ms").arg(inspection->elapsedMs)
        : tr("%1 s").arg(locale.toString(inspection->elapsedMs / 1000.0, 'f', 1));
    const QString name
        = inspection->filePath.isEmpty() ? inspection->label : displayName(inspection->filePath);
    statusBar()->showMessage(tr("Showing %1 (%2)").arg(name, took), 8000);
    if (openingFile && !inspection->filePath.isEmpty())
        // Writing the settings file is a separate turn of the event loop, not part of the
        // (already long) one that fills the views.
        QTimer::singleShot(0, this, [this, path = inspection->filePath] { addRecentFile(path); });

    m_warningsList->clear();
    const QStringList &warnings = inspection->warnings;
    for (const QString &w : warnings)
        m_warningsList->addItem(w);
    if (warnings.isEmpty()) {
        m_banner->dismiss();
        m_warningsDock->hide();
    } else {
        const QString text = warnings.size() == 1
            ? tr("%1 was loaded with a warning.").arg(name)
            : tr("%1 was loaded with %2 warnings.").arg(name).arg(warnings.size());
        m_banner->showMessage(MessageBanner::Level::Warning, text, tr("Show Warnings"));
        m_warningsDock->show();
        resizeDocks(
            { m_warningsDock }, { m_warningsList->sizeHintForRow(0) * 6 + 8 }, Qt::Vertical);
    }

    m_histogram->clear();
    updateSplitChoices();
    const int kept = keep.isEmpty() ? -1 : dataset.indexOf(keep);
    selectColumn(kept >= 0 ? kept : dataset.columnCount() > 0 ? 0 : -1);
    showOverview(*inspection);
    // The selection of this table (what its Selected Rows node holds), in every view.
    m_selectionViews->setShownTable(shownSource(), dataset.rowCount(), m_shownLabel);
    m_selectionViews->showSelection();
}

void MainWindow::setLoadingUi(bool loading, const QString &name)
{
    m_progressLabel->setVisible(loading);
    m_progress->setVisible(loading);
    m_cancelButton->setVisible(loading);
    if (loading) {
        m_progress->setRange(0, 0); // busy until the first progress report
        m_progressLabel->setText(tr("Opening %1…").arg(name));
        statusBar()->clearMessage();
    }
}

// ---- columns and histogram -----------------------------------------------------------------

int MainWindow::selectedColumn() const
{
    return m_columnList->currentColumn();
}

void MainWindow::selectColumn(int column)
{
    if (m_columnList->currentColumn() == column)
        showColumn(column);
    else
        m_columnList->setCurrentColumn(column); // -> showColumn
}

void MainWindow::showColumn(int column)
{
    const engine::Dataset &dataset = m_tableModel->dataset();
    if (column < 0 || column >= dataset.columnCount()) {
        m_histogram->clear();
        return;
    }
    const engine::Histogram *precomputed = nullptr;
    if (!m_selectionViews) // the window is going
        return;
    const TableSource table = m_selectionViews->tableSource();
    if (m_shown && table == shownSource() && std::size_t(column) < m_shown->histograms.size()
        && m_shown->histogramBins == m_histogram->binCount())
        precomputed = &m_shown->histograms[std::size_t(column)];
    m_histogram->setColumn(dataset.column(column), precomputed);
    if (!(m_selectionViews->histogramSource() == table)) {
        m_selectionViews->setHistogramSource(table);
        m_selectionViews->showSelection();
    }
    if (!m_syncingSelection) {
        m_syncingSelection = true;
        m_table->setCurrentColumn(column);
        m_syncingSelection = false;
    }
}

void MainWindow::updateSplitChoices()
{
    // Proportional to the columns, never to the rows.
    const engine::Dataset &dataset = m_tableModel->dataset();
    const QList<int> targets = dataset.columnsWithRole(engine::ColumnRole::Target);
    int chosen = 0;
    {
        const QSignalBlocker blocker(m_splitCombo);
        m_splitCombo->clear();
        m_splitCombo->addItem(tr("None"), -1);
        for (int c = 0; c < dataset.columnCount(); ++c) {
            if (!dataset.column(c).isCategorical())
                continue;
            m_splitCombo->addItem(dataset.column(c).name(), c);
            if (!targets.isEmpty() && targets.front() == c)
                chosen = m_splitCombo->count() - 1;
        }
        m_splitCombo->setCurrentIndex(chosen);
    }
    m_splitCombo->setEnabled(m_splitCombo->count() > 1);
    onSplitChosen(chosen);
}

void MainWindow::onSplitChosen(int index)
{
    const engine::Dataset &dataset = m_tableModel->dataset();
    const int column = m_splitCombo->itemData(index).toInt();
    if (column >= 0 && column < dataset.columnCount() && dataset.column(column).isCategorical())
        m_histogram->setSplitColumn(dataset.column(column));
    else
        m_histogram->clearSplitColumn();
}

void MainWindow::onTableColumnChanged(int column)
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    m_columnList->setCurrentColumn(column);
    m_syncingSelection = false;
}

// ---- linked selection ----------------------------------------------------------------------

void MainWindow::createLinkedSelection(QWidget *parent, QHBoxLayout *row)
{
    SelectionViews::Views views;
    views.table = m_table;
    views.tableModel = m_tableModel;
    views.stack = m_stack;
    views.histogram = m_histogram;
    views.scatter = m_scatter;
    views.results = m_results;
    m_selectionViews
        = new SelectionViews(*m_graph, *m_executor, *m_graphEditor->undoStack(), views, this);
    connect(m_selectionViews, &SelectionViews::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    row->addWidget(m_selectionViews->createBar(parent));
}

LinkedSelection *MainWindow::linkedSelection() const
{
    return m_selectionViews->selection();
}

TableSource MainWindow::dataTableSource() const
{
    return m_selectionViews->tableSource();
}

QString MainWindow::selectionText() const
{
    return m_selectionViews->text();
}

QString MainWindow::sourceLabelText() const
{
    if (m_shownFor == 0 || !m_graph->hasNode(m_shownFor))
        return m_shownLabel;
    const QString own = m_graph->label(m_shownFor);
    const QString of = own.isEmpty() ? m_inspector->labelOf(m_shownFor)
                                     : tr("%1 (node %2)").arg(own).arg(m_shownFor);
    return tr("%1 — the input of %2").arg(m_shownLabel, of);
}

QString MainWindow::labelOf(const NodeInspection &inspection) const
{
    // The inspector names the node by its type; a node the person renamed goes by its name.
    const engine::NodeType *type = m_graph->nodeType(inspection.nodeId);
    const QString own = m_graph->label(inspection.nodeId);
    if (!type || own.isEmpty() || !inspection.label.startsWith(type->displayName))
        return inspection.label;
    return own + inspection.label.mid(type->displayName.size());
}

TableSource MainWindow::shownSource() const
{
    if (!m_shown || !m_graph->hasNode(m_shown->nodeId))
        return {};
    const int port = LinkedSelection::tablePortOf(*m_graph, m_shown->nodeId);
    return port >= 0 ? TableSource { m_shown->nodeId, port } : TableSource {};
}

// ---- recent files --------------------------------------------------------------------------

QStringList MainWindow::recentFiles() const
{
    return m_recent->files();
}

void MainWindow::addRecentFile(const QString &path)
{
    m_recent->add(path);
}

// ---- drag and drop -------------------------------------------------------------------------

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // A workflow file opens as the workflow (datasets dropped with it are ignored).
    for (const QString &f : files)
        if (isWorkflowFile(f)) {
            openWorkflow(f);
            return;
        }
    // One dataset at a time: prefer a file the loader knows by its extension.
    QString chosen = files.front();
    for (const QString &f : files)
        if (DatasetLoader::isSupported(f)) {
            chosen = f;
            break;
        }
    openFile(chosen);
    if (files.size() > 1)
        statusBar()->showMessage(tr("Opening %1 (one file at a time; %2 other files ignored)")
                                     .arg(displayName(chosen))
                                     .arg(files.size() - 1),
            8000);
}

// ---- workflow files ------------------------------------------------------------------------

bool MainWindow::isWorkflowFile(const QString &path)
{
    return WorkflowDocument::isWorkflowFile(path);
}

QString MainWindow::workflowPath() const
{
    return m_document->path();
}

QString MainWindow::workflowName() const
{
    return m_document->name();
}

bool MainWindow::isWorkflowModified() const
{
    return m_document->isModified();
}

void MainWindow::setUnsavedChangesPrompt(UnsavedChangesPrompt prompt)
{
    m_document->setUnsavedChangesPrompt(std::move(prompt));
}

void MainWindow::setSavePathPrompt(SavePathPrompt prompt)
{
    m_document->setSavePathPrompt(std::move(prompt));
}

bool MainWindow::newWorkflow()
{
    return m_document->newWorkflow();
}

bool MainWindow::openWorkflow(const QString &path)
{
    return m_document->open(path);
}

bool MainWindow::saveWorkflow()
{
    return m_document->save();
}

bool MainWindow::saveWorkflowAs(const QString &path)
{
    return m_document->saveAs(path);
}

bool MainWindow::restoreWorkflow(const QByteArray &workflow, const QString &originalPath,
    const QString &baseDirectory, QString *error)
{
    if (!m_document->restore(workflow, originalPath, baseDirectory, error))
        return false;
    m_tabs->setCurrentWidget(m_graphEditor);
    m_graphEditor->fitToView();
    statusBar()->showMessage(tr("Restored unsaved changes to %1").arg(workflowName()), 8000);
    return true;
}

void MainWindow::createDocument()
{
    m_document = new WorkflowDocument(*m_graph, *m_executor, m_graphEditor->undoStack(), this);
    connect(m_document, &WorkflowDocument::modifiedChanged, this, &MainWindow::updateWindowTitle);
    connect(m_document, &WorkflowDocument::pathChanged, this, &MainWindow::workflowPathChanged);
    connect(m_document, &WorkflowDocument::fileUsed, this, &MainWindow::addRecentFile);
    connect(m_document, &WorkflowDocument::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_document, &WorkflowDocument::failed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Level::Error, message);
        m_workflowErrorShown = true;
    });
    connect(m_document, &WorkflowDocument::replaced, this, [this](const QString &path) {
        if (!path.isEmpty() && m_workflowErrorShown) {
            m_banner->dismiss();
            m_workflowErrorShown = false;
        }
        m_results->clear(); // another workflow's nodes
        m_tabs->setCurrentWidget(m_graphEditor);
        if (!path.isEmpty())
            m_graphEditor->fitToView();
    });
}

void MainWindow::updateWindowTitle()
{
    QString title = workflowName() + QStringLiteral("[*]");
    if (!m_datasetName.isEmpty())
        title = tr("%1 — %2").arg(title, m_datasetName);
    setWindowTitle(tr("%1 — Sextant").arg(title));
    setWindowModified(isWorkflowModified());
}

// ---- window --------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kStateVersion));
    m_inspector->cancel(); // so that the destructor's joins are quick
    QMainWindow::closeEvent(event);
}

QString MainWindow::errorText() const
{
    if (m_banner->isHidden() || m_banner->level() != MessageBanner::Level::Error)
        return {};
    return m_banner->text();
}

QStringList MainWindow::loadWarnings() const
{
    QStringList out;
    for (int i = 0; i < m_warningsList->count(); ++i)
        out << m_warningsList->item(i)->text();
    return out;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Sextant"),
        tr("<h3>Sextant %1</h3>"
           "<p>A native desktop studio for machine learning on tabular data.</p>"
           "<p>Drop a CSV, TSV, ARFF or LIBSVM file on the window to look at it: the data "
           "table, the column statistics and the histogram of each column.</p>"
           "<p>Built with Qt %2 and QCustomPlot.</p>")
            .arg(QStringLiteral(SEXTANT_VERSION_STRING), QString::fromLatin1(qVersion())));
}

} // namespace sextant::app
