#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The result of the Tree Viewer node: one tree of a fitted decision tree, random forest or
// gradient-boosting model (DecisionTreeModel), down to the drawn depth, ready to draw.
//
// Layout: `nodes` in preorder (a node, its left subtree, its right subtree); nodes[0] is the
// root. Only the nodes down to maxDepth are listed: a split node at depth maxDepth is
// `folded` (its children are not listed; `hiddenNodes` counts the nodes below it).
// Classification counts (`classCounts`, one per class of classNames) and `samples` are the
// rows of the node's data input that reach the node (routed down the tree as predict
// does); without a data input they are unknown (samples -1, classCounts empty), and the
// node shows the model's own values.
struct TreeViewData {
    enum class Values {
        Distribution, // classification trees: class fractions of the training rows
        Mean, // regression trees: the mean target of the training rows
        Score, // gradient-boosting trees: the raw score added (learning rate included)
    };

    struct Node {
        int modelNode = 0; // index in the model's DecisionTreeModel
        int parent = -1; // index into nodes, -1 for the root
        int left = -1; // index into nodes, -1 for a leaf or a folded node
        int right = -1;
        int depth = 0; // root 0
        bool leaf = true;
        bool folded = false; // a split at maxDepth whose subtree is not drawn
        int hiddenNodes = 0; // folded: nodes below it
        int hiddenLeaves = 0; // folded: leaves below it
        // Split nodes: the matrix column (FeatureEncoder::outputNames), its threshold on the
        // raw scale (a row goes left when x <= threshold) and the text of the left branch's
        // condition ("petal_length <= 2.45"; one-hot columns "colour = red" / "colour ≠ red").
        // A categorical split (categorical true) tests the one-hot block that starts at
        // featureIndex: `feature` is the table column, threshold 0, leftCategories the
        // categories going left ("(missing)" for a missing or unseen category) and the
        // split "colour ∈ {red, blue}" or, when the right side is shorter, "colour ∉ {green}".
        int featureIndex = -1;
        QString feature;
        double threshold = 0;
        QString split;
        bool categorical = false;
        QStringList leftCategories;
        std::int64_t samples = -1; // rows reaching the node, -1 unknown
        std::vector<double> classCounts; // classification with data: rows per class
        std::vector<double> value; // the model's values (valueDim of the tree)
        int majority = -1; // classification: the class the node predicts (see below), else -1
        double mean = 0; // Mean / Score: value[0]
    };

    QString model; // the model's display name
    QString learner; // "Decision Tree", "Random Forest", "Gradient Boosting"
    QString target; // the target column
    bool classification = true;
    Values values = Values::Distribution;
    QStringList classNames; // classification
    QString scoreClass; // Score trees of a multi-class model: the class the tree scores
    int tree = 0; // index of the tree in the ensemble
    int treeCount = 1;
    int maxDepth = 5; // the node's max_depth parameter
    int modelNodes = 0; // nodes of the whole tree
    int modelLeaves = 0;
    int modelDepth = 0;
    QString dataName; // the data input's name; empty: no data (counts unknown)
    std::int64_t dataRows = 0; // rows routed down the tree
    std::vector<Node> nodes;

    bool hasCounts() const { return !dataName.isEmpty(); }
    int drawnLeafCount() const
    {
        int n = 0;
        for (const Node &node : nodes)
            n += node.left < 0 ? 1 : 0;
        return n;
    }
};

} // namespace sextant::engine
