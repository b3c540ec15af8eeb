#include "graph/WorkflowPaths.h"

#include "graph/GraphModel.h"
#include "graph/NodeContext.h"

#include <QDir>
#include <QFileInfo>

namespace sextant::engine {

QString WorkflowPaths::canonical(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    // Walk up to the longest prefix that exists, resolve it, put the rest back.
    QString prefix = clean;
    QStringList rest;
    while (true) {
        const QFileInfo info(prefix);
        if (info.exists() || info.isSymLink()) {
            QString resolved = info.canonicalFilePath();
            if (resolved.isEmpty()) // a dangling symlink: where it points
                resolved = QDir::cleanPath(info.symLinkTarget());
            if (resolved.isEmpty())
                resolved = prefix;
            for (qsizetype i = rest.size() - 1; i >= 0; --i)
                resolved = QDir(resolved).filePath(rest[i]);
            return QDir::cleanPath(resolved);
        }
        const qsizetype slash = prefix.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return clean; // nothing of it exists (not even the root's first folder)
        rest.append(prefix.mid(slash + 1));
        prefix = prefix.left(slash);
    }
}

bool WorkflowPaths::isInside(const QString &resolvedPath, const QString &folder)
{
    if (folder.isEmpty())
        return false;
    QString root = canonical(folder);
    if (resolvedPath == root)
        return true;
    if (!root.endsWith(QLatin1Char('/')))
        root += QLatin1Char('/');
    return resolvedPath.startsWith(root);
}

QList<WorkflowPath> WorkflowPaths::inputPaths(const GraphModel &model)
{
    QList<WorkflowPath> paths;
    for (int id : model.nodeIds()) {
        const NodeType *type = model.nodeType(id);
        if (!type)
            continue;
        for (const ParameterSpec &spec : type->parameters) {
            if (spec.type != ParameterType::FilePath)
                continue;
            const QString value = model.parameter(id, spec.name).toString();
            if (value.isEmpty())
                continue;
            WorkflowPath p;
            p.nodeId = id;
            p.nodeType = type->id;
            p.parameter = spec.name;
            p.value = value;
            // Exactly the path the node opens (NodeContext::resolvePath), then its links.
            p.resolved = canonical(NodeContext::resolvePath(value, model.baseDirectory()));
            paths.append(p);
        }
    }
    return paths;
}

QList<WorkflowPath> WorkflowPaths::outside(
    const GraphModel &model, const QStringList &allowedFolders)
{
    QStringList roots = allowedFolders;
    if (!model.baseDirectory().isEmpty())
        roots.prepend(model.baseDirectory());
    QList<WorkflowPath> result;
    for (const WorkflowPath &p : inputPaths(model)) {
        bool inside = false;
        for (const QString &root : std::as_const(roots))
            inside = inside || isInside(p.resolved, root);
        if (!inside)
            result.append(p);
    }
    return result;
}

QStringList WorkflowPaths::describe(const QList<WorkflowPath> &paths)
{
    QStringList lines;
    for (const WorkflowPath &p : paths) {
        QString line = QStringLiteral("node %1 (%2) %3: %4")
                           .arg(p.nodeId)
                           .arg(p.nodeType, p.parameter, p.value);
        if (QDir::cleanPath(p.value) != p.resolved)
            line += QStringLiteral(" -> ") + p.resolved;
        lines.append(line);
    }
    return lines;
}

} // namespace sextant::engine
