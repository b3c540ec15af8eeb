// AtomicFile: the one way Sextant saves a file.
#include "FileContents.h"
#include "data/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using sextant::engine::AtomicFile;

namespace {

using sextant::testing::readAll;

bool writePlain(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Files larger than `bytes` cannot be written by this process while it lives (EFBIG):
// a full disk that also applies to root.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        std::signal(SIGXFSZ, SIG_IGN); // the write fails instead of killing the process
        getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &m_old); }
    bool ok() const { return m_ok; }

private:
    rlimit m_old {};
    bool m_ok = false;
};

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesAndReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        QString error;
        QVERIFY2(AtomicFile::write(path, QByteArray("first"), &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("first"));
        QVERIFY2(AtomicFile::write(path, QByteArray("second, longer"), &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("second, longer"));
        QVERIFY(AtomicFile::write(path, QByteArray()));
        QCOMPARE(readAll(path), QByteArray());
        // Nothing left behind but the file itself.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("out.txt") });
    }

    void missingFolderIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/out.csv"));
        QString error;
        QVERIFY(!AtomicFile::write(path, QByteArray("x"), &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        // The operating system's reason follows.
        QVERIFY2(error.size() > QString(path + QStringLiteral(": cannot write: ")).size(),
            qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void folderThatIsAFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain"));
        QVERIFY(writePlain(file, "data"));
        const QString path = file + QStringLiteral("/out.json");
        QString error;
        QVERIFY(!AtomicFile::write(path, QByteArray("x"), &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        QCOMPARE(readAll(file), QByteArray("data"));
    }

    void unwritableFolderKeepsTheOldFile()
    {
        if (::geteuid() == 0)
            QSKIP("root may write into any folder");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.txt"));
        QVERIFY(writePlain(path, "old content"));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QString error;
        const bool ok = AtomicFile::write(path, QByteArray("new"), &error);
        QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!ok);
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("old content"));
    }

    void fullDiskKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.txt"));
        QVERIFY(writePlain(path, "old content"));
        QString error;
        bool ok = true;
        {
            FileSizeLimit limit(1024);
            QVERIFY(limit.ok());
            ok = AtomicFile::write(path, QByteArray(64 * 1024, 'n'), &error);
        }
        QVERIFY(!ok);
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        QVERIFY2(
            error.contains(QStringLiteral("too large"), Qt::CaseInsensitive), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("old content"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("keep.txt") });
    }

    void writerCanAbandon()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.txt"));
        QVERIFY(writePlain(path, "old content"));
        QString error;
        const bool ok = AtomicFile::write(
            path,
            [](QIODevice &device, QString *why) {
                device.write("half of it");
                *why = QStringLiteral("the encoder gave up");
                return false;
            },
            &error);
        QVERIFY(!ok);
        QCOMPARE(error, path + QStringLiteral(": cannot write: the encoder gave up"));
        QCOMPARE(readAll(path), QByteArray("old content"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("keep.txt") });

        // Streaming that succeeds.
        QVERIFY(AtomicFile::write(
            path,
            [](QIODevice &device, QString *) {
                return device.write("a") == 1 && device.write("b") == 1;
            },
            &error));
        QCOMPARE(readAll(path), QByteArray("ab"));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
