#include "data/AtomicFile.h"

#include <QSaveFile>

namespace sextant::engine {

namespace {

// What a writer writes into: the temporary file, where a short write is retried until it
// is complete or the system says why not (a write that stops at a file-size limit or a
// full disk reports nothing until the next one), and the first failure is kept.
class CompleteWrites : public QIODevice {
public:
    explicit CompleteWrites(QSaveFile &file) : m_file(file) { open(QIODevice::WriteOnly); }
    bool failed() const { return m_failed; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        if (m_failed)
            return -1;
        qint64 done = 0;
        while (done < length) {
            const qint64 n = m_file.write(data + done, length - done);
            if (n <= 0) {
                m_failed = true;
                setErrorString(m_file.errorString());
                return -1;
            }
            done += n;
        }
        return length;
    }

private:
    QSaveFile &m_file;
    bool m_failed = false;
};

} // namespace

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
    CompleteWrites device(file);
    QString why;
    const bool written = writer(device, &why);
    if (!written || device.failed()) {
        // The system's reason (a full disk) says more than a writer's own complaint.
        const QString reason = device.failed() ? device.errorString() : why;
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
