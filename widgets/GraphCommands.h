#pragma once

#include "graph/Connection.h"
#include "graph/NodeRecord.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QUndoCommand>
#include <QVariant>

namespace sextant::engine {
class GraphModel;
}

namespace sextant::widgets {

// Undo commands for every edit of the graph editor. Each one edits the GraphModel only
// (the scene mirrors it), is pushed on the editor's QUndoStack, and undoes back to the
// identical model (same ids, positions, parameters and connections).
//
// Callers check the edit first (GraphModel::canConnect, a known type id...); a command
// whose first redo() is refused anyway marks itself obsolete, so QUndoStack::push drops it.

// Adds one node. The id is picked on the first redo and kept for later redos.
class AddNodeCommand : public QUndoCommand {
public:
    AddNodeCommand(
        engine::GraphModel &model, engine::NodeRecord record, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int nodeId() const { return m_record.id; }

private:
    engine::GraphModel &m_model;
    engine::NodeRecord m_record;
};

// Removes nodes with their connections; undo restores both (same ids).
class RemoveNodesCommand : public QUndoCommand {
public:
    RemoveNodesCommand(engine::GraphModel &model, QList<int> ids, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    engine::GraphModel &m_model;
    QList<int> m_ids;
    QList<engine::RemovedNode> m_removed; // in removal order
};

// Moves nodes. Consecutive moves of the same set of nodes merge into one step.
class MoveNodesCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x5e01;
    MoveNodesCommand(engine::GraphModel &model, QHash<int, QPointF> from, QHash<int, QPointF> to,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QHash<int, QPointF> &positions);
    engine::GraphModel &m_model;
    QHash<int, QPointF> m_from;
    QHash<int, QPointF> m_to;
};

class ConnectCommand : public QUndoCommand {
public:
    ConnectCommand(
        engine::GraphModel &model, engine::Connection connection, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    engine::GraphModel &m_model;
    engine::Connection m_connection;
};

class DisconnectCommand : public QUndoCommand {
public:
    DisconnectCommand(
        engine::GraphModel &model, engine::Connection connection, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    engine::GraphModel &m_model;
    engine::Connection m_connection;
};

// Moves a connection to another input (what dragging it off its input does): `from` is
// removed and `to` added in one step; undo puts `from` back. Refused (obsolete) when `to`
// cannot be made once `from` is gone, leaving `from` in place.
class ReconnectCommand : public QUndoCommand {
public:
    ReconnectCommand(engine::GraphModel &model, engine::Connection from, engine::Connection to,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    engine::GraphModel &m_model;
    engine::Connection m_from;
    engine::Connection m_to;
};

// Sets one parameter. Consecutive edits of the same parameter of the same node merge
// (a spin box's steps become one undo step); an edit back to the original value drops out.
class SetParameterCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x5e02;
    SetParameterCommand(engine::GraphModel &model, int nodeId, QString name, QVariant value,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    engine::GraphModel &m_model;
    int m_nodeId;
    QString m_name;
    QVariant m_newValue;
    QVariant m_oldValue;
    bool m_haveOld = false;
};

// Renames one node (GraphModel::setLabel); an empty label gives it its type's name back.
// Refused (obsolete) when the label does not change or is not accepted.
class RenameNodeCommand : public QUndoCommand {
public:
    RenameNodeCommand(
        engine::GraphModel &model, int nodeId, QString label, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    engine::GraphModel &m_model;
    int m_nodeId;
    QString m_newLabel;
    QString m_oldLabel;
    bool m_haveOld = false;
};

// Pastes nodes and the connections among them. Records carry their original ids (used
// only to map `connections`); the pasted nodes get fresh ids on the first redo.
class PasteCommand : public QUndoCommand {
public:
    PasteCommand(engine::GraphModel &model, QList<engine::NodeRecord> records,
        QList<engine::Connection> connections, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    // The ids of the pasted nodes (after the first redo).
    QList<int> pastedIds() const;

private:
    engine::GraphModel &m_model;
    QList<engine::NodeRecord> m_records;
    QList<engine::Connection> m_connections;
    QHash<int, int> m_idMap; // original id -> pasted id
    bool m_done = false;
};

} // namespace sextant::widgets
