#include "cli/SlurmBackend.h"

#include "cli/SweepFolder.h"
#include "data/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <algorithm>

namespace sextant::cli {

namespace {

struct ToolRun {
    int code = -1; // -1: could not start or timed out
    QString out;
    QString err;
};

ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    ToolRun r;
    if (!p.waitForStarted(timeoutMs)) {
        r.err = QStringLiteral("%1 could not be started: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("%1 did not answer within %2 s").arg(program).arg(timeoutMs / 1000);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// "KEY=VALUE KEY=VALUE ..." (scontrol -o) -> the value of `key`.
QString field(const QString &line, const QString &key)
{
    for (const QString &part : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (part.startsWith(key + QLatin1Char('=')))
            return part.mid(key.size() + 1);
    return {};
}

// Sleeps `ms`, waking early when `cancel` is set.
void nap(int ms, const std::atomic<bool> &cancel)
{
    for (int slept = 0; slept < ms && !cancel.load(); slept += 25)
        QThread::msleep(25);
}

} // namespace

SlurmBackend::SlurmBackend(Options options) : m_options(std::move(options))
{
}

bool SlurmBackend::available(QString *why)
{
    for (const char *tool : { "sbatch", "squeue", "scancel", "scontrol" })
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
            *why = QStringLiteral("%1 is not on PATH (no Slurm client here)")
                       .arg(QString::fromLatin1(tool));
            return false;
        }
    const ToolRun ping = runTool(QStringLiteral("scontrol"), { QStringLiteral("ping") }, 20000);
    if (ping.code != 0 || !ping.out.contains(QLatin1String("UP"))) {
        *why = QStringLiteral("the Slurm controller does not answer (scontrol ping: %1)")
                   .arg(QString(ping.out + QLatin1Char(' ') + ping.err).trimmed());
        return false;
    }
    return true;
}

QString SlurmBackend::arraySpec(const QList<int> &sorted, int limit)
{
    QStringList parts;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        parts.append(j == i ? QString::number(sorted[i])
                            : QStringLiteral("%1-%2").arg(sorted[i]).arg(sorted[j]));
        i = j + 1;
    }
    QString spec = parts.join(QLatin1Char(','));
    if (limit > 0)
        spec += QStringLiteral("%%1").arg(limit);
    return spec;
}

int SlurmBackend::maxArraySize()
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("SEXTANT_SLURM_MAX_ARRAY_SIZE", &ok);
    if (ok && fromEnv > 0)
        return fromEnv;
    const ToolRun r
        = runTool(QStringLiteral("scontrol"), { QStringLiteral("show"), QStringLiteral("config") });
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        if (line.section(QLatin1Char('='), 0, 0).trimmed() != QLatin1String("MaxArraySize"))
            continue;
        const int value = line.section(QLatin1Char('='), 1).trimmed().toInt(&ok);
        if (ok && value > 0)
            return value;
    }
    return 1001;
}

bool SlurmBackend::submit(const SweepFolder &folder, const QList<int> &indices, int attempt,
    QMap<int, QString> *taskIds, QString *summary, QString *error)
{
    QMap<int, QList<int>> blocks; // offset -> the array's task ids
    for (int i : indices) {
        const int offset = i / m_maxArray * m_maxArray;
        blocks[offset].append(i - offset);
    }
    QStringList jobs;
    for (auto it = blocks.cbegin(); it != blocks.cend(); ++it) {
        // With a limit, each array waits for the one before it, so that no more than
        // `limit` tasks run at once.
        const QString after = m_options.limit > 0 && !jobs.isEmpty() ? jobs.last() : QString();
        QString job;
        if (!submitArray(folder, it.value(), it.key(), attempt, after, &job, error))
            return false;
        for (int t : it.value())
            taskIds->insert(it.key() + t, QStringLiteral("%1_%2").arg(job).arg(t));
        jobs.append(job);
    }
    *summary = jobs.join(QStringLiteral(", "));
    return true;
}

