// Live curves: appends from the GUI thread and from several worker threads at once while
// the event loop runs (no crash, no lost point, throttled redraws), legend per run and
// series, log scale, follow mode, removing runs.
#include "PlotTestSupport.h"
#include "plots/LiveCurvePlot.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QTest>
#include <QWheelEvent>
#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using sextant::plots::LiveCurvePlot;
using sextant::testing::showView;
using sextant::testing::snapshot;

class TestLiveCurve : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendFromGuiThread()
    {
        LiveCurvePlot view;
        QVERIFY(showView(view));
        for (int e = 1; e <= 50; ++e) {
            view.append(QStringLiteral("run A"), QStringLiteral("train loss"), e, 2.0 / e);
            view.append(
                QStringLiteral("run A"), QStringLiteral("validation loss"), e, 2.2 / e + 0.05);
        }
        QCOMPARE(view.pendingCount(), qint64(100));
        QCOMPARE(view.pointCount(), qint64(0)); // nothing drawn before the timer fires
        QTRY_COMPARE(view.pointCount(), qint64(100));
        QCOMPARE(view.pendingCount(), qint64(0));
        QCOMPARE(view.curveCount(), 2);
        QCOMPARE(view.legendEntries(),
            QStringList({ QStringLiteral("run A · train loss"),
                QStringLiteral("run A · validation loss") }));
        // Follows the data: the whole curve is visible.
        QVERIFY(view.xRange().first <= 1 && view.xRange().second >= 50);
        QVERIFY(view.yRange().first <= 2.0 / 50 && view.yRange().second >= 2.25);

        for (int e = 1; e <= 50; ++e)
            view.append(QStringLiteral("run B"), QStringLiteral("train loss"), e, 1.5 / e);
        view.flush();
        QCOMPARE(view.curveCount(), 3);
        QCOMPARE(view.runs(), QStringList({ QStringLiteral("run A"), QStringLiteral("run B") }));
        view.replotNow();
        snapshot(view, QStringLiteral("livecurve_linear"));

        view.setLogScale(true);
        QVERIFY(view.logScale());
        QVERIFY(view.findChild<QCheckBox *>(QStringLiteral("logScale"))->isChecked());
        QVERIFY(view.yRange().first > 0);
        view.replotNow();
        snapshot(view, QStringLiteral("livecurve_log"));
        view.findChild<QCheckBox *>(QStringLiteral("logScale"))->setChecked(false);
        QVERIFY(!view.logScale());

        view.removeRun(QStringLiteral("run A"));
        QCOMPARE(view.curveCount(), 1);
        QCOMPARE(view.pointCount(), qint64(50));
        view.clear();
        QCOMPARE(view.curveCount(), 0);
        QVERIFY(view.legendEntries().isEmpty());
    }

    void narrowPlotHidesItsLegendAndNamesCurvesOnHover()
    {
        LiveCurvePlot view;
        QVERIFY(showView(view));
        view.resize(LiveCurvePlot::kLegendMinWidth + 200, 300);
        for (int e = 1; e <= 20; ++e) {
            view.append(
                QStringLiteral("Logistic Regression #1"), QStringLiteral("train"), e, 1.0 / e);
            view.append(QStringLiteral("Neural Network (MLP) #2"), QStringLiteral("train"), e,
                0.2 + 0.5 / e);
        }
        view.flush();
        view.replotNow();
        QVERIFY(view.legendShown());
        // A side dock's width: the legend would cover the curves.
        view.resize(LiveCurvePlot::kLegendMinWidth - 140, 300);
        QTRY_VERIFY(!view.legendShown());
        view.replotNow();
        QCOMPARE(view.legendEntries().size(), 2); // still what the curves are named
        // Hovering a point of the second curve names it, with its epoch and value.
        const QString tip = view.toolTipAt(view.coordToPixel(QPointF(10, 0.2 + 0.5 / 10)));
        QVERIFY2(
            tip.startsWith(QStringLiteral("Neural Network (MLP) #2 · train\n")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("10: 0.25")), qPrintable(tip));
        QVERIFY(view.toolTipAt(view.coordToPixel(QPointF(10, 0.9))).isEmpty());
        view.resize(LiveCurvePlot::kLegendMinWidth + 10, 300);
        QTRY_VERIFY(view.legendShown());
    }

    void stopsFollowingAfterUserZoom()
    {
        LiveCurvePlot view;
        QVERIFY(showView(view));
        for (int e = 1; e <= 10; ++e)
            view.append(QStringLiteral("r"), QStringLiteral("loss"), e, 1.0 / e);
        view.flush();
        // A user wheel-zooms: the view stays where they put it while points arrive.
        QWheelEvent wheel(QPointF(400, 300), view.plotWidget()->mapToGlobal(QPointF(400, 300)),
            QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.plotWidget(), &wheel);
        const auto zoomed = view.xRange();
        for (int e = 11; e <= 100; ++e)
            view.append(QStringLiteral("r"), QStringLiteral("loss"), e, 1.0 / e);
        view.flush();
        QCOMPARE(view.xRange(), zoomed);
        view.resetView();
        QVERIFY(view.xRange().second >= 100);
    }

    void appendFromWorkerThreadsWhileGuiRuns()
    {
        LiveCurvePlot view;
        QVERIFY(showView(view));
        constexpr int kThreads = 4;
        constexpr int kPerThread = 25'000;
        std::atomic<bool> go { false };
        std::atomic<int> finished { 0 };
        std::vector<std::thread> workers;
        QElapsedTimer clock;
        clock.start();
        for (int t = 0; t < kThreads; ++t) {
            workers.emplace_back([&, t] {
                while (!go.load())
                    std::this_thread::yield();
                const QString run = QStringLiteral("run %1").arg(t % 2);
                const QString series = t < 2 ? QStringLiteral("train") : QStringLiteral("valid");
                for (int i = 0; i < kPerThread; ++i)
                    view.append(run, series, i + 0.25 * t, 1.0 + std::sin(i * 0.01) + t);
                finished.fetch_add(1);
            });
        }
        go.store(true);
        // The GUI thread keeps running its event loop (flushes, replots, paints) meanwhile.
        QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kThreads, 60000);
        for (std::thread &w : workers)
            w.join();
        QTRY_COMPARE_WITH_TIMEOUT(view.pointCount(), qint64(kThreads) * kPerThread, 20000);
        QCOMPARE(view.pendingCount(), qint64(0));
        QCOMPARE(view.curveCount(), 4);
        QCOMPARE(view.legendEntries().size(), 4);
        // Throttled: at most one redraw per ~33 ms however fast the points came.
        const double elapsedMs = static_cast<double>(clock.elapsed());
        QVERIFY2(view.flushCount() <= elapsedMs / 30.0 + 3,
            qPrintable(
                QStringLiteral("%1 flushes in %2 ms").arg(view.flushCount()).arg(elapsedMs)));
        QVERIFY(view.flushCount() >= 1);
        view.replotNow();
        snapshot(view, QStringLiteral("livecurve_threads"));
    }

    void clearWhileWorkersAppend()
    {
        // clear() and removeRun() on the GUI thread race with appends: no crash, and
        // afterwards the plot holds exactly what was appended after the last clear.
        LiveCurvePlot view;
        view.resize(400, 300);
        std::atomic<bool> stop { false };
        std::thread worker([&] {
            int i = 0;
            while (!stop.load())
                view.append(QStringLiteral("w"), QStringLiteral("loss"), i++, 1.0);
        });
        for (int k = 0; k < 50; ++k) {
            QTest::qWait(2);
            if (k % 2)
                view.clear();
            else
                view.removeRun(QStringLiteral("w"));
        }
        stop.store(true);
        worker.join();
        view.clear();
        view.append(QStringLiteral("w"), QStringLiteral("loss"), 1, 1);
        QTRY_COMPARE(view.pointCount(), qint64(1));
    }
};

QTEST_MAIN(TestLiveCurve)
#include "tst_livecurve.moc"
