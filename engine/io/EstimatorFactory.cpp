#include "io/EstimatorFactory.h"

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

std::unique_ptr<Estimator> createEstimator(const std::string &kind)
{
    if (kind == "linear_regression")
        return std::make_unique<LinearRegression>();
    if (kind == "logistic_regression")
        return std::make_unique<LogisticRegression>();
    if (kind == "gaussian_naive_bayes")
        return std::make_unique<GaussianNaiveBayes>();
    if (kind == "knn")
        return std::make_unique<KNearestNeighbors>();
    if (kind == "svm")
        return std::make_unique<Svm>();
    if (kind == "decision_tree")
        return std::make_unique<DecisionTree>();
    if (kind == "random_forest")
        return std::make_unique<RandomForest>();
    if (kind == "gradient_boosting")
        return std::make_unique<GradientBoosting>();
    if (kind == "mlp")
        return std::make_unique<Mlp>();
    if (kind == "kmeans")
        return std::make_unique<KMeans>();
    if (kind == "dbscan")
        return std::make_unique<Dbscan>();
    if (kind == "gaussian_mixture")
        return std::make_unique<GaussianMixture>();
    if (kind == "agglomerative")
        return std::make_unique<AgglomerativeClustering>();
    return nullptr;
}

std::vector<std::string> estimatorKinds()
{
    return { "linear_regression", "logistic_regression", "gaussian_naive_bayes", "knn", "svm",
        "decision_tree", "random_forest", "gradient_boosting", "mlp", "kmeans", "dbscan",
        "gaussian_mixture", "agglomerative" };
}

} // namespace sextant::engine
