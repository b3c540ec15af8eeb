#include "graph/GraphModel.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <queue>
#include <set>

namespace sextant::engine {

namespace {

bool validPosition(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y())
        && std::abs(p.x()) <= GraphModel::kMaxCoordinate
        && std::abs(p.y()) <= GraphModel::kMaxCoordinate;
}

QString nodeLabel(int id, const NodeType *type)
{
    return QStringLiteral("node %1 (%2)")
        .arg(id)
        .arg(type ? type->displayName : QStringLiteral("?"));
}

} // namespace

GraphModel::GraphModel(const NodeRegistry &registry, QObject *parent)
    : QObject(parent), m_registry(&registry)
{
}

GraphModel::~GraphModel() = default;

const GraphModel::Node *GraphModel::findNode(int id) const
{
    const auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : &it->second;
}

Result<int> GraphModel::addNode(
    const QString &typeId, QPointF position, const QVariantMap &parameters, int id)
{
    return insertNode(typeId, position, parameters, id, {});
}

Result<int> GraphModel::insertNode(const QString &typeId, QPointF position,
    const QVariantMap &parameters, int id, const QString &label)
{
    const NodeType *type = m_registry->find(typeId);
    if (!type)
        return Result<int>::failure(QStringLiteral("unknown node type '%1'").arg(typeId.left(100)));
    if (id < 0 || id > kMaxNodeId)
        return Result<int>::failure(
            QStringLiteral("node id %1 is outside the range 1..%2").arg(id).arg(kMaxNodeId));
    if (id != 0 && hasNode(id))
        return Result<int>::failure(QStringLiteral("node id %1 is already in use").arg(id));
    if (nodeCount() >= kMaxNodes)
        return Result<int>::failure(
            QStringLiteral("a workflow holds at most %1 nodes").arg(kMaxNodes));
    if (!validPosition(position))
        return Result<int>::failure(
            QStringLiteral("position (%1, %2) is not a finite canvas position")
                .arg(position.x())
                .arg(position.y()));
    auto params = type->completeParameters(parameters);
    if (!params)
        return Result<int>::failure(params.error());
    if (id == 0) {
        id = nextFreeId();
        if (id == 0)
            return Result<int>::failure(QStringLiteral("no free node id is left"));
    }

    Node node;
    node.type = type;
    node.position = position;
    node.parameters = std::move(params.value());
    node.label = label; // in place before nodeAdded: what mirrors the model shows it
    node.inputs.resize(static_cast<std::size_t>(type->inputs.size()));
    m_nodes.emplace(id, std::move(node));
    if (id < kMaxNodeId)
        m_nextId = std::max(m_nextId, id + 1);
    Q_EMIT nodeAdded(id);
    Q_EMIT changed();
    return id;
}

Result<int> GraphModel::addNode(const NodeRecord &record)
{
    const auto label = checkedLabel(record.label);
    if (!label)
        return Result<int>::failure(label.error());
    return insertNode(record.typeId, record.position, record.parameters, record.id, label.value());
}

Result<QString> GraphModel::checkedLabel(const QString &label)
{
    const QString simplified = label.simplified();
    if (simplified.size() > kMaxLabelLength)
        return Result<QString>::failure(
            QStringLiteral("a node label has at most %1 characters (this one has %2)")
                .arg(kMaxLabelLength)
                .arg(simplified.size()));
    return simplified;
}

Result<QString> GraphModel::setLabel(int id, const QString &label)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return Result<QString>::failure(QStringLiteral("there is no node %1").arg(id));
    const auto checked = checkedLabel(label);
    if (!checked)
        return checked;
    QString old = it->second.label;
    if (old != checked.value()) {
        it->second.label = checked.value();
        Q_EMIT labelChanged(id, checked.value());
        Q_EMIT changed();
    }
    return old;
}

QString GraphModel::label(int id) const
{
    const Node *n = findNode(id);
    return n ? n->label : QString();
}

QString GraphModel::title(int id) const
{
    const Node *n = findNode(id);
    if (!n)
        return {};
    return n->label.isEmpty() ? n->type->displayName : n->label;
}

