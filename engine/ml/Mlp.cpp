#include "ml/Mlp.h"

#include "core/Parallel.h"
#include "ml/MlpKernels.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <random>
#include <sstream>

namespace sextant::engine {

namespace {

using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Rows per gradient chunk: a mini-batch is cut into chunks of this many rows, each chunk's
// gradient is computed on its own (possibly on another thread) and the chunk gradients are
// summed in chunk order, so the result does not depend on the number of threads.
constexpr int kChunkRows = 128;
// Rows per block in prediction and validation passes.
constexpr int kPredictRows = 1024;

const char *activationName(MlpOptions::Activation a)
{
    switch (a) {
    case MlpOptions::Activation::Relu:
        return "relu";
    case MlpOptions::Activation::Tanh:
        return "tanh";
    case MlpOptions::Activation::Sigmoid:
        return "sigmoid";
    }
    return "relu";
}

const char *solverName(MlpOptions::Solver s)
{
    return s == MlpOptions::Solver::Adam ? "adam" : "sgd";
}

const char *initName(MlpOptions::Init i)
{
    switch (i) {
    case MlpOptions::Init::Auto:
        return "auto";
    case MlpOptions::Init::Glorot:
        return "glorot";
    case MlpOptions::Init::He:
        return "he";
    }
    return "auto";
}

// Layer geometry: units[0] = features, units[l + 1] = outputs of layer l.
// Parameters live in one flat float array, per layer W^T (in x out, row-major) then b (out).
struct Layout {
    std::vector<int> units;
    std::vector<std::size_t> wOffset, bOffset;
    std::size_t total = 0;

