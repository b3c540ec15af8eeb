#include "nodes/ColumnLookup.h"

#include "graph/NodeError.h"

#include <QCoreApplication>
#include <QSet>

namespace sextant::engine {

namespace {

QString available(const Dataset &data)
{
    QStringList names = data.columnNames();
    const qsizetype shown = 20;
    QString out = names.mid(0, shown).join(QStringLiteral(", "));
    if (names.size() > shown)
        out += QStringLiteral(", ... (%1 columns)").arg(names.size());
    return out;
}

} // namespace

int ColumnLookup::require(const Dataset &data, const QString &name, const QString &parameterLabel)
{
    const int index = data.indexOf(name);
    if (index < 0)
        throw NodeError(QCoreApplication::translate(
            "NodeError", "%1: column '%2' not found in the input (columns: %3)")
                            .arg(parameterLabel, name, available(data)));
    return index;
}

QList<int> ColumnLookup::requireAll(
    const Dataset &data, const QStringList &names, const QString &parameterLabel)
{
    QList<int> out;
    QSet<int> seen;
    out.reserve(names.size());
    for (const QString &name : names) {
        const int index = require(data, name, parameterLabel);
        if (seen.contains(index))
            throw NodeError(
                QStringLiteral("%1: column '%2' is listed twice").arg(parameterLabel, name));
        seen.insert(index);
        out.push_back(index);
    }
    return out;
}

int ColumnLookup::requireNumeric(
    const Dataset &data, const QString &name, const QString &parameterLabel)
{
    const int index = require(data, name, parameterLabel);
    if (!data.column(index).isNumeric())
        throw NodeError(QStringLiteral("%1: column '%2' is not numeric").arg(parameterLabel, name));
    return index;
}

QList<int> ColumnLookup::numericOrDefault(
    const Dataset &data, const QStringList &names, const QString &noneMessage)
{
    QList<int> columns;
    if (names.isEmpty()) {
        for (int i : data.numericColumns())
            if (data.column(i).role() != ColumnRole::Target)
                columns.push_back(i);
        if (columns.isEmpty())
            throw NodeError(noneMessage);
        return columns;
    }
    columns = requireAll(data, names, QStringLiteral("Columns"));
    for (int i : columns)
        if (!data.column(i).isNumeric())
            throw NodeError(
                QStringLiteral("Columns: column '%1' is not numeric").arg(data.column(i).name()));
    return columns;
}

} // namespace sextant::engine
