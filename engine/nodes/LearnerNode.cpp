#include "nodes/LearnerNode.h"

#include "data/Dataset.h"
#include "data/MemoryBudget.h"
#include "nodes/DefaultPreparation.h"
#include "nodes/ImportanceView.h"
#include "nodes/TrainingUpdate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <optional>

namespace sextant::engine {

QString LearnerNode::targetFor(const Dataset &data, const QVariantMap &parameters)
{
    const QString target = parameters.value(QStringLiteral("target")).toString();
    if (!target.isEmpty())
        return target;
    const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
    return targets.isEmpty() ? QString() : data.column(targets.first()).name();
}

std::shared_ptr<TrainedModel> LearnerNode::fit(const Learner &learner,
    const QVariantMap &parameters, const Dataset &data, NodeContext *ctx, const FitContext &base)
{
    std::unique_ptr<Estimator> estimator = learner.create(parameters);
    const EstimatorTask task = estimator->task();
    QString target;
    if (task != EstimatorTask::Clustering) {
        target = targetFor(data, parameters);
        if (target.isEmpty())
            throw NodeError(QCoreApplication::translate("NodeError",
                "no target column: set the Target parameter, or mark a column as target with "
                "Select Columns"));
    }
    if (const auto why = MemoryBudget::trainingShortfall(
            data.rowCount(), data.columnCount(), estimator->kind(), learner.displayName))
        throw NodeError(*why);
    FitContext fc = base;
    QElapsedTimer timer;
    timer.start();
    // How the fit went: the last epoch reported, whether Stop ended it, and the reason
    // the learner gave (FitContext::ended; learners that are not iterative give none).
    std::optional<EpochReport> last;
    bool stopPressed = false;
    std::optional<FitEnd> reason;
    int endEpochs = 0;
    if (ctx) {
        fc.cancel = ctx->cancelFlag();
        const QString name = TrainingUpdate::learnerName(learner.displayName);
        EpochCallback outer = base.onEpoch;
        fc.onEpoch = [ctx, name, outer, &timer, &last, &stopPressed](const EpochReport &r) {
            last = r;
            if (r.totalEpochs > 0)
                ctx->progress(static_cast<double>(r.epoch) / r.totalEpochs);
            if (ctx->hasUpdateListener())
                ctx->publish(makeValue(TrainingUpdate { name, r, timer.nsecsElapsed() / 1e9, {} }));
            const bool stop = outer ? outer(r) : false;
            if (!stop && ctx->stopTrainingRequested()) {
                stopPressed = true;
                return true;
            }
            return stop;
        };
        std::function<void(FitEnd, int)> outerEnd = base.onEnd;
        fc.onEnd = [&reason, &endEpochs, outerEnd](FitEnd why, int epochs) {
            reason = why;
            endEpochs = epochs;
            if (outerEnd)
                outerEnd(why, epochs);
        };
    }
    const Dataset prepared
        = DefaultPreparation::apply(learner, *estimator, parameters, data, target, fc);
    if (fc.cancelled())
        return {};
    std::shared_ptr<TrainedModel> model = TrainedModel::train(
        prepared, std::move(estimator), target, fc, { parameters, learner.displayName });
    if (!ctx || !last || !model)
        return model;
    // The learner's own reason first: one that cannot stop early (agglomerative) finishes
    // whatever the callback says.
    FitEnd end = reason.value_or(stopPressed ? FitEnd::Stopped : FitEnd::Completed);
    if (end == FitEnd::Stopped && !stopPressed)
        end = FitEnd::Completed; // the caller's own callback ended it as planned
    TrainingUpdate final { TrainingUpdate::learnerName(learner.displayName), *last,
        timer.nsecsElapsed() / 1e9, end };
    if (reason)
        final.report.epoch = endEpochs;
    if (end == FitEnd::Stopped)
        ctx->markPartial(final.describe());
    if (ctx->hasUpdateListener())
        ctx->publish(makeValue(std::move(final)));
    return model;
}

NodeType LearnerNode::type(const Learner &learner)
{
    const bool clustering = learner.clustering();
    NodeType t;
    t.id = learner.nodeId();
    t.category = clustering ? QStringLiteral("Cluster") : QStringLiteral("Model");
    t.displayName = learner.displayName;
    t.description = learner.description;
    t.inputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The training table."), false } };
    t.outputs = { PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"),
        QStringLiteral("The fitted model with the table's preprocessing."), false } };
    if (clustering)
        t.outputs.push_back(
            PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
                QStringLiteral("The table with a 'cluster' column added."), false });
    if (learner.featureImportances && !clustering)
        t.outputs.push_back(PortSpec { QStringLiteral("importances"), PortType::Table,
            QStringLiteral("Importances"),
            QStringLiteral("The model's own feature importances, one row per feature, largest "
                           "first (impurity decrease for trees, standardized coefficients for "
                           "linear models)."),
            false, true });
    if (!clustering)
        t.parameters.push_back(
            ParameterSpec::column(QStringLiteral("target"), QStringLiteral("Target"),
                QStringLiteral("Column to predict. Empty: the table's target column.")));
    if (learner.taskChoice)
        t.parameters.push_back(
            ParameterSpec::enumeration(QStringLiteral("task"), QStringLiteral("Task"),
                { QStringLiteral("classification"), QStringLiteral("regression") },
                learner.task == EstimatorTask::Regression ? QStringLiteral("regression")
                                                          : QStringLiteral("classification"),
                QStringLiteral("Predict classes or a number.")));
    for (const ParameterSpec &p : learner.parameters)
        t.parameters.push_back(p);
    t.parameters.push_back(DefaultPreparation::parameter(learner));
    t.parameters.push_back(
        ParameterSpec::boolean(QStringLiteral("export_onnx"), QStringLiteral("Export ONNX"), false,
            QStringLiteral("`sextant run` also writes this model as an ONNX file next to its "
                           ".sxmodel file.")));
    const Learner *registered = &learner;
    t.setCompute([registered, clustering](NodeContext &ctx) {
        const Dataset &data = ctx.inputAs<Dataset>(0);
        std::shared_ptr<TrainedModel> model
            = fit(*registered, ctx.parameters(), data, &ctx, FitContext {});
        if (!model)
            return; // cancelled
        ctx.progress(1.0);
        if (clustering) {
            Prediction p = model->predict(data, ctx.cancelFlag());
            ctx.setOutput(1, makeValue(p.table));
        } else if (registered->featureImportances) {
            ctx.setOutput(1, makeValue(featureImportanceTable(*model)));
        }
        ctx.setOutput(0, makeValue(TrainedModelPtr(std::move(model))));
    });
    return t;
}

} // namespace sextant::engine
