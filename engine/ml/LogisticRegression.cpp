#include "ml/LogisticRegression.h"

#include "core/Parallel.h"
#include "ml/Lbfgs.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace sextant::engine {

namespace {

const char *const kKind = "logistic_regression";

// Rows per block: fixed by the data shape only (never by the thread count), so the
// per-block partial sums, added in block order, do not depend on the threads used.
Eigen::Index blockRowsFor(Eigen::Index d)
{
    return std::clamp<Eigen::Index>(131072 / std::max<Eigen::Index>(1, d), 256, 8192);
}

inline double sigmoid(double z)
{
    if (z >= 0)
        return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
}

void validateInput(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context, int &classCount)
{
    if (X.rows() == 0 || X.cols() == 0)
        throw FitError("Logistic regression needs at least one row and one feature column.");
    if (y.size() != X.rows())
        throw FitError("Logistic regression: the target has " + std::to_string(y.size())
            + " values but the data has " + std::to_string(X.rows()) + " rows.");
    if (!X.allFinite())
        throw FitError("Logistic regression: the data holds missing or infinite values; "
                       "impute or drop them first.");
    double maxLabel = -1;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        const double v = y(i);
        if (!std::isfinite(v) || v < 0 || v != std::floor(v) || v > 1e6)
            throw FitError("Logistic regression: the target must hold class indices "
                           "0, 1, 2, ... (row "
                + std::to_string(i + 1) + " does not).");
        maxLabel = std::max(maxLabel, v);
    }
    classCount = context.classCount > 0 ? context.classCount : static_cast<int>(maxLabel) + 1;
    if (maxLabel >= classCount)
        throw FitError("Logistic regression: a target label is beyond the "
            + std::to_string(classCount) + " classes given.");
    std::vector<char> seen(static_cast<std::size_t>(classCount), 0);
    int present = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        char &s = seen[static_cast<std::size_t>(y(i))];
        if (!s) {
            s = 1;
            ++present;
        }
    }
    if (present < 2)
        throw FitError("Logistic regression needs at least two classes in the target; "
                       "this data has only one.");
}

} // namespace

LogisticRegression::LogisticRegression(LogisticRegressionOptions options) : m_options(options)
{
}

void LogisticRegression::clear()
{
    m_coefficients.resize(0, 0);
    m_intercepts.resize(0);
    m_featureStd.resize(0);
    m_classCount = 0;
    m_iterations = 0;
}

