#pragma once

#include "data/Dataset.h"

#include <QByteArray>
#include <QString>

namespace sextant::engine {

// Writes a Dataset as Weka's ARFF, UTF-8, in a form ArffReader (and Weka) read back to
// the same table: the same names, types, categories in their order (unused ones
// included), missing cells and numbers bit for bit.
//  - @relation is the dataset's name ("data" when it has none).
//  - A numeric column is "numeric"; its cells are the shortest text that parses back to
//    the same double (std::to_chars), "inf"/"-inf", "?" when missing.
//  - A categorical column is nominal: {'a','b',...} in the column's category order, and
//    each cell the quoted category or "?".
//  - Names and categories are always single-quoted; inside, a backslash escapes \ ' and
//    line ends and tabs (\n \r \t), as ArffReader unescapes them.
// Column roles are not part of ARFF: ArffReader gives the last column the target role.
class ArffWriter {
public:
    // One quoted name or value.
    static QByteArray quoted(const QString &text);
    static QByteArray toArff(const Dataset &dataset);
    // Writes `dataset` to `path` atomically (AtomicFile); on failure returns false and
    // says why in `error`, leaving an existing file as it was.
    static bool write(const Dataset &dataset, const QString &path, QString *error = nullptr);
};

} // namespace sextant::engine
