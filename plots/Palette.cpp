#include "plots/Palette.h"

#include "plots/QCustomPlotInclude.h"

#include <array>
#include <cmath>

namespace sextant::plots {

namespace {
constexpr std::array<QRgb, 10> kTableau10 { 0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
    0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac };
} // namespace

QColor Palette::categorical(int index)
{
    if (index < 0)
        return missing();
    if (index < static_cast<int>(kTableau10.size()))
        return QColor(kTableau10[static_cast<std::size_t>(index)]);
    // Golden-angle hue steps keep neighbours apart; alternate lightness for more contrast.
    const int k = index - static_cast<int>(kTableau10.size());
    const double hue = std::fmod(0.07 + k * 0.618033988749895, 1.0);
    return QColor::fromHsvF(static_cast<float>(hue), k % 2 ? 0.55f : 0.75f, k % 2 ? 0.95f : 0.75f);
}

QList<QColor> Palette::categorical(int count, int first)
{
    QList<QColor> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(categorical(first + i));
    return out;
}

QColor Palette::missing()
{
    return QColor(0x9a, 0x9a, 0x9a);
}

QColor Palette::textOn(const QColor &background)
{
    // Relative luminance (sRGB, approximate): dark text on light cells.
    const double l
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return l > 0.55 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
}

void Palette::setDiverging(QCPColorGradient &gradient)
{
    gradient.clearColorStops();
    const std::array<QRgb, 11> stops { 0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
        0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f };
    for (std::size_t i = 0; i < stops.size(); ++i)
        gradient.setColorStopAt(static_cast<double>(i) / (stops.size() - 1), QColor(stops[i]));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd9, 0xd9, 0xd9));
}

void Palette::setSequential(QCPColorGradient &gradient)
{
    gradient.clearColorStops();
    const std::array<QRgb, 9> stops { 0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80,
        0x5ec962, 0xaadc32, 0xfde725 };
    for (std::size_t i = 0; i < stops.size(); ++i)
        gradient.setColorStopAt(static_cast<double>(i) / (stops.size() - 1), QColor(stops[i]));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd9, 0xd9, 0xd9));
}

void Palette::setBlues(QCPColorGradient &gradient)
{
    gradient.clearColorStops();
    const std::array<QRgb, 9> stops { 0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6,
        0x2171b5, 0x08519c, 0x08306b };
    for (std::size_t i = 0; i < stops.size(); ++i)
        gradient.setColorStopAt(static_cast<double>(i) / (stops.size() - 1), QColor(stops[i]));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
}

QColor Palette::colorAt(const QCPColorGradient &gradient, double fraction)
{
    // QCPColorGradient::color is not const in QCustomPlot 2.1 (it may rebuild its table).
    QCPColorGradient copy(gradient);
    return QColor::fromRgba(copy.color(fraction, QCPRange(0.0, 1.0)));
}

} // namespace sextant::plots
