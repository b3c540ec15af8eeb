// Linked selection in the studio: a click on a histogram bar, rows of the data table's row
// header, a confusion-matrix cell (held-out and cross-validated) and the scatter's rubber
// band select rows; the data table shows them; the workflow's Selected Rows node holds
// them (undoable, saved with the workflow) and outputs exactly those rows.
#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/LinkedSelection.h"
#include "gui/MainWindow.h"
#include "gui/ResultTabs.h"
#include "ml/TrainedModel.h"
#include "nodes/SelectedRowsNode.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/HistogramPlot.h"
#include "plots/ScatterPlot.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <numeric>

using sextant::app::LinkedSelection;
using sextant::app::MainWindow;
using sextant::app::TableSource;
using sextant::widgets::DatasetTableModel;
namespace engine = sextant::engine;
namespace plots = sextant::plots;

namespace {

constexpr int kTimeoutMs = 60000;
using Rows = QList<qint64>;

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

// iris.csv read here, independently of the engine: one entry per row.
struct Iris {
    QList<QList<QByteArray>> rows; // cells as text
    QList<double> column(int c) const
    {
        QList<double> out;
        for (const auto &r : rows)
            out << r[c].toDouble();
        return out;
    }
};

Iris readIris()
{
    Iris out;
    QFile f(iris());
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QList<QByteArray> lines = f.readAll().split('\n');
    lines.removeFirst(); // the header
    for (const QByteArray &line : std::as_const(lines))
        if (!line.trimmed().isEmpty())
            out.rows << line.trimmed().split(',');
    return out;
}

Rows range(qint64 first, qint64 last)
{
    Rows out;
    for (qint64 r = first; r <= last; ++r)
        out << r;
    return out;
}

// Opens `path` in the window and waits for the views to show it.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFile(path);
    if (finished.isEmpty() && !finished.wait(kTimeoutMs))
        return false;
    return finished.last().first().toBool();
}

// Shows the histogram dock (tabbed with the column list) and lays it out.
plots::HistogramPlot *visibleHistogram(MainWindow &window)
{
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("histogramDock"));
    dock->show();
    dock->raise();
    plots::HistogramPlot *h = window.histogramPlot();
    QTest::qWait(0);
    h->replotNow();
    return h;
}

void click(plots::PlotView *view, QPointF pixel, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mouseClick(view->plotWidget(), Qt::LeftButton, modifiers, pixel.toPoint());
}

// Runs the workflow up to `node` and returns its table output.
const engine::Dataset *runTo(MainWindow &window, int node)
{
    engine::Executor &ex = window.graphEditor()->executor();
    if (!QTest::qWaitFor([&ex] { return !ex.isRunning(); }, kTimeoutMs)) {
        qWarning("the executor is still running");
        return nullptr;
    }
    QSignalSpy finished(&ex, &engine::Executor::runFinished);
    // The run may end before a wait would begin (runFinished comes from a worker).
    if (!ex.run({ node }) || !QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs)) {
        qWarning("the run to node %d did not end", node);
        return nullptr;
    }
    const engine::NodeValuePtr out = ex.output(node, 0);
    if (!out)
        qWarning("node %d: %s", node, qPrintable(ex.state(node).message));
    return out ? out->as<engine::Dataset>() : nullptr;
}

// The species of each row of a table.
QStringList species(const engine::Dataset &table)
{
    const int c = table.indexOf(QStringLiteral("species"));
    QStringList out;
    if (c < 0)
        return out;
    const engine::Column &col = table.column(c);
    for (std::int64_t r = 0; r < table.rowCount(); ++r)
        out << col.displayValue(r);
    return out;
}

} // namespace

