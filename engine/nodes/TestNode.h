#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "eval.test": scores a trained model on held-out rows.
//   inputs  model (Model), data (Table with the target column)
//   outputs metrics (Metrics, one row), predictions (Predictions)
class TestNode {
public:
    static QString typeId() { return QStringLiteral("eval.test"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
