#include "gui/ScatterChoiceWriter.h"

#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/ResultTabs.h"
#include "nodes/ScatterData.h"
#include "nodes/ScatterNode.h"
#include "plots/ScatterPlot.h"
#include "widgets/GraphCommands.h"

#include <QUndoStack>

namespace sextant::app {

ScatterChoiceWriter::ScatterChoiceWriter(ResultTabs &results, engine::GraphModel &graph,
    engine::Executor &executor, QUndoStack &undoStack, QObject *parent)
    : QObject(parent), m_graph(graph), m_executor(executor), m_undo(undoStack)
{
    // A new view for a node (an update keeps the widget and its connection).
    connect(&results, &ResultTabs::viewOpened, this, &ScatterChoiceWriter::attach);
}

void ScatterChoiceWriter::attach(int id, QWidget *view)
{
    auto *plot = qobject_cast<plots::ScatterPlot *>(view);
    const engine::NodeType *type = m_graph.nodeType(id);
    if (!plot || !type || type->id != engine::ScatterNode::typeId())
        return;
    // Emitted for a pick in the control bar (setSource, what a re-run does, does not).
    connect(plot, &plots::ScatterPlot::choiceChanged, this,
        [this, id](const plots::ScatterChoice &choice) { write(id, choice); });
}

bool ScatterChoiceWriter::write(int id, const plots::ScatterChoice &choice)
{
    const engine::NodeType *type = m_graph.nodeType(id);
    const engine::NodeValuePtr result = m_executor.result(id);
    const auto *drawn = result ? result->as<engine::ScatterData>() : nullptr;
    if (!type || type->id != engine::ScatterNode::typeId() || !drawn)
        return false;
    const auto nameOf
        = [](const std::optional<engine::Column> &c) { return c ? c->name() : QString(); };
    struct Field {
        QString parameter;
        QString chosen;
        QString drawn;
    };
    const Field fields[] = {
        { QStringLiteral("x"), choice.x, drawn->x.name() },
        { QStringLiteral("y"), choice.y, drawn->y.name() },
        { QStringLiteral("color"), choice.color, nameOf(drawn->color) },
        { QStringLiteral("size"), choice.size, nameOf(drawn->size) },
        { QStringLiteral("shape"), choice.shape, nameOf(drawn->shape) },
    };
    auto command = std::make_unique<QUndoCommand>(tr("Change %1 columns").arg(m_graph.title(id)));
    int edits = 0;
    for (const Field &f : fields) {
        if (f.chosen == f.drawn || m_graph.parameter(id, f.parameter).toString() == f.chosen)
            continue;
        new widgets::SetParameterCommand(m_graph, id, f.parameter, f.chosen, command.get());
        ++edits;
    }
    // "(none)" for colour is stored as One colour, since an empty Colour means the automatic
    // choice (a cluster or target column) and would bring the colours back on the next run.
    const bool noColor = choice.color.isEmpty();
    if (choice.color != nameOf(drawn->color)
        && m_graph.parameter(id, QStringLiteral("no_color")).toBool() != noColor) {
        new widgets::SetParameterCommand(
            m_graph, id, QStringLiteral("no_color"), noColor, command.get());
        ++edits;
    }
    if (edits == 0)
        return false;
    m_undo.push(command.release());
    return true;
}

} // namespace sextant::app
