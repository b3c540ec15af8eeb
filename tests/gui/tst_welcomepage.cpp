// The first run: the welcome page (examples with drawn thumbnails, recent files, start
// actions, shown while no workflow is open), Help (node reference generated from the
// registry, shortcuts from the menus, the guide) and Preferences.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeRegistry.h"
#include "gui/AutoRun.h"
#include "gui/ExampleCatalog.h"
#include "gui/HelpWindow.h"
#include "gui/MainWindow.h"
#include "gui/NodeReference.h"
#include "gui/Preferences.h"
#include "gui/PreferencesDialog.h"
#include "gui/WelcomePage.h"
#include "gui/WorkflowThumbnail.h"
#include "nodes/BuiltinNodes.h"
#include "widgets/GraphEditor.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using sextant::app::ExampleCatalog;
using sextant::app::MainWindow;
using sextant::app::WelcomePage;

namespace {

QString examplesDir()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples");
}

// How many distinct colours an image has (a blank square has one).
int distinctColours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            seen.insert(image.pixel(x, y));
    return int(seen.size());
}

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class TestWelcomePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_welcomepage"));
        QSettings().clear();
        qputenv("SEXTANT_EXAMPLES_DIR", QFile::encodeName(examplesDir()));
    }

    // Every bundled example is listed with a title and a description, the described ones
    // in their order, and each opens (parses) against the registry.
    void catalogListsTheExamples()
    {
        const QList<sextant::app::Example> examples = ExampleCatalog::examples(examplesDir());
        QVERIFY(examples.size() >= 5);
        QStringList files;
        for (const auto &e : examples) {
            files.append(QFileInfo(e.path).fileName());
            QVERIFY2(!e.title.isEmpty() && !e.description.isEmpty(), qPrintable(e.path));
        }
        QCOMPARE(files.value(0), QStringLiteral("wine-classify.sextant"));
        for (const char *needed : { "diabetes-regression.sextant", "iris-clusters.sextant",
                 "breast-cancer-tuning.sextant", "iris-explore.sextant" })
            QVERIFY2(files.contains(QLatin1String(needed)), needed);
        QCOMPARE(ExampleCatalog::directory(), QFileInfo(examplesDir()).absoluteFilePath());
    }

    // A thumbnail is drawn from the graph: many colours, the node colours among them; an
    // unreadable file still gives a drawn placeholder, not one flat colour.
    void thumbnailsAreDrawn()
    {
        const QPalette palette;
        for (const auto &e : ExampleCatalog::examples(examplesDir())) {
            const QImage image
                = sextant::app::WorkflowThumbnail::render(e.path, QSize(200, 110), palette)
                      .toImage();
            QCOMPARE(image.size(), QSize(200, 110));
            QVERIFY2(distinctColours(image) > 20, qPrintable(e.path));
        }
        const QImage missing = sextant::app::WorkflowThumbnail::render(
            QStringLiteral("/nonexistent.sextant"), QSize(200, 110), palette)
                                   .toImage();
        QVERIFY(distinctColours(missing) > 1);
    }

    // Automatic: shown on an empty untitled workflow in place of the tabs, gone once a node
    // is added, back through Help › Welcome, gone with "Back to the Workflow".
    void shownUntilAWorkflowIsOpen()
    {
        MainWindow window;
        window.resize(1200, 800);
        WelcomePage *page = window.welcomePage();
        QVERIFY(page);
        QVERIFY(!page->isShown()); // off unless the studio turns it on
        page->setAutomatic(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(page->isShown());
        QVERIFY(page->isVisible());
        QVERIFY(!window.tabs()->isVisible());
        QVERIFY(page->exampleCards().size() >= 5);
        window.graphEditor()->addNode(QStringLiteral("data.split"), { 0, 0 });
        QVERIFY(!page->isShown());
        QVERIFY(window.tabs()->isVisible());
        QAction *welcome = action(window, "helpWelcomeAction");
        QVERIFY(welcome);
        welcome->trigger();
        QVERIFY(page->isShown());
        QPushButton *back = page->findChild<QPushButton *>(QStringLiteral("welcomeBack"));
        QVERIFY(back && back->isVisible());
        back->click();
        QVERIFY(!page->isShown());
        QVERIFY(window.tabs()->isVisible());
    }

    // New Workflow goes to the empty canvas and it stays there.
    void newWorkflowDismisses()
    {
        MainWindow window;
        window.welcomePage()->setAutomatic(true);
        window.show();
        QVERIFY(window.welcomePage()->isShown());
        action(window, "newWorkflowAction")->trigger();
        QVERIFY(!window.welcomePage()->isShown());
        QVERIFY(window.tabs()->isVisible());
    }

    // An example card opens an untitled copy whose datasets are found next to the example.
    void exampleOpensAsUntitledCopy()
    {
        MainWindow window;
        window.welcomePage()->setAutomatic(true);
        window.show();
        QPushButton *regression = nullptr;
        for (QPushButton *card : window.welcomePage()->exampleCards())
            if (card->property("examplePath")
                    .toString()
                    .endsWith(QLatin1String("diabetes-regression.sextant")))
                regression = card;
        QVERIFY(regression);
        regression->click();
        QVERIFY(!window.welcomePage()->isShown());
        QVERIFY(window.workflowPath().isEmpty()); // untitled: the example stays as it is
        QVERIFY(window.graphModel().nodeCount() >= 10);
        QCOMPARE(QDir(window.graphModel().baseDirectory()).absolutePath(),
            QDir(examplesDir()).absolutePath());
        // It runs: every node done, the models trained on the diabetes table.
        window.graphEditor()->run();
        QTRY_VERIFY_WITH_TIMEOUT(!window.graphEditor()->executor().isRunning(), 120000);
        for (int id : window.graphModel().nodeIds())
            QVERIFY2(window.graphEditor()->executor().state(id).status
                    == sextant::engine::NodeStatus::Done,
                qPrintable(QStringLiteral("node %1: %2")
                               .arg(id)
                               .arg(window.graphEditor()->executor().state(id).message)));
    }

    // Recent files appear as rows that open them.
    void recentFilesAreListed()
    {
        QSettings().setValue(QStringLiteral("recentFiles"),
            QStringList { examplesDir() + QStringLiteral("/iris-explore.sextant"),
                examplesDir() + QStringLiteral("/wine.csv") });
        MainWindow window;
        window.welcomePage()->setAutomatic(true);
        window.show();
        QCOMPARE(window.welcomePage()->recentRows().size(), window.recentFiles().size());
        QVERIFY(!window.welcomePage()->recentRows().isEmpty());
        QSettings().remove(QStringLiteral("recentFiles"));
    }

    // The node reference lists every registered type with its ports and every parameter
    // with its default; a type registered later (as others' nodes are) is there too.
    void nodeReferenceCoversTheRegistry()
    {
        sextant::engine::NodeRegistry registry;
        QVERIFY(sextant::engine::BuiltinNodes::registerAll(registry));
        const QString html = sextant::app::NodeReference::html(registry);
        for (const auto *type : registry.types()) {
            QVERIFY2(html.contains(QStringLiteral("node:") + type->id), qPrintable(type->id));
            QVERIFY2(html.contains(type->displayName.toHtmlEscaped()), qPrintable(type->id));
            for (const auto &p : type->parameters)
                QVERIFY2(html.contains(QStringLiteral("<code>%1</code>").arg(p.name)),
                    qPrintable(type->id + QLatin1Char('.') + p.name));
        }
        const auto *split = registry.find(QStringLiteral("data.split"));
        const QString splitHtml = sextant::app::NodeReference::nodeHtml(*split);
        QVERIFY(splitHtml.contains(QStringLiteral("Test share")));
        QVERIFY(splitHtml.contains(QStringLiteral("0.01 … 0.99")));
        QVERIFY(splitHtml.contains(QStringLiteral("0.25")));
        QVERIFY(splitHtml.contains(QStringLiteral("Train")));

        sextant::engine::NodeType extra = *split;
        extra.id = QStringLiteral("test.added_later");
        extra.displayName = QStringLiteral("Added Later");
        QVERIFY(registry.add(extra));
        QVERIFY(sextant::app::NodeReference::html(registry).contains(
            QStringLiteral("node:test.added_later")));
    }

    // Help's window: the guide, the reference with its node list, the shortcuts read from
    // the menus (Run's F5, Save's Ctrl+S).
    void helpWindow()
    {
        MainWindow window;
        action(window, "helpNodeReferenceAction")->trigger();
        auto *help = window.findChild<sextant::app::HelpWindow *>();
        QVERIFY(help && help->isVisible());
        QVERIFY(help->nodeList()->topLevelItemCount() >= 5);
        QVERIFY(
            help->referenceBrowser()->toPlainText().contains(QStringLiteral("Train/Test Split")));
        action(window, "helpShortcutsAction")->trigger();
        const QString shortcuts = help->shortcutsBrowser()->toPlainText();
        QVERIFY2(shortcuts.contains(QStringLiteral("F5")), qPrintable(shortcuts.left(400)));
        QVERIFY(shortcuts.contains(
            QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
        action(window, "helpGuideAction")->trigger();
        QVERIFY(help->guideBrowser()->toPlainText().contains(QStringLiteral("Train/Test Split")));
    }

    // A .sxmodel file given to the studio (a double-click in the file manager runs
    // `sextant FILE`) becomes one Model File node reading it; opening it again selects it.
    void modelFileOpensAsNode()
    {
        MainWindow window;
        window.welcomePage()->setAutomatic(true);
        const QString model = QDir(QDir::tempPath()).absoluteFilePath(QStringLiteral("m.sxmodel"));
        window.openFile(model);
        QCOMPARE(window.graphModel().nodeCount(), 1);
        const int id = window.graphModel().nodeIds().value(0);
        QCOMPARE(window.graphModel().nodeType(id)->id, QStringLiteral("data.model_file"));
        QCOMPARE(window.graphModel().parameter(id, QStringLiteral("path")).toString(), model);
        QVERIFY(!window.welcomePage()->isShown());
        window.openFile(model);
        QCOMPARE(window.graphModel().nodeCount(), 1);
    }

    // Preferences: stored, and what can apply at once applies (threads, Auto-run).
    void preferencesApply()
    {
        MainWindow window;
        sextant::app::PreferencesDialog dialog(window);
        dialog.languageCombo()->setCurrentIndex(
            dialog.languageCombo()->findData(QStringLiteral("de")));
        QVERIFY(dialog.languageCombo()->currentIndex() > 0);
        dialog.threadsSpin()->setValue(3);
        dialog.autoRunCheck()->setChecked(false);
        dialog.apply();
        QCOMPARE(sextant::app::Preferences::language(), QStringLiteral("de"));
        QCOMPARE(sextant::app::Preferences::workerThreads(), 3);
        QCOMPARE(window.graphEditor()->executor().maxThreads(), 3);
        QVERIFY(!window.autoRun()->isEnabled());
        QVERIFY(!sextant::app::Preferences::autoRun());
        // A new window starts with them.
        MainWindow next;
        QCOMPARE(next.graphEditor()->executor().maxThreads(), 3);
        QVERIFY(!next.autoRun()->isEnabled());
        QSettings().clear();
    }
};

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
