#include "cli/SweepBackend.h"

#include "cli/SweepFolder.h"

namespace sextant::cli {

SweepBackend::Counts SweepBackend::count(const QList<SweepOutcome> &outcomes)
{
    Counts c;
    for (const SweepOutcome &o : outcomes) {
        switch (o.state) {
        case SweepOutcome::State::Done:
            ++c.done;
            break;
        case SweepOutcome::State::Running:
            ++c.running;
            break;
        case SweepOutcome::State::Pending:
            ++c.pending;
            break;
        case SweepOutcome::State::Failed:
        case SweepOutcome::State::Cancelled:
            ++c.failed;
            break;
        }
    }
    return c;
}

QStringList SweepBackend::taskArguments(const SweepFolder &folder, int index, int attempt)
{
    return { QStringLiteral("sweep"), QStringLiteral("--task"), folder.directory,
        QString::number(index), QStringLiteral("--attempt"), QString::number(attempt) };
}

} // namespace sextant::cli
