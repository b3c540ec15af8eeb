#pragma once

#include "graph/Connection.h"
#include "graph/NodeStatus.h"

#include <QGraphicsScene>
#include <QHash>
#include <QMap>
#include <QPointF>
#include <map>
#include <optional>

namespace sextant::engine {
class GraphModel;
}

namespace sextant::widgets {

class ConnectionItem;
class NodeItem;
class PortItem;

// The canvas of the node editor. Takes the GraphModel by reference and only mirrors it:
// items are created, moved and removed from the model's signals, never by the scene's own
// decision. What a person does on the canvas (finish dragging nodes, drag a connection
// from port to port, double-click a node) comes out as request signals, which the editor
// turns into undo commands that edit the model, which the scene then mirrors.
//
// Executor status and progress reach the items through setNodeStatus/setNodeProgress
// (connected queued by the editor).
class GraphScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit GraphScene(engine::GraphModel &model, QObject *parent = nullptr);
    ~GraphScene() override;

    engine::GraphModel &model() const { return m_model; }

    NodeItem *nodeItem(int id) const;
    ConnectionItem *connectionItem(const engine::Connection &connection) const;
    int nodeItemCount() const { return static_cast<int>(m_nodes.size()); }
    int connectionItemCount() const { return static_cast<int>(m_connections.size()); }

    // Ascending ids of the selected nodes / the selected connections.
    QList<int> selectedNodeIds() const;
    QList<engine::Connection> selectedConnections() const;
    void selectNodes(const QList<int> &ids);

    // The port under `scenePos` (within a few pixels), or null.
    PortItem *portAt(QPointF scenePos) const;
    // The node under `scenePos`, or null.
    NodeItem *nodeAt(QPointF scenePos) const;

    // Whether a connection is being dragged (a new one, or one detached from its input).
    bool isDraggingConnection() const { return m_dragPort != nullptr; }
    // The connection lifted off its input by the drag in progress, if any: pressing on a
    // connected input port (or on a connection's end next to it) and dragging detaches
    // it. Dropped on another input that accepts it: reconnectRequested; on no port:
    // disconnectRequested; back on its own input (or refused): it stays as it was.
    std::optional<engine::Connection> detachedConnection() const { return m_detached; }
    // The connection whose input end is under `scenePos` (on the curve, near its input
    // port), if any.
    std::optional<engine::Connection> connectionEndAt(QPointF scenePos) const;

    // Called by NodeItem when it moves: keeps its connections attached.
    void nodeItemMoved(NodeItem *item);

public Q_SLOTS:
    void setNodeStatus(int id, sextant::engine::NodeStatus status, const QString &message);
    void setNodeProgress(int id, double fraction);

Q_SIGNALS:
    // The context menu was asked for on a node (right click): `screenPos` is where.
    void nodeContextMenuRequested(int nodeId, const QPoint &screenPos);
    // A drag of nodes ended away from where the model has them.
    void moveRequested(const QHash<int, QPointF> &from, const QHash<int, QPointF> &to);
    // A connection was dragged between two ports that accept it.
    void connectionRequested(const sextant::engine::Connection &connection);
    // A connection was dragged between two ports that refuse it; `reason` says why.
    void connectionRefused(const QString &reason);
    // A connection detached from its input was dropped away from any port.
    void disconnectRequested(const sextant::engine::Connection &connection);
    // A connection detached from its input was dropped on another input that accepts it.
    void reconnectRequested(
        const sextant::engine::Connection &from, const sextant::engine::Connection &to);
    // A double click on a node's body / on its title.
    void nodeDoubleClicked(int id);
    void nodeRenameRequested(int id);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void onNodeAdded(int id);
    void onNodeRemoved(int id);
    void onNodeMoved(int id, QPointF position);
    void onParameterChanged(int id);
    void onConnectionAdded(const engine::Connection &connection);
    void onConnectionRemoved(const engine::Connection &connection);
    void updateConnection(ConnectionItem *item);
    void updateSubtitle(NodeItem *item);
    // The connection a drag from m_dragPort to `target` would make.
    engine::Connection draggedConnection(const PortItem *target) const;
    void clearHighlights();
    void beginConnectionDrag(PortItem *port, QPointF scenePos);
    // Starts dragging `connection` off its input; false when its ports have no items.
    bool beginDetach(const engine::Connection &connection, QPointF scenePos);
    void finishConnectionDrag(QPointF scenePos);
    void finishDetach(PortItem *target);

    engine::GraphModel &m_model;
    std::map<int, NodeItem *> m_nodes;
    QHash<engine::Connection, ConnectionItem *> m_connections;
    // Connection drag in progress: the port it started from and the line drawn.
    PortItem *m_dragPort = nullptr;
    QGraphicsPathItem *m_dragLine = nullptr;
    // Set while the drag carries an existing connection (m_dragPort is its output).
    std::optional<engine::Connection> m_detached;
};

} // namespace sextant::widgets
