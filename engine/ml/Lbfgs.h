#pragma once

#include <Eigen/Core>
#include <functional>

namespace sextant::engine {

// Options for Lbfgs::minimize. Defaults follow scipy's L-BFGS-B as scikit-learn calls it.
struct LbfgsOptions {
    // Upper bound on iterations (one iteration = one accepted line-search step).
    int maxIterations = 100;
    // Number of (s, y) correction pairs kept for the inverse-Hessian approximation.
    int memory = 10;
    // Converged when max_i |g_i| <= gradientTolerance (scipy's gtol / pgtol).
    double gradientTolerance = 1e-5;
    // Converged when (f_prev - f) / max(|f_prev|, |f|, 1) <= relativeDecreaseTolerance
    // (scipy's factr * machine epsilon with factr = 1e7). 0 disables the test.
    double relativeDecreaseTolerance = 2.220446049250313e-09;
    // Wolfe constants: sufficient decrease (c1) and curvature (c2, strong Wolfe).
    double c1 = 1e-4;
    double c2 = 0.9;
    // Function evaluations allowed per line search before it gives up.
    int maxLineSearchEvaluations = 25;
};

struct LbfgsResult {
    enum class Status {
        Converged, // gradient or relative-decrease test met
        MaxIterations, // maxIterations reached
        Stopped, // the iteration callback asked to stop
        Aborted, // the abort check returned true (x holds the last accepted point)
        LineSearchFailed, // no step satisfying the Wolfe conditions (x: best point seen)
    };
    Status status = Status::MaxIterations;
    int iterations = 0;
    int evaluations = 0;
    double value = 0; // objective at the returned x
    double gradientMaxAbs = 0; // max |g_i| at the returned x
};

// Limited-memory BFGS (Nocedal & Wright, Algorithm 7.4/7.5) with a line search satisfying
// the strong Wolfe conditions (Algorithm 3.5/3.6, cubic interpolation, safeguarded).
// Unconstrained, deterministic (no randomness; the result depends only on the objective's
// values and gradients). Reusable by any smooth objective in engine/ml.
class Lbfgs {
public:
    // Returns f(x) and writes the gradient into `gradient` (already sized like x).
    using Objective = std::function<double(const Eigen::VectorXd &x, Eigen::VectorXd &gradient)>;
    // Called after each iteration (1-based) with the accepted point; true stops.
    using IterationCallback = std::function<bool(
        int iteration, const Eigen::VectorXd &x, double value, const Eigen::VectorXd &gradient)>;
    // Polled after each function evaluation; true aborts at once.
    using AbortCheck = std::function<bool()>;

    explicit Lbfgs(LbfgsOptions options = {}) : m_options(options) { }

    // Minimises `objective` starting from `x` (updated in place to the result).
    LbfgsResult minimize(const Objective &objective, Eigen::VectorXd &x,
        const IterationCallback &onIteration = {}, const AbortCheck &abort = {}) const;

    const LbfgsOptions &options() const { return m_options; }

private:
    LbfgsOptions m_options;
};

} // namespace sextant::engine
