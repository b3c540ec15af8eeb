#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sextant::engine {

// What to aggregate and over which range.
struct DensityGridOptions {
    // Grid size in cells (typically the plot's pixel size, or half of it).
    int width = 0;
    int height = 0;
    // The data range covered: x in [xMin, xMax], y in [yMin, yMax]. A point on the upper
    // edge falls in the last cell; points outside are counted in `outside`. An empty
    // range (min == max) is widened by 0.5 on each side.
    double xMin = 0, xMax = 1;
    double yMin = 0, yMax = 1;
    // Number of classes K for per-class counts (0: no classes). Class codes outside
    // [0, K) — missing labels are -1 — count in `counts` but in no class.
    int classCount = 0;
    // Worker threads; 0 picks defaultThreadCount() (core/ThreadCount.h). Small inputs always
    // run on the calling thread.
    int threads = 0;
};

// N points aggregated into a width x height grid: counts per cell, and per class the
// counts and the majority class of each cell; optionally the sum of a per-point value
// (for colouring by the mean of a numeric column).
//
// Layout: cell (ix, iy) has index iy * width + ix; ix grows with x from xMin, iy grows
// with y from yMin (row 0 is the *bottom* of a plot). `classCounts` is cell-major:
// cell * classCount + k.
struct DensityGrid {
    int width = 0;
    int height = 0;
    int classCount = 0;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;

    std::vector<std::uint32_t> counts; // width * height
    std::vector<std::uint32_t> classCounts; // width * height * classCount (empty if K = 0)
    std::vector<std::int32_t> majority; // width * height; -1 for an empty cell or K = 0
    std::vector<double> valueSums; // width * height, only when values were given

    std::uint64_t inside = 0; // points counted in a cell
    std::uint64_t outside = 0; // finite points outside the range
    std::uint64_t skipped = 0; // points with a NaN/infinite coordinate
    std::uint32_t maxCount = 0;

    std::size_t cell(int ix, int iy) const { return static_cast<std::size_t>(iy) * width + ix; }
    std::uint32_t count(int ix, int iy) const { return counts[cell(ix, iy)]; }
    std::uint32_t classCountAt(int ix, int iy, int k) const
    {
        return classCounts[cell(ix, iy) * classCount + k];
    }
    std::int32_t majorityAt(int ix, int iy) const { return majority[cell(ix, iy)]; }
    // Mean of the per-point values in a cell (NaN when empty or no values were given).
    double meanAt(int ix, int iy) const;

    // Aggregates the points (x[i], y[i]) with optional class codes and optional values
    // (NaN values are left out of the sums but the point still counts). `classes` and
    // `values` are empty or as long as x. One pass over the data, split across threads
    // that each fill a private grid, then merged. Returns nullopt when cancelled or when
    // the sizes are invalid (x and y of different lengths, width or height < 1, or more
    // than 2^26 cells).
    static std::optional<DensityGrid> compute(std::span<const double> x, std::span<const double> y,
        std::span<const std::int32_t> classes, std::span<const double> values,
        const DensityGridOptions &options, const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
