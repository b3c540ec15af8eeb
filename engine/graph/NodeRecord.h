#pragma once

#include "graph/Connection.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QVariantMap>

namespace sextant::engine {

// One node of a graph as plain data: what copy/paste, undo and workflow files need.
struct NodeRecord {
    int id = 0; // 0 in GraphModel::addNode(NodeRecord) = "pick a free id"
    QString typeId;
    QPointF position;
    QVariantMap parameters; // canonical values of every parameter
    QString label; // the name the person gave the node; empty: the type's name

    friend bool operator==(const NodeRecord &, const NodeRecord &) = default;
};

// What GraphModel::removeNode took out: the node and the connections that went with it,
// so an undo command can put both back with GraphModel::restoreNode.
struct RemovedNode {
    NodeRecord node;
    QList<Connection> connections;
};

} // namespace sextant::engine
