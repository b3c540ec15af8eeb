#include "nodes/LearnerRegistry.h"

#include "graph/NodeError.h"
#include "ml/AgglomerativeClustering.h"
#include "ml/Dbscan.h"
#include "ml/DecisionTree.h"
#include "ml/GaussianMixture.h"
#include "ml/GaussianNaiveBayes.h"
#include "ml/GradientBoosting.h"
#include "ml/KMeans.h"
#include "ml/KNearestNeighbors.h"
#include "ml/LinearRegression.h"
#include "ml/LogisticRegression.h"
#include "ml/Mlp.h"
#include "ml/NaiveBayes.h"
#include "ml/RandomForest.h"
#include "ml/Svm.h"

#include <cmath>

namespace sextant::engine {

QString Learner::nodeId() const
{
    return (clustering() ? QStringLiteral("cluster.") : QStringLiteral("model."))
        + QString::fromStdString(kind);
}

std::unique_ptr<Estimator> Learner::createForRestoreOf(const std::string &stateKind) const
{
    if (stateKind == kind)
        return createForRestore();
    for (const FormerKind &former : formerKinds)
        if (former.kind == stateKind)
            return former.createForRestore();
    return nullptr;
}

std::unique_ptr<Estimator> Learner::load(const ModelState &state) const
{
    std::unique_ptr<Estimator> e = createForRestoreOf(state.kind);
    if (!e)
        e = createForRestore(); // restore() names the kind it expected
    e->restore(state);
    return e;
}

namespace {

using P = QVariantMap;

int i(const P &p, const char *name)
{
    return p.value(QString::fromLatin1(name)).toInt();
}
double d(const P &p, const char *name)
{
    return p.value(QString::fromLatin1(name)).toDouble();
}
bool b(const P &p, const char *name)
{
    return p.value(QString::fromLatin1(name)).toBool();
}
QString s(const P &p, const char *name)
{
    return p.value(QString::fromLatin1(name)).toString();
}
EstimatorTask task(const P &p)
{
    return s(p, "task") == QStringLiteral("regression") ? EstimatorTask::Regression
                                                        : EstimatorTask::Classification;
}

// Parameters several families share, with their help.
ParameterSpec neighbours()
{
    ParameterSpec k = ParameterSpec::integer(QStringLiteral("k"), QStringLiteral("Neighbours (k)"),
        0, 0, 100000,
        QStringLiteral("Neighbours consulted for each prediction. auto (0): chosen by "
                       "leave-one-out on the training rows, the k from 1 to 30 that predicts "
                       "them best from their neighbours (the larger on a tie; at most 2,000 "
                       "evenly spaced rows are scored), as Weka's IBk -X does."));
    k.minimumText = QStringLiteral("auto");
    k.valueWhenAbsentFromFile = 5; // workflows from before auto used k = 5
    return k;
}
ParameterSpec seed()
{
    return ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
        QStringLiteral("Random seed: the same seed, data and parameters give the same model."));
}
ParameterSpec depth(qlonglong def)
{
    return ParameterSpec::integer(QStringLiteral("max_depth"), QStringLiteral("Maximum depth"), def,
        0, 1000, QStringLiteral("Deepest level of a tree; 0: unlimited."));
}
ParameterSpec minLeaf(qlonglong def)
{
    return ParameterSpec::integer(QStringLiteral("min_samples_leaf"),
        QStringLiteral("Minimum rows per leaf"), def, 1, 1000000,
        QStringLiteral("Every leaf keeps at least this many rows; larger values make smoother "
                       "models."));
}
// Boosting's leaf size: 20 as scikit-learn's HistGradientBoosting, capped on small tables.
ParameterSpec boostingMinLeaf()
{
    ParameterSpec p = minLeaf(20);
    p.help = QStringLiteral("Every leaf keeps at least this many rows, but never more than a "
                            "quarter of the training rows, so a table of a few dozen rows "
                            "still gets splits; larger values make smoother models.");
    return p;
}
ParameterSpec maxIter(qlonglong def)
{
    return ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Maximum iterations"),
        def, 1, 100000, QStringLiteral("Upper bound on the iterations of the solver."));
}
ParameterSpec fitIntercept()
{
    return ParameterSpec::boolean(QStringLiteral("fit_intercept"), QStringLiteral("Fit intercept"),
        true, QStringLiteral("Fit a constant term (turn off only for data centred already)."));
}
ParameterSpec validationFraction()
{
    return ParameterSpec::real(QStringLiteral("validation_fraction"),
        QStringLiteral("Validation share"), 0.1, 0.01, 0.9,
        QStringLiteral("Share of the training rows held out to decide when to stop (with early "
                       "stopping)."));
}
ParameterSpec classWeight()
{
    return ParameterSpec::enumeration(QStringLiteral("class_weight"),
        QStringLiteral("Class weights"), { QStringLiteral("none"), QStringLiteral("balanced") },
        QStringLiteral("none"),
        QStringLiteral("Classification. balanced: every row of class k counts n / (classes x "
                       "rows of k) in training, as scikit-learn's class_weight=\"balanced\", so "
                       "a rare class weighs as much as a common one; none: every row counts "
                       "1."));
}
ClassWeight classWeightOf(const P &p)
{
    return s(p, "class_weight") == QStringLiteral("balanced") ? ClassWeight::Balanced
                                                              : ClassWeight::None;
}
ParameterSpec count(const char *name, const char *label, qlonglong def, const char *help)
{
    return ParameterSpec::integer(QString::fromLatin1(name), QString::fromLatin1(label), def, 1,
        100000, QString::fromLatin1(help));
}

