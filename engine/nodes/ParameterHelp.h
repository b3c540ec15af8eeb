#pragma once

#include <QString>

namespace sextant::engine {

// Help texts for the preprocessing and tuning nodes' parameters, filled in by
// BuiltinNodes::registerAll where a node type's parameter has none of its own. Learner
// parameters carry theirs in their registration (LearnerRegistry).
class ParameterHelp {
public:
    // Help for parameter `name` of node type `typeId` ("prep.discretize", "bins"), or empty.
    static QString text(const QString &typeId, const QString &name);
};

} // namespace sextant::engine
