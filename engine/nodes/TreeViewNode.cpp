#include "nodes/TreeViewNode.h"

#include "data/Dataset.h"
#include "graph/NodeError.h"
#include "ml/DecisionTree.h"
#include "ml/GradientBoosting.h"
#include "ml/RandomForest.h"
#include "ml/TrainedModel.h"
#include "nodes/Learner.h"
#include "nodes/LearnerRegistry.h"

#include <algorithm>
#include <cmath>

namespace sextant::engine {

namespace {

// What matrix column c of the feature encoder is: its feature and, for a one-hot column,
// its category (empty for a numeric column).
struct EncodedColumn {
    QString feature;
    QString category;
    bool oneHot = false;
};

std::vector<EncodedColumn> encodedColumns(const FeatureEncoder &encoder)
{
    std::vector<EncodedColumn> out;
    for (const FeatureEncoder::Feature &f : encoder.features()) {
        if (!f.categorical) {
            out.push_back({ f.name, {}, false });
            continue;
        }
        for (const QString &c : f.categories)
            out.push_back({ f.name, c, true });
    }
    return out;
}

QString number(double v)
{
    // Thresholds are midpoints of data values: 5 significant digits read as the data do
    // ("2.45", "0.8", "1234.5") without the binary noise of the double.
    return QString::number(v, 'g', std::abs(v) >= 1e5 ? 8 : 5);
}

// The condition of the left branch (x <= threshold).
QString splitText(const EncodedColumn &c, double threshold)
{
    if (c.oneHot && threshold >= 0 && threshold < 1)
        return QStringLiteral("%1 \u2260 %2").arg(c.feature, c.category);
    if (c.oneHot && threshold < 0)
        return QStringLiteral("never (%1 = %2 \u2264 %3)")
            .arg(c.feature, c.category, number(threshold));
    return QStringLiteral("%1 <= %2").arg(c.feature, number(threshold));
}

// The categories listed in a categorical split's text: the first few, then a count.
QString categoryList(const QStringList &names)
{
    constexpr qsizetype kShown = 6;
    if (names.size() <= kShown)
        return QStringLiteral("{%1}").arg(names.join(QStringLiteral(", ")));
    return QStringLiteral("{%1, \u2026 +%2}")
        .arg(names.mid(0, kShown - 1).join(QStringLiteral(", ")))
        .arg(names.size() - (kShown - 1));
}

QString learnerName(const Estimator &e)
{
    const Learner *l = LearnerRegistry::of(e);
    return l ? l->displayName : QString::fromStdString(e.kind());
}

struct Builder {
    const DecisionTreeModel &tree;
    const std::vector<EncodedColumn> &columns;
    const QStringList &featureNames;
    int maxDepth;
    int classes;
    const std::vector<std::int64_t> *samples; // per model node, or null
    const std::vector<double> *counts; // per model node x classes, or null
    TreeViewData &out;

