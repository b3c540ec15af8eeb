#pragma once

#include "graph/ParameterSpec.h"
#include "graph/PortSpec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>
#include <functional>

namespace sextant::engine {

class NodeContext;

// What a node does when it runs: reads ctx's inputs and parameters, reports progress,
// polls ctx.cancelled() in long loops, and sets every output port (ctx.setOutput) and,
// for sinks, the displayable result (ctx.setResult). Fails by throwing (NodeError for a
// message meant for people). Runs on a worker thread, possibly at the same time as other
// nodes (also of the same type): it must not touch the GUI, the GraphModel or shared
// mutable state.
using ComputeFunction = std::function<void(NodeContext &ctx)>;
// Makes a fresh compute function for one run of one node (so a stateful compute object
// never sees two runs).
using ComputeFactory = std::function<ComputeFunction()>;
// Bytes that change when something outside the graph that the node reads changes (a
// file's size and modification time). Part of the node's cache key. Called on the thread
// that starts a run (the GUI thread): keep it cheap (a stat, never a read of the data).
using FingerprintFunction
    = std::function<QByteArray(const QVariantMap &parameters, const QString &baseDirectory)>;

// The fingerprint of a node that reads the file named by its parameter `parameter`
// (resolved against the workflow's folder): the path, size and modification time.
FingerprintFunction fileFingerprint(const QString &parameter);

// The descriptor of a kind of node: identity, ports, parameter schema and behaviour.
// Holds no GUI type; the editor draws nodes from this description alone.
struct NodeType {
    QString id; // stable, dotted, lower-case: "data.file", "view.histogram"
    QString category; // palette group: "Data", "View", "Model", ...
    QString displayName; // "File", "Histogram"
    QString description; // one or two sentences for the palette tooltip / help
    QList<PortSpec> inputs;
    QList<PortSpec> outputs;
    QList<ParameterSpec> parameters;
    ComputeFactory createCompute;
    FingerprintFunction fingerprint; // optional
    // The compute function reads NodeContext::workflow() (the whole graph as it was when the
    // run started): a node that hands its work to other processes (Tune on Slurm). The
    // executor then serializes the graph once per run.
    bool needsWorkflow = false;

    // Convenience for stateless compute functions (the common case).
    void setCompute(ComputeFunction fn)
    {
        createCompute = [fn = std::move(fn)] { return fn; };
    }

    // A sink has no outputs: its result is for people (a table or plot to show, a file to
    // write), not for other nodes.
    bool isSink() const { return outputs.isEmpty(); }

    int inputIndex(const QString &name) const;
    int outputIndex(const QString &name) const;
    // The output the studio's table, columns and plots show for this node: its first Table
    // output that is not a by-product, or -1 (a learner, an evaluation, a view).
    int shownTableOutput() const;
    const ParameterSpec *parameter(const QString &name) const;
    // Every parameter at its default value.
    QVariantMap defaultParameters() const;

    // Checks `values` (a subset of the parameters; absent ones take their default) and
    // returns the complete, canonical map, or why it is refused (unknown name or an
    // invalid value).
    Result<QVariantMap> completeParameters(const QVariantMap &values) const;

    // Checks that the descriptor itself is sound: non-empty id, unique port and parameter
    // names, defaults that pass their own spec, a compute factory.
    Status checkDescriptor() const;
};

} // namespace sextant::engine
