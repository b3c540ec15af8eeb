#include "widgets/GraphScene.h"

#include "graph/GraphModel.h"
#include "widgets/ConnectionItem.h"
#include "widgets/NodeItem.h"
#include "widgets/PortItem.h"

#include <QFileInfo>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QPalette>
#include <QPen>
#include <algorithm>
#include <cmath>

namespace sextant::widgets {

using engine::Connection;
using engine::GraphModel;

GraphScene::GraphScene(GraphModel &model, QObject *parent) : QGraphicsScene(parent), m_model(model)
{
    setSceneRect(-20000, -20000, 40000, 40000);
    // A light grey canvas; in a dark theme a dark one (the nodes keep their light bodies).
    const QColor base = QGuiApplication::palette().color(QPalette::Base);
    setBackgroundBrush(base.lightnessF() < 0.5 ? base.lighter(125) : QColor(0xf2, 0xf3, 0xf5));
    // Model signals are direct (same thread).
    connect(&m_model, &GraphModel::nodeAdded, this, &GraphScene::onNodeAdded);
    connect(&m_model, &GraphModel::nodeRemoved, this, &GraphScene::onNodeRemoved);
    connect(&m_model, &GraphModel::nodeMoved, this, &GraphScene::onNodeMoved);
    connect(&m_model, &GraphModel::parameterChanged, this,
        [this](int id, const QString &, const QVariant &) { onParameterChanged(id); });
    connect(&m_model, &GraphModel::labelChanged, this, [this](int id, const QString &label) {
        if (NodeItem *item = nodeItem(id))
            item->setLabel(label);
    });
    connect(&m_model, &GraphModel::connectionAdded, this, &GraphScene::onConnectionAdded);
    connect(&m_model, &GraphModel::connectionRemoved, this, &GraphScene::onConnectionRemoved);
    // Mirror what the model holds already.
    for (int id : m_model.nodeIds())
        onNodeAdded(id);
    for (const Connection &c : m_model.connections())
        onConnectionAdded(c);
}

GraphScene::~GraphScene()
{
    // Items go with the scene; disconnect first so nothing calls back into a half-dead scene.
    disconnect(&m_model, nullptr, this, nullptr);
    m_dragPort = nullptr;
}

NodeItem *GraphScene::nodeItem(int id) const
{
    const auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second;
}

ConnectionItem *GraphScene::connectionItem(const Connection &connection) const
{
    return m_connections.value(connection);
}

QList<int> GraphScene::selectedNodeIds() const
{
    QList<int> ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type)
            ids.append(static_cast<NodeItem *>(item)->nodeId());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<Connection> GraphScene::selectedConnections() const
{
    QList<Connection> list;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == ConnectionItem::Type)
            list.append(static_cast<ConnectionItem *>(item)->connection());
    }
    std::sort(list.begin(), list.end());
    return list;
}

void GraphScene::selectNodes(const QList<int> &ids)
{
    clearSelection();
    for (int id : ids) {
        if (NodeItem *item = nodeItem(id))
            item->setSelected(true);
    }
}

PortItem *GraphScene::portAt(QPointF scenePos) const
{
    const qreal r = PortItem::kRadius + 3;
    const QList<QGraphicsItem *> hits
        = items(QRectF(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r)), Qt::IntersectsItemShape,
            Qt::DescendingOrder);
    PortItem *best = nullptr;
    qreal bestDistance = 0;
    for (QGraphicsItem *item : hits) {
        if (item->type() != PortItem::Type)
            continue;
        const QPointF d = item->scenePos() - scenePos;
        const qreal distance = d.x() * d.x() + d.y() * d.y();
        if (!best || distance < bestDistance) {
            best = static_cast<PortItem *>(item);
            bestDistance = distance;
        }
    }
    return best;
}

NodeItem *GraphScene::nodeAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        for (QGraphicsItem *i = item; i; i = i->parentItem()) {
            if (i->type() == NodeItem::Type)
                return static_cast<NodeItem *>(i);
        }
    }
    return nullptr;
}

// --- mirroring

void GraphScene::onNodeAdded(int id)
{
    if (nodeItem(id))
        return;
    auto *item = new NodeItem(id, m_model.nodeType(id));
    item->setPos(m_model.position(id));
    item->setLabel(m_model.label(id));
    m_nodes[id] = item;
    addItem(item);
    updateSubtitle(item);
}

void GraphScene::onNodeRemoved(int id)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return;
    NodeItem *item = it->second;
    m_nodes.erase(it);
    if (m_dragPort && m_dragPort->parentItem() == item) {
        clearHighlights();
        delete m_dragLine;
        m_dragLine = nullptr;
        m_dragPort = nullptr;
        m_detached.reset();
    }
    delete item;
}

void GraphScene::onNodeMoved(int id, QPointF position)
{
    if (NodeItem *item = nodeItem(id); item && item->pos() != position)
        item->setPos(position);
}

