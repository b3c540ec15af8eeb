#pragma once
// Test helper (header-only): runs the real `sextant` executable (SEXTANT_EXECUTABLE) the
// way a person runs it from a terminal without a display, and collects what it printed.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sextant::testing {

struct SextantRun {
    int exitCode = -1; // -1: did not finish in time; -2: crashed (a signal, e.g. abort)
    QString out;
    QString err;
};

struct SextantRunOptions {
    QString workingDirectory; // empty: the test's own
    qint64 memoryLimitKb = 0; // > 0: under `ulimit -v`
    int timeoutMs = 300000;
};

inline SextantRun runSextant(const QStringList &args, const SextantRunOptions &options = {})
{
    QProcess p;
    // No display at all: the subcommands must not need one.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    if (options.memoryLimitKb > 0) {
        const QStringList shell = { QStringLiteral("-c"),
            QStringLiteral("ulimit -v %1 && exec \"$0\" \"$@\"").arg(options.memoryLimitKb),
            QStringLiteral(SEXTANT_EXECUTABLE) };
        p.start(QStringLiteral("bash"), shell + args);
    } else {
        p.start(QStringLiteral(SEXTANT_EXECUTABLE), args);
    }
    if (!p.waitForFinished(options.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    SextantRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace sextant::testing
