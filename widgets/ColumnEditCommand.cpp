#include "widgets/ColumnEditCommand.h"

#include "graph/GraphModel.h"
#include "nodes/FileSourceNode.h"
#include "nodes/SelectColumnsNode.h"

#include <QCoreApplication>

namespace sextant::widgets {

using engine::ColumnRoleChoice;
using engine::ColumnRoleEdits;
using engine::Connection;
using engine::GraphModel;

namespace {

/* TRANSLATOR sextant::widgets::ColumnEditCommand */
QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::widgets::ColumnEditCommand", text);
}

// Where an inserted Select Columns node goes, relative to the node it follows.
const QPointF kInsertOffset(60, 110);

QString describe(const ColumnEditCommand::Edit &edit)
{
    if (edit.role) {
        switch (*edit.role) {
        case ColumnRoleChoice::Target:
            return tr("Make %1 the target").arg(edit.column);
        case ColumnRoleChoice::Feature:
            return tr("Make %1 a feature").arg(edit.column);
        case ColumnRoleChoice::Meta:
            return tr("Make %1 a meta column").arg(edit.column);
        case ColumnRoleChoice::Ignored:
            return tr("Ignore %1").arg(edit.column);
        }
    }
    return edit.type == engine::ColumnType::Categorical
        ? tr("Read %1 as categorical").arg(edit.column)
        : tr("Read %1 as numeric").arg(edit.column);
}

ColumnRoleEdits edited(const ColumnRoleEdits &from, const ColumnEditCommand::Edit &edit)
{
    if (edit.role)
        return from.withRole(edit.column, *edit.role, edit.currentRole);
    if (edit.type)
        return from.withType(edit.column, *edit.type, edit.currentType);
    return from;
}

int firstTableOutput(const engine::NodeType *type)
{
    if (!type)
        return -1;
    for (int i = 0; i < type->outputs.size(); ++i)
        if (type->outputs[i].type == engine::PortType::Table)
            return i;
    return -1;
}

} // namespace

ColumnEditCommand::ColumnEditCommand(GraphModel &model, int nodeId)
    : m_model(model), m_nodeId(nodeId)
{
}

std::unique_ptr<ColumnEditCommand> ColumnEditCommand::create(
    GraphModel &model, int nodeId, const Edit &edit)
{
    const engine::NodeType *type = model.nodeType(nodeId);
    if (!type || edit.column.isEmpty() || (!edit.role && !edit.type))
        return nullptr;
    std::unique_ptr<ColumnEditCommand> command(new ColumnEditCommand(model, nodeId));
    command->setText(describe(edit));

    QString metaKey;
    if (type->id == engine::FileSourceNode::typeId())
        metaKey = engine::FileSourceNode::metaKey();
    else if (type->id == engine::SelectColumnsNode::typeId())
        metaKey = engine::SelectColumnsNode::metaKey();
    if (!metaKey.isEmpty()) {
        const QVariantMap current = model.parameters(nodeId);
        const ColumnRoleEdits before = ColumnRoleEdits::fromParameters(current, metaKey);
        const ColumnRoleEdits after = edited(before, edit);
        if (after == before)
            return nullptr;
        const QVariantMap values = after.toParameters(metaKey);
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (current.value(it.key()) == it.value())
                continue;
            command->m_before.insert(it.key(), current.value(it.key()));
            command->m_after.insert(it.key(), it.value());
        }
        return command;
    }

    const int port = firstTableOutput(type);
    if (port < 0)
        return nullptr;
    const ColumnRoleEdits after = edited({}, edit);
    if (after == ColumnRoleEdits {})
        return nullptr;
    command->m_inserted = true;
    command->m_port = port;
    command->m_after = after.toParameters(engine::SelectColumnsNode::metaKey());
    command->m_position = model.position(nodeId) + kInsertOffset;
    for (const Connection &c : model.connectionsOf(nodeId))
        if (c.fromNode == nodeId && c.fromPort == port)
            command->m_downstream.append(c);
    return command;
}

void ColumnEditCommand::redo()
{
    if (!m_inserted) {
        for (auto it = m_after.cbegin(); it != m_after.cend(); ++it)
            if (!m_model.setParameter(m_nodeId, it.key(), it.value())) {
                setObsolete(true);
                return;
            }
        return;
    }
    engine::NodeRecord record;
    record.id = m_insertedId; // 0 the first time: a free id
    record.typeId = engine::SelectColumnsNode::typeId();
    record.position = m_position;
    record.parameters
        = m_model.registry().find(engine::SelectColumnsNode::typeId())->defaultParameters();
    for (auto it = m_after.cbegin(); it != m_after.cend(); ++it)
        record.parameters.insert(it.key(), it.value());
    const engine::Result<int> id = m_model.addNode(record);
    if (!id) {
        setObsolete(true);
        return;
    }
    m_insertedId = id.value();
    for (const Connection &c : std::as_const(m_downstream))
        (void)m_model.removeConnection(c);
    (void)m_model.addConnection(Connection { m_nodeId, m_port, m_insertedId, 0 });
    for (const Connection &c : std::as_const(m_downstream))
        (void)m_model.addConnection(Connection { m_insertedId, 0, c.toNode, c.toPort });
}

void ColumnEditCommand::undo()
{
    if (!m_inserted) {
        for (auto it = m_before.cbegin(); it != m_before.cend(); ++it)
            (void)m_model.setParameter(m_nodeId, it.key(), it.value());
        return;
    }
    (void)m_model.removeNode(m_insertedId); // with its connections
    for (const Connection &c : std::as_const(m_downstream))
        (void)m_model.addConnection(c);
}

} // namespace sextant::widgets
