#include "data/ImageFeatures.h"

#include <QCoreApplication>
#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace sextant::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::engine::ImageFeatures", text);
}

cv::HOGDescriptor hogFor(const ImageFeatures::Options &o)
{
    const cv::Size cell(o.cell, o.cell);
    return cv::HOGDescriptor(cv::Size(o.width, o.height), cell * 2, cell, cell, o.orientations);
}

cv::Mat grey(const cv::Mat &bgr)
{
    cv::Mat out;
    cv::cvtColor(bgr, out, cv::COLOR_BGR2GRAY);
    return out;
}

} // namespace

QString ImageFeatures::check(const Options &o)
{
    if (o.width < 1 || o.height < 1)
        return tr("the image size must be at least 1 x 1 pixels");
    if (o.kind == Kind::Histogram && (o.bins < 1 || o.bins > 256))
        return tr("the histogram takes 1 to 256 bins per channel");
    if (o.kind == Kind::Hog) {
        if (o.cell < 1 || o.orientations < 1)
            return tr("the HOG cell size and orientation bins must be at least 1");
        if (o.width % o.cell != 0 || o.height % o.cell != 0)
            return tr("the size %1 x %2 is not a multiple of the HOG cell size %3")
                .arg(o.width)
                .arg(o.height)
                .arg(o.cell);
        if (o.width < 2 * o.cell || o.height < 2 * o.cell)
            return tr("the size %1 x %2 holds less than 2 x 2 HOG cells of %3 pixels")
                .arg(o.width)
                .arg(o.height)
                .arg(o.cell);
    }
    return {};
}

ImageFeatures::ImageFeatures(const Options &options) : m_options(options)
{
    const Options &o = m_options;
    switch (o.kind) {
    case Kind::Pixels:
        for (int y = 0; y < o.height; ++y)
            for (int x = 0; x < o.width; ++x) {
                const QString at = QStringLiteral("%1_%2").arg(y).arg(x);
                if (o.colour)
                    m_names << QStringLiteral("r_") + at << QStringLiteral("g_") + at
                            << QStringLiteral("b_") + at;
                else
                    m_names << QStringLiteral("p_") + at;
            }
        break;
    case Kind::Histogram:
        for (const char *channel : { "r_", "g_", "b_" }) {
            const QString prefix
                = QStringLiteral("hist_") + (o.colour ? QLatin1String(channel) : QLatin1String());
            for (int b = 0; b < o.bins; ++b)
                m_names << prefix + QString::number(b);
            if (!o.colour)
                break;
        }
        break;
    case Kind::Hog: {
        if (!check(o).isEmpty())
            break;
        const auto n = static_cast<int>(hogFor(o).getDescriptorSize());
        for (int i = 0; i < n; ++i)
            m_names << QStringLiteral("hog_") + QString::number(i);
        break;
    }
    }
}

void ImageFeatures::compute(const cv::Mat &bgr, double *out) const
{
    const Options &o = m_options;
    const cv::Size size(o.width, o.height);
    switch (o.kind) {
    case Kind::Pixels: {
        cv::Mat small;
        cv::resize(o.colour ? bgr : grey(bgr), small, size, 0, 0, cv::INTER_AREA);
        double *p = out;
        for (int y = 0; y < small.rows; ++y) {
            const std::uint8_t *row = small.ptr<std::uint8_t>(y);
            for (int x = 0; x < small.cols; ++x) {
                if (o.colour) {
                    const std::uint8_t *c = row + 3 * x; // B, G, R
                    *p++ = c[2] / 255.0;
                    *p++ = c[1] / 255.0;
                    *p++ = c[0] / 255.0;
                } else {
                    *p++ = row[x] / 255.0;
                }
            }
        }
        break;
    }
    case Kind::Histogram: {
        const cv::Mat image = o.colour ? bgr : grey(bgr);
        const int channels = image.channels();
        std::vector<double> counts(static_cast<std::size_t>(channels) * o.bins, 0.0);
        for (int y = 0; y < image.rows; ++y) {
            const std::uint8_t *row = image.ptr<std::uint8_t>(y);
            for (int x = 0; x < image.cols; ++x)
                for (int c = 0; c < channels; ++c) {
                    const int bin = row[x * channels + c] * o.bins / 256;
                    // Channel c of BGR is written as channel (2 - c) of RGB.
                    const int channel = channels == 3 ? 2 - c : 0;
                    counts[static_cast<std::size_t>(channel) * o.bins + bin] += 1.0;
                }
        }
        const double pixels = static_cast<double>(image.total());
        for (std::size_t i = 0; i < counts.size(); ++i)
            out[i] = counts[i] / pixels;
        break;
    }
    case Kind::Hog: {
        cv::Mat small;
        cv::resize(grey(bgr), small, size, 0, 0, cv::INTER_AREA);
        std::vector<float> descriptor;
        hogFor(o).compute(small, descriptor);
        const std::size_t n = std::min(descriptor.size(), static_cast<std::size_t>(count()));
        for (std::size_t i = 0; i < n; ++i)
            out[i] = descriptor[i];
        break;
    }
    }
}

} // namespace sextant::engine
