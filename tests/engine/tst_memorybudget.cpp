// MemoryBudget: the budget follows the process's limits, the messages say what is needed
// and what is available, and training estimates scale with the matrix.
#include "data/MemoryBudget.h"

#include <QFile>
#include <QTest>
#include <sys/resource.h>

using namespace sextant::engine;

class TestMemoryBudget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void availableIsKnownOnLinux()
    {
        const std::uint64_t available = MemoryBudget::availableBytes();
        QVERIFY(available != MemoryBudget::kUnlimited);
        QVERIFY(available > 0);
    }

    // Under an address-space limit the budget is at most what the limit leaves.
    void followsTheAddressSpaceLimit()
    {
        rlimit old {};
        QCOMPARE(getrlimit(RLIMIT_AS, &old), 0);
        if (old.rlim_cur != RLIM_INFINITY)
            QSKIP("an address-space limit is already set");
        const std::uint64_t before = MemoryBudget::availableBytes();
        QFile status(QStringLiteral("/proc/self/status"));
        QVERIFY(status.open(QIODevice::ReadOnly | QIODevice::Text));
        qint64 vmKb = -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmSize:"))
                vmKb = line.mid(7).trimmed().split(' ').first().toLongLong();
        QVERIFY(vmKb > 0);
        rlimit tight = old;
        tight.rlim_cur = rlim_t(vmKb + 256 * 1024) * 1024;
        QCOMPARE(setrlimit(RLIMIT_AS, &tight), 0);
        const std::uint64_t limited = MemoryBudget::availableBytes();
        QCOMPARE(setrlimit(RLIMIT_AS, &old), 0);
        QVERIFY2(limited <= std::uint64_t(257) * 1024 * 1024, qPrintable(QString::number(limited)));
        QVERIFY(limited <= before);
        QVERIFY(limited > 0);
    }

    void formatsBytes()
    {
        QCOMPARE(MemoryBudget::formatBytes(512), QStringLiteral("512 bytes"));
        QCOMPARE(MemoryBudget::formatBytes(1500), QStringLiteral("2 kB"));
        QCOMPARE(MemoryBudget::formatBytes(160000000), QStringLiteral("160 MB"));
        QCOMPARE(MemoryBudget::formatBytes(2912002912ull), QStringLiteral("2.9 GB"));
        QCOMPARE(MemoryBudget::formatBytes(std::uint64_t(1) << 41), QStringLiteral("2199.0 GB"));
    }

    void shortfallSaysNeededAndAvailable()
    {
        QVERIFY(!MemoryBudget::shortfall(1024, QStringLiteral("load x")));
        const auto why = MemoryBudget::shortfall(std::uint64_t(1) << 60, QStringLiteral("load x"));
        QVERIFY(why);
        QVERIFY2(why->startsWith(QStringLiteral("not enough memory to load x: needs about "
                                                "1152921504.6 GB, ")),
            qPrintable(*why));
        QVERIFY2(why->endsWith(QStringLiteral(" available")), qPrintable(*why));
        const QString oom = MemoryBudget::outOfMemory(QStringLiteral("load y"), 3000000000ull);
        QVERIFY2(
            oom.startsWith(QStringLiteral("not enough memory to load y: needs about 3.0 GB (")),
            qPrintable(oom));
    }

    void trainingEstimate()
    {
        // The matrix is rows x features doubles; a forest keeps more than naive Bayes.
        QCOMPARE(MemoryBudget::trainingBytes(1000, 10, "knn"), std::uint64_t(1000 * 10 * 8 * 2));
        QVERIFY(MemoryBudget::trainingBytes(1000, 10, "random_forest")
            > MemoryBudget::trainingBytes(1000, 10, "naive_bayes"));
        QCOMPARE(MemoryBudget::trainingBytes(0, 10, "knn"), std::uint64_t(0));
        QVERIFY(!MemoryBudget::trainingShortfall(150, 5, "knn", QStringLiteral("k-NN")));
        const auto why = MemoryBudget::trainingShortfall(
            std::int64_t(1) << 40, 1000, "random_forest", QStringLiteral("Random Forest"));
        QVERIFY(why);
        QVERIFY2(why->startsWith(QStringLiteral("not enough memory to train Random Forest on "
                                                "1099511627776 rows x 1000 features: needs "
                                                "about ")),
            qPrintable(*why));
    }
};

QTEST_GUILESS_MAIN(TestMemoryBudget)
#include "tst_memorybudget.moc"