bool LogisticRegression::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    if (!(m_options.C > 0) || !std::isfinite(m_options.C))
        throw FitError("Logistic regression: C must be a positive number.");
    if (m_options.maxIterations < 1)
        throw FitError("Logistic regression: the maximum number of iterations must be at least 1.");
    if (!(m_options.tolerance >= 0))
        throw FitError("Logistic regression: the tolerance must not be negative.");
    int K = 0;
    validateInput(X, y, context, K);
    clear();
    if (context.cancelled())
        return false;

    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    const bool binary = K == 2;
    const Eigen::Index R = binary ? 1 : K; // rows of W
    const bool intercept = m_options.fitIntercept;
    const double invC = 1.0 / m_options.C;
    const int threads = context.threadCount();
    const Eigen::Index blockRows = blockRowsFor(d);
    const Eigen::Index blocks = (n + blockRows - 1) / blockRows;

    // Per-row class weights (empty: every row counts 1).
    const Eigen::VectorXd sw = m_options.classWeight == ClassWeight::None
        ? Eigen::VectorXd()
        : rowClassWeights(m_options.classWeight, y, K);
    const bool weighted = sw.size() > 0;

    // Centre and scale used by the change of variables (see the header).
    Eigen::VectorXd mu = Eigen::VectorXd::Zero(d);
    Eigen::VectorXd scale = Eigen::VectorXd::Ones(d);
    Eigen::VectorXd sd(d);
    {
        const double invN = 1.0 / static_cast<double>(n);
        for (Eigen::Index j = 0; j < d; ++j) {
            const auto col = X.col(j);
            const double mean = col.sum() * invN;
            sd(j) = std::sqrt((col.array() - mean).square().sum() * invN);
            const double m = intercept ? mean : 0.0;
            const double ss = (col.array() - m).square().sum() * invN;
            mu(j) = m;
            // Balances the data term's curvature (~ n s_j^2 / 4) against the penalty's
            // (1 / C): sqrt(s_j^2 + 4 / (C n)); > 0 even for a constant column.
            scale(j) = std::sqrt(ss + 4.0 * invN / m_options.C);
        }
    }
    if (context.cancelled())
        return false;

    // Parameters: V (d x R, column-major) then c (R entries, when fitting intercepts).
    const Eigen::Index P = d * R + (intercept ? R : 0);
    const Eigen::Index G = (d + 1) * R; // per-block partial: Gw (d x R) then gb (R)
    Eigen::MatrixXd partialGrad(G, blocks);
    std::vector<double> partialLoss(static_cast<std::size_t>(blocks));
    std::vector<double> partialCorrect(static_cast<std::size_t>(blocks));
    struct Scratch {
        Eigen::VectorXd z, r, e, inv;
        Eigen::MatrixXd Z;
    };
    std::vector<Scratch> scratch(static_cast<std::size_t>(std::max(1, threads)));
    Eigen::MatrixXd W(d, R);
    Eigen::VectorXd b(R);
    std::atomic<bool> stopBlocks { false };

    Eigen::VectorXd lastEvalParams(P);
    double lastEvalCorrect = 0;

    const auto toOriginal = [&](const Eigen::VectorXd &p) {
        W = Eigen::Map<const Eigen::MatrixXd>(p.data(), d, R).array().colwise() / scale.array();
        if (intercept)
            b = p.segment(d * R, R) - W.transpose() * mu;
        else
            b.setZero();
    };

    const auto objective = [&](const Eigen::VectorXd &p, Eigen::VectorXd &grad) -> double {
        toOriginal(p);
        parallelChunks(
            0, blocks, threads, 1, [&](int chunk, std::int64_t firstBlock, std::int64_t endBlock) {
                Scratch &sc = scratch[static_cast<std::size_t>(chunk)];
                for (std::int64_t blk = firstBlock; blk < endBlock; ++blk) {
                    if (stopBlocks.load(std::memory_order_relaxed) || context.cancelled()) {
                        stopBlocks.store(true, std::memory_order_relaxed);
                        return;
                    }
                    const Eigen::Index r0 = blk * blockRows;
                    const Eigen::Index m = std::min(blockRows, n - r0);
                    const auto Xb = X.middleRows(r0, m);
                    const auto yb = y.segment(r0, m);
                    auto gpart = partialGrad.col(blk);
                    double loss = 0, correct = 0;
                    if (binary) {
                        sc.z.resize(m);
                        sc.r.resize(m);
                        sc.e.resize(m);
                        sc.inv.resize(m);
                        sc.z.noalias() = Xb * W.col(0);
                        // Vectorised (Eigen's packet exp/log): e = exp(-|z|), inv = 1/(1+e),
                        // log(1 + exp(z)) = max(z, 0) - log(inv), sigmoid(z) = inv or e * inv.
                        auto z = sc.z.array();
                        auto e = sc.e.array();
                        auto inv = sc.inv.array();
                        const auto t = yb.array();
                        z += b(0);
                        e = (-z.abs()).exp();
                        inv = (1.0 + e).inverse();
                        sc.r.array() = (z >= 0.0).select(inv, e * inv) - t;
                        if (weighted) {
                            const auto wb = sw.segment(r0, m).array();
                            loss = (wb * (z.max(0.0) - inv.log() - t * z)).sum();
                            sc.r.array() *= wb;
                        } else {
                            loss = (z.max(0.0) - inv.log() - t * z).sum();
                        }
                        correct = static_cast<double>(((z > 0.0) == (t > 0.5)).count());
                        gpart.head(d).noalias() = Xb.transpose() * sc.r;
                        gpart(d) = sc.r.sum();
                    } else {
                        sc.Z.resize(m, R);
                        sc.Z.noalias() = Xb * W;
                        sc.Z.rowwise() += b.transpose();
                        // Row maxima (and argmax for the accuracy) and z_t, then the
                        // exponentials column by column (contiguous, vectorised).
                        sc.z.resize(m); // row maxima
                        sc.e.resize(m); // row sums of exp(z - max)
                        double zTarget = 0;
                        for (Eigen::Index i = 0; i < m; ++i) {
                            const Eigen::Index t = static_cast<Eigen::Index>(yb(i));
                            double mx = sc.Z(i, 0);
                            Eigen::Index arg = 0;
                            for (Eigen::Index k = 1; k < R; ++k)
                                if (sc.Z(i, k) > mx) {
                                    mx = sc.Z(i, k);
                                    arg = k;
                                }
                            sc.z(i) = mx;
                            zTarget += weighted ? sw(r0 + i) * sc.Z(i, t) : sc.Z(i, t);
                            correct += arg == t ? 1.0 : 0.0;
                        }
                        sc.Z.array().colwise() -= sc.z.array();
                        sc.Z.array() = sc.Z.array().exp();
                        sc.e = sc.Z.rowwise().sum();
                        // sum_i w_i (log-sum-exp_i - z_{i,t})
                        if (weighted)
                            loss = (sw.segment(r0, m).array() * (sc.z.array() + sc.e.array().log()))
                                       .sum()
                                - zTarget;
                        else
                            loss = (sc.z.array() + sc.e.array().log()).sum() - zTarget;
                        sc.Z.array().colwise() /= sc.e.array();
                        for (Eigen::Index i = 0; i < m; ++i)
                            sc.Z(i, static_cast<Eigen::Index>(yb(i))) -= 1.0;
                        if (weighted)
                            sc.Z.array().colwise() *= sw.segment(r0, m).array();
                        Eigen::Map<Eigen::MatrixXd>(gpart.data(), d, R).noalias()
                            = Xb.transpose() * sc.Z;
                        gpart.tail(R) = sc.Z.colwise().sum().transpose();
                    }
                    partialLoss[static_cast<std::size_t>(blk)] = loss;
                    partialCorrect[static_cast<std::size_t>(blk)] = correct;
                }
            });
        if (stopBlocks.load(std::memory_order_relaxed))
            return std::numeric_limits<double>::quiet_NaN();
        double loss = 0, correct = 0;
        Eigen::VectorXd total = Eigen::VectorXd::Zero(G);
        for (Eigen::Index blk = 0; blk < blocks; ++blk) {
            loss += partialLoss[static_cast<std::size_t>(blk)];
            correct += partialCorrect[static_cast<std::size_t>(blk)];
            total += partialGrad.col(blk);
        }
        // Gradient with respect to W and b, penalty included.
        Eigen::Map<Eigen::MatrixXd> Gw(total.data(), d, R);
        const Eigen::VectorXd gb = total.tail(R);
        Gw += invC * W;
        // Chain rule to (V, c): dV = (Gw - mu gb^T) / s, dc = gb.
        Eigen::Map<Eigen::MatrixXd> gV(grad.data(), d, R);
        if (intercept) {
            gV = ((Gw - mu * gb.transpose()).array().colwise() / scale.array()).matrix();
            grad.segment(d * R, R) = gb;
        } else {
            gV = (Gw.array().colwise() / scale.array()).matrix();
        }
        lastEvalParams = p;
        lastEvalCorrect = correct;
        return loss + 0.5 * invC * W.squaredNorm();
    };

    LbfgsOptions lo;
    lo.maxIterations = m_options.maxIterations;
    lo.gradientTolerance = m_options.tolerance;
    // scipy's relative-decrease test at scikit-learn's default tol (1e-4), tightened in
    // proportion for smaller tolerances so that those are actually reached.
    lo.relativeDecreaseTolerance
        = 2.220446049250313e-09 * std::min(1.0, m_options.tolerance / 1e-4);
    const Lbfgs lbfgs(lo);
    Eigen::VectorXd params = Eigen::VectorXd::Zero(P);
    const double invN = 1.0 / static_cast<double>(n);
    const auto onIteration
        = [&](int iteration, const Eigen::VectorXd &p, double value, const Eigen::VectorXd &) {
              EpochReport r;
              r.epoch = iteration;
              r.totalEpochs = m_options.maxIterations;
              r.unit = "iteration";
              toOriginal(p);
              r.trainLoss = (value - 0.5 * invC * W.squaredNorm()) * invN;
              const bool same = lastEvalParams.size() == p.size()
                  && std::memcmp(lastEvalParams.data(), p.data(),
                         static_cast<std::size_t>(p.size()) * sizeof(double))
                      == 0;
              if (same) {
                  r.metric = lastEvalCorrect * invN;
                  r.metricName = "accuracy";
              }
              return context.report(r);
          };
    const LbfgsResult result
        = lbfgs.minimize(objective, params, onIteration, [&] { return context.cancelled(); });
    if (context.cancelled() || result.status == LbfgsResult::Status::Aborted
        || !params.allFinite()) {
        context.ended(FitEnd::Cancelled, result.iterations);
        return false;
    }
    context.ended(result.status == LbfgsResult::Status::Stopped   ? FitEnd::Stopped
            : result.status == LbfgsResult::Status::MaxIterations ? FitEnd::Completed
                                                                  : FitEnd::Converged,
        result.iterations);

    toOriginal(params);
    m_coefficients = W.transpose();
    m_intercepts = b;
    m_featureStd = sd;
    m_classCount = K;
    m_iterations = result.iterations;
    return true;
}

