#include "cli/PredictCommand.h"

#include "cli/BatchPredictor.h"
#include "cli/CommandErrors.h"
#include "cli/RunCommand.h"
#include "data/CsvWriter.h"
#include "data/DatasetLoader.h"
#include "io/ModelFile.h"

#include <QCoreApplication>
#include <QTextStream>

namespace sextant::cli {

using namespace sextant::engine;

QString PredictCommand::usage()
{
    return QCoreApplication::translate("Cli",
        "  predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]\n"
        "                       Apply a saved model to a table (columns matched by name):\n"
        "                       one CSV row of predictions per input row, with --proba also\n"
        "                       one P(class) column per class; to stdout unless -o is given.\n");
}

int PredictCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandErrors errors(err, QStringLiteral("predict"),
        QStringLiteral("sextant predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]"));

    QString modelPath;
    QString dataPath;
    QString outPath;
    bool proba = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--proba")) {
            proba = true;
        } else if (a == QLatin1String("-o") || a == QLatin1String("--out")) {
            if (i + 1 >= args.size())
                return errors.usageError(QStringLiteral("%1 needs a file name").arg(a));
            outPath = args[++i];
        } else if (a.startsWith(QLatin1String("--out="))) {
            outPath = a.mid(6);
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return errors.usageError(QStringLiteral("unknown option %1").arg(a));
        } else if (modelPath.isEmpty()) {
            modelPath = a;
        } else if (dataPath.isEmpty()) {
            dataPath = a;
        } else {
            return errors.usageError(QStringLiteral("unexpected argument %1").arg(a));
        }
    }
    if (modelPath.isEmpty() || dataPath.isEmpty())
        return errors.usageError(QStringLiteral("expected MODEL.sxmodel and DATA"));
    if (outPath.isEmpty() == false && outPath.trimmed().isEmpty())
        return errors.usageError(QStringLiteral("-o needs a file name"));

    const Result<TrainedModelPtr> model = ModelFile::load(modelPath);
    if (!model)
        return errors.failure(model.error());

    const LoadResult loaded = DatasetLoader::load(dataPath);
    if (!loaded.ok())
        return errors.failure(loaded.error ? loaded.error->toString()
                                           : dataPath + QStringLiteral(": could not be read"));
    for (const LoadIssue &w : loaded.warnings)
        err << "warning: " << w.toString() << "\n";
    err.flush();
    const Dataset &raw = *loaded.dataset;

    bool outOfMemory = false;
    const Result<Prediction> p
        = BatchPredictor::predict(*model.value(), raw, modelPath, &outOfMemory);
    if (outOfMemory)
        return errors.failure(p.error());
    if (!p)
        return errors.failure(
            QStringLiteral("%1 does not fit the model %2: %3").arg(dataPath, modelPath, p.error()));
    const Dataset result = BatchPredictor::predictionColumns(p.value(), raw.columnCount(), proba);
    if (outPath.isEmpty()) {
        const QByteArray csv = CsvWriter::toCsv(result);
        out.flush();
        out << QString::fromUtf8(csv);
        out.flush();
        return RunCommand::kExitOk;
    }
    QString error;
    if (!CsvWriter::write(result, outPath, {}, &error))
        return errors.failure(error.isEmpty() ? outPath + QStringLiteral(": cannot write") : error);
    return RunCommand::kExitOk;
}

} // namespace sextant::cli
