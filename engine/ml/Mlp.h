#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace sextant::engine {

// Options for Mlp. Defaults follow scikit-learn's MLPClassifier / MLPRegressor where the
// two libraries agree, PyTorch's where they differ (Adam's epsilon placement).
struct MlpOptions {
    enum class Activation { Relu, Tanh, Sigmoid };
    enum class Solver { Adam, Sgd };
    // Weights drawn uniformly from the seed in [-bound, bound], layer by layer (input side
    // first; each layer's weights, then its biases with BiasInit::Uniform):
    // - Auto: scikit-learn's MLP initialisation, bound = sqrt(f / (in + out)) in every layer
    //   with f = 2 for the sigmoid activation and f = 6 otherwise (Glorot's);
    // - Glorot (Xavier): bound = sqrt(6 / (in + out)) in every layer;
    // - He (Kaiming): bound = sqrt(6 / in) in every layer;
    // - HeHidden: He for the hidden layers of a ReLU network, Glorot for the other layers
    //   (the output layer always). The default before Auto meant scikit-learn's scheme: with
    //   BiasInit::Zero it trains bit for bit as that default did.
    enum class Init { Auto, Glorot, He, HeHidden };
    // Uniform: biases drawn from the same [-bound, bound] as their layer's weights
    // (scikit-learn's); Zero: biases start at 0 (no random numbers drawn for them).
    enum class BiasInit { Uniform, Zero };

    // Classification: softmax output over classCount units + cross-entropy (also for two
    // classes: two softmax units, not one logistic unit). Regression: one identity output
    // unit + squared error (loss = mean of (prediction - y)^2 / 2, scikit-learn's).
    EstimatorTask task = EstimatorTask::Classification;

    // Units of each hidden layer, input side first; every entry >= 1. May be empty (a
    // linear / softmax-regression model).
    std::vector<int> hiddenLayers { 100 };
    // One activation for all hidden layers.
    Activation activation = Activation::Relu;
    // The defaults are scikit-learn's. HeHidden with zero biases (the earlier default) scored
    // 1.5 to 4 points below them in cross-validation on iris (bench/RESULTS.md, "MLP
    // quality"); presumably because every ReLU unit's hyperplane starts through the origin
    // and, next to He's larger weights, Adam's bounded steps move it away slowly.
    Init init = Init::Auto;
    BiasInit biasInit = BiasInit::Uniform;

    Solver solver = Solver::Adam;
    double learningRate = 1e-3; // > 0
    int batchSize = 200; // >= 1; min(batchSize, training rows) is used
    int maxEpochs = 200; // >= 1, full passes over the training rows
    // L2 penalty, scikit-learn's convention: alpha * ||W||^2 / (2 * batch rows) added to
    // each mini-batch's loss (weights only, not biases). >= 0.
    double alpha = 1e-4;
    // SGD: PyTorch's momentum form (buf = momentum * buf + grad; Nesterov uses
    // grad + momentum * buf). momentum in [0, 1).
    double momentum = 0.9;
    bool nesterov = false;
    // Adam (PyTorch's defaults and update: w -= lr * mhat / (sqrt(vhat) + epsilon)).
    double beta1 = 0.9; // [0, 1)
    double beta2 = 0.999; // [0, 1)
    double epsilon = 1e-8; // > 0

    // Shuffle the training rows before every epoch (seeded).
    bool shuffle = true;

    // Early stopping: hold out validationFraction of the training rows (seeded; stratified
    // by class for classification), stop when the validation loss has not improved by more
    // than tol for nIterNoChange epochs, and end with the weights of the best validation
    // loss. Without early stopping, training stops (keeping the last weights) when the
    // training loss has not improved by more than tol for nIterNoChange epochs, as in
    // scikit-learn; tol = 0 with a large nIterNoChange runs exactly maxEpochs epochs.
    bool earlyStopping = false;
    double validationFraction = 0.1; // in (0, 1), used with earlyStopping
    // Early stopping needs validationFraction * rows >= minValidationRows held-out rows
    // (0: any number); with fewer, training runs on all rows and stops on the training
    // loss as without early stopping (stop reason Converged or Completed): a handful of
    // held-out rows judges too noisily, and costs the rows (bench/RESULTS.md).
    int minValidationRows = 0;
    int nIterNoChange = 10; // >= 1
    double tol = 1e-4; // >= 0

    std::uint32_t seed = 0; // weight initialisation, shuffling and validation split
};