    int add(int m, int parent, int depth)
    {
        TreeViewData::Node n;
        n.modelNode = m;
        n.parent = parent;
        n.depth = depth;
        n.leaf = tree.isLeaf(m);
        n.value.assign(tree.values(m), tree.values(m) + tree.valueDim());
        if (!n.leaf && tree.categoryWidth(m) > 0) {
            const int first = tree.feature(m), w = tree.categoryWidth(m);
            n.featureIndex = first;
            n.categorical = true;
            const auto f = static_cast<std::size_t>(first);
            n.feature = f < columns.size() ? columns[f].feature : QStringLiteral("x%1").arg(first);
            QStringList right;
            for (int c = 0; c <= w; ++c) {
                const std::size_t col = f + static_cast<std::size_t>(c);
                const QString name = c == w ? QStringLiteral("(missing)")
                    : col < columns.size()  ? columns[col].category
                                            : QString::number(c);
                (tree.categoryGoesLeft(m, c) ? n.leftCategories : right) << name;
            }
            n.split = n.leftCategories.size() <= right.size()
                ? QStringLiteral("%1 \u2208 %2").arg(n.feature, categoryList(n.leftCategories))
                : QStringLiteral("%1 \u2209 %2").arg(n.feature, categoryList(right));
        } else if (!n.leaf) {
            n.featureIndex = tree.feature(m);
            n.threshold = tree.threshold(m);
            const auto f = static_cast<std::size_t>(n.featureIndex);
            n.feature = f < columns.size() ? featureNames.value(n.featureIndex)
                                           : QStringLiteral("x%1").arg(n.featureIndex);
            n.split = f < columns.size()
                ? splitText(columns[f], n.threshold)
                : QStringLiteral("%1 <= %2").arg(n.feature, number(n.threshold));
        }
        if (samples)
            n.samples = (*samples)[static_cast<std::size_t>(m)];
        if (counts)
            n.classCounts.assign(counts->begin() + static_cast<std::ptrdiff_t>(m) * classes,
                counts->begin() + static_cast<std::ptrdiff_t>(m + 1) * classes);
        if (out.values == TreeViewData::Values::Distribution) {
            n.majority = static_cast<int>(
                std::max_element(n.value.begin(), n.value.end()) - n.value.begin());
        } else {
            n.mean = n.value.empty() ? 0.0 : n.value[0];
            if (out.classification && n.samples > 0)
                n.majority
                    = static_cast<int>(std::max_element(n.classCounts.begin(), n.classCounts.end())
                        - n.classCounts.begin());
        }
        const int index = static_cast<int>(out.nodes.size());
        out.nodes.push_back(std::move(n));
        if (out.nodes.back().leaf)
            return index;
        if (depth >= maxDepth) {
            TreeViewData::Node &folded = out.nodes.back();
            folded.folded = true;
            std::vector<int> stack { tree.left(m), tree.right(m) };
            while (!stack.empty()) {
                const int k = stack.back();
                stack.pop_back();
                ++folded.hiddenNodes;
                if (tree.isLeaf(k)) {
                    ++folded.hiddenLeaves;
                } else {
                    stack.push_back(tree.left(k));
                    stack.push_back(tree.right(k));
                }
            }
            return index;
        }
        const int left = add(tree.left(m), index, depth + 1);
        const int right = add(tree.right(m), index, depth + 1);
        out.nodes[static_cast<std::size_t>(index)].left = left;
        out.nodes[static_cast<std::size_t>(index)].right = right;
        return index;
    }
};

} // namespace

NodeType TreeViewNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Tree Viewer");
    t.description = QStringLiteral(
        "One tree of a decision tree, random forest or gradient-boosting model, drawn node by "
        "node: each split, the rows reaching it and their classes (or the mean). Connect the "
        "training table to count its rows down the tree.");
    t.inputs = {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"),
            QStringLiteral("A decision tree, random forest or gradient-boosting model."), false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
            QStringLiteral("Rows counted down the tree (e.g. the training table); without it "
                           "the nodes show the model's class fractions or means."),
            true },
    };
    t.parameters = {
        ParameterSpec::integer(QStringLiteral("tree"), QStringLiteral("Tree"), 0, 0, 1000000,
            QStringLiteral("Which tree of an ensemble is drawn (0 = the first). A boosted "
                           "model with more than two classes grows one tree per class and "
                           "iteration: tree = iteration \u00d7 classes + class.")),
        ParameterSpec::integer(QStringLiteral("max_depth"), QStringLiteral("Max depth"), 5, 0, 50,
            QStringLiteral("Deepest level drawn (the root is depth 0); the splits below are "
                           "folded into a \u2026 marker with the number of nodes they hold.")),
    };
    t.setCompute(&TreeViewNode::compute);
    return t;
}

