#include "plots/ScatterDensityJob.h"

#include "plots/Palette.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::plots {

using engine::DensityGrid;
using engine::DensityGridOptions;

namespace {

constexpr double kPadding = 0.03;

} // namespace

QRectF ScatterSummary::padded(const QRectF &r)
{
    const double w = r.width(), h = r.height();
    const double px = w > 0 ? w * kPadding : std::max(0.5, std::abs(r.left()) * 0.1);
    const double py = h > 0 ? h * kPadding : std::max(0.5, std::abs(r.top()) * 0.1);
    return QRectF(r.left() - px, r.top() - py, w + 2 * px, h + 2 * py);
}

ScatterSummary ScatterSummary::of(std::span<const double> x, std::span<const double> y,
    std::span<const double> values, const std::atomic<bool> *cancel)
{
    ScatterSummary s;
    const std::size_t n = std::min(x.size(), y.size());
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    double v0 = x0, v1 = -x0;
    for (std::size_t start = 0; start < n; start += (1u << 20)) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return s;
        const std::size_t end = std::min(n, start + (1u << 20));
        for (std::size_t i = start; i < end; ++i) {
            const double a = x[i], b = y[i];
            if (!std::isfinite(a) || !std::isfinite(b))
                continue;
            x0 = std::min(x0, a);
            x1 = std::max(x1, a);
            y0 = std::min(y0, b);
            y1 = std::max(y1, b);
        }
        if (!values.empty()) {
            for (std::size_t i = start; i < std::min(end, values.size()); ++i) {
                const double v = values[i];
                if (std::isfinite(v)) {
                    v0 = std::min(v0, v);
                    v1 = std::max(v1, v);
                }
            }
        }
    }
    if (x0 <= x1) {
        s.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
        s.valid = true;
    } else {
        s.bounds = QRectF(0, 0, 1, 1);
    }
    if (v0 <= v1) {
        s.valueMin = v0;
        s.valueMax = v1 > v0 ? v1 : v0 + 1;
    } else {
        s.valueMin = 0;
        s.valueMax = 1;
    }
    return s;
}

ScatterDensityResult ScatterDensityJob::run(
    const ScatterDensityRequest &request, const std::atomic<bool> *cancel)
{
    ScatterDensityResult out;
    out.resetView = request.resetView;
    const auto x = request.x.values();
    const auto y = request.y.values();
    const std::size_t n = std::min(x.size(), y.size());
    const auto values = request.colorMode == ScatterColorMode::Numeric ? request.color.values()
                                                                       : std::span<const double>();
    const auto codes = request.colorMode == ScatterColorMode::Categorical
        ? request.color.codes()
        : std::span<const std::int32_t>();
    double vMin = request.valueMin, vMax = request.valueMax;
    QRectF range = request.range;
    if (request.computeSummary) {
        ScatterSummary s = ScatterSummary::of(x.first(n), y.first(n), values, cancel);
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        vMin = s.valueMin;
        vMax = s.valueMax;
        if (request.resetView)
            range = ScatterSummary::padded(s.bounds);
        out.summary = s;
    }

    DensityGridOptions o;
    o.width = request.grid.width();
    o.height = request.grid.height();
    o.xMin = range.left();
    o.xMax = range.right();
    o.yMin = range.top();
    o.yMax = range.bottom();
    o.classCount = request.classCount;
    auto grid = DensityGrid::compute(x.first(n), y.first(n),
        codes.size() >= n ? codes.first(n) : codes.first(0),
        values.size() >= n ? values.first(n) : values.first(0), o, cancel);
    if (!grid) {
        out.cancelled = true;
        return out;
    }

    // Colour the cells. Opacity grows with log(count) so sparse regions stay visible and
    // dense ones saturate; rows are flipped (grid row 0 is the bottom of the plot).
    const int W = grid->width, H = grid->height;
    QImage image(W, H, QImage::Format_ARGB32_Premultiplied);
    const double logMax
        = std::log1p(static_cast<double>(std::max<std::uint32_t>(1, grid->maxCount)));
    const int K = grid->classCount;
    const QRgb missing = Palette::missing().rgb();
    const double vSpan = vMax > vMin ? vMax - vMin : 1.0;
    for (int iy = 0; iy < H; ++iy) {
        if (cancel && (iy & 63) == 0 && cancel->load(std::memory_order_relaxed)) {
            out.cancelled = true;
            return out;
        }
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(H - 1 - iy));
        for (int ix = 0; ix < W; ++ix) {
            const std::size_t cell = grid->cell(ix, iy);
            const std::uint32_t count = grid->counts[cell];
            if (count == 0) {
                line[ix] = 0;
                continue;
            }
            const double t = std::log1p(static_cast<double>(count)) / logMax;
            QRgb rgb;
            int alpha = static_cast<int>(90 + 165 * t);
            if (request.colorMode == ScatterColorMode::Categorical && K > 0) {
                if (request.coloring == ScatterDensityColoring::Blend) {
                    double r = 0, g = 0, b = 0, sum = 0;
                    for (int k = 0; k < K; ++k) {
                        const double w = grid->classCounts[cell * K + k];
                        if (w == 0)
                            continue;
                        const QRgb c = request.classColors[k];
                        r += w * qRed(c);
                        g += w * qGreen(c);
                        b += w * qBlue(c);
                        sum += w;
                    }
                    rgb = sum > 0 ? qRgb(int(r / sum), int(g / sum), int(b / sum)) : missing;
                } else {
                    const std::int32_t m = grid->majority[cell];
                    rgb = m >= 0 ? request.classColors[m] : missing;
                }
            } else if (request.colorMode == ScatterColorMode::Numeric) {
                const double mean = grid->valueSums.empty() ? vMin : grid->valueSums[cell] / count;
                const int idx = std::clamp(static_cast<int>((mean - vMin) / vSpan * 255.0), 0, 255);
                rgb = request.table[idx];
            } else {
                rgb = request.table[std::clamp(static_cast<int>(t * 255.0), 0, 255)];
                alpha = 255;
            }
            line[ix] = qPremultiply(qRgba(qRed(rgb), qGreen(rgb), qBlue(rgb), alpha));
        }
    }
    out.image = std::move(image);
    out.rect = QRectF(QPointF(grid->xMin, grid->yMin), QPointF(grid->xMax, grid->yMax));
    out.grid = std::move(grid);
    return out;
}

} // namespace sextant::plots
