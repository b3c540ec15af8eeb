#pragma once

#include "nodes/LearnerNode.h"

#include <QList>

namespace sextant::engine {

// Every model family offered as a node, with its parameter schema and how the values map
// onto the algorithm's options (engine/ml).
class LearnerCatalog {
public:
    static QList<LearnerSpec> all();
};

} // namespace sextant::engine
