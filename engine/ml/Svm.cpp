#include "ml/Svm.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <opencv2/core.hpp>
#include <opencv2/ml.hpp>
#include <random>
#include <set>
#include <string>
#include <utility>

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

// classWeight: per class code, the factor of C for that class's rows (libsvm's weight_i);
// empty: none.
cv::Ptr<cv::ml::SVM> trainOpenCv(const SvmOptions &o, double gamma,
    const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
    const std::vector<double> &classWeight = {})
{
    const bool classification = o.task == EstimatorTask::Classification;
    cv::Ptr<cv::ml::SVM> svm = cv::ml::SVM::create();
    svm->setType(classification ? cv::ml::SVM::C_SVC : cv::ml::SVM::EPS_SVR);
    svm->setKernel(o.kernel == SvmOptions::Kernel::Linear ? cv::ml::SVM::LINEAR : cv::ml::SVM::RBF);
    svm->setC(o.C);
    if (o.kernel == SvmOptions::Kernel::Rbf)
        svm->setGamma(gamma);
    if (!classification)
        svm->setP(o.epsilon);
    svm->setTermCriteria(cv::TermCriteria(
        cv::TermCriteria::MAX_ITER + cv::TermCriteria::EPS, o.maxIterations, o.tolerance));
    const cv::Mat samples = toFloatMat(X);
    cv::Mat responses;
    if (classification) {
        responses.create(static_cast<int>(y.size()), 1, CV_32S);
        for (int i = 0; i < responses.rows; ++i)
            responses.at<int>(i) = static_cast<int>(y(i));
        if (!classWeight.empty()) {
            // OpenCV takes one weight per class present, in ascending label order.
            std::set<int> labels;
            for (Eigen::Index i = 0; i < y.size(); ++i)
                labels.insert(static_cast<int>(y(i)));
            cv::Mat weights(static_cast<int>(labels.size()), 1, CV_64F);
            int row = 0;
            for (int label : labels)
                weights.at<double>(row++) = classWeight[static_cast<std::size_t>(label)];
            svm->setClassWeights(weights);
        }
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
    return svm;
}

// Decision values of every pairwise machine of `svm` (n x pairs; positive: the pair's
// first class), in double precision: f(x) = sum_k alpha_k K(sv_k, x) - rho, as OpenCV's
// predict sums them.
Eigen::MatrixXd decisionsOf(const cv::ml::SVM &svm, int functions, bool linear, double gamma,
    const Eigen::Ref<const Eigen::MatrixXd> &X)
{
    const cv::Mat sv = svm.getSupportVectors();
    Eigen::MatrixXd S(sv.rows, sv.cols);
    for (int r = 0; r < sv.rows; ++r)
        for (int c = 0; c < sv.cols; ++c)
            S(r, c) = sv.at<float>(r, c);
    std::vector<Eigen::VectorXd> alphas(static_cast<std::size_t>(functions));
    std::vector<std::vector<int>> indices(static_cast<std::size_t>(functions));
    std::vector<double> rhos(static_cast<std::size_t>(functions));
    for (int f = 0; f < functions; ++f) {
        cv::Mat alpha, svidx;
        rhos[std::size_t(f)] = svm.getDecisionFunction(f, alpha, svidx);
        alpha.convertTo(alpha, CV_64F);
        Eigen::VectorXd a(static_cast<Eigen::Index>(alpha.total()));
        for (Eigen::Index k = 0; k < a.size(); ++k)
            a(k) = alpha.at<double>(static_cast<int>(k));
        alphas[std::size_t(f)] = std::move(a);
        std::vector<int> idx(svidx.total());
        for (std::size_t k = 0; k < idx.size(); ++k)
            idx[k] = svidx.at<int>(static_cast<int>(k));
        indices[std::size_t(f)] = std::move(idx);
    }
    const Eigen::Index n = X.rows();
    Eigen::MatrixXd out(n, functions);
    const Eigen::VectorXd svNorms = S.rowwise().squaredNorm();
    constexpr Eigen::Index kBlock = 1024;
    Eigen::MatrixXd K;
    for (Eigen::Index start = 0; start < n; start += kBlock) {
        const Eigen::Index rows = std::min(kBlock, n - start);
        const auto Xb = X.middleRows(start, rows);
        K.noalias() = Xb * S.transpose();
        if (!linear) {
            const Eigen::VectorXd xNorms = Xb.rowwise().squaredNorm();
            for (Eigen::Index c = 0; c < K.cols(); ++c)
                for (Eigen::Index r = 0; r < rows; ++r)
                    K(r, c)
                        = std::exp(-gamma * std::max(0.0, xNorms(r) + svNorms(c) - 2.0 * K(r, c)));
        }
        for (int f = 0; f < functions; ++f) {
            const auto &idx = indices[std::size_t(f)];
            const Eigen::VectorXd &a = alphas[std::size_t(f)];
            for (Eigen::Index r = 0; r < rows; ++r) {
                double sum = -rhos[std::size_t(f)];
                for (std::size_t k = 0; k < idx.size(); ++k)
                    sum += a(Eigen::Index(k)) * K(r, idx[k]);
                out(start + r, f) = sum;
            }
        }
    }
    return out;
}

// Platt's sigmoid P(first class | f) = 1 / (1 + exp(A f + B)) fitted to decision values
// `f` with labels `positive`, by Newton's method with backtracking on the regularised
// targets (Lin, Lin & Weng, "A note on Platt's probabilistic outputs", 2007).
std::pair<double, double> fitSigmoid(
    const std::vector<double> &f, const std::vector<bool> &positive)
{
    const std::size_t n = f.size();
    double prior1 = 0, prior0 = 0;
    for (bool p : positive)
        (p ? prior1 : prior0) += 1;
    const double hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
    std::vector<double> t(n);
    for (std::size_t i = 0; i < n; ++i)
        t[i] = positive[i] ? hi : lo;
    const auto objective = [&](double A, double B) {
        double v = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double z = f[i] * A + B;
            v += z >= 0 ? t[i] * z + std::log1p(std::exp(-z))
                        : (t[i] - 1) * z + std::log1p(std::exp(z));
        }
        return v;
    };
    double A = 0, B = std::log((prior0 + 1) / (prior1 + 1));
    double value = objective(A, B);
    for (int iter = 0; iter < 100; ++iter) {
        double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double z = f[i] * A + B;
            double p, q; // p = 1 / (1 + exp(z)), q = 1 - p
            if (z >= 0) {
                p = std::exp(-z) / (1 + std::exp(-z));
                q = 1 / (1 + std::exp(-z));
            } else {
                p = 1 / (1 + std::exp(z));
                q = std::exp(z) / (1 + std::exp(z));
            }
            const double d2 = p * q;
            h11 += f[i] * f[i] * d2;
            h22 += d2;
            h21 += f[i] * d2;
            const double d1 = t[i] - p;
            g1 += f[i] * d1;
            g2 += d1;
        }
        if (std::abs(g1) < 1e-5 && std::abs(g2) < 1e-5)
            break;
        const double det = h11 * h22 - h21 * h21;
        const double dA = -(h22 * g1 - h21 * g2) / det;
        const double dB = -(-h21 * g1 + h11 * g2) / det;
        const double gd = g1 * dA + g2 * dB;
        double step = 1;
        while (step >= 1e-10) {
            const double nA = A + step * dA, nB = B + step * dB;
            const double nv = objective(nA, nB);
            if (nv < value + 1e-4 * step * gd) {
                A = nA;
                B = nB;
                value = nv;
                break;
            }
            step /= 2;
        }
        if (step < 1e-10)
            break; // the line search found no decrease: keep the best point
    }
    return { A, B };
}

