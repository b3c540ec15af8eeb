#include "data/LoadResult.h"

namespace sextant::engine {

QString LoadIssue::toString() const
{
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
