#include "nodes/LearnerCatalog.h"

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
#include "ml/RandomForest.h"
#include "ml/Svm.h"

namespace sextant::engine {

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
        QStringLiteral("Minimum rows per leaf"), def, 1, 1000000, {});
}
ParameterSpec clusters(const char *name, const char *label, qlonglong def)
{
    return ParameterSpec::integer(
        QString::fromLatin1(name), QString::fromLatin1(label), def, 1, 100000, {});
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

} // namespace

QList<LearnerSpec> LearnerCatalog::all()
{
    QList<LearnerSpec> all;
    {
        LearnerSpec l;
        l.id = QStringLiteral("model.linear_regression");
        l.displayName = QStringLiteral("Linear Regression");
        l.description
            = QStringLiteral("Ordinary least squares, or ridge regression with alpha > 0.");
        l.task = EstimatorTask::Regression;
        l.parameters = {
            ParameterSpec::real(QStringLiteral("alpha"), QStringLiteral("Ridge alpha"), 0.0, 0.0,
                {}, QStringLiteral("L2 penalty; 0: ordinary least squares.")),
            ParameterSpec::boolean(
                QStringLiteral("fit_intercept"), QStringLiteral("Fit intercept"), true, {}),
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
        LearnerSpec l;
        l.id = QStringLiteral("model.logistic_regression");
        l.displayName = QStringLiteral("Logistic Regression");
        l.description = QStringLiteral("Binary or multinomial logistic regression with an L2 "
                                       "penalty, fitted by L-BFGS.");
        l.parameters = {
            ParameterSpec::real(QStringLiteral("C"), QStringLiteral("C"), 1.0, 1e-12, {},
                QStringLiteral("Inverse regularisation strength: smaller is stronger.")),
            ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Maximum iterations"),
                100, 1, 100000, {}),
            ParameterSpec::real(
                QStringLiteral("tol"), QStringLiteral("Tolerance"), 1e-4, 0.0, {}, {}),
            ParameterSpec::boolean(
                QStringLiteral("fit_intercept"), QStringLiteral("Fit intercept"), true, {}),
        };
        l.create = [](const P &p) {
            LogisticRegressionOptions o;
            o.C = d(p, "C");
            o.maxIterations = i(p, "max_iter");
            o.tolerance = d(p, "tol");
            o.fitIntercept = b(p, "fit_intercept");
            return std::unique_ptr<Estimator>(new LogisticRegression(o));
        };
        all.push_back(l);
    }
    {
        LearnerSpec l;
        l.id = QStringLiteral("model.naive_bayes");
        l.displayName = QStringLiteral("Gaussian Naive Bayes");
        l.description
            = QStringLiteral("Naive Bayes with a normal distribution per class and feature.");
        l.parameters = { ParameterSpec::real(QStringLiteral("var_smoothing"),
            QStringLiteral("Variance smoothing"), 1e-9, 0.0, {},
            QStringLiteral("Share of the largest variance added to every variance.")) };
        l.create = [](const P &p) {
            GaussianNaiveBayesOptions o;
            o.varSmoothing = d(p, "var_smoothing");
            return std::unique_ptr<Estimator>(new GaussianNaiveBayes(o));
        };
        all.push_back(l);
    }
    {
        LearnerSpec l;
        l.id = QStringLiteral("model.knn");
        l.displayName = QStringLiteral("k-Nearest Neighbours");
        l.description = QStringLiteral("Predicts from the k closest training rows.");
        l.taskChoice = true;
        l.parameters = {
            ParameterSpec::integer(
                QStringLiteral("k"), QStringLiteral("Neighbours (k)"), 5, 1, 100000, {}),
            ParameterSpec::enumeration(QStringLiteral("weights"), QStringLiteral("Weights"),
                { QStringLiteral("uniform"), QStringLiteral("distance") },
                QStringLiteral("uniform"),
                QStringLiteral("distance: closer neighbours count more.")),
            ParameterSpec::enumeration(QStringLiteral("metric"), QStringLiteral("Metric"),
                { QStringLiteral("euclidean"), QStringLiteral("manhattan") },
                QStringLiteral("euclidean"), {}),
        };
        l.create = [](const P &p) {
            KNearestNeighborsOptions o;
            o.task = task(p);
            o.k = i(p, "k");
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
        LearnerSpec l;
        l.id = QStringLiteral("model.decision_tree");
        l.displayName = QStringLiteral("Decision Tree");
        l.description
            = QStringLiteral("A CART tree (Gini/entropy for classes, squared error for values).");
        l.taskChoice = true;
        l.parameters = {
            ParameterSpec::enumeration(QStringLiteral("criterion"), QStringLiteral("Criterion"),
                { QStringLiteral("gini"), QStringLiteral("entropy") }, QStringLiteral("gini"),
                QStringLiteral("Classification split quality.")),
            depth(0),
            ParameterSpec::integer(QStringLiteral("min_samples_split"),
                QStringLiteral("Minimum rows to split"), 2, 2, 1000000, {}),
            minLeaf(1),
            seed(),
        };
        l.create = [](const P &p) {
            DecisionTreeOptions o;
            const EstimatorTask t = task(p);
            if (t == EstimatorTask::Classification)
                o.criterion = s(p, "criterion") == QStringLiteral("entropy")
                    ? SplitCriterion::Entropy
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
        LearnerSpec l;
        l.id = QStringLiteral("model.random_forest");
        l.displayName = QStringLiteral("Random Forest");
        l.description = QStringLiteral("Bagged decision trees with random feature subsets, built "
                                       "in parallel.");
        l.taskChoice = true;
        l.parameters = {
            ParameterSpec::integer(
                QStringLiteral("trees"), QStringLiteral("Trees"), 100, 1, 100000, {}),
            depth(0),
            minLeaf(1),
            ParameterSpec::enumeration(QStringLiteral("max_features"),
                QStringLiteral("Features per split"),
                { QStringLiteral("auto"), QStringLiteral("sqrt"), QStringLiteral("log2"),
                    QStringLiteral("all") },
                QStringLiteral("auto"),
                QStringLiteral("auto: sqrt for classification, all for regression.")),
            ParameterSpec::boolean(
                QStringLiteral("bootstrap"), QStringLiteral("Bootstrap"), true, {}),
            seed(),
        };
        l.create = [](const P &p) {
            RandomForestOptions o;
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
        LearnerSpec l;
        l.id = QStringLiteral("model.gradient_boosting");
        l.displayName = QStringLiteral("Gradient Boosting");
        l.description = QStringLiteral("Histogram-based gradient-boosted trees.");
        l.taskChoice = true;
        l.parameters = {
            ParameterSpec::integer(
                QStringLiteral("max_iter"), QStringLiteral("Iterations"), 100, 1, 100000, {}),
            ParameterSpec::real(QStringLiteral("learning_rate"), QStringLiteral("Learning rate"),
                0.1, 1e-6, 10.0, {}),
            ParameterSpec::integer(QStringLiteral("max_leaf_nodes"),
                QStringLiteral("Leaves per tree"), 31, 2, 100000, {}),
            depth(0),
            minLeaf(20),
            ParameterSpec::real(QStringLiteral("l2_regularization"),
                QStringLiteral("L2 regularisation"), 0.0, 0.0, {}, {}),
            ParameterSpec::enumeration(QStringLiteral("early_stopping"),
                QStringLiteral("Early stopping"),
                { QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off") },
                QStringLiteral("auto"),
                QStringLiteral("auto: on above 10,000 rows (validation share below).")),
            ParameterSpec::real(QStringLiteral("validation_fraction"),
                QStringLiteral("Validation share"), 0.1, 0.01, 0.9, {}),
            seed(),
        };
        l.create = [](const P &p) {
            GradientBoostingOptions o;
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
        LearnerSpec l;
        l.id = QStringLiteral("model.svm");
        l.displayName = QStringLiteral("Support Vector Machine");
        l.description
            = QStringLiteral("SVM classification or regression with a linear or RBF kernel.");
        l.taskChoice = true;
        l.parameters = {
            ParameterSpec::enumeration(QStringLiteral("kernel"), QStringLiteral("Kernel"),
                { QStringLiteral("rbf"), QStringLiteral("linear") }, QStringLiteral("rbf"), {}),
            ParameterSpec::real(QStringLiteral("C"), QStringLiteral("C"), 1.0, 1e-12, {},
                QStringLiteral("Penalty of margin violations.")),
            ParameterSpec::real(QStringLiteral("gamma"), QStringLiteral("Gamma"), 0.0, 0.0, {},
                QStringLiteral(
                    "RBF width; 0: 1 / (features x variance), like scikit-learn's \"scale\".")),
            ParameterSpec::real(QStringLiteral("epsilon"), QStringLiteral("Epsilon"), 0.1, 0.0, {},
                QStringLiteral("Regression: width of the tube without penalty.")),
        };
        l.create = [](const P &p) {
            SvmOptions o;
            o.task = task(p);
            o.kernel = s(p, "kernel") == QStringLiteral("linear") ? SvmOptions::Kernel::Linear
                                                                  : SvmOptions::Kernel::Rbf;
            o.C = d(p, "C");
            o.gamma = d(p, "gamma");
            o.epsilon = d(p, "epsilon");
            return std::unique_ptr<Estimator>(new Svm(o));
        };
        all.push_back(l);
    }
    {
        LearnerSpec l;
        l.id = QStringLiteral("model.mlp");
        l.displayName = QStringLiteral("Neural Network (MLP)");
        l.description
            = QStringLiteral("Multilayer perceptron trained with Adam or SGD with momentum.");
        l.taskChoice = true;
        l.parameters = {
            ParameterSpec::string(QStringLiteral("hidden_layers"), QStringLiteral("Hidden layers"),
                QStringLiteral("64, 64"),
                QStringLiteral("Neurons per hidden layer, e.g. \"64, 32\".")),
            ParameterSpec::enumeration(QStringLiteral("activation"), QStringLiteral("Activation"),
                { QStringLiteral("relu"), QStringLiteral("tanh"), QStringLiteral("sigmoid") },
                QStringLiteral("relu"), {}),
            ParameterSpec::enumeration(QStringLiteral("solver"), QStringLiteral("Optimizer"),
                { QStringLiteral("adam"), QStringLiteral("sgd") }, QStringLiteral("adam"),
                QStringLiteral("sgd: stochastic gradient descent with momentum.")),
            ParameterSpec::real(QStringLiteral("learning_rate"), QStringLiteral("Learning rate"),
                1e-3, 1e-9, 10.0, {}),
            ParameterSpec::real(
                QStringLiteral("momentum"), QStringLiteral("Momentum"), 0.9, 0.0, 0.999, {}),
            ParameterSpec::integer(
                QStringLiteral("batch_size"), QStringLiteral("Batch size"), 256, 1, 1000000, {}),
            ParameterSpec::integer(
                QStringLiteral("epochs"), QStringLiteral("Epochs"), 50, 1, 100000, {}),
            ParameterSpec::real(
                QStringLiteral("alpha"), QStringLiteral("L2 penalty"), 1e-4, 0.0, {}, {}),
            ParameterSpec::boolean(QStringLiteral("early_stopping"),
                QStringLiteral("Early stopping"), true,
                QStringLiteral(
                    "Hold out a validation share and stop when its loss stops improving.")),
            ParameterSpec::real(QStringLiteral("validation_fraction"),
                QStringLiteral("Validation share"), 0.1, 0.01, 0.9, {}),
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
            o.nIterNoChange = i(p, "patience");
            o.seed = static_cast<std::uint32_t>(i(p, "seed"));
            return std::unique_ptr<Estimator>(new Mlp(o));
        };
        all.push_back(l);
    }
    {
        LearnerSpec l;
        l.id = QStringLiteral("cluster.kmeans");
        l.displayName = QStringLiteral("k-Means");
        l.description = QStringLiteral("k-means clustering with k-means++ initialisation.");
        l.task = EstimatorTask::Clustering;
        l.parameters = {
            clusters("k", "Clusters (k)", 3),
            ParameterSpec::integer(QStringLiteral("n_init"), QStringLiteral("Initialisations"), 3,
                1, 1000, QStringLiteral("Runs from different starts; the best is kept.")),
            ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Maximum iterations"),
                300, 1, 100000, {}),
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
        LearnerSpec l;
        l.id = QStringLiteral("cluster.dbscan");
        l.displayName = QStringLiteral("DBSCAN");
        l.description = QStringLiteral("Density-based clusters; rows in sparse regions are noise.");
        l.task = EstimatorTask::Clustering;
        l.parameters = {
            ParameterSpec::real(
                QStringLiteral("eps"), QStringLiteral("Radius (eps)"), 0.5, 1e-12, {}, {}),
            ParameterSpec::integer(QStringLiteral("min_samples"),
                QStringLiteral("Minimum neighbours"), 5, 1, 1000000, {}),
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
        LearnerSpec l;
        l.id = QStringLiteral("cluster.gaussian_mixture");
        l.displayName = QStringLiteral("Gaussian Mixture");
        l.description = QStringLiteral("A mixture of normal distributions fitted by EM.");
        l.task = EstimatorTask::Clustering;
        l.parameters = {
            clusters("components", "Components", 3),
            ParameterSpec::enumeration(QStringLiteral("covariance"), QStringLiteral("Covariance"),
                { QStringLiteral("full"), QStringLiteral("diagonal") }, QStringLiteral("full"), {}),
            ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Maximum iterations"),
                100, 1, 100000, {}),
            ParameterSpec::integer(
                QStringLiteral("n_init"), QStringLiteral("Initialisations"), 1, 1, 1000, {}),
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
        LearnerSpec l;
        l.id = QStringLiteral("cluster.hierarchical");
        l.displayName = QStringLiteral("Hierarchical Clustering");
        l.description = QStringLiteral("Agglomerative clustering (up to 20,000 rows).");
        l.task = EstimatorTask::Clustering;
        l.parameters = {
            clusters("clusters", "Clusters", 3),
            ParameterSpec::enumeration(QStringLiteral("linkage"), QStringLiteral("Linkage"),
                { QStringLiteral("ward"), QStringLiteral("complete"), QStringLiteral("average"),
                    QStringLiteral("single") },
                QStringLiteral("ward"), {}),
        };
        l.create = [](const P &p) {
            AgglomerativeClusteringOptions o;
            o.clusters = i(p, "clusters");
            const QString k = s(p, "linkage");
            o.linkage = k == QStringLiteral("complete")
                ? AgglomerativeClusteringOptions::Linkage::Complete
                : k == QStringLiteral("average") ? AgglomerativeClusteringOptions::Linkage::Average
                : k == QStringLiteral("single")  ? AgglomerativeClusteringOptions::Linkage::Single
                                                 : AgglomerativeClusteringOptions::Linkage::Ward;
            return std::unique_ptr<Estimator>(new AgglomerativeClustering(o));
        };
        all.push_back(l);
    }
    return all;
}

} // namespace sextant::engine
