#include "ml/Svm.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/ml.hpp>
#include <set>
#include <string>

namespace sextant::engine {

namespace {

const char *kKind = "svm";
const char *kNode = "opencv_ml_svm";

cv::Mat toFloatMat(const Eigen::Ref<const Eigen::MatrixXd> &X)
{
    cv::Mat m(static_cast<int>(X.rows()), static_cast<int>(X.cols()), CV_32F);
    for (int i = 0; i < m.rows; ++i) {
        float *row = m.ptr<float>(i);
        for (int j = 0; j < m.cols; ++j)
            row[j] = static_cast<float>(X(i, j));
    }
    return m;
}

void validateOptions(const SvmOptions &o)
{
    if (o.task != EstimatorTask::Classification && o.task != EstimatorTask::Regression)
        throw FitError("SVM: the task must be classification or regression");
    if (!(o.C > 0) || !std::isfinite(o.C))
        throw FitError("SVM: C must be a positive number");
    if (!std::isfinite(o.gamma))
        throw FitError("SVM: gamma must be a number (0 for 'scale')");
    if (!(o.epsilon >= 0) || !std::isfinite(o.epsilon))
        throw FitError("SVM: epsilon must be zero or positive");
    if (!(o.tolerance > 0) || !std::isfinite(o.tolerance))
        throw FitError("SVM: the tolerance must be positive");
    if (o.maxIterations < 1)
        throw FitError("SVM: the iteration limit must be at least 1");
}

} // namespace

Svm::Svm(Options options) : m_options(options)
{
}

Svm::~Svm() = default;

void Svm::clear()
{
    m_features = 0;
    m_classCount = 0;
    m_gamma = 0;
    m_classes.clear();
    m_svm.reset();
}

std::unique_ptr<Estimator> Svm::cloneUnfitted() const
{
    return std::make_unique<Svm>(m_options);
}

int Svm::supportVectorCount() const
{
    return m_svm ? m_svm->getSupportVectors().rows : 0;
}

bool Svm::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    clear();
    validateOptions(m_options);
    if (X.rows() < 2 || X.cols() < 1)
        throw FitError("SVM: needs at least two training rows and one column");
    if (X.rows() > (1 << 30) || X.cols() > (1 << 20))
        throw FitError("SVM: the training data is too large");
    if (y.size() != X.rows())
        throw FitError("SVM: " + std::to_string(X.rows()) + " rows but " + std::to_string(y.size())
            + " target values");
    if (!X.allFinite())
        throw FitError("SVM: the training data holds a missing or non-finite value");
    if (!y.allFinite())
        throw FitError("SVM: the target holds a missing or non-finite value");
    const bool classification = m_options.task == EstimatorTask::Classification;
    std::set<int> classes;
    if (classification) {
        for (Eigen::Index i = 0; i < y.size(); ++i) {
            if (y(i) < 0 || y(i) != std::floor(y(i)) || y(i) > 1e6)
                throw FitError(
                    "SVM: the target must hold class codes 0, 1, 2... for classification");
            classes.insert(static_cast<int>(y(i)));
        }
        if (classes.size() < 2)
            throw FitError("SVM: classification needs at least two classes in the training data");
    }
    if (context.cancelled())
        return false;

    // gamma = "scale": 1 / (d * variance of all cells).
    double gamma = m_options.gamma;
    if (!(gamma > 0)) {
        const double mean = X.mean();
        const double var = (X.array() - mean).square().sum() / static_cast<double>(X.size());
        gamma = var != 0 ? 1.0 / (static_cast<double>(X.cols()) * var) : 1.0;
    }

    cv::Ptr<cv::ml::SVM> svm = cv::ml::SVM::create();
    svm->setType(classification ? cv::ml::SVM::C_SVC : cv::ml::SVM::EPS_SVR);
    svm->setKernel(
        m_options.kernel == Options::Kernel::Linear ? cv::ml::SVM::LINEAR : cv::ml::SVM::RBF);
    svm->setC(m_options.C);
    if (m_options.kernel == Options::Kernel::Rbf)
        svm->setGamma(gamma);
    if (!classification)
        svm->setP(m_options.epsilon);
    svm->setTermCriteria(cv::TermCriteria(cv::TermCriteria::MAX_ITER + cv::TermCriteria::EPS,
        m_options.maxIterations, m_options.tolerance));
    const cv::Mat samples = toFloatMat(X);
    cv::Mat responses;
    if (classification) {
        responses.create(static_cast<int>(y.size()), 1, CV_32S);
        for (int i = 0; i < responses.rows; ++i)
            responses.at<int>(i) = static_cast<int>(y(i));
    } else {
        responses.create(static_cast<int>(y.size()), 1, CV_32F);
        for (int i = 0; i < responses.rows; ++i)
            responses.at<float>(i) = static_cast<float>(y(i));
    }
    try {
        if (!svm->train(cv::ml::TrainData::create(samples, cv::ml::ROW_SAMPLE, responses)))
            throw FitError("SVM: OpenCV could not train the model");
    } catch (const cv::Exception &e) {
        throw FitError(std::string("SVM: OpenCV refused the training data: ") + e.what());
    }
    if (context.cancelled())
        return false;
    m_svm = std::shared_ptr<cv::ml::SVM>(
        svm.get(), [keep = svm](cv::ml::SVM *) mutable { keep.reset(); });
    m_features = static_cast<int>(X.cols());
    m_gamma = m_options.kernel == Options::Kernel::Rbf ? gamma : 0.0;
    if (classification) {
        m_classes.assign(classes.begin(), classes.end());
        m_classCount = std::max(context.classCount, m_classes.back() + 1);
    }
    return true;
}