void GraphScene::onParameterChanged(int id)
{
    if (NodeItem *item = nodeItem(id))
        updateSubtitle(item);
}

void GraphScene::updateSubtitle(NodeItem *item)
{
    const engine::NodeType *type = item->nodeType();
    if (!type)
        return;
    // The first file path, else the first non-empty column choice: what tells two nodes
    // of the same type apart at a glance.
    QString subtitle;
    for (const engine::ParameterSpec &spec : type->parameters) {
        const QVariant value = m_model.parameter(item->nodeId(), spec.name);
        if (spec.type == engine::ParameterType::FilePath && !value.toString().isEmpty()) {
            subtitle = QFileInfo(value.toString()).fileName();
            break;
        }
        if (subtitle.isEmpty() && spec.type == engine::ParameterType::Column
            && !value.toString().isEmpty())
            subtitle = spec.displayLabel() + QStringLiteral(": ") + value.toString();
    }
    item->setSubtitle(subtitle);
}

void GraphScene::onConnectionAdded(const Connection &connection)
{
    if (m_connections.contains(connection))
        return;
    const engine::NodeType *from = m_model.nodeType(connection.fromNode);
    const engine::PortType type = from && connection.fromPort < from->outputs.size()
        ? from->outputs.at(connection.fromPort).type
        : engine::PortType::Table;
    auto *item = new ConnectionItem(connection, type);
    m_connections.insert(connection, item);
    addItem(item);
    updateConnection(item);
}

void GraphScene::onConnectionRemoved(const Connection &connection)
{
    delete m_connections.take(connection);
}

void GraphScene::updateConnection(ConnectionItem *item)
{
    const Connection &c = item->connection();
    NodeItem *from = nodeItem(c.fromNode);
    NodeItem *to = nodeItem(c.toNode);
    if (!from || !to || !from->outputPort(c.fromPort) || !to->inputPort(c.toPort))
        return;
    item->setEnds(from->outputPort(c.fromPort)->scenePos(), to->inputPort(c.toPort)->scenePos());
}

void GraphScene::nodeItemMoved(NodeItem *item)
{
    for (const Connection &c : m_model.connectionsOf(item->nodeId())) {
        if (ConnectionItem *ci = m_connections.value(c))
            updateConnection(ci);
    }
}

void GraphScene::setNodeStatus(int id, engine::NodeStatus status, const QString &message)
{
    if (NodeItem *item = nodeItem(id))
        item->setStatus(status, message);
}

void GraphScene::setNodeProgress(int id, double fraction)
{
    if (NodeItem *item = nodeItem(id))
        item->setProgress(fraction);
}

// --- interaction

Connection GraphScene::draggedConnection(const PortItem *target) const
{
    const PortItem *out = m_dragPort->isOutput() ? m_dragPort : target;
    const PortItem *in = m_dragPort->isOutput() ? target : m_dragPort;
    return Connection { out->nodeId(), out->index(), in->nodeId(), in->index() };
}

void GraphScene::clearHighlights()
{
    for (const auto &[id, node] : m_nodes) {
        for (PortItem *p : node->inputPorts())
            p->setHighlight(PortItem::Highlight::None);
        for (PortItem *p : node->outputPorts())
            p->setHighlight(PortItem::Highlight::None);
    }
}

void GraphScene::beginConnectionDrag(PortItem *port, QPointF scenePos)
{
    m_dragPort = port;
    // Mark every port on the other side by whether the model would accept it.
    for (const auto &[id, node] : m_nodes) {
        const QList<PortItem *> &candidates
            = port->isOutput() ? node->inputPorts() : node->outputPorts();
        for (PortItem *p : candidates) {
            // A detached connection may go back where it came from.
            const bool home = m_detached && p->nodeId() == m_detached->toNode
                && p->index() == m_detached->toPort;
            const bool ok = home || m_model.canConnect(draggedConnection(p)).ok();
            p->setHighlight(
                ok ? PortItem::Highlight::Compatible : PortItem::Highlight::Incompatible);
        }
    }
    m_dragLine = new QGraphicsPathItem;
    m_dragLine->setPen(QPen(PortItem::colorFor(port->portType()), 2, Qt::DashLine));
    m_dragLine->setZValue(10);
    addItem(m_dragLine);
    m_dragLine->setPath(port->isOutput() ? ConnectionItem::curve(port->scenePos(), scenePos)
                                         : ConnectionItem::curve(scenePos, port->scenePos()));
}

bool GraphScene::beginDetach(const Connection &connection, QPointF scenePos)
{
    NodeItem *from = nodeItem(connection.fromNode);
    PortItem *out = from ? from->outputPort(connection.fromPort) : nullptr;
    if (!out)
        return false;
    m_detached = connection;
    // The model keeps the connection until the drop decides; the curve follows the mouse.
    if (ConnectionItem *item = m_connections.value(connection))
        item->setVisible(false);
    beginConnectionDrag(out, scenePos);
    return true;
}

