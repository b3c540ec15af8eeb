#include "ml/OutlierThreshold.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sextant::engine {

double OutlierThreshold::percentile(std::vector<double> values, double q)
{
    if (values.empty())
        throw std::invalid_argument("percentile of no values");
    std::sort(values.begin(), values.end());
    const double index = q / 100.0 * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(index));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    const double t = index - static_cast<double>(lo);
    const double a = values[lo], b = values[hi];
    // numpy's _lerp: from the nearer end, so t = 1 gives b exactly.
    return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
}

std::vector<char> OutlierThreshold::flags(const Eigen::VectorXd &scores, double contamination)
{
    std::vector<double> negated(static_cast<std::size_t>(scores.size()));
    for (Eigen::Index i = 0; i < scores.size(); ++i)
        negated[static_cast<std::size_t>(i)] = -scores[i];
    const double offset = percentile(negated, 100.0 * contamination);
    std::vector<char> out(negated.size());
    for (std::size_t i = 0; i < negated.size(); ++i)
        out[i] = negated[i] < offset ? 1 : 0;
    return out;
}

} // namespace sextant::engine