bool SlurmBackend::submitArray(const SweepFolder &folder, const QList<int> &tasks, int offset,
    int attempt, const QString &after, QString *job, QString *error)
{
    const QString slurmDir = folder.path(QStringLiteral("slurm"));
    QDir().mkpath(slurmDir);
    for (int t : tasks)
        QDir().mkpath(folder.runDirectory(offset + t));
    // Task N of the first array runs point N, and the scheduler writes its output to the
    // point's task.out. A later array's task adds the offset, so its script sends the
    // point's output there itself and the scheduler's own lines go to slurm/.
    const QString name = offset == 0
        ? QStringLiteral("attempt-%1").arg(attempt)
        : QStringLiteral("attempt-%1-from-%2").arg(attempt).arg(offset);
    const QString script = QDir(slurmDir).filePath(name + QStringLiteral(".sh"));
    const QString dir = shellQuote(folder.directory);
    const QString text = offset == 0
        ? QStringLiteral("#!/bin/sh\n"
                         "# Sextant sweep %1, attempt %2: task N runs point N into runs/NNNN.\n"
                         "exec %3 sweep --task %4 \"$SLURM_ARRAY_TASK_ID\" --attempt %2\n")
              .arg(
                  folder.directory, QString::number(attempt), shellQuote(m_options.executable), dir)
        // (printf's %04d would read as a place marker of QString::arg: no arg() on it.)
        : QStringLiteral("#!/bin/sh\n"
                         "# Sextant sweep %1, attempt %2: task N runs point N + %3 into "
                         "runs/NNNN.\n"
                         "point=$((SLURM_ARRAY_TASK_ID + %3))\n")
                .arg(folder.directory, QString::number(attempt), QString::number(offset))
            + QStringLiteral("exec >>\"$(printf '%s/runs/%04d/task.out' ") + dir
            + QStringLiteral(" \"$point\")\" 2>&1\nexec ") + shellQuote(m_options.executable)
            + QStringLiteral(" sweep --task ") + dir
            + QStringLiteral(" \"$point\" --attempt %1\n").arg(attempt);
    if (!engine::AtomicFile::write(script, text.toUtf8(), error))
        return false;
    QFile::setPermissions(script, QFile::permissions(script) | QFileDevice::ExeOwner);
    const QString output = offset == 0 ? folder.path(QStringLiteral("runs/%4a/task.out"))
                                       : QDir(slurmDir).filePath(name + QStringLiteral("-%a.out"));
    QStringList args { QStringLiteral("--parsable"),
        QStringLiteral("--job-name=%1").arg(m_options.jobName),
        QStringLiteral("--array=%1").arg(arraySpec(tasks, m_options.limit)),
        QStringLiteral("--output=%1").arg(output), QStringLiteral("--open-mode=append"),
        QStringLiteral("--chdir=%1").arg(folder.directory) };
    if (!after.isEmpty())
        args.append(QStringLiteral("--dependency=afterany:%1").arg(after));
    if (!m_options.partition.isEmpty())
        args.append(QStringLiteral("--partition=%1").arg(m_options.partition));
    if (!m_options.time.isEmpty())
        args.append(QStringLiteral("--time=%1").arg(m_options.time));
    if (m_options.cpusPerTask > 0)
        args.append(QStringLiteral("--cpus-per-task=%1").arg(m_options.cpusPerTask));
    if (!m_options.mem.isEmpty())
        args.append(QStringLiteral("--mem=%1").arg(m_options.mem));
    args.append(script);
    const ToolRun r = runTool(QStringLiteral("sbatch"), args);
    const QString id = r.out.trimmed().section(QLatin1Char(';'), 0, 0);
    bool numeric = false;
    id.toLongLong(&numeric);
    if (r.code != 0 || !numeric) {
        *error = QStringLiteral("sbatch refused the array: %1")
                     .arg(r.err.isEmpty() ? r.out.trimmed() : r.err);
        return false;
    }
    *job = id;
    m_jobs.append(id);
    return true;
}

bool SlurmBackend::queue(QMap<QString, QPair<QString, QString>> *tasks) const
{
    tasks->clear();
    for (const QString &job : m_jobs) {
        const ToolRun r = runTool(QStringLiteral("squeue"),
            { QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"), job,
                QStringLiteral("-o"), QStringLiteral("%i|%T|%N") },
            30000);
        if (r.code != 0) {
            // A job the controller has already forgotten (all its tasks ended long ago).
            if (r.err.contains(QLatin1String("Invalid job id")))
                continue;
            return false;
        }
        for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList f = line.trimmed().split(QLatin1Char('|'));
            if (f.size() >= 2)
                tasks->insert(f[0], { f[1], f.value(2) });
        }
    }
    return true;
}

QString SlurmBackend::endReason(const QString &task) const
{
    const ToolRun acct = runTool(QStringLiteral("sacct"),
        { QStringLiteral("-n"), QStringLiteral("-P"), QStringLiteral("-X"), QStringLiteral("-j"),
            task, QStringLiteral("-o"), QStringLiteral("State,ExitCode,NodeList") },
        30000);
    if (acct.code == 0 && !acct.out.trimmed().isEmpty()) {
        const QStringList f
            = acct.out.trimmed().section(QLatin1Char('\n'), -1).split(QLatin1Char('|'));
        return QStringLiteral("Slurm: %1, exit code %2 on %3 (the task left no report)")
            .arg(f.value(0), f.value(1), f.value(2));
    }
    const ToolRun show = runTool(QStringLiteral("scontrol"),
        { QStringLiteral("show"), QStringLiteral("job"), QStringLiteral("-o"), task }, 30000);
    if (show.code == 0 && !show.out.trimmed().isEmpty()) {
        const QString line = show.out.trimmed();
        return QStringLiteral("Slurm: %1 (reason %2), exit code %3 on %4 (the task left no report)")
            .arg(field(line, QStringLiteral("JobState")), field(line, QStringLiteral("Reason")),
                field(line, QStringLiteral("ExitCode")), field(line, QStringLiteral("NodeList")));
    }
    return QStringLiteral("the task %1 ended without a report, and Slurm no longer knows it")
        .arg(task);
}