std::optional<Connection> GraphScene::connectionEndAt(QPointF scenePos) const
{
    // How far from its input port a press on a connection still grabs its end.
    constexpr qreal kEndGrab = 28.0;
    std::optional<Connection> best;
    qreal bestDistance = 0;
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() != ConnectionItem::Type || !item->isVisible())
            continue;
        const Connection &c = static_cast<ConnectionItem *>(item)->connection();
        NodeItem *to = nodeItem(c.toNode);
        PortItem *in = to ? to->inputPort(c.toPort) : nullptr;
        if (!in)
            continue;
        const QPointF d = in->scenePos() - scenePos;
        const qreal distance = std::sqrt(d.x() * d.x() + d.y() * d.y());
        if (distance <= kEndGrab && (!best || distance < bestDistance)) {
            best = c;
            bestDistance = distance;
        }
    }
    return best;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_dragPort) {
        if (PortItem *port = portAt(event->scenePos())) {
            // A connected input: lift its connection off, to drop it elsewhere.
            const std::optional<Connection> into = port->isOutput()
                ? std::nullopt
                : m_model.connectionInto(port->nodeId(), port->index());
            if (!(into && beginDetach(*into, event->scenePos())))
                beginConnectionDrag(port, event->scenePos());
            event->accept();
            return;
        }
        if (const std::optional<Connection> end = connectionEndAt(event->scenePos())) {
            if (beginDetach(*end, event->scenePos())) {
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragPort) {
        const QPointF a = m_dragPort->scenePos();
        const QPointF b = event->scenePos();
        m_dragLine->setPath(
            m_dragPort->isOutput() ? ConnectionItem::curve(a, b) : ConnectionItem::curve(b, a));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::finishConnectionDrag(QPointF scenePos)
{
    PortItem *target = portAt(scenePos);
    PortItem *source = m_dragPort;
    clearHighlights();
    delete m_dragLine;
    m_dragLine = nullptr;
    m_dragPort = nullptr;
    if (m_detached) {
        finishDetach(target);
        return;
    }
    if (!target || target == source)
        return;
    if (target->isOutput() == source->isOutput()) {
        Q_EMIT connectionRefused(tr("Connect an output (right side) to an input (left side)."));
        return;
    }
    m_dragPort = source; // draggedConnection reads it
    const Connection c = draggedConnection(target);
    m_dragPort = nullptr;
    const engine::Status status = m_model.canConnect(c);
    if (status)
        Q_EMIT connectionRequested(c);
    else
        Q_EMIT connectionRefused(status.error());
}

void GraphScene::finishDetach(PortItem *target)
{
    const Connection old = *m_detached;
    m_detached.reset();
    // Shown again whatever happens next; a command that removes it deletes the item.
    if (ConnectionItem *item = m_connections.value(old))
        item->setVisible(true);
    if (m_model.connectionInto(old.toNode, old.toPort) != old)
        return; // the model changed under the drag
    if (!target) {
        Q_EMIT disconnectRequested(old);
        return;
    }
    if (target->isOutput()) {
        Q_EMIT connectionRefused(
            tr("Drop a connection on an input (left side), or on empty canvas to remove it."));
        return;
    }
    if (target->nodeId() == old.toNode && target->index() == old.toPort)
        return; // put back where it was
    const Connection moved { old.fromNode, old.fromPort, target->nodeId(), target->index() };
    const engine::Status status = m_model.canConnect(moved);
    if (status)
        Q_EMIT reconnectRequested(old, moved);
    else
        Q_EMIT connectionRefused(status.error());
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragPort && event->button() == Qt::LeftButton) {
        finishConnectionDrag(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    // Nodes dragged by the person: ask for a move command (the model has the old places).
    QHash<int, QPointF> from, to;
    for (const auto &[id, item] : m_nodes) {
        const QPointF modelPos = m_model.position(id);
        if (item->pos() != modelPos) {
            from.insert(id, modelPos);
            to.insert(id, item->pos());
        }
    }
    if (!to.isEmpty())
        Q_EMIT moveRequested(from, to);
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem *node = nodeAt(event->scenePos())) {
            // On the title: rename; elsewhere on the node: open its result.
            if (NodeItem::titleRect().contains(node->mapFromScene(event->scenePos())))
                Q_EMIT nodeRenameRequested(node->nodeId());
            else
                Q_EMIT nodeDoubleClicked(node->nodeId());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (NodeItem *node = nodeAt(event->scenePos())) {
        Q_EMIT nodeContextMenuRequested(node->nodeId(), event->screenPos());
        event->accept();
        return;
    }
    QGraphicsScene::contextMenuEvent(event);
}

} // namespace sextant::widgets
