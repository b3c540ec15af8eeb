#include "ml/Lbfgs.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sextant::engine {

namespace {

// Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN when it has none.
double cubicMinimizer(double a, double fa, double da, double b, double fb, double db)
{
    const double d1 = da + db - 3.0 * (fa - fb) / (a - b);
    const double disc = d1 * d1 - da * db;
    if (!(disc >= 0) || !std::isfinite(disc))
        return std::numeric_limits<double>::quiet_NaN();
    const double d2 = std::copysign(std::sqrt(disc), b - a);
    const double denom = db - da + 2.0 * d2;
    if (denom == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return b - (b - a) * (db + d2 - d1) / denom;
}

struct Point {
    double step = 0;
    double value = 0;
    double slope = 0; // directional derivative g . d
};

} // namespace

LbfgsResult Lbfgs::minimize(const Objective &objective, Eigen::VectorXd &x,
    const IterationCallback &onIteration, const AbortCheck &abort) const
{
    const LbfgsOptions &o = m_options;
    const Eigen::Index p = x.size();
    const int memory = std::max(1, o.memory);
    LbfgsResult result;

    Eigen::VectorXd g(p), gNew(p), xNew(p), direction(p), xLo(p), gLo(p);
    std::vector<Eigen::VectorXd> S(static_cast<std::size_t>(memory)),
        Y(static_cast<std::size_t>(memory));
    std::vector<double> rho(static_cast<std::size_t>(memory)),
        alpha(static_cast<std::size_t>(memory));
    int stored = 0, head = 0; // ring buffer of correction pairs: oldest at head - stored

    double f = objective(x, g);
    ++result.evaluations;
    result.value = f;
    result.gradientMaxAbs = p ? g.cwiseAbs().maxCoeff() : 0.0;
    if (abort && abort()) {
        result.status = LbfgsResult::Status::Aborted;
        return result;
    }
    if (!std::isfinite(f) || !g.allFinite()) {
        result.status = LbfgsResult::Status::LineSearchFailed;
        return result;
    }
    if (result.gradientMaxAbs <= o.gradientTolerance) {
        result.status = LbfgsResult::Status::Converged;
        return result;
    }

    bool aborted = false;
    for (int iter = 1; iter <= o.maxIterations; ++iter) {
        // Two-loop recursion: direction = -H g.
        direction = -g;
        for (int k = 0; k < stored; ++k) {
            const int i = (head - 1 - k + memory) % memory;
            alpha[i] = rho[i] * S[i].dot(direction);
            direction -= alpha[i] * Y[i];
        }
        if (stored > 0) {
            const int last = (head - 1 + memory) % memory;
            direction *= S[last].dot(Y[last]) / Y[last].squaredNorm();
        }
        for (int k = stored - 1; k >= 0; --k) {
            const int i = (head - 1 - k + memory) % memory;
            const double beta = rho[i] * Y[i].dot(direction);
            direction += (alpha[i] - beta) * S[i];
        }
        double slope0 = g.dot(direction);
        if (!(slope0 < 0)) { // not a descent direction: restart from steepest descent
            stored = 0;
            direction = -g;
            slope0 = -g.squaredNorm();
        }
        // First step of a fresh memory: unit length, as L-BFGS-B does.
        double step = stored == 0 ? std::min(1.0, 1.0 / direction.norm()) : 1.0;

        // --- Line search (strong Wolfe) ---
        const Point start { 0.0, f, slope0 };
        Point prev = start;
        Point lo = start, hi = start;
        bool haveLoPoint = false; // xLo/gLo hold the point of `lo` (when lo.step > 0)
        bool accepted = false;
        double acceptedValue = 0;
        bool zooming = false;
        int evals = 0;
        const auto evaluate = [&](double a) -> Point {
            xNew = x + a * direction;
            const double v = objective(xNew, gNew);
            ++result.evaluations;
            ++evals;
            if (abort && abort())
                aborted = true;
            Point pt { a, v, gNew.dot(direction) };
            if (!std::isfinite(v) || !std::isfinite(pt.slope))
                pt.value = std::numeric_limits<double>::infinity();
            return pt;
        };
        const auto keepLo = [&](const Point &pt) {
            lo = pt;
            xLo = xNew;
            gLo = gNew;
            haveLoPoint = true;
        };
        const auto armijoFails
            = [&](const Point &pt) { return pt.value > f + o.c1 * pt.step * slope0; };
        const auto curvatureHolds
            = [&](const Point &pt) { return std::abs(pt.slope) <= -o.c2 * slope0; };

        while (!accepted && !aborted && evals < o.maxLineSearchEvaluations) {
            if (!zooming) {
                const Point cur = evaluate(step);
                if (aborted)
                    break;
                if (armijoFails(cur) || (evals > 1 && cur.value >= prev.value)) {
                    lo = prev;
                    hi = cur;
                    zooming = true;
                    continue;
                }
                if (curvatureHolds(cur)) {
                    accepted = true;
                    acceptedValue = cur.value;
                    break;
                }
                if (cur.slope >= 0) {
                    keepLo(cur);
                    hi = prev;
                    zooming = true;
                    continue;
                }
                keepLo(cur);
                prev = cur;
                // Extrapolate: cubic step clamped to [2, 4] times the current one.
                double next = cubicMinimizer(prev.step, prev.value, prev.slope, 0.0, f, slope0);
                if (!std::isfinite(next) || next < 2.0 * step || next > 4.0 * step)
                    next = 2.0 * step;
                step = next;
                continue;
            }
            // Zoom between lo (sufficient decrease holds, lowest value) and hi.
            const double a = std::min(lo.step, hi.step), b = std::max(lo.step, hi.step);
            const double width = b - a;
            if (width <= std::numeric_limits<double>::epsilon() * std::max(1.0, b))
                break;
            double trial = std::isfinite(hi.value)
                ? cubicMinimizer(lo.step, lo.value, lo.slope, hi.step, hi.value, hi.slope)
                : std::numeric_limits<double>::quiet_NaN();
            if (!std::isfinite(trial) || trial < a + 0.1 * width || trial > b - 0.1 * width)
                trial = 0.5 * (a + b);
            const Point cur = evaluate(trial);
            if (aborted)
                break;
            if (armijoFails(cur) || cur.value >= lo.value) {
                hi = cur;
            } else {
                if (curvatureHolds(cur)) {
                    accepted = true;
                    acceptedValue = cur.value;
                    break;
                }
                if (cur.slope * (hi.step - lo.step) >= 0)
                    hi = lo;
                keepLo(cur);
            }
        }

        if (aborted) {
            result.status = LbfgsResult::Status::Aborted;
            result.iterations = iter - 1;
            return result;
        }
        double fNew = acceptedValue;
        if (!accepted) {
            // Fall back to the best point with sufficient decrease, if any.
            if (haveLoPoint && lo.step > 0 && lo.value < f) {
                xNew = xLo;
                gNew = gLo;
                fNew = lo.value;
            } else {
                result.status = LbfgsResult::Status::LineSearchFailed;
                result.iterations = iter - 1;
                return result;
            }
        }

        // Update the correction pairs (skipped when the curvature is not positive).
        Eigen::VectorXd &s = S[static_cast<std::size_t>(head)];
        Eigen::VectorXd &yv = Y[static_cast<std::size_t>(head)];
        s = xNew - x;
        yv = gNew - g;
        const double sy = s.dot(yv);
        if (sy > std::numeric_limits<double>::epsilon() * yv.squaredNorm()) {
            rho[static_cast<std::size_t>(head)] = 1.0 / sy;
            head = (head + 1) % memory;
            stored = std::min(stored + 1, memory);
        }
        x.swap(xNew);
        g.swap(gNew);
        const double fPrev = f;
        f = fNew;
        result.iterations = iter;
        result.value = f;
        result.gradientMaxAbs = g.cwiseAbs().maxCoeff();

        if (onIteration && onIteration(iter, x, f, g)) {
            result.status = LbfgsResult::Status::Stopped;
            return result;
        }
        if (result.gradientMaxAbs <= o.gradientTolerance) {
            result.status = LbfgsResult::Status::Converged;
            return result;
        }
        if (o.relativeDecreaseTolerance > 0
            && (fPrev - f) / std::max({ std::abs(fPrev), std::abs(f), 1.0 })
                <= o.relativeDecreaseTolerance) {
            result.status = LbfgsResult::Status::Converged;
            return result;
        }
    }
    result.status = LbfgsResult::Status::MaxIterations;
    return result;
}

} // namespace sextant::engine
