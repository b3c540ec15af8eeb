#include "cli/MonitorCommand.h"

#include "cli/BatchPredictor.h"
#include "cli/CommandErrors.h"
#include "cli/RunCommand.h"
#include "data/DatasetLoader.h"
#include "io/ModelFile.h"
#include "ml/DriftReport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <exception>

namespace sextant::cli {

using namespace sextant::engine;

QString MonitorCommand::usage()
{
    return QCoreApplication::translate("Cli",
        "  monitor MODEL.sxmodel DATA [--json]\n"
        "                       Compare a batch with the model's training distribution: PSI,\n"
        "                       KS / chi-square, missing rates, unseen categories, prediction\n"
        "                       shift, a verdict per feature; exit code 3 on drift.\n");
}

int MonitorCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandErrors errors(err, QStringLiteral("monitor"),
        QStringLiteral("sextant monitor MODEL.sxmodel DATA [--json]"));
    QString modelPath;
    QString dataPath;
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json"))
            json = true;
        else if (a.startsWith(QLatin1Char('-')) && a.size() > 1)
            return errors.usageError(QStringLiteral("unknown option %1").arg(a));
        else if (modelPath.isEmpty())
            modelPath = a;
        else if (dataPath.isEmpty())
            dataPath = a;
        else
            return errors.usageError(QStringLiteral("unexpected argument %1").arg(a));
    }
    if (modelPath.isEmpty() || dataPath.isEmpty())
        return errors.usageError(QStringLiteral("expected MODEL.sxmodel and DATA"));

    const Result<TrainedModelPtr> model = ModelFile::load(modelPath);
    if (!model)
        return errors.failure(model.error());
    const TrainedModel &m = *model.value();
    if (m.trainingDistribution.isEmpty())
        return errors.failure(
            QStringLiteral("%1 has no training distribution to compare with: it was "
                           "saved in model format version 1; train and save it "
                           "again with this Sextant")
                .arg(modelPath));
    const LoadResult loaded = DatasetLoader::load(dataPath);
    if (!loaded.ok())
        return errors.failure(loaded.error ? loaded.error->toString()
                                           : dataPath + QStringLiteral(": could not be read"));
    for (const LoadIssue &w : loaded.warnings)
        err << "warning: " << w.toString() << "\n";
    const Dataset &raw = *loaded.dataset;

    Dataset batch;
    try {
        batch = m.preprocess(raw);
    } catch (const std::exception &e) {
        err << "warning: " << dataPath << " does not go through the model's preprocessing ("
            << QString::fromUtf8(e.what()) << "): its raw columns are compared\n";
        batch = raw;
    }
    Column predicted;
    bool hasPrediction = false;
    if (m.target.task() != EstimatorTask::Clustering) {
        const Result<Prediction> p = BatchPredictor::predict(m, batch, modelPath);
        if (p) {
            predicted = BatchPredictor::predictionColumns(p.value(), batch.columnCount(), false)
                            .column(0);
            hasPrediction = true;
        } else {
            err << "warning: no prediction shift: " << dataPath
                << " does not fit the model: " << p.error() << "\n";
        }
    }
    err.flush();
    const DriftReport report
        = DriftReport::compare(m.trainingDistribution, batch, hasPrediction ? &predicted : nullptr);
    if (json) {
        QJsonObject o = report.toJson();
        o[QStringLiteral("model")] = modelPath;
        o[QStringLiteral("data")] = dataPath;
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        out << dataPath << " against " << modelPath << "\n" << report.toText();
    }
    out.flush();
    return report.driftFound() ? kExitDrift : RunCommand::kExitOk;
}

} // namespace sextant::cli