std::vector<int> layers(const QString &text)
{
    std::vector<int> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 100000)
            throw NodeError(QStringLiteral("hidden layers: '%1' is not a layer size (write e.g. "
                                           "\"64, 32\")")
                                .arg(part.trimmed()));
        out.push_back(n);
    }
    return out;
}

// The registration of estimator class E: its kind and state loader come from the class.
template<class E>
Learner family(const char *displayName, const char *description,
    EstimatorTask task = EstimatorTask::Classification, bool taskChoice = false)
{
    Learner l;
    l.kind = E::kKind;
    l.displayName = QString::fromUtf8(displayName);
    l.description = QString::fromUtf8(description);
    l.task = task;
    l.taskChoice = taskChoice;
    l.createForRestore = [] { return std::unique_ptr<Estimator>(new E()); };
    return l;
}

std::vector<Learner> registerAll()
{
    std::vector<Learner> all;
    {
        Learner l = family<LinearRegression>("Linear Regression",
            "Ordinary least squares, or ridge regression with alpha > 0.",
            EstimatorTask::Regression);
        l.featureImportances = true;
        l.parameters = {
            ParameterSpec::real(QStringLiteral("alpha"), QStringLiteral("Ridge alpha"), 0.0, 0.0,
                {}, QStringLiteral("L2 penalty; 0: ordinary least squares.")),
            fitIntercept(),
        };
        l.create = [](const P &p) {
            LinearRegressionOptions o;
            o.alpha = d(p, "alpha");
            o.fitIntercept = b(p, "fit_intercept");
            return std::unique_ptr<Estimator>(new LinearRegression(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<LogisticRegression>("Logistic Regression",
            "Binary or multinomial logistic regression with an L2 penalty, fitted by L-BFGS.");
        // The penalty weighs every coefficient alike, so it is fair only on features of one
        // scale (and L-BFGS converges in its iterations there): raw tables are standardized.
        l.scaleByDefault = true;
        l.featureImportances = true;
        l.parameters = {
            ParameterSpec::real(QStringLiteral("C"), QStringLiteral("C"), 1.0, 1e-12, {},
                QStringLiteral("Inverse regularisation strength: smaller is stronger.")),
            maxIter(100),
            ParameterSpec::real(QStringLiteral("tol"), QStringLiteral("Tolerance"), 1e-4, 0.0, {},
                QStringLiteral("Stop when the improvement per iteration falls below this.")),
            fitIntercept(),
            classWeight(),
        };
        l.create = [](const P &p) {
            LogisticRegressionOptions o;
            o.classWeight = classWeightOf(p);
            o.C = d(p, "C");
            o.maxIterations = i(p, "max_iter");
            o.tolerance = d(p, "tol");
            o.fitIntercept = b(p, "fit_intercept");
            return std::unique_ptr<Estimator>(new LogisticRegression(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<NaiveBayes>("Naive Bayes",
            "Naive Bayes for mixed data: nominal features by their category counts, numeric "
            "features by a normal (or kernel) density per class; missing values are left out.");
        // The Gaussian-only family it replaces: its node id, and its model files.
        l.formerNodeIds = { QStringLiteral("model.gaussian_naive_bayes") };
        l.formerKinds = { { GaussianNaiveBayes::kKind,
            [] { return std::unique_ptr<Estimator>(new GaussianNaiveBayes()); } } };
        l.parameters = {
            ParameterSpec::real(QStringLiteral("alpha"), QStringLiteral("Smoothing (α)"), 1.0, 0.0,
                {},
                QStringLiteral("Added to every category count (Laplace smoothing at 1), so a "
                               "value never seen with a class is unlikely, not impossible.")),
            ParameterSpec::enumeration(QStringLiteral("numeric"),
                QStringLiteral("Numeric features"),
                { QStringLiteral("gaussian"), QStringLiteral("kernel") },
                QStringLiteral("gaussian"),
                QStringLiteral("gaussian: a normal density per class; kernel: a kernel density "
                               "estimate per class, for skewed or multi-modal features (slower "
                               "to predict, the model keeps the training values).")),
            ParameterSpec::enumeration(QStringLiteral("nominal"),
                QStringLiteral("Nominal features"),
                { QStringLiteral("counts"), QStringLiteral("gaussian") }, QStringLiteral("counts"),
                QStringLiteral("counts: the share of each category within a class; gaussian: "
                               "a normal density on the 0/1 indicator columns (Gaussian naive "
                               "Bayes on the encoded table, as scikit-learn's GaussianNB).")),
            ParameterSpec::real(QStringLiteral("var_smoothing"),
                QStringLiteral("Variance smoothing"), 1e-9, 0.0, {},
                QStringLiteral("Share of the largest variance added to every variance.")),
        };
        l.create = [](const P &p) {
            NaiveBayesOptions o;
            o.alpha = d(p, "alpha");
            o.numeric = s(p, "numeric") == QStringLiteral("kernel")
                ? NaiveBayesOptions::Numeric::Kernel
                : NaiveBayesOptions::Numeric::Gaussian;
            o.nominalAsGaussian = s(p, "nominal") == QStringLiteral("gaussian");
            o.varSmoothing = d(p, "var_smoothing");
            return std::unique_ptr<Estimator>(new NaiveBayes(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<KNearestNeighbors>("k-Nearest Neighbours",
            "Predicts from the k closest training rows.", EstimatorTask::Classification, true);
        l.scaleByDefault = true;
        l.parameters = {
            neighbours(),
            ParameterSpec::enumeration(QStringLiteral("weights"), QStringLiteral("Weights"),
                { QStringLiteral("uniform"), QStringLiteral("distance") },
                QStringLiteral("uniform"),
                QStringLiteral("distance: closer neighbours count more.")),
            ParameterSpec::enumeration(QStringLiteral("metric"), QStringLiteral("Metric"),
                { QStringLiteral("euclidean"), QStringLiteral("manhattan") },
                QStringLiteral("euclidean"),
                QStringLiteral("Distance between rows: euclidean (straight line) or manhattan (sum "
                               "of absolute differences).")),
        };
        l.create = [](const P &p) {
            KNearestNeighborsOptions o;
            o.task = task(p);
            o.chooseK = i(p, "k") == 0;
            o.k = o.chooseK ? 5 : i(p, "k");
            o.weights = s(p, "weights") == QStringLiteral("distance")
                ? KNearestNeighborsOptions::Weights::Distance
                : KNearestNeighborsOptions::Weights::Uniform;
            o.metric = s(p, "metric") == QStringLiteral("manhattan")
                ? KNearestNeighborsOptions::Metric::Manhattan
                : KNearestNeighborsOptions::Metric::Euclidean;
            return std::unique_ptr<Estimator>(new KNearestNeighbors(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<DecisionTree>("Decision Tree",
            "A CART tree (Gini/entropy for classes, squared error for values).",
            EstimatorTask::Classification, true);
        l.featureImportances = true;
        l.parameters = {
            ParameterSpec::enumeration(QStringLiteral("criterion"), QStringLiteral("Criterion"),
                { QStringLiteral("gini"), QStringLiteral("entropy"), QStringLiteral("gain_ratio") },
                QStringLiteral("gini"),
                QStringLiteral("Classification split quality. gain_ratio: C4.5's information gain "
                               "over split information (each feature's threshold by gain, less "
                               "log2(thresholds) / rows; among features with at least the "
                               "average gain).")),
            depth(0),
            ParameterSpec::integer(QStringLiteral("min_samples_split"),
                QStringLiteral("Minimum rows to split"), 2, 2, 1000000,
                QStringLiteral("A node with fewer rows is not split further.")),
            minLeaf(1),
            ParameterSpec::string(QStringLiteral("ccp_alpha"), QStringLiteral("Pruning alpha"),
                QStringLiteral("auto"),
                QStringLiteral("Minimal cost-complexity pruning (scikit-learn's ccp_alpha): a "
                               "number >= 0, larger prunes more, 0 keeps the whole tree; auto: "
                               "chosen by 5-fold cross-validation on the training rows (folds "
                               "drawn from the seed).")),
            ParameterSpec::enumeration(QStringLiteral("categorical"),
                QStringLiteral("Categorical columns"),
                { QStringLiteral("subsets"), QStringLiteral("one_hot") }, QStringLiteral("subsets"),
                QStringLiteral("subsets: a node splits a categorical column's categories into two "
                               "groups (CART's nominal splits; a missing cell is a category of "
                               "its own); one_hot: each category is a 0/1 column of its own, a "
                               "split separates one category from the rest.")),
            classWeight(),
            seed(),
        };
        l.create = [](const P &p) {
            DecisionTreeOptions o;
            o.classWeight = classWeightOf(p);
            o.categoricalSplits = s(p, "categorical") != QStringLiteral("one_hot");
            const QString ccp = s(p, "ccp_alpha").trimmed();
            if (ccp.compare(QStringLiteral("auto"), Qt::CaseInsensitive) == 0) {
                o.autoCcpAlpha = true;
            } else {
                bool ok = false;
                o.ccpAlpha = ccp.toDouble(&ok);
                if (!ok || !std::isfinite(o.ccpAlpha) || o.ccpAlpha < 0)
                    throw NodeError(
                        QStringLiteral("ccp_alpha: '%1' is not a number >= 0 or auto").arg(ccp));
                o.autoCcpAlpha = false;
            }
            const EstimatorTask t = task(p);
            if (t == EstimatorTask::Classification)
                o.criterion = s(p, "criterion") == QStringLiteral("entropy")
                    ? SplitCriterion::Entropy
                    : s(p, "criterion") == QStringLiteral("gain_ratio") ? SplitCriterion::GainRatio
                                                                        : SplitCriterion::Gini;
            else
                o.criterion = SplitCriterion::SquaredError;
            o.maxDepth = i(p, "max_depth") == 0 ? -1 : i(p, "max_depth");
            o.minSamplesSplit = i(p, "min_samples_split");
            o.minSamplesLeaf = i(p, "min_samples_leaf");
            o.seed = static_cast<std::uint64_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new DecisionTree(t, o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<RandomForest>("Random Forest",
            "Bagged decision trees with random feature subsets, built in parallel.",
            EstimatorTask::Classification, true);
        l.featureImportances = true;
        l.parameters = {
            ParameterSpec::integer(QStringLiteral("trees"), QStringLiteral("Trees"), 100, 1, 100000,
                QStringLiteral("Number of trees; more trees give steadier predictions and take "
                               "longer.")),
            depth(0),
            minLeaf(1),
            ParameterSpec::enumeration(QStringLiteral("max_features"),
                QStringLiteral("Features per split"),
                { QStringLiteral("auto"), QStringLiteral("sqrt"), QStringLiteral("log2"),
                    QStringLiteral("all") },
                QStringLiteral("auto"),
                QStringLiteral("auto: sqrt for classification, all for regression.")),
            ParameterSpec::boolean(QStringLiteral("bootstrap"), QStringLiteral("Bootstrap"), true,
                QStringLiteral("Train each tree on rows drawn with replacement (otherwise on all "
                               "rows).")),
            classWeight(),
            seed(),
        };
        l.create = [](const P &p) {
            RandomForestOptions o;
            o.classWeight = classWeightOf(p);
            const EstimatorTask t = task(p);
            o.criterion = t == EstimatorTask::Classification ? SplitCriterion::Gini
                                                             : SplitCriterion::SquaredError;
            o.nTrees = i(p, "trees");
            o.maxDepth = i(p, "max_depth") == 0 ? -1 : i(p, "max_depth");
            o.minSamplesLeaf = i(p, "min_samples_leaf");
            const QString mf = s(p, "max_features");
            o.maxFeatures = mf == QStringLiteral("sqrt") ? MaxFeatures::Sqrt
                : mf == QStringLiteral("log2")           ? MaxFeatures::Log2
                : mf == QStringLiteral("all")            ? MaxFeatures::All
                                                         : MaxFeatures::Auto;
            o.bootstrap = b(p, "bootstrap");
            o.seed = static_cast<std::uint64_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new RandomForest(t, o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<GradientBoosting>("Gradient Boosting",
            "Histogram-based gradient-boosted trees.", EstimatorTask::Classification, true);
        l.featureImportances = true;
        l.parameters = {
            ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Iterations"), 100, 1,
                100000,
                QStringLiteral("Boosting iterations: trees added one after another (one per class "
                               "per iteration for more than two classes).")),
            ParameterSpec::real(QStringLiteral("learning_rate"), QStringLiteral("Learning rate"),
                0.1, 1e-6, 10.0,
                QStringLiteral("Shrinks each tree's contribution: smaller needs more iterations "
                               "but generalises better.")),
            ParameterSpec::integer(QStringLiteral("max_leaf_nodes"),
                QStringLiteral("Leaves per tree"), 31, 2, 100000,
                QStringLiteral("Leaves per tree; trees grow best split first.")),
            depth(0),
            boostingMinLeaf(),
            ParameterSpec::real(QStringLiteral("l2_regularization"),
                QStringLiteral("L2 regularisation"), 0.0, 0.0, {},
                QStringLiteral("L2 penalty on leaf values; larger values smooth the model.")),
            ParameterSpec::enumeration(QStringLiteral("early_stopping"),
                QStringLiteral("Early stopping"),
                { QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off") },
                QStringLiteral("auto"),
                QStringLiteral("auto: on above 10,000 rows (validation share below, drawn "
                               "stratified by class for classification).")),
            validationFraction(),
            classWeight(),
            seed(),
        };
        l.create = [](const P &p) {
            GradientBoostingOptions o;
            o.classWeight = classWeightOf(p);
            o.maxIter = i(p, "max_iter");
            o.learningRate = d(p, "learning_rate");
            o.maxLeafNodes = i(p, "max_leaf_nodes");
            o.maxDepth = i(p, "max_depth") == 0 ? -1 : i(p, "max_depth");
            o.minSamplesLeaf = i(p, "min_samples_leaf");
            o.l2Regularization = d(p, "l2_regularization");
            const QString es = s(p, "early_stopping");
            o.earlyStopping = es == QStringLiteral("on")
                ? GradientBoostingOptions::EarlyStopping::Enabled
                : es == QStringLiteral("off") ? GradientBoostingOptions::EarlyStopping::Disabled
                                              : GradientBoostingOptions::EarlyStopping::Auto;
            o.validationFraction = d(p, "validation_fraction");
            o.seed = static_cast<std::uint64_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new GradientBoosting(task(p), o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<Svm>("Support Vector Machine",
            "SVM classification or regression with a linear or RBF kernel.",
            EstimatorTask::Classification, true);
        l.scaleByDefault = true;
        l.parameters = {
            ParameterSpec::enumeration(QStringLiteral("kernel"), QStringLiteral("Kernel"),
                { QStringLiteral("rbf"), QStringLiteral("linear") }, QStringLiteral("rbf"),
                QStringLiteral("rbf: curved boundaries (Gaussian kernel); linear: a flat boundary, "
                               "faster on many columns.")),
            ParameterSpec::real(QStringLiteral("C"), QStringLiteral("C"), 1.0, 1e-12, {},
                QStringLiteral("Penalty of margin violations.")),
            ParameterSpec::real(QStringLiteral("gamma"), QStringLiteral("Gamma"), 0.0, 0.0, {},
                QStringLiteral(
                    "RBF width; 0: 1 / (features x variance), like scikit-learn's \"scale\".")),
            ParameterSpec::real(QStringLiteral("epsilon"), QStringLiteral("Epsilon"), 0.1, 0.0, {},
                QStringLiteral("Regression: width of the tube without penalty.")),
            ParameterSpec::boolean(QStringLiteral("probability"),
                QStringLiteral("Class probabilities"), true,
                QStringLiteral("Classification: calibrated class probabilities (Platt scaling "
                               "on 5-fold cross-validated decision values, as libsvm), for ROC "
                               "curves and AUC; trains five more machines per pair of classes.")),
            classWeight(),
            seed(),
        };
        l.create = [](const P &p) {
            SvmOptions o;
            o.classWeight = classWeightOf(p);
            o.task = task(p);
            o.kernel = s(p, "kernel") == QStringLiteral("linear") ? SvmOptions::Kernel::Linear
                                                                  : SvmOptions::Kernel::Rbf;
            o.C = d(p, "C");
            o.gamma = d(p, "gamma");
            o.epsilon = d(p, "epsilon");
            o.probability = b(p, "probability");
            o.seed = static_cast<std::uint64_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new Svm(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<Mlp>("Neural Network (MLP)",
            "Multilayer perceptron trained with Adam or SGD with momentum.",
            EstimatorTask::Classification, true);
        l.scaleByDefault = true;
        l.parameters = {
            ParameterSpec::string(QStringLiteral("hidden_layers"), QStringLiteral("Hidden layers"),
                QStringLiteral("100"),
                QStringLiteral("Neurons per hidden layer, e.g. \"64, 32\".")),
            ParameterSpec::enumeration(QStringLiteral("activation"), QStringLiteral("Activation"),
                { QStringLiteral("relu"), QStringLiteral("tanh"), QStringLiteral("sigmoid") },
                QStringLiteral("relu"),
                QStringLiteral("Function applied in the hidden layers: relu (fast, the usual "
                               "choice), tanh or sigmoid.")),
            ParameterSpec::enumeration(QStringLiteral("solver"), QStringLiteral("Optimizer"),
                { QStringLiteral("adam"), QStringLiteral("sgd") }, QStringLiteral("adam"),
                QStringLiteral("sgd: stochastic gradient descent with momentum.")),
            ParameterSpec::real(QStringLiteral("learning_rate"), QStringLiteral("Learning rate"),
                1e-3, 1e-9, 10.0, QStringLiteral("Step size of the optimiser.")),
            ParameterSpec::real(QStringLiteral("momentum"), QStringLiteral("Momentum"), 0.9, 0.0,
                0.999,
                QStringLiteral("SGD only: share of the previous step kept in the next one.")),
            ParameterSpec::integer(QStringLiteral("batch_size"), QStringLiteral("Batch size"), 200,
                1, 1000000, QStringLiteral("Rows per gradient step.")),
            ParameterSpec::integer(QStringLiteral("epochs"), QStringLiteral("Epochs"), 200, 1,
                100000,
                QStringLiteral("Maximum passes over the training rows; early stopping (or, "
                               "without it, a training loss that stops improving) usually ends "
                               "sooner. Why training ended is kept with the model and shown in "
                               "the Training dock.")),
            ParameterSpec::real(QStringLiteral("alpha"), QStringLiteral("L2 penalty"), 1e-4, 0.0,
                {}, QStringLiteral("L2 penalty on the weights; larger values fight overfitting.")),
            ParameterSpec::boolean(QStringLiteral("early_stopping"),
                QStringLiteral("Early stopping"), true,
                QStringLiteral("Hold out a validation share (stratified by class for "
                               "classification), stop when its loss has not improved for "
                               "'patience' epochs and keep the weights of the best epoch. Off: "
                               "train on all rows and stop when the training loss stops "
                               "improving, as scikit-learn's MLPClassifier does by default.")),
            validationFraction(),
            ParameterSpec::integer(QStringLiteral("min_validation_rows"),
                QStringLiteral("Rows to stop early"), 200, 0, 100000000,
                QStringLiteral("Early stopping holds rows out only when the validation share "
                               "gives at least this many (0: always); on smaller tables a few "
                               "held-out rows judge too noisily and cost training rows, so "
                               "training uses every row and stops when the training loss stops "
                               "improving.")),
            ParameterSpec::integer(QStringLiteral("patience"), QStringLiteral("Patience"), 10, 1,
                10000, QStringLiteral("Epochs without improvement before stopping.")),
            seed(),
        };
        l.create = [](const P &p) {
            MlpOptions o;
            o.task = task(p);
            o.hiddenLayers = layers(s(p, "hidden_layers"));
            const QString a = s(p, "activation");
            o.activation = a == QStringLiteral("tanh") ? MlpOptions::Activation::Tanh
                : a == QStringLiteral("sigmoid")       ? MlpOptions::Activation::Sigmoid
                                                       : MlpOptions::Activation::Relu;
            o.solver = s(p, "solver") == QStringLiteral("sgd") ? MlpOptions::Solver::Sgd
                                                               : MlpOptions::Solver::Adam;
            o.learningRate = d(p, "learning_rate");
            o.momentum = d(p, "momentum");
            o.batchSize = i(p, "batch_size");
            o.maxEpochs = i(p, "epochs");
            o.alpha = d(p, "alpha");
            o.earlyStopping = b(p, "early_stopping");
            o.validationFraction = d(p, "validation_fraction");
            o.minValidationRows = i(p, "min_validation_rows");
            o.nIterNoChange = i(p, "patience");
            o.seed = static_cast<std::uint32_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new Mlp(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<KMeans>("k-Means", "k-means clustering with k-means++ initialisation.",
            EstimatorTask::Clustering);
        l.parameters = {
            count("k", "Clusters (k)", 3, "Number of clusters."),
            ParameterSpec::integer(QStringLiteral("n_init"), QStringLiteral("Initialisations"), 3,
                1, 1000, QStringLiteral("Runs from different starts; the best is kept.")),
            maxIter(300),
            seed(),
        };
        l.create = [](const P &p) {
            KMeansOptions o;
            o.clusters = i(p, "k");
            o.nInit = i(p, "n_init");
            o.maxIter = i(p, "max_iter");
            o.seed = static_cast<std::uint64_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new KMeans(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<Dbscan>("DBSCAN",
            "Density-based clusters; rows in sparse regions are noise.", EstimatorTask::Clustering);
        l.parameters = {
            ParameterSpec::real(QStringLiteral("eps"), QStringLiteral("Radius (eps)"), 0.5, 1e-12,
                {},
                QStringLiteral("Two rows closer than this (Euclidean) are neighbours. Scale the "
                               "columns first (Standardize) so it means the same in every "
                               "column.")),
            ParameterSpec::integer(QStringLiteral("min_samples"),
                QStringLiteral("Minimum neighbours"), 5, 1, 1000000,
                QStringLiteral("Neighbours (the row itself included) a row needs to be a core row "
                               "of a cluster; rows not reachable from a core row are noise.")),
        };
        l.create = [](const P &p) {
            DbscanOptions o;
            o.eps = d(p, "eps");
            o.minSamples = i(p, "min_samples");
            return std::unique_ptr<Estimator>(new Dbscan(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<GaussianMixture>("Gaussian Mixture",
            "A mixture of normal distributions fitted by EM.", EstimatorTask::Clustering);
        l.parameters = {
            count("components", "Components", 3,
                "Number of normal distributions (clusters) in the mixture."),
            ParameterSpec::enumeration(QStringLiteral("covariance"), QStringLiteral("Covariance"),
                { QStringLiteral("full"), QStringLiteral("diagonal") }, QStringLiteral("full"),
                QStringLiteral("full: each component has its own correlated shape; diagonal: "
                               "axis-aligned shapes (fewer parameters, faster).")),
            maxIter(100),
            ParameterSpec::integer(QStringLiteral("n_init"), QStringLiteral("Initialisations"), 1,
                1, 1000,
                QStringLiteral("EM runs from different starts; the one with the best likelihood "
                               "is kept.")),
            seed(),
        };
        l.create = [](const P &p) {
            GaussianMixtureOptions o;
            o.components = i(p, "components");
            o.covariance = s(p, "covariance") == QStringLiteral("diagonal")
                ? GaussianMixtureOptions::Covariance::Diagonal
                : GaussianMixtureOptions::Covariance::Full;
            o.maxIter = i(p, "max_iter");
            o.nInit = i(p, "n_init");
            o.seed = static_cast<std::uint64_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new GaussianMixture(o));
        };
        all.push_back(l);
    }
    {
        Learner l = family<AgglomerativeClustering>("Hierarchical Clustering",
            "Agglomerative clustering (up to 20,000 rows).", EstimatorTask::Clustering);
        l.formerNodeIds = { QStringLiteral("cluster.hierarchical") };
        l.parameters = {
            count("clusters", "Clusters", 3,
                "Where the merge tree is cut: the number of clusters kept."),
            ParameterSpec::enumeration(QStringLiteral("linkage"), QStringLiteral("Linkage"),
                { QStringLiteral("ward"), QStringLiteral("complete"), QStringLiteral("average"),
                    QStringLiteral("single") },
                QStringLiteral("ward"),
                QStringLiteral("How the distance between two clusters is measured: ward (smallest "
                               "increase of variance), complete (farthest members), average, "
                               "single (closest members).")),
        };
        l.create = [](const P &p) {
            AgglomerativeClusteringOptions o;
            o.clusters = i(p, "clusters");
            o.linkage
                = AgglomerativeClusteringOptions::linkageFromName(s(p, "linkage").toStdString())
                      .value_or(AgglomerativeClusteringOptions::Linkage::Ward);
            return std::unique_ptr<Estimator>(new AgglomerativeClustering(o));
        };
        all.push_back(l);
    }
    return all;
}

} // namespace

const std::vector<Learner> &LearnerRegistry::all()
{
    static const std::vector<Learner> learners = registerAll();
    return learners;
}

const Learner *LearnerRegistry::byKind(const std::string &kind)
{
    for (const Learner &l : all())
        if (l.kind == kind)
            return &l;
    for (const Learner &l : all())
        for (const Learner::FormerKind &former : l.formerKinds)
            if (former.kind == kind)
                return &l;
    return nullptr;
}

const Learner *LearnerRegistry::byNodeId(const QString &id)
{
    for (const Learner &l : all())
        if (l.nodeId() == id || l.formerNodeIds.contains(id))
            return &l;
    return nullptr;
}

const Learner *LearnerRegistry::of(const Estimator &estimator)
{
    return byKind(estimator.kind());
}

QString LearnerRegistry::nodeIdOf(const Estimator &estimator)
{
    const Learner *learner = of(estimator);
    return learner ? learner->nodeId() : QString();
}

} // namespace sextant::engine
