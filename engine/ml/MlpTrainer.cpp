#include "ml/MlpTrainer.h"

#include "core/Parallel.h"
#include "ml/MlpKernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace sextant::engine {

using mlpnet::forwardRows;
using mlpnet::kPredictRows;
using mlpnet::Layout;

namespace {

// Rows per gradient chunk: a mini-batch is cut into chunks of this many rows, each chunk's
// gradient is computed on its own (possibly on another thread) and the chunk gradients are
// summed in chunk order, so the result does not depend on the number of threads.
constexpr int kChunkRows = 128;

std::uint64_t nextIndex(std::mt19937_64 &rng, std::uint64_t bound)
{
    return rng() % bound;
}

template<typename T> void shuffleSeeded(std::vector<T> &v, std::mt19937_64 &rng)
{
    for (std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[static_cast<std::size_t>(nextIndex(rng, i))]);
}

} // namespace

MlpTrainer::MlpTrainer(const MlpOptions &options, const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
    : m_o(options), m_X(X), m_y(y), m_context(context)
{
    m_classification = m_o.task == EstimatorTask::Classification;
    m_n = X.rows();
    m_d = X.cols();
    if (m_n < 1 || m_d < 1)
        throw FitError("MLP: the data has no rows or no feature columns");
    if (y.size() != m_n) {
        std::ostringstream s;
        s << "MLP: the features have " << m_n << " rows but the target has " << y.size()
          << " values";
        throw FitError(s.str());
    }
    if (m_n > std::numeric_limits<int>::max() / 2)
        throw FitError("MLP: too many rows");
    if (!X.allFinite())
        throw FitError("MLP: the features hold a missing or non-finite value; impute or drop "
                       "those cells first");
    if (!y.allFinite())
        throw FitError("MLP: the target holds a missing or non-finite value");
    if (m_classification)
        checkLabels();
}

void MlpTrainer::checkLabels()
{
    double maxLabel = 0;
    for (Eigen::Index i = 0; i < m_n; ++i) {
        const double v = m_y(i);
        if (v < 0 || v != std::floor(v) || v > 1e6)
            throw FitError("MLP: classification targets must be class indices 0, 1, 2, ...");
        maxLabel = std::max(maxLabel, v);
    }
    m_classes = m_context.classCount > 0 ? m_context.classCount : static_cast<int>(maxLabel) + 1;
    if (maxLabel >= m_classes)
        throw FitError("MLP: a class index is larger than the number of classes");
    m_labels.resize(static_cast<std::size_t>(m_n));
    std::vector<char> seen(static_cast<std::size_t>(m_classes), 0);
    int distinct = 0;
    for (Eigen::Index i = 0; i < m_n; ++i) {
        m_labels[static_cast<std::size_t>(i)] = static_cast<int>(m_y(i));
        if (!seen[static_cast<std::size_t>(m_labels[static_cast<std::size_t>(i)])]++)
            ++distinct;
    }
    if (m_classes < 2 || distinct < 2)
        throw FitError("MLP: classification needs at least two different classes in the "
                       "training rows");
}

void MlpTrainer::splitRows()
{
    const MlpOptions &o = m_o;
    const Eigen::Index n = m_n;
    // Early stopping holds rows out only when enough of them would be held out to judge
    // by (minValidationRows); otherwise the training loss decides, as without it.
    m_early = o.earlyStopping
        && (o.minValidationRows <= 0
            || o.validationFraction * static_cast<double>(n) >= o.minValidationRows);
    if (m_early) {
        if (m_classification) {
            std::vector<std::vector<int>> byClass(static_cast<std::size_t>(m_classes));
            for (int i = 0; i < static_cast<int>(n); ++i)
                byClass[static_cast<std::size_t>(m_labels[static_cast<std::size_t>(i)])].push_back(
                    i);
            for (auto &rowsOfClass : byClass) {
                shuffleSeeded(rowsOfClass, m_rng);
                const auto take = static_cast<std::size_t>(
                    std::llround(o.validationFraction * static_cast<double>(rowsOfClass.size())));
                m_valRows.insert(m_valRows.end(), rowsOfClass.begin(),
                    rowsOfClass.begin() + static_cast<std::ptrdiff_t>(take));
                m_trainRows.insert(m_trainRows.end(),
                    rowsOfClass.begin() + static_cast<std::ptrdiff_t>(take), rowsOfClass.end());
            }
        } else {
            std::vector<int> all(static_cast<std::size_t>(n));
            for (int i = 0; i < static_cast<int>(n); ++i)
                all[static_cast<std::size_t>(i)] = i;
            shuffleSeeded(all, m_rng);
            const auto take = static_cast<std::size_t>(
                std::ceil(o.validationFraction * static_cast<double>(n)));
            m_valRows.assign(all.begin(),
                all.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(take, all.size())));
            m_trainRows.assign(
                all.begin() + static_cast<std::ptrdiff_t>(m_valRows.size()), all.end());
        }
        std::sort(m_valRows.begin(), m_valRows.end());
        std::sort(m_trainRows.begin(), m_trainRows.end());
        if (m_valRows.empty() || m_trainRows.empty())
            throw FitError("MLP: too few rows to hold out a validation set for early stopping");
    } else {
        m_trainRows.resize(static_cast<std::size_t>(n));
        for (int i = 0; i < static_cast<int>(n); ++i)
            m_trainRows[static_cast<std::size_t>(i)] = i;
    }
    m_nTrain = static_cast<int>(m_trainRows.size());
    m_nVal = static_cast<int>(m_valRows.size());
}

