#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <cstdint>

namespace sextant::engine {

// How a run of the Executor ended. Node lists are ascending ids.
struct RunSummary {
    std::uint64_t runId = 0; // increases with every run of one executor
    bool started = false; // false when run() refused (see error)
    bool cancelled = false; // cancel() was called during the run
    QString error; // why run() refused to start ("a run is already in progress")
    QList<int> executed; // nodes whose compute function ran to completion
    QList<int> reused; // nodes whose cached output was still valid
    QList<int> failed; // nodes that failed (see failureMessages)
    QList<int> skipped; // nodes not run because something upstream failed
    QList<int> cancelledNodes;
    QList<int> partial; // done, with partial outputs (training stopped by Stop)
    QMap<int, QString> failureMessages; // node id -> message
    qint64 elapsedMs = 0;

    // Started, not cancelled, nothing failed.
    bool ok() const { return started && !cancelled && failed.isEmpty() && skipped.isEmpty(); }
};

} // namespace sextant::engine

Q_DECLARE_METATYPE(sextant::engine::RunSummary)
