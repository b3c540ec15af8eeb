#include "widgets/GraphCommands.h"

#include "graph/GraphModel.h"

#include <QCoreApplication>
#include <algorithm>

namespace sextant::widgets {

using engine::Connection;
using engine::GraphModel;
using engine::NodeRecord;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::widgets::GraphCommands", text);
}

QString typeName(const GraphModel &model, const QString &typeId)
{
    const engine::NodeType *type = model.registry().find(typeId);
    return type ? type->displayName : typeId;
}
} // namespace

// --- AddNodeCommand

AddNodeCommand::AddNodeCommand(GraphModel &model, NodeRecord record, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_record(std::move(record))
{
    setText(tr("Add %1").arg(typeName(model, m_record.typeId)));
}

void AddNodeCommand::redo()
{
    const engine::Result<int> id = m_model.addNode(m_record);
    if (!id) {
        setObsolete(true);
        return;
    }
    m_record.id = id.value();
}

void AddNodeCommand::undo()
{
    if (m_model.hasNode(m_record.id)) {
        // Keep the parameters as they were when removed (they cannot differ: later edits
        // are undone first), so redo recreates the identical node.
        (void)m_model.removeNode(m_record.id);
    }
}

// --- RemoveNodesCommand

RemoveNodesCommand::RemoveNodesCommand(GraphModel &model, QList<int> ids, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_ids(std::move(ids))
{
    std::sort(m_ids.begin(), m_ids.end());
    m_ids.erase(std::unique(m_ids.begin(), m_ids.end()), m_ids.end());
    setText(m_ids.size() == 1 ? tr("Delete node") : tr("Delete %1 nodes").arg(m_ids.size()));
}

void RemoveNodesCommand::redo()
{
    m_removed.clear();
    for (int id : std::as_const(m_ids)) {
        engine::Result<engine::RemovedNode> removed = m_model.removeNode(id);
        if (removed)
            m_removed.append(std::move(removed.value()));
    }
    if (m_removed.isEmpty())
        setObsolete(true);
}

void RemoveNodesCommand::undo()
{
    // Reverse order: a connection between two removed nodes went with the first one
    // removed, so it comes back when that one is restored, after the other.
    for (auto it = m_removed.crbegin(); it != m_removed.crend(); ++it)
        (void)m_model.restoreNode(*it);
    m_removed.clear();
}

// --- MoveNodesCommand

MoveNodesCommand::MoveNodesCommand(
    GraphModel &model, QHash<int, QPointF> from, QHash<int, QPointF> to, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_from(std::move(from)), m_to(std::move(to))
{
    setText(m_to.size() == 1 ? tr("Move node") : tr("Move %1 nodes").arg(m_to.size()));
}

void MoveNodesCommand::apply(const QHash<int, QPointF> &positions)
{
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        (void)m_model.moveNode(it.key(), it.value());
}

void MoveNodesCommand::redo()
{
    apply(m_to);
}
void MoveNodesCommand::undo()
{
    apply(m_from);
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodesCommand *>(other);
    if (&move->m_model != &m_model)
        return false;
    QList<int> mine = m_to.keys(), theirs = move->m_to.keys();
    std::sort(mine.begin(), mine.end());
    std::sort(theirs.begin(), theirs.end());
    if (mine != theirs)
        return false;
    m_to = move->m_to;
    setObsolete(m_to == m_from);
    return true;
}

// --- ConnectCommand / DisconnectCommand

ConnectCommand::ConnectCommand(GraphModel &model, Connection connection, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_connection(connection)
{
    setText(tr("Connect"));
}

void ConnectCommand::redo()
{
    if (!m_model.addConnection(m_connection))
        setObsolete(true);
}

void ConnectCommand::undo()
{
    (void)m_model.removeConnection(m_connection);
}

DisconnectCommand::DisconnectCommand(GraphModel &model, Connection connection, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_connection(connection)
{
    setText(tr("Disconnect"));
}

void DisconnectCommand::redo()
{
    if (!m_model.removeConnection(m_connection))
        setObsolete(true);
}

void DisconnectCommand::undo()
{
    (void)m_model.addConnection(m_connection);
}

// --- ReconnectCommand

ReconnectCommand::ReconnectCommand(
    GraphModel &model, Connection from, Connection to, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_from(from), m_to(to)
{
    setText(tr("Reconnect"));
}

void ReconnectCommand::redo()
{
    if (!m_model.removeConnection(m_from)) {
        setObsolete(true);
        return;
    }
    if (!m_model.addConnection(m_to)) {
        (void)m_model.addConnection(m_from);
        setObsolete(true);
    }
}

void ReconnectCommand::undo()
{
    (void)m_model.removeConnection(m_to);
    (void)m_model.addConnection(m_from);
}

// --- SetParameterCommand

SetParameterCommand::SetParameterCommand(
    GraphModel &model, int nodeId, QString name, QVariant value, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_nodeId(nodeId), m_name(std::move(name)),
      m_newValue(std::move(value))
{
    const engine::NodeType *type = model.nodeType(nodeId);
    const engine::ParameterSpec *spec = type ? type->parameter(m_name) : nullptr;
    setText(tr("Set %1").arg(spec ? spec->displayLabel() : m_name));
}

void SetParameterCommand::redo()
{
    engine::Result<QVariant> old = m_model.setParameter(m_nodeId, m_name, m_newValue);
    if (!old) {
        setObsolete(true);
        return;
    }
    if (!m_haveOld) {
        m_oldValue = old.value();
        m_haveOld = true;
        // Store the canonical form, so merging compares like with like.
        m_newValue = m_model.parameter(m_nodeId, m_name);
        if (m_newValue == m_oldValue)
            setObsolete(true);
    }
}

void SetParameterCommand::undo()
{
    (void)m_model.setParameter(m_nodeId, m_name, m_oldValue);
}

bool SetParameterCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const SetParameterCommand *>(other);
    if (&edit->m_model != &m_model || edit->m_nodeId != m_nodeId || edit->m_name != m_name)
        return false;
    m_newValue = edit->m_newValue;
    setObsolete(m_newValue == m_oldValue);
    return true;
}

// --- RenameNodeCommand

RenameNodeCommand::RenameNodeCommand(
    GraphModel &model, int nodeId, QString label, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_nodeId(nodeId), m_newLabel(std::move(label))
{
    setText(tr("Rename %1").arg(model.title(nodeId)));
}

void RenameNodeCommand::redo()
{
    engine::Result<QString> old = m_model.setLabel(m_nodeId, m_newLabel);
    if (!old) {
        setObsolete(true);
        return;
    }
    if (!m_haveOld) {
        m_oldLabel = old.value();
        m_haveOld = true;
        m_newLabel = m_model.label(m_nodeId); // as stored
        if (m_newLabel == m_oldLabel)
            setObsolete(true);
    }
}

void RenameNodeCommand::undo()
{
    (void)m_model.setLabel(m_nodeId, m_oldLabel);
}

// --- PasteCommand

PasteCommand::PasteCommand(GraphModel &model, QList<NodeRecord> records,
    QList<Connection> connections, QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_records(std::move(records)),
      m_connections(std::move(connections))
{
    setText(m_records.size() == 1 ? tr("Paste node") : tr("Paste %1 nodes").arg(m_records.size()));
}

void PasteCommand::redo()
{
    for (const NodeRecord &record : std::as_const(m_records)) {
        NodeRecord copy = record;
        copy.id = m_done ? m_idMap.value(record.id) : 0;
        const engine::Result<int> id = m_model.addNode(copy);
        if (id && !m_done)
            m_idMap.insert(record.id, id.value());
    }
    for (const Connection &c : std::as_const(m_connections)) {
        if (!m_idMap.contains(c.fromNode) || !m_idMap.contains(c.toNode))
            continue;
        (void)m_model.addConnection(Connection {
            m_idMap.value(c.fromNode), c.fromPort, m_idMap.value(c.toNode), c.toPort });
    }
    if (!m_done && m_idMap.isEmpty())
        setObsolete(true);
    m_done = true;
}

void PasteCommand::undo()
{
    for (int id : std::as_const(m_idMap))
        (void)m_model.removeNode(id);
}

QList<int> PasteCommand::pastedIds() const
{
    QList<int> ids = m_idMap.values();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace sextant::widgets
