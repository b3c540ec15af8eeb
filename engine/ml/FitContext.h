#pragma once

#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace sextant::engine {

// Thrown by fit/transform for input the algorithm cannot use (empty data, NaN where none
// is allowed, a single class for a classifier, a column missing at transform time...).
// The message is shown to the user as is, so it says what is wrong in their terms.
class FitError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One epoch / iteration of an iterative learner. NaN means "not available".
struct EpochReport {
    int epoch = 0; // 1-based
    int totalEpochs = 0; // upper bound (max iterations), 0 when unknown
    double trainLoss = std::numeric_limits<double>::quiet_NaN();
    double validationLoss = std::numeric_limits<double>::quiet_NaN();
    double metric = std::numeric_limits<double>::quiet_NaN();
    std::string metricName; // e.g. "accuracy", "r2", "inertia"; empty when no metric
    // What one step is called: "epoch" (MLP), "iteration" (k-means, L-BFGS, EM,
    // boosting), "tree" (random forest), "fold" (cross-validation), "trial" (tuning).
    std::string unit = "epoch";
};

// Why an iterative fit ended (FitContext::ended).
enum class FitEnd : std::uint8_t {
    Completed, // ran every epoch / iteration it was allowed (max iterations reached)
    Converged, // the tolerance was reached
    EarlyStopping, // no improvement on the validation rows for the allowed epochs
    Stopped, // the epoch callback asked to stop (Stop pressed)
    Cancelled, // the run was cancelled: the model is discarded
};

// Called after every epoch/iteration; returning true stops training (the model keeps the
// state reached so far and counts as fitted). This one hook serves live loss curves,
// early stopping by the caller and cancel.
using EpochCallback = std::function<bool(const EpochReport &)>;

// How a run of matrix columns came from one table column (FeatureEncoder): a numeric
// column is one matrix column, a categorical one its one-hot columns (one per category,
// in category order; all zeros for a missing or unseen category).
struct FeatureBlock {
    int first = 0; // first matrix column
    int width = 1;
    bool categorical = false;
    bool operator==(const FeatureBlock &) const = default;
};

// Everything a fit needs besides the data and the algorithm's options.
struct FitContext {
    EpochCallback onEpoch; // may be empty
    // Called once by an iterative learner when its fit ends, with the reason and the
    // number of epochs / iterations done (as counted in its EpochReports). May be empty.
    std::function<void(FitEnd, int epochs)> onEnd;
    const std::atomic<bool> *cancel = nullptr; // polled by long loops (every ~10 ms of work)
    int threads = 0; // 0: std::thread::hardware_concurrency()
    // Classification: number of classes (labels are 0..classCount-1). 0: max label + 1.
    // Set it when fitting on a subset (a CV fold) that may miss the last class.
    int classCount = 0;
    // The matrix's columns by table column, in order, covering every column (set by
    // TrainedModel::train from its FeatureEncoder). Empty: every column is numeric. Only
    // learners that treat nominal features apart read it (naive Bayes).
    std::vector<FeatureBlock> featureBlocks;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    // Reports an epoch; true when training must stop (callback said so, or cancelled).
    bool report(const EpochReport &r) const
    {
        bool stop = onEpoch ? onEpoch(r) : false;
        return stop || cancelled();
    }
    void ended(FitEnd why, int epochs) const
    {
        if (onEnd)
            onEnd(cancelled() ? FitEnd::Cancelled : why, epochs);
    }
    int threadCount() const;
};

} // namespace sextant::engine