double sigmoid(double f, double A, double B)
{
    const double z = f * A + B;
    return z >= 0 ? std::exp(-z) / (1 + std::exp(-z)) : 1 / (1 + std::exp(z));
}

// Couples pairwise probabilities r(i, j) = P(i | i or j) into one distribution over k
// classes (Wu, Lin & Weng 2004, "Probability estimates for multi-class classification by
// pairwise coupling", method 2: min_p p'Qp subject to sum p = 1, by fixed-point updates).
Eigen::VectorXd couple(const Eigen::MatrixXd &r)
{
    const int k = static_cast<int>(r.rows());
    Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(k, k);
    for (int t = 0; t < k; ++t)
        for (int j = 0; j < k; ++j) {
            if (j == t)
                continue;
            Q(t, t) += r(j, t) * r(j, t);
            Q(t, j) = -r(j, t) * r(t, j);
        }
    Eigen::VectorXd p = Eigen::VectorXd::Constant(k, 1.0 / k);
    Eigen::VectorXd Qp(k);
    const double eps = 0.005 / k;
    const int maxIter = std::max(100, k);
    for (int iter = 0; iter < maxIter; ++iter) {
        Qp = Q * p;
        double pQp = p.dot(Qp);
        if ((Qp.array() - pQp).abs().maxCoeff() < eps)
            break;
        for (int t = 0; t < k; ++t) {
            const double diff = (-Qp(t) + pQp) / Q(t, t);
            p(t) += diff;
            pQp = (pQp + diff * (diff * Q(t, t) + 2 * Qp(t))) / (1 + diff) / (1 + diff);
            Qp = (Qp + diff * Q.col(t)) / (1 + diff);
            p /= (1 + diff);
        }
    }
    return p;
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
    m_probA.resize(0);
    m_probB.resize(0);
    m_classWeight.clear();
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

    if (classification && m_options.classWeight != ClassWeight::None)
        m_classWeight = classWeightsFor(m_options.classWeight, y, *classes.rbegin() + 1);
    const cv::Ptr<cv::ml::SVM> svm = trainOpenCv(m_options, gamma, X, y, m_classWeight);
    if (context.cancelled())
        return false;
    m_svm = std::shared_ptr<cv::ml::SVM>(
        svm.get(), [keep = svm](cv::ml::SVM *) mutable { keep.reset(); });
    m_features = static_cast<int>(X.cols());
    m_gamma = m_options.kernel == Options::Kernel::Rbf ? gamma : 0.0;
    if (classification) {
        m_classes.assign(classes.begin(), classes.end());
        m_classCount = std::max(context.classCount, m_classes.back() + 1);
        if (m_options.probability && !fitProbabilities(X, y, gamma, context)) {
            clear();
            return false;
        }
    }
    return true;
}

