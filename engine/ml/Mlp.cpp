#include "ml/Mlp.h"

#include "ml/MlpNetwork.h"
#include "ml/MlpTrainer.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

namespace sextant::engine {

using mlpnet::forwardRows;
using mlpnet::kPredictRows;
using mlpnet::Layout;

namespace {

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

const char *stopReasonName(FitEnd e)
{
    switch (e) {
    case FitEnd::Completed:
        return "completed";
    case FitEnd::Converged:
        return "converged";
    case FitEnd::EarlyStopping:
        return "early_stopping";
    case FitEnd::Stopped:
        return "stopped";
    case FitEnd::Cancelled:
        break;
    }
    return "completed";
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
    case MlpOptions::Init::HeHidden:
        return "he_hidden";
    }
    return "auto";
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
    m_stopReason = FitEnd::Completed;
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
    if (o.minValidationRows < 0)
        bad("the minimum of validation rows must be zero or positive");
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
    MlpTrainer trainer(m_options, X, y, context);
    if (!trainer.train())
        return false;
    const Layout &layout = trainer.layout();
    const std::vector<float> &params = trainer.parameters();
    m_featureCount = static_cast<int>(X.cols());
    m_classCount = m_options.task == EstimatorTask::Classification ? trainer.classCount() : 0;
    m_epochsRun = trainer.epochsRun();
    m_bestEpoch = trainer.bestEpoch();
    m_stopReason = trainer.stopReason();
    m_lossCurve = trainer.lossCurve();
    m_validationLossCurve = trainer.validationLossCurve();
    for (int l = 0; l < layout.layers(); ++l) {
        m_weightsT.emplace_back(Eigen::Map<const RowMatrixF>(
            params.data() + layout.wOffset[l], layout.units[l], layout.units[l + 1]));
        m_biases.emplace_back(Eigen::Map<const Eigen::VectorXf>(
            params.data() + layout.bOffset[l], layout.units[l + 1]));
    }
    return true;
}

Eigen::MatrixXd Mlp::forward(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
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

Eigen::VectorXd Mlp::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
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

Eigen::MatrixXd Mlp::probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
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
    s.setText("bias_init", o.biasInit == MlpOptions::BiasInit::Zero ? "zero" : "uniform");
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
    s.setNumber("min_validation_rows", o.minValidationRows);
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
    s.setText("stop_reason", stopReasonName(m_stopReason));
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
    else if (init == "he_hidden")
        o.init = MlpOptions::Init::HeHidden;
    else
        fail("unknown initialisation '" + init + "'");
    if (s.has("bias_init")) {
        const std::string &bias = s.text("bias_init");
        if (bias == "uniform")
            o.biasInit = MlpOptions::BiasInit::Uniform;
        else if (bias == "zero")
            o.biasInit = MlpOptions::BiasInit::Zero;
        else
            fail("unknown bias initialisation '" + bias + "'");
    } else {
        // Written before biases were drawn: they started at 0, and "auto" meant He bounds
        // for the hidden layers of a ReLU network.
        o.biasInit = MlpOptions::BiasInit::Zero;
        if (o.init == MlpOptions::Init::Auto)
            o.init = MlpOptions::Init::HeHidden;
    }
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
    // Absent in states written before it existed: early stopping always held rows out.
    o.minValidationRows = s.has("min_validation_rows")
        ? static_cast<int>(s.integer("min_validation_rows", 0, std::numeric_limits<int>::max()))
        : 0;
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
        if (s.has("stop_reason")) {
            const std::string &why = s.text("stop_reason");
            bool known = false;
            for (FitEnd e :
                { FitEnd::Completed, FitEnd::Converged, FitEnd::EarlyStopping, FitEnd::Stopped })
                if (why == stopReasonName(e)) {
                    restored.m_stopReason = e;
                    known = true;
                }
            if (!known)
                fail("unknown stop reason '" + why + "'");
        } else {
            restored.m_stopReason = restored.m_epochsRun == o.maxEpochs ? FitEnd::Completed
                : o.earlyStopping                                       ? FitEnd::EarlyStopping
                                                                        : FitEnd::Converged;
        }
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