    explicit Layout(std::vector<int> u) : units(std::move(u))
    {
        const int layers = static_cast<int>(units.size()) - 1;
        for (int l = 0; l < layers; ++l) {
            wOffset.push_back(total);
            total += static_cast<std::size_t>(units[l]) * static_cast<std::size_t>(units[l + 1]);
            bOffset.push_back(total);
            total += static_cast<std::size_t>(units[l + 1]);
        }
    }
    int layers() const { return static_cast<int>(units.size()) - 1; }
    int maxUnits() const { return *std::max_element(units.begin(), units.end()); }
};

void activate(float *h, std::size_t count, MlpOptions::Activation a)
{
    switch (a) {
    case MlpOptions::Activation::Relu:
        for (std::size_t i = 0; i < count; ++i)
            h[i] = h[i] > 0.0f ? h[i] : 0.0f;
        break;
    case MlpOptions::Activation::Tanh:
        for (std::size_t i = 0; i < count; ++i)
            h[i] = std::tanh(h[i]);
        break;
    case MlpOptions::Activation::Sigmoid:
        for (std::size_t i = 0; i < count; ++i)
            h[i] = 1.0f / (1.0f + std::exp(-h[i]));
        break;
    }
}

// delta *= f'(z), written in terms of h = f(z).
void multiplyDerivative(float *d, const float *h, std::size_t count, MlpOptions::Activation a)
{
    switch (a) {
    case MlpOptions::Activation::Relu:
        for (std::size_t i = 0; i < count; ++i)
            d[i] = h[i] > 0.0f ? d[i] : 0.0f;
        break;
    case MlpOptions::Activation::Tanh:
        for (std::size_t i = 0; i < count; ++i)
            d[i] *= 1.0f - h[i] * h[i];
        break;
    case MlpOptions::Activation::Sigmoid:
        for (std::size_t i = 0; i < count; ++i)
            d[i] *= h[i] * (1.0f - h[i]);
        break;
    }
}

// Forward pass of `rows` rows (x: rows x units[0], row-major). outs[l] receives layer l's
// outputs (rows x units[l + 1]); the last holds softmax probabilities or values.
// zMinusMax (classification) receives, per row, the logits minus their maximum for the
// log-softmax; logSum the log of the sum of exponentials.
void forwardRows(const Layout &layout, const float *params, MlpOptions::Activation act,
    bool classification, const float *x, int rows, std::vector<RowMatrixF> &outs,
    RowMatrixF *logits = nullptr)
{
    const int L = layout.layers();
    outs.resize(static_cast<std::size_t>(L));
    const float *in = x;
    for (int l = 0; l < L; ++l) {
        const int nin = layout.units[l], nout = layout.units[l + 1];
        RowMatrixF &h = outs[static_cast<std::size_t>(l)];
        if (h.rows() != rows || h.cols() != nout)
            h.resize(rows, nout);
        mlpkernels::gemm(
            rows, nout, nin, in, nin, 1, params + layout.wOffset[l], nout, h.data(), nout);
        const float *b = params + layout.bOffset[l];
        for (int r = 0; r < rows; ++r) {
            float *hr = h.data() + static_cast<std::ptrdiff_t>(r) * nout;
            for (int j = 0; j < nout; ++j)
                hr[j] += b[j];
        }
        if (l + 1 < L) {
            activate(h.data(), static_cast<std::size_t>(h.size()), act);
        } else if (classification) {
            if (logits)
                *logits = h;
            for (int r = 0; r < rows; ++r) {
                float *hr = h.data() + static_cast<std::ptrdiff_t>(r) * nout;
                float mx = hr[0];
                for (int j = 1; j < nout; ++j)
                    mx = std::max(mx, hr[j]);
                float sum = 0.0f;
                for (int j = 0; j < nout; ++j) {
                    hr[j] = std::exp(hr[j] - mx);
                    sum += hr[j];
                }
                const float inv = 1.0f / sum;
                for (int j = 0; j < nout; ++j)
                    hr[j] *= inv;
                if (logits) {
                    float *zr = logits->data() + static_cast<std::ptrdiff_t>(r) * nout;
                    const float ls = std::log(sum);
                    for (int j = 0; j < nout; ++j)
                        zr[j] = zr[j] - mx - ls; // log-probabilities
                }
            }
        }
        in = h.data();
    }
}

// Per-chunk training scratch: gathered inputs, layer outputs, deltas, gradient.
struct ChunkWork {
    RowMatrixF x;
    std::vector<RowMatrixF> outs;
    RowMatrixF logProb;
    RowMatrixF delta, deltaPrev;
    std::vector<float> grad;
    double loss = 0; // summed data loss of the chunk's rows
    double metric = 0; // correct count (classification) or squared error sum (regression)
};

// Summary of a forward pass over a fixed set of rows (validation).
struct Evaluation {
    double loss = 0; // mean data loss
    double metric = 0; // accuracy or R^2
};

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

Mlp::Mlp(MlpOptions options) : m_options(std::move(options))
{
}

void Mlp::clear()
{
    m_featureCount = 0;
    m_classCount = 0;
    m_weightsT.clear();
    m_biases.clear();
    m_epochsRun = 0;
    m_bestEpoch = 0;
    m_lossCurve.clear();
    m_validationLossCurve.clear();
}

void Mlp::validateOptions() const
{
    const MlpOptions &o = m_options;
    const auto bad = [](const std::string &what) { throw FitError("MLP: " + what); };
    if (o.task != EstimatorTask::Classification && o.task != EstimatorTask::Regression)
        bad("the task must be classification or regression");
    if (o.hiddenLayers.size() > 1000)
        bad("at most 1000 hidden layers are supported");
    for (int h : o.hiddenLayers)
        if (h < 1 || h > 1000000)
            bad("every hidden layer needs between 1 and 1000000 units");
    if (!(o.learningRate > 0) || !std::isfinite(o.learningRate))
        bad("the learning rate must be a positive number");
    if (o.batchSize < 1)
        bad("the batch size must be at least 1");
    if (o.maxEpochs < 1)
        bad("the number of epochs must be at least 1");
    if (!(o.alpha >= 0) || !std::isfinite(o.alpha))
        bad("the L2 penalty alpha must be zero or positive");
    if (!(o.momentum >= 0 && o.momentum < 1))
        bad("the momentum must lie in [0, 1)");
    if (!(o.beta1 >= 0 && o.beta1 < 1) || !(o.beta2 >= 0 && o.beta2 < 1))
        bad("Adam's beta1 and beta2 must lie in [0, 1)");
    if (!(o.epsilon > 0) || !std::isfinite(o.epsilon))
        bad("Adam's epsilon must be a positive number");
    if (o.earlyStopping && !(o.validationFraction > 0 && o.validationFraction < 1))
        bad("the validation fraction must lie strictly between 0 and 1");
    if (o.nIterNoChange < 1)
        bad("the patience (epochs without improvement) must be at least 1");
    if (!(o.tol >= 0) || !std::isfinite(o.tol))
        bad("the tolerance must be zero or positive");
}

int Mlp::outputCount() const
{
    return m_weightsT.empty() ? 0 : static_cast<int>(m_weightsT.back().cols());
}

Eigen::MatrixXd Mlp::weights(int layer) const
{
    if (layer < 0 || layer >= layerCount())
        return {};
    return m_weightsT[static_cast<std::size_t>(layer)].transpose().cast<double>();
}

Eigen::VectorXd Mlp::bias(int layer) const
{
    if (layer < 0 || layer >= layerCount())
        return {};
    return m_biases[static_cast<std::size_t>(layer)].cast<double>();
}

bool Mlp::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    clear();
    validateOptions();
    const MlpOptions &o = m_options;
    const bool classification = o.task == EstimatorTask::Classification;
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();

