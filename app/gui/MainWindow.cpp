#include "gui/MainWindow.h"

#include "data/DatasetLoader.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/AutoRun.h"
#include "gui/ColumnRoleController.h"
#include "gui/CsvImport.h"
#include "gui/LinkedSelection.h"
#include "gui/ModelSaver.h"
#include "gui/NodeInspector.h"
#include "gui/ResultTabs.h"
#include "gui/TableExport.h"
#include "gui/WorkflowDocument.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"
#include "nodes/PredictionView.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/HistogramPlot.h"
#include "plots/PlotExporter.h"
#include "plots/PlotView.h"
#include "plots/ScatterPlot.h"
#include "sextant/Version.h"
#include "widgets/ColumnListView.h"
#include "widgets/ColumnSummaryModel.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/GraphCommands.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"
#include "widgets/MessageBanner.h"
#include "widgets/NodePalette.h"
#include "widgets/PropertyPanel.h"
#include "widgets/TrainingMonitor.h"

#include <QAbstractItemView>
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
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
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
#include <QToolButton>
#include <QUndoStack>
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

const QString kRecentFilesKey = QStringLiteral("recentFiles");
const QString kLastDirKey = QStringLiteral("lastOpenDirectory");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
// Version of the dock layout saved under kStateKey (0: before the workflow canvas was the
// window's centre, with the editor's palette, properties and messages inside it).
constexpr int kStateVersion = 1;
// Quiet time after the last edit of the graph before the views refresh the node they show.
constexpr int kRefreshDelayMs = 300;

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
                        "<p>CSV, TSV, ARFF or LIBSVM — or use <b>File › Open Dataset…</b></p>"),
            m_stack);
    placeholder->setAlignment(Qt::AlignCenter);
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
    m_sourceLabel = new QLabel(central);
    m_sourceLabel->setObjectName(QStringLiteral("shownNodeLabel"));
    m_sourceLabel->setTextFormat(Qt::PlainText);
    m_sourceLabel->hide(); // until a table is shown
    auto *header = new QHBoxLayout;
    header->addWidget(m_sourceLabel, 1);
    createSelectionBar(central, header);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createDocks();
    createViews();
    createDocument();
    createInspector();
    createLinkedSelection();
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
    // So do the result tabs and Auto-run, which refer to both too.
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
    m_graphEditor = new widgets::GraphEditor(*m_graph, *m_executor, m_tabs);
    m_graphEditor->setObjectName(QStringLiteral("graphEditor"));
    // The canvas is the window's centre: the first tab, the one shown.
    m_tabs->insertTab(0, m_graphEditor, tr("Workflow"));
    m_tabs->setCurrentWidget(m_graphEditor);
    createEditorDocks();
    // Each result in a titled tab of its own; a double click on the node (re)opens it.
    m_results = new ResultTabs(*m_tabs, *m_graph, *m_executor, this);
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
    // ... and its rubber band selects them in the linked selection.
    connect(
        m_scatter, &plots::ScatterPlot::selectionChanged, this, &MainWindow::onScatterRowsSelected);
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
        m_scatterSource = shownSource();
        showSelection();
        m_tabs->setCurrentWidget(m_scatter);
    });
}