Result<RemovedNode> GraphModel::removeNode(int id)
{
    const Node *node = findNode(id);
    if (!node)
        return Result<RemovedNode>::failure(QStringLiteral("there is no node %1").arg(id));
    RemovedNode removed;
    removed.node = { id, node->type->id, node->position, node->parameters, node->label };
    removed.connections = connectionsOf(id);
    for (const Connection &c : removed.connections) {
        dropConnection(c);
        Q_EMIT connectionRemoved(c);
    }
    m_nodes.erase(id);
    Q_EMIT nodeRemoved(id);
    Q_EMIT changed();
    return removed;
}

Status GraphModel::restoreNode(const RemovedNode &removed)
{
    if (removed.node.id == 0)
        return Status::failure(QStringLiteral("the removed node has no id"));
    // Check the connections before adding anything, so a refusal changes nothing.
    for (const Connection &c : removed.connections) {
        const int other = c.fromNode == removed.node.id ? c.toNode : c.fromNode;
        if ((c.fromNode != removed.node.id && c.toNode != removed.node.id) || !hasNode(other))
            return Status::failure(
                QStringLiteral("connection %1 cannot be restored: node %2 is gone")
                    .arg(c.toString())
                    .arg(other));
    }
    auto added = addNode(removed.node);
    if (!added)
        return Status::failure(added.error());
    for (const Connection &c : removed.connections) {
        Status s = addConnection(c);
        if (!s) {
            // Roll back to the state before the call.
            auto undo = removeNode(removed.node.id);
            Q_UNUSED(undo);
            return Status::failure(QStringLiteral("connection %1 cannot be restored: %2")
                                       .arg(c.toString(), s.error()));
        }
    }
    return Status::success();
}

Status GraphModel::moveNode(int id, QPointF position)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return Status::failure(QStringLiteral("there is no node %1").arg(id));
    if (!validPosition(position))
        return Status::failure(QStringLiteral("position (%1, %2) is not a finite canvas position")
                                   .arg(position.x())
                                   .arg(position.y()));
    if (it->second.position == position)
        return Status::success();
    it->second.position = position;
    Q_EMIT nodeMoved(id, position);
    Q_EMIT changed();
    return Status::success();
}

Result<QVariant> GraphModel::setParameter(int id, const QString &name, const QVariant &value)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return Result<QVariant>::failure(QStringLiteral("there is no node %1").arg(id));
    const ParameterSpec *spec = it->second.type->parameter(name);
    if (!spec)
        return Result<QVariant>::failure(QStringLiteral("%1 has no parameter '%2'")
                                             .arg(nodeLabel(id, it->second.type), name.left(80)));
    auto checked = spec->validate(value);
    if (!checked)
        return Result<QVariant>::failure(checked.error());
    QVariant previous = it->second.parameters.value(name);
    if (previous == checked.value() && previous.metaType() == checked.value().metaType())
        return previous;
    it->second.parameters.insert(name, checked.value());
    Q_EMIT parameterChanged(id, name, checked.value());
    Q_EMIT changed();
    return previous;
}

Status GraphModel::canConnect(const Connection &c) const
{
    const Node *from = findNode(c.fromNode);
    const Node *to = findNode(c.toNode);
    if (!from)
        return Status::failure(QStringLiteral("there is no node %1").arg(c.fromNode));
    if (!to)
        return Status::failure(QStringLiteral("there is no node %1").arg(c.toNode));
    if (c.fromPort < 0 || c.fromPort >= from->type->outputs.size())
        return Status::failure(QStringLiteral("%1 has no output port %2")
                                   .arg(nodeLabel(c.fromNode, from->type))
                                   .arg(c.fromPort));
    if (c.toPort < 0 || c.toPort >= to->type->inputs.size())
        return Status::failure(QStringLiteral("%1 has no input port %2")
                                   .arg(nodeLabel(c.toNode, to->type))
                                   .arg(c.toPort));
    if (c.fromNode == c.toNode)
        return Status::failure(QStringLiteral("a node cannot be connected to itself"));
    const PortSpec &out = from->type->outputs[c.fromPort];
    const PortSpec &in = to->type->inputs[c.toPort];
    if (!portTypesCompatible(out.type, in.type))
        return Status::failure(
            QStringLiteral("incompatible types: output '%1' gives a %2, input '%3' expects a %4")
                .arg(out.displayLabel(), portTypeName(out.type), in.displayLabel(),
                    portTypeName(in.type)));
    if (const auto &existing = to->inputs[static_cast<std::size_t>(c.toPort)]) {
        if (*existing == c)
            return Status::failure(QStringLiteral("these ports are already connected"));
        return Status::failure(QStringLiteral("input '%1' of %2 is already connected (to node %3); "
                                              "an input takes one connection")
                                   .arg(in.displayLabel(), nodeLabel(c.toNode, to->type))
                                   .arg(existing->fromNode));
    }
    if (reaches(c.toNode, c.fromNode))
        return Status::failure(
            QStringLiteral("connecting %1 to %2 would create a cycle")
                .arg(nodeLabel(c.fromNode, from->type), nodeLabel(c.toNode, to->type)));
    return Status::success();
}

