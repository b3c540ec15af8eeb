#include "gui/ColumnRoleController.h"

#include "graph/GraphModel.h"
#include "nodes/FileSourceNode.h"
#include "nodes/SelectColumnsNode.h"
#include "widgets/ColumnListView.h"
#include "widgets/ColumnSummaryModel.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"

#include <QUndoStack>

namespace sextant::app {

ColumnRoleController::ColumnRoleController(widgets::ColumnListView *list,
    widgets::GraphEditor *editor, std::function<int()> shownNode, QObject *parent)
    : QObject(parent), m_list(list), m_editor(editor), m_shownNode(std::move(shownNode))
{
    m_list->setRolesEditable(true);
    connect(m_list, &widgets::ColumnListView::roleChangeRequested, this,
        [this](const QString &column, engine::ColumnRoleChoice role) { setRole(column, role); });
    connect(m_list, &widgets::ColumnListView::typeChangeRequested, this,
        [this](const QString &column, engine::ColumnType type) { setType(column, type); });
}

QStringList ColumnRoleController::ignoredColumns(const engine::GraphModel &model, int nodeId)
{
    const engine::NodeType *type = model.nodeType(nodeId);
    if (!type
        || (type->id != engine::FileSourceNode::typeId()
            && type->id != engine::SelectColumnsNode::typeId()))
        return {};
    return model.parameter(nodeId, QStringLiteral("drop")).toStringList();
}

bool ColumnRoleController::setRole(const QString &column, engine::ColumnRoleChoice role)
{
    const widgets::ColumnSummaryModel *columns = m_list->summaryModel();
    const int row = columns ? columns->rowOf(column) : -1;
    if (row < 0)
        return false;
    widgets::ColumnEditCommand::Edit edit;
    edit.column = column;
    edit.role = role;
    edit.currentRole = columns->roleChoice(row);
    return push(edit);
}

bool ColumnRoleController::setType(const QString &column, engine::ColumnType type)
{
    const widgets::ColumnSummaryModel *columns = m_list->summaryModel();
    const int index = columns ? columns->dataset().indexOf(column) : -1;
    if (index < 0)
        return false; // an ignored column has no type to switch
    widgets::ColumnEditCommand::Edit edit;
    edit.column = column;
    edit.type = type;
    edit.currentType = columns->dataset().column(index).type();
    return push(edit);
}

bool ColumnRoleController::push(const widgets::ColumnEditCommand::Edit &edit)
{
    const int node = m_shownNode();
    engine::GraphModel &model = m_editor->model();
    if (node <= 0 || !model.hasNode(node))
        return false;
    std::unique_ptr<widgets::ColumnEditCommand> command
        = widgets::ColumnEditCommand::create(model, node, edit);
    if (!command)
        return false;
    widgets::ColumnEditCommand *raw = command.get();
    QUndoStack *stack = m_editor->undoStack();
    const int before = stack->index();
    stack->push(command.release()); // redoes it; deletes it when the model refused it
    if (stack->index() == before)
        return false;
    // The views follow the selected node: select the one whose table changed.
    const int edited = raw->editedNode();
    if (m_editor->scene()->selectedNodeIds() != QList<int> { edited })
        m_editor->scene()->selectNodes({ edited });
    return true;
}

} // namespace sextant::app
