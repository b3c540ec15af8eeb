// The Tree Viewer's data (TreeViewNode::build and the view.tree node): a decision tree on
// iris counted down its nodes, the depth limit, a forest's trees, refusals; the root's partition
// and the leaf count against scikit-learn's DecisionTreeClassifier (unpruned, as tst_trees
// establishes our unpruned trees equal theirs).
#include "ReferenceSkip.h"
#include "SklearnReference.h"
#include "TrainingFixtures.h"
#include "graph/NodeContext.h"
#include "graph/NodeError.h"
#include "ml/DecisionTree.h"
#include "ml/RandomForest.h"
#include "nodes/TreeViewData.h"
#include "nodes/TreeViewNode.h"

#include <QFile>
#include <QTest>
#include <cmath>
#include <numeric>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

Dataset iris()
{
    return sextant::testing::loadTable(
        sextant::testing::exampleDataset("iris.csv"), QStringLiteral("species"));
}

std::shared_ptr<TrainedModel> fit(const char *learner, const Dataset &data, QVariantMap params)
{
    const NodeType *type = BuiltinNodes::registry().find(QString::fromLatin1(learner));
    const Learner *spec = LearnerRegistry::byNodeId(QString::fromLatin1(learner));
    if (!type || !spec)
        qFatal("no learner %s", learner);
    QVariantMap p = type->defaultParameters();
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        p[it.key()] = it.value();
    return LearnerNode::fit(*spec, p, data, nullptr, FitContext {});
}

QString errorOf(const TrainedModel &model, int tree, int depth = 5)
{
    try {
        TreeViewNode::build(model, tree, depth, nullptr);
    } catch (const NodeError &e) {
        return e.message();
    }
    return {};
}

// Every drawn node: its children's rows add up to its own, a leaf's class counts to its
// rows; drawn plus folded-away nodes are the model's.
void checkConsistent(const TreeViewData &d)
{
    int hidden = 0;
    for (const TreeViewData::Node &n : d.nodes) {
        hidden += n.hiddenNodes;
        QVERIFY(n.depth <= d.maxDepth);
        if (n.left >= 0) {
            const auto &l = d.nodes[static_cast<std::size_t>(n.left)];
            const auto &r = d.nodes[static_cast<std::size_t>(n.right)];
            QCOMPARE(l.samples + r.samples, n.samples);
            QCOMPARE(l.depth, n.depth + 1);
            for (std::size_t k = 0; k < n.classCounts.size(); ++k)
                QCOMPARE(l.classCounts[k] + r.classCounts[k], n.classCounts[k]);
        }
        if (!n.classCounts.empty())
            QCOMPARE(std::accumulate(n.classCounts.begin(), n.classCounts.end(), 0.0),
                double(n.samples));
        QCOMPARE(n.folded, !n.leaf && n.left < 0);
    }
    QCOMPARE(static_cast<int>(d.nodes.size()) + hidden, d.modelNodes);
}

} // namespace