Status GraphModel::addConnection(const Connection &c)
{
    Status s = canConnect(c);
    if (!s)
        return s;
    m_nodes[c.toNode].inputs[static_cast<std::size_t>(c.toPort)] = c;
    m_nodes[c.fromNode].outgoing.push_back(c);
    Q_EMIT connectionAdded(c);
    Q_EMIT changed();
    return Status::success();
}

Status GraphModel::removeConnection(const Connection &c)
{
    const Node *to = findNode(c.toNode);
    if (!to || c.toPort < 0 || c.toPort >= static_cast<int>(to->inputs.size())
        || to->inputs[static_cast<std::size_t>(c.toPort)] != c)
        return Status::failure(QStringLiteral("there is no connection %1").arg(c.toString()));
    dropConnection(c);
    Q_EMIT connectionRemoved(c);
    Q_EMIT changed();
    return Status::success();
}

void GraphModel::dropConnection(const Connection &c)
{
    auto to = m_nodes.find(c.toNode);
    if (to != m_nodes.end())
        to->second.inputs[static_cast<std::size_t>(c.toPort)].reset();
    auto from = m_nodes.find(c.fromNode);
    if (from != m_nodes.end()) {
        auto &out = from->second.outgoing;
        out.erase(std::remove(out.begin(), out.end(), c), out.end());
    }
}

void GraphModel::clear()
{
    const bool wasEmpty = m_nodes.empty() && m_baseDirectory.isEmpty();
    for (const Connection &c : connections()) {
        dropConnection(c);
        Q_EMIT connectionRemoved(c);
    }
    const QList<int> ids = nodeIds();
    for (int id : ids) {
        m_nodes.erase(id);
        Q_EMIT nodeRemoved(id);
    }
    m_nextId = 1;
    if (!m_baseDirectory.isEmpty()) {
        m_baseDirectory.clear();
        Q_EMIT baseDirectoryChanged(m_baseDirectory);
    }
    if (!wasEmpty)
        Q_EMIT changed();
}

bool GraphModel::reaches(int from, int to) const
{
    // Depth-first search along outgoing connections.
    std::vector<int> stack { from };
    std::set<int> seen { from };
    while (!stack.empty()) {
        const int id = stack.back();
        stack.pop_back();
        if (id == to)
            return true;
        const Node *n = findNode(id);
        if (!n)
            continue;
        for (const Connection &c : n->outgoing)
            if (seen.insert(c.toNode).second)
                stack.push_back(c.toNode);
    }
    return false;
}

QList<int> GraphModel::nodeIds() const
{
    QList<int> out;
    out.reserve(static_cast<qsizetype>(m_nodes.size()));
    for (const auto &[id, node] : m_nodes)
        out.push_back(id);
    return out;
}

std::optional<NodeRecord> GraphModel::node(int id) const
{
    const Node *n = findNode(id);
    if (!n)
        return std::nullopt;
    return NodeRecord { id, n->type->id, n->position, n->parameters, n->label };
}

const NodeType *GraphModel::nodeType(int id) const
{
    const Node *n = findNode(id);
    return n ? n->type : nullptr;
}