Eigen::VectorXd Svm::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!X.allFinite())
        throw FitError("SVM: the data holds a missing or non-finite value");
    Eigen::VectorXd out(X.rows());
    if (X.rows() == 0)
        return out;
    cv::Mat results;
    m_svm->predict(toFloatMat(X), results);
    const bool classification = m_options.task == EstimatorTask::Classification;
    for (int i = 0; i < results.rows; ++i) {
        const float v = results.at<float>(i);
        out(i) = classification ? std::round(static_cast<double>(v)) : static_cast<double>(v);
    }
    return out;
}

ModelState Svm::state() const
{
    ModelState s;
    s.kind = kKind;
    s.version = 1;
    s.setNumber("task", m_options.task == EstimatorTask::Regression ? 1 : 0);
    s.setNumber("kernel", m_options.kernel == Options::Kernel::Linear ? 0 : 1);
    s.setNumber("c", m_options.C);
    s.setNumber("gamma", m_options.gamma);
    s.setNumber("epsilon", m_options.epsilon);
    s.setNumber("tolerance", m_options.tolerance);
    s.setNumber("max_iterations", m_options.maxIterations);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (!isFitted())
        return s;
    s.setNumber("feature_count", m_features);
    s.setNumber("class_count", m_classCount);
    s.setNumber("resolved_gamma", m_gamma);
    Eigen::VectorXd classes(static_cast<Eigen::Index>(m_classes.size()));
    for (std::size_t i = 0; i < m_classes.size(); ++i)
        classes(static_cast<Eigen::Index>(i)) = m_classes[i];
    s.setVector("classes", classes);
    cv::FileStorage fs(".yml", cv::FileStorage::WRITE | cv::FileStorage::MEMORY);
    fs << kNode << "{";
    m_svm->write(fs);
    fs << "}";
    s.setText("opencv_model", fs.releaseAndGetString());
    return s;
}

