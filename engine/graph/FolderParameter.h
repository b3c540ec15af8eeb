#pragma once

#include "graph/ParameterSpec.h"

#include <QString>

namespace sextant::engine {

// A FilePath parameter that names a folder rather than a file (the Image Folder node's
// path). It is a FilePath in every respect (relative to the workflow's folder, moved with
// it, shown on the node), and its file filter, meaningless for a folder, carries
// marker(): the property editor then chooses a folder, the node reference says "folder".
class FolderParameter {
public:
    static QString marker() { return QStringLiteral("folder/"); }
    static ParameterSpec make(QString name, QString label, QString help = {})
    {
        return ParameterSpec::filePath(
            std::move(name), std::move(label), marker(), std::move(help));
    }
    static bool isFolder(const ParameterSpec &spec)
    {
        return spec.type == ParameterType::FilePath && spec.fileFilter == marker();
    }
};

} // namespace sextant::engine
