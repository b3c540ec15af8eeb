#pragma once

#include "data/Dataset.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sextant::engine {

// Finding the columns a node's parameters name, with messages that say what is wrong.
// Throws NodeError.
class ColumnLookup {
public:
    // Index of column `name`; throws "column 'x' not found (columns: a, b, c)".
    static int require(const Dataset &data, const QString &name, const QString &parameterLabel);
    // Indices of `names`, in order; throws on an unknown or repeated name.
    static QList<int> requireAll(
        const Dataset &data, const QStringList &names, const QString &parameterLabel);
    // Index of a numeric column, or throws "column 'x' is not numeric".
    static int requireNumeric(
        const Dataset &data, const QString &name, const QString &parameterLabel);
    // The numeric columns a "Columns" list names (each must be numeric), or, for an empty
    // list, every numeric column but the target; throws `noneMessage` when that is none.
    static QList<int> numericOrDefault(
        const Dataset &data, const QStringList &names, const QString &noneMessage);
};

} // namespace sextant::engine