bool Svm::fitProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, double gamma, const FitContext &context)
{
    constexpr int kFolds = 5;
    const int k = static_cast<int>(m_classes.size());
    const int pairs = k * (k - 1) / 2;
    Eigen::VectorXd A(pairs), B(pairs);
    std::mt19937_64 rng(m_options.seed);
    SvmOptions binary = m_options;
    binary.probability = false;
    int p = 0;
    for (int a = 0; a < k; ++a)
        for (int b = a + 1; b < k; ++b, ++p) {
            // The pair's rows, shuffled, in kFolds contiguous folds (as libsvm does).
            std::vector<Eigen::Index> rows;
            for (Eigen::Index i = 0; i < y.size(); ++i)
                if (y(i) == m_classes[std::size_t(a)] || y(i) == m_classes[std::size_t(b)])
                    rows.push_back(i);
            std::shuffle(rows.begin(), rows.end(), rng);
            const std::size_t m = rows.size();
            std::vector<double> f(m);
            std::vector<bool> positive(m);
            for (std::size_t i = 0; i < m; ++i)
                positive[i] = y(rows[i]) == m_classes[std::size_t(a)];
            for (int fold = 0; fold < kFolds; ++fold) {
                if (context.cancelled())
                    return false;
                const std::size_t begin = fold * m / kFolds, end = (fold + 1) * m / kFolds;
                if (begin == end)
                    continue;
                std::vector<Eigen::Index> train;
                int pos = 0;
                for (std::size_t i = 0; i < m; ++i)
                    if (i < begin || i >= end) {
                        train.push_back(rows[i]);
                        pos += positive[i] ? 1 : 0;
                    }
                if (pos == 0 || pos == static_cast<int>(train.size())) {
                    // One class left to train on: its side of the boundary, as libsvm does.
                    for (std::size_t i = begin; i < end; ++i)
                        f[i] = pos > 0 ? 1.0 : -1.0;
                    continue;
                }
                Eigen::MatrixXd Xt(static_cast<Eigen::Index>(train.size()), X.cols());
                Eigen::VectorXd yt(Xt.rows());
                for (std::size_t i = 0; i < train.size(); ++i) {
                    Xt.row(Eigen::Index(i)) = X.row(train[i]);
                    yt(Eigen::Index(i)) = y(train[i]);
                }
                const cv::Ptr<cv::ml::SVM> model
                    = trainOpenCv(binary, gamma, Xt, yt, m_classWeight);
                Eigen::MatrixXd Xh(static_cast<Eigen::Index>(end - begin), X.cols());
                for (std::size_t i = begin; i < end; ++i)
                    Xh.row(Eigen::Index(i - begin)) = X.row(rows[i]);
                const Eigen::MatrixXd d = decisionsOf(
                    *model, 1, m_options.kernel == Options::Kernel::Linear, gamma, Xh);
                for (std::size_t i = begin; i < end; ++i)
                    f[i] = d(Eigen::Index(i - begin), 0);
            }
            const auto [pa, pb] = fitSigmoid(f, positive);
            A(p) = pa;
            B(p) = pb;
        }
    m_probA = std::move(A);
    m_probB = std::move(B);
    return true;
}

