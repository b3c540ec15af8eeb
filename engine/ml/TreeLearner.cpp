#include "ml/TreeLearner.h"

namespace sextant::engine {

TreeEstimator::TreeEstimator(EstimatorTask task, const char *who) : m_task(task)
{
    if (task == EstimatorTask::Clustering)
        throw FitError(std::string(who) + " does classification or regression, not clustering");
}

} // namespace sextant::engine

namespace sextant::engine::treelearner {

CategoricalLayout categoricalLayout(
    const std::vector<FeatureBlock> &blocks, const Eigen::Ref<const Eigen::MatrixXd> &X)
{
    CategoricalLayout out;
    const Eigen::Index d = X.cols();
    const auto numeric = [&]() {
        out = {};
        for (int j = 0; j < d; ++j) {
            out.rawColumn.push_back(j);
            out.width.push_back(0);
        }
        return out;
    };
    Eigen::Index next = 0;
    for (const FeatureBlock &b : blocks) {
        if (b.first != next || b.width < 1 || b.first + b.width > d)
            return numeric();
        next += b.width;
        bool categorical = b.categorical && b.width >= 2 && b.width <= 255;
        for (Eigen::Index i = 0; categorical && i < X.rows(); ++i) {
            int ones = 0;
            for (int j = 0; j < b.width; ++j) {
                const double v = X(i, b.first + j);
                ones += v == 1.0;
                categorical = categorical && (v == 0.0 || v == 1.0);
            }
            categorical = categorical && ones <= 1;
        }
        if (!categorical) {
            for (int j = 0; j < b.width; ++j) {
                out.rawColumn.push_back(b.first + j);
                out.width.push_back(0);
            }
            continue;
        }
        out.rawColumn.push_back(b.first);
        out.width.push_back(b.width);
        out.any = true;
    }
    if (next != d)
        return numeric();
    return out;
}

Eigen::MatrixXd compactMatrix(
    const CategoricalLayout &layout, const Eigen::Ref<const Eigen::MatrixXd> &X)
{
    const Eigen::Index n = X.rows();
    Eigen::MatrixXd out(n, static_cast<Eigen::Index>(layout.rawColumn.size()));
    const Eigen::Index stride = X.outerStride();
    for (std::size_t c = 0; c < layout.rawColumn.size(); ++c) {
        const int first = layout.rawColumn[c], w = layout.width[c];
        const Eigen::Index j = static_cast<Eigen::Index>(c);
        if (w == 0) {
            out.col(j) = X.col(first);
            continue;
        }
        for (Eigen::Index i = 0; i < n; ++i)
            out(i, j) = DecisionTreeModel::categoryOf(X.data() + i, stride, first, w);
    }
    return out;
}

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
