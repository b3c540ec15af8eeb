#include "cli/LocalSweepBackend.h"

#include "cli/SweepFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSysInfo>
#include <QThread>
#include <deque>
#include <memory>
#include <vector>

namespace sextant::cli {

LocalSweepBackend::LocalSweepBackend(QString executable, int jobs)
    : m_executable(std::move(executable)), m_jobs(std::max(1, jobs))
{
}

bool LocalSweepBackend::run(const SweepFolder &folder, const std::atomic<bool> &cancel,
    const ProgressFn &progress, QList<SweepOutcome> *outcomes, QString *error)
{
    outcomes->clear();
    outcomes->resize(folder.points.size());
    std::deque<int> queue;
    for (const SweepFolder::Point &p : folder.points)
        queue.push_back(p.index);
    struct Running {
        int index;
        std::unique_ptr<QProcess> process;
    };
    std::vector<Running> running;
    Counts last { -1, -1, -1, -1 };
    while (!queue.empty() || !running.empty()) {
        if (cancel.load()) {
            for (Running &r : running) {
                r.process->kill();
                r.process->waitForFinished(5000);
                (*outcomes)[r.index].state = SweepOutcome::State::Cancelled;
                (*outcomes)[r.index].message = QStringLiteral("cancelled");
            }
            for (int i : queue) {
                (*outcomes)[i].state = SweepOutcome::State::Cancelled;
                (*outcomes)[i].message = QStringLiteral("cancelled before it started");
            }
            return true;
        }
        while (!queue.empty() && static_cast<int>(running.size()) < m_jobs) {
            const int index = queue.front();
            queue.pop_front();
            SweepOutcome &o = (*outcomes)[index];
            ++o.attempts;
            o.state = SweepOutcome::State::Running;
            auto process = std::make_unique<QProcess>();
            const QString runDir = folder.runDirectory(index);
            QDir().mkpath(runDir);
            process->setProcessChannelMode(QProcess::MergedChannels);
            process->setStandardOutputFile(
                QDir(runDir).filePath(QStringLiteral("task.out")), QIODevice::Append);
            process->setStandardInputFile(QProcess::nullDevice());
            process->start(m_executable, taskArguments(folder, index, o.attempts));
            running.push_back({ index, std::move(process) });
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        for (auto it = running.begin(); it != running.end();) {
            QProcess &p = *it->process;
            if (p.state() != QProcess::NotRunning) {
                ++it;
                continue;
            }
            SweepOutcome &o = (*outcomes)[it->index];
            if (!SweepResults::readTaskReport(folder.runDirectory(it->index), o.attempts, &o)) {
                o.state = SweepOutcome::State::Failed;
                o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
                o.node = QSysInfo::machineHostName();
                o.message = p.error() == QProcess::FailedToStart
                    ? QStringLiteral("%1 could not be started: %2")
                          .arg(m_executable, p.errorString())
                    : QStringLiteral("the task ended (%1) without a report")
                          .arg(p.exitStatus() == QProcess::NormalExit
                                  ? QStringLiteral("exit code %1").arg(p.exitCode())
                                  : QStringLiteral("crashed"));
            }
            if (o.state == SweepOutcome::State::Failed && o.attempts < 2) {
                o.state = SweepOutcome::State::Pending;
                queue.push_back(it->index);
            }
            it = running.erase(it);
        }
        const Counts c = count(*outcomes);
        if (!(c == last)) {
            progress(c, QString());
            last = c;
        }
        if (!running.empty())
            QThread::msleep(20);
    }
    Q_UNUSED(error);
    return true;
}

} // namespace sextant::cli
