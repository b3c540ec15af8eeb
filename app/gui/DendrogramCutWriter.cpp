#include "gui/DendrogramCutWriter.h"

#include "graph/GraphModel.h"
#include "gui/ResultTabs.h"
#include "nodes/DendrogramNode.h"
#include "plots/DendrogramPlot.h"
#include "widgets/GraphCommands.h"

#include <QUndoStack>

namespace sextant::app {

DendrogramCutWriter::DendrogramCutWriter(
    ResultTabs &results, engine::GraphModel &graph, QUndoStack &undoStack, QObject *parent)
    : QObject(parent), m_graph(graph), m_undo(undoStack)
{
    // A new view for a node (an update keeps the widget and its connection).
    connect(&results, &ResultTabs::viewOpened, this, &DendrogramCutWriter::attach);
}

void DendrogramCutWriter::attach(int id, QWidget *view)
{
    auto *plot = qobject_cast<plots::DendrogramPlot *>(view);
    const engine::NodeType *type = m_graph.nodeType(id);
    if (!plot || !type || type->id != engine::DendrogramNode::typeId())
        return;
    connect(plot, &plots::DendrogramPlot::cutRequested, this,
        [this, id](int clusters) { write(id, clusters); });
}

bool DendrogramCutWriter::write(int id, int clusters)
{
    const engine::NodeType *type = m_graph.nodeType(id);
    if (!type || type->id != engine::DendrogramNode::typeId() || clusters < 1)
        return false;
    const QString name = QStringLiteral("clusters");
    if (m_graph.parameter(id, name).toLongLong() == clusters)
        return false;
    m_undo.push(new widgets::SetParameterCommand(m_graph, id, name, qlonglong(clusters)));
    return true;
}

} // namespace sextant::app
