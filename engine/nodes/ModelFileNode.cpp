#include "nodes/ModelFileNode.h"

#include "graph/NodeError.h"
#include "io/ModelFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

namespace sextant::engine {

NodeType ModelFileNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Model File");
    t.description
        = QStringLiteral("Reads a trained model saved as a Sextant model file (.sxmodel).");
    t.outputs = { PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"),
        QStringLiteral("The trained model read from the file."), false } };
    t.parameters = {
        ParameterSpec::filePath(QStringLiteral("path"), QStringLiteral("File"),
            ModelFile::fileDialogFilter(),
            QStringLiteral("The model file. A relative path is taken from the folder of the "
                           "workflow file.")),
    };
    t.setCompute(&ModelFileNode::compute);
    t.fingerprint = fileFingerprint(QStringLiteral("path"));
    return t;
}

void ModelFileNode::compute(NodeContext &ctx)
{
    const QString given = ctx.stringParameter(QStringLiteral("path"));
    if (given.trimmed().isEmpty())
        throw NodeError(QCoreApplication::translate(
            "NodeError", "no model file chosen: set the 'path' parameter"));
    const Result<TrainedModelPtr> model = ModelFile::load(ctx.resolvePath(given));
    if (!model)
        throw NodeError(model.error());
    ctx.progress(1.0);
    ctx.setOutput(0, makeValue(model.value()));
}

} // namespace sextant::engine
