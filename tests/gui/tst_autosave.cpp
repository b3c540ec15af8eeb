// Crash recovery: the studio keeps a copy of unsaved work in a recovery file, a killed
// studio offers it at the next start (the studio runs as a child process, offscreen, and is
// killed with SIGKILL), restoring keeps the original file untouched until Save, and a clean
// exit removes the file. Also the studio's question before running a workflow that reads
// files outside its folder.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "gui/Autosave.h"
#include "gui/MainWindow.h"
#include "gui/RunPathGuard.h"
#include "widgets/GraphEditor.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using sextant::app::Autosave;
using sextant::app::MainWindow;
using sextant::app::RunPathGuard;
using sextant::engine::WorkflowFile;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QStringList recoveryFiles(const QString &dir)
{
    return QDir(dir).entryList(
        { QStringLiteral("*.") + Autosave::fileSuffix() }, QDir::Files, QDir::Name);
}

int nodesInRecovery(const QString &path)
{
    const QJsonObject root = QJsonDocument::fromJson(readFile(path)).object();
    return int(root.value(QStringLiteral("workflow"))
                   .toObject()
                   .value(QStringLiteral("nodes"))
                   .toArray()
                   .size());
}

// The studio as a child process, offscreen, with its recovery folder, settings and data
// folders in `home`.
class Studio {
public:
    Studio(const QString &home, const QString &recovery) : m_home(home), m_recovery(recovery) { }
    ~Studio()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    bool start(const QStringList &args, const QMap<QString, QString> &extra)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SEXTANT_RECOVERY_DIR"), m_recovery);
        env.insert(QStringLiteral("SEXTANT_AUTOSAVE_INTERVAL_MS"), QStringLiteral("200"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home + QStringLiteral("/runtime"));
        QDir().mkpath(m_home + QStringLiteral("/runtime"));
        QFile::setPermissions(m_home + QStringLiteral("/runtime"),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(SEXTANT_EXECUTABLE), args);
        return m_process.waitForStarted(30000);
    }

    // Everything the studio printed so far.
    QString output()
    {
        m_out += QString::fromUtf8(m_process.readAllStandardOutput());
        return m_out;
    }
    QString errors()
    {
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_err;
    }

    // SIGKILL: no chance to clean up, as in a crash.
    void killHard()
    {
        m_process.kill();
        m_process.waitForFinished(30000);
    }
    bool waitForExit(int ms = 30000) { return m_process.waitForFinished(ms); }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QProcess &process() { return m_process; }

private:
    QString m_home;
    QString m_recovery;
    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace

class TestAutosave : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_autosave"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    // --- the studio as a separate process

