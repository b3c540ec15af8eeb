#include "nodes/FileSourceNode.h"

#include "data/DatasetLoader.h"
#include "nodes/ColumnRoleEdits.h"

#include <QDateTime>
#include <QFileInfo>

namespace sextant::engine {

NodeType FileSourceNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("File");
    t.description = QStringLiteral("Reads a dataset from a CSV/TSV, ARFF or LIBSVM file.");
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The table read from the file."), false } };
    t.parameters = {
        ParameterSpec::filePath(QStringLiteral("path"), QStringLiteral("File"),
            DatasetLoader::fileDialogFilter(),
            QStringLiteral("The data file. A relative path is taken from the "
                           "folder of the workflow file.")),
        ParameterSpec::enumeration(QStringLiteral("delimiter"), QStringLiteral("Delimiter"),
            { QStringLiteral("auto"), QStringLiteral("comma"), QStringLiteral("semicolon"),
                QStringLiteral("tab"), QStringLiteral("pipe") },
            QStringLiteral("auto"),
            QStringLiteral("Field separator of delimited text; 'auto' "
                           "detects it. Ignored for ARFF and LIBSVM.")),
        ParameterSpec::enumeration(QStringLiteral("header"), QStringLiteral("Header row"),
            { QStringLiteral("detect"), QStringLiteral("present"), QStringLiteral("absent") },
            QStringLiteral("detect"),
            QStringLiteral("Whether the first row of delimited text holds "
                           "column names.")),
        proposeTargetSpec(),
    };
    t.parameters.append(ColumnRoleEdits::parameterSpecs(metaKey()));
    t.setCompute(&FileSourceNode::compute);
    t.fingerprint = fileFingerprint(QStringLiteral("path"));
    return t;
}

ParameterSpec FileSourceNode::proposeTargetSpec()
{
    ParameterSpec spec = ParameterSpec::boolean(QStringLiteral("propose_target"),
        QStringLiteral("Propose a target"), true,
        QStringLiteral("When the file names no target (ARFF's class attribute, LIBSVM's "
                       "label), the last categorical column becomes the target."));
    // Workflows written before the proposal existed read their files as they did.
    spec.valueWhenAbsentFromFile = false;
    return spec;
}

CsvOptions FileSourceNode::csvOptions(const QVariantMap &parameters)
{
    CsvOptions options;
    const QString delimiter = parameters.value(QStringLiteral("delimiter")).toString();
    if (delimiter == QLatin1String("comma"))
        options.delimiter = ',';
    else if (delimiter == QLatin1String("semicolon"))
        options.delimiter = ';';
    else if (delimiter == QLatin1String("tab"))
        options.delimiter = '\t';
    else if (delimiter == QLatin1String("pipe"))
        options.delimiter = '|';
    const QString header = parameters.value(QStringLiteral("header")).toString();
    if (header == QLatin1String("present"))
        options.header = CsvOptions::Header::Present;
    else if (header == QLatin1String("absent"))
        options.header = CsvOptions::Header::Absent;
    return options;
}

void FileSourceNode::compute(NodeContext &ctx)
{
    const QString raw = ctx.stringParameter(QStringLiteral("path"));
    if (raw.trimmed().isEmpty())
        throw NodeError(QStringLiteral("no file chosen"));
    const QString path = ctx.resolvePath(raw);

    LoadControl control;
    control.progress = [&ctx](double fraction) { ctx.progress(fraction); };
    control.cancel = ctx.cancelFlag();
    LoadResult loaded = DatasetLoader::load(path, csvOptions(ctx.parameters()), control);
    if (ctx.cancelled())
        return; // the executor reports the node as cancelled
    if (loaded.cancelled)
        throw NodeError(QStringLiteral("%1: loading was cancelled").arg(path));
    if (!loaded.ok())
        throw NodeError(loaded.error ? loaded.error->toString()
                                     : QStringLiteral("%1: could not be read").arg(path));
    for (const LoadIssue &w : loaded.warnings)
        ctx.addWarning(w.toString());
    Dataset data = std::move(*loaded.dataset);
    try {
        ColumnRoleEdits::fromParameters(ctx.parameters(), metaKey())
            .apply(data, ctx.boolParameter(QStringLiteral("propose_target")));
    } catch (const NodeError &e) {
        throw NodeError(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), e.message()));
    }
    ctx.setOutput(0, makeValue(std::move(data)));
}

} // namespace sextant::engine
