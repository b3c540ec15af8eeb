#include "data/TextSource.h"

#include <QFileInfo>
#include <algorithm>
#include <cstring>
#include <new>

namespace sextant::engine {

TextSource::TextSource(const QByteArray &bytes)
    : m_bytes(bytes), m_inMemory(true), m_data(m_bytes.constData()),
      m_size(static_cast<std::size_t>(m_bytes.size())), m_total(m_bytes.size())
{
}

TextSource::~TextSource()
{
    if (m_map)
        m_file.unmap(m_map);
}

std::optional<LoadIssue> TextSource::checkDataFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return LoadIssue { path, 0, 0, QStringLiteral("no such file") };
    if (info.isDir())
        return LoadIssue { path, 0, 0, QStringLiteral("is a directory, not a data file") };
    if (!info.isFile())
        return LoadIssue { path, 0, 0,
            QStringLiteral("is not a regular file (a FIFO, device or socket); Sextant reads "
                           "data only from regular files") };
    if (!info.isReadable())
        return LoadIssue { path, 0, 0, QStringLiteral("cannot be read (permission denied)") };
    return std::nullopt;
}

std::optional<LoadIssue> TextSource::openFile(const QString &path, bool unbuffered)
{
    if (auto problem = checkDataFile(path))
        return problem;
    m_file.setFileName(path);
    QIODevice::OpenMode mode = QIODevice::ReadOnly;
    if (unbuffered)
        mode |= QIODevice::Unbuffered; // blocks go straight into the reader's buffer
    if (!m_file.open(mode))
        return LoadIssue { path, 0, 0,
            QStringLiteral("cannot be opened: %1").arg(m_file.errorString()) };
    m_total = m_file.isSequential() ? -1 : m_file.size();
    return std::nullopt;
}

std::optional<LoadIssue> TextSource::open(const QString &path)
{
    if (auto problem = openFile(path, false))
        return problem;
    const qint64 size = m_file.size();
    if (size <= 0)
        return std::nullopt; // empty: data() is "" and size() is 0
    m_map = m_file.map(0, size);
    if (m_map) {
        m_data = reinterpret_cast<const char *>(m_map);
        m_size = static_cast<std::size_t>(size);
        return std::nullopt;
    }
    try {
        m_bytes = m_file.readAll();
    } catch (const std::bad_alloc &) {
        return notEnoughMemory(path, double(size));
    }
    if (m_bytes.size() != size)
        return LoadIssue { path, 0, 0,
            QStringLiteral("could not be read completely: %1").arg(m_file.errorString()) };
    m_data = m_bytes.constData();
    m_size = static_cast<std::size_t>(m_bytes.size());
    return std::nullopt;
}

std::optional<LoadIssue> TextSource::openStream(const QString &path)
{
    return openFile(path, true);
}

std::int64_t TextSource::read(char *dst, std::int64_t max)
{
    if (!m_inMemory)
        return m_file.read(dst, max);
    const std::int64_t n = std::clamp<std::int64_t>(m_bytes.size() - m_position, 0, max);
    if (n > 0)
        std::memcpy(dst, m_bytes.constData() + m_position, static_cast<std::size_t>(n));
    m_position += n;
    return n;
}

bool TextSource::seek(std::int64_t position)
{
    if (m_inMemory) {
        if (position < 0 || position > m_bytes.size())
            return false;
        m_position = position;
        return true;
    }
    // Re-reading is only sound if the file did not change meanwhile.
    return m_file.isOpen() && !m_file.isSequential() && m_file.size() == m_total
        && m_file.seek(position);
}

QString TextSource::errorString() const
{
    return m_inMemory ? QString() : m_file.errorString();
}

LoadIssue notEnoughMemory(const QString &file, double bytesNeeded)
{
    const double gb = std::max(bytesNeeded / double(1 << 30), 0.1);
    return LoadIssue { file, 0, 0,
        QStringLiteral("not enough memory to load %1: needs about %2 GB")
            .arg(file, QString::number(gb, 'f', gb < 10 ? 1 : 0)) };
}

} // namespace sextant::engine
