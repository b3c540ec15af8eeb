#include "graph/NodeContext.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace sextant::engine {

NodeContext::NodeContext(int nodeId, const NodeType &type, QVariantMap parameters,
    std::vector<NodeValuePtr> inputs, QString baseDirectory, const std::atomic<bool> *cancelFlag,
    ProgressSink progress, UpdateSink update)
    : m_nodeId(nodeId), m_type(&type), m_parameters(std::move(parameters)),
      m_inputs(std::move(inputs)), m_baseDirectory(std::move(baseDirectory)), m_cancel(cancelFlag),
      m_progress(std::move(progress)), m_update(std::move(update)),
      m_outputs(static_cast<std::size_t>(type.outputs.size()))
{
    m_inputs.resize(static_cast<std::size_t>(type.inputs.size()));
}

const QByteArray &NodeContext::workflow() const
{
    static const QByteArray none;
    return m_workflow ? *m_workflow : none;
}

NodeValuePtr NodeContext::input(int port) const
{
    if (port < 0 || port >= inputCount())
        return {};
    return m_inputs[static_cast<std::size_t>(port)];
}

QString NodeContext::resolvePath(const QString &path, const QString &baseDirectory)
{
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).isAbsolute())
        return QDir::cleanPath(path);
    const QDir base(baseDirectory.isEmpty() ? QDir::currentPath() : baseDirectory);
    return QDir::cleanPath(base.absoluteFilePath(path));
}

void NodeContext::progress(double fraction)
{
    if (!m_progress || std::isnan(fraction))
        return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    // Progress only moves forwards (reports from several loader threads may arrive out
    // of order), and at most ~100 updates per node are forwarded, each one being a queued
    // signal to the GUI thread: steps under 1% are skipped, 1.0 always passes.
    double last = m_lastReported.load(std::memory_order_relaxed);
    do {
        if (fraction <= last)
            return;
        if (fraction < 1.0 && fraction - last < 0.01)
            return;
    } while (!m_lastReported.compare_exchange_weak(last, fraction, std::memory_order_relaxed));
    m_progress(fraction);
}

void NodeContext::setOutput(int port, NodeValuePtr value)
{
    if (port < 0 || port >= static_cast<int>(m_outputs.size()))
        throw NodeError(QStringLiteral("node type %1 has no output %2").arg(m_type->id).arg(port));
    m_outputs[static_cast<std::size_t>(port)] = std::move(value);
}

void NodeContext::leaveOutputEmpty(int port)
{
    if (port < 0 || port >= static_cast<int>(m_outputs.size()))
        throw NodeError(QStringLiteral("node type %1 has no output %2").arg(m_type->id).arg(port));
    m_emptyOutputs.resize(m_outputs.size(), 0);
    m_emptyOutputs[static_cast<std::size_t>(port)] = 1;
    m_outputs[static_cast<std::size_t>(port)] = nullptr;
}

QString NodeContext::portName(int port) const
{
    if (port >= 0 && port < m_type->inputs.size())
        return m_type->inputs[port].displayLabel();
    return QString::number(port);
}

} // namespace sextant::engine