class TestTreeView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decisionTreeOnIris()
    {
        const Dataset data = iris();
        const auto model = fit("model.decision_tree", data, {});
        QVERIFY(model);
        const auto &dt = dynamic_cast<const DecisionTree &>(*model->estimator);
        const DecisionTreeModel &tree = dt.tree();
        const TreeViewData d = TreeViewNode::build(*model, 0, 50, &data);
        QCOMPARE(d.learner, QStringLiteral("Decision Tree"));
        QCOMPARE(d.treeCount, 1);
        QCOMPARE(d.classNames,
            (QStringList { QStringLiteral("setosa"), QStringLiteral("versicolor"),
                QStringLiteral("virginica") }));
        QVERIFY(d.hasCounts());
        QCOMPARE(d.dataRows, 150);
        QCOMPARE(static_cast<int>(d.nodes.size()), tree.nodeCount()); // nothing folded
        QCOMPARE(d.drawnLeafCount(), tree.leafCount());
        const TreeViewData::Node &root = d.nodes[0];
        QCOMPARE(root.samples, 150);
        QCOMPARE(root.classCounts, (std::vector<double> { 50, 50, 50 }));
        QVERIFY(!root.leaf);
        QCOMPARE(root.featureIndex, tree.feature(0));
        QCOMPARE(root.threshold, tree.threshold(0));
        QCOMPARE(root.feature, model->features.outputNames().value(tree.feature(0)));
        QCOMPARE(root.split,
            root.feature + QStringLiteral(" <= ") + QString::number(tree.threshold(0), 'g', 5));
        checkConsistent(d);
        // Leaves predict their majority class, the box colour.
        for (const TreeViewData::Node &n : d.nodes)
            if (n.leaf) {
                const auto top = std::max_element(n.classCounts.begin(), n.classCounts.end());
                QCOMPARE(n.classCounts[static_cast<std::size_t>(n.majority)], *top);
            }

        // Without the data: the model's class fractions, no counts.
        const TreeViewData bare = TreeViewNode::build(*model, 0, 50, nullptr);
        QVERIFY(!bare.hasCounts());
        QCOMPARE(bare.nodes[0].samples, -1);
        QVERIFY(bare.nodes[0].classCounts.empty());
        QCOMPARE(bare.nodes[0].value.size(), std::size_t(3));
        QVERIFY(std::abs(bare.nodes[0].value[0] - 1.0 / 3) < 1e-12);
    }

    void depthLimitFolds()
    {
        const Dataset data = iris();
        const auto model = fit("model.decision_tree", data, { { "ccp_alpha", "0" } });
        const TreeViewData full = TreeViewNode::build(*model, 0, 50, &data);
        QVERIFY(full.modelDepth > 2);
        const TreeViewData d = TreeViewNode::build(*model, 0, 1, &data);
        QCOMPARE(d.maxDepth, 1);
        int folded = 0;
        for (const TreeViewData::Node &n : d.nodes) {
            QVERIFY(n.depth <= 1);
            if (n.folded) {
                ++folded;
                QVERIFY(n.hiddenNodes >= 2);
                QVERIFY(n.hiddenLeaves >= 2);
                QCOMPARE(n.depth, 1);
            }
        }
        QVERIFY(folded >= 1);
        QVERIFY(d.nodes.size() <= 3);
        checkConsistent(d);
        // Depth 0: the root alone, folded.
        const TreeViewData root = TreeViewNode::build(*model, 0, 0, &data);
        QCOMPARE(root.nodes.size(), std::size_t(1));
        QVERIFY(root.nodes[0].folded);
        QCOMPARE(root.nodes[0].hiddenNodes + 1, full.modelNodes);
        QCOMPARE(root.nodes[0].hiddenLeaves, full.modelLeaves);
    }

    void forestTreeByIndex()
    {
        const Dataset data = iris();
        const auto model = fit("model.random_forest", data, { { "trees", 10 } });
        const auto &rf = dynamic_cast<const RandomForest &>(*model->estimator);
        const TreeViewData d = TreeViewNode::build(*model, 3, 5, &data);
        QCOMPARE(d.tree, 3);
        QCOMPARE(d.treeCount, 10);
        QCOMPARE(d.modelNodes, rf.trees()[3].nodeCount());
        QCOMPARE(d.nodes[0].featureIndex, rf.trees()[3].feature(0));
        QCOMPARE(d.nodes[0].threshold, rf.trees()[3].threshold(0));
        QCOMPARE(d.nodes[0].samples, 150); // every row of the table, not the bootstrap
        checkConsistent(d);
        const QString error = errorOf(*model, 10);
        QVERIFY2(
            error.contains(QStringLiteral("10 trees")) && error.contains(QStringLiteral("0 to 9")),
            qPrintable(error));
        QVERIFY(errorOf(*model, -1).contains(QStringLiteral("out of range")));
        QVERIFY2(errorOf(*model, 9).isEmpty(), qPrintable(errorOf(*model, 9)));
    }

    void boostingAndRegression()
    {
        const Dataset data = iris();
        const auto gb = fit("model.gradient_boosting", data, { { "max_iter", 5 } });
        const TreeViewData d = TreeViewNode::build(*gb, 4, 3, &data);
        QVERIFY(d.values == TreeViewData::Values::Score);
        QCOMPARE(d.treeCount, 15); // three classes: one tree per class and iteration
        QCOMPARE(d.scoreClass, QStringLiteral("versicolor")); // tree 4 = iteration 1, class 1
        checkConsistent(d);

        Dataset reg = sextant::testing::loadTable(
            sextant::testing::exampleDataset("iris.csv"), QStringLiteral("petal_width_cm"));
        // Categorical columns as one-hot indicators (the subsets of the default: below).
        const auto rt = fit(
            "model.decision_tree", reg, { { "task", "regression" }, { "categorical", "one_hot" } });
        QVERIFY(rt);
        const TreeViewData r = TreeViewNode::build(*rt, 0, 4, &reg);
        QVERIFY(!r.classification);
        QVERIFY(r.values == TreeViewData::Values::Mean);
        QVERIFY(r.nodes[0].classCounts.empty());
        QCOMPARE(r.nodes[0].samples, 150);
        // The root's mean is the mean target.
        const Column &y = reg.column(reg.indexOf(QStringLiteral("petal_width_cm")));
        const double mean = std::accumulate(y.values().begin(), y.values().end(), 0.0) / 150;
        QVERIFY(std::abs(r.nodes[0].mean - mean) < 1e-9);
        // A categorical split (one-hot column) reads as the category it tests.
        bool oneHot = false;
        for (const TreeViewData::Node &n : r.nodes)
            if (n.feature.startsWith(QStringLiteral("species="))) {
                oneHot = true;
                QVERIFY2(
                    n.split.startsWith(QStringLiteral("species \u2260 ")), qPrintable(n.split));
            }
        QVERIFY2(oneHot, "the regression tree has no split on species");
        checkConsistent(r);

        // The default splits species into two groups of its categories in one node, which
        // reads as the group going left (or the right one when that is shorter); the rows
        // counted down the tree follow the model's categorical splits.
        const auto st = fit("model.decision_tree", reg, { { "task", "regression" } });
        const TreeViewData sd = TreeViewNode::build(*st, 0, 50, &reg);
        checkConsistent(sd);
        const auto &model = dynamic_cast<const DecisionTree &>(*st->estimator).tree();
        bool subset = false;
        for (const TreeViewData::Node &n : sd.nodes) {
            if (!n.categorical)
                continue;
            subset = true;
            QCOMPARE(n.feature, QStringLiteral("species"));
            QCOMPARE(model.categoryWidth(n.modelNode), 3);
            QCOMPARE(n.featureIndex, model.feature(n.modelNode));
            QStringList left;
            const QStringList names { QStringLiteral("setosa"), QStringLiteral("versicolor"),
                QStringLiteral("virginica"), QStringLiteral("(missing)") };
            for (int c = 0; c <= 3; ++c)
                if (model.categoryGoesLeft(n.modelNode, c))
                    left << names[c];
            QCOMPARE(n.leftCategories, left);
            QStringList right;
            for (const QString &c : names)
                if (!left.contains(c))
                    right << c;
            const QString expected = left.size() <= right.size()
                ? QStringLiteral("species \u2208 {%1}").arg(left.join(QStringLiteral(", ")))
                : QStringLiteral("species \u2209 {%1}").arg(right.join(QStringLiteral(", ")));
            QCOMPARE(n.split, expected);
        }
        QVERIFY2(subset, "the regression tree has no categorical split on species");
    }

    void refusedModels()
    {
        const Dataset data = iris();
        const auto lr = fit("model.logistic_regression", data, {});
        QVERIFY(lr);
        const QString error = errorOf(*lr, 0);
        QVERIFY2(error.contains(QStringLiteral("Logistic Regression"))
                && error.contains(QStringLiteral("no trees")),
            qPrintable(error));
        const auto dt = fit("model.decision_tree", data, {});
        QVERIFY(errorOf(*dt, 1).contains(QStringLiteral("1 tree")));
    }

    void nodeRunsFromTheRegistry()
    {
        const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("view.tree"));
        QVERIFY(type);
        QCOMPARE(type->category, QStringLiteral("View"));
        QVERIFY(type->isSink());
        QCOMPARE(type->defaultParameters().value(QStringLiteral("tree")).toInt(), 0);
        QCOMPARE(type->defaultParameters().value(QStringLiteral("max_depth")).toInt(), 5);
        const Dataset data = iris();
        const TrainedModelPtr model = fit("model.decision_tree", data, { { "ccp_alpha", "0" } });
        auto params = type->completeParameters({});
        QVERIFY(params);
        NodeContext ctx(1, *type, params.value(), { makeValue(model), makeValue(data) });
        type->createCompute()(ctx);
        QVERIFY(ctx.result());
        const auto *d = ctx.result()->as<TreeViewData>();
        QVERIFY(d);
        QCOMPARE(d->nodes[0].samples, 150);
        QCOMPARE(d->maxDepth, 5);
        // The data input is optional.
        NodeContext bare(2, *type, params.value(), { makeValue(model), nullptr });
        type->createCompute()(bare);
        QVERIFY(bare.result() && !bare.result()->as<TreeViewData>()->hasCounts());
    }

    void rootSplitAndLeavesAsScikitLearn()
    {
        const Dataset data = iris();
        const auto model = fit("model.decision_tree", data, { { "ccp_alpha", "0" } });
        const TreeViewData d = TreeViewNode::build(*model, 0, 50, &data);
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        const Eigen::MatrixXd X = model->encode(data);
        const Eigen::VectorXd y = model->target.encode(data);
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = X;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), rm.rows(), rm.cols()));
        QVERIFY(ref.writeMatrix(QStringLiteral("y.csv"), y.data(), y.size(), 1));
        QString error;
        const QJsonObject r = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.tree import DecisionTreeClassifier
