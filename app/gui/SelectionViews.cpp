#include "gui/SelectionViews.h"

#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/ResultTabs.h"
#include "nodes/ColumnHistogram.h"
#include "nodes/HistogramNode.h"
#include "nodes/PredictionView.h"
#include "nodes/ScatterData.h"
#include "nodes/ScatterNode.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/DataHeatMapPlot.h"
#include "plots/HistogramPlot.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/ScatterMatrixPlot.h"
#include "plots/ScatterPlot.h"
#include "plots/SilhouettePlot.h"
#include "widgets/DataTableView.h"
#include "widgets/DatasetTableModel.h"
#include "widgets/ElidedLabel.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <algorithm>

namespace sextant::app {

SelectionViews::SelectionViews(engine::GraphModel &graph, engine::Executor &executor,
    QUndoStack &undoStack, Views views, QObject *parent)
    : QObject(parent), m_graph(graph), m_executor(executor), m_views(views),
      m_selection(new LinkedSelection(graph, undoStack, this))
{
    m_selection->setObjectName(QStringLiteral("linkedSelection"));
    connect(m_selection, &LinkedSelection::changed, this, [this] {
        showSelection();
        if (!m_selection->error().isEmpty())
            Q_EMIT message(m_selection->error());
        else if (!m_selection->isEmpty())
            Q_EMIT message(m_selection->description());
    });
    // A bar of the histogram, rows of the data table (through its row header).
    connect(m_views.histogram, &plots::HistogramPlot::rowsSelected, this,
        [this](const QList<qint64> &rows, bool add) {
            selectRowsOf(m_histogramSource, rows, add, tr("Select Histogram Bar"));
            if (!rows.isEmpty())
                m_views.table->scrollToDatasetRow(rows.front());
        });
    connect(m_views.table, &widgets::DataTableView::rowsSelected, this,
        [this](const QList<qint64> &rows) {
            selectRowsOf(m_tableSource, rows, false, tr("Select Table Rows"));
        });
    // The scatter's rectangle, lasso and clicks (selectionChanged comes with rowsSelected).
    connect(m_views.scatter, &plots::ScatterPlot::selectionChanged, this,
        &SelectionViews::onScatterRowsSelected);
    // Results opened (or updated) in their tabs: confusion-matrix cells, histogram bars
    // and scatter points select rows too.
    connect(m_views.results, &ResultTabs::viewOpened, this,
        [this](int id, QWidget *view) { attachResult(id, view, true); });
    connect(m_views.results, &ResultTabs::viewUpdated, this,
        [this](int id, QWidget *view) { attachResult(id, view, false); });
    // A confusion-matrix cell: the data table shows the evaluated rows with their
    // predictions, the selected ones highlighted.
    connect(m_selection, &LinkedSelection::predictedRowsSelected, this,
        [this](TableSource source, const engine::NodeValuePtr &value) {
            const auto *view = value->as<engine::PredictionView>();
            if (!view)
                return;
            m_views.tableModel->setDataset(view->prediction.table);
            m_tableSource = source;
            m_views.stack->setCurrentWidget(m_views.table);
            m_views.table->fitColumnsToSample();
            showSelection();
            if (!m_selection->isEmpty())
                m_views.table->scrollToDatasetRow(m_selection->rows().front());
        });
}

QWidget *SelectionViews::createBar(QWidget *parent)
{
    // "412 rows selected in File — iris.csv (node 1)", Show only selected, Clear.
    m_bar = new QWidget(parent);
    m_bar->setObjectName(QStringLiteral("selectionBar"));
    auto *bar = new QHBoxLayout(m_bar);
    bar->setContentsMargins(0, 0, 0, 0);
    m_label = new widgets::ElidedLabel(m_bar); // a long node name is cut, not widening the window
    m_label->setObjectName(QStringLiteral("selectionLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setStyleSheet(QStringLiteral("color: #b36200; font-weight: bold;"));
    bar->addWidget(m_label);
    auto *only = new QToolButton(m_bar);
    only->setObjectName(QStringLiteral("showOnlySelected"));
    only->setDefaultAction(m_views.table->showOnlySelectedAction());
    only->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(only);
    auto *clear = new QToolButton(m_bar);
    clear->setObjectName(QStringLiteral("clearSelection"));
    clear->setText(tr("Clear Selection"));
    clear->setToolTip(tr("Select no rows (the Selected Rows node stays, empty)"));
    connect(clear, &QToolButton::clicked, this, [this] { m_selection->clear(); });
    bar->addWidget(clear);
    // Hidden until rows are selected, its room kept: the views below do not move down
    // under the pointer when a click selects rows.
    QSizePolicy policy = m_bar->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    m_bar->setSizePolicy(policy);
    m_bar->hide();
    return m_bar;
}

QString SelectionViews::text() const
{
    return m_selection->error().isEmpty() ? m_selection->description() : m_selection->error();
}

void SelectionViews::setShownTable(TableSource source, qint64 rowCount, const QString &label)
{
    m_shown = source;
    m_shownRows = rowCount;
    m_shownLabel = label;
    // The selection of this table (what its Selected Rows node holds), in every view.
    m_selection->showTable(source, rowCount, label);
}

void SelectionViews::setTableSource(TableSource source)
{
    m_tableSource = source;
}

void SelectionViews::setHistogramSource(TableSource source)
{
    m_histogramSource = source;
}

void SelectionViews::setScatterSource(TableSource source)
{
    m_scatterSource = source;
}

TableSource SelectionViews::inputTableOf(const engine::GraphModel &graph, int node)
{
    const auto in = graph.connectionInto(node, 0);
    return in ? TableSource { in->fromNode, in->fromPort } : TableSource {};
}

qint64 SelectionViews::rowCountOf(TableSource source) const
{
    if (source == m_shown)
        return m_shownRows;
    if (source == m_tableSource)
        return m_views.tableModel->dataset().rowCount();
    const engine::NodeValuePtr value = m_executor.output(source.node, source.port);
    const auto *table = value ? value->as<engine::Dataset>() : nullptr;
    return table ? table->rowCount() : 0;
}

void SelectionViews::onScatterRowsSelected(const QList<qint64> &rows)
{
    const bool add = QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)
        && !m_selection->isEmpty() && m_selection->source() == m_scatterSource;
    selectRowsOf(m_scatterSource, rows, add, tr("Select Scatter Points"));
    if (!rows.isEmpty())
        m_views.table->scrollToDatasetRow(rows.front());
}

void SelectionViews::selectRowsOf(
    TableSource source, const QList<qint64> &rows, bool add, const QString &what)
{
    if (!source.isValid())
        return;
    const QString label
        = source == m_shown ? m_shownLabel : LinkedSelection::labelOf(m_graph, source);
    m_selection->select(source, rowCountOf(source), label, rows,
        add ? LinkedSelection::Mode::Add : LinkedSelection::Mode::Replace, what);
}

void SelectionViews::attachResult(int id, QWidget *view, bool opened)
{
    if (auto *plot = qobject_cast<plots::ConfusionMatrixPlot *>(view)) {
        m_selection->attachConfusionMatrix(plot, id, m_executor.result(id));
        return;
    }
    if (auto *plot = qobject_cast<plots::SilhouettePlot *>(view)) {
        m_selection->attachSilhouette(plot, id);
        return;
    }
    if (auto *plot = qobject_cast<plots::DataHeatMapPlot *>(view)) {
        m_selection->attachHeatMap(plot, id);
        return;
    }
    if (auto *plot = qobject_cast<plots::ScatterMatrixPlot *>(view)) {
        m_selection->attachScatterMatrix(plot, id);
        return;
    }
    const engine::NodeType *type = m_graph.nodeType(id);
    const engine::NodeValuePtr result = m_executor.result(id);
    if (!type || !result)
        return;
    auto *histogram = qobject_cast<plots::HistogramPlot *>(view);
    auto *scatter = qobject_cast<plots::ScatterPlot *>(view);
    if (histogram && type->id == engine::HistogramNode::typeId()) {
        // The node's result is the counts alone: the bars get the column of the table
        // feeding the node, so that a bar can name its rows.
        const auto *counts = result->as<engine::ColumnHistogram>();
        const TableSource source = inputTableOf(m_graph, id);
        const engine::NodeValuePtr input
            = source.isValid() ? m_executor.output(source.node, source.port) : nullptr;
        const auto *table = input ? input->as<engine::Dataset>() : nullptr;
        const int column = counts && table ? table->indexOf(counts->column) : -1;
        if (column >= 0) {
            // The same bars again: the axes stay as the tab left them (a zoom it kept).
            QCustomPlot *plot = histogram->customPlot();
            const QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
            const engine::Column &c = table->column(column);
            if (c.isNumeric())
                histogram->setBinCount(int(counts->histogram.counts.size()));
            histogram->setColumn(c, &counts->histogram);
            plot->xAxis->setRange(x);
            plot->yAxis->setRange(y);
            histogram->replot();
        }
        if (opened)
            connect(histogram, &plots::HistogramPlot::rowsSelected, this,
                [this, id](const QList<qint64> &rows, bool add) {
                    selectRowsOf(inputTableOf(m_graph, id), rows, add, tr("Select Histogram Bar"));
                });
    } else if (scatter && type->id == engine::ScatterNode::typeId()) {
        if (opened)
            connect(scatter, &plots::ScatterPlot::selectionChanged, this,
                [this, id](const QList<qint64> &rows) {
                    const TableSource source = inputTableOf(m_graph, id);
                    const bool add
                        = QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)
                        && !m_selection->isEmpty() && m_selection->source() == source;
                    selectRowsOf(source, rows, add, tr("Select Scatter Points"));
                });
    } else {
        return;
    }
    if (opened)
        m_resultViews.push_back({ view, id });
    showSelection();
}

void SelectionViews::showSelection()
{
    const TableSource source = m_selection->source();
    const QList<qint64> &rows = m_selection->rows();
    const auto of = [&](TableSource view) {
        return view.isValid() && view == source ? rows : QList<qint64> {};
    };
    if (!(QList<qint64>(of(m_tableSource)) == m_views.tableModel->selectedRows()))
        m_views.tableModel->setSelectedRows(of(m_tableSource));
    m_views.histogram->setHighlightedRows(of(m_histogramSource));
    m_views.scatter->setSelectedRows(of(m_scatterSource));
    // The result tabs' histograms and scatters: rows of the table feeding their node.
    std::erase_if(m_resultViews, [](const ResultView &r) { return !r.view; });
    for (const ResultView &r : m_resultViews) {
        const QList<qint64> shown = of(inputTableOf(m_graph, r.node));
        // (Set again after an update, which gave the view new bars or points.)
        if (auto *histogram = qobject_cast<plots::HistogramPlot *>(r.view.data()))
            histogram->setHighlightedRows(shown);
        else if (auto *scatter = qobject_cast<plots::ScatterPlot *>(r.view.data()))
            scatter->setSelectedRows(shown);
    }
    if (m_bar) {
        const QString now = text();
        m_label->setText(now);
        m_bar->setVisible(!now.isEmpty());
    }
}

} // namespace sextant::app
