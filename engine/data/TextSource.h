#pragma once

#include "data/LoadResult.h"

#include <QByteArray>
#include <QFile>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace sextant::engine {

// The one way Sextant's readers (CSV/TSV, ARFF, LIBSVM) get the bytes of a data file.
//
// Every path goes through checkDataFile first, so every reader refuses the same paths
// with the same words: a missing file, a directory, anything that is not a regular file
// (a FIFO, a device, a socket: a FIFO would block the reader forever, /dev/zero never
// ends) and an unreadable file.
//
// Two ways to consume the bytes:
//  - open(): the whole file at once, memory-mapped when the file system allows it and
//    read into memory otherwise, for a reader that parses the file in one pass
//    (data(), size()).
//  - openStream() (or the in-memory constructor): sequential reads and seeks, for a
//    reader that streams the file in blocks (TextBlockReader).
// Allocation failures while reading are refusals ("not enough memory to load FILE:
// needs about N GB"), never exceptions.
class TextSource {
public:
    TextSource() = default;
    // Bytes in memory, readable both ways (the array is shared, not copied).
    explicit TextSource(const QByteArray &bytes);
    ~TextSource();
    TextSource(const TextSource &) = delete;
    TextSource &operator=(const TextSource &) = delete;

    // The shared check: nothing when `path` is a regular, readable file, otherwise the
    // problem naming the file ("no such file", "is a directory, not a data file", "is not
    // a regular file (a FIFO, device or socket) ...", "cannot be read (permission
    // denied)"). Does not open the file, so it never blocks.
    static std::optional<LoadIssue> checkDataFile(const QString &path);

    // Opens `path` and makes all of its bytes available through data() and size().
    // Returns the problem naming the file, or nothing on success.
    std::optional<LoadIssue> open(const QString &path);
    // Opens `path` for read() and seek(). Returns the problem naming the file.
    std::optional<LoadIssue> openStream(const QString &path);

    // The whole file after open() (or the in-memory bytes); valid while this object
    // lives. Not NUL-terminated.
    const char *data() const { return m_data; }
    std::size_t size() const { return m_size; }

    // Streaming: the total size in bytes (-1 when unknown), the next at most `max` bytes
    // (0 at the end, -1 on error), and a jump to `position` for a second pass (false
    // when that is not possible or the file changed its size since it was opened).
    std::int64_t totalSize() const { return m_total; }
    std::int64_t read(char *dst, std::int64_t max);
    bool seek(std::int64_t position);
    QString errorString() const;

private:
    std::optional<LoadIssue> openFile(const QString &path, bool unbuffered);

    QFile m_file;
    QByteArray m_bytes; // in-memory source, or a file read into memory
    bool m_inMemory = false;
    uchar *m_map = nullptr;
    const char *m_data = "";
    std::size_t m_size = 0;
    std::int64_t m_total = -1;
    std::int64_t m_position = 0; // in-memory streaming only
};

// "not enough memory to load FILE: needs about N GB" (N from `bytesNeeded`, at least 0.1),
// the refusal every reader gives when an allocation fails.
LoadIssue notEnoughMemory(const QString &file, double bytesNeeded);

} // namespace sextant::engine
