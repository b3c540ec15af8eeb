#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace sextant::engine {

// A table of evaluation figures, the value on Metrics ports: one row per model, fold or
// trial, one column per metric. NaN where a figure does not apply.
struct MetricsTable {
    struct Row {
        QString label;
        QVector<double> values; // one per column
        QStringList notes; // optional per-row text (tuning: the parameters)
    };
    QString title;
    QStringList columns; // metric names ("accuracy", "f1_macro", ...)
    QStringList noteColumns; // names of the per-row texts
    QList<Row> rows;

    int columnIndex(const QString &name) const { return static_cast<int>(columns.indexOf(name)); }
    double value(int row, const QString &column) const;
    // {"title":..., "columns":[...], "rows":[{"label":..., "<metric>": value, ...}]}
    QJsonObject toJson() const;
    // label,<columns...>,<notes...> as CSV text
    QString toCsv() const;
};

} // namespace sextant::engine