X = np.loadtxt("X.csv", delimiter=",", ndmin=2)
y = np.loadtxt("y.csv", delimiter=",")
t = DecisionTreeClassifier(random_state=0).fit(X, y).tree_
print(json.dumps({"feature": int(t.feature[0]), "threshold": float(t.threshold[0]),
                  "leaves": int(t.n_leaves), "nodes": int(t.node_count),
                  "samples": int(t.n_node_samples[0])}))
)PY"),
            &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));
        QCOMPARE(d.nodes[0].samples, r.value(QStringLiteral("samples")).toInteger());
        // The root split divides the rows as scikit-learn's does. On iris two splits tie
        // (petal length <= 2.45 and petal width <= 0.8 both isolate setosa): ours takes the
        // first feature, scikit-learn the first in its seeded feature order, so the feature
        // may differ while the partition (and so the rest of the tree) is the same. Its
        // threshold is a midpoint of float32 values: compared through the partition too.
        const int theirFeature = r.value(QStringLiteral("feature")).toInt();
        const double theirThreshold = r.value(QStringLiteral("threshold")).toDouble();
        const auto &root = d.nodes[0];
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            QCOMPARE(
                X(i, root.featureIndex) <= root.threshold, X(i, theirFeature) <= theirThreshold);
        QCOMPARE(d.nodes[static_cast<std::size_t>(root.left)].samples,
            (X.col(theirFeature).array() <= theirThreshold).count());
        QCOMPARE(d.modelLeaves, r.value(QStringLiteral("leaves")).toInt());
        QCOMPARE(d.drawnLeafCount(), r.value(QStringLiteral("leaves")).toInt());
    }
};

QTEST_MAIN(TestTreeView)
#include "tst_treeview.moc"
