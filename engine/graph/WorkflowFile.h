#pragma once

#include "graph/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace sextant::engine {

class GraphModel;

// Reads and writes workflow files (.sextant): versioned, self-describing JSON.
//
//     {
//       "format": "sextant-workflow",
//       "version": 1,
//       "generator": "Sextant 0.1.0",                       (optional, informative)
//       "nodes": [
//         {"id": 1, "type": "data.file", "position": [0, 0],
//          "parameters": {"path": "iris.csv", "delimiter": "auto", "header": "detect"},
//          "label": "Training data"}                         (optional: a renamed node)
//       ],
//       "connections": [
//         {"from": 1, "output": "data", "to": 2, "input": "data"}
//       ]
//     }
//
// Node ids are integers in [1, GraphModel::kMaxNodeId]; ports are named; parameters
// absent from a node take their defaults. Loading checks everything (every field's type,
// known node types, parameter values against their schema, ids, connections, sizes) and
// refuses a file with a message naming the file and the offending field, e.g.
// "flow.sextant: nodes[2].parameters.bins: 0 is below the minimum 1". A refused file leaves
// the model untouched. Files are data: nothing in them is ever executed.
//
// Writing is canonical (nodes by id, connections sorted, keys sorted, every parameter
// written) and atomic (AtomicFile), so reading a file written by this version and writing
// it again gives the same bytes.
class WorkflowFile {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr qint64 kMaxFileSize = 64LL * 1024 * 1024;
    static constexpr int kMaxConnections = 100'000;
    static QString formatName() { return QStringLiteral("sextant-workflow"); }
    // The file-name suffix, without the dot.
    static QString suffix() { return QStringLiteral("sextant"); }

    static QJsonObject toJson(const GraphModel &model);
    // The canonical text of the model (what save() writes).
    static QByteArray serialize(const GraphModel &model);
    // Replaces the model's content with the workflow in `data`. `sourceName` (a file name)
    // starts error messages. The base directory is left empty.
    static Status parse(const QByteArray &data, GraphModel &model,
        const QString &sourceName = QStringLiteral("workflow"));

    // Atomic save (AtomicFile): a crash or full disk never leaves a half-written file.
    static Status save(const GraphModel &model, const QString &path);
    // Reads `path` into the model and sets the model's base directory to the file's
    // folder (relative data paths are resolved against it).
    static Status load(const QString &path, GraphModel &model);
};

} // namespace sextant::engine