    // --- Input checks -------------------------------------------------------------------
    if (n < 1 || d < 1)
        throw FitError("MLP: the data has no rows or no feature columns");
    if (y.size() != n) {
        std::ostringstream s;
        s << "MLP: the features have " << n << " rows but the target has " << y.size() << " values";
        throw FitError(s.str());
    }
    if (n > std::numeric_limits<int>::max() / 2)
        throw FitError("MLP: too many rows");
    if (!X.allFinite())
        throw FitError("MLP: the features hold a missing or non-finite value; impute or drop "
                       "those cells first");
    if (!y.allFinite())
        throw FitError("MLP: the target holds a missing or non-finite value");
    int classes = 0;
    std::vector<int> labels;
    if (classification) {
        double maxLabel = 0;
        for (Eigen::Index i = 0; i < n; ++i) {
            const double v = y(i);
            if (v < 0 || v != std::floor(v) || v > 1e6)
                throw FitError("MLP: classification targets must be class indices 0, 1, 2, ...");
            maxLabel = std::max(maxLabel, v);
        }
        classes = context.classCount > 0 ? context.classCount : static_cast<int>(maxLabel) + 1;
        if (maxLabel >= classes)
            throw FitError("MLP: a class index is larger than the number of classes");
        labels.resize(static_cast<std::size_t>(n));
        std::vector<char> seen(static_cast<std::size_t>(classes), 0);
        int distinct = 0;
        for (Eigen::Index i = 0; i < n; ++i) {
            labels[static_cast<std::size_t>(i)] = static_cast<int>(y(i));
            if (!seen[static_cast<std::size_t>(labels[static_cast<std::size_t>(i)])]++)
                ++distinct;
        }
        if (classes < 2 || distinct < 2)
            throw FitError("MLP: classification needs at least two different classes in the "
                           "training rows");
    }

    // --- Training / validation split ----------------------------------------------------
    std::mt19937_64 rng(static_cast<std::uint64_t>(o.seed) * 0x9E3779B97F4A7C15ull + 0x5EED);
    std::vector<int> trainRows, valRows;
    if (o.earlyStopping) {
        if (classification) {
            std::vector<std::vector<int>> byClass(static_cast<std::size_t>(classes));
            for (int i = 0; i < static_cast<int>(n); ++i)
                byClass[static_cast<std::size_t>(labels[static_cast<std::size_t>(i)])].push_back(i);
            for (auto &rowsOfClass : byClass) {
                shuffleSeeded(rowsOfClass, rng);
                const auto take = static_cast<std::size_t>(
                    std::llround(o.validationFraction * static_cast<double>(rowsOfClass.size())));
                valRows.insert(valRows.end(), rowsOfClass.begin(),
                    rowsOfClass.begin() + static_cast<std::ptrdiff_t>(take));
                trainRows.insert(trainRows.end(),
                    rowsOfClass.begin() + static_cast<std::ptrdiff_t>(take), rowsOfClass.end());
            }
        } else {
            std::vector<int> all(static_cast<std::size_t>(n));
            for (int i = 0; i < static_cast<int>(n); ++i)
                all[static_cast<std::size_t>(i)] = i;
            shuffleSeeded(all, rng);
            const auto take = static_cast<std::size_t>(
                std::ceil(o.validationFraction * static_cast<double>(n)));
            valRows.assign(all.begin(),
                all.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(take, all.size())));
            trainRows.assign(all.begin() + static_cast<std::ptrdiff_t>(valRows.size()), all.end());
        }
        std::sort(valRows.begin(), valRows.end());
        std::sort(trainRows.begin(), trainRows.end());
        if (valRows.empty() || trainRows.empty())
            throw FitError("MLP: too few rows to hold out a validation set for early stopping");
    } else {
        trainRows.resize(static_cast<std::size_t>(n));
        for (int i = 0; i < static_cast<int>(n); ++i)
            trainRows[static_cast<std::size_t>(i)] = i;
    }
    const int nTrain = static_cast<int>(trainRows.size());
    const int nVal = static_cast<int>(valRows.size());

