#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "model.predict": applies a trained model (with its preprocessing) to a table.
//   inputs  model (Model), data (Table)
//   outputs predictions (Predictions), data (Table: the input with the predicted column
//           and class probabilities appended)
class PredictNode {
public:
    static QString typeId() { return QStringLiteral("model.predict"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