void MlpTrainer::initialise()
{
    const MlpOptions &o = m_o;
    m_units = { static_cast<int>(m_d) };
    m_units.insert(m_units.end(), o.hiddenLayers.begin(), o.hiddenLayers.end());
    m_units.push_back(m_classification ? m_classes : 1);
    m_layout = Layout(m_units);
    const std::vector<int> &units = m_units;
    const int L = m_layout.layers();
    {
        double paramCount = 0;
        for (int l = 0; l < L; ++l)
            paramCount += (double(units[l]) + 1) * double(units[l + 1]);
        if (paramCount > 2e8)
            throw FitError("MLP: the network is too large (more than 200 million weights)");
    }
    m_params.assign(m_layout.total, 0.0f);
    const auto uniform = [this](float *v, std::size_t count, double bound) {
        for (std::size_t i = 0; i < count; ++i) {
            const double u = static_cast<double>(m_rng() >> 11) * 0x1.0p-53; // [0, 1)
            v[i] = static_cast<float>((2.0 * u - 1.0) * bound);
        }
    };
    for (int l = 0; l < L; ++l) {
        const int nin = units[l], nout = units[l + 1];
        const bool hidden = l + 1 < L;
        bool he = false;
        double factor = 6.0;
        switch (o.init) {
        case MlpOptions::Init::Auto:
            if (o.activation == MlpOptions::Activation::Sigmoid)
                factor = 2.0;
            break;
        case MlpOptions::Init::Glorot:
            break;
        case MlpOptions::Init::He:
            he = true;
            break;
        case MlpOptions::Init::HeHidden:
            he = hidden && o.activation == MlpOptions::Activation::Relu;
            break;
        }
        const double bound = he ? std::sqrt(6.0 / nin) : std::sqrt(factor / (nin + nout));
        uniform(m_params.data() + m_layout.wOffset[l], static_cast<std::size_t>(nin) * nout, bound);
        if (o.biasInit == MlpOptions::BiasInit::Uniform)
            uniform(m_params.data() + m_layout.bOffset[l], static_cast<std::size_t>(nout), bound);
    }

    m_Xf = m_X.cast<float>();
    if (!m_classification) {
        m_targets.resize(static_cast<std::size_t>(m_n));
        for (Eigen::Index i = 0; i < m_n; ++i)
            m_targets[static_cast<std::size_t>(i)] = static_cast<float>(m_y(i));
    }
    m_Xval.resize(m_nVal, m_d);
    for (int i = 0; i < m_nVal; ++i)
        m_Xval.row(i) = m_Xf.row(m_valRows[static_cast<std::size_t>(i)]);

    m_trainSst = 0;
    if (!m_classification) {
        double mean = 0;
        for (int r : m_trainRows)
            mean += m_targets[static_cast<std::size_t>(r)];
        mean /= m_nTrain;
        for (int r : m_trainRows) {
            const double e = m_targets[static_cast<std::size_t>(r)] - mean;
            m_trainSst += e * e;
        }
    }

    // Optimiser state and scratch.
    m_batch = std::min(o.batchSize, m_nTrain);
    const int maxChunks = (m_batch + kChunkRows - 1) / kChunkRows;
    m_work.assign(static_cast<std::size_t>(maxChunks), ChunkWork {});
    for (ChunkWork &w : m_work)
        w.grad.assign(m_layout.total, 0.0f);
    m_grad.assign(m_layout.total, 0.0f);
    m_moment1.assign(m_layout.total, 0.0f);
    m_moment2.assign(m_layout.total, 0.0f);
    m_wRow.assign(static_cast<std::size_t>(L), RowMatrixF());
    refreshRowWeights();
    m_order = m_trainRows;
    m_threads = std::max(1, m_context.threadCount());
}

