#pragma once

#include "graph/NodeType.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>

namespace sextant::engine {

// The node types a graph may use, by id. The GUI palette lists them; GraphModel and
// WorkflowFile look types up here; the executor runs them through their descriptors
// only, so adding a node type never touches the executor.
//
// The built-in types live in the registry returned by BuiltinNodes::registry()
// (engine/nodes); tests make their own registries with test-only types.
//
// Types are never removed, so the `const NodeType *` handed out stay valid as long as the
// registry lives. Registration and look-up are thread-safe.
class NodeRegistry {
public:
    NodeRegistry() = default;
    NodeRegistry(const NodeRegistry &) = delete;
    NodeRegistry &operator=(const NodeRegistry &) = delete;

    // Adds a type. Refused when its descriptor is unsound (NodeType::checkDescriptor) or
    // its id is taken.
    Status add(NodeType type);

    // Makes `formerId` (an id older workflows use) find the registered type `id`. Refused
    // when `id` is unknown or `formerId` is taken. ids() and types() do not list it.
    Status addAlias(const QString &formerId, const QString &id);

    // nullptr when unknown. A former id (addAlias) finds the type it was renamed to.
    const NodeType *find(const QString &id) const;
    bool contains(const QString &id) const { return find(id) != nullptr; }
    // Every type, sorted by category then display name.
    QList<const NodeType *> types() const;
    QStringList ids() const;
    // Categories in use, sorted.
    QStringList categories() const;
    int size() const;

private:
    mutable QMutex m_mutex;
    // Guarded by m_mutex. The pointees are immutable and never freed before the registry.
    std::map<QString, std::unique_ptr<const NodeType>> m_types;
    // Guarded by m_mutex. Former id -> the type registered under its new id.
    std::map<QString, const NodeType *> m_aliases;
};

} // namespace sextant::engine
