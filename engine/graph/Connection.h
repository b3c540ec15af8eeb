#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>
#include <compare>

namespace sextant::engine {

// A connection from output port `fromPort` of node `fromNode` to input port `toPort` of
// node `toNode`. Ports are indices into the node type's outputs/inputs. A connection is
// identified by its four numbers (as QtNodes v3's ConnectionId): since an input takes at
// most one connection, (toNode, toPort) alone is unique in a graph.
struct Connection {
    int fromNode = 0;
    int fromPort = 0;
    int toNode = 0;
    int toPort = 0;

    friend bool operator==(const Connection &, const Connection &) = default;
    friend auto operator<=>(const Connection &, const Connection &) = default;

    // "3:0 -> 5:1", for messages and logs.
    QString toString() const
    {
        return QStringLiteral("%1:%2 -> %3:%4").arg(fromNode).arg(fromPort).arg(toNode).arg(toPort);
    }
};

inline size_t qHash(const Connection &c, size_t seed = 0) noexcept
{
    return qHashMulti(seed, c.fromNode, c.fromPort, c.toNode, c.toPort);
}

} // namespace sextant::engine

Q_DECLARE_METATYPE(sextant::engine::Connection)
