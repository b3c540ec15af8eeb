#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>
#include <QThreadPool>

namespace sextant::widgets {

// Small thumbnails of image files, made off the GUI thread and cached, for the data
// table's path cells. thumbnail() returns the cached pixmap at once, or a null pixmap
// after queueing the file for a worker thread (one thread, so the table never takes the
// cores a run needs); thumbnailReady says when it has come. The worker decodes with
// OpenCV, as the image-folder reader does, and scales to fit side() x side() (never up).
// A file that cannot be decoded is remembered and not tried again. The most recent
// kCacheSize thumbnails stay cached.
class ImageThumbnails : public QObject {
    Q_OBJECT
public:
    static constexpr int kCacheSize = 2000;

    explicit ImageThumbnails(int side, QObject *parent = nullptr);
    ~ImageThumbnails() override;

    int side() const { return m_side; }
    // The thumbnail of `path` when made; else null (and queued once).
    QPixmap thumbnail(const QString &path);
    // Forgets the queued files that have not started (a new table).
    void cancelPending();
    // Waits for the worker (tests).
    void waitForDone();

Q_SIGNALS:
    void thumbnailReady(const QString &path);

private:
    void deliver(const QString &path, const QImage &image);

    int m_side;
    QThreadPool m_pool;
    QCache<QString, QPixmap> m_cache;
    QSet<QString> m_pending; // queued or being made
    QSet<QString> m_failed; // could not be decoded
};

} // namespace sextant::widgets
