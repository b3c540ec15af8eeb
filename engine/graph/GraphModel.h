#pragma once

#include "graph/Connection.h"
#include "graph/NodeRecord.h"
#include "graph/NodeRegistry.h"
#include "graph/Result.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QVariantMap>
#include <map>
#include <optional>
#include <vector>

namespace sextant::engine {

// The pipeline graph: nodes (integer ids, a type from the registry, a position on the
// canvas, parameter values) and typed connections between their ports.
//
// The single source of truth for a workflow. The editor's QGraphicsScene takes the model
// by reference and mirrors it from the signals below; undo commands, the workflow loader
// and the command line's --set all edit it through the same methods, each of which
// checks the edit and returns the reason when it refuses ("would create a cycle"), leaving
// the model unchanged.
//
// Invariants: ids are in [1, kMaxNodeId] and unique; every parameter map is complete and
// canonical (ParameterSpec::validate); every connection joins an existing output to an
// existing input of a compatible port type; an input has at most one connection; the
// graph is acyclic.
//
// Undo support: ids are stable and can be given back (addNode with an explicit id,
// restoreNode), removeNode returns what it removed, setParameter returns the old value.
//
// Not thread-safe: use it from one thread (the GUI thread). The Executor takes a snapshot
// of it when a run starts, so editing during a run is fine.
class GraphModel : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxNodeId = 999'999'999;
    static constexpr int kMaxNodes = 10'000;
    // Positions are canvas coordinates; anything beyond this is a corrupt file.
    static constexpr double kMaxCoordinate = 1e7;
    static constexpr int kMaxLabelLength = 200;

    // `registry` must outlive the model.
    explicit GraphModel(const NodeRegistry &registry, QObject *parent = nullptr);
    ~GraphModel() override;

    const NodeRegistry &registry() const { return *m_registry; }

    // --- nodes
    // Adds a node of type `typeId`. `parameters` may name a subset (others take their
    // defaults). `id` 0 picks a fresh id; otherwise that id is used (undo, file loading)
    // and must be free. Returns the id.
    Result<int> addNode(const QString &typeId, QPointF position = {},
        const QVariantMap &parameters = {}, int id = 0);
    // The same with the record's label (checked as setLabel does).
    Result<int> addNode(const NodeRecord &record);
    // Removes the node and its connections (connectionRemoved signals come first).
    Result<RemovedNode> removeNode(int id);
    // Puts back what removeNode returned: the node with its id, then its connections.
    Status restoreNode(const RemovedNode &removed);
    Status moveNode(int id, QPointF position);
    // Validates and sets one parameter. Returns the previous (canonical) value.
    Result<QVariant> setParameter(int id, const QString &name, const QVariant &value);
    // Names the node (what the canvas, result tabs and messages call it). The label is
    // simplified (whitespace runs, line breaks included, become one space; ends trimmed);
    // empty gives the node its type's name again. Refused beyond kMaxLabelLength
    // characters. Returns the previous label. A label is not a parameter: it never
    // changes what the node computes.
    Result<QString> setLabel(int id, const QString &label);

    // --- connections
    // Whether addConnection would accept `c`, and why not (for port highlighting while a
    // connection is dragged).
    Status canConnect(const Connection &c) const;
    Status addConnection(const Connection &c);
    Status removeConnection(const Connection &c);

    // Removes everything (signals for every connection and node) and the base directory.
    void clear();

    // --- queries
    int nodeCount() const { return static_cast<int>(m_nodes.size()); }
    bool hasNode(int id) const { return m_nodes.count(id) != 0; }
    // Ascending.
    QList<int> nodeIds() const;
    std::optional<NodeRecord> node(int id) const;
    const NodeType *nodeType(int id) const;
    QPointF position(int id) const;
    QVariantMap parameters(int id) const;
    QVariant parameter(int id, const QString &name) const;
    // The node's label (empty when it has none) and its title: the label, or else its
    // type's display name ("Decision Tree"); empty for an unknown id.
    QString label(int id) const;
    QString title(int id) const;

    // Every connection, sorted.
    QList<Connection> connections() const;
    int connectionCount() const;
    // Connections into or out of `id`, sorted.
    QList<Connection> connectionsOf(int id) const;
    std::optional<Connection> connectionInto(int id, int inputPort) const;
    // Nodes `id` depends on / that depend on `id`, transitively, ascending, without `id`.
    QList<int> upstreamOf(int id) const;
    QList<int> downstreamOf(int id) const;
    // `subset` (all nodes when empty) in dependency order: every node after the nodes
    // feeding it; ties broken by ascending id, so the order is deterministic.
    QList<int> topologicalOrder(const QList<int> &subset = {}) const;
    // The id addNode(…, id = 0) would pick.
    int nextFreeId() const;

    // The folder relative file paths in parameters are resolved against: the workflow
    // file's folder (WorkflowFile::load sets it), empty for an unsaved workflow.
    const QString &baseDirectory() const { return m_baseDirectory; }
    void setBaseDirectory(const QString &directory);

Q_SIGNALS:
    void nodeAdded(int id);
    void nodeRemoved(int id);
    void nodeMoved(int id, QPointF position);
    void parameterChanged(int id, const QString &name, const QVariant &value);
    void labelChanged(int id, const QString &label);
    void connectionAdded(const sextant::engine::Connection &connection);
    void connectionRemoved(const sextant::engine::Connection &connection);
    void baseDirectoryChanged(const QString &directory);
    // After every change above (once per method call): for "modified" flags.
    void changed();

private:
    struct Node {
        const NodeType *type = nullptr;
        QPointF position;
        QVariantMap parameters;
        QString label;
        // One slot per input port: the connection into it, if any.
        std::vector<std::optional<Connection>> inputs;
        // Connections out of this node, any port.
        std::vector<Connection> outgoing;
    };

    const Node *findNode(int id) const;
    Result<int> insertNode(const QString &typeId, QPointF position, const QVariantMap &parameters,
        int id, const QString &label);
    static Result<QString> checkedLabel(const QString &label);
    bool reaches(int from, int to) const;
    void dropConnection(const Connection &c);

    const NodeRegistry *m_registry;
    std::map<int, Node> m_nodes;
    int m_nextId = 1;
    QString m_baseDirectory;
};

} // namespace sextant::engine
