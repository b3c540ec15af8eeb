// The File node stops when the run is cancelled mid-load: it ends Cancelled (not Done,
// not Failed), produces no output, and the run reports cancelled. The latency figure
// itself is measured by bench/bench_cancel (see bench/RESULTS.md); here the bound is
// generous, only to catch a loader that stopped polling the cancel flag altogether.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FileSourceNode.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <random>

using namespace sextant::engine;

namespace {

// Rows of `cols` random floats with a header: ~11 bytes per cell.
bool writeCsv(const QString &path, int rows, int cols)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> value(-1000.0, 1000.0);
    QByteArray text;
    for (int c = 0; c < cols; ++c)
        text += (c ? ",x" : "x") + QByteArray::number(c);
    text += '\n';
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (c)
                text += ',';
            text += QByteArray::number(value(rng), 'f', 5);
        }
        text += '\n';
        if (text.size() > (1 << 20)) {
            if (f.write(text) != text.size())
                return false;
            text.clear();
        }
    }
    return f.write(text) == text.size();
}

} // namespace

class TestFileNodeCancel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_csv;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = m_dir.filePath(QStringLiteral("big.csv"));
        // ~22 MB: several of the loader's 4 MB blocks.
        QVERIFY(writeCsv(m_csv, 200'000, 10));
    }

    // The same file, not cancelled, loads completely: so a Cancelled below is the cancel's
    // doing, not a broken file.
    void loadsWhenNotCancelled()
    {
        GraphModel model(BuiltinNodes::registry());
        const int id
            = model.addNode(FileSourceNode::typeId(), {}, { { QStringLiteral("path"), m_csv } })
                  .value();
        Executor executor(model);
        const RunSummary summary = executor.runBlocking();
        QVERIFY2(summary.ok(), qPrintable(summary.failureMessages.value(id)));
        QCOMPARE(executor.status(id), NodeStatus::Done);
        QVERIFY(executor.output(id));
    }

    void cancelMidLoadEndsCancelled_data()
    {
        QTest::addColumn<double>("cancelAt");
        QTest::newRow("early") << 0.05;
        QTest::newRow("half") << 0.5;
        QTest::newRow("late") << 0.75;
    }

    void cancelMidLoadEndsCancelled()
    {
        QFETCH(double, cancelAt);
        GraphModel model(BuiltinNodes::registry());
        const int id
            = model.addNode(FileSourceNode::typeId(), {}, { { QStringLiteral("path"), m_csv } })
                  .value();
        Executor executor(model);
        QObject receiver;
        std::atomic<bool> cancelled { false };
        QElapsedTimer clock;
        std::atomic<qint64> cancelledAtMs { -1 };
        // Worker thread, direct: cancel at that point of the load (deterministic; cancel()
        // holds no lock that progress reports take).
        connect(
            &executor, &Executor::nodeProgress, &receiver,
            [&](int node, double fraction) {
                if (node == id && fraction >= cancelAt && fraction < 1.0
                    && !cancelled.exchange(true)) {
                    cancelledAtMs = clock.elapsed();
                    executor.cancel();
                }
            },
            Qt::DirectConnection);
        QSignalSpy finished(&executor, &Executor::runFinished);
        clock.start();
        QVERIFY(executor.run());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(cancelled.load(), "the load never reported progress to cancel at");
        const qint64 stoppedMs = clock.elapsed() - cancelledAtMs.load();
        QCOMPARE(executor.status(id), NodeStatus::Cancelled);
        QVERIFY(!executor.output(id));
        const RunSummary summary = finished.first().first().value<RunSummary>();
        QVERIFY(summary.cancelled);
        QVERIFY(summary.failed.isEmpty());
        qInfo("cancelled at %.0f%%: run finished %lld ms later", cancelAt * 100,
            static_cast<long long>(stoppedMs));
        // Generous (a loaded CI machine); the bench holds the real figure.
        QVERIFY2(stoppedMs < 2000, qPrintable(QString::number(stoppedMs)));
    }
};

QTEST_GUILESS_MAIN(TestFileNodeCancel)
#include "tst_filenodecancel.moc"
