#pragma once

#include "data/LoadResult.h"

#include <QByteArray>
#include <QFile>
#include <cstddef>
#include <optional>

namespace sextant::engine {

// The bytes of a data file, for a reader that parses the whole file in one pass: the file
// is memory-mapped when the file system allows it, and read into memory otherwise. Only
// regular files are accepted (not directories, devices or pipes), so a reader never
// blocks on a FIFO or reads /dev/zero forever.
class TextSource {
public:
    TextSource() = default;
    ~TextSource();
    TextSource(const TextSource &) = delete;
    TextSource &operator=(const TextSource &) = delete;

    // Opens `path`. Returns the problem (no such file, a directory, unreadable, ...) naming
    // the file, or nothing on success.
    std::optional<LoadIssue> open(const QString &path);

    // The file's bytes; valid while this object lives. Not NUL-terminated.
    const char *data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    QFile m_file;
    uchar *m_map = nullptr;
    QByteArray m_buffer;
    const char *m_data = "";
    std::size_t m_size = 0;
};

} // namespace sextant::engine
