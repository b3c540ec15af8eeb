#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace sextant::engine {

// Where a node stands with respect to the executor.
enum class NodeStatus : std::uint8_t {
    Idle, // never run, or edited since (its output is out of date)
    Queued, // part of the current run, waiting for its inputs or a worker thread
    Running, // its compute function is running
    Done, // its outputs are available (computed now or reused from the cache)
    Failed, // its compute function failed; the message says why
    Cancelled, // the run was cancelled before or while it ran
    Skipped, // not run because a node it depends on failed; the message names it
};

// Stable lower-case id ("idle", "queued", "running", "done", "failed", "cancelled",
// "skipped"), used in command-line output.
QString nodeStatusId(NodeStatus status);
// True for Done, Failed, Cancelled and Skipped.
bool isFinal(NodeStatus status);

// Everything the executor knows about one node.
struct NodeState {
    NodeStatus status = NodeStatus::Idle;
    // Failed/Skipped: why. Done: the warnings, one per line (may be empty).
    QString message;
    double progress = 0.0; // 0..1
    QStringList warnings;
    // Done: the outputs are partial (training stopped by Stop; a warning says so).
    bool partial = false;
};

} // namespace sextant::engine

Q_DECLARE_METATYPE(sextant::engine::NodeStatus)
