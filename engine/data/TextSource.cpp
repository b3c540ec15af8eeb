#include "data/TextSource.h"

#include <QFileInfo>

namespace sextant::engine {

TextSource::~TextSource()
{
    if (m_map)
        m_file.unmap(m_map);
}

std::optional<LoadIssue> TextSource::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return LoadIssue { path, 0, 0, QStringLiteral("no such file") };
    if (info.isDir())
        return LoadIssue { path, 0, 0, QStringLiteral("is a directory, not a data file") };
    if (!info.isFile())
        return LoadIssue { path, 0, 0, QStringLiteral("is not a regular file") };
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return LoadIssue { path, 0, 0,
            QStringLiteral("cannot be opened: %1").arg(m_file.errorString()) };
    const qint64 size = m_file.size();
    if (size <= 0)
        return std::nullopt; // empty: data() is "" and size() is 0
    m_map = m_file.map(0, size);
    if (m_map) {
        m_data = reinterpret_cast<const char *>(m_map);
        m_size = static_cast<std::size_t>(size);
        return std::nullopt;
    }
    m_buffer = m_file.readAll();
    if (m_buffer.size() != size)
        return LoadIssue { path, 0, 0,
            QStringLiteral("could not be read completely: %1").arg(m_file.errorString()) };
    m_data = m_buffer.constData();
    m_size = static_cast<std::size_t>(m_buffer.size());
    return std::nullopt;
}

} // namespace sextant::engine