void MainWindow::showOverview(const NodeInspection &inspection)
{
    const engine::Dataset &ds = inspection.dataset;
    m_heatmap->setMatrix(inspection.correlation);
    m_scatterSource = shownSource();
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

engine::TrainedModelPtr MainWindow::modelOf(int nodeId) const
{
    const engine::NodeValuePtr value = m_executor->output(nodeId, 0);
    const auto *model = value ? value->as<engine::TrainedModelPtr>() : nullptr;
    return model ? *model : nullptr;
}

bool MainWindow::saveTrainedModel(int nodeId, bool onnx, const QString &chosenPath)
{
    const engine::TrainedModelPtr model = modelOf(nodeId);
    if (!model) {
        m_banner->showMessage(MessageBanner::Level::Error,
            tr("Node %1 has no trained model yet: run the workflow first.").arg(nodeId));
        return false;
    }
    const QString path
        = chosenPath.isEmpty() ? ModelSaver::askForPath(this, *model, onnx) : chosenPath;
    if (path.isEmpty())
        return false;
    m_modelSaver->start(nodeId, model, path, onnx); // serialised and written off this thread
    return true;
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

void MainWindow::createEditMenu()
{
    // The workflow's edits, wherever the focus is in the window. The editor's own actions
    // (its tool bar) give their keys to these, so that no key is claimed twice.
    widgets::GraphEditor *editor = m_graphEditor;
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    const auto add = [this, edit](const QString &text, const QList<QKeySequence> &keys,
                         const QString &name, auto slot) {
        QAction *action = edit->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    // Follows the enabled state (and Undo/Redo's text) of the editor's action.
    const auto mirror = [](QAction *action, QAction *source, bool text) {
        const auto update = [action, source, text] {
            action->setEnabled(source->isEnabled());
            if (text)
                action->setText(source->text());
        };
        connect(source, &QAction::changed, action, update);
        update();
    };
    QAction *undo = add(tr("&Undo"), QKeySequence::keyBindings(QKeySequence::Undo),
        QStringLiteral("editUndo"), [editor] { editor->undoStack()->undo(); });
    mirror(undo, editor->undoAction(), true);
    // Both Ctrl+Y and Ctrl+Shift+Z redo, on every platform.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
        { QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) })
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    QAction *redo = add(tr("&Redo"), redoKeys, QStringLiteral("editRedo"),
        [editor] { editor->undoStack()->redo(); });
    mirror(redo, editor->redoAction(), true);
    edit->addSeparator();
    QAction *cut = add(tr("Cu&t"), QKeySequence::keyBindings(QKeySequence::Cut),
        QStringLiteral("editCut"), [this, editor] {
            if (forwardToFocusedList(QKeySequence::Cut))
                return;
            editor->copySelection();
            editor->deleteSelection();
        });
    mirror(cut, editor->copyAction(), false);
    QAction *copy = add(tr("&Copy"), QKeySequence::keyBindings(QKeySequence::Copy),
        QStringLiteral("editCopy"), [this, editor] {
            if (!forwardToFocusedList(QKeySequence::Copy))
                editor->copySelection();
        });
    mirror(copy, editor->copyAction(), false);
    QAction *paste = add(tr("&Paste"), QKeySequence::keyBindings(QKeySequence::Paste),
        QStringLiteral("editPaste"), [this, editor] {
            if (!forwardToFocusedList(QKeySequence::Paste))
                editor->paste();
        });
    mirror(paste, editor->pasteAction(), false);
    QAction *remove = add(tr("&Delete"), QKeySequence::keyBindings(QKeySequence::Delete),
        QStringLiteral("editDelete"), [this, editor] {
            if (!forwardToFocusedList(QKeySequence::Delete))
                editor->deleteSelection();
        });
    mirror(remove, editor->deleteAction(), false);
    edit->addSeparator();
    add(tr("Select &All"), QKeySequence::keyBindings(QKeySequence::SelectAll),
        QStringLiteral("editSelectAll"), [this, editor] {
            if (forwardToFocusedList(QKeySequence::SelectAll))
                return;
            m_tabs->setCurrentWidget(editor);
            editor->scene()->selectNodes(m_graph->nodeIds());
        });

    for (QAction *action :
        { editor->undoAction(), editor->redoAction(), editor->copyAction(), editor->pasteAction() })
        action->setShortcuts({});
    editor->deleteAction()->setShortcuts({ QKeySequence(Qt::Key_Backspace) });
    m_editMenu = edit;
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

bool MainWindow::forwardToFocusedList(QKeySequence::StandardKey key)
{
    // A table or list outside the workflow editor (the data table, the column list, the
    // load warnings) keeps its own Copy and Select All: the key goes to it.
    QWidget *focus = QApplication::focusWidget();
    auto *list = qobject_cast<QAbstractItemView *>(focus);
    if (!list || window() != focus->window())
        return false;
    const QWidget *editorParts[]
        = { m_graphEditor, m_paletteDock, m_propertiesDock, m_messagesDock };
    for (const QWidget *part : editorParts)
        if (part == focus || part->isAncestorOf(focus))
            return false;
    const QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        return false;
    const QKeyCombination combination = keys.front()[0];
    // The Edit menu's own keys are off meanwhile, so that the list gets the key.
    QList<QAction *> enabled;
    for (QAction *action : m_editMenu->actions())
        if (action->isEnabled()) {
            enabled.append(action);
            action->setEnabled(false);
        }
    QKeyEvent press(QEvent::KeyPress, combination.key(), combination.keyboardModifiers());
    QCoreApplication::sendEvent(list, &press);
    for (QAction *action : enabled)
        action->setEnabled(true);
    return true;
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
    m_histogram->setMinimumWidth(120);
}

void MainWindow::sizeDocks()
{
    // The canvas keeps most of the window: narrow side columns, in proportion to the
    // window within limits, and a short messages row.
    const int w = width();
    const int left = std::clamp(w * 11 / 100, 150, 240);
    const int right = std::clamp(w * 13 / 100, 170, 300);
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
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a CSV, TSV, ARFF or LIBSVM file"));
    QAction *importCsv = file->addAction(
        tr("&Import CSV…"), this, [this] { CsvImport::chooseAndImport(this, *m_graphEditor); });
    importCsv->setObjectName(QStringLiteral("importCsvAction"));
    importCsv->setStatusTip(tr("Open delimited text with a preview and its import options"));
    QAction *exportTable = file->addAction(tr("&Export Table…"), this,
        [this] { TableExport::exportTable(this, m_tableModel->dataset()); });
    exportTable->setObjectName(QStringLiteral("exportTableAction"));
    exportTable->setStatusTip(tr("Save the table the views show as CSV, TSV or ARFF"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
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
    // Export the plot of the current tab (each plot's context menu offers the same).
    QMenu *exportMenu = file->addMenu(tr("&Export Plot"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const auto addExport = [this, exportMenu](const QString &text, plots::ExportFormat format) {
        exportMenu->addAction(text, this, [this, format] {
            if (auto *view = qobject_cast<plots::PlotView *>(m_tabs->currentWidget()))
                view->exportInteractively(format);
        });
    };
    addExport(tr("As &PNG Image…"), plots::ExportFormat::Png);
    addExport(tr("As P&DF (vector)…"), plots::ExportFormat::Pdf);
    addExport(tr("As &SVG (vector)…"), plots::ExportFormat::Svg);
    exportMenu->addSeparator();
    exportMenu->addAction(tr("&Copy Plot to Clipboard"), this, [this] {
        if (auto *view = qobject_cast<plots::PlotView *>(m_tabs->currentWidget()))
            view->copyToClipboard();
    });
    const auto updateExport = [this, exportMenu] {
        exportMenu->setEnabled(qobject_cast<plots::PlotView *>(m_tabs->currentWidget()) != nullptr);
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, updateExport);
    updateExport();
    // Trained models of the selected workflow node (its context menu offers the same).
    QMenu *modelMenu = file->addMenu(tr("Export Trained &Model"));
    modelMenu->setObjectName(QStringLiteral("exportModelMenu"));
    const auto selectedModelNode = [this]() -> int {
        for (int id : m_graphEditor->scene()->selectedNodeIds())
            if (modelOf(id))
                return id;
        return -1;
    };
    modelMenu->addAction(tr("Save Trained Model (.sxmodel)…"), this, [this, selectedModelNode] {
        const int id = selectedModelNode();
        if (id < 0)
            statusBar()->showMessage(
                tr("Select a model node that has run to save its model."), 5000);
        else
            saveTrainedModel(id, false);
    });
    modelMenu->addAction(tr("Export as &ONNX…"), this, [this, selectedModelNode] {
        const int id = selectedModelNode();
        if (id < 0)
            statusBar()->showMessage(
                tr("Select a model node that has run to export its model."), 5000);
        else
            saveTrainedModel(id, true);
    });
    connect(m_graphEditor->scene(), &widgets::GraphScene::nodeContextMenuRequested, this,
        [this](int id, const QPoint &screenPos) {
            if (!modelOf(id))
                return;
            QMenu menu(this);
            menu.addAction(
                tr("Save Trained Model…"), this, [this, id] { saveTrainedModel(id, false); });
            menu.addAction(tr("Export as ONNX…"), this, [this, id] { saveTrainedModel(id, true); });
            menu.exec(screenPos);
        });
    // Saves run on the saver's thread; the status bar says when one starts and ends.
    m_modelSaver = new ModelSaver(this);
    connect(m_modelSaver, &ModelSaver::started, this, [this](int, const QString &path) {
        statusBar()->showMessage(tr("Saving %1…").arg(displayName(path)));
    });
    connect(m_modelSaver, &ModelSaver::finished, this, [this](const ModelSaveOutcome &outcome) {
        if (!outcome.ok) {
            m_banner->showMessage(MessageBanner::Level::Error, outcome.error);
            statusBar()->showMessage(tr("Could not save %1").arg(displayName(outcome.path)), 8000);
            return;
        }
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(outcome.path)), 8000);
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

void MainWindow::openFile(const QString &path)
{
    if (path.isEmpty())
        return;
    if (isWorkflowFile(path)) { // command line, recent files
        openWorkflow(path);
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
            applyInspection(inspection);
            Q_EMIT loadFinished(true);
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
    // The node shown is no longer the same: say so (its table stays in the views).
    connect(m_graph.get(), &engine::GraphModel::nodeRemoved, this, [this](int id) {
        if (m_shown && m_shown->nodeId == id)
            m_sourceLabel->setText(tr("%1 — removed from the workflow").arg(m_shown->label));
    });
    connect(m_document, &WorkflowDocument::replaced, this, [this] {
        cancelLoading();
        if (m_shown)
            m_sourceLabel->setText(tr("%1 — of another workflow").arg(m_shown->label));
    });
}

void MainWindow::inspectSelection(bool selectionChanged)
{
    const QList<int> ids = m_graphEditor->scene()->selectedNodeIds();
    if (ids.size() != 1 || !m_inspector->hasTable(ids.front()))
        return;
    const int id = ids.front();
    if (id == m_inspector->pendingNode())
        return;
    if (!m_inspector->isBusy() && m_shown && m_shown->nodeId == id && m_executor->isUpToDate(id))
        return; // shown already
    if (const QString why = m_inspector->whyNotRunnable(id); !why.isEmpty()) {
        // Half built: say what is missing instead of running it to a failure.
        if (selectionChanged)
            statusBar()->showMessage(
                tr("To see the table of %1: %2.").arg(m_inspector->labelOf(id), why), 8000);
        return;
    }
    inspectNode(id, false);
}

void MainWindow::inspectNode(int id, bool openingFile)
{
    const bool wasLoading = isLoading();
    m_inspector->setHistogramBins(m_histogram->binCount());
    m_inspectingFile = openingFile;
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
    return m_sourceLabel->text();
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
    const engine::Dataset &dataset = inspection->dataset;
    m_sourceLabel->setText(inspection->label);
    m_sourceLabel->setToolTip(inspection->filePath.isEmpty()
            ? QString()
            : QDir::toNativeSeparators(inspection->filePath));
    m_sourceLabel->show();
    // Everything below is proportional to the columns, never to the rows.
    m_tableModel->setDataset(dataset);
    m_tableSource = shownSource();
    m_columnModel->setDataset(dataset, inspection->summaries,
        ColumnRoleController::ignoredColumns(*m_graph, inspection->nodeId));
    m_table->fitColumnsToSample();
    m_columnList->fitColumns();
    m_stack->setCurrentWidget(m_table);
    if (!m_docksFitted) {
        // Once per window: give the column list the width its fields need, within reason.
        m_docksFitted = true;
        const int wanted = m_columnList->fittedWidth();
        // Never at the canvas's expense: it grows to 15% of the window at most.
        if (wanted > m_columnsDock->width())
            resizeDocks({ m_columnsDock },
                { std::min(wanted, std::max(m_columnsDock->width(), width() * 15 / 100)) },
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
    if (m_inspectingFile && !inspection->filePath.isEmpty())
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
    m_selection->showTable(shownSource(), dataset.rowCount(), inspection->label);
    showSelection();
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
    if (m_shown && m_tableSource == shownSource()
        && std::size_t(column) < m_shown->histograms.size()
        && m_shown->histogramBins == m_histogram->binCount())
        precomputed = &m_shown->histograms[std::size_t(column)];
    m_histogram->setColumn(dataset.column(column), precomputed);
    if (!(m_histogramSource == m_tableSource)) {
        m_histogramSource = m_tableSource;
        showSelection();
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

void MainWindow::createSelectionBar(QWidget *parent, QHBoxLayout *row)
{
    // "412 rows selected in File — iris.csv (node 1)", Show only selected, Clear.
    m_selectionBar = new QWidget(parent);
    m_selectionBar->setObjectName(QStringLiteral("selectionBar"));
    auto *bar = new QHBoxLayout(m_selectionBar);
    bar->setContentsMargins(0, 0, 0, 0);
    m_selectionLabel = new QLabel(m_selectionBar);
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_selectionLabel->setTextFormat(Qt::PlainText);
    m_selectionLabel->setStyleSheet(QStringLiteral("color: #b36200; font-weight: bold;"));
    bar->addWidget(m_selectionLabel);
    auto *only = new QToolButton(m_selectionBar);
    only->setObjectName(QStringLiteral("showOnlySelected"));
    only->setDefaultAction(m_table->showOnlySelectedAction());
    only->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(only);
    auto *clear = new QToolButton(m_selectionBar);
    clear->setObjectName(QStringLiteral("clearSelection"));
    clear->setText(tr("Clear Selection"));
    clear->setToolTip(tr("Select no rows (the Selected Rows node stays, empty)"));
    connect(clear, &QToolButton::clicked, this, [this] { m_selection->clear(); });
    bar->addWidget(clear);
    m_selectionBar->hide(); // until rows are selected
    row->addWidget(m_selectionBar);
}

void MainWindow::createLinkedSelection()
{
    m_selection = new LinkedSelection(*m_graph, *m_graphEditor->undoStack(), this);
    m_selection->setObjectName(QStringLiteral("linkedSelection"));
    connect(m_selection, &LinkedSelection::changed, this, [this] {
        showSelection();
        if (!m_selection->error().isEmpty())
            statusBar()->showMessage(m_selection->error(), 8000);
        else if (!m_selection->isEmpty())
            statusBar()->showMessage(m_selection->description(), 8000);
    });
    // A bar of the histogram, rows of the data table (through its row header).
    connect(m_histogram, &plots::HistogramPlot::rowsSelected, this,
        [this](const QList<qint64> &rows, bool add) {
            selectRowsOf(m_histogramSource, rows, add, tr("Select Histogram Bar"));
            if (!rows.isEmpty())
                m_table->scrollToDatasetRow(rows.front());
        });
    connect(
        m_table, &widgets::DataTableView::rowsSelected, this, [this](const QList<qint64> &rows) {
            selectRowsOf(m_tableSource, rows, false, tr("Select Table Rows"));
        });
    // A confusion matrix opened (or updated) in a result tab: its cells select rows.
    const auto attach = [this](int id, QWidget *view) {
        if (auto *plot = qobject_cast<plots::ConfusionMatrixPlot *>(view))
            m_selection->attachConfusionMatrix(plot, id, m_executor->result(id));
    };
    connect(m_results, &ResultTabs::viewOpened, this, attach);
    connect(m_results, &ResultTabs::viewUpdated, this, attach);
    // A confusion-matrix cell: the data table shows the evaluated rows with their
    // predictions, the selected ones highlighted.
    connect(m_selection, &LinkedSelection::predictedRowsSelected, this,
        [this](TableSource source, const engine::NodeValuePtr &value) {
            const auto *view = value->as<engine::PredictionView>();
            if (!view)
                return;
            m_tableModel->setDataset(view->prediction.table);
            m_tableSource = source;
            m_stack->setCurrentWidget(m_table);
            m_table->fitColumnsToSample();
            showSelection();
            if (!m_selection->isEmpty())
                m_table->scrollToDatasetRow(m_selection->rows().front());
        });
    // The scatter's rectangle, lasso and clicks arrive as selectionChanged (connected in
    // createViews, emitted with rowsSelected); setSelectedRows draws a selection.
}

TableSource MainWindow::shownSource() const
{
    if (!m_shown || !m_graph->hasNode(m_shown->nodeId))
        return {};
    const int port = LinkedSelection::tablePortOf(*m_graph, m_shown->nodeId);
    return port >= 0 ? TableSource { m_shown->nodeId, port } : TableSource {};
}

void MainWindow::onScatterRowsSelected(const QList<qint64> &rows)
{
    const bool add = QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)
        && !m_selection->isEmpty() && m_selection->source() == m_scatterSource;
    selectRowsOf(m_scatterSource, rows, add, tr("Select Scatter Points"));
    if (!rows.isEmpty())
        m_table->scrollToDatasetRow(rows.front());
}

void MainWindow::selectRowsOf(
    TableSource source, const QList<qint64> &rows, bool add, const QString &what)
{
    if (!source.isValid())
        return;
    const bool shown = m_shown && source == shownSource();
    const qint64 rowCount = shown
        ? m_shown->dataset.rowCount()
        : (source == m_tableSource ? m_tableModel->dataset().rowCount() : 0);
    const QString label = shown ? m_shown->label : LinkedSelection::labelOf(*m_graph, source);
    m_selection->select(source, rowCount, label, rows,
        add ? LinkedSelection::Mode::Add : LinkedSelection::Mode::Replace, what);
}

void MainWindow::showSelection()
{
    if (!m_selection)
        return;
    const TableSource source = m_selection->source();
    const QList<qint64> &rows = m_selection->rows();
    const auto of = [&](TableSource view) {
        return view.isValid() && view == source ? rows : QList<qint64> {};
    };
    if (!(QList<qint64>(of(m_tableSource)) == m_tableModel->selectedRows()))
        m_tableModel->setSelectedRows(of(m_tableSource));
    m_histogram->setHighlightedRows(of(m_histogramSource));
    m_scatter->setSelectedRows(of(m_scatterSource));
    const QString text = selectionText();
    m_selectionLabel->setText(text);
    m_selectionBar->setVisible(!text.isEmpty());
}

QString MainWindow::selectionText() const
{
    return m_selection->error().isEmpty() ? m_selection->description() : m_selection->error();
}

// ---- recent files --------------------------------------------------------------------------

QStringList MainWindow::recentFiles() const
{
    const QStringList stored = QSettings().value(kRecentFilesKey).toStringList();
    QStringList existing;
    for (const QString &path : stored)
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing << path;
    return existing.mid(0, kMaxRecentFiles);
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    QSettings().setValue(kRecentFilesKey, files.mid(0, kMaxRecentFiles));
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    QSettings().setValue(kRecentFilesKey, files); // drop the ones that are gone
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        QString label = QFileInfo(path).fileName();
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_recentMenu->addAction(
            i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(label) : label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No Recent Files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [] { QSettings().remove(kRecentFilesKey); });
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