void MlpTrainer::refreshRowWeights()
{
    for (int l = 1; l < m_layout.layers(); ++l)
        m_wRow[static_cast<std::size_t>(l)] = Eigen::Map<const RowMatrixF>(
            m_params.data() + m_layout.wOffset[l], m_units[l], m_units[l + 1])
                                                  .transpose();
}

void MlpTrainer::runChunk(ChunkWork &w, const int *rowIds, int rows, int batchRows)
{
    const Eigen::Index d = m_d;
    const std::vector<int> &units = m_units;
    const int L = m_layout.layers();
    w.x.resize(rows, d);
    for (int r = 0; r < rows; ++r)
        std::copy(m_Xf.data() + static_cast<std::ptrdiff_t>(rowIds[r]) * d,
            m_Xf.data() + static_cast<std::ptrdiff_t>(rowIds[r] + 1) * d,
            w.x.data() + static_cast<std::ptrdiff_t>(r) * d);
    forwardRows(m_layout, m_params.data(), m_o.activation, m_classification, w.x.data(), rows,
        w.outs, m_classification ? &w.logProb : nullptr);
    // Output delta: dLoss/dz of the mean loss over the batch.
    const int nout = units[L];
    const float scale = 1.0f / static_cast<float>(batchRows);
    const RowMatrixF &out = w.outs.back();
    w.delta.resize(rows, nout);
    w.loss = 0;
    w.metric = 0;
    if (m_classification) {
        for (int r = 0; r < rows; ++r) {
            const int label = m_labels[static_cast<std::size_t>(rowIds[r])];
            const float *pr = out.data() + static_cast<std::ptrdiff_t>(r) * nout;
            float *dr = w.delta.data() + static_cast<std::ptrdiff_t>(r) * nout;
            int arg = 0;
            for (int j = 0; j < nout; ++j) {
                dr[j] = pr[j] * scale;
                if (pr[j] > pr[arg])
                    arg = j;
            }
            dr[label] -= scale;
            w.loss -= w.logProb(r, label);
            w.metric += arg == label ? 1.0 : 0.0;
        }
    } else {
        for (int r = 0; r < rows; ++r) {
            const float diff = out(r, 0) - m_targets[static_cast<std::size_t>(rowIds[r])];
            w.delta(r, 0) = diff * scale;
            w.loss += 0.5 * double(diff) * diff;
            w.metric += double(diff) * diff;
        }
    }
    // Backward.
    for (int l = L - 1; l >= 0; --l) {
        const int nin = units[l], nl = units[l + 1];
        const float *in = l == 0 ? w.x.data() : w.outs[static_cast<std::size_t>(l - 1)].data();
        // dW^T (nin x nl) = in^T (nin x rows) * delta (rows x nl)
        mlpkernels::gemm(
            nin, nl, rows, in, 1, nin, w.delta.data(), nl, w.grad.data() + m_layout.wOffset[l], nl);
        Eigen::Map<Eigen::RowVectorXf> gb(w.grad.data() + m_layout.bOffset[l], nl);
        gb = w.delta.row(0);
        for (int r = 1; r < rows; ++r)
            gb += w.delta.row(r);
        if (l > 0) {
            w.deltaPrev.resize(rows, nin);
            // deltaPrev (rows x nin) = delta (rows x nl) * W (nl x nin)
            mlpkernels::gemm(rows, nin, nl, w.delta.data(), nl, 1,
                m_wRow[static_cast<std::size_t>(l)].data(), nin, w.deltaPrev.data(), nin);
            mlpnet::multiplyDerivative(
                w.deltaPrev.data(), in, static_cast<std::size_t>(rows) * nin, m_o.activation);
            std::swap(w.delta, w.deltaPrev);
        }
    }
}