bool Svm::hasProbabilities() const
{
    if (m_options.task != EstimatorTask::Classification)
        return false;
    return isFitted() ? m_probA.size() > 0 : m_options.probability;
}

Eigen::MatrixXd Svm::decisionValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    if (!X.allFinite())
        throw FitError("SVM: the data holds a missing or non-finite value");
    const int k = static_cast<int>(m_classes.size());
    const int functions = m_options.task == EstimatorTask::Classification ? k * (k - 1) / 2 : 1;
    return decisionsOf(*m_svm, functions, m_options.kernel == Options::Kernel::Linear, m_gamma, X);
}

std::vector<Svm::DecisionFunction> Svm::decisionFunctions() const
{
    std::vector<DecisionFunction> out;
    if (!m_svm)
        return out;
    const int k = static_cast<int>(m_classes.size());
    const int functions = m_options.task == EstimatorTask::Classification ? k * (k - 1) / 2 : 1;
    for (int f = 0; f < functions; ++f) {
        cv::Mat alpha, svidx;
        DecisionFunction d;
        d.rho = m_svm->getDecisionFunction(f, alpha, svidx);
        alpha.convertTo(alpha, CV_64F);
        for (std::size_t j = 0; j < alpha.total(); ++j) {
            d.alphas.push_back(alpha.at<double>(static_cast<int>(j)));
            d.supportVectors.push_back(svidx.at<int>(static_cast<int>(j)));
        }
        out.push_back(std::move(d));
    }
    return out;
}

Eigen::MatrixXd Svm::supportVectors() const
{
    if (!m_svm)
        return {};
    const cv::Mat sv = m_svm->getSupportVectors();
    Eigen::MatrixXd S(sv.rows, sv.cols);
    for (int r = 0; r < sv.rows; ++r)
        for (int c = 0; c < sv.cols; ++c)
            S(r, c) = sv.at<float>(r, c);
    return S;
}