void SlurmBackend::cancelAll(const std::atomic<bool> &) const
{
    if (m_jobs.isEmpty())
        return;
    runTool(QStringLiteral("scancel"), m_jobs, 30000);
    // Until the queue lists none of their tasks (a running one takes KillWait to end).
    const std::atomic<bool> never { false };
    for (int i = 0; i < 240; ++i) {
        QMap<QString, QPair<QString, QString>> tasks;
        if (queue(&tasks) && tasks.isEmpty())
            return;
        nap(250, never);
    }
}

bool SlurmBackend::run(const SweepFolder &folder, const std::atomic<bool> &cancel,
    const ProgressFn &progress, QList<SweepOutcome> *outcomes, QString *error)
{
    m_jobs.clear();
    const int n = static_cast<int>(folder.points.size());
    outcomes->clear();
    outcomes->resize(n);
    QList<int> all;
    for (int i = 0; i < n; ++i)
        all.append(i);
    m_maxArray = m_options.maxArraySize > 0 ? m_options.maxArraySize : maxArraySize();
    QMap<int, QString> submitted;
    QString jobs;
    if (!submit(folder, all, 1, &submitted, &jobs, error)) {
        cancelAll(cancel); // the arrays already submitted
        return false;
    }
    QList<QString> taskIds(n);
    QList<int> misses(n, 0);
    for (int i = 0; i < n; ++i) {
        (*outcomes)[i].attempts = 1;
        (*outcomes)[i].job = submitted.value(i);
        taskIds[i] = (*outcomes)[i].job;
    }
    progress(count(*outcomes),
        n <= m_maxArray
            ? QStringLiteral("submitted job array %1 (%2 tasks)").arg(jobs).arg(n)
            : QStringLiteral("submitted job arrays %1 (%2 tasks; the cluster allows %3 per array)")
                  .arg(jobs)
                  .arg(n)
                  .arg(m_maxArray));
    Counts last = count(*outcomes);
    int queueFailures = 0;
    while (true) {
        if (cancel.load()) {
            cancelAll(cancel);
            for (int i = 0; i < n; ++i) {
                SweepOutcome &o = (*outcomes)[i];
                if (o.final())
                    continue;
                if (!SweepResults::readTaskReport(folder.runDirectory(i), o.attempts, &o)) {
                    o.state = SweepOutcome::State::Cancelled;
                    o.message = QStringLiteral("cancelled (scancel)");
                }
            }
            return true;
        }
        QMap<QString, QPair<QString, QString>> tasks;
        if (!queue(&tasks)) {
            if (++queueFailures > 60) {
                *error = QStringLiteral("squeue has not answered for a minute; the jobs %1 "
                                        "may still run (scancel them by hand)")
                             .arg(m_jobs.join(QStringLiteral(", ")));
                return false;
            }
            nap(m_options.pollMs, cancel);
            continue;
        }
        queueFailures = 0;
        QList<int> again;
        for (int i = 0; i < n; ++i) {
            SweepOutcome &o = (*outcomes)[i];
            if (o.final())
                continue;
            const auto it = tasks.constFind(taskIds[i]);
            if (it != tasks.constEnd()) {
                const QString &state = it->first;
                o.state = state == QLatin1String("RUNNING") || state == QLatin1String("COMPLETING")
                    ? SweepOutcome::State::Running
                    : SweepOutcome::State::Pending;
                if (!it->second.isEmpty())
                    o.node = it->second;
                misses[i] = 0;
                continue;
            }
            if (!SweepResults::readTaskReport(folder.runDirectory(i), o.attempts, &o)) {
                // Not queued and no report yet: give a shared file system a moment.
                if (++misses[i] < 3)
                    continue;
                o.state = SweepOutcome::State::Failed;
                o.message = endReason(taskIds[i]);
            }
            o.job = taskIds[i];
            if (o.state == SweepOutcome::State::Failed && o.attempts < 2)
                again.append(i);
        }
        if (!again.isEmpty()) {
            QString retry;
            QMap<int, QString> resubmitted;
            if (!submit(folder, again, 2, &resubmitted, &retry, error)) {
                cancelAll(cancel);
                return false;
            }
            for (int i : std::as_const(again)) {
                SweepOutcome &o = (*outcomes)[i];
                o.attempts = 2;
                o.state = SweepOutcome::State::Pending;
                taskIds[i] = resubmitted.value(i);
                misses[i] = 0;
            }
            progress(count(*outcomes),
                QStringLiteral("resubmitted %1 failed task(s) as job array(s) %2")
                    .arg(again.size())
                    .arg(retry));
            last = count(*outcomes);
        }
        const Counts c = count(*outcomes);
        if (!(c == last)) {
            progress(c, QString());
            last = c;
        }
        if (c.done + c.failed == n)
            return true;
        nap(m_options.pollMs, cancel);
    }
}

} // namespace sextant::cli
