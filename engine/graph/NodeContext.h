#pragma once

#include "graph/NodeError.h"
#include "graph/NodeType.h"
#include "graph/NodeValue.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace sextant::engine {

// Everything a compute function sees of the world for one run of one node: its input
// values, its (validated, complete) parameters, a progress sink, the cancel flag, and
// where to put its outputs. Made by the executor on the worker thread that runs the node;
// a test can make one directly to call a compute function without an executor.
class NodeContext {
public:
    using ProgressSink = std::function<void(double)>;
    using UpdateSink = std::function<void(NodeValuePtr)>;

    NodeContext(int nodeId, const NodeType &type, QVariantMap parameters,
        std::vector<NodeValuePtr> inputs, QString baseDirectory = {},
        const std::atomic<bool> *cancelFlag = nullptr, ProgressSink progress = {},
        UpdateSink update = {});

    int nodeId() const { return m_nodeId; }
    const NodeType &type() const { return *m_type; }

    // --- inputs: one per input port, null when the port is not connected (optional ports)
    int inputCount() const { return static_cast<int>(m_inputs.size()); }
    NodeValuePtr input(int port) const;
    // The input's value as a T. Throws NodeError naming the port when it is not connected
    // or holds another type.
    template<class T> const T &inputAs(int port) const
    {
        const NodeValuePtr v = input(port);
        if (!v)
            throw NodeError(QStringLiteral("input '%1' is not connected").arg(portName(port)));
        const T *typed = v->as<T>();
        if (!typed)
            throw NodeError(QStringLiteral("input '%1' received a value of an unexpected type")
                                .arg(portName(port)));
        return *typed;
    }

    // --- parameters: complete (every parameter present) and canonical (see ParameterSpec)
    const QVariantMap &parameters() const { return m_parameters; }
    QVariant parameter(const QString &name) const { return m_parameters.value(name); }
    QString stringParameter(const QString &name) const { return parameter(name).toString(); }
    qlonglong intParameter(const QString &name) const { return parameter(name).toLongLong(); }
    double floatParameter(const QString &name) const { return parameter(name).toDouble(); }
    bool boolParameter(const QString &name) const { return parameter(name).toBool(); }
    QStringList listParameter(const QString &name) const { return parameter(name).toStringList(); }

    // The workflow file's folder (empty when the workflow was never saved).
    const QString &baseDirectory() const { return m_baseDirectory; }
    // `path` made absolute: relative paths are taken against baseDirectory() (or the
    // current directory when there is none).
    QString resolvePath(const QString &path) const { return resolvePath(path, m_baseDirectory); }
    static QString resolvePath(const QString &path, const QString &baseDirectory);

    // The whole workflow as WorkflowFile writes it, as it was when the run started, for a
    // node that hands its work to other processes (NodeType::needsWorkflow: the executor
    // sets it). Empty when nobody set it (a context made directly, without an executor).
    const QByteArray &workflow() const;
    void setWorkflow(std::shared_ptr<const QByteArray> workflow)
    {
        m_workflow = std::move(workflow);
    }

    // --- progress and cancel
    // Reports the fraction done, in [0, 1]; only increases are forwarded. Cheap: call it
    // as often as you like, the executor forwards at most about a hundred updates per
    // node. Thread-safe (a loader may report from its own worker threads).
    void progress(double fraction);
    // True once the run was cancelled. Poll it in every long loop (at least every ~10 ms
    // of work) and return promptly when it is set: whatever was produced is discarded.
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    // True once the person asked training to stop early (Executor::stopTraining, which
    // reaches the nodes running at that moment): an iterative learner ends after the
    // current epoch and keeps its model, Cross-Validation and Tune keep the folds and
    // trials finished. Not a cancel.
    bool stopTrainingRequested() const
    {
        return m_stopTraining && m_stopTraining->load(std::memory_order_relaxed);
    }
    void setStopTrainingFlag(const std::atomic<bool> *flag) { m_stopTraining = flag; }
    const std::atomic<bool> *stopTrainingFlag() const { return m_stopTraining; }
    // For code that takes the flag itself (LoadControl, Statistics::correlation).
    const std::atomic<bool> *cancelFlag() const { return m_cancel; }

    // --- live updates while the node runs (a training epoch, a finished tuning trial):
    // forwarded to Executor::nodeUpdate. The value must be immutable once published.
    // Thread-safe. Publish at most a few hundred per second; listeners throttle drawing.
    void publish(NodeValuePtr value) const
    {
        if (m_update && value)
            m_update(std::move(value));
    }
    bool hasUpdateListener() const { return static_cast<bool>(m_update); }

    // --- outputs
    void setOutput(int port, NodeValuePtr value);
    // The node deliberately gives no value on `port` (the Tune node's model with refit
    // off): the executor accepts that, and fails a node that needs it with "input ...
    // received no value" rather than running it.
    void leaveOutputEmpty(int port);
    bool outputLeftEmpty(int port) const
    {
        return port >= 0 && port < static_cast<int>(m_emptyOutputs.size())
            && m_emptyOutputs[static_cast<std::size_t>(port)];
    }
    // The displayable result of a sink (for a non-sink node: optional).
    void setResult(NodeValuePtr value) { m_result = std::move(value); }
    // Something the user should know that did not stop the node (rows skipped...).
    void addWarning(const QString &message) { m_warnings.push_back(message); }
    // The outputs are partial (training stopped by Stop): adds the warning "partial: <why>";
    // the executor shows them but runs the node again on the next run.
    void markPartial(const QString &why)
    {
        m_partial = true;
        m_warnings.push_back(QStringLiteral("partial: ") + why);
    }
    bool isPartial() const { return m_partial; }

    const std::vector<NodeValuePtr> &outputs() const { return m_outputs; }
    const NodeValuePtr &result() const { return m_result; }
    const QStringList &warnings() const { return m_warnings; }

private:
    QString portName(int port) const;

    int m_nodeId;
    const NodeType *m_type;
    QVariantMap m_parameters;
    std::vector<NodeValuePtr> m_inputs;
    QString m_baseDirectory;
    std::shared_ptr<const QByteArray> m_workflow;
    const std::atomic<bool> *m_cancel;
    ProgressSink m_progress;
    UpdateSink m_update;
    const std::atomic<bool> *m_stopTraining = nullptr;
    std::atomic<double> m_lastReported { -1.0 };
    std::vector<NodeValuePtr> m_outputs;
    std::vector<char> m_emptyOutputs; // leaveOutputEmpty(), by port
    NodeValuePtr m_result;
    QStringList m_warnings;
    bool m_partial = false;
};

} // namespace sextant::engine
