#include "data/DensityGrid.h"

#include "core/Parallel.h"
#include "core/ThreadCount.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace sextant::engine {

namespace {

constexpr std::size_t kMaxCells = std::size_t(1) << 26;
// Points per chunk between two polls of the cancel flag.
constexpr std::size_t kChunk = 1 << 16;
// Below this many points one thread is faster than starting and merging several.
constexpr std::size_t kMinPointsPerThread = 1 << 18;
// Upper bound on the private grids of all worker threads together.
constexpr std::size_t kMaxPartialBytes = std::size_t(512) << 20;

struct Partial {
    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> classCounts;
    std::vector<double> sums;
    std::uint64_t inside = 0, outside = 0, skipped = 0;
};

struct Context {
    std::span<const double> x, y, values;
    std::span<const std::int32_t> classes;
    int width = 0, height = 0, classCount = 0;
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0, sx = 0, sy = 0;
};

void allocate(Partial &p, const Context &c, std::size_t cells)
{
    p.counts.assign(cells, 0);
    if (c.classCount > 0 && !c.classes.empty())
        p.classCounts.assign(cells * static_cast<std::size_t>(c.classCount), 0);
    if (!c.values.empty())
        p.sums.assign(cells, 0.0);
}

// The tight loop: one pass over [begin, end). Returns false when cancelled.
bool accumulate(const Context &c, std::size_t begin, std::size_t end, Partial &p,
    const std::atomic<bool> *cancel)
{
    const bool withClasses = !p.classCounts.empty();
    const bool withValues = !p.sums.empty();
    const std::uint32_t K = static_cast<std::uint32_t>(c.classCount);
    const int wMax = c.width - 1;
    const int hMax = c.height - 1;
    std::uint64_t inside = 0, outside = 0, skipped = 0;
    for (std::size_t chunk = begin; chunk < end; chunk += kChunk) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        const std::size_t stop = std::min(end, chunk + kChunk);
        for (std::size_t i = chunk; i < stop; ++i) {
            const double px = c.x[i];
            const double py = c.y[i];
            // NaN fails every comparison and lands here too.
            if (!(px >= c.xMin && px <= c.xMax && py >= c.yMin && py <= c.yMax)) {
                if (std::isfinite(px) && std::isfinite(py))
                    ++outside;
                else
                    ++skipped;
                continue;
            }
            const int ix = std::min(static_cast<int>((px - c.xMin) * c.sx), wMax);
            const int iy = std::min(static_cast<int>((py - c.yMin) * c.sy), hMax);
            const std::size_t cell = static_cast<std::size_t>(iy) * c.width + ix;
            ++p.counts[cell];
            ++inside;
            if (withClasses) {
                const std::uint32_t k = static_cast<std::uint32_t>(c.classes[i]);
                if (k < K) // also rejects -1 (missing), which wraps to a large value
                    ++p.classCounts[cell * K + k];
            }
            if (withValues) {
                const double v = c.values[i];
                if (!std::isnan(v))
                    p.sums[cell] += v;
            }
        }
    }
    p.inside += inside;
    p.outside += outside;
    p.skipped += skipped;
    return true;
}

} // namespace

