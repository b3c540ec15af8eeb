// The studio's results: each node result in a titled tab of its own, several at once,
// updated in place by a re-run, reopened by a double click after closing; Auto-run
// re-running the dirty part of the workflow after an edit; trained models saved off the
// GUI thread.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "gui/AutoRun.h"
#include "gui/MainWindow.h"
#include "gui/ModelSaver.h"
#include "gui/ResultTabs.h"
#include "io/ModelFile.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ScatterData.h"
#include "plots/HistogramPlot.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/ScatterControlBar.h"
#include "plots/ScatterPlot.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"
#include "widgets/MetricsTableView.h"
#include "widgets/NodeItem.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolBar>
#include <QUndoStack>

using namespace sextant;
using app::MainWindow;

namespace {

constexpr int kRunTimeoutMs = 120000;
// iris-explore.sextant: 1 File, 2 Select Columns, 3 Data Table, 4 Histogram (petal_length),
// 5 Correlation, 6 Scatter (petal_length × petal_width); 3–6 read node 2.
constexpr int kFile = 1, kSelect = 2, kTable = 3, kHistogram = 4, kScatter = 6;

QString example(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/") + QLatin1String(name);
}

// A window with `workflow` open, Auto-run as asked.
struct Studio {
    MainWindow window;
    explicit Studio(const char *workflow, bool autoRun = false)
    {
        window.setUnsavedChangesPrompt(
            [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
        window.autoRun()->setEnabled(autoRun);
        window.resize(1280, 800);
        window.show();
        if (workflow)
            QVERIFY(window.openWorkflow(example(workflow)));
    }
    engine::Executor &executor() { return window.graphEditor()->executor(); }
    engine::GraphModel &graph() { return window.graphModel(); }
    app::ResultTabs &results() { return *window.resultTabs(); }
    bool runAll()
    {
        QSignalSpy finished(&executor(), &engine::Executor::runFinished);
        if (!executor().run())
            return false;
        // A quick run may have ended already (the signal comes from a worker thread).
        if (finished.isEmpty() && !finished.wait(kRunTimeoutMs))
            return false;
        return finished.last().at(0).value<engine::RunSummary>().ok();
    }
    // What a double click on node `id` does.
    void doubleClick(int id) { Q_EMIT window.graphEditor()->scene()->nodeDoubleClicked(id); }
    int tabCount() const { return window.tabs()->count(); }
};

} // namespace

class TestResultTabs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_resulttabs"));
        QSettings().clear();
    }

