#include "data/GroupedHistogram.h"

#include <cmath>
#include <span>

namespace sextant::engine {

namespace {

constexpr std::size_t kCancelCheckRows = 1 << 16;

// The bin of a finite value, with Statistics::histogram's (numpy's) index computation
// over `edges`, so that grouped counts add up to the unsplit ones bin for bin.
std::size_t binOf(double v, const std::vector<double> &edges)
{
    const std::size_t nBins = edges.size() - 1;
    const double lo = edges.front();
    const double hi = edges.back();
    double f = ((v - lo) / (hi - lo)) * double(nBins);
    if (!(f >= 0.0)) // also NaN from an infinite range
        f = 0.0;
    if (f > double(nBins))
        f = double(nBins);
    auto i = static_cast<std::size_t>(f);
    if (i == nBins)
        --i;
    if (i > 0 && v < edges[i])
        --i;
    else if (i != nBins - 1 && v >= edges[i + 1])
        ++i;
    return i;
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

GroupedHistogram GroupedHistogram::compute(
    const Column &column, const Column &groupBy, int bins, const std::atomic<bool> *cancel)
{
    GroupedHistogram out;
    out.total = Statistics::histogram(column, bins);
    if (cancelled(cancel))
        return {};
    if (!groupBy.isCategorical() || groupBy.size() != column.size())
        return out;

    out.groupColumn = groupBy.name();
    out.groups = groupBy.categories();
    const std::size_t nBins = out.total.counts.size();
    const auto nGroups = static_cast<std::size_t>(out.groups.size());
    out.counts.assign(nGroups, std::vector<std::int64_t>(nBins, 0));
    std::vector<std::int64_t> missingGroup(nBins, 0);
    bool anyMissingGroup = false;
    const std::span<const std::int32_t> groupCodes = groupBy.codes();

    const auto add = [&](std::size_t row, std::size_t bin) {
        const std::int32_t g = groupCodes[row];
        if (g >= 0 && static_cast<std::size_t>(g) < nGroups) {
            ++out.counts[static_cast<std::size_t>(g)][bin];
        } else {
            ++missingGroup[bin];
            anyMissingGroup = true;
        }
    };

    if (column.isCategorical()) {
        const std::span<const std::int32_t> codes = column.codes();
        for (std::size_t row = 0; row < codes.size(); ++row) {
            if (row % kCancelCheckRows == 0 && cancelled(cancel))
                return {};
            const std::int32_t code = codes[row];
            if (code >= 0 && static_cast<std::size_t>(code) < nBins)
                add(row, static_cast<std::size_t>(code));
        }
    } else if (nBins > 0 && out.total.edges.size() == nBins + 1) {
        const std::span<const double> values = column.values();
        for (std::size_t row = 0; row < values.size(); ++row) {
            if (row % kCancelCheckRows == 0 && cancelled(cancel))
                return {};
            const double v = values[row];
            if (std::isfinite(v))
                add(row, binOf(v, out.total.edges));
        }
    }
    if (anyMissingGroup)
        out.missingGroup = std::move(missingGroup);
    return out;
}

} // namespace sextant::engine