double DensityGrid::meanAt(int ix, int iy) const
{
    const std::size_t c = cell(ix, iy);
    if (valueSums.empty() || counts[c] == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return valueSums[c] / counts[c];
}

std::optional<DensityGrid> DensityGrid::compute(std::span<const double> x,
    std::span<const double> y, std::span<const std::int32_t> classes,
    std::span<const double> values, const DensityGridOptions &options,
    const std::atomic<bool> *cancel)
{
    if (x.size() != y.size() || options.width < 1 || options.height < 1)
        return std::nullopt;
    if (!classes.empty() && classes.size() != x.size())
        return std::nullopt;
    if (!values.empty() && values.size() != x.size())
        return std::nullopt;
    const std::size_t cells = static_cast<std::size_t>(options.width) * options.height;
    if (cells > kMaxCells || options.classCount < 0)
        return std::nullopt;

    Context c;
    c.x = x;
    c.y = y;
    c.values = values;
    c.classes = classes;
    c.width = options.width;
    c.height = options.height;
    c.classCount = classes.empty() ? 0 : options.classCount;
    c.xMin = options.xMin;
    c.xMax = options.xMax;
    c.yMin = options.yMin;
    c.yMax = options.yMax;
    if (!(c.xMax > c.xMin)) {
        c.xMin -= 0.5;
        c.xMax = c.xMin + 1.0;
    }
    if (!(c.yMax > c.yMin)) {
        c.yMin -= 0.5;
        c.yMax = c.yMin + 1.0;
    }
    c.sx = c.width / (c.xMax - c.xMin);
    c.sy = c.height / (c.yMax - c.yMin);

    const std::size_t n = x.size();
    std::size_t threads = static_cast<std::size_t>(threadCountOr(options.threads));
    threads = std::min(threads, std::max<std::size_t>(1, n / kMinPointsPerThread));
    const std::size_t bytesPerGrid = cells
        * (sizeof(std::uint32_t) * (1 + static_cast<std::size_t>(c.classCount))
            + (values.empty() ? 0 : sizeof(double)));
    threads = std::max<std::size_t>(
        1, std::min(threads, kMaxPartialBytes / std::max<std::size_t>(1, bytesPerGrid)));

    std::vector<Partial> partials(threads);
    for (Partial &p : partials)
        allocate(p, c, cells);

    std::vector<char> results(threads, 1);
    const int used = parallelChunks(
        0, std::int64_t(n), int(threads), 1, [&](int t, std::int64_t begin, std::int64_t end) {
            results[std::size_t(t)] = accumulate(c, std::size_t(begin), std::size_t(end),
                                          partials[std::size_t(t)], cancel)
                ? 1
                : 0;
        });
    if (!std::all_of(results.begin(), results.end(), [](char r) { return r != 0; }))
        return std::nullopt;
    threads = std::max<std::size_t>(1, std::size_t(used));

    // Merge into the first partial.
    Partial &out = partials[0];
    for (std::size_t t = 1; t < threads; ++t) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return std::nullopt;
        const Partial &p = partials[t];
        for (std::size_t i = 0; i < cells; ++i)
            out.counts[i] += p.counts[i];
        for (std::size_t i = 0; i < out.classCounts.size(); ++i)
            out.classCounts[i] += p.classCounts[i];
        for (std::size_t i = 0; i < out.sums.size(); ++i)
            out.sums[i] += p.sums[i];
        out.inside += p.inside;
        out.outside += p.outside;
        out.skipped += p.skipped;
    }

    DensityGrid g;
    g.width = c.width;
    g.height = c.height;
    g.classCount = c.classCount;
    g.xMin = c.xMin;
    g.xMax = c.xMax;
    g.yMin = c.yMin;
    g.yMax = c.yMax;
    g.inside = out.inside;
    g.outside = out.outside;
    g.skipped = out.skipped;
    g.maxCount = out.counts.empty() ? 0 : *std::max_element(out.counts.begin(), out.counts.end());
    g.majority.assign(cells, -1);
    if (c.classCount > 0) {
        const std::size_t K = static_cast<std::size_t>(c.classCount);
        for (std::size_t i = 0; i < cells; ++i) {
            const std::uint32_t *row = out.classCounts.data() + i * K;
            std::uint32_t best = 0;
            std::int32_t arg = -1;
            for (std::size_t k = 0; k < K; ++k) {
                if (row[k] > best) { // ties keep the lower class
                    best = row[k];
                    arg = static_cast<std::int32_t>(k);
                }
            }
            g.majority[i] = arg;
        }
    }
    g.counts = std::move(out.counts);
    g.classCounts = std::move(out.classCounts);
    g.valueSums = std::move(out.sums);
    return g;
}

} // namespace sextant::engine