FeatureImportances LogisticRegression::featureImportances() const
{
    FeatureImportances out;
    if (!isFitted() || m_featureStd.size() != m_coefficients.cols())
        return out;
    out.measure = "standardized coefficient";
    out.values = (m_coefficients.array().rowwise() * m_featureStd.transpose().array())
                     .matrix()
                     .transpose();
    if (m_classCount == 2) {
        out.columns = { "coefficient" };
    } else {
        out.perClass = true;
        for (int k = 0; k < m_classCount; ++k)
            out.columns.push_back(std::to_string(k));
    }
    return out;
}

Eigen::MatrixXd LogisticRegression::decisionFunction(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    Eigen::MatrixXd Z(X.rows(), m_coefficients.rows());
    Z.noalias() = X * m_coefficients.transpose();
    Z.rowwise() += m_intercepts.transpose();
    return Z;
}

Eigen::MatrixXd LogisticRegression::probabilitiesFitted(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd Z = decisionFunction(X);
    Eigen::MatrixXd P(X.rows(), m_classCount);
    if (m_classCount == 2) {
        for (Eigen::Index i = 0; i < Z.rows(); ++i) {
            const double p1 = sigmoid(Z(i, 0));
            P(i, 0) = 1.0 - p1;
            P(i, 1) = p1;
        }
        return P;
    }
    for (Eigen::Index i = 0; i < Z.rows(); ++i) {
        const double mx = Z.row(i).maxCoeff();
        double sum = 0;
        for (Eigen::Index k = 0; k < Z.cols(); ++k) {
            P(i, k) = std::exp(Z(i, k) - mx);
            sum += P(i, k);
        }
        P.row(i) /= sum;
    }
    return P;
}

