#include "ml/DriftStatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::engine {

std::vector<double> DriftStatistics::fractions(const std::vector<double> &counts)
{
    double total = 0;
    for (double c : counts)
        total += c;
    std::vector<double> out(counts.size(), 0.0);
    if (total > 0)
        for (std::size_t i = 0; i < counts.size(); ++i)
            out[i] = counts[i] / total;
    return out;
}

double DriftStatistics::psi(const std::vector<double> &expected, const std::vector<double> &actual)
{
    double se = 0, sa = 0;
    for (double v : expected)
        se += v;
    for (double v : actual)
        sa += v;
    if (se <= 0 || sa <= 0 || expected.size() != actual.size())
        return 0;
    double total = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double e = std::max(expected[i] / se, kPsiFloor);
        const double a = std::max(actual[i] / sa, kPsiFloor);
        total += (a - e) * std::log(a / e);
    }
    return total;
}

std::vector<int> DriftStatistics::groupBins(const std::vector<double> &counts, double minShare)
{
    double total = 0;
    for (double c : counts)
        total += c;
    std::vector<int> groups(counts.size(), 0);
    if (total <= 0)
        return groups;
    int group = 0;
    double inGroup = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        groups[i] = group;
        inGroup += counts[i];
        if (inGroup >= minShare * total && i + 1 < counts.size()) {
            ++group;
            inGroup = 0;
        }
    }
    // A short last group joins the one before it.
    if (group > 0 && inGroup < minShare * total / 2)
        for (int &g : groups)
            if (g == group)
                g = group - 1;
    return groups;
}

std::vector<double> DriftStatistics::regroup(
    const std::vector<double> &counts, const std::vector<int> &groups)
{
    int n = 0;
    for (int g : groups)
        n = std::max(n, g + 1);
    std::vector<double> out(std::size_t(n), 0.0);
    for (std::size_t i = 0; i < counts.size() && i < groups.size(); ++i)
        out[std::size_t(groups[i])] += counts[i];
    return out;
}

double DriftStatistics::ksStatistic(const std::vector<double> &a, const std::vector<double> &b)
{
    double sa = 0, sb = 0;
    for (double v : a)
        sa += v;
    for (double v : b)
        sb += v;
    if (sa <= 0 || sb <= 0 || a.size() != b.size())
        return 0;
    double ca = 0, cb = 0, d = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ca += a[i];
        cb += b[i];
        d = std::max(d, std::abs(ca / sa - cb / sb));
    }
    return d;
}

double DriftStatistics::ksPValue(double d, double n, double m)
{
    if (n <= 0 || m <= 0)
        return 1;
    const double en = std::sqrt(n * m / (n + m));
    const double lambda = (en + 0.12 + 0.11 / en) * d;
    if (lambda < 1e-3)
        return 1;
    double sum = 0, sign = 1, previous = 0;
    for (int k = 1; k <= 100; ++k) {
        const double term = sign * 2 * std::exp(-2 * double(k) * double(k) * lambda * lambda);
        sum += term;
        if (std::abs(term) <= 1e-10 * std::abs(previous) || std::abs(term) <= 1e-16 * sum)
            return std::clamp(sum, 0.0, 1.0);
        sign = -sign;
        previous = term;
    }
    return 1; // the series did not converge: lambda is tiny, the samples agree
}

double DriftStatistics::chiSquare(
    const std::vector<double> &observed, const std::vector<double> &expected, int &df)
{
    df = 0;
    double n = 0, pe = 0;
    for (std::size_t i = 0; i < observed.size() && i < expected.size(); ++i)
        if (expected[i] > 0) {
            n += observed[i];
            pe += expected[i];
        }
    if (n <= 0 || pe <= 0)
        return 0;
    double x = 0;
    int used = 0;
    for (std::size_t i = 0; i < observed.size() && i < expected.size(); ++i) {
        if (expected[i] <= 0)
            continue;
        const double e = n * expected[i] / pe;
        x += (observed[i] - e) * (observed[i] - e) / e;
        ++used;
    }
    df = used - 1;
    return x;
}

namespace {

// P(a, x) by its series, for x < a + 1.
double lowerSeries(double a, double x)
{
    double sum = 1.0 / a, term = sum, ap = a;
    for (int n = 0; n < 10000; ++n) {
        ap += 1;
        term *= x / ap;
        sum += term;
        if (std::abs(term) < std::abs(sum) * 1e-16)
            break;
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1.
double upperFraction(double a, double x)
{
    constexpr double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 10000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < 1e-16)
            break;
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

} // namespace

double DriftStatistics::chiSquarePValue(double x, int df)
{
    if (df < 1 || !(x > 0))
        return 1;
    if (std::isinf(x))
        return 0;
    const double a = df / 2.0, half = x / 2;
    if (half < a + 1)
        return std::clamp(1 - lowerSeries(a, half), 0.0, 1.0);
    return std::clamp(upperFraction(a, half), 0.0, 1.0);
}

} // namespace sextant::engine
