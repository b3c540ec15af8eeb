#include "graph/NodeRegistry.h"

#include <QMutexLocker>
#include <algorithm>

namespace sextant::engine {

Status NodeRegistry::add(NodeType type)
{
    Status check = type.checkDescriptor();
    if (!check)
        return check;
    QMutexLocker lock(&m_mutex);
    if (m_types.count(type.id))
        return Status::failure(QStringLiteral("node type %1 is already registered").arg(type.id));
    const QString id = type.id;
    m_types.emplace(id, std::make_unique<const NodeType>(std::move(type)));
    return Status::success();
}

const NodeType *NodeRegistry::find(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_types.find(id);
    return it == m_types.end() ? nullptr : it->second.get();
}

QList<const NodeType *> NodeRegistry::types() const
{
    QList<const NodeType *> out;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &[id, type] : m_types)
            out.push_back(type.get());
    }
    std::sort(out.begin(), out.end(), [](const NodeType *a, const NodeType *b) {
        if (a->category != b->category)
            return a->category < b->category;
        if (a->displayName != b->displayName)
            return a->displayName < b->displayName;
        return a->id < b->id;
    });
    return out;
}

QStringList NodeRegistry::ids() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    for (const auto &[id, type] : m_types)
        out.push_back(id);
    return out;
}

QStringList NodeRegistry::categories() const
{
    QStringList out;
    for (const NodeType *t : types())
        if (!out.contains(t->category))
            out.push_back(t->category);
    std::sort(out.begin(), out.end());
    return out;
}

int NodeRegistry::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_types.size());
}

} // namespace sextant::engine
