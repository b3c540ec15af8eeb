#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sextant::engine {

class GraphModel;

// One file a workflow's node reads: the value of a file-path parameter
// (ParameterType::FilePath: File, Model File and any later node with such a parameter).
struct WorkflowPath {
    int nodeId = 0;
    QString nodeType; // type id, for messages
    QString parameter;
    QString value; // as written in the workflow
    // Absolute, ".." removed, then symlinks resolved as far as the path exists: the file the
    // node would actually open.
    QString resolved;
};

// Where a workflow's data comes from, so that running a workflow received from someone
// else cannot quietly read files it has no business with (`/etc/…`, `../../…`, a symlink
// in its folder pointing elsewhere) and copy them into its outputs. `sextant run` refuses
// such a workflow unless --allow-outside-paths is given; the studio asks first.
//
// A path is inside a folder when its resolved form equals the folder's canonical path or
// lies under it. Folders are canonicalized the same way (symlinks resolved).
class WorkflowPaths {
public:
    // Every non-empty file-path parameter of every node, by node id then parameter order,
    // resolved against the model's base directory (the working directory when it has none,
    // as the nodes do).
    static QList<WorkflowPath> inputPaths(const GraphModel &model);

    // The paths of `model` that lie in none of `allowedFolders`. The workflow's own folder
    // (its base directory) is always allowed; a model without one allows only the given
    // folders.
    static QList<WorkflowPath> outside(
        const GraphModel &model, const QStringList &allowedFolders = {});

    // `path` absolute and cleaned, with every symlink of its longest existing prefix
    // resolved (so a file not created yet still resolves through a linked folder).
    static QString canonical(const QString &path);
    static bool isInside(const QString &resolvedPath, const QString &folder);

    // One line per path: "node 1 (data.file) path: ../../etc/passwd -> /etc/passwd".
    static QStringList describe(const QList<WorkflowPath> &paths);
};

} // namespace sextant::engine
