#include "cli/OutputFiles.h"

#include "data/AtomicFile.h"
#include "data/CsvWriter.h"

#include <QJsonDocument>
#include <cmath>

namespace sextant::cli {

QJsonValue OutputFiles::jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QString OutputFiles::csvNumber(double v)
{
    return std::isfinite(v) ? engine::CsvWriter::number(v) : QString();
}

bool OutputFiles::writeJson(
    const QJsonObject &object, const QString &path, QStringList *written, QString *error)
{
    if (!engine::AtomicFile::write(
            path, QJsonDocument(object).toJson(QJsonDocument::Indented), error))
        return false;
    written->append(path);
    return true;
}

bool OutputFiles::writeCsv(const QStringList &header, const QList<QStringList> &rows,
    const QString &path, QStringList *written, QString *error)
{
    if (!engine::CsvWriter::writeTable(header, rows, path, {}, error))
        return false;
    written->append(path);
    return true;
}

} // namespace sextant::cli