void Svm::restore(const ModelState &s)
{
    s.requireKind(kKind, 1);
    Options o;
    o.task
        = s.integer("task", 0, 1) == 1 ? EstimatorTask::Regression : EstimatorTask::Classification;
    o.kernel = s.integer("kernel", 0, 1) == 0 ? Options::Kernel::Linear : Options::Kernel::Rbf;
    o.C = s.number("c", 1e-300, 1e300);
    o.gamma = s.number("gamma", -1e300, 1e300);
    o.epsilon = s.number("epsilon", 0, 1e300);
    o.tolerance = s.number("tolerance", 1e-300, 1e300);
    o.maxIterations = static_cast<int>(s.integer("max_iterations", 1, 2147483647));
    if (s.integer("fitted", 0, 1) == 0) {
        clear();
        m_options = o;
        return;
    }
    const bool classification = o.task == EstimatorTask::Classification;
    const int features = static_cast<int>(s.integer("feature_count", 1, 1 << 20));
    const int classCount = classification ? static_cast<int>(s.integer("class_count", 2, 1000000))
                                          : static_cast<int>(s.integer("class_count", 0, 0));
    const double gamma = o.kernel == Options::Kernel::Rbf
        ? s.number("resolved_gamma", 1e-300, 1e300)
        : s.number("resolved_gamma", 0, 0);
    const Eigen::VectorXd classVec = s.vector("classes");
    std::vector<int> classes;
    if (classification) {
        if (classVec.size() < 2)
            throw ModelStateError("svm: 'classes' lists fewer than two classes");
        for (Eigen::Index i = 0; i < classVec.size(); ++i) {
            const double c = classVec(i);
            if (!(c >= 0 && c < classCount) || c != std::floor(c)
                || (i > 0 && !(c > classVec(i - 1))))
                throw ModelStateError(
                    "svm: 'classes' must be increasing class codes below 'class_count'");
            classes.push_back(static_cast<int>(c));
        }
    } else if (classVec.size() != 0) {
        throw ModelStateError("svm: a regression model lists classes");
    }
    const std::string &text = s.text("opencv_model");
    cv::Ptr<cv::ml::SVM> svm;
    try {
        cv::FileStorage fs(text, cv::FileStorage::READ | cv::FileStorage::MEMORY);
        if (!fs.isOpened())
            throw ModelStateError("svm: 'opencv_model' is not a readable OpenCV model");
        const cv::FileNode node = fs[kNode];
        if (node.empty() || !node.isMap())
            throw ModelStateError(
                std::string("svm: 'opencv_model' has no '") + kNode + "' section");
        // OpenCV allocates what the text declares before reading it: every declared value
        // takes at least one character of the text, so a declaration beyond that is refused
        // before anything is allocated.
        const auto declared = [&node](const char *key) {
            const cv::FileNode n = node[key];
            if (n.empty() || n.isNone())
                return 0.0;
            if (!n.isInt()) // OpenCV would read any other node as some size
                throw ModelStateError(
                    std::string("svm: 'opencv_model' has a '") + key + "' that is not a number");
            return static_cast<double>(static_cast<int>(n));
        };
        const double budget = static_cast<double>(text.size());
        const double vars = declared("var_count");
        const double classesDeclared = declared("class_count");
        if (declared("sv_total") < 0 || vars < 0 || declared("uncompressed_sv_total") < 0
            || classesDeclared < 0 || declared("sv_total") * vars > budget
            || declared("uncompressed_sv_total") * vars > budget
            || classesDeclared * (classesDeclared - 1) / 2 > budget)
            throw ModelStateError(
                "svm: 'opencv_model' declares more support vectors or classes than it holds");
        svm = cv::ml::SVM::create();
        svm->read(node);
        if (!svm->isTrained())
            throw ModelStateError("svm: 'opencv_model' holds no trained model");
        if (svm->getVarCount() != features)
            throw ModelStateError("svm: 'opencv_model' has " + std::to_string(svm->getVarCount())
                + " variables, expected " + std::to_string(features));
        if (svm->getType() != (classification ? cv::ml::SVM::C_SVC : cv::ml::SVM::EPS_SVR))
            throw ModelStateError("svm: 'opencv_model' is of another SVM type than 'task' says");
        if (svm->getKernelType()
            != (o.kernel == Options::Kernel::Linear ? cv::ml::SVM::LINEAR : cv::ml::SVM::RBF))
            throw ModelStateError("svm: 'opencv_model' has another kernel than 'kernel' says");
        if (o.kernel == Options::Kernel::Rbf && svm->getGamma() != gamma)
            throw ModelStateError("svm: 'opencv_model' has another gamma than 'resolved_gamma'");
        if (classification) {
            cv::Mat labels;
            node["class_labels"] >> labels;
            if (labels.total() != classes.size())
                throw ModelStateError("svm: 'opencv_model' has " + std::to_string(labels.total())
                    + " classes, 'classes' lists " + std::to_string(classes.size()));
            labels.convertTo(labels, CV_32S);
            for (std::size_t i = 0; i < classes.size(); ++i)
                if (labels.at<int>(static_cast<int>(i)) != classes[i])
                    throw ModelStateError(
                        "svm: the class labels of 'opencv_model' differ from 'classes'");
        }
        const cv::Mat sv = svm->getSupportVectors();
        if (sv.empty() || sv.cols != features || sv.type() != CV_32F)
            throw ModelStateError("svm: 'opencv_model' has no valid support vectors");
        if (!cv::checkRange(sv))
            throw ModelStateError("svm: 'opencv_model' has non-finite support vectors");
        // Every decision function must refer to existing support vectors.
        const int pairs
            = classification ? static_cast<int>(classes.size() * (classes.size() - 1) / 2) : 1;
        for (int i = 0; i < pairs; ++i) {
            cv::Mat alpha, svidx;
            const double rho = svm->getDecisionFunction(i, alpha, svidx);
            if (!std::isfinite(rho) || alpha.total() != svidx.total() || !cv::checkRange(alpha))
                throw ModelStateError("svm: a decision function of 'opencv_model' is invalid");
            for (std::size_t j = 0; j < svidx.total(); ++j) {
                const int v = svidx.at<int>(static_cast<int>(j));
                if (v < 0 || v >= sv.rows)
                    throw ModelStateError(
                        "svm: a decision function refers to a missing support vector");
            }
        }
        // A probe prediction: OpenCV checks the rest of its internal consistency.
        cv::Mat probe = cv::Mat::zeros(1, features, CV_32F), out;
        svm->predict(probe, out);
    } catch (const cv::Exception &e) {
        throw ModelStateError(std::string("svm: 'opencv_model' could not be read: ") + e.what());
    }
    clear();
    m_options = o;
    m_features = features;
    m_classCount = classCount;
    m_gamma = gamma;
    m_classes = std::move(classes);
    m_svm = std::shared_ptr<cv::ml::SVM>(
        svm.get(), [keep = svm](cv::ml::SVM *) mutable { keep.reset(); });
}

} // namespace sextant::engine
