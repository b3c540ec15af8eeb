#pragma once
// The machine-learning benchmark's task registry. Each bench/ml/tasks_*.cpp registers
// its tasks with SEXTANT_BENCH_TASK; bench/ml/run.py runs every task once in its own
// process (so peak memory is per task) next to the same task in scikit-learn / PyTorch
// (bench/ml/ref_*.py) on the very same generated data.

#include <Eigen/Core>
#include <functional>
#include <string>

namespace sextant::bench {

// One generated dataset, written by run.py as raw little-endian float64 files.
// Rows are samples, columns are features. y holds class indices 0..classes-1 (as
// doubles) or regression values; classes is 0 for regression and unlabelled data.
struct BenchData {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    Eigen::MatrixXd Xtest;
    Eigen::VectorXd ytest;
    int classes = 0;
};

struct BenchOutcome {
    double seconds = 0; // the timed part only (fit, or fit + queries), wall clock
    double score = 0; // on the test rows: accuracy, R^2, or inertia per sample
    std::string scoreName; // "accuracy", "r2", "inertia"
};

struct BenchTaskDef {
    std::string name;
    std::string description;
    std::function<BenchOutcome(const BenchData &)> run;
};

int registerBenchTask(BenchTaskDef task);

// Wall-clock seconds since an arbitrary start.
double benchNow();

} // namespace sextant::bench

#define SEXTANT_BENCH_CONCAT2(a, b) a##b
#define SEXTANT_BENCH_CONCAT(a, b) SEXTANT_BENCH_CONCAT2(a, b)
// SEXTANT_BENCH_TASK("kmeans", "k-means, k=10, 500k x 8", [](const BenchData &d) { ... });
#define SEXTANT_BENCH_TASK(name, description, fn)                                                  \
    static const int SEXTANT_BENCH_CONCAT(sextantBenchTask_, __LINE__)                             \
        = ::sextant::bench::registerBenchTask({ name, description, fn })