    void twoTitledTabsAtOnce()
    {
        Studio s("iris-explore.sextant");
        const int fixed = s.tabCount(); // Workflow, Data, Correlation, Scatter
        // Not run yet: a double click runs the workflow up to the node, then opens its tab.
        QSignalSpy finished(&s.executor(), &engine::Executor::runFinished);
        s.doubleClick(kHistogram);
        QCOMPARE(s.tabCount(), fixed);
        QVERIFY(s.executor().isRunning() || !finished.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(s.results().view(kHistogram), kRunTimeoutMs);
        QCOMPARE(s.tabCount(), fixed + 1);
        QCOMPARE(finished.count(), 1);
        const auto first = finished.first().at(0).value<engine::RunSummary>();
        QCOMPARE(first.executed, (QList<int> { kFile, kSelect, kHistogram }));
        QVERIFY(s.runAll());
        // A node that cannot run says what is missing.
        const int loose = s.graph().addNode(QStringLiteral("view.scatter")).value();
        s.doubleClick(loose);
        QVERIFY2(s.window.statusBar()->currentMessage().contains(QStringLiteral("connect")),
            qPrintable(s.window.statusBar()->currentMessage()));
        QVERIFY(!s.executor().isRunning());
        QCOMPARE(s.tabCount(), fixed + 1);

        s.doubleClick(kScatter);
        QCOMPARE(s.tabCount(), fixed + 2);
        QCOMPARE(s.results().openNodes(), (QList<int> { kHistogram, kScatter }));
        auto *histogram = qobject_cast<plots::HistogramPlot *>(s.results().view(kHistogram));
        auto *scatter = qobject_cast<plots::ScatterPlot *>(s.results().view(kScatter));
        QVERIFY(histogram && scatter);
        QCOMPARE(s.window.tabs()->currentWidget(), scatter);
        QCOMPARE(scatter->pointCount(), qint64(150));
        QVERIFY(histogram->barCount() > 0);
        QVERIFY(s.window.tabs()->indexOf(histogram) >= 0);
        QCOMPARE(s.results().title(kHistogram),
            QStringLiteral("Histogram of petal_length — Select Columns, node 2"));
        QCOMPARE(s.results().title(kScatter),
            QStringLiteral("Scatter of petal_width against petal_length — Select Columns, node 2"));
        const int index = s.window.tabs()->indexOf(histogram);
        // The tab shows the title elided to kTabTextWidth; its tool tip the whole of it.
        const QString title = s.results().title(kHistogram);
        const QString shown = s.window.tabs()->tabText(index);
        QVERIFY2(
            shown.endsWith(QChar(0x2026)) && title.startsWith(shown.chopped(1)), qPrintable(shown));
        QVERIFY(s.window.tabs()->tabBar()->fontMetrics().horizontalAdvance(shown)
            <= app::ResultTabs::kTabTextWidth);
        QVERIFY(s.window.tabs()->tabToolTip(index).startsWith(title));
        // Each result tab has its close button; the studio's own tabs do not.
        QTabBar *bar = s.window.tabs()->tabBar();
        const auto hasButton = [bar](int i) {
            return bar->tabButton(i, QTabBar::LeftSide) || bar->tabButton(i, QTabBar::RightSide);
        };
        QVERIFY(hasButton(index));
        QVERIFY(!hasButton(0));

        // A table result and a metrics-free workflow: the Data Table node gets a tab too.
        s.doubleClick(kTable);
        QCOMPARE(s.tabCount(), fixed + 3);
        QCOMPARE(s.results().title(kTable), QStringLiteral("Table — Select Columns, node 2"));
        // Opening one again raises it, without a second tab.
        s.doubleClick(kHistogram);
        QCOMPARE(s.tabCount(), fixed + 3);
        QCOMPARE(s.window.tabs()->currentWidget(), histogram);
    }

    void rerunUpdatesTheOpenTabsInPlace()
    {
        Studio s("iris-explore.sextant");
        QVERIFY(s.runAll());
        s.doubleClick(kHistogram);
        s.doubleClick(kScatter);
        const int tabs = s.tabCount();
        QWidget *histogramView = s.results().view(kHistogram);
        QWidget *scatterView = s.results().view(kScatter);
        auto *histogram = qobject_cast<plots::HistogramPlot *>(histogramView);
        QVERIFY(histogram);
        QCOMPARE(histogram->barCount(), 10);
        // The person zooms into the histogram; the scatter stays as drawn.
        histogram->customPlot()->xAxis->setRange(4.0, 5.0);
        auto *scatter = qobject_cast<plots::ScatterPlot *>(scatterView);
        const QCPRange scatterX = scatter->customPlot()->xAxis->range();

        QSignalSpy updated(&s.results(), &app::ResultTabs::viewUpdated);
        QVERIFY(s.graph().setParameter(kHistogram, QStringLiteral("bins"), 4));
        QVERIFY(s.results().isStale(kHistogram));
        QVERIFY(!s.results().isStale(kScatter));
        QVERIFY(s.runAll());
        QTRY_COMPARE(histogram->barCount(), 4);
        QVERIFY(!s.results().isStale(kHistogram));
        // The same widgets, no new tab.
        QCOMPARE(s.tabCount(), tabs);
        QCOMPARE(s.results().view(kHistogram), histogramView);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(0).toInt(), kHistogram);
        // Same column on the axes: the zoom stays.
        QCOMPARE(histogram->customPlot()->xAxis->range().lower, 4.0);
        QCOMPARE(histogram->customPlot()->xAxis->range().upper, 5.0);

        // The scatter, zoomed, now plots another column: its zoom no longer applies.
        scatter->customPlot()->xAxis->setRange(0.0, 1.0);
        updated.clear();
        QVERIFY(
            s.graph().setParameter(kScatter, QStringLiteral("x"), QStringLiteral("sepal_length")));
        QVERIFY(s.results().isStale(kScatter));
        QVERIFY(s.runAll());
        QTRY_COMPARE(updated.count(), 1);
        QCOMPARE(s.results().view(kScatter), scatterView);
        QCOMPARE(s.tabCount(), tabs);
        QVERIFY(scatter->customPlot()->xAxis->range() != scatterX);
        QVERIFY(scatter->customPlot()->xAxis->range().upper > 7.0); // sepal length up to 7.9
        QVERIFY(s.results().title(kScatter).contains(QStringLiteral("against sepal_length")));
    }

