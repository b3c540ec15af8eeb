#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace sextant::cli {

// What `sextant run` writes next to a view's picture: its data as JSON and CSV, each file
// written atomically and appended to `written` (error set on failure). Shared by the
// sink, view and structure-view writers.
class OutputFiles {
public:
    // A number for JSON: null where not finite (JSON has no NaN or infinity).
    static QJsonValue jsonNumber(double v);
    // A number for CSV: the shortest text that reads back, empty where not finite.
    static QString csvNumber(double v);
    static bool writeJson(
        const QJsonObject &object, const QString &path, QStringList *written, QString *error);
    static bool writeCsv(const QStringList &header, const QList<QStringList> &rows,
        const QString &path, QStringList *written, QString *error);
};

} // namespace sextant::cli
