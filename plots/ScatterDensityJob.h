#pragma once

#include "data/Column.h"
#include "data/DensityGrid.h"

#include <QImage>
#include <QRectF>
#include <QRgb>
#include <QSize>
#include <QVector>
#include <atomic>
#include <optional>
#include <span>
#include <vector>

namespace sextant::plots {

// How a scatter colours its points and, in density mode, its cells (ScatterPlot::ColorMode
// and ScatterPlot::DensityColoring).
enum class ScatterColorMode { None, Categorical, Numeric };
enum class ScatterDensityColoring { Majority, Blend };

// The bounds of a scatter's finite points and the range of its numeric colour values.
struct ScatterSummary {
    QRectF bounds;
    double valueMin = 0, valueMax = 0;
    qint64 finite = 0; // points with finite coordinates
    bool valid = false;

    // One pass over the points (x[i], y[i]) and the colour values; polls `cancel` (may be
    // null) every 2^20 points and returns an invalid summary when it is set.
    static ScatterSummary of(std::span<const double> x, std::span<const double> y,
        std::span<const double> values, const std::atomic<bool> *cancel);
    // `r` with a 3% margin on each side (some room for a flat range too); `symmetricY`
    // makes the y range symmetric around 0 (residuals).
    static QRectF padded(const QRectF &r, bool symmetricY = false);
};

// What one density aggregation needs, taken from the widget on the GUI thread. The
// columns share the widget's cells; nothing is copied.
struct ScatterDensityRequest {
    engine::Column x, y, color;
    ScatterColorMode colorMode = ScatterColorMode::None;
    int classCount = 0;
    QVector<QRgb> classColors;
    QVector<QRgb> table; // 256-entry gradient for numeric values or counts
    ScatterDensityColoring coloring = ScatterDensityColoring::Blend;
    double valueMin = 0, valueMax = 1;
    QRectF range;
    QSize grid;
    bool computeSummary = false;
    bool resetView = false;
    bool symmetricY = false; // the view a reset chooses (ScatterSummary::padded)
};

struct ScatterDensityResult {
    bool cancelled = false;
    std::optional<ScatterSummary> summary;
    std::optional<engine::DensityGrid> grid;
    QImage image;
    QRectF rect;
    bool resetView = false;
};

// A colour in the OKLab space (L lightness 0..1, a/b opponent axes), where the density
// job mixes class colours: a perceptually even space, so a 50:50 cell looks half-way
// between the two classes and a small share of a class shifts the hue visibly.
struct OkLab {
    double L = 0, a = 0, b = 0;
    static OkLab fromRgb(QRgb rgb);
    QRgb toRgb() const; // clipped to the sRGB gamut
};

// The density job: counts the points of the requested range per cell (DensityGrid) and
// colours the cells into an image (majority class, blend of the class colours, mean of
// the numeric colour column, or count). Runs on the scatter's worker thread, or on the
// calling thread for ScatterPlot::refreshDensityNow; touches nothing of the widget.
class ScatterDensityJob {
public:
    // `cancel` may be null; a set flag ends the job early with result.cancelled.
    static ScatterDensityResult run(
        const ScatterDensityRequest &request, const std::atomic<bool> *cancel);
    // The colour of a cell holding counts[k] points of class k (K classes with the given
    // OKLab colours): the colours' mean in OKLab, weighted by the counts' square roots.
    // Equal counts give the midpoint; the square root lets a 1% share tint the cell by
    // about 9% (a linear 1% is one or two levels of an 8-bit channel, invisible), so a
    // minority class stays visible among 10^6 points. `missing` when the cell holds no
    // labelled point.
    static QRgb blend(
        const std::uint32_t *counts, const std::vector<OkLab> &classColors, QRgb missing);
};

} // namespace sextant::plots