MlpTrainer::Evaluation MlpTrainer::evaluate(
    const float *xs, int rows, const std::vector<int> &rowIds)
{
    Evaluation e;
    std::vector<RowMatrixF> outs;
    RowMatrixF logProb;
    double loss = 0, metric = 0, sum = 0, sumSq = 0;
    for (int start = 0; start < rows; start += kPredictRows) {
        const int m = std::min(kPredictRows, rows - start);
        forwardRows(m_layout, m_params.data(), m_o.activation, m_classification,
            xs + static_cast<std::ptrdiff_t>(start) * m_d, m, outs,
            m_classification ? &logProb : nullptr);
        const RowMatrixF &out = outs.back();
        for (int r = 0; r < m; ++r) {
            const int id = rowIds[static_cast<std::size_t>(start + r)];
            if (m_classification) {
                const int label = m_labels[static_cast<std::size_t>(id)];
                Eigen::Index arg = 0;
                out.row(r).maxCoeff(&arg);
                loss -= logProb(r, label);
                metric += arg == label ? 1.0 : 0.0;
            } else {
                const double t = m_targets[static_cast<std::size_t>(id)];
                const double diff = double(out(r, 0)) - t;
                loss += 0.5 * diff * diff;
                metric += diff * diff;
                sum += t;
                sumSq += t * t;
            }
        }
    }
    e.loss = loss / rows;
    if (m_classification) {
        e.metric = metric / rows;
    } else {
        const double sst = sumSq - sum * sum / rows;
        e.metric = sst > 0 ? 1.0 - metric / sst : std::numeric_limits<double>::quiet_NaN();
    }
    return e;
}

void MlpTrainer::trainBatch(int start, int bt, double &lossSum, double &metricSum)
{
    const MlpOptions &o = m_o;
    const auto total = static_cast<Eigen::Index>(m_layout.total);
    const int chunks = (bt + kChunkRows - 1) / kChunkRows;
    const int *ids = m_order.data() + start;
    const auto doChunks = [&](int, std::int64_t c0, std::int64_t c1) {
        for (std::int64_t c = c0; c < c1; ++c) {
            const int off = static_cast<int>(c) * kChunkRows;
            runChunk(
                m_work[static_cast<std::size_t>(c)], ids + off, std::min(kChunkRows, bt - off), bt);
        }
    };
    if (chunks > 1 && m_threads > 1)
        parallelChunks(0, chunks, m_threads, 1, doChunks);
    else
        doChunks(0, 0, chunks);
    // Sum the chunk gradients in chunk order.
    std::copy(m_work[0].grad.begin(), m_work[0].grad.end(), m_grad.begin());
    lossSum += m_work[0].loss;
    metricSum += m_work[0].metric;
    for (int c = 1; c < chunks; ++c) {
        const ChunkWork &w = m_work[static_cast<std::size_t>(c)];
        Eigen::Map<Eigen::ArrayXf>(m_grad.data(), total)
            += Eigen::Map<const Eigen::ArrayXf>(w.grad.data(), total);
        lossSum += w.loss;
        metricSum += w.metric;
    }
    if (o.alpha > 0) {
        const float a = static_cast<float>(o.alpha / bt);
        for (int l = 0; l < m_layout.layers(); ++l) {
            const std::size_t off = m_layout.wOffset[l];
            const std::size_t cnt = static_cast<std::size_t>(m_units[l]) * m_units[l + 1];
            for (std::size_t i = off; i < off + cnt; ++i)
                m_grad[i] += a * m_params[i];
        }
    }
    updateParameters();
    refreshRowWeights();
}

