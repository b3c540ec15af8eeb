#include "cli/SweepFolder.h"

#include "data/AtomicFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace sextant::cli {

namespace {

constexpr int kFormatVersion = 1;
const char *const kFormat = "sextant-sweep";

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &v)
{
    QStringList list;
    for (const QJsonValue &item : v.toArray())
        list.append(item.toString());
    return list;
}

// A path relative to DIR that stays inside it (no "..", not absolute).
bool isSafeRelative(const QString &p)
{
    if (p.isEmpty() || QDir::isAbsolutePath(p))
        return false;
    const QString clean = QDir::cleanPath(p);
    return !clean.startsWith(QLatin1String("..")) && clean != QLatin1String(".");
}

} // namespace

QString SweepFolder::path(const QString &relative) const
{
    return QDir(directory).filePath(relative);
}

QString SweepFolder::runName(int index)
{
    return QStringLiteral("%1").arg(index, 4, 10, QLatin1Char('0'));
}

QString SweepFolder::runDirectory(int index) const
{
    return QDir(directory).filePath(QStringLiteral("runs/") + runName(index));
}

bool SweepFolder::save(QString *error) const
{
    QJsonObject o;
    o[QStringLiteral("format")] = QString::fromLatin1(kFormat);
    o[QStringLiteral("version")] = kFormatVersion;
    o[QStringLiteral("workflow")] = workflow;
    o[QStringLiteral("metric")] = metric;
    QJsonArray files;
    for (const InputFile &f : inputs) {
        QJsonObject j;
        j[QStringLiteral("path")] = f.path;
        j[QStringLiteral("sha256")] = f.sha256;
        j[QStringLiteral("bytes")] = double(f.bytes);
        files.append(j);
    }
    o[QStringLiteral("inputs")] = files;
    QJsonArray ps;
    for (const Point &p : points) {
        QJsonObject j;
        j[QStringLiteral("index")] = p.index;
        j[QStringLiteral("targets")] = toArray(p.targets);
        j[QStringLiteral("values")] = toArray(p.values);
        j[QStringLiteral("sets")] = toArray(p.sets);
        ps.append(j);
    }
    o[QStringLiteral("points")] = ps;
    return engine::AtomicFile::write(QDir(directory).filePath(QStringLiteral("sweep.json")),
        QJsonDocument(o).toJson(QJsonDocument::Indented), error);
}

bool SweepFolder::load(const QString &dir, SweepFolder *folder, QString *error)
{
    const QString file = QDir(dir).filePath(QStringLiteral("sweep.json"));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(file, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("%1: not JSON (%2 at offset %3)")
                     .arg(file, pe.errorString())
                     .arg(pe.offset);
        return false;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)
        || o.value(QStringLiteral("version")).toInt() != kFormatVersion) {
        *error = QStringLiteral("%1: not a sextant sweep plan (format %2, version %3)")
                     .arg(file, QString::fromLatin1(kFormat))
                     .arg(kFormatVersion);
        return false;
    }
    SweepFolder s;
    s.directory = QFileInfo(dir).absoluteFilePath();
    s.workflow = o.value(QStringLiteral("workflow")).toString();
    s.metric = o.value(QStringLiteral("metric")).toString();
    if (!isSafeRelative(s.workflow)) {
        *error = QStringLiteral("%1: the workflow path '%2' is not inside the sweep folder")
                     .arg(file, s.workflow);
        return false;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("inputs")).toArray()) {
        const QJsonObject j = v.toObject();
        InputFile in;
        in.path = j.value(QStringLiteral("path")).toString();
        in.sha256 = j.value(QStringLiteral("sha256")).toString();
        in.bytes = static_cast<qint64>(j.value(QStringLiteral("bytes")).toDouble());
        if (!isSafeRelative(in.path)) {
            *error = QStringLiteral("%1: the input path '%2' is not inside the sweep folder")
                         .arg(file, in.path);
            return false;
        }
        s.inputs.append(in);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("points")).toArray()) {
        const QJsonObject j = v.toObject();
        Point p;
        p.index = j.value(QStringLiteral("index")).toInt(-1);
        p.targets = toList(j.value(QStringLiteral("targets")));
        p.values = toList(j.value(QStringLiteral("values")));
        p.sets = toList(j.value(QStringLiteral("sets")));
        if (p.index != s.points.size()) {
            *error = QStringLiteral("%1: point %2 is out of order").arg(file).arg(s.points.size());
            return false;
        }
        s.points.append(p);
    }
    *folder = s;
    return true;
}

QString SweepFolder::sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace sextant::cli