Eigen::MatrixXd Svm::probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd d = decisionValues(X);
    const int k = static_cast<int>(m_classes.size());
    Eigen::MatrixXd P = Eigen::MatrixXd::Zero(X.rows(), m_classCount);
    Eigen::MatrixXd r(k, k);
    constexpr double kClip = 1e-7;
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        r.setZero();
        int p = 0;
        for (int a = 0; a < k; ++a)
            for (int b = a + 1; b < k; ++b, ++p) {
                const double v
                    = std::clamp(sigmoid(d(i, p), m_probA(p), m_probB(p)), kClip, 1 - kClip);
                r(a, b) = v;
                r(b, a) = 1 - v;
            }
        const Eigen::VectorXd q
            = k == 2 ? Eigen::VectorXd(Eigen::Vector2d(r(0, 1), r(1, 0))) : couple(r);
        for (int a = 0; a < k; ++a)
            P(i, m_classes[std::size_t(a)]) = q(a);
    }
    return P;
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
    s.version = 2; // 2: probability, seed and the Platt sigmoids
    s.setNumber("probability", m_options.probability ? 1 : 0);
    s.setNumber("seed", static_cast<double>(m_options.seed));
    s.setNumber("task", m_options.task == EstimatorTask::Regression ? 1 : 0);
    s.setNumber("kernel", m_options.kernel == Options::Kernel::Linear ? 0 : 1);
    s.setNumber("c", m_options.C);
    s.setNumber("gamma", m_options.gamma);
    s.setNumber("epsilon", m_options.epsilon);
    s.setNumber("tolerance", m_options.tolerance);
    s.setNumber("max_iterations", m_options.maxIterations);
    writeClassWeight(s, m_options.classWeight);
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
    if (m_probA.size() > 0) {
        s.setVector("prob_a", m_probA);
        s.setVector("prob_b", m_probB);
    }
    return s;
}

void Svm::restore(const ModelState &s)
{
    s.requireKind(kKind, 2);
    Options o;
    // Version 1 (before probabilities): no sigmoids, so none are predicted.
    o.probability = s.version >= 2 && s.integer("probability", 0, 1) == 1;
    o.seed = s.version >= 2
        ? static_cast<std::uint64_t>(s.integer("seed", 0, std::int64_t(1) << 53))
        : 0;
    o.task
        = s.integer("task", 0, 1) == 1 ? EstimatorTask::Regression : EstimatorTask::Classification;
    o.kernel = s.integer("kernel", 0, 1) == 0 ? Options::Kernel::Linear : Options::Kernel::Rbf;
    o.C = s.number("c", 1e-300, 1e300);
    o.gamma = s.number("gamma", -1e300, 1e300);
    o.epsilon = s.number("epsilon", 0, 1e300);
    o.tolerance = s.number("tolerance", 1e-300, 1e300);
    o.maxIterations = static_cast<int>(s.integer("max_iterations", 1, 2147483647));
    o.classWeight = readClassWeight(s, kKind);
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
        // Every matrix it declares (class weights, decision functions, support vectors)
        // within the same budget: OpenCV allocates rows x cols before reading the data.
        const std::function<void(const cv::FileNode &)> checkMatrices = [&](const cv::FileNode &n) {
            if (n.isMap()) {
                const cv::FileNode rows = n["rows"], cols = n["cols"];
                if (!rows.empty() && !cols.empty()) {
                    if (!rows.isInt() || !cols.isInt()
                        || static_cast<double>(static_cast<int>(rows))
                                * static_cast<double>(static_cast<int>(cols))
                            > budget
                        || static_cast<int>(rows) < 0 || static_cast<int>(cols) < 0)
                        throw ModelStateError("svm: 'opencv_model' declares a matrix "
                                              "larger than the data it holds");
                }
            }
            if (n.isMap() || n.isSeq())
                for (const cv::FileNode &child : n)
                    checkMatrices(child);
        };
        checkMatrices(node);
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
    Eigen::VectorXd probA, probB;
    if (classification && o.probability) {
        const Eigen::Index pairs = Eigen::Index(classes.size() * (classes.size() - 1) / 2);
        probA = s.vector("prob_a", pairs);
        probB = s.vector("prob_b", pairs);
        if (!probA.allFinite() || !probB.allFinite())
            throw ModelStateError("svm: 'prob_a' and 'prob_b' must be finite");
    }
    clear();
    m_options = o;
    m_probA = std::move(probA);
    m_probB = std::move(probB);
    m_features = features;
    m_classCount = classCount;
    m_gamma = gamma;
    m_classes = std::move(classes);
    m_svm = std::shared_ptr<cv::ml::SVM>(
        svm.get(), [keep = svm](cv::ml::SVM *) mutable { keep.reset(); });
}

} // namespace sextant::engine
