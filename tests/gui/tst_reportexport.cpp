// File › Export Report: refused with a message before anything has run; after a run of the
// wine-classify example, the report of that run written as HTML and as PDF on the
// exporter's thread (never the GUI thread), with the graph picture and one section per
// trained model, nodes edited since the run left out; and the graph picture itself (every node
// drawn, in the run's colours).
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/AutoRun.h"
#include "gui/ExportMenus.h"
#include "gui/MainWindow.h"
#include "gui/ReportExporter.h"
#include "gui/WorkflowReport.h"
#include "widgets/GraphEditor.h"
#include "widgets/NodeItem.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QXmlStreamReader>

using namespace sextant;
using app::MainWindow;

namespace {

constexpr int kRunTimeoutMs = 180000;

QString example(const char *name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/") + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The ids of the <div class="model"> sections, and the number of <img> with a data URI.
QStringList modelSections(const QByteArray &html, int *images, QString *error)
{
    QStringList ids;
    *images = 0;
    QXmlStreamReader xml(html);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("div")
            && xml.attributes().value(QLatin1String("class")) == QLatin1String("model"))
            ids << xml.attributes().value(QLatin1String("id")).toString();
        if (xml.name() == QLatin1String("img")
            && xml.attributes()
                   .value(QLatin1String("src"))
                   .startsWith(QLatin1String("data:image/png;base64,")))
            ++*images;
    }
    *error = xml.hasError() ? xml.errorString() : QString();
    return ids;
}

} // namespace

class TestReportExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reportexport"));
        QSettings().clear();
    }

    void exportAfterRun()
    {
        MainWindow window;
        window.setUnsavedChangesPrompt(
            [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
        window.autoRun()->setEnabled(false); // an edit leaves the run's results out of date
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openWorkflow(example("wine-classify.sextant")));
        app::ExportMenus *exports = window.exportMenus();
        QVERIFY(exports);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("exportReportAction")));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        // Nothing has run yet: refused, saying so.
        QSignalSpy failed(exports, &app::ExportMenus::failed);
        QVERIFY(!exports->exportReport(dir.filePath(QStringLiteral("early.html"))));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("Nothing has run yet")),
            qPrintable(failed.first().at(0).toString()));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("early.html"))));

        engine::Executor &executor = window.graphEditor()->executor();
        QSignalSpy finishedRun(&executor, &engine::Executor::runFinished);
        QVERIFY(executor.run());
        QVERIFY(!finishedRun.isEmpty() || finishedRun.wait(kRunTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!executor.isRunning(), kRunTimeoutMs);

        // Not a report's name.
        QVERIFY(!exports->exportReport(dir.filePath(QStringLiteral("r.docx"))));
        QCOMPARE(failed.size(), 2);

        QSignalSpy written(exports->reportExporter(), &app::ReportExporter::finished);
        for (const QString &name : { QStringLiteral("wine.html"), QStringLiteral("wine.pdf") }) {
            const QString path = dir.filePath(name);
            QVERIFY(exports->exportReport(path));
            QVERIFY(written.wait(60000));
            const auto outcome = written.takeFirst().at(0).value<app::ReportExportOutcome>();
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            QCOMPARE(outcome.path, path);
            QVERIFY(outcome.writer && outcome.writer != QThread::currentThread());
            const QByteArray bytes = readAll(path);
            if (name.endsWith(QLatin1String(".pdf"))) {
                QVERIFY(bytes.startsWith("%PDF-"));
                continue;
            }
            QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
            QVERIFY(bytes.contains("Workflow report: wine-classify"));
            int images = 0;
            QString error;
            const QStringList models = modelSections(bytes, &images, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(models,
                (QStringList { QStringLiteral("node-5"), QStringLiteral("node-6"),
                    QStringLiteral("node-13") }));
            QCOMPARE(images, 3); // the graph, the confusion matrix, ROC
        }
        // Edited since the run: the random forest (and the comparison after it) is out of
        // date and left out; the other models stay.
        QVERIFY(window.graphModel().setParameter(6, QStringLiteral("trees"), 50));
        QVERIFY(exports->exportReport(dir.filePath(QStringLiteral("edited.html"))));
        QVERIFY(written.wait(60000));
        QVERIFY(written.takeFirst().at(0).value<app::ReportExportOutcome>().ok);
        {
            int images = 0;
            QString error;
            QCOMPARE(modelSections(
                         readAll(dir.filePath(QStringLiteral("edited.html"))), &images, &error),
                (QStringList { QStringLiteral("node-5"), QStringLiteral("node-13") }));
        }

        // A failed write is reported (the banner shows it): a folder that is a file.
        QVERIFY(exports->exportReport(dir.filePath(QStringLiteral("wine.html/r.html"))));
        QVERIFY(written.wait(60000));
        QVERIFY(!written.takeFirst().at(0).value<app::ReportExportOutcome>().ok);
        QCOMPARE(failed.size(), 3);
        QVERIFY2(failed.last().at(0).toString().contains(QStringLiteral("r.html")),
            qPrintable(failed.last().at(0).toString()));
        QVERIFY2(
            window.errorText().contains(QStringLiteral("r.html")), qPrintable(window.errorText()));
    }

    void graphPicture()
    {
        MainWindow window;
        QVERIFY(window.openWorkflow(example("iris-explore.sextant")));
        engine::GraphModel &model = window.graphModel();
        const engine::Executor &executor = window.graphEditor()->executor();
        const QImage image = app::WorkflowReport::graphImage(model, executor);
        QVERIFY(!image.isNull());
        // Every node fits: at least a node's width per column of nodes, a header high.
        QVERIFY(image.width() >= widgets::NodeItem::kWidth);
        QVERIFY(image.height() >= widgets::NodeItem::kHeaderHeight);
        // Not one flat colour: the nodes and their titles are drawn on the canvas.
        QHash<QRgb, int> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                ++colours[image.pixel(x, y)];
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
