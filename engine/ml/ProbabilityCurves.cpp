#include "ml/ProbabilityCurves.h"

#include "ml/BoxStatistics.h"
#include "ml/FitContext.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace sextant::engine {

CalibrationCurve ProbabilityCurves::calibration(std::span<const std::int32_t> labels,
    std::span<const double> probabilities, int bins, Strategy strategy, std::int32_t positive)
{
    if (labels.size() != probabilities.size())
        throw FitError("calibration curve: labels and probabilities differ in length");
    if (bins < 1)
        throw FitError("calibration curve: at least one bin is needed");
    std::vector<double> p;
    std::vector<std::int32_t> y;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        double v = probabilities[i];
        if (std::isnan(v))
            continue;
        if (v < 0 && v > -1e-9)
            v = 0; // rounding in a model's normalisation
        if (v > 1 && v < 1 + 1e-9)
            v = 1;
        if (v < 0 || v > 1)
            throw FitError("calibration curve: probability " + std::to_string(v) + " at row "
                + std::to_string(i) + " is outside [0, 1]");
        p.push_back(v);
        y.push_back(labels[i] == positive ? 1 : 0);
    }
    CalibrationCurve c;
    c.total = static_cast<std::int64_t>(p.size());
    if (p.empty())
        return c;
    c.edges.resize(static_cast<std::size_t>(bins) + 1);
    if (strategy == Strategy::Uniform) {
        // numpy.linspace(0, 1, bins + 1)
        const double step = 1.0 / bins;
        for (int i = 0; i <= bins; ++i)
            c.edges[static_cast<std::size_t>(i)] = i * step;
        c.edges.back() = 1.0;
    } else {
        std::vector<double> sorted = p;
        std::sort(sorted.begin(), sorted.end());
        for (int i = 0; i <= bins; ++i) {
            // numpy.linspace(0, 1, bins + 1) * 100, then percentile's q / 100
            const double q = (static_cast<double>(i) / bins * 100.0) / 100.0;
            c.edges[static_cast<std::size_t>(i)]
                = BoxStatistics::quantile(sorted, std::min(q, 1.0));
        }
    }
    const auto innerBegin = c.edges.begin() + 1;
    const auto innerEnd = c.edges.end() - 1;
    std::vector<double> sums(static_cast<std::size_t>(bins), 0.0);
    std::vector<std::int64_t> trues(static_cast<std::size_t>(bins), 0);
    std::vector<std::int64_t> totals(static_cast<std::size_t>(bins), 0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto bin
            = static_cast<std::size_t>(std::lower_bound(innerBegin, innerEnd, p[i]) - innerBegin);
        sums[bin] += p[i];
        trues[bin] += y[i];
        totals[bin] += 1;
        c.positives += y[i];
    }
    for (std::size_t b = 0; b < totals.size(); ++b) {
        if (totals[b] == 0)
            continue;
        c.meanPredicted.push_back(sums[b] / static_cast<double>(totals[b]));
        c.fractionPositive.push_back(
            static_cast<double>(trues[b]) / static_cast<double>(totals[b]));
        c.counts.push_back(totals[b]);
    }
    return c;
}

GainsCurve ProbabilityCurves::gains(std::span<const std::int32_t> labels,
    std::span<const double> scores, std::int32_t positive, int maxPoints)
{
    std::vector<std::size_t> order;
    order.reserve(scores.size());
    for (std::size_t i = 0; i < scores.size() && i < labels.size(); ++i)
        if (!std::isnan(scores[i]))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
        [&scores](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    GainsCurve g;
    g.total = static_cast<std::int64_t>(order.size());
    for (std::size_t i : order)
        g.positives += labels[i] == positive ? 1 : 0;
    if (g.total == 0)
        return g;
    // Every distinct score's point.
    std::vector<double> population { 0.0 }, gains { 0.0 };
    std::int64_t seen = 0, found = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        ++seen;
        found += labels[order[k]] == positive ? 1 : 0;
        if (k + 1 < order.size() && scores[order[k + 1]] == scores[order[k]])
            continue;
        population.push_back(static_cast<double>(seen) / static_cast<double>(g.total));
        gains.push_back(g.positives > 0
                ? static_cast<double>(found) / static_cast<double>(g.positives)
                : std::nan(""));
    }
    // At most maxPoints: the first point at or past each step of the population range.
    std::vector<std::size_t> keep;
    if (maxPoints >= 2 && population.size() > static_cast<std::size_t>(maxPoints)) {
        const double step = 1.0 / (maxPoints - 1);
        double next = 0;
        for (std::size_t i = 0; i < population.size(); ++i) {
            if (population[i] >= next || i + 1 == population.size()) {
                keep.push_back(i);
                next = (std::floor(population[i] / step) + 1) * step;
            }
        }
    } else {
        keep.resize(population.size());
        std::iota(keep.begin(), keep.end(), std::size_t(0));
    }
    for (std::size_t i : keep) {
        g.population.push_back(population[i]);
        g.gains.push_back(gains[i]);
        g.lift.push_back(population[i] > 0 ? gains[i] / population[i] : std::nan(""));
    }
    if (g.lift.size() > 1)
        g.lift.front() = g.lift[1];
    return g;
}

} // namespace sextant::engine