class TestLinkedSelection : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void discardChanges(MainWindow &w)
    {
        w.setUnsavedChangesPrompt(
            [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_linkedselection"));
        QSettings().clear();
        // Auto-run off: a re-run it starts (700 ms after an edit, later than that on a loaded
        // machine) refreshes the views while a test clicks them. tst_resulttabs tests it.
        QSettings().setValue(QStringLiteral("workflow/autoRun"), false);
        QVERIFY(m_dir.isValid());
    }

    // A click on the "versicolor" bar: rows 50-99 of iris, in the selection, the data
    // table, the histogram's highlight and the Selected Rows node's output; Shift adds the
    // next bar; undo takes the edits back one by one.
    void histogramBarSelectsItsRows()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, iris()));
        engine::GraphModel &graph = w.graphModel();
        const int file = graph.nodeIds().front();
        LinkedSelection *sel = w.linkedSelection();
        QVERIFY(sel->isEmpty());
        QCOMPARE(sel->source(), (TableSource { file, 0 }));

        w.selectColumn(4); // species
        plots::HistogramPlot *h = visibleHistogram(w);
        QTRY_COMPARE(h->barCount(), 3);
        QCOMPARE(h->barLabels().at(1), QStringLiteral("versicolor"));

        // Expected, from the file: the rows whose species is versicolor.
        const Iris data = readIris();
        QCOMPARE(data.rows.size(), 150);
        Rows versicolor;
        for (int r = 0; r < 150; ++r)
            if (data.rows[r][4] == "versicolor")
                versicolor << r;
        QCOMPARE(versicolor.size(), 50);

        const int undoBefore = w.graphEditor()->undoStack()->count();
        // The bars are final (no recount in flight that would replace them) before the click.
        QTRY_VERIFY(!h->isComputing());
        QCOMPARE(h->barCount(), 3);
        click(h, h->barCenter(1));
        QTRY_COMPARE(sel->rows(), versicolor);
        QCOMPARE(sel->source(), (TableSource { file, 0 }));
        QCOMPARE(w.graphEditor()->undoStack()->count(), undoBefore + 1); // one edit

        // The Selected Rows node, fed by the File node, holds them.
        const int node = sel->selectionNode();
        QVERIFY(node != 0);
        QCOMPARE(graph.nodeType(node)->id, engine::SelectedRowsNode::typeId());
        QCOMPARE(graph.parameter(node, engine::SelectedRowsNode::rowsParameter()).toString(),
            QStringLiteral("50-99"));
        const auto input = graph.connectionInto(node, 0);
        QVERIFY(input);
        QCOMPARE(input->fromNode, file);
        QCOMPARE(input->fromPort, 0);

        // The data table highlights exactly those rows, and can show only them.
        DatasetTableModel *table = w.tableModel();
        for (int r = 0; r < 150; ++r)
            QCOMPARE(table->index(r, 0).data(DatasetTableModel::SelectedRole).toBool(),
                versicolor.contains(r));
        QAction *only = w.tableView()->showOnlySelectedAction();
        only->setChecked(true);
        QCOMPARE(table->rowCount(), 50);
        QCOMPARE(table->headerData(0, Qt::Vertical).toString(), QStringLiteral("51"));
        for (int r = 0; r < 50; ++r)
            QCOMPARE(table->index(r, 4).data().toString(), QStringLiteral("versicolor"));
        only->setChecked(false);
        QCOMPARE(table->rowCount(), 150);

        // The histogram draws the selected part of each bar; the header counts the rows.
        QTRY_COMPARE(h->selectedBarValues(), (QList<double> { 0, 50, 0 }));
        QCOMPARE(w.selectionText(), QStringLiteral("50 rows selected in File — iris.csv (node 1)"));
        auto *label = w.findChild<QLabel *>(QStringLiteral("selectionLabel"));
        QVERIFY(label && label->isVisible());
        QCOMPARE(label->text(), w.selectionText());

        // The node's output: exactly those rows of the file.
        const engine::Dataset *out = runTo(w, node);
        QVERIFY(out);
        QCOMPARE(out->rowCount(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(out->column(0).values()[std::size_t(i)],
                data.rows[int(versicolor[i])][0].toDouble());
        QCOMPARE(species(*out), QStringList(50, QStringLiteral("versicolor")));

        // Shift-click adds the virginica bar: the same node, its rows extended.
        click(h, h->barCenter(2), Qt::ShiftModifier);
        QTRY_COMPARE(sel->rows(), range(50, 149));
        QCOMPARE(sel->selectionNode(), node);
        QCOMPARE(graph.parameter(node, engine::SelectedRowsNode::rowsParameter()).toString(),
            QStringLiteral("50-149"));
        QTRY_COMPARE(h->selectedBarValues(), (QList<double> { 0, 50, 50 }));

        // Undo: back to versicolor, then no node and no selection; redo brings them back.
        QUndoStack *undo = w.graphEditor()->undoStack();
        undo->undo();
        QCOMPARE(sel->rows(), versicolor);
        QTRY_COMPARE(h->selectedBarValues(), (QList<double> { 0, 50, 0 }));
        undo->undo();
        QVERIFY(!graph.hasNode(node));
        QCOMPARE(sel->selectionNode(), 0);
        QVERIFY(sel->isEmpty());
        QVERIFY(!table->index(60, 0).data(DatasetTableModel::SelectedRole).toBool());
        QTRY_VERIFY(h->selectedBarValues().isEmpty());
        QVERIFY(w.selectionText().isEmpty());
        undo->redo();
        QCOMPARE(sel->selectionNode(), node);
        QCOMPARE(sel->rows(), versicolor);

        // A click beside the bars clears the selection; the node stays, empty.
        const QRect area = h->plotArea();
        click(h, QPointF(area.left() + 2, area.top() + 2));
        QTRY_VERIFY(sel->isEmpty());
        QVERIFY(graph.hasNode(node));
        QCOMPARE(
            graph.parameter(node, engine::SelectedRowsNode::rowsParameter()).toString(), QString());
    }

    // A numeric bin: the rows computed here with numpy.histogram's rule.
    void numericBinSelectsTheRowsItCounts()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, iris()));
        w.selectColumn(2); // petal_length
        plots::HistogramPlot *h = visibleHistogram(w);
        QTRY_COMPARE(h->barCount(), plots::HistogramPlot::kDefaultBins);
        QTRY_VERIFY(!h->isComputing());
        h->replotNow();

        const QList<double> values = readIris().column(2);
        const double lo = *std::min_element(values.begin(), values.end());
        const double hi = *std::max_element(values.begin(), values.end());
        const int bins = plots::HistogramPlot::kDefaultBins;
        // numpy: bin = floor((v - lo) / (hi - lo) * bins), the maximum in the last bin.
        const auto binOf = [&](double v) {
            return std::min(bins - 1, int(std::floor((v - lo) / (hi - lo) * bins)));
        };
        for (int bar : { 0, 7, 12, 19 }) {
            Rows expected;
            for (int r = 0; r < values.size(); ++r)
                if (binOf(values[r]) == bar)
                    expected << r;
            QCOMPARE(double(expected.size()), h->barValues().at(bar));
            if (expected.isEmpty())
                continue;
            click(h, h->barCenter(bar));
            QTRY_COMPARE(w.linkedSelection()->rows(), expected);
            QTRY_COMPARE(h->selectedBarValues().value(bar), double(expected.size()));
        }
    }

    // Rows chosen through the data table's row header are the selection too.
    void tableRowHeaderSelectsRows()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, iris()));
        w.tabs()->setCurrentIndex(w.tabs()->indexOf(w.tableView()->parentWidget()));
        sextant::widgets::DataTableView *view = w.tableView();
        QTRY_VERIFY(view->isVisible());
        QHeaderView *rows = view->verticalHeader();
        const auto at = [rows](int row) {
            // The middle of the section (its edges are the resize grips).
            return QPoint(
                rows->width() / 2, rows->sectionViewportPosition(row) + rows->sectionSize(row) / 2);
        };
        QTest::mouseClick(rows->viewport(), Qt::LeftButton, {}, at(3));
        QTest::mouseClick(rows->viewport(), Qt::LeftButton, Qt::ShiftModifier, at(5));
        QTRY_COMPARE(w.linkedSelection()->rows(), (Rows { 3, 4, 5 }));
        const int node = w.linkedSelection()->selectionNode();
        QVERIFY(node);
        QCOMPARE(
            w.graphModel().parameter(node, engine::SelectedRowsNode::rowsParameter()).toString(),
            QStringLiteral("3-5"));
        QVERIFY(w.tableModel()->index(4, 2).data(DatasetTableModel::SelectedRole).toBool());
        // A cell click is no row selection: the selection stays.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->visualRect(w.tableModel()->index(10, 1)).center());
        QTest::qWait(50);
        QCOMPARE(w.linkedSelection()->rows(), (Rows { 3, 4, 5 }));
    }

    // The scatter's rubber band reaches the linked selection.
    void scatterSelectionIsTheSelection()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, iris()));
        plots::ScatterPlot *scatter = w.scatter();
        QTRY_COMPARE(scatter->pointCount(), qint64(150));
        QTRY_VERIFY(!scatter->dataBounds().isEmpty());
        QSignalSpy picked(scatter, &plots::ScatterPlot::selectionChanged);
        QRectF half = scatter->dataBounds();
        half.setWidth(half.width() / 2);
        scatter->selectInRect(half);
        QTRY_COMPARE(picked.size(), 1);
        Rows rows = picked.first().first().value<Rows>();
        std::sort(rows.begin(), rows.end());
        QVERIFY(!rows.isEmpty() && rows.size() < 150);
        QTRY_COMPARE(w.linkedSelection()->rows(), rows);
        const engine::Dataset *out = runTo(w, w.linkedSelection()->selectionNode());
        QVERIFY(out);
        QCOMPARE(out->rowCount(), rows.size());
    }

    // Held-out evaluation: a cell of the confusion matrix selects the test rows (indices in
    // the test table that Test on Held-out Data was given) with that true and predicted
    // class; the Selected Rows node hangs off the Split's test output.
    void confusionCellSelectsHeldOutRows()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, iris()));
        engine::GraphModel &g = w.graphModel();
        const int file = g.nodeIds().front();
        const auto add = [&g](const char *type, QVariantMap params = {}) {
            const auto id = g.addNode(QString::fromLatin1(type), { 0, 300 }, params);
            return id.ok() ? id.value() : 0;
        };
        const int select
            = add("data.select", { { QStringLiteral("target"), QStringLiteral("species") } });
        const int split = add(
            "data.split", { { QStringLiteral("test_ratio"), 0.4 }, { QStringLiteral("seed"), 3 } });
        // A small tree: some test rows end off the diagonal.
        const int tree = add("model.decision_tree", { { QStringLiteral("max_depth"), 1 } });
        const int test = add("eval.test");
        const int confusion = add("view.confusion");
        QVERIFY(select && split && tree && test && confusion);
        QVERIFY(g.addConnection({ file, 0, select, 0 }));
        QVERIFY(g.addConnection({ select, 0, split, 0 }));
        QVERIFY(g.addConnection({ split, 0, tree, 0 }));
        QVERIFY(g.addConnection({ tree, 0, test, 0 }));
        QVERIFY(g.addConnection({ split, 1, test, 1 }));
        QVERIFY(g.addConnection({ test, 1, confusion, 0 }));
        engine::Executor &ex = w.graphEditor()->executor();
        QSignalSpy finished(&ex, &engine::Executor::runFinished);
        QVERIFY(ex.run());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        QCOMPARE(ex.status(confusion), engine::NodeStatus::Done);

        // Expected: from the test table's species and the test's predictions.
        const engine::Dataset &testRows = *ex.output(split, 1)->as<engine::Dataset>();
        const auto &prediction = *ex.output(test, 1)->as<engine::Prediction>();
        const QStringList truth = species(testRows);
        QCOMPARE(qsizetype(prediction.predicted.size()), truth.size());
        const QStringList classes = prediction.classNames;
        // The fullest off-diagonal cell (else the first diagonal one).
        int bestT = 0, bestP = 0;
        qsizetype best = -1;
        for (int t = 0; t < classes.size(); ++t)
            for (int p = 0; p < classes.size(); ++p) {
                qsizetype n = 0;
                for (qsizetype r = 0; r < truth.size(); ++r)
                    n += truth[r] == classes[t] && int(prediction.predicted(r)) == p;
                if (t != p && n > best) {
                    best = n;
                    bestT = t;
                    bestP = p;
                }
            }
        if (best <= 0) {
            bestT = bestP = 0;
        }
        Rows expected;
        for (qsizetype r = 0; r < truth.size(); ++r)
            if (truth[r] == classes[bestT] && int(prediction.predicted(r)) == bestP)
                expected << r;
        QVERIFY(!expected.isEmpty());

        Q_EMIT w.graphEditor()->openViewRequested(confusion);
        auto *plot = qobject_cast<plots::ConfusionMatrixPlot *>(w.tabs()->currentWidget());
        QVERIFY(plot);
        QTest::qWait(0);
        plot->replotNow();
        QCOMPARE(plot->cellValue(bestT, bestP), double(expected.size()));
        click(plot, plot->cellCenter(bestT, bestP));
        LinkedSelection *sel = w.linkedSelection();
        QTRY_COMPARE(sel->rows(), expected);
        QCOMPARE(sel->source(), (TableSource { split, 1 }));
        QCOMPARE(plot->selectedCells(), (QList<QPoint> { QPoint(bestP, bestT) }));
        QVERIFY2(w.selectionText().contains(QStringLiteral("Split — Test")),
            qPrintable(w.selectionText()));

        // The data table shows the test rows with their predictions, these highlighted.
        QCOMPARE(w.dataTableSource(), (TableSource { split, 1 }));
        DatasetTableModel *table = w.tableModel();
        QCOMPARE(qsizetype(table->rowCount()), truth.size());
        for (int r = 0; r < table->rowCount(); ++r)
            QCOMPARE(table->index(r, 0).data(DatasetTableModel::SelectedRole).toBool(),
                expected.contains(r));

        // The Selected Rows node on the Split's test output gives exactly those rows.
        const int node = sel->selectionNode();
        QVERIFY(node);
        const auto input = g.connectionInto(node, 0);
        QVERIFY(input && input->fromNode == split && input->fromPort == 1);
        const engine::Dataset *out = runTo(w, node);
        QVERIFY(out);
        QCOMPARE(qsizetype(out->rowCount()), expected.size());
        const QStringList outSpecies = species(*out);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(outSpecies[i], classes[bestT]);
            QCOMPARE(out->column(0).values()[std::size_t(i)],
                testRows.column(0).values()[std::size_t(expected[i])]);
        }
    }

    // Cross-validation: its out-of-fold predictions cover every row of the table it was
    // given, so a cell's rows are indices in that table.
    void confusionCellSelectsCrossValidatedRows()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, iris()));
        engine::GraphModel &g = w.graphModel();
        const int file = g.nodeIds().front();
        const auto add = [&g](const char *type, QVariantMap params = {}) {
            const auto id = g.addNode(QString::fromLatin1(type), { 0, 300 }, params);
            return id.ok() ? id.value() : 0;
        };
        const int select
            = add("data.select", { { QStringLiteral("target"), QStringLiteral("species") } });
        const int tree = add("model.decision_tree", { { QStringLiteral("max_depth"), 1 } });
        const int cv = add("eval.cross_validation");
        const int confusion = add("view.confusion");
        QVERIFY(select && tree && cv && confusion);
        QVERIFY(g.addConnection({ file, 0, select, 0 }));
        QVERIFY(g.addConnection({ select, 0, tree, 0 }));
        QVERIFY(g.addConnection({ tree, 0, cv, 0 }));
        QVERIFY(g.addConnection({ select, 0, cv, 1 }));
        QVERIFY(g.addConnection({ cv, 1, confusion, 0 }));
        engine::Executor &ex = w.graphEditor()->executor();
        QSignalSpy finished(&ex, &engine::Executor::runFinished);
        QVERIFY(ex.run());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        QCOMPARE(ex.status(confusion), engine::NodeStatus::Done);

        const QStringList truth = species(*ex.output(select, 0)->as<engine::Dataset>());
        QCOMPARE(truth.size(), 150);
        const auto &prediction = *ex.output(cv, 1)->as<engine::Prediction>();
        QCOMPARE(prediction.predicted.size(), 150);
        // The diagonal cell of the second class: rows of that species predicted as such.
        const int k = 1;
        Rows expected;
        for (int r = 0; r < 150; ++r)
            if (truth[r] == prediction.classNames[k] && int(prediction.predicted(r)) == k)
                expected << r;
        QVERIFY(!expected.isEmpty());

        Q_EMIT w.graphEditor()->openViewRequested(confusion);
        auto *plot = qobject_cast<plots::ConfusionMatrixPlot *>(w.tabs()->currentWidget());
        QVERIFY(plot);
        QTest::qWait(0);
        plot->replotNow();
        click(plot, plot->cellCenter(k, k));
        LinkedSelection *sel = w.linkedSelection();
        QTRY_COMPARE(sel->rows(), expected);
        QCOMPARE(sel->source(), (TableSource { select, 0 }));
        const engine::Dataset *out = runTo(w, sel->selectionNode());
        QVERIFY(out);
        QCOMPARE(species(*out), QStringList(expected.size(), prediction.classNames[k]));

        // Ctrl-click on another cell adds its rows; both cells stay outlined.
        Rows more = expected;
        for (int r = 0; r < 150; ++r)
            if (truth[r] == prediction.classNames[0] && int(prediction.predicted(r)) == 0)
                more << r;
        std::sort(more.begin(), more.end());
        click(plot, plot->cellCenter(0, 0), Qt::ControlModifier);
        QTRY_COMPARE(sel->rows(), more);
        QCOMPARE(plot->selectedCells().size(), 2);
    }

    // The selection is part of the workflow: saved, reopened, shown again.
    void savedAndReopenedWithTheWorkflow()
    {
        const QString path = m_dir.filePath(QStringLiteral("selection.sextant"));
        Rows expected;
        {
            MainWindow w;
            discardChanges(w);
            w.resize(1600, 1000);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(openAndWait(w, iris()));
            w.selectColumn(4);
            plots::HistogramPlot *h = visibleHistogram(w);
            QTRY_COMPARE(h->barCount(), 3);
            // The bars are final (no recount in flight that would replace them) before the click.
            QTRY_VERIFY(!h->isComputing());
            click(h, h->barCenter(0));
            expected = range(0, 49);
            QTRY_COMPARE(w.linkedSelection()->rows(), expected);
            QVERIFY(w.isWorkflowModified());
            QVERIFY(w.saveWorkflowAs(path));
        }
        MainWindow w;
        discardChanges(w);
        w.show();
        QVERIFY(w.openWorkflow(path));
        engine::GraphModel &g = w.graphModel();
        int file = 0, node = 0;
        for (int id : g.nodeIds()) {
            if (g.nodeType(id)->id == QStringLiteral("data.file"))
                file = id;
            if (g.nodeType(id)->id == engine::SelectedRowsNode::typeId())
                node = id;
        }
        QVERIFY(file && node);
        QCOMPARE(g.parameter(node, engine::SelectedRowsNode::rowsParameter()).toString(),
            QStringLiteral("0-49"));
        // Showing the File node's table shows its selection again.
        QSignalSpy finished(&w, &MainWindow::loadFinished);
        w.graphEditor()->scene()->selectNodes({});
        w.graphEditor()->scene()->selectNodes({ file });
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(w.linkedSelection()->rows(), expected);
        QCOMPARE(w.linkedSelection()->selectionNode(), node);
        QVERIFY(w.tableModel()->index(10, 0).data(DatasetTableModel::SelectedRole).toBool());
        QVERIFY(!w.tableModel()->index(60, 0).data(DatasetTableModel::SelectedRole).toBool());
        // Its output has those rows.
        const engine::Dataset *out = runTo(w, node);
        QVERIFY(out);
        QCOMPARE(species(*out), QStringList(50, QStringLiteral("setosa")));
    }

    // Rows the table no longer has: the node fails naming the index and the row count,
    // and the views say the selection does not fit.
    // A Histogram node's and a Scatter node's views, opened in their result tabs, take part
    // in the linked selection like the overview ones: a bar or a rectangle selects rows of
    // the table feeding the node, and each draws the selection of that table.
    void resultTabViewsSelectRows()
    {
        MainWindow w;
        discardChanges(w);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // iris-explore: 1 File, 2 Select Columns, 4 Histogram (petal_length, 10 bins) and
        // 6 Scatter (petal_length × petal_width) read node 2.
        QVERIFY(
            w.openWorkflow(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris-explore.sextant")));
        constexpr int kSelect = 2, kHistogram = 4, kScatter = 6;
        QVERIFY(w.graphEditor()->executor().runBlocking({ kHistogram, kScatter }).ok());
        auto *h = qobject_cast<plots::HistogramPlot *>(w.resultTabs()->open(kHistogram));
        QVERIFY(h);
        QCOMPARE(h->barCount(), 10);
        QTRY_VERIFY(!h->isComputing());
        h->replotNow();

        // The first bar's rows, from the file: petal_length in the first tenth of its range.
        const QList<double> length = readIris().column(2);
        const double lo = *std::min_element(length.begin(), length.end());
        const double hi = *std::max_element(length.begin(), length.end());
        Rows first;
        for (int r = 0; r < length.size(); ++r)
            if (length[r] < lo + (hi - lo) / 10)
                first << r;
        QVERIFY(!first.isEmpty());
        QCOMPARE(h->barValues().at(0), double(first.size()));
        LinkedSelection *sel = w.linkedSelection();
        click(h, h->barCenter(0));
        QTRY_COMPARE(sel->rows(), first);
        QCOMPARE(sel->source(), (TableSource { kSelect, 0 }));
        const int node = sel->selectionNode();
        QVERIFY(node);
        QCOMPARE(w.graphModel().connectionInto(node, 0)->fromNode, kSelect);
        QList<double> drawn(10, 0.0);
        drawn[0] = first.size();
        QTRY_COMPARE(h->selectedBarValues(), drawn);

        // The scatter opened now draws that selection; its rectangle replaces it.
        auto *scatter = qobject_cast<plots::ScatterPlot *>(w.resultTabs()->open(kScatter));
        QVERIFY(scatter);
        scatter->settleNow();
        QTRY_COMPARE(scatter->selectedRows(), first);
        const QList<double> width = readIris().column(3);
        Rows wide;
        for (int r = 0; r < width.size(); ++r)
            if (width[r] > 1.95)
                wide << r;
        QVERIFY(!wide.isEmpty());
        scatter->selectInRect(QRectF(QPointF(0, 1.95), QPointF(10, 5)));
        QTRY_COMPARE(sel->rows(), wide);
        QCOMPARE(sel->source(), (TableSource { kSelect, 0 }));
        QCOMPARE(sel->selectionNode(), node); // the same Selected Rows node
        // ... and the histogram draws the new selection.
        QTRY_VERIFY(!h->isComputingSelection());
        const auto selectedInBars = [h] {
            const QList<double> bars = h->selectedBarValues();
            return std::accumulate(bars.begin(), bars.end(), 0.0);
        };
        QTRY_COMPARE(selectedInBars(), double(wide.size()));
    }

    void aSelectionThatNoLongerFitsIsReported()
    {
        MainWindow w;
        discardChanges(w);
        w.show();
        QVERIFY(openAndWait(w, iris()));
        engine::GraphModel &g = w.graphModel();
        const int file = g.nodeIds().front();
        const auto node = g.addNode(engine::SelectedRowsNode::typeId(), { 200, 200 },
            { { engine::SelectedRowsNode::rowsParameter(), QStringLiteral("10,160") } });
        QVERIFY(node.ok());
        QVERIFY(g.addConnection({ file, 0, node.value(), 0 }));
        QTRY_VERIFY(!w.linkedSelection()->error().isEmpty());
        QVERIFY(w.linkedSelection()->isEmpty());
        QVERIFY2(w.selectionText().contains(QStringLiteral("row index 160")),
            qPrintable(w.selectionText()));
        engine::Executor &ex = w.graphEditor()->executor();
        QSignalSpy finished(&ex, &engine::Executor::runFinished);
        QVERIFY(ex.run({ node.value() }));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        QCOMPARE(ex.status(node.value()), engine::NodeStatus::Failed);
        QVERIFY2(ex.state(node.value()).message.contains(QStringLiteral("150 rows")),
            qPrintable(ex.state(node.value()).message));
    }
};

QTEST_MAIN(TestLinkedSelection)
#include "tst_linkedselection.moc"
