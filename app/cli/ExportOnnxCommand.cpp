#include "cli/ExportOnnxCommand.h"

#include "cli/CommandErrors.h"
#include "cli/RunCommand.h"
#include "io/ModelFile.h"
#include "io/OnnxExport.h"

#include <QCoreApplication>
#include <QTextStream>

namespace sextant::cli {

using namespace sextant::engine;

QString ExportOnnxCommand::usage()
{
    return QCoreApplication::translate("Cli",
        "  export-onnx MODEL.sxmodel -o MODEL.onnx\n"
        "                       Write a saved model as an ONNX file, for ONNX Runtime and\n"
        "                       other tools.\n");
}

int ExportOnnxCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Q_UNUSED(out);
    const CommandErrors errors(err, QStringLiteral("export-onnx"),
        QStringLiteral("sextant export-onnx MODEL.sxmodel -o MODEL.onnx"));
    QString modelPath;
    QString outPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("-o") || a == QLatin1String("--out")) {
            if (i + 1 >= args.size())
                return errors.usageError(QStringLiteral("%1 needs a file name").arg(a));
            outPath = args[++i];
        } else if (a.startsWith(QLatin1String("--out="))) {
            outPath = a.mid(6);
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return errors.usageError(QStringLiteral("unknown option %1").arg(a));
        } else if (modelPath.isEmpty()) {
            modelPath = a;
        } else {
            return errors.usageError(QStringLiteral("unexpected argument %1").arg(a));
        }
    }
    if (modelPath.isEmpty())
        return errors.usageError(QStringLiteral("missing MODEL.sxmodel"));
    if (outPath.trimmed().isEmpty())
        return errors.usageError(QStringLiteral("missing -o MODEL.onnx"));

    const Result<TrainedModelPtr> model = ModelFile::load(modelPath);
    if (!model) {
        err << "sextant: " << model.error() << "\n";
        err.flush();
        return RunCommand::kExitFailure;
    }
    if (!OnnxExport::available()) {
        err << "sextant: " << modelPath << ": ONNX export is not available in this build\n";
        err.flush();
        return RunCommand::kExitFailure;
    }
    if (Status s = OnnxExport::exportModel(*model.value(), outPath); !s) {
        err << "sextant: " << modelPath << ": ONNX export to " << outPath
            << " failed: " << s.error() << "\n";
        err.flush();
        return RunCommand::kExitFailure;
    }
    return RunCommand::kExitOk;
}

} // namespace sextant::cli