    // --- Layout and initialisation -------------------------------------------------------
    std::vector<int> units { static_cast<int>(d) };
    units.insert(units.end(), o.hiddenLayers.begin(), o.hiddenLayers.end());
    units.push_back(classification ? classes : 1);
    const Layout layout(units);
    const int L = layout.layers();
    {
        double paramCount = 0;
        for (int l = 0; l < L; ++l)
            paramCount += (double(units[l]) + 1) * double(units[l + 1]);
        if (paramCount > 2e8)
            throw FitError("MLP: the network is too large (more than 200 million weights)");
    }
    std::vector<float> params(layout.total, 0.0f);
    for (int l = 0; l < L; ++l) {
        const int nin = units[l], nout = units[l + 1];
        const bool hidden = l + 1 < L;
        bool he = false;
        if (o.init == MlpOptions::Init::He)
            he = true;
        else if (o.init == MlpOptions::Init::Auto)
            he = hidden && o.activation == MlpOptions::Activation::Relu;
        const double bound = he ? std::sqrt(6.0 / nin) : std::sqrt(6.0 / (nin + nout));
        float *w = params.data() + layout.wOffset[l];
        for (std::size_t i = 0; i < static_cast<std::size_t>(nin) * nout; ++i) {
            const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53; // [0, 1)
            w[i] = static_cast<float>((2.0 * u - 1.0) * bound);
        }
    }

    // Row-major float copy of the features (rows in original order).
    RowMatrixF Xf = X.cast<float>();
    std::vector<float> targets;
    if (!classification) {
        targets.resize(static_cast<std::size_t>(n));
        for (Eigen::Index i = 0; i < n; ++i)
            targets[static_cast<std::size_t>(i)] = static_cast<float>(y(i));
    }
    // Validation rows, gathered once.
    RowMatrixF Xval(nVal, d);
    for (int i = 0; i < nVal; ++i)
        Xval.row(i) = Xf.row(valRows[static_cast<std::size_t>(i)]);

    // Training-set variance for the running R^2.
    double trainSst = 0;
    if (!classification) {
        double mean = 0;
        for (int r : trainRows)
            mean += targets[static_cast<std::size_t>(r)];
        mean /= nTrain;
        for (int r : trainRows) {
            const double e = targets[static_cast<std::size_t>(r)] - mean;
            trainSst += e * e;
        }
    }

    // --- Optimiser state and scratch ------------------------------------------------------
    const int batch = std::min(o.batchSize, nTrain);
    const int maxChunks = (batch + kChunkRows - 1) / kChunkRows;
    std::vector<ChunkWork> work(static_cast<std::size_t>(maxChunks));
    for (ChunkWork &w : work)
        w.grad.assign(layout.total, 0.0f);
    std::vector<float> grad(layout.total, 0.0f), moment1(layout.total, 0.0f),
        moment2(layout.total, 0.0f);
    // W (out x in, row-major) of every layer but the first, for the backward deltas.
    std::vector<RowMatrixF> wRow(static_cast<std::size_t>(L));
    const auto refreshRowWeights = [&] {
        for (int l = 1; l < L; ++l)
            wRow[static_cast<std::size_t>(l)] = Eigen::Map<const RowMatrixF>(
                params.data() + layout.wOffset[l], units[l], units[l + 1])
                                                    .transpose();
    };
    refreshRowWeights();

    std::vector<int> order = trainRows;
    const int threads = std::max(1, context.threadCount());

