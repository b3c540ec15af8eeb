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

double srgbToLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double linearToSrgb(double c)
{
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

} // namespace

// Björn Ottosson's OKLab (2020), from linear sRGB.
OkLab OkLab::fromRgb(QRgb rgb)
{
    const double r = srgbToLinear(qRed(rgb) / 255.0);
    const double g = srgbToLinear(qGreen(rgb) / 255.0);
    const double b = srgbToLinear(qBlue(rgb) / 255.0);
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return { 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
        1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
        0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s };
}

QRgb OkLab::toRgb() const
{
    const double l_ = L + 0.3963377774 * a + 0.2158037573 * b;
    const double m_ = L - 0.1055613458 * a - 0.0638541728 * b;
    const double s_ = L - 0.0894841775 * a - 1.2914855480 * b;
    const double l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_;
    const double r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
    const double g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
    const double bl = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
    const auto byte
        = [](double c) { return static_cast<int>(std::lround(linearToSrgb(c) * 255.0)); };
    return qRgb(byte(r), byte(g), byte(bl));
}

QRgb ScatterDensityJob::blend(
    const std::uint32_t *counts, const std::vector<OkLab> &classColors, QRgb missing)
{
    double L = 0, a = 0, b = 0, sum = 0;
    for (std::size_t k = 0; k < classColors.size(); ++k) {
        if (counts[k] == 0)
            continue;
        const double w = std::sqrt(static_cast<double>(counts[k]));
        L += w * classColors[k].L;
        a += w * classColors[k].a;
        b += w * classColors[k].b;
        sum += w;
    }
    if (sum == 0)
        return missing;
    return OkLab { L / sum, a / sum, b / sum }.toRgb();
}

QRectF ScatterSummary::padded(const QRectF &r, bool symmetricY)
{
    const double w = r.width(), h = r.height();
    const double px = w > 0 ? w * kPadding : std::max(0.5, std::abs(r.left()) * 0.1);
    const double py = h > 0 ? h * kPadding : std::max(0.5, std::abs(r.top()) * 0.1);
    if (symmetricY) {
        const double m = std::max({ std::abs(r.top()), std::abs(r.bottom()), 1e-12 }) * 1.08;
        return QRectF(r.left() - px, -m, w + 2 * px, 2 * m);
    }
    return QRectF(r.left() - px, r.top() - py, w + 2 * px, h + 2 * py);
}

ScatterSummary ScatterSummary::of(std::span<const double> x, std::span<const double> y,
    std::span<const double> values, const std::atomic<bool> *cancel)
{
    ScatterSummary s;
    const std::size_t n = std::min(x.size(), y.size());
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    double v0 = x0, v1 = -x0;
    qint64 finite = 0;
    for (std::size_t start = 0; start < n; start += (1u << 20)) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return s;
        const std::size_t end = std::min(n, start + (1u << 20));
        for (std::size_t i = start; i < end; ++i) {
            const double a = x[i], b = y[i];
            if (!std::isfinite(a) || !std::isfinite(b))
                continue;
            ++finite;
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
    s.finite = finite;
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
            range = ScatterSummary::padded(s.bounds, request.symmetricY);
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
    std::vector<OkLab> labs;
    for (int k = 0; k < K && k < request.classColors.size(); ++k)
        labs.push_back(OkLab::fromRgb(request.classColors[k]));
    const bool blendClasses
        = request.coloring == ScatterDensityColoring::Blend && static_cast<int>(labs.size()) == K;
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
                if (blendClasses) {
                    rgb = blend(grid->classCounts.data() + cell * K, labs, missing);
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
