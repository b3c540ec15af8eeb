#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.split": a random train/test split.
//   input   data (Table)
//   params  test_ratio (0.01..0.99, default 0.25), stratify (by the target column, when
//           there is one), seed
//   outputs train (Table), test (Table) — both keep the input's preprocessing lineage
class SplitNode {
public:
    static QString typeId() { return QStringLiteral("data.split"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