    // Gradient of one chunk: rows order[start + chunk * kChunkRows ...] of a batch of
    // batchRows rows.
    const auto runChunk = [&](ChunkWork &w, const int *rowIds, int rows, int batchRows) {
        w.x.resize(rows, d);
        for (int r = 0; r < rows; ++r)
            std::copy(Xf.data() + static_cast<std::ptrdiff_t>(rowIds[r]) * d,
                Xf.data() + static_cast<std::ptrdiff_t>(rowIds[r] + 1) * d,
                w.x.data() + static_cast<std::ptrdiff_t>(r) * d);
        forwardRows(layout, params.data(), o.activation, classification, w.x.data(), rows, w.outs,
            classification ? &w.logProb : nullptr);
        // Output delta: dLoss/dz of the mean loss over the batch.
        const int nout = units[L];
        const float scale = 1.0f / static_cast<float>(batchRows);
        const RowMatrixF &out = w.outs.back();
        w.delta.resize(rows, nout);
        w.loss = 0;
        w.metric = 0;
        if (classification) {
            for (int r = 0; r < rows; ++r) {
                const int label = labels[static_cast<std::size_t>(rowIds[r])];
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
                const float diff = out(r, 0) - targets[static_cast<std::size_t>(rowIds[r])];
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
            mlpkernels::gemm(nin, nl, rows, in, 1, nin, w.delta.data(), nl,
                w.grad.data() + layout.wOffset[l], nl);
            Eigen::Map<Eigen::RowVectorXf> gb(w.grad.data() + layout.bOffset[l], nl);
            gb = w.delta.row(0);
            for (int r = 1; r < rows; ++r)
                gb += w.delta.row(r);
            if (l > 0) {
                w.deltaPrev.resize(rows, nin);
                // deltaPrev (rows x nin) = delta (rows x nl) * W (nl x nin)
                mlpkernels::gemm(rows, nin, nl, w.delta.data(), nl, 1,
                    wRow[static_cast<std::size_t>(l)].data(), nin, w.deltaPrev.data(), nin);
                multiplyDerivative(
                    w.deltaPrev.data(), in, static_cast<std::size_t>(rows) * nin, o.activation);
                std::swap(w.delta, w.deltaPrev);
            }
        }
    };

    const auto evaluate = [&](const float *xs, int rows, const std::vector<int> &rowIds) {
        Evaluation e;
        std::vector<RowMatrixF> outs;
        RowMatrixF logProb;
        double loss = 0, metric = 0, sum = 0, sumSq = 0;
        for (int start = 0; start < rows; start += kPredictRows) {
            const int m = std::min(kPredictRows, rows - start);
            forwardRows(layout, params.data(), o.activation, classification,
                xs + static_cast<std::ptrdiff_t>(start) * d, m, outs,
                classification ? &logProb : nullptr);
            const RowMatrixF &out = outs.back();
            for (int r = 0; r < m; ++r) {
                const int id = rowIds[static_cast<std::size_t>(start + r)];
                if (classification) {
                    const int label = labels[static_cast<std::size_t>(id)];
                    Eigen::Index arg = 0;
                    out.row(r).maxCoeff(&arg);
                    loss -= logProb(r, label);
                    metric += arg == label ? 1.0 : 0.0;
                } else {
                    const double t = targets[static_cast<std::size_t>(id)];
                    const double diff = double(out(r, 0)) - t;
                    loss += 0.5 * diff * diff;
                    metric += diff * diff;
                    sum += t;
                    sumSq += t * t;
                }
            }
        }
        e.loss = loss / rows;
        if (classification) {
            e.metric = metric / rows;
        } else {
            const double sst = sumSq - sum * sum / rows;
            e.metric = sst > 0 ? 1.0 - metric / sst : std::numeric_limits<double>::quiet_NaN();
        }
        return e;
    };

    // --- Epochs ----------------------------------------------------------------------------
    const auto total = static_cast<Eigen::Index>(layout.total);
    const float lr = static_cast<float>(o.learningRate);
    const float b1 = static_cast<float>(o.beta1), b2 = static_cast<float>(o.beta2);
    const float eps = static_cast<float>(o.epsilon);
    const float mu = static_cast<float>(o.momentum);
    std::int64_t step = 0;
    std::vector<float> bestParams;
    double bestLoss = std::numeric_limits<double>::infinity();
    int bestEpoch = 0, noImprovement = 0;
    int epochsDone = 0;
    bool cancelledMidEpoch = false;

    for (int epoch = 1; epoch <= o.maxEpochs; ++epoch) {
        if (o.shuffle)
            shuffleSeeded(order, rng);
        double lossSum = 0, metricSum = 0;
        for (int start = 0; start < nTrain; start += batch) {
            if (context.cancelled()) {
                cancelledMidEpoch = true;
                break;
            }
            const int bt = std::min(batch, nTrain - start);
            const int chunks = (bt + kChunkRows - 1) / kChunkRows;
            const int *ids = order.data() + start;
            const auto doChunks = [&](int, std::int64_t c0, std::int64_t c1) {
                for (std::int64_t c = c0; c < c1; ++c) {
                    const int off = static_cast<int>(c) * kChunkRows;
                    runChunk(work[static_cast<std::size_t>(c)], ids + off,
                        std::min(kChunkRows, bt - off), bt);
                }
            };
            if (chunks > 1 && threads > 1)
                parallelChunks(0, chunks, threads, 1, doChunks);
            else
                doChunks(0, 0, chunks);
            // Sum the chunk gradients in chunk order.
            std::copy(work[0].grad.begin(), work[0].grad.end(), grad.begin());
            lossSum += work[0].loss;
            metricSum += work[0].metric;
            for (int c = 1; c < chunks; ++c) {
                const ChunkWork &w = work[static_cast<std::size_t>(c)];
                Eigen::Map<Eigen::ArrayXf>(grad.data(), total)
                    += Eigen::Map<const Eigen::ArrayXf>(w.grad.data(), total);
                lossSum += w.loss;
                metricSum += w.metric;
            }
            if (o.alpha > 0) {
                const float a = static_cast<float>(o.alpha / bt);
                for (int l = 0; l < L; ++l) {
                    const std::size_t off = layout.wOffset[l];
                    const std::size_t cnt = static_cast<std::size_t>(units[l]) * units[l + 1];
                    for (std::size_t i = off; i < off + cnt; ++i)
                        grad[i] += a * params[i];
                }
            }
            ++step;
            if (o.solver == MlpOptions::Solver::Adam) {
                const double bc1 = 1.0 - std::pow(o.beta1, static_cast<double>(step));
                const double bc2 = 1.0 - std::pow(o.beta2, static_cast<double>(step));
                const float stepSize = static_cast<float>(o.learningRate / bc1);
                const float invSqrtBc2 = static_cast<float>(1.0 / std::sqrt(bc2));
                // Whole-array expressions (vectorised); each element sees the same
                // operations in the same order as the scalar formula.
                auto m1 = Eigen::Map<Eigen::ArrayXf>(moment1.data(), total);
                auto m2 = Eigen::Map<Eigen::ArrayXf>(moment2.data(), total);
                const auto g = Eigen::Map<const Eigen::ArrayXf>(grad.data(), total);
                auto p = Eigen::Map<Eigen::ArrayXf>(params.data(), total);
                m1 = b1 * m1 + (1.0f - b1) * g;
                m2 = b2 * m2 + (1.0f - b2) * g * g;
                p -= stepSize * m1 / (m2.sqrt() * invSqrtBc2 + eps);
            } else {
                for (std::size_t i = 0; i < layout.total; ++i) {
                    const float g = grad[i];
                    moment1[i] = step == 1 ? g : mu * moment1[i] + g;
                    const float dir = o.nesterov ? g + mu * moment1[i] : moment1[i];
                    params[i] -= lr * dir;
                }
            }
            refreshRowWeights();
        }
        if (cancelledMidEpoch)
            break;
        epochsDone = epoch;

        EpochReport report;
        report.epoch = epoch;
        report.totalEpochs = o.maxEpochs;
        report.trainLoss = lossSum / nTrain;
        report.metricName = classification ? "accuracy" : "r2";
        if (!std::isfinite(report.trainLoss)) {
            clear();
            throw FitError("MLP: training diverged (the loss is no longer finite); lower the "
                           "learning rate or standardise the features");
        }
        m_lossCurve.push_back(report.trainLoss);
        double monitored = report.trainLoss;
        if (o.earlyStopping) {
            const Evaluation e = evaluate(Xval.data(), nVal, valRows);
            report.validationLoss = e.loss;
            report.metric = e.metric;
            m_validationLossCurve.push_back(e.loss);
            monitored = e.loss;
        } else {
            report.metric = classification
                ? metricSum / nTrain
                : (trainSst > 0 ? 1.0 - metricSum / trainSst
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
            if (o.earlyStopping)
                bestParams = params;
        }
        if (!o.earlyStopping)
            bestEpoch = epoch;
        const bool stop = context.report(report);
        if (stop || noImprovement >= o.nIterNoChange)
            break;
    }

    if (epochsDone == 0) {
        clear();
        return false;
    }
    if (o.earlyStopping && !bestParams.empty())
        params = bestParams;
    else
        bestEpoch = epochsDone;

    m_featureCount = static_cast<int>(d);
    m_classCount = classification ? classes : 0;
    m_epochsRun = epochsDone;
    m_bestEpoch = bestEpoch;
    for (int l = 0; l < L; ++l) {
        m_weightsT.emplace_back(Eigen::Map<const RowMatrixF>(
            params.data() + layout.wOffset[l], units[l], units[l + 1]));
        m_biases.emplace_back(
            Eigen::Map<const Eigen::VectorXf>(params.data() + layout.bOffset[l], units[l + 1]));
    }
    return true;
}

Eigen::MatrixXd Mlp::forward(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!isFitted())
        throw FitError("MLP: the model is not fitted");
    if (X.cols() != m_featureCount)
        throw FitError("MLP: the data has " + std::to_string(X.cols())
            + " feature columns, the "
              "model expects "
            + std::to_string(m_featureCount));
    std::vector<int> units { m_featureCount };
    for (const RowMatrixF &w : m_weightsT)
        units.push_back(static_cast<int>(w.cols()));
    const Layout layout(units);
    std::vector<float> params(layout.total);
    for (int l = 0; l < layout.layers(); ++l) {
        const RowMatrixF &w = m_weightsT[static_cast<std::size_t>(l)];
        std::copy(w.data(), w.data() + w.size(),
            params.begin() + static_cast<std::ptrdiff_t>(layout.wOffset[l]));
        const Eigen::VectorXf &b = m_biases[static_cast<std::size_t>(l)];
        std::copy(b.data(), b.data() + b.size(),
            params.begin() + static_cast<std::ptrdiff_t>(layout.bOffset[l]));
    }
    const bool classification = m_options.task == EstimatorTask::Classification;
    const Eigen::Index n = X.rows();
    const int nout = units.back();
    Eigen::MatrixXd result(n, nout);
    std::vector<RowMatrixF> outs;
    RowMatrixF block;
    for (Eigen::Index start = 0; start < n; start += kPredictRows) {
        const int m = static_cast<int>(std::min<Eigen::Index>(kPredictRows, n - start));
        block = X.middleRows(start, m).cast<float>();
        forwardRows(
            layout, params.data(), m_options.activation, classification, block.data(), m, outs);
        result.middleRows(start, m) = outs.back().cast<double>();
    }
    return result;
}

Eigen::VectorXd Mlp::predict(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd out = forward(X);
    if (m_options.task == EstimatorTask::Regression)
        return out.col(0);
    Eigen::VectorXd labels(out.rows());
    for (Eigen::Index r = 0; r < out.rows(); ++r) {
        Eigen::Index arg = 0;
        out.row(r).maxCoeff(&arg);
        labels(r) = static_cast<double>(arg);
    }
    return labels;
}

Eigen::MatrixXd Mlp::predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (m_options.task != EstimatorTask::Classification)
        throw FitError("MLP: a regression model does not predict class probabilities");
    return forward(X);
}