// Multi-layer perceptron (fully connected feed-forward network) for classification or
// regression, trained by mini-batch Adam or SGD. kind() is "mlp" for both tasks; the task
// is an option (MlpOptions::task) and is part of the state.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite. Standardise
// the features first (the network is sensitive to their scale). y holds class indices
// 0..classCount-1 (classification) or values (regression).
//
// Network: layer l (0-based, layerCount() = hidden layers + 1) maps a_l (in_l units) to
//     z_l = W_l a_l + b_l,  W_l is out_l x in_l (weights(l)), b_l has out_l entries (bias(l)),
// followed by the hidden activation for every layer but the last; the last layer has
// classCount() units followed by softmax (classification) or 1 unit with identity
// (regression). This is exactly ONNX Gemm(transB=1) + Relu/Tanh/Sigmoid ... + Softmax.
//
// Precision: training and prediction compute in single precision (float32 mini-batch
// matrix products, see MlpKernels.h); the weights are float32 values, so the double
// matrices returned by weights()/bias() and written by state() hold them exactly and a
// state()/restore() round trip predicts bit for bit the same.
//
// Determinism: initialisation, validation split and shuffling come from options.seed.
// Each mini-batch is cut into fixed 128-row chunks whose gradients are summed in chunk
// order whatever the thread count, so the same data, options and seed give the same
// weights bit for bit on the same machine and build.
//
// Fit: throws FitError for unusable data or options. The cancel flag is polled before every
// mini-batch: cancelled before the first epoch ended, fit returns false and the model stays
// unfitted; later, training stops there and keeps the model (the best-validation weights
// with early stopping) and fit returns true, as it does when the epoch callback asks to
// stop (after that epoch).
//
// Epoch reports: trainLoss is the mean data loss (cross-entropy or squared error / 2,
// without the L2 term) over the epoch's mini-batches as they were trained;
// validationLoss the same on the held-out rows after the epoch (early stopping only);
// metric is accuracy ("accuracy") or R^2 ("r2") on the held-out rows with early stopping,
// otherwise on the training mini-batches during the epoch.
class Mlp : public Estimator {
public:
    explicit Mlp(MlpOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "mlp";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return m_options.task; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return !m_weightsT.empty(); }
    int featureCount() const override { return m_featureCount; }

    bool hasProbabilities() const override
    {
        return m_options.task == EstimatorTask::Classification;
    }
    int classCount() const override { return m_classCount; }

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const MlpOptions &options() const { return m_options; }

    // Fitted network (see the class comment): layers input side first.
    int layerCount() const { return static_cast<int>(m_weightsT.size()); }
    Eigen::MatrixXd weights(int layer) const; // out x in
    Eigen::VectorXd bias(int layer) const; // out
    // Output units of the last layer: classCount() or 1.
    int outputCount() const;

    // Epochs trained by the last fit, and the epoch (1-based) whose weights were kept
    // (the best validation loss with early stopping, otherwise the last one).
    int epochsRun() const { return m_epochsRun; }
    int bestEpoch() const { return m_bestEpoch; }
    // Why the last fit's epochs ended: Completed (all maxEpochs), Converged (the training
    // loss stopped improving by tol, without early stopping), EarlyStopping (the validation
    // loss stopped improving) or Stopped (the epoch callback asked). Kept in the state as
    // "stop_reason"; states written before it existed load as Completed when every epoch
    // ran and Converged otherwise (early stopping: EarlyStopping).
    FitEnd stopReason() const { return m_stopReason; }
    // Per-epoch training loss and (early stopping) validation loss of the last fit.
    const std::vector<double> &lossCurve() const { return m_lossCurve; }
    const std::vector<double> &validationLossCurve() const { return m_validationLossCurve; }

    // Forward pass: n x outputCount() outputs (probabilities or values), in double.
    Eigen::MatrixXd forward(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    void clear();
    void validateOptions() const;

    MlpOptions m_options;
    int m_featureCount = 0;
    int m_classCount = 0;
    // Per layer: W^T (in x out, row-major float) and b (out). The transposed layout is the
    // one the forward product uses (activations n x in times W^T).
    std::vector<RowMatrixF> m_weightsT;
    std::vector<Eigen::VectorXf> m_biases;
    int m_epochsRun = 0;
    int m_bestEpoch = 0;
    FitEnd m_stopReason = FitEnd::Completed;
    std::vector<double> m_lossCurve;
    std::vector<double> m_validationLossCurve;
};

} // namespace sextant::engine
