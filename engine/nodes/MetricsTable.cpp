#include "nodes/MetricsTable.h"

#include <QJsonArray>
#include <cmath>
#include <limits>

namespace sextant::engine {

double MetricsTable::value(int row, const QString &column) const
{
    const int c = columnIndex(column);
    if (row < 0 || row >= rows.size() || c < 0 || c >= rows[row].values.size())
        return std::numeric_limits<double>::quiet_NaN();
    return rows[row].values[c];
}

QJsonObject MetricsTable::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("title"), title);
    root.insert(QStringLiteral("columns"), QJsonArray::fromStringList(columns));
    QJsonArray out;
    for (const Row &r : rows) {
        QJsonObject o;
        o.insert(QStringLiteral("label"), r.label);
        for (int c = 0; c < columns.size() && c < r.values.size(); ++c)
            o.insert(
                columns[c], std::isfinite(r.values[c]) ? QJsonValue(r.values[c]) : QJsonValue());
        for (int c = 0; c < noteColumns.size() && c < r.notes.size(); ++c)
            o.insert(noteColumns[c], r.notes[c]);
        out.push_back(o);
    }
    root.insert(QStringLiteral("rows"), out);
    return root;
}

QString MetricsTable::toCsv() const
{
    const auto quote = [](const QString &s) {
        if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
            && !s.contains(QLatin1Char('\n')))
            return s;
        QString q = s;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QStringLiteral("\"%1\"").arg(q);
    };
    QString out = QStringLiteral("label");
    for (const QString &c : columns)
        out += QLatin1Char(',') + quote(c);
    for (const QString &c : noteColumns)
        out += QLatin1Char(',') + quote(c);
    out += QLatin1Char('\n');
    for (const Row &r : rows) {
        out += quote(r.label);
        for (int c = 0; c < columns.size(); ++c) {
            const double v = c < r.values.size() ? r.values[c] : std::nan("");
            out += QLatin1Char(',') + (std::isfinite(v) ? QString::number(v, 'g', 10) : QString());
        }
        for (int c = 0; c < noteColumns.size(); ++c)
            out += QLatin1Char(',') + quote(r.notes.value(c));
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace sextant::engine