ModelState Mlp::state() const
{
    const MlpOptions &o = m_options;
    ModelState s;
    s.kind = kind();
    s.version = 1;
    s.setText("task", o.task == EstimatorTask::Classification ? "classification" : "regression");
    Eigen::VectorXd hidden(static_cast<Eigen::Index>(o.hiddenLayers.size()));
    for (std::size_t i = 0; i < o.hiddenLayers.size(); ++i)
        hidden(static_cast<Eigen::Index>(i)) = o.hiddenLayers[i];
    s.setVector("hidden_layers", hidden);
    s.setText("activation", activationName(o.activation));
    s.setText("init", initName(o.init));
    s.setText("solver", solverName(o.solver));
    s.setNumber("learning_rate", o.learningRate);
    s.setNumber("batch_size", o.batchSize);
    s.setNumber("max_epochs", o.maxEpochs);
    s.setNumber("alpha", o.alpha);
    s.setNumber("momentum", o.momentum);
    s.setNumber("nesterov", o.nesterov ? 1 : 0);
    s.setNumber("beta1", o.beta1);
    s.setNumber("beta2", o.beta2);
    s.setNumber("epsilon", o.epsilon);
    s.setNumber("shuffle", o.shuffle ? 1 : 0);
    s.setNumber("early_stopping", o.earlyStopping ? 1 : 0);
    s.setNumber("validation_fraction", o.validationFraction);
    s.setNumber("n_iter_no_change", o.nIterNoChange);
    s.setNumber("tol", o.tol);
    s.setNumber("seed", o.seed);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (!isFitted())
        return s;
    s.setNumber("feature_count", m_featureCount);
    s.setNumber("class_count", m_classCount);
    s.setNumber("epochs_run", m_epochsRun);
    s.setNumber("best_epoch", m_bestEpoch);
    s.setVector("loss_curve",
        Eigen::Map<const Eigen::VectorXd>(
            m_lossCurve.data(), static_cast<Eigen::Index>(m_lossCurve.size())));
    s.setVector("validation_loss_curve",
        Eigen::Map<const Eigen::VectorXd>(
            m_validationLossCurve.data(), static_cast<Eigen::Index>(m_validationLossCurve.size())));
    for (int l = 0; l < layerCount(); ++l) {
        const std::string index = std::to_string(l);
        s.setMatrix(std::string("W").append(index), weights(l));
        s.setVector(std::string("b").append(index), bias(l));
    }
    return s;
}

