// The training monitor (live curves, tuning trials) and the main window's evaluation
// views, offscreen.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/MainWindow.h"
#include "gui/ModelSaver.h"
#include "io/ModelFile.h"
#include "nodes/MetricsTable.h"
#include "nodes/TrainingUpdate.h"
#include "nodes/TuneNode.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/LiveCurvePlot.h"
#include "plots/RocPlot.h"
#include "widgets/GraphEditor.h"
#include "widgets/TrainingMonitor.h"

#include <QApplication>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <thread>

using namespace sextant;

namespace {

engine::NodeValuePtr epoch(const QString &model, int e, int total, double loss, double val = NAN)
{
    engine::TrainingUpdate u;
    u.modelName = model;
    u.report.epoch = e;
    u.report.totalEpochs = total;
    u.report.trainLoss = loss;
    u.report.validationLoss = val;
    u.elapsedSeconds = e * 0.5;
    return engine::makeValue(u);
}

} // namespace

class TestTrainingMonitor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainingmonitor"));
        QSettings().clear();
    }

    void curvesPerRunAndStatus()
    {
        widgets::TrainingMonitor m;
        m.resize(800, 500);
        for (int e = 1; e <= 10; ++e)
            m.addUpdate(7, epoch(QStringLiteral("MLP"), e, 40, 1.0 / e, 1.2 / e));
        m.curves()->flush();
        QCOMPARE(m.runCount(), 1);
        QCOMPARE(m.curves()->curveCount(), 2); // train + validation
        QCOMPARE(m.curves()->pointCount(), 20);
        QVERIFY2(
            m.statusText().contains(QStringLiteral("epoch 10 / 40")), qPrintable(m.statusText()));
        // 10 epochs took 5 s: 30 more take at most 15 s.
        QVERIFY2(m.statusText().contains(QStringLiteral("ETA 15.0 s")), qPrintable(m.statusText()));
        // A new run of the same node (epoch 1 again) overlays a second run.
        for (int e = 1; e <= 3; ++e)
            m.addUpdate(7, epoch(QStringLiteral("MLP"), e, 40, 2.0 / e));
        m.curves()->flush();
        QCOMPARE(m.runCount(), 2);
        QCOMPARE(m.curves()->runs().size(), 2);
        QCOMPARE(m.curves()->pointCount(), 23);
        m.clear();
        m.curves()->flush();
        QCOMPARE(m.curves()->pointCount(), 0);
    }

    // The end of a run says why it ended; a k-means run is in iterations.
    void endReasonsAndUnits()
    {
        widgets::TrainingMonitor m;
        m.resize(800, 500);
        for (int e = 1; e <= 37; ++e)
            m.addUpdate(3, epoch(QStringLiteral("MLP"), e, 200, 1.0 / e, 1.1 / e));
        QCOMPARE(m.curves()->xLabel(), QStringLiteral("Epoch"));
        QVERIFY(!m.lastEnd());
        engine::TrainingUpdate end;
        end.modelName = QStringLiteral("MLP");
        end.report.epoch = 37;
        end.report.totalEpochs = 200;
        end.elapsedSeconds = 3;
        end.end = engine::FitEnd::EarlyStopping;
        m.addUpdate(3, engine::makeValue(end));
        QCOMPARE(m.lastEnd(), std::optional<engine::FitEnd>(engine::FitEnd::EarlyStopping));
        QVERIFY2(m.statusText().startsWith(
                     QStringLiteral("MLP #1 — Stopped: early stopping after epoch 37")),
            qPrintable(m.statusText()));
        QVERIFY(!m.statusText().contains(QStringLiteral("partial")));
        m.curves()->flush();
        QCOMPARE(m.curves()->pointCount(), 74); // the end adds no point

        // k-means: iterations, converged.
        for (int it = 1; it <= 12; ++it) {
            engine::TrainingUpdate u;
            u.modelName = QStringLiteral("k-Means");
            u.report.epoch = it;
            u.report.totalEpochs = 300;
            u.report.trainLoss = 100.0 / it;
            u.report.unit = "iteration";
            m.addUpdate(4, engine::makeValue(u));
        }
        QVERIFY2(m.statusText().startsWith(QStringLiteral("k-Means #2 — iteration 12 / 300")),
            qPrintable(m.statusText()));
        QCOMPARE(m.curves()->xLabel(), QStringLiteral("Iteration"));
        engine::TrainingUpdate km;
        km.modelName = QStringLiteral("k-Means");
        km.report.epoch = 12;
        km.report.totalEpochs = 300;
        km.report.unit = "iteration";
        km.end = engine::FitEnd::Converged;
        m.addUpdate(4, engine::makeValue(km));
        QVERIFY2(m.statusText().startsWith(QStringLiteral(
                     "k-Means #2 — Finished: converged (tolerance reached) after iteration 12")),
            qPrintable(m.statusText()));
        km.end = engine::FitEnd::Completed;
        km.report.epoch = 300;
        m.addUpdate(4, engine::makeValue(km));
        QVERIFY2(m.statusText().contains(QStringLiteral("reached the iteration limit (300)")),
            qPrintable(m.statusText()));

        // Stop pressed: partial.
        engine::TrainingUpdate stopped = end;
        stopped.report.epoch = 12;
        stopped.end = engine::FitEnd::Stopped;
        m.addUpdate(3, engine::makeValue(stopped));
        QVERIFY2(
            m.statusText().contains(QStringLiteral("Stopped: Stop pressed after epoch 12 of 200")),
            qPrintable(m.statusText()));
        QVERIFY(m.statusText().contains(QStringLiteral("partial result kept")));

        // The Stop button acknowledges the click and emits stopRequested once.
        m.setRunning(true);
        QSignalSpy stops(&m, &widgets::TrainingMonitor::stopRequested);
        QTest::mouseClick(m.stopButton(), Qt::LeftButton);
        QCOMPARE(stops.count(), 1);
        QCOMPARE(m.stopButton()->text(), QStringLiteral("Stopping…"));
        m.setRunning(false);
        QCOMPARE(m.stopButton()->text(), QStringLiteral("Stop"));
        QVERIFY(!m.stopButton()->isEnabled());
    }

    void trialsSortedByScore()
    {
        widgets::TrainingMonitor m;
        const double scores[] = { 0.8, 0.95, 0.7, NAN };
        for (int i = 0; i < 4; ++i) {
            engine::TuneTrial t;
            t.index = i + 1;
            t.total = 4;
            t.metric = QStringLiteral("accuracy");
            t.score = scores[i];
            t.parameters = { { QStringLiteral("k"), i } };
            m.addUpdate(3, engine::makeValue(t));
        }
        QTableWidget *table = m.trialsTable();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("0.95"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("0.8"));
        QCOMPARE(table->item(3, 0)->text(), QStringLiteral("failed"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("k=1"));
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("accuracy"));
    }

    void manyUpdatesFromAWorkerThread()
    {
        // Updates cross from a worker thread by queued calls, as the window does.
        widgets::TrainingMonitor m;
        std::thread worker([&] {
            for (int e = 1; e <= 2000; ++e)
                QMetaObject::invokeMethod(
                    &m, [&m, e] { m.addUpdate(1, epoch(QStringLiteral("GB"), e, 2000, 1.0 / e)); },
                    Qt::QueuedConnection);
        });
        worker.join();
        QTRY_COMPARE_WITH_TIMEOUT(
            m.curves()->pointCount() + m.curves()->pendingCount(), 2000, 20000);
        m.curves()->flush();
        QCOMPARE(m.curves()->pointCount(), 2000);
        // Redraws are throttled: far fewer than the updates.
        QVERIFY2(
            m.curves()->flushCount() < 2000, qPrintable(QString::number(m.curves()->flushCount())));
    }

    void windowShowsTrainingAndEvaluation()
    {
        app::MainWindow w;
        w.setUnsavedChangesPrompt(
            [](const QString &) { return app::MainWindow::UnsavedChoice::Discard; });
        w.resize(1280, 800);
        w.show();
        w.openFile(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/wine-classify.sextant"));
        widgets::GraphEditor *editor = w.graphEditor();
        engine::Executor &ex = editor->executor();
        QSignalSpy finished(&ex, &engine::Executor::runFinished);
        ex.run();
        QVERIFY(finished.wait(60000));
        const auto monitor
            = w.findChild<widgets::TrainingMonitor *>(QStringLiteral("trainingMonitor"));
        QVERIFY(monitor);
        QTRY_VERIFY(monitor->isVisible());
        QTRY_VERIFY(monitor->runCount() >= 2); // logistic regression and the MLP report epochs
        monitor->curves()->flush();
        QVERIFY(monitor->curves()->pointCount() > 200);

        // Node 8 is the metrics table of the held-out test, 9 the confusion matrix, 10 ROC.
        Q_EMIT editor->openViewRequested(8);
        auto *table = qobject_cast<QTableWidget *>(w.tabs()->currentWidget());
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("accuracy"));
        const double acc = table->item(0, 1)->text().toDouble();
        QVERIFY2(acc > 0.9 && acc <= 1.0, qPrintable(table->item(0, 1)->text()));

        Q_EMIT editor->openViewRequested(9);
        auto *confusion = qobject_cast<plots::ConfusionMatrixPlot *>(w.tabs()->currentWidget());
        QVERIFY(confusion);
        Q_EMIT editor->openViewRequested(10);
        auto *roc = qobject_cast<plots::RocPlot *>(w.tabs()->currentWidget());
        QVERIFY(roc);
        QCOMPARE(roc->curveCount(), 3); // one per wine cultivar
        // Each result has a tab of its own; opening one again raises it.
        Q_EMIT editor->openViewRequested(10);
        QCOMPARE(w.tabs()->currentWidget(), roc);
        QCOMPARE(w.tabs()->count(), 7);

        // File > Export Trained Model (and the node's context menu) save what node 5
        // (logistic regression) learnt; the file loads back and predicts the same.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lr.sxmodel"));
        QSignalSpy saved(w.modelSaver(), &app::ModelSaver::finished);
        QVERIFY(w.saveTrainedModel(5, false, path));
        QVERIFY(saved.wait(30000));
        QVERIFY(saved.last().at(0).value<app::ModelSaveOutcome>().ok);
        const auto loaded = engine::ModelFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        QCOMPARE(loaded.value()->displayName, QStringLiteral("Logistic Regression"));
        QVERIFY(w.saveTrainedModel(5, true, dir.filePath(QStringLiteral("lr.onnx"))));
        QVERIFY(saved.wait(30000));
        QVERIFY(saved.last().at(0).value<app::ModelSaveOutcome>().ok);
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("lr.onnx"))).size() > 0);
        // A node without a model refuses, and writes nothing.
        QVERIFY(!w.saveTrainedModel(8, false, dir.filePath(QStringLiteral("none.sxmodel"))));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.sxmodel"))));
    }
};

QTEST_MAIN(TestTrainingMonitor)
#include "tst_trainingmonitor.moc"