    void closingKeepsTheResult()
    {
        Studio s("iris-explore.sextant");
        QVERIFY(s.runAll());
        s.doubleClick(kHistogram);
        s.doubleClick(kScatter);
        const int tabs = s.tabCount();
        const QString title = s.results().title(kHistogram);
        QPointer<QWidget> closed = s.results().view(kHistogram);
        // The tab's close button.
        QTabBar *bar = s.window.tabs()->tabBar();
        const int index = s.window.tabs()->indexOf(closed);
        QWidget *button = bar->tabButton(index, QTabBar::RightSide);
        if (!button)
            button = bar->tabButton(index, QTabBar::LeftSide);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(s.tabCount(), tabs - 1);
        QVERIFY(!s.results().view(kHistogram));
        QTRY_VERIFY(closed.isNull());
        QCOMPARE(s.results().openNodes(), QList<int> { kScatter });

        // The result is still the executor's: a double click shows it again.
        QSignalSpy runs(&s.executor(), &engine::Executor::runStarted);
        s.doubleClick(kHistogram);
        QCOMPARE(s.tabCount(), tabs);
        auto *histogram = qobject_cast<plots::HistogramPlot *>(s.results().view(kHistogram));
        QVERIFY(histogram);
        QCOMPARE(histogram->barCount(), 10);
        QCOMPARE(s.results().title(kHistogram), title);
        QCOMPARE(runs.count(), 0); // nothing ran again
    }

    void titlesFollowTheGraph()
    {
        Studio s("iris-explore.sextant");
        QVERIFY(s.runAll());
        s.doubleClick(kHistogram);
        // The histogram now inspects the File node: its title says so at once.
        QVERIFY(s.graph().removeConnection({ kSelect, 0, kHistogram, 0 }));
        QVERIFY(s.graph().addConnection({ kFile, 0, kHistogram, 0 }));
        QCOMPARE(s.results().title(kHistogram),
            QStringLiteral("Histogram of petal_length — File (iris.csv), node 1"));
        QVERIFY(s.results().isStale(kHistogram));
        // The File node reads another file: the title follows.
        QVERIFY(s.graph().setParameter(kFile, QStringLiteral("path"), example("wine.csv")));
        QCOMPARE(s.results().title(kHistogram),
            QStringLiteral("Histogram of petal_length — File (wine.csv), node 1"));
        const int index = s.window.tabs()->indexOf(s.results().view(kHistogram));
        QVERIFY(s.window.tabs()->tabToolTip(index).contains(QStringLiteral("Out of date")));
    }

