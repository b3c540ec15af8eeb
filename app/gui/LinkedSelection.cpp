#include "gui/LinkedSelection.h"

#include "graph/GraphModel.h"
#include "nodes/PredictionView.h"
#include "nodes/SelectedRowsNode.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/DataHeatMapPlot.h"
#include "plots/ScatterMatrixPlot.h"
#include "plots/SilhouettePlot.h"
#include "widgets/GraphCommands.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <vector>

namespace sextant::app {

using engine::SelectedRowsNode;

namespace {

// Where a new Selected Rows node goes: below and to the right of the table's node.
const QPointF kNodeOffset(220, 130);

std::vector<std::int64_t> toVector(const QList<qint64> &rows)
{
    return std::vector<std::int64_t>(rows.begin(), rows.end());
}

} // namespace

LinkedSelection::LinkedSelection(engine::GraphModel &graph, QUndoStack &undoStack, QObject *parent)
    : QObject(parent), m_graph(graph), m_undo(undoStack)
{
    // Undo, redo, a paste, an edit in the property panel: the selection follows the node.
    connect(&m_graph, &engine::GraphModel::changed, this, &LinkedSelection::syncFromGraph);
}

QString LinkedSelection::description() const
{
    if (m_rows.isEmpty())
        return {};
    if (m_rows.size() == 1)
        return tr("1 row selected in %1").arg(m_label);
    return tr("%1 rows selected in %2").arg(QLocale().toString(qlonglong(m_rows.size())), m_label);
}

QString LinkedSelection::labelOf(const engine::GraphModel &graph, TableSource source)
{
    const engine::NodeType *type = graph.nodeType(source.node);
    if (!type || source.port < 0 || source.port >= type->outputs.size())
        return {};
    const QString title = graph.title(source.node); // the person's name for it, or the type's
    if (type->outputs.size() == 1)
        return tr("%1 (node %2)").arg(title).arg(source.node);
    return tr("%1 — %2 (node %3)")
        .arg(title, type->outputs[source.port].displayLabel())
        .arg(source.node);
}

int LinkedSelection::selectionNode() const
{
    return selectedRowsNodeOf(m_graph, m_source);
}

int LinkedSelection::tablePortOf(const engine::GraphModel &graph, int id)
{
    const engine::NodeType *type = graph.nodeType(id);
    return type ? type->shownTableOutput() : -1;
}

int LinkedSelection::selectedRowsNodeOf(const engine::GraphModel &graph, TableSource source)
{
    if (!source.isValid() || !graph.hasNode(source.node))
        return 0;
    int found = 0;
    for (const engine::Connection &c : graph.connectionsOf(source.node)) {
        if (c.fromNode != source.node || c.fromPort != source.port || c.toPort != 0)
            continue;
        const engine::NodeType *type = graph.nodeType(c.toNode);
        if (type && type->id == SelectedRowsNode::typeId() && (!found || c.toNode < found))
            found = c.toNode;
    }
    return found;
}

TableSource LinkedSelection::predictedTableOf(const engine::GraphModel &graph, int node)
{
    const engine::NodeType *type = graph.nodeType(node);
    if (!type)
        return {};
    // A view of predictions: go to the node that made them.
    const bool makesPredictions = std::any_of(type->outputs.begin(), type->outputs.end(),
        [](const engine::PortSpec &p) { return p.type == engine::PortType::Predictions; });
    if (!makesPredictions) {
        for (int port = 0; port < type->inputs.size(); ++port)
            if (type->inputs[port].type == engine::PortType::Predictions)
                if (const auto c = graph.connectionInto(node, port))
                    return predictedTableOf(graph, c->fromNode);
        return {};
    }
    // The predicting node's rows are those of its table input.
    for (int port = 0; port < type->inputs.size(); ++port)
        if (type->inputs[port].type == engine::PortType::Table)
            if (const auto c = graph.connectionInto(node, port))
                return TableSource { c->fromNode, c->fromPort };
    return {};
}

QList<qint64> LinkedSelection::rowsInCell(
    const engine::Prediction &prediction, int trueClass, int predicted)
{
    QList<qint64> rows;
    const Eigen::Index n = std::min(prediction.truth.size(), prediction.predicted.size());
    for (Eigen::Index r = 0; r < n; ++r) {
        const double t = prediction.truth(r);
        if (std::isnan(t))
            continue;
        if (int(t) == trueClass && int(prediction.predicted(r)) == predicted)
            rows.append(qint64(r));
    }
    return rows;
}

void LinkedSelection::attachConfusionMatrix(
    plots::ConfusionMatrixPlot *plot, int viewNode, engine::NodeValuePtr value)
{
    const auto *view = value ? value->as<engine::PredictionView>() : nullptr;
    if (!plot || !view)
        return;
    // A re-run attaches the open plot again with its new result: the old connections go.
    disconnect(plot, &plots::ConfusionMatrixPlot::cellClicked, this, nullptr);
    disconnect(this, &LinkedSelection::changed, plot, nullptr);
    // What the plot's outlined cells selected: kept while the selection is that.
    struct Cells {
        TableSource source;
        QList<QPoint> cells;
        QList<qint64> rows;
        bool selecting = false; // this plot's own selection is being made
    };
    auto cells = std::make_shared<Cells>();
    connect(plot, &plots::ConfusionMatrixPlot::cellClicked, this,
        [this, plot, viewNode, value, cells](
            int trueClass, int predicted, Qt::KeyboardModifiers modifiers) {
            const TableSource source = predictedTableOf(m_graph, viewNode);
            if (!source.isValid())
                return;
            const bool add = modifiers.testAnyFlags(Qt::ShiftModifier | Qt::ControlModifier);
            const QString label = labelOf(m_graph, source);
            // O(rows): on a worker; the answer comes back to the GUI thread (qApp lives
            // on), where the selection and the plot are looked for again.
            QThreadPool::globalInstance()->start(
                [guard = QPointer<LinkedSelection>(this),
                    plotGuard = QPointer<plots::ConfusionMatrixPlot>(plot), value, cells, source,
                    label, trueClass, predicted, add] {
                    const auto &prediction = value->as<engine::PredictionView>()->prediction;
                    QList<qint64> rows = rowsInCell(prediction, trueClass, predicted);
                    const qint64 total = prediction.truth.size();
                    QMetaObject::invokeMethod(
                        qApp,
                        [guard, plotGuard, value, cells, source, label, trueClass, predicted, add,
                            total, rows = std::move(rows)] {
                            if (!guard)
                                return;
                            const QString what = tr("Select Confusion Cell");
                            cells->selecting = true;
                            guard->select(
                                source, total, label, rows, add ? Mode::Add : Mode::Replace, what);
                            cells->selecting = false;
                            if (!add || !(cells->source == source))
                                cells->cells.clear();
                            cells->source = source;
                            cells->cells.append(QPoint(predicted, trueClass));
                            cells->rows = guard->rows();
                            if (plotGuard)
                                plotGuard->setSelectedCells(cells->cells);
                            Q_EMIT guard->predictedRowsSelected(source, value);
                        },
                        Qt::QueuedConnection);
                });
        });
    connect(this, &LinkedSelection::changed, plot, [this, plot, cells] {
        if (cells->selecting || cells->cells.isEmpty()
            || (m_source == cells->source && m_rows == cells->rows))
            return;
        cells->cells.clear();
        plot->setSelectedCells({});
    });
}

template<class Plot>
void LinkedSelection::attachRowView(Plot *plot, int viewNode, const QString &undoText)
{
    if (!plot || plot->property("sextantLinked").toBool())
        return;
    plot->setProperty("sextantLinked", true);
    const auto sourceOf = [this, viewNode] {
        const auto in = m_graph.connectionInto(viewNode, 0);
        return in ? TableSource { in->fromNode, in->fromPort } : TableSource {};
    };
    connect(plot, &Plot::rowsSelected, this,
        [this, plot, sourceOf, undoText](const QList<qint64> &rows) {
            const TableSource source = sourceOf();
            if (source.isValid())
                select(source, plot->data().tableRows, labelOf(m_graph, source), rows,
                    Mode::Replace, undoText);
        });
    connect(this, &LinkedSelection::changed, plot, [this, plot, sourceOf] {
        plot->setSelectedRows(m_source == sourceOf() ? m_rows : QList<qint64>());
    });
}

void LinkedSelection::attachSilhouette(plots::SilhouettePlot *plot, int viewNode)
{
    attachRowView(plot, viewNode, tr("Select Silhouettes"));
}

void LinkedSelection::attachHeatMap(plots::DataHeatMapPlot *plot, int viewNode)
{
    attachRowView(plot, viewNode, tr("Select Heat Map Rows"));
}

void LinkedSelection::attachScatterMatrix(plots::ScatterMatrixPlot *plot, int viewNode)
{
    attachRowView(plot, viewNode, tr("Select in Scatter Matrix"));
}

void LinkedSelection::showTable(TableSource source, qint64 rowCount, const QString &label)
{
    const bool same = source == m_source && rowCount == m_tableRows && label == m_label;
    m_source = source;
    m_tableRows = rowCount;
    m_label = label;
    if (same)
        return;
    m_text = QStringLiteral("\x01"); // no parameter reads so: read the node's rows again
    syncFromGraph();
}

void LinkedSelection::syncFromGraph()
{
    const int node = selectionNode();
    const QString text
        = node ? m_graph.parameter(node, SelectedRowsNode::rowsParameter()).toString() : QString();
    if (text == m_text)
        return;
    m_text = text;
    const auto rows = SelectedRowsNode::decodeRows(text, m_tableRows);
    m_rows.clear();
    m_error.clear();
    if (rows.ok())
        m_rows = QList<qint64>(rows.value().begin(), rows.value().end());
    else
        m_error = tr("The selection of %1 does not fit its table: %2")
                      .arg(m_label.isEmpty() ? tr("node %1").arg(node) : m_label, rows.error());
    Q_EMIT changed();
}

void LinkedSelection::select(QList<qint64> rows, Mode mode)
{
    select(m_source, m_tableRows, m_label, std::move(rows), mode);
}

void LinkedSelection::clear()
{
    select({}, Mode::Replace);
}

void LinkedSelection::select(TableSource source, qint64 rowCount, const QString &label,
    QList<qint64> rows, Mode mode, const QString &what)
{
    if (!source.isValid() || !m_graph.hasNode(source.node))
        return;
    if (!(source == m_source) || rowCount != m_tableRows) {
        m_source = source;
        m_tableRows = rowCount;
        m_label = label;
        m_text = QStringLiteral("\x01");
        syncFromGraph(); // the selection this table has now (for Mode::Add)
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.erase(rows.begin(), std::lower_bound(rows.begin(), rows.end(), qint64(0)));
    rows.erase(std::lower_bound(rows.begin(), rows.end(), rowCount), rows.end());
    if (mode == Mode::Add && !m_rows.isEmpty()) {
        QList<qint64> merged;
        merged.reserve(rows.size() + m_rows.size());
        std::set_union(
            m_rows.begin(), m_rows.end(), rows.begin(), rows.end(), std::back_inserter(merged));
        rows = std::move(merged);
    }
    const QString text = SelectedRowsNode::encodeRows(toVector(rows));
    const int node = selectionNode();
    const QString current
        = node ? m_graph.parameter(node, SelectedRowsNode::rowsParameter()).toString() : QString();
    const bool changedRows = rows != m_rows || !m_error.isEmpty();
    m_rows = rows;
    m_error.clear();
    m_text = text; // what the graph edit below sets: syncFromGraph has nothing to read
    if (text != current) {
        const QString name = !what.isEmpty() ? what
            : rows.isEmpty()                 ? tr("Clear Selection")
                                             : tr("Select %n Row(s)", nullptr, int(rows.size()));
        auto *command = new QUndoCommand(name);
        if (node) {
            new widgets::SetParameterCommand(
                m_graph, node, SelectedRowsNode::rowsParameter(), text, command);
        } else {
            engine::NodeRecord record;
            record.id = m_graph.nextFreeId();
            record.typeId = SelectedRowsNode::typeId();
            record.position = m_graph.position(source.node) + kNodeOffset;
            record.parameters = { { SelectedRowsNode::rowsParameter(), text } };
            new widgets::AddNodeCommand(m_graph, record, command);
            new widgets::ConnectCommand(
                m_graph, engine::Connection { source.node, source.port, record.id, 0 }, command);
        }
        m_undo.push(command);
    }
    if (changedRows)
        Q_EMIT changed();
}

} // namespace sextant::app
