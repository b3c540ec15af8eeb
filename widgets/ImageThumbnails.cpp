#include "widgets/ImageThumbnails.h"

#include "data/ImageFolderReader.h"

#include <QImage>
#include <QMetaObject>
#include <algorithm>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace sextant::widgets {

namespace {

// The image at `path` scaled to fit side x side, as RGB; null when it cannot be decoded.
QImage makeThumbnail(const QString &path, int side)
{
    try {
        const cv::Mat image = engine::ImageFolderReader::decode(path);
        if (image.empty())
            return {};
        const double scale = std::min(1.0, double(side) / double(std::max(image.cols, image.rows)));
        cv::Mat small;
        if (scale < 1.0)
            cv::resize(image, small,
                cv::Size(std::max(1, int(image.cols * scale + 0.5)),
                    std::max(1, int(image.rows * scale + 0.5))),
                0, 0, cv::INTER_AREA);
        else
            small = image;
        cv::Mat rgb;
        cv::cvtColor(small, rgb, cv::COLOR_BGR2RGB);
        return QImage(
            rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step), QImage::Format_RGB888)
            .copy();
    } catch (const cv::Exception &) {
        return {};
    }
}

} // namespace

ImageThumbnails::ImageThumbnails(int side, QObject *parent)
    : QObject(parent), m_side(side), m_cache(kCacheSize)
{
    m_pool.setMaxThreadCount(1);
}

ImageThumbnails::~ImageThumbnails()
{
    // No job may deliver to a destroyed object.
    m_pool.clear();
    m_pool.waitForDone();
}

QPixmap ImageThumbnails::thumbnail(const QString &path)
{
    if (const QPixmap *cached = m_cache.object(path))
        return *cached;
    if (m_failed.contains(path) || m_pending.contains(path))
        return {};
    m_pending.insert(path);
    const int side = m_side;
    m_pool.start([this, path, side] {
        const QImage image = makeThumbnail(path, side);
        // To the GUI thread; the destructor waits for this job, so `this` is alive.
        QMetaObject::invokeMethod(
            this, [this, path, image] { deliver(path, image); }, Qt::QueuedConnection);
    });
    return {};
}

void ImageThumbnails::deliver(const QString &path, const QImage &image)
{
    if (!m_pending.remove(path))
        return; // forgotten by cancelPending
    if (image.isNull()) {
        m_failed.insert(path);
        return;
    }
    m_cache.insert(path, new QPixmap(QPixmap::fromImage(image)));
    Q_EMIT thumbnailReady(path);
}

void ImageThumbnails::cancelPending()
{
    m_pool.clear();
    m_pending.clear();
}

void ImageThumbnails::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace sextant::widgets
