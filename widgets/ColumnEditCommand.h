#pragma once

#include "data/Column.h"
#include "graph/Connection.h"
#include "nodes/ColumnRoleEdits.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QUndoCommand>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace sextant::engine {
class GraphModel;
}

namespace sextant::widgets {

// A column role or type edit made in the column list, as one undoable change of the graph.
//
// The edit lands where the columns come from: a File node or a Select Columns node gets
// its role/type parameters changed (ColumnRoleEdits); any other node that produces a table
// gets a Select Columns node inserted after its table output, holding the edit, which
// takes over that output's connections (so every node downstream sees the edit). Undo
// restores the parameters, or removes the inserted node and reconnects what it fed.
class ColumnEditCommand : public QUndoCommand {
public:
    struct Edit {
        QString column;
        // One of role / type: the new value and what the column has now (Ignored for a
        // dropped column).
        std::optional<engine::ColumnRoleChoice> role;
        engine::ColumnRoleChoice currentRole = engine::ColumnRoleChoice::Feature;
        std::optional<engine::ColumnType> type;
        engine::ColumnType currentType = engine::ColumnType::Numeric;
    };

    // The command for `edit` of the table node `nodeId` shows, or nullptr when it changes
    // nothing (or the node has no table output).
    static std::unique_ptr<ColumnEditCommand> create(
        engine::GraphModel &model, int nodeId, const Edit &edit);

    void redo() override;
    void undo() override;
    // The node whose parameters hold the edit: `nodeId`, or the inserted Select Columns node
    // (its id known after the first redo).
    int editedNode() const { return m_inserted ? m_insertedId : m_nodeId; }
    bool insertsNode() const { return m_inserted; }

private:
    ColumnEditCommand(engine::GraphModel &model, int nodeId);

    engine::GraphModel &m_model;
    int m_nodeId;
    // Parameter edit: the values before and after (only the keys that change).
    QVariantMap m_before;
    QVariantMap m_after;
    // Inserted node: its parameters, position, the output it reads and what it took over.
    bool m_inserted = false;
    int m_insertedId = 0;
    int m_port = -1;
    QPointF m_position;
    QList<engine::Connection> m_downstream;
};

} // namespace sextant::widgets