QPointF GraphModel::position(int id) const
{
    const Node *n = findNode(id);
    return n ? n->position : QPointF();
}

QVariantMap GraphModel::parameters(int id) const
{
    const Node *n = findNode(id);
    return n ? n->parameters : QVariantMap();
}

QVariant GraphModel::parameter(int id, const QString &name) const
{
    const Node *n = findNode(id);
    return n ? n->parameters.value(name) : QVariant();
}

QList<Connection> GraphModel::connections() const
{
    QList<Connection> out;
    for (const auto &[id, node] : m_nodes)
        for (const auto &c : node.inputs)
            if (c)
                out.push_back(*c);
    std::sort(out.begin(), out.end());
    return out;
}

int GraphModel::connectionCount() const
{
    int n = 0;
    for (const auto &[id, node] : m_nodes)
        n += static_cast<int>(node.outgoing.size());
    return n;
}

QList<Connection> GraphModel::connectionsOf(int id) const
{
    QList<Connection> out;
    const Node *n = findNode(id);
    if (!n)
        return out;
    for (const auto &c : n->inputs)
        if (c)
            out.push_back(*c);
    for (const Connection &c : n->outgoing)
        out.push_back(c);
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<Connection> GraphModel::connectionInto(int id, int inputPort) const
{
    const Node *n = findNode(id);
    if (!n || inputPort < 0 || inputPort >= static_cast<int>(n->inputs.size()))
        return std::nullopt;
    return n->inputs[static_cast<std::size_t>(inputPort)];
}

QList<int> GraphModel::upstreamOf(int id) const
{
    std::set<int> seen;
    std::vector<int> stack { id };
    while (!stack.empty()) {
        const Node *n = findNode(stack.back());
        stack.pop_back();
        if (!n)
            continue;
        for (const auto &c : n->inputs)
            if (c && seen.insert(c->fromNode).second)
                stack.push_back(c->fromNode);
    }
    seen.erase(id);
    return QList<int>(seen.begin(), seen.end());
}

QList<int> GraphModel::downstreamOf(int id) const
{
    std::set<int> seen;
    std::vector<int> stack { id };
    while (!stack.empty()) {
        const Node *n = findNode(stack.back());
        stack.pop_back();
        if (!n)
            continue;
        for (const Connection &c : n->outgoing)
            if (seen.insert(c.toNode).second)
                stack.push_back(c.toNode);
    }
    seen.erase(id);
    return QList<int>(seen.begin(), seen.end());
}

QList<int> GraphModel::topologicalOrder(const QList<int> &subset) const
{
    std::set<int> members;
    if (subset.isEmpty()) {
        for (const auto &[id, node] : m_nodes)
            members.insert(id);
    } else {
        for (int id : subset)
            if (hasNode(id))
                members.insert(id);
    }
    // Kahn's algorithm over the induced subgraph, smallest ready id first.
    std::map<int, int> pending;
    for (int id : members) {
        int count = 0;
        for (const auto &c : m_nodes.at(id).inputs)
            if (c && members.count(c->fromNode))
                ++count;
        pending[id] = count;
    }
    std::priority_queue<int, std::vector<int>, std::greater<>> ready;
    for (const auto &[id, count] : pending)
        if (count == 0)
            ready.push(id);
    QList<int> order;
    while (!ready.empty()) {
        const int id = ready.top();
        ready.pop();
        order.push_back(id);
        for (const Connection &c : m_nodes.at(id).outgoing) {
            auto it = pending.find(c.toNode);
            if (it != pending.end() && --it->second == 0)
                ready.push(c.toNode);
        }
    }
    return order;
}

int GraphModel::nextFreeId() const
{
    if (m_nextId <= kMaxNodeId && !hasNode(m_nextId))
        return m_nextId;
    for (int id = 1; id <= kMaxNodeId; ++id)
        if (!hasNode(id))
            return id;
    return 0;
}

void GraphModel::setBaseDirectory(const QString &directory)
{
    if (directory == m_baseDirectory)
        return;
    m_baseDirectory = directory;
    Q_EMIT baseDirectoryChanged(m_baseDirectory);
    Q_EMIT changed();
}

} // namespace sextant::engine
