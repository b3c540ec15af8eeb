#include "data/AtomicFile.h"

#include <QSaveFile>

namespace sextant::engine {

QString AtomicFile::failureMessage(const QString &path, const QString &reason)
{
    return QStringLiteral("%1: cannot write: %2")
        .arg(path, reason.isEmpty() ? QStringLiteral("unknown error") : reason);
}

bool AtomicFile::write(const QString &path, const Writer &writer, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = failureMessage(path, reason);
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    QString why;
    if (!writer(file, &why)) {
        // The device's error (a full disk) says more than a writer's generic complaint.
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString() : why;
        file.cancelWriting();
        return fail(reason);
    }
    if (file.error() != QFileDevice::NoError) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

bool AtomicFile::write(const QString &path, const QByteArray &data, QString *error)
{
    return write(
        path,
        [&data](QIODevice &device, QString *why) {
            if (device.write(data) == data.size())
                return true;
            *why = device.errorString();
            return false;
        },
        error);
}

} // namespace sextant::engine