void Mlp::restore(const ModelState &s)
{
    s.requireKind("mlp", 1);
    const auto fail = [](const std::string &what) { throw ModelStateError("mlp: " + what); };
    MlpOptions o;
    const std::string &task = s.text("task");
    if (task == "classification")
        o.task = EstimatorTask::Classification;
    else if (task == "regression")
        o.task = EstimatorTask::Regression;
    else
        fail("unknown task '" + task + "'");
    const Eigen::VectorXd hidden = s.vector("hidden_layers");
    if (hidden.size() > 1000)
        fail("too many hidden layers");
    o.hiddenLayers.clear();
    for (Eigen::Index i = 0; i < hidden.size(); ++i) {
        const double h = hidden(i);
        if (!(h >= 1 && h <= 1000000) || h != std::floor(h))
            fail("'hidden_layers' holds an invalid layer size");
        o.hiddenLayers.push_back(static_cast<int>(h));
    }
    const std::string &act = s.text("activation");
    if (act == "relu")
        o.activation = MlpOptions::Activation::Relu;
    else if (act == "tanh")
        o.activation = MlpOptions::Activation::Tanh;
    else if (act == "sigmoid")
        o.activation = MlpOptions::Activation::Sigmoid;
    else
        fail("unknown activation '" + act + "'");
    const std::string &init = s.text("init");
    if (init == "auto")
        o.init = MlpOptions::Init::Auto;
    else if (init == "glorot")
        o.init = MlpOptions::Init::Glorot;
    else if (init == "he")
        o.init = MlpOptions::Init::He;
    else
        fail("unknown initialisation '" + init + "'");
    const std::string &solver = s.text("solver");
    if (solver == "adam")
        o.solver = MlpOptions::Solver::Adam;
    else if (solver == "sgd")
        o.solver = MlpOptions::Solver::Sgd;
    else
        fail("unknown solver '" + solver + "'");
    const double big = std::numeric_limits<double>::max();
    o.learningRate = s.number("learning_rate", DBL_MIN, big);
    o.batchSize = static_cast<int>(s.integer("batch_size", 1, std::numeric_limits<int>::max()));
    o.maxEpochs = static_cast<int>(s.integer("max_epochs", 1, std::numeric_limits<int>::max()));
    o.alpha = s.number("alpha", 0, big);
    o.momentum = s.number("momentum", 0, std::nextafter(1.0, 0.0));
    o.nesterov = s.integer("nesterov", 0, 1) == 1;
    o.beta1 = s.number("beta1", 0, std::nextafter(1.0, 0.0));
    o.beta2 = s.number("beta2", 0, std::nextafter(1.0, 0.0));
    o.epsilon = s.number("epsilon", DBL_MIN, big);
    o.shuffle = s.integer("shuffle", 0, 1) == 1;
    o.earlyStopping = s.integer("early_stopping", 0, 1) == 1;
    o.validationFraction = s.number("validation_fraction", 0, 1);
    if (o.earlyStopping && !(o.validationFraction > 0 && o.validationFraction < 1))
        fail("'validation_fraction' must lie strictly between 0 and 1");
    o.nIterNoChange
        = static_cast<int>(s.integer("n_iter_no_change", 1, std::numeric_limits<int>::max()));
    o.tol = s.number("tol", 0, big);
    o.seed = static_cast<std::uint32_t>(
        s.integer("seed", 0, std::numeric_limits<std::uint32_t>::max()));
    const bool fitted = s.integer("fitted", 0, 1) == 1;

    Mlp restored(o);
    if (fitted) {
        const bool classification = o.task == EstimatorTask::Classification;
        restored.m_featureCount = static_cast<int>(s.integer("feature_count", 1, 100000000));
        restored.m_classCount = classification
            ? static_cast<int>(s.integer("class_count", 2, 1000000))
            : static_cast<int>(s.integer("class_count", 0, 0));
        restored.m_epochsRun = static_cast<int>(s.integer("epochs_run", 1, o.maxEpochs));
        restored.m_bestEpoch = static_cast<int>(s.integer("best_epoch", 1, restored.m_epochsRun));
        const Eigen::VectorXd loss = s.vector("loss_curve");
        if (loss.size() > restored.m_epochsRun)
            fail("'loss_curve' is longer than the epochs run");
        restored.m_lossCurve.assign(loss.data(), loss.data() + loss.size());
        const Eigen::VectorXd vloss = s.vector("validation_loss_curve");
        if (vloss.size() > restored.m_epochsRun)
            fail("'validation_loss_curve' is longer than the epochs run");
        restored.m_validationLossCurve.assign(vloss.data(), vloss.data() + vloss.size());

        std::vector<int> units { restored.m_featureCount };
        units.insert(units.end(), o.hiddenLayers.begin(), o.hiddenLayers.end());
        units.push_back(classification ? restored.m_classCount : 1);
        const int L = static_cast<int>(units.size()) - 1;
        const auto checkValues = [&](const std::string &name, const double *v, Eigen::Index count) {
            for (Eigen::Index i = 0; i < count; ++i)
                if (!std::isfinite(v[i]) || std::abs(v[i]) > FLT_MAX)
                    fail("'" + name + "' holds a non-finite or out-of-range value");
        };
        for (int l = 0; l < L; ++l) {
            const std::string wn = "W" + std::to_string(l), bn = "b" + std::to_string(l);
            const Eigen::MatrixXd w = s.matrix(wn, units[l + 1], units[l]);
            const Eigen::VectorXd b = s.vector(bn, units[l + 1]);
            checkValues(wn, w.data(), w.size());
            checkValues(bn, b.data(), b.size());
            restored.m_weightsT.emplace_back(w.transpose().cast<float>());
            restored.m_biases.emplace_back(b.cast<float>());
        }
        if (s.has("W" + std::to_string(L)))
            fail("the state has more layers than its options describe");
    }
    *this = std::move(restored);
}

std::unique_ptr<Estimator> Mlp::cloneUnfitted() const
{
    return std::make_unique<Mlp>(m_options);
}

} // namespace sextant::engine