void MlpTrainer::updateParameters()
{
    const MlpOptions &o = m_o;
    const auto total = static_cast<Eigen::Index>(m_layout.total);
    ++m_step;
    if (o.solver == MlpOptions::Solver::Adam) {
        const float b1 = static_cast<float>(o.beta1), b2 = static_cast<float>(o.beta2);
        const float eps = static_cast<float>(o.epsilon);
        const double bc1 = 1.0 - std::pow(o.beta1, static_cast<double>(m_step));
        const double bc2 = 1.0 - std::pow(o.beta2, static_cast<double>(m_step));
        const float stepSize = static_cast<float>(o.learningRate / bc1);
        const float invSqrtBc2 = static_cast<float>(1.0 / std::sqrt(bc2));
        // Whole-array expressions (vectorised); each element sees the same operations in
        // the same order as the scalar formula.
        auto m1 = Eigen::Map<Eigen::ArrayXf>(m_moment1.data(), total);
        auto m2 = Eigen::Map<Eigen::ArrayXf>(m_moment2.data(), total);
        const auto g = Eigen::Map<const Eigen::ArrayXf>(m_grad.data(), total);
        auto p = Eigen::Map<Eigen::ArrayXf>(m_params.data(), total);
        m1 = b1 * m1 + (1.0f - b1) * g;
        m2 = b2 * m2 + (1.0f - b2) * g * g;
        p -= stepSize * m1 / (m2.sqrt() * invSqrtBc2 + eps);
    } else {
        const float lr = static_cast<float>(o.learningRate);
        const float mu = static_cast<float>(o.momentum);
        for (std::size_t i = 0; i < m_layout.total; ++i) {
            const float g = m_grad[i];
            m_moment1[i] = m_step == 1 ? g : mu * m_moment1[i] + g;
            const float dir = o.nesterov ? g + mu * m_moment1[i] : m_moment1[i];
            m_params[i] -= lr * dir;
        }
    }
}

bool MlpTrainer::train()
{
    const MlpOptions &o = m_o;
    m_rng.seed(static_cast<std::uint64_t>(o.seed) * 0x9E3779B97F4A7C15ull + 0x5EED);
    splitRows();
    initialise();

    std::vector<float> bestParams;
    double bestLoss = std::numeric_limits<double>::infinity();
    int bestEpoch = 0, noImprovement = 0;
    int epochsDone = 0;
    bool cancelledMidEpoch = false;
    FitEnd end = FitEnd::Completed;

    for (int epoch = 1; epoch <= o.maxEpochs; ++epoch) {
        if (o.shuffle)
            shuffleSeeded(m_order, m_rng);
        double lossSum = 0, metricSum = 0;
        for (int start = 0; start < m_nTrain; start += m_batch) {
            if (m_context.cancelled()) {
                cancelledMidEpoch = true;
                break;
            }
            trainBatch(start, std::min(m_batch, m_nTrain - start), lossSum, metricSum);
        }
        if (cancelledMidEpoch)
            break;
        epochsDone = epoch;

        EpochReport report;
        report.epoch = epoch;
        report.totalEpochs = o.maxEpochs;
        report.trainLoss = lossSum / m_nTrain;
        report.metricName = m_classification ? "accuracy" : "r2";
        if (!std::isfinite(report.trainLoss))
            throw FitError("MLP: training diverged (the loss is no longer finite); lower the "
                           "learning rate or standardise the features");
        m_lossCurve.push_back(report.trainLoss);
        double monitored = report.trainLoss;
        if (m_early) {
            const Evaluation e = evaluate(m_Xval.data(), m_nVal, m_valRows);
            report.validationLoss = e.loss;
            report.metric = e.metric;
            m_validationLossCurve.push_back(e.loss);
            monitored = e.loss;
        } else {
            report.metric = m_classification
                ? metricSum / m_nTrain
                : (m_trainSst > 0 ? 1.0 - metricSum / m_trainSst
                                  : std::numeric_limits<double>::quiet_NaN());
        }
        // scikit-learn's rule: an epoch counts as no improvement unless it beats the best
        // by more than tol.
        if (monitored > bestLoss - o.tol)
            ++noImprovement;
        else
            noImprovement = 0;
        if (monitored < bestLoss) {
            bestLoss = monitored;
            bestEpoch = epoch;
            if (m_early)
                bestParams = m_params;
        }
        if (!m_early)
            bestEpoch = epoch;
        if (m_context.report(report)) {
            end = FitEnd::Stopped;
            break;
        }
        if (noImprovement >= o.nIterNoChange) {
            // Without a validation split, scikit-learn's "training loss did not improve
            // more than tol": the tolerance was reached.
            end = m_early ? FitEnd::EarlyStopping : FitEnd::Converged;
            break;
        }
    }

    m_context.ended(cancelledMidEpoch ? FitEnd::Cancelled : end, epochsDone);
    if (epochsDone == 0)
        return false;
    if (m_early && !bestParams.empty())
        m_params = bestParams;
    else
        bestEpoch = epochsDone;
    m_epochsDone = epochsDone;
    m_bestEpoch = bestEpoch;
    m_stopReason = end;
    return true;
}

} // namespace sextant::engine
