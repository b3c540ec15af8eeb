#pragma once

#include "ml/FitContext.h"
#include "ml/Mlp.h"
#include "ml/MlpNetwork.h"

#include <Eigen/Core>
#include <cstdint>
#include <random>
#include <vector>

namespace sextant::engine {

// Mlp::fit's training run, one object per fit: input checks, the seeded training /
// validation split, weight initialisation, then mini-batch epochs with Adam or SGD, early
// stopping and the epoch reports (see Mlp for the contract: determinism, cancel, reports).
//
// Data layout: X is n x d (rows are samples), y has n entries (class indices or values).
// Both must outlive the trainer. Parameters live in one flat float array laid out by
// mlpnet::Layout (per layer W^T, in x out row-major, then b).
class MlpTrainer {
public:
    // Checks the data (throws FitError); `options` must already be valid.
    MlpTrainer(const MlpOptions &options, const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context);

    // Runs the epochs. False when cancelled before the first epoch ended; throws FitError
    // when training diverges.
    bool train();

    // After train() returned true: the kept parameters (best validation loss with early
    // stopping, otherwise the last) and how training went.
    const mlpnet::Layout &layout() const { return m_layout; }
    const std::vector<float> &parameters() const { return m_params; }
    int classCount() const { return m_classes; }
    int epochsRun() const { return m_epochsDone; }
    int bestEpoch() const { return m_bestEpoch; }
    // Why the epochs ended (Completed, Converged, EarlyStopping or Stopped).
    FitEnd stopReason() const { return m_stopReason; }
    const std::vector<double> &lossCurve() const { return m_lossCurve; }
    const std::vector<double> &validationLossCurve() const { return m_validationLossCurve; }

private:
    using RowMatrixF = mlpnet::RowMatrixF;

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

    void checkLabels();
    void splitRows();
    void initialise();
    void refreshRowWeights();
    // Gradient of one chunk: rows rowIds[0..rows) of a batch of batchRows rows.
    void runChunk(ChunkWork &w, const int *rowIds, int rows, int batchRows);
    Evaluation evaluate(const float *xs, int rows, const std::vector<int> &rowIds);
    // One mini-batch of bt rows starting at order[start]: gradients, L2 term, update.
    void trainBatch(int start, int bt, double &lossSum, double &metricSum);
    void updateParameters();

    const MlpOptions &m_o;
    const Eigen::Ref<const Eigen::MatrixXd> &m_X;
    const Eigen::Ref<const Eigen::VectorXd> &m_y;
    const FitContext &m_context;
    bool m_classification = false;
    Eigen::Index m_n = 0;
    Eigen::Index m_d = 0;
    int m_classes = 0;
    std::vector<int> m_labels; // classification: class of every row
    std::mt19937_64 m_rng;
    std::vector<int> m_trainRows, m_valRows;
    int m_nTrain = 0;
    int m_nVal = 0;
    bool m_early = false; // early stopping on held-out rows (see MlpOptions::minValidationRows)

    std::vector<int> m_units;
    mlpnet::Layout m_layout;
    std::vector<float> m_params;
    RowMatrixF m_Xf; // row-major float copy of the features (rows in original order)
    std::vector<float> m_targets; // regression targets
    RowMatrixF m_Xval; // validation rows, gathered once
    double m_trainSst = 0; // training-set variance for the running R^2

    int m_batch = 0;
    std::vector<ChunkWork> m_work;
    std::vector<float> m_grad, m_moment1, m_moment2;
    // W (out x in, row-major) of every layer but the first, for the backward deltas.
    std::vector<RowMatrixF> m_wRow;
    std::vector<int> m_order;
    int m_threads = 1;
    std::int64_t m_step = 0;

    int m_epochsDone = 0;
    int m_bestEpoch = 0;
    FitEnd m_stopReason = FitEnd::Completed;
    std::vector<double> m_lossCurve;
    std::vector<double> m_validationLossCurve;
};

} // namespace sextant::engine