Eigen::VectorXd LogisticRegression::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd Z = decisionFunction(X);
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < Z.rows(); ++i) {
        if (m_classCount == 2) {
            out(i) = Z(i, 0) > 0 ? 1.0 : 0.0;
        } else {
            Eigen::Index arg = 0;
            Z.row(i).maxCoeff(&arg);
            out(i) = static_cast<double>(arg);
        }
    }
    return out;
}

ModelState LogisticRegression::state() const
{
    ModelState s;
    s.kind = kKind;
    s.version = 1;
    s.setNumber("C", m_options.C);
    s.setNumber("fit_intercept", m_options.fitIntercept ? 1.0 : 0.0);
    s.setNumber("max_iter", m_options.maxIterations);
    s.setNumber("tol", m_options.tolerance);
    writeClassWeight(s, m_options.classWeight);
    s.setNumber("fitted", isFitted() ? 1.0 : 0.0);
    if (isFitted()) {
        s.setNumber("classes", m_classCount);
        s.setNumber("features", static_cast<double>(m_coefficients.cols()));
        s.setNumber("n_iter", m_iterations);
        s.setMatrix("coef", m_coefficients);
        s.setVector("intercept", m_intercepts);
        if (m_featureStd.size() > 0)
            s.setVector("feature_std", m_featureStd);
    }
    return s;
}

void LogisticRegression::restore(const ModelState &s)
{
    s.requireKind(kKind, 1);
    LogisticRegressionOptions o;
    o.C = s.number("C", std::numeric_limits<double>::min(), std::numeric_limits<double>::max());
    o.fitIntercept = s.integer("fit_intercept", 0, 1) != 0;
    o.maxIterations = static_cast<int>(s.integer("max_iter", 1, 100000000));
    o.tolerance = s.number("tol", 0.0, std::numeric_limits<double>::max());
    o.classWeight = readClassWeight(s, kKind);
    const bool fitted = s.integer("fitted", 0, 1) != 0;
    if (!fitted) {
        m_options = o;
        clear();
        return;
    }
    const int K = static_cast<int>(s.integer("classes", 2, 1000000));
    const std::int64_t d = s.integer("features", 1, std::int64_t(1) << 31);
    const int iterations = static_cast<int>(s.integer("n_iter", 0, o.maxIterations));
    const std::int64_t rows = K == 2 ? 1 : K;
    Eigen::MatrixXd coef = s.matrix("coef", rows, d);
    Eigen::VectorXd intercept = s.vector("intercept", rows);
    if (!coef.allFinite() || !intercept.allFinite())
        throw ModelStateError(
            std::string(kKind) + ": 'coef' or 'intercept' holds a non-finite value");
    if (!o.fitIntercept && !intercept.isZero(0))
        throw ModelStateError(std::string(kKind) + ": 'intercept' must be 0 without fit_intercept");
    Eigen::VectorXd featureStd;
    if (s.has("feature_std")) {
        featureStd = s.vector("feature_std", d);
        if (!featureStd.allFinite() || (featureStd.array() < 0).any())
            throw ModelStateError(std::string(kKind) + ": 'feature_std' holds an invalid value");
    }
    m_options = o;
    m_coefficients = std::move(coef);
    m_intercepts = std::move(intercept);
    m_featureStd = std::move(featureStd);
    m_classCount = K;
    m_iterations = iterations;
}

std::unique_ptr<Estimator> LogisticRegression::cloneUnfitted() const
{
    return std::make_unique<LogisticRegression>(m_options);
}

} // namespace sextant::engine
