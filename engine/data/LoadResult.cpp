#include "data/LoadResult.h"

namespace sextant::engine {

QString LoadIssue::toString() const
{
    // A message about the whole file that names it already ("not enough memory to load
    // FILE: ...") is not prefixed with the file a second time.
    if (line <= 0 && !file.isEmpty() && message.contains(file))
        return message;
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    if (!out.isEmpty())
        out += QStringLiteral(": ");
    return out + message;
}

} // namespace sextant::engine