    void killedStudioOffersItsAutosave()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        const QString recovery = m_dir.filePath(QStringLiteral("recovery"));
        const QString project = m_dir.filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(project));
        const QString flow = project + QStringLiteral("/iris-explore.sextant");
        QVERIFY(QFile::copy(
            QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris-explore.sextant"), flow));
        QVERIFY(QFile::copy(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"),
            project + QStringLiteral("/iris.csv")));
        const QByteArray original = readFile(flow);

        // 1. The workflow opened and edited (one node added): the recovery file appears.
        QString crashed;
        {
            Studio studio(home, recovery);
            QVERIFY(studio.start({ flow },
                { { QStringLiteral("SEXTANT_TEST_ADD_NODE"), QStringLiteral("view.table") } }));
            QTRY_VERIFY2_WITH_TIMEOUT(
                recoveryFiles(recovery).size() == 1, qPrintable(studio.errors()), 60000);
            crashed = QDir(recovery).filePath(recoveryFiles(recovery).front());
            QTRY_COMPARE_WITH_TIMEOUT(nodesInRecovery(crashed), 7, 10000);
            const QJsonObject root = QJsonDocument::fromJson(readFile(crashed)).object();
            QCOMPARE(root.value(QStringLiteral("workflowPath")).toString(), flow);
            QVERIFY(!root.value(QStringLiteral("windowState")).toString().isEmpty());
            studio.killHard();
        }
        // The lock stays behind with the file: that session never finished.
        QVERIFY(QFile::exists(crashed));
        QCOMPARE(QDir(recovery).entryList({ QStringLiteral("*.lock") }, QDir::Files).size(), 1);
        QCOMPARE(readFile(flow), original); // the user's file was never written

        // 2. The next start offers it; restored, it is an unsaved change to the same file.
        QString restoredCopy;
        {
            Studio studio(home, recovery);
            QVERIFY(studio.start(
                {}, { { QStringLiteral("SEXTANT_RECOVERY_ANSWER"), QStringLiteral("restore") } }));
            QTRY_VERIFY2_WITH_TIMEOUT(
                studio.output().contains(QStringLiteral("recovery: restored")),
                qPrintable(studio.output() + studio.errors()), 60000);
            const QString out = studio.output();
            QVERIFY2(
                out.contains(
                    QStringLiteral("recovery: offered %1 workflow=%2 nodes=7").arg(crashed, flow)),
                qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("recovery: restored %1 workflow=%2 nodes=7 "
                                                 "modified=1")
                                      .arg(crashed, flow)),
                qPrintable(out));
            // The crashed session's copy is gone once this session holds its own.
            QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles(recovery).size(), 1, 10000);
            restoredCopy = QDir(recovery).filePath(recoveryFiles(recovery).front());
            QVERIFY(restoredCopy != crashed);
            QVERIFY(!QFile::exists(crashed));
            QCOMPARE(nodesInRecovery(restoredCopy), 7);
            QCOMPARE(readFile(flow), original); // still not written behind the user's back
            studio.killHard();
        }

        // 3. Killed again: offered again; discarded, nothing is left; the window closes
        //    cleanly.
        {
            Studio studio(home, recovery);
            QVERIFY(studio.start({},
                { { QStringLiteral("SEXTANT_RECOVERY_ANSWER"), QStringLiteral("discard") },
                    { QStringLiteral("SEXTANT_TEST_CLOSE_AFTER_MS"), QStringLiteral("500") } }));
            QVERIFY(studio.waitForExit());
            QCOMPARE(studio.exitCode(), 0);
            const QString out = studio.output();
            QVERIFY2(out.contains(QStringLiteral("recovery: offered %1 workflow=%2 nodes=7")
                                      .arg(restoredCopy, flow)),
                qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("recovery: discarded %1").arg(restoredCopy)),
                qPrintable(out));
            QVERIFY2(QDir(recovery).entryList(QDir::Files).isEmpty(),
                qPrintable(QDir(recovery).entryList(QDir::Files).join(QLatin1Char(' '))));
        }
        QCOMPARE(readFile(flow), original);
    }

    void cleanExitRemovesTheRecoveryFile()
    {
        const QString home = m_dir.filePath(QStringLiteral("home2"));
        const QString recovery = m_dir.filePath(QStringLiteral("recovery2"));
        Studio studio(home, recovery);
        // An untitled workflow with one node, then the window closes (changes discarded).
        QVERIFY(studio.start({},
            { { QStringLiteral("SEXTANT_TEST_ADD_NODE"), QStringLiteral("view.table") },
                { QStringLiteral("SEXTANT_TEST_CLOSE_AFTER_MS"), QStringLiteral("3000") } }));
        QTRY_VERIFY2_WITH_TIMEOUT(
            recoveryFiles(recovery).size() == 1, qPrintable(studio.errors()), 60000);
        QCOMPARE(nodesInRecovery(QDir(recovery).filePath(recoveryFiles(recovery).front())), 1);
        QVERIFY(studio.waitForExit());
        QCOMPARE(studio.exitCode(), 0);
        // Neither the recovery file nor the session lock is left.
        QVERIFY2(QDir(recovery).entryList(QDir::Files).isEmpty(),
            qPrintable(QDir(recovery).entryList(QDir::Files).join(QLatin1Char(' '))));
    }

    // --- the same parts in this process

    void fileFollowsUnsavedChanges()
    {
        const QString recovery = m_dir.filePath(QStringLiteral("recovery3"));
        MainWindow window;
        Autosave autosave(window);
        autosave.setDirectory(recovery);
        autosave.setInterval(50);
        QVERIFY(autosave.start());
        QVERIFY(QFile::exists(recovery));
        QVERIFY(!QFile::exists(autosave.recoveryFile())); // nothing unsaved yet

        sextant::widgets::GraphEditor *editor = window.graphEditor();
        QVERIFY(editor->addNode(QStringLiteral("view.table"), { 0, 0 }) != 0);
        QTRY_VERIFY(QFile::exists(autosave.recoveryFile()));
        QCOMPARE(nodesInRecovery(autosave.recoveryFile()), 1);

        // A parameter edit reaches the file with the periodic save.
        const int hist = editor->addNode(QStringLiteral("view.histogram"), { 200, 0 });
        QVERIFY(hist != 0);
        QTRY_COMPARE(nodesInRecovery(autosave.recoveryFile()), 2);
        QVERIFY(window.graphModel().setParameter(hist, QStringLiteral("bins"), 17));
        QTRY_VERIFY(readFile(autosave.recoveryFile()).contains("\"bins\": 17"));

        // Undone back to the saved (empty) state: nothing to recover, the file goes.
        editor->undoStack()->setIndex(0);
        QTRY_VERIFY(!QFile::exists(autosave.recoveryFile()));
        editor->undoStack()->redo();
        QTRY_VERIFY(QFile::exists(autosave.recoveryFile()));

        // Saved: the work is in its file, the recovery file goes.
        const QString flow = m_dir.filePath(QStringLiteral("saved.sextant"));
        QVERIFY(window.saveWorkflowAs(flow));
        QTRY_VERIFY(!QFile::exists(autosave.recoveryFile()));

        autosave.finish();
        QVERIFY(QDir(recovery).entryList(QDir::Files).isEmpty());
    }

    void restoreKeepsTheOriginalFileUntilSave()
    {
        const QString recovery = m_dir.filePath(QStringLiteral("recovery4"));
        const QString flow = m_dir.filePath(QStringLiteral("mine.sextant"));
        QString orphan;
        {
            MainWindow window;
            QVERIFY(window.graphEditor()->addNode(QStringLiteral("view.table"), { 0, 0 }) != 0);
            QVERIFY(window.saveWorkflowAs(flow));
            Autosave autosave(window);
            autosave.setDirectory(recovery);
            QVERIFY(autosave.start());
            QVERIFY(window.graphEditor()->addNode(QStringLiteral("view.scatter"), { 0, 200 }) != 0);
            QTRY_VERIFY(QFile::exists(autosave.recoveryFile()));
            // A crashed session's file: a copy without a lock.
            orphan = QDir(recovery).filePath(QStringLiteral("crashed.") + Autosave::fileSuffix());
            QVERIFY(QFile::copy(autosave.recoveryFile(), orphan));
            window.setUnsavedChangesPrompt(
                [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
            autosave.finish();
        }
        const QByteArray onDisk = readFile(flow);
        QCOMPARE(QJsonDocument::fromJson(onDisk)
                     .object()
                     .value(QStringLiteral("nodes"))
                     .toArray()
                     .size(),
            1);

        MainWindow window;
        Autosave autosave(window);
        autosave.setDirectory(recovery);
        QList<Autosave::Recovery> offered;
        autosave.setRecoveryPrompt([&offered](const Autosave::Recovery &r) {
            offered.append(r);
            return Autosave::Choice::Restore;
        });
        QVERIFY(autosave.start());
        QVERIFY(autosave.offerRecovery());
        QCOMPARE(offered.size(), 1);
        QCOMPARE(offered.front().file, orphan);
        QCOMPARE(offered.front().workflowPath, flow);
        QCOMPARE(offered.front().nodeCount, 2);

        QCOMPARE(window.graphModel().nodeCount(), 2);
        QCOMPARE(window.workflowPath(), flow);
        QVERIFY(window.isWorkflowModified());
        QVERIFY(window.windowTitle().contains(QStringLiteral("mine")));
        QCOMPARE(readFile(flow), onDisk); // not written until the person saves
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(QFile::exists(autosave.recoveryFile()));
        QVERIFY(autosave.orphans().isEmpty());

        // Save writes to the person's own file.
        QVERIFY(window.saveWorkflow());
        QCOMPARE(QJsonDocument::fromJson(readFile(flow))
                     .object()
                     .value(QStringLiteral("nodes"))
                     .toArray()
                     .size(),
            2);
        QTRY_VERIFY(!QFile::exists(autosave.recoveryFile()));
        autosave.finish();
    }

    void brokenRecoveryFileIsSkipped()
    {
        const QString recovery = m_dir.filePath(QStringLiteral("recovery5"));
        QVERIFY(QDir().mkpath(recovery));
        // Also the lock of a session killed before it saved anything (its process is gone).
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        const QString ghost = QDir(recovery).filePath(QStringLiteral("ghost.lock"));
        // QLockFile's format: pid, application, host, machine id, boot id.
        QVERIFY(writeFile(ghost,
            QByteArray::number(deadPid) + "\nsextant\n" + QSysInfo::machineHostName().toUtf8()
                + '\n' + QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n'));
        // A live one stays.
        const QString live = QDir(recovery).filePath(QStringLiteral("live.lock"));
        QLockFile liveLock(live);
        QVERIFY(liveLock.tryLock(0));
        QVERIFY(writeFile(
            QDir(recovery).filePath(QStringLiteral("junk.") + Autosave::fileSuffix()), "{ nope"));
        MainWindow window;
        Autosave autosave(window);
        autosave.setDirectory(recovery);
        int asked = 0;
        autosave.setRecoveryPrompt([&asked](const Autosave::Recovery &) {
            ++asked;
            return Autosave::Choice::Restore;
        });
        QVERIFY(autosave.start());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipping .*junk")));
        QVERIFY(!autosave.offerRecovery());
        QCOMPARE(asked, 0);
        QCOMPARE(window.graphModel().nodeCount(), 0);
        QVERIFY(!QFile::exists(ghost));
        QVERIFY(QFile::exists(live));
        autosave.finish();
    }

    void runAsksAboutOutsidePaths()
    {
        // A workflow in its own folder reading a file elsewhere.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("flows"));
        QVERIFY(QDir().mkpath(folder));
        const QString outside = QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
        const QString flow = folder + QStringLiteral("/stranger.sextant");
        QVERIFY(writeFile(flow,
            QStringLiteral(R"({"format": "sextant-workflow", "version": 1,
  "nodes": [{"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "%1"}}],
  "connections": []})")
                .arg(outside)
                .toUtf8()));
        QSettings().clear(); // no recent files
        MainWindow window;
        RunPathGuard guard(window);
        QStringList shown;
        bool answer = false;
        guard.setPrompt([&](const QString &, const QStringList &lines) {
            shown = lines;
            return answer;
        });
        QVERIFY(window.openWorkflow(flow));
        QVERIFY(!guard.allowedFolders().contains(QFileInfo(outside).absolutePath()));

        // Refused: Run asks, and the run does not start.
        QVERIFY(window.graphEditor()->runAction()->isEnabled());
        window.graphEditor()->runAction()->trigger();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.front().contains(outside), qPrintable(shown.front()));
        QVERIFY(!window.graphEditor()->executor().isRunning());
        QCOMPARE(
            window.graphEditor()->executor().state(1).status, sextant::engine::NodeStatus::Idle);
        shown.clear();
        QVERIFY(!guard.allowRun());
        QCOMPARE(shown.size(), 1);

        // Agreed: remembered for this workflow, not asked again.
        answer = true;
        shown.clear();
        QVERIFY(guard.allowRun());
        QCOMPARE(shown.size(), 1);
        shown.clear();
        answer = false;
        QVERIFY(guard.allowRun());
        QVERIFY(shown.isEmpty());

        // Data the person opened in this session is theirs: its folder is allowed.
        MainWindow other;
        RunPathGuard otherGuard(other);
        otherGuard.setPrompt([&](const QString &, const QStringList &lines) {
            shown = lines;
            return false;
        });
        other.openFile(outside); // a File node in the untitled workflow: unsaved changes
        other.setUnsavedChangesPrompt(
            [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
        QVERIFY(other.openWorkflow(flow));
        QSettings().clear(); // no recent files: only this session's folders count
        QVERIFY(otherGuard.allowRun());
        QVERIFY(shown.isEmpty());
        QTRY_VERIFY(!other.isLoading());
    }
};

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
