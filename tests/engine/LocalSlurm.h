#pragma once
// The local Slurm the sweep and Tune tests run on (tools/slurm-local start): a command's
// output, whether the controller answers, and REQUIRE_SLURM(), which skips (or, under
// SEXTANT_REQUIRE_REFERENCES, fails) a test with the reason when it does not.
#include "ReferenceSkip.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace sextant::testing {

// `program args` run to its end (at most a minute): its standard output and error; `code`
// gets the exit code (-1 when it crashed or did not start).
inline QString tool(const QString &program, const QStringList &args, int *code = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (code)
        *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

// Whether the local Slurm (tools/slurm-local start) answers; the reason when not.
inline bool slurmUp(QString *why)
{
    int code = -1;
    const QString ping = tool(QStringLiteral("scontrol"), { QStringLiteral("ping") }, &code);
    if (code != 0 || !ping.contains(QLatin1String("UP"))) {
        *why = QStringLiteral("no Slurm controller answers (start one with tools/slurm-local "
                              "start): %1")
                   .arg(ping.trimmed().isEmpty() ? QStringLiteral("scontrol not found")
                                                 : ping.trimmed());
        return false;
    }
    return true;
}

} // namespace sextant::testing

#define REQUIRE_SLURM()                                                                            \
    do {                                                                                           \
        QString why_;                                                                              \
        if (!sextant::testing::slurmUp(&why_))                                                     \
            SEXTANT_SKIP_REFERENCE(why_);                                                          \
    } while (false)
