#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.model_file": reads a trained model saved as a .sxmodel file (ModelFile::load).
//   output  model (Model): the fitted pipeline, a TrainedModelPtr
//   params  path (file path; relative to the workflow's folder)
// A malformed file fails the node with ModelFile's message. Its cache key includes the
// file's size and modification time, so a replaced file is read again on the next run.
class ModelFileNode {
public:
    static QString typeId() { return QStringLiteral("data.model_file"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