    // Renamed nodes name the tabs of their results: the node a view inspects by its new
    // name, a renamed view node the view part; undone, the type's names come back; saved
    // and opened again, the names stay.
    void renamedNodesNameTheirTabs()
    {
        Studio s("iris-explore.sextant");
        QVERIFY(s.runAll());
        s.doubleClick(kHistogram);
        s.doubleClick(kTable);
        widgets::GraphEditor *editor = s.window.graphEditor();
        QLineEdit *edit = editor->renameNode(kSelect);
        QVERIFY(edit);
        edit->setText(QStringLiteral("Petals only"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(s.graph().label(kSelect), QStringLiteral("Petals only"));
        QCOMPARE(s.results().title(kHistogram),
            QStringLiteral("Histogram of petal_length — Petals only, node 2"));
        QCOMPARE(s.results().title(kTable), QStringLiteral("Table — Petals only, node 2"));
        // The views showing the node's table call it by its name too, and follow a rename.
        QSignalSpy shown(&s.window, &MainWindow::loadFinished);
        editor->scene()->selectNodes({ kSelect });
        QVERIFY(shown.wait(kRunTimeoutMs));
        QCOMPARE(s.window.shownNodeLabel(), QStringLiteral("Petals only (node 2)"));
        QVERIFY(s.graph().setLabel(kSelect, QStringLiteral("Petals")).ok());
        QCOMPARE(s.window.shownNodeLabel(), QStringLiteral("Petals (node 2)"));
        QVERIFY(s.graph().setLabel(kSelect, QStringLiteral("Petals only")).ok());
        // Renaming is not an edit of what is computed: the tabs are not out of date.
        QVERIFY(!s.results().isStale(kHistogram));
        QVERIFY(s.graph().setLabel(kHistogram, QStringLiteral("Petal lengths")).ok());
        QCOMPARE(
            s.results().title(kHistogram), QStringLiteral("Petal lengths — Petals only, node 2"));
        const int index = s.window.tabs()->indexOf(s.results().view(kHistogram));
        QCOMPARE(s.window.tabs()->tabText(index),
            s.window.tabs()->tabBar()->fontMetrics().elidedText(
                s.results().title(kHistogram), Qt::ElideRight, app::ResultTabs::kTabTextWidth));

        // Undo takes node 2's name back (node 4's was not an editor edit); redo again.
        editor->undoStack()->undo();
        QCOMPARE(s.results().title(kHistogram),
            QStringLiteral("Petal lengths — Select Columns, node 2"));
        editor->undoStack()->redo();
        QCOMPARE(s.graph().label(kSelect), QStringLiteral("Petals only"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("renamed.sextant"));
        QVERIFY(s.window.saveWorkflowAs(path));
        QVERIFY(s.window.newWorkflow());
        QVERIFY(s.window.openWorkflow(path));
        QCOMPARE(s.graph().label(kSelect), QStringLiteral("Petals only"));
        QCOMPARE(s.graph().label(kHistogram), QStringLiteral("Petal lengths"));
        QCOMPARE(s.graph().label(kFile), QString());
        QCOMPARE(editor->scene()->nodeItem(kSelect)->title(), QStringLiteral("Petals only"));
    }

    // Columns picked in a Scatter node's tab are written back to the node's parameters
    // (one undoable edit per pick, only what changed), so the saved workflow run headless
    // draws the same plot.
    void scatterChoicesBecomeParameters()
    {
        Studio s("iris-explore.sextant");
        QVERIFY(s.runAll());
        s.doubleClick(kScatter);
        auto *scatter = qobject_cast<plots::ScatterPlot *>(s.results().view(kScatter));
        QVERIFY(scatter);
        scatter->settleNow();
        plots::ScatterControlBar *bar = scatter->controlBar();
        QUndoStack *undo = s.window.graphEditor()->undoStack();
        const int steps = undo->count();
        const auto pick = [](QComboBox *combo, const QString &name) {
            const int i = combo->findData(name);
            QVERIFY2(i >= 0, qPrintable(name));
            combo->setCurrentIndex(i);
            Q_EMIT combo->activated(i);
        };
        pick(bar->xCombo(), QStringLiteral("sepal_length"));
        QCOMPARE(s.graph().parameter(kScatter, QStringLiteral("x")).toString(),
            QStringLiteral("sepal_length"));
        QCOMPARE(s.graph().parameter(kScatter, QStringLiteral("y")).toString(),
            QStringLiteral("petal_width")); // untouched
        QCOMPARE(undo->count(), steps + 1);
        pick(bar->sizeCombo(), QStringLiteral("sepal_width"));
        QCOMPARE(s.graph().parameter(kScatter, QStringLiteral("size")).toString(),
            QStringLiteral("sepal_width"));
        QCOMPARE(undo->count(), steps + 2);
        // Undo takes the size back, not the axis.
        undo->undo();
        QCOMPARE(s.graph().parameter(kScatter, QStringLiteral("size")).toString(), QString());
        QCOMPARE(s.graph().parameter(kScatter, QStringLiteral("x")).toString(),
            QStringLiteral("sepal_length"));
        undo->redo();

        // Re-run: the tab shows the node's new result with the same choice; saved and run
        // by the engine alone, the plot has the same columns.
        QVERIFY(s.runAll());
        QCOMPARE(s.results().view(kScatter), scatter);
        QCOMPARE(scatter->choice().x, QStringLiteral("sepal_length"));
        QCOMPARE(scatter->choice().size, QStringLiteral("sepal_width"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scatter.sextant"));
        QVERIFY(s.window.saveWorkflowAs(path));
        engine::GraphModel headless(engine::BuiltinNodes::registry());
        QVERIFY(engine::WorkflowFile::load(path, headless).ok());
        engine::Executor executor(headless);
        QVERIFY(executor.runBlocking({ kScatter }).ok());
        const auto *data = executor.result(kScatter)->as<engine::ScatterData>();
        QVERIFY(data);
        QCOMPARE(data->x.name(), QStringLiteral("sepal_length"));
        QCOMPARE(data->y.name(), QStringLiteral("petal_width"));
        QCOMPARE(data->color->name(), QStringLiteral("species"));
        QCOMPARE(data->size->name(), QStringLiteral("sepal_width"));

        // "(none)" for colour stays none after a re-run and in the saved workflow (an empty
        // Colour alone would mean the automatic choice, the target column, again); picking a
        // column afterwards colours again.
        pick(bar->colorCombo(), QString());
        QVERIFY(s.graph().parameter(kScatter, QStringLiteral("no_color")).toBool());
        QVERIFY(s.runAll());
        QCOMPARE(scatter->choice().color, QString());
        QCOMPARE(scatter->colorMode(), plots::ScatterPlot::ColorMode::None);
        QVERIFY(s.window.saveWorkflowAs(path));
        engine::GraphModel reloaded(engine::BuiltinNodes::registry());
        QVERIFY(engine::WorkflowFile::load(path, reloaded).ok());
        engine::Executor again(reloaded);
        QVERIFY(again.runBlocking({ kScatter }).ok());
        QVERIFY(!again.result(kScatter)->as<engine::ScatterData>()->color);
        pick(bar->colorCombo(), QStringLiteral("species"));
        QVERIFY(!s.graph().parameter(kScatter, QStringLiteral("no_color")).toBool());
        QVERIFY(s.runAll());
        QCOMPARE(scatter->choice().color, QStringLiteral("species"));
    }

    void deletingTheNodeClosesItsTab()
    {
        Studio s("iris-explore.sextant");
        QVERIFY(s.runAll());
        s.doubleClick(kHistogram);
        s.doubleClick(kScatter);
        const int tabs = s.tabCount();
        QSignalSpy closed(&s.results(), &app::ResultTabs::viewClosed);
        s.window.graphEditor()->scene()->selectNodes({ kScatter });
        s.window.graphEditor()->deleteSelection();
        QCOMPARE(s.tabCount(), tabs - 1);
        QCOMPARE(s.results().openNodes(), QList<int> { kHistogram });
        QCOMPARE(closed.count(), 1);
        // Another workflow: none of the old tabs stay.
        QVERIFY(s.window.newWorkflow());
        QVERIFY(s.results().openNodes().isEmpty());
        QCOMPARE(s.tabCount(), tabs - 2);
    }

    void evaluationResultsInTabs()
    {
        // Metrics, confusion and ROC of a small classification, built here: File → Select
        // (target species) → split → logistic regression → test → views.
        Studio s(nullptr);
        engine::GraphModel &g = s.graph();
        const int file = g.addNode(QStringLiteral("data.file"), {},
                              { { QStringLiteral("path"), example("iris.csv") } })
                             .value();
        const int select = g.addNode(QStringLiteral("data.select"), {},
                                { { QStringLiteral("target"), QStringLiteral("species") } })
                               .value();
        const int split = g.addNode(QStringLiteral("data.split")).value();
        const int lr = g.addNode(QStringLiteral("model.logistic_regression")).value();
        const int test = g.addNode(QStringLiteral("eval.test")).value();
        const int metrics = g.addNode(QStringLiteral("view.metrics")).value();
        const int roc = g.addNode(QStringLiteral("view.roc")).value();
        QVERIFY(g.addConnection({ file, 0, select, 0 }));
        QVERIFY(g.addConnection({ select, 0, split, 0 }));
        QVERIFY(g.addConnection({ split, 0, lr, 0 }));
        QVERIFY(g.addConnection({ lr, 0, test, 0 }));
        QVERIFY(g.addConnection({ split, 1, test, 1 }));
        QVERIFY(g.addConnection({ test, 0, metrics, 0 }));
        QVERIFY(g.addConnection({ test, 1, roc, 0 }));
        QVERIFY(s.runAll());
        s.doubleClick(metrics);
        s.doubleClick(roc);
        QVERIFY(qobject_cast<widgets::MetricsTableView *>(s.results().view(metrics)));
        QCOMPARE(s.results().title(roc),
            QStringLiteral("ROC — Test on Held-out Data, node %1").arg(test));
        QCOMPARE(s.results().title(metrics),
            QStringLiteral("Metrics — Test on Held-out Data, node %1").arg(test));
        // File › Export Plot works on the current result tab.
        QMenu *exportMenu = s.window.menuBar()->findChild<QMenu *>(QStringLiteral("exportMenu"));
        QVERIFY(exportMenu && exportMenu->isEnabled());
        s.window.tabs()->setCurrentWidget(s.results().view(metrics));
        QVERIFY(!exportMenu->isEnabled());
    }

    // ---- Auto-run ------------------------------------------------------------------------

    void autoRunRerunsOnceAfterEdits()
    {
        Studio s("iris-explore.sextant");
        app::AutoRun *autoRun = s.window.autoRun();
        QVERIFY(s.runAll());
        s.doubleClick(kHistogram);
        auto *histogram = qobject_cast<plots::HistogramPlot *>(s.results().view(kHistogram));
        QVERIFY(histogram);
        autoRun->setDelay(50);
        autoRun->setEnabled(true);
        QVERIFY(!autoRun->isPending()); // switched on with nothing dirty: nothing to do
        QSignalSpy started(&s.executor(), &engine::Executor::runStarted);
        QSignalSpy finished(&s.executor(), &engine::Executor::runFinished);
        QSignalSpy autoStarted(autoRun, &app::AutoRun::started);

        // A moved node changes nothing computed: no re-run.
        QVERIFY(s.graph().moveNode(kScatter, { 900, 900 }));
        QVERIFY(!autoRun->isPending());
        // Three quick edits: one re-run, of the dirty node only.
        for (int bins : { 5, 6, 7 })
            QVERIFY(s.graph().setParameter(kHistogram, QStringLiteral("bins"), bins));
        QVERIFY(autoRun->isPending());
        QCOMPARE(autoRun->dirtyNodes(), QList<int> { kHistogram });
        QVERIFY(finished.wait(kRunTimeoutMs));
        const auto summary = finished.last().at(0).value<engine::RunSummary>();
        QVERIFY(summary.ok());
        QCOMPARE(summary.executed, QList<int> { kHistogram });
        QCOMPARE(started.count(), 1);
        QCOMPARE(autoStarted.count(), 1);
        QCOMPARE(autoStarted.first().at(0).value<QList<int>>(), QList<int> { kHistogram });
        QVERIFY(!autoRun->isPending());
        QVERIFY(!started.wait(300)); // and no second one
        // The open tab followed.
        QTRY_COMPARE(histogram->barCount(), 7);
        QCOMPARE(s.results().view(kHistogram), histogram);

        // A node with an input not connected is left alone, not failed.
        const int loose = s.window.graphEditor()->addNode(QStringLiteral("view.histogram"), {});
        QVERIFY(loose != 0);
        QCOMPARE(autoRun->dirtyNodes(), QList<int> {});
        QVERIFY(!started.wait(300));
        QCOMPARE(s.executor().status(loose), engine::NodeStatus::Idle);
    }

    void autoRunOffOnlyMarksOutOfDate()
    {
        Studio s("iris-explore.sextant");
        app::AutoRun *autoRun = s.window.autoRun();
        autoRun->setDelay(50);
        QVERIFY(!autoRun->isEnabled());
        QVERIFY(s.runAll());
        QSignalSpy started(&s.executor(), &engine::Executor::runStarted);
        QVERIFY(s.graph().setParameter(kHistogram, QStringLiteral("bins"), 3));
        QVERIFY(!autoRun->isPending());
        QVERIFY(!started.wait(300));
        QVERIFY(!s.executor().isUpToDate(kHistogram));
        QCOMPARE(autoRun->dirtyNodes(), QList<int> { kHistogram });
        // The choice is remembered.
        QCOMPARE(QSettings().value(QLatin1String(app::AutoRun::kSettingsKey)).toBool(), false);

        // Switched on: the results are brought up to date.
        QSignalSpy finished(&s.executor(), &engine::Executor::runFinished);
        autoRun->action()->trigger();
        QVERIFY(autoRun->isEnabled());
        QCOMPARE(QSettings().value(QLatin1String(app::AutoRun::kSettingsKey)).toBool(), true);
        QVERIFY(finished.wait(kRunTimeoutMs));
        QVERIFY(s.executor().isUpToDate(kHistogram));
        QCOMPARE(started.count(), 1);
        // A new window starts as the last one was left.
        {
            MainWindow other;
            QVERIFY(other.autoRun()->isEnabled());
        }
        autoRun->setEnabled(false);
        MainWindow other;
        QVERIFY(!other.autoRun()->isEnabled());
    }

    void autoRunWaitsForTheRunInProgress()
    {
        Studio s("iris-explore.sextant");
        app::AutoRun *autoRun = s.window.autoRun();
        autoRun->setDelay(0);
        autoRun->setEnabled(true);
        QSignalSpy started(&s.executor(), &engine::Executor::runStarted);
        QSignalSpy finished(&s.executor(), &engine::Executor::runFinished);
        QVERIFY(s.executor().run()); // nothing cached: reads the file, runs every node
        QVERIFY(s.executor().isRunning());
        QVERIFY(s.graph().setParameter(kHistogram, QStringLiteral("bins"), 6));
        autoRun->runNow(); // what the timer does
        QVERIFY(autoRun->isPending()); // queued behind the run
        QCOMPARE(started.count(), 1);
        autoRun->runNow(); // a second edit's timer: still one re-run queued
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRunTimeoutMs);
        QCOMPARE(started.count(), 2);
        QVERIFY(!autoRun->isPending());
        QVERIFY(s.executor().isUpToDate(kHistogram));
        QVERIFY(finished.last().at(0).value<engine::RunSummary>().executed.contains(kHistogram));
        QVERIFY(!started.wait(300));
    }

    void autoRunIsInTheRunMenuAndToolBar()
    {
        Studio s(nullptr);
        QAction *action = s.window.autoRun()->action();
        QVERIFY(action->isCheckable());
        QMenu *run = s.window.menuBar()->findChild<QMenu *>(QStringLiteral("runMenu"));
        QVERIFY(run);
        QVERIFY(run->actions().contains(action));
        QVERIFY(run->actions().contains(s.window.graphEditor()->runAction()));
        QVERIFY(s.window.graphEditor()->toolBar()->actions().contains(action));
    }

    // ---- saving trained models -----------------------------------------------------------

    void savingAModelIsOffTheGuiThread()
    {
        Studio s(nullptr);
        engine::GraphModel &g = s.graph();
        const int file = g.addNode(QStringLiteral("data.file"), {},
                              { { QStringLiteral("path"), example("iris.csv") } })
                             .value();
        const int select = g.addNode(QStringLiteral("data.select"), {},
                                { { QStringLiteral("target"), QStringLiteral("species") } })
                               .value();
        const int lr = g.addNode(QStringLiteral("model.logistic_regression")).value();
        QVERIFY(g.addConnection({ file, 0, select, 0 }));
        QVERIFY(g.addConnection({ select, 0, lr, 0 }));
        QVERIFY(s.runAll());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("iris-lr.sxmodel"));
        app::ModelSaver *saver = s.window.modelSaver();
        QSignalSpy saved(saver, &app::ModelSaver::finished);
        QVERIFY(s.window.saveTrainedModel(lr, false, path));
        // Returned before the outcome is known: reported on the GUI thread later.
        QCOMPARE(saved.count(), 0);
        QVERIFY(saved.wait(30000));
        const auto outcome = saved.first().at(0).value<app::ModelSaveOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.nodeId, lr);
        QCOMPARE(outcome.path, path);
        QVERIFY(outcome.writer);
        QVERIFY(outcome.writer != QThread::currentThread());
        QCOMPARE(saver->pending(), 0);
        QVERIFY(s.window.statusBar()->currentMessage().contains(QStringLiteral("iris-lr.sxmodel")));
        const auto loaded = engine::ModelFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        QCOMPARE(loaded.value()->displayName, QStringLiteral("Logistic Regression"));

        // ONNX the same way.
        const QString onnx = dir.filePath(QStringLiteral("iris-lr.onnx"));
        QVERIFY(s.window.saveTrainedModel(lr, true, onnx));
        QVERIFY(saved.wait(30000));
        QVERIFY(saved.last().at(0).value<app::ModelSaveOutcome>().ok);
        QVERIFY(QFileInfo(onnx).size() > 0);

        // A file that cannot be written: the banner names it, nothing is left behind.
        const QString bad = dir.filePath(QStringLiteral("no/such/folder/m.sxmodel"));
        QVERIFY(s.window.saveTrainedModel(lr, false, bad));
        QVERIFY(saved.wait(30000));
        const auto failed = saved.last().at(0).value<app::ModelSaveOutcome>();
        QVERIFY(!failed.ok);
        QVERIFY2(failed.error.contains(QStringLiteral("m.sxmodel")), qPrintable(failed.error));
        QVERIFY(s.window.errorText().contains(QStringLiteral("m.sxmodel")));
        QVERIFY(!QFileInfo::exists(bad));

        // A node without a model: refused at once, nothing started.
        QVERIFY(!s.window.saveTrainedModel(file, false, dir.filePath(QStringLiteral("x.sxmodel"))));
        QVERIFY(!saved.wait(200));
        QCOMPARE(saver->pending(), 0);
    }
};

QTEST_MAIN(TestResultTabs)
#include "tst_resulttabs.moc"
