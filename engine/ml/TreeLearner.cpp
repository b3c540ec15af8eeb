#include "ml/TreeLearner.h"

namespace sextant::engine {

TreeEstimator::TreeEstimator(EstimatorTask task, const char *who) : m_task(task)
{
    if (task == EstimatorTask::Clustering)
        throw FitError(std::string(who) + " does classification or regression, not clustering");
}

} // namespace sextant::engine

namespace sextant::engine::treelearner {

void checkLeafAndBins(const std::string &who, int minSamplesLeaf, int maxBins)
{
    if (minSamplesLeaf < 1)
        throw FitError(who + ": min samples per leaf must be at least 1");
    if (maxBins < 2 || maxBins > 255)
        throw FitError(who + ": the number of bins must be between 2 and 255");
}

void writeHeader(ModelState &s, EstimatorTask task, bool fitted, int featureCount, int classCount)
{
    s.setNumber("task", task == EstimatorTask::Classification ? 0 : 1);
    s.setNumber("fitted", fitted ? 1 : 0);
    if (!fitted)
        return;
    s.setNumber("feature_count", featureCount);
    s.setNumber("class_count", classCount);
}

EstimatorTask readTask(const ModelState &s)
{
    return s.integer("task", 0, 1) == 0 ? EstimatorTask::Classification : EstimatorTask::Regression;
}

bool readFitted(const ModelState &s)
{
    return s.integer("fitted", 0, 1) == 1;
}

void readCounts(
    const ModelState &s, EstimatorTask task, int maxClasses, int &featureCount, int &classCount)
{
    featureCount = static_cast<int>(s.integer("feature_count", 1, 100000000));
    classCount = task == EstimatorTask::Classification
        ? static_cast<int>(s.integer("class_count", 2, maxClasses))
        : static_cast<int>(s.integer("class_count", 0, 0));
}

Eigen::VectorXd predictions(const Eigen::MatrixXd &values, EstimatorTask task)
{
    if (task == EstimatorTask::Regression)
        return values.col(0);
    return classOfLargest(values);
}

} // namespace sextant::engine::treelearner
