#include "graph/NodeRegistry.h"

#include "graph/NodeTypeText.h"

#include <QMutexLocker>
#include <algorithm>

namespace sextant::engine {

Status NodeRegistry::add(NodeType type)
{
    Status check = type.checkDescriptor();
    if (!check)
        return check;
    NodeTypeText::translate(type); // people's texts in the installed language
    QMutexLocker lock(&m_mutex);
    if (m_types.count(type.id) || m_aliases.count(type.id))
        return Status::failure(QStringLiteral("node type %1 is already registered").arg(type.id));
    const QString id = type.id;
    m_types.emplace(id, std::make_unique<const NodeType>(std::move(type)));
    return Status::success();
}

Status NodeRegistry::addAlias(const QString &formerId, const QString &id)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_types.find(id);
    if (it == m_types.end())
        return Status::failure(QStringLiteral("node type %1 is not registered").arg(id));
    if (m_types.count(formerId) || m_aliases.count(formerId))
        return Status::failure(QStringLiteral("node type %1 is already registered").arg(formerId));
    m_aliases.emplace(formerId, it->second.get());
    return Status::success();
}

const NodeType *NodeRegistry::find(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_types.find(id); it != m_types.end())
        return it->second.get();
    const auto alias = m_aliases.find(id);
    return alias == m_aliases.end() ? nullptr : alias->second;
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
