#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "nodes/TreeViewData.h"

#include <atomic>

namespace sextant::engine {

class Dataset;
class TrainedModel;

// "view.tree": one tree of a decision tree, random forest or gradient-boosting model drawn
// node by node (plots/TreeViewPlot): each split's condition, the rows reaching it and their classes
// (or the mean), down to `max_depth`.
//   inputs  model (Model: a tree learner's), data (Table, optional: rows counted down the
//           tree, e.g. the training table; without it the nodes show the model's values)
//   params  tree (index in the ensemble, 0-based; a boosted multi-class model grows one tree
//           per class and iteration, tree = iteration * classes + class), max_depth (deeper
//           nodes are folded into a marker with their count)
//   result  TreeViewData (`sextant run` writes it as JSON)
class TreeViewNode {
public:
    static QString typeId() { return QStringLiteral("view.tree"); }
    static NodeType type();
    static void compute(NodeContext &ctx);

    // The tree `tree` of `model` down to `maxDepth`, with the rows of `data` (may be null)
    // counted. Throws NodeError for a model without trees (naming its learner), a tree
    // index out of range (naming the count), or a table the model cannot encode. Returns
    // an incomplete result when `cancel` is set.
    static TreeViewData build(const TrainedModel &model, int tree, int maxDepth,
        const Dataset *data, const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
