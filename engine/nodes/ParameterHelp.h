#pragma once

#include <QString>

namespace sextant::engine {

// Help texts for the learning nodes' common parameters, written once and filled in by
// BuiltinNodes::registerAll where a node type's parameter has none of its own.
class ParameterHelp {
public:
    // Help for parameter `name` of node type `typeId` ("cluster.kmeans", "k"), or empty.
    static QString text(const QString &typeId, const QString &name);
};

} // namespace sextant::engine
