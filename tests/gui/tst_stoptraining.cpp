// Stop in the training monitor during Cross-Validation, in the main window, offscreen: the
// folds finished are kept, and the result says it is partial in the monitor, on the node
// and in the metrics table.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/MainWindow.h"
#include "nodes/MetricsTable.h"
#include "nodes/TrainingUpdate.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"
#include "widgets/MetricsTableView.h"
#include "widgets/NodeItem.h"
#include "widgets/TrainingMonitor.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <functional>

using namespace sextant;

class TestStopTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_stoptraining"));
        QSettings().clear();
    }

    void stopDuringCrossValidation()
    {
        app::MainWindow w;
        w.setUnsavedChangesPrompt(
            [](const QString &) { return app::MainWindow::UnsavedChoice::Discard; });
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        engine::GraphModel &graph = w.graphModel();
        const auto add = [&graph](const char *type, QPointF at, const QVariantMap &params) {
            const auto id = graph.addNode(QString::fromLatin1(type), at, params);
            if (!id.ok())
                qFatal("%s: %s", type, qPrintable(id.error()));
            return id.value();
        };
        const int file = add("data.file", { 0, 0 },
            { { QStringLiteral("path"),
                QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv") } });
        const int select = add(
            "data.select", { 200, 0 }, { { QStringLiteral("target"), QStringLiteral("species") } });
        const int knn = add("model.knn", { 400, 0 }, {});
        const int cv
            = add("eval.cross_validation", { 600, 0 }, { { QStringLiteral("folds"), 10 } });
        const int view = add("view.metrics", { 800, 0 }, {});
        QVERIFY(graph.addConnection({ file, 0, select, 0 }));
        QVERIFY(graph.addConnection({ select, 0, knn, 0 }));
        QVERIFY(graph.addConnection({ knn, 0, cv, 0 }));
        QVERIFY(graph.addConnection({ select, 0, cv, 1 }));
        QVERIFY(graph.addConnection({ cv, 0, view, 0 }));

        widgets::GraphEditor *editor = w.graphEditor();
        engine::Executor &ex = editor->executor();
        // Worker threads: from the second fold on, a finished fold waits until Stop was
        // pressed, so the folds cannot all finish before the click (no timing involved).
        QSemaphore gate;
        std::atomic<bool> released { false };
        connect(
            &ex, &engine::Executor::nodeUpdate, &ex,
            [&](int id, const engine::NodeValuePtr &v) {
                const auto *u = v->as<engine::TrainingUpdate>();
                if (id == cv && u && !u->end && u->report.epoch >= 2 && !released)
                    gate.acquire();
            },
            Qt::DirectConnection);
        const auto release = [&] {
            if (!released.exchange(true))
                gate.release(1000);
        };
        // Whatever fails below, no worker stays blocked.
        struct Guard {
            std::function<void()> f;
            ~Guard() { f(); }
        } guard { release };
        QSignalSpy finished(&ex, &engine::Executor::runFinished);
        ex.run();

        auto *monitor = w.findChild<widgets::TrainingMonitor *>(QStringLiteral("trainingMonitor"));
        QVERIFY(monitor);
        // The monitor shows the folds as they finish (the second, or the third when both
        // workers finished one).
        const QRegularExpression foldShown(QStringLiteral("fold ([2-9]) / 10"));
        QTRY_VERIFY_WITH_TIMEOUT(foldShown.match(monitor->statusText()).hasMatch(), 60000);
        QVERIFY(monitor->isVisible());
        QVERIFY(monitor->stopButton()->isEnabled());
        QTest::mouseClick(monitor->stopButton(), Qt::LeftButton);
        QCOMPARE(monitor->stopButton()->text(), QStringLiteral("Stopping…"));
        release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const engine::RunSummary summary = finished.first().first().value<engine::RunSummary>();
        QVERIFY2(summary.ok(), qPrintable(summary.failureMessages.value(cv)));
        QCOMPARE(summary.partial, QList<int> { cv });

        // Two folds, or three when the other worker had one in hand.
        const auto *table = ex.output(cv, 0)->as<engine::MetricsTable>();
        QVERIFY(table);
        const int folds = static_cast<int>(table->rows.size()) - 2;
        QVERIFY2(folds >= 2 && folds < 10, qPrintable(QString::number(folds)));
        const QString note = QStringLiteral("%1 of 10 folds, Stop pressed").arg(folds);

        // The monitor says why the run ended, and that the result is partial.
        QTRY_VERIFY(monitor->lastEnd().has_value());
        QCOMPARE(*monitor->lastEnd(), engine::FitEnd::Stopped);
        QVERIFY2(monitor->statusText().contains(
                     QStringLiteral("Stopped: Stop pressed after fold %1 of 10").arg(folds)),
            qPrintable(monitor->statusText()));
        QVERIFY(monitor->statusText().contains(QStringLiteral("partial result kept")));
        QTRY_VERIFY(!monitor->stopButton()->isEnabled());

        // The node says so.
        QCOMPARE(ex.state(cv).message, QStringLiteral("partial: ") + note);
        widgets::NodeItem *item = editor->scene()->nodeItem(cv);
        QVERIFY(item);
        QTRY_COMPARE(item->statusMessage(), QStringLiteral("partial: ") + note);
        QVERIFY(item->toolTip().contains(note));

        // The metrics shown: one row per finished fold, the mean and std over them, labelled.
        Q_EMIT editor->openViewRequested(view);
        widgets::MetricsTableView *shown = nullptr;
        for (auto *t : w.findChildren<widgets::MetricsTableView *>())
            if (t->rowCount() == folds + 2)
                shown = t;
        QVERIFY(shown);
        QVERIFY(shown->isVisible());
        QCOMPARE(shown->item(folds, 0)->text(), QStringLiteral("mean (partial: %1)").arg(note));
        QCOMPARE(shown->item(folds + 1, 0)->text(), QStringLiteral("std (partial: %1)").arg(note));
        QVERIFY(shown->toolTip().endsWith(QStringLiteral("— partial: ") + note));

        // Run again: the partial result is computed again, in full this time.
        finished.clear();
        QVERIFY(ex.run());
        // (A short run may end before a wait would start: poll the count.)
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(finished.first().first().value<engine::RunSummary>().partial.isEmpty());
        QCOMPARE(ex.output(cv, 0)->as<engine::MetricsTable>()->rows.size(), qsizetype(12));
        QTRY_COMPARE(*monitor->lastEnd(), engine::FitEnd::Completed);
        QVERIFY2(monitor->statusText().contains(QStringLiteral("Finished: all 10 folds")),
            qPrintable(monitor->statusText()));
    }
};

QTEST_MAIN(TestStopTraining)
#include "tst_stoptraining.moc"
