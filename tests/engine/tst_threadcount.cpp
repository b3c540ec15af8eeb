// ThreadCount: the one rule for how many threads Sextant's own work uses by default.
#include "core/ThreadCount.h"
#include "ml/FitContext.h"

#include <QTest>
#include <cstdlib>
#include <sched.h>
#include <string>

using namespace sextant::engine;

namespace {

// Sets an environment variable for one scope and restores it after.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const char *value) : m_name(name)
    {
        if (const char *old = std::getenv(name)) {
            m_had = true;
            m_old = old;
        }
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_had)
            setenv(m_name, m_old.c_str(), 1);
        else
            unsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had = false;
    std::string m_old;
};

int affinityCpus()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
}

} // namespace

class TestThreadCount : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<int>("cpus");
        QTest::addColumn<QString>("slurm");
        QTest::addColumn<QString>("sextant");
        QTest::addColumn<int>("expected");
        QTest::newRow("affinity alone") << 8 << ""
                                        << "" << 8;
        QTest::newRow("slurm caps") << 8 << "2"
                                    << "" << 2;
        QTest::newRow("slurm above affinity does not raise") << 4 << "16"
                                                             << "" << 4;
        QTest::newRow("SEXTANT_THREADS decides") << 4 << "2"
                                                 << "12" << 12;
        QTest::newRow("SEXTANT_THREADS 0 ignored") << 4 << "2"
                                                   << "0" << 2;
        QTest::newRow("garbage ignored") << 4 << "two"
                                         << "x3" << 4;
        QTest::newRow("negative ignored") << 4 << "-1"
                                          << "-5" << 4;
        QTest::newRow("trailing text ignored") << 4 << "2cpus"
                                               << "" << 4;
        QTest::newRow("spaces tolerated") << 4 << " 3 "
                                          << "" << 3;
        QTest::newRow("no cpus still one") << 0 << ""
                                           << "" << 1;
    }
    void rule()
    {
        QFETCH(int, cpus);
        QFETCH(QString, slurm);
        QFETCH(QString, sextant);
        QFETCH(int, expected);
        const QByteArray s = slurm.toUtf8();
        const QByteArray t = sextant.toUtf8();
        QCOMPARE(threadCountFrom(cpus, s.toStdString(), t.toStdString()), expected);
    }

    void followsAffinityAndEnvironment()
    {
        const ScopedEnv noSextant("SEXTANT_THREADS", nullptr);
        const ScopedEnv noSlurm("SLURM_CPUS_PER_TASK", nullptr);
        QCOMPARE(defaultThreadCount(), affinityCpus());
        {
            const ScopedEnv slurm("SLURM_CPUS_PER_TASK", "1");
            QCOMPARE(defaultThreadCount(), 1);
            FitContext fit;
            QCOMPARE(fit.threadCount(), 1); // the learners follow the same rule
        }
        {
            const ScopedEnv chosen("SEXTANT_THREADS", "7");
            QCOMPARE(defaultThreadCount(), 7);
            QCOMPARE(threadCountOr(3), 3); // an explicit request still wins
            QCOMPARE(threadCountOr(0), 7);
        }
    }

    void affinityMaskIsRespected()
    {
        cpu_set_t saved;
        CPU_ZERO(&saved);
        QVERIFY(sched_getaffinity(0, sizeof saved, &saved) == 0);
        if (CPU_COUNT(&saved) < 2)
            QSKIP("one CPU: a smaller mask cannot be shown");
        const ScopedEnv noSextant("SEXTANT_THREADS", nullptr);
        const ScopedEnv noSlurm("SLURM_CPUS_PER_TASK", nullptr);
        cpu_set_t one;
        CPU_ZERO(&one);
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &saved)) {
                CPU_SET(c, &one);
                break;
            }
        QVERIFY(sched_setaffinity(0, sizeof one, &one) == 0);
        const int seen = defaultThreadCount();
        QVERIFY(sched_setaffinity(0, sizeof saved, &saved) == 0);
        QCOMPARE(seen, 1); // as under `taskset -c 0`
    }
};

QTEST_GUILESS_MAIN(TestThreadCount)
#include "tst_threadcount.moc"