TreeViewData TreeViewNode::build(const TrainedModel &model, int tree, int maxDepth,
    const Dataset *data, const std::atomic<bool> *cancel)
{
    if (!model.estimator)
        throw NodeError(QStringLiteral("the model has no estimator"));
    const Estimator &e = *model.estimator;
    TreeViewData out;
    out.model = model.displayName;
    out.learner = learnerName(e);
    out.target = model.target.name();
    out.classification = e.task() == EstimatorTask::Classification;
    out.classNames = out.classification ? model.target.classNames() : QStringList();
    out.maxDepth = maxDepth;

    const std::vector<DecisionTreeModel> *trees = nullptr;
    const DecisionTreeModel *single = nullptr;
    if (const auto *dt = dynamic_cast<const DecisionTree *>(&e)) {
        single = &dt->tree();
        out.values
            = out.classification ? TreeViewData::Values::Distribution : TreeViewData::Values::Mean;
    } else if (const auto *rf = dynamic_cast<const RandomForest *>(&e)) {
        trees = &rf->trees();
        out.values
            = out.classification ? TreeViewData::Values::Distribution : TreeViewData::Values::Mean;
    } else if (const auto *gb = dynamic_cast<const GradientBoosting *>(&e)) {
        trees = &gb->trees();
        out.values = TreeViewData::Values::Score;
        if (out.classification) {
            const int k = gb->treesPerIteration();
            out.scoreClass = k > 1 ? out.classNames.value(tree % k) : out.classNames.value(1);
        }
    } else {
        throw NodeError(QStringLiteral("%1 models have no trees to draw: connect a decision "
                                       "tree, random forest or gradient-boosting model")
                            .arg(out.learner));
    }
    if (!e.isFitted())
        throw NodeError(QStringLiteral("the %1 model is not fitted").arg(out.learner));
    out.treeCount = single ? 1 : static_cast<int>(trees->size());
    if (tree < 0 || tree >= out.treeCount)
        throw NodeError(out.treeCount == 1
                ? QStringLiteral("Tree: %1 is out of range: the %2 model has 1 tree (tree 0)")
                      .arg(tree)
                      .arg(out.learner)
                : QStringLiteral("Tree: %1 is out of range: the %2 model has %3 trees (0 to %4)")
                      .arg(tree)
                      .arg(out.learner)
                      .arg(out.treeCount)
                      .arg(out.treeCount - 1));
    out.tree = tree;
    const DecisionTreeModel &t = single ? *single : (*trees)[static_cast<std::size_t>(tree)];
    out.modelNodes = t.nodeCount();
    out.modelLeaves = t.leafCount();
    out.modelDepth = t.depth();

    // Rows of `data` routed down the tree: per model node the rows and their classes.
    const int classes = static_cast<int>(out.classNames.size());
    std::vector<std::int64_t> samples;
    std::vector<double> counts;
    if (data) {
        Eigen::MatrixXd X;
        Eigen::VectorXd truth;
        try {
            const Dataset pre = model.preprocess(*data);
            X = model.features.encode(pre, cancel, e.handlesMissing());
            if (out.classification && model.target.hasTarget(pre))
                truth = model.target.encode(pre);
        } catch (const FitError &error) {
            throw NodeError(QString::fromStdString(error.what()));
        }
        if (cancel && cancel->load())
            return out;
        if (X.cols() != e.featureCount())
            throw NodeError(QStringLiteral("the data encode to %1 features, the model expects %2")
                                .arg(X.cols())
                                .arg(e.featureCount()));
        out.dataName = data->name().isEmpty() ? QStringLiteral("data") : data->name();
        out.dataRows = X.rows();
        samples.assign(static_cast<std::size_t>(t.nodeCount()), 0);
        if (out.classification)
            counts.assign(static_cast<std::size_t>(t.nodeCount()) * classes, 0.0);
        const Eigen::Index stride = X.outerStride();
        for (Eigen::Index r = 0; r < X.rows(); ++r) {
            if ((r & 4095) == 0 && cancel && cancel->load())
                return out;
            const double *row = X.data() + r;
            const double y = truth.size() > 0 ? truth[r] : std::nan("");
            const bool known = std::isfinite(y) && y >= 0 && y < classes;
            int node = 0;
            while (true) {
                ++samples[static_cast<std::size_t>(node)];
                if (out.classification && known)
                    counts[static_cast<std::size_t>(node) * classes + static_cast<std::size_t>(y)]
                        += 1;
                if (t.isLeaf(node))
                    break;
                node = t.child(node, row, stride);
            }
        }
    }

    const std::vector<EncodedColumn> columns = encodedColumns(model.features);
    const QStringList names = model.features.outputNames();
    Builder b { t, columns, names, std::max(0, maxDepth), classes, data ? &samples : nullptr,
        data && out.classification ? &counts : nullptr, out };
    b.add(0, -1, 0);
    return out;
}

void TreeViewNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset *data = ctx.input(1) ? &ctx.inputAs<Dataset>(1) : nullptr;
    TreeViewData out = build(*model, static_cast<int>(ctx.intParameter(QStringLiteral("tree"))),
        static_cast<int>(ctx.intParameter(QStringLiteral("max_depth"))), data, ctx.cancelFlag());
    if (ctx.cancelled())
        return;
    ctx.progress(1.0);
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
