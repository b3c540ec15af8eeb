#include "graph/NodeStatus.h"

namespace sextant::engine {

QString nodeStatusId(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Idle:
        return QStringLiteral("idle");
    case NodeStatus::Queued:
        return QStringLiteral("queued");
    case NodeStatus::Running:
        return QStringLiteral("running");
    case NodeStatus::Done:
        return QStringLiteral("done");
    case NodeStatus::Failed:
        return QStringLiteral("failed");
    case NodeStatus::Cancelled:
        return QStringLiteral("cancelled");
    case NodeStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("unknown");
}

bool isFinal(NodeStatus status)
{
    return status == NodeStatus::Done || status == NodeStatus::Failed
        || status == NodeStatus::Cancelled || status == NodeStatus::Skipped;
}

} // namespace sextant::engine
