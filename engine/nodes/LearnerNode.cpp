#include "nodes/LearnerNode.h"

#include "data/Dataset.h"
#include "data/MemoryBudget.h"
#include "nodes/TrainingUpdate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <cmath>

namespace sextant::engine {

namespace {

QMutex &specMutex()
{
    static QMutex m;
    return m;
}

// Guarded by specMutex(). Specs are never removed, so pointers stay valid.
QHash<QString, std::shared_ptr<const LearnerSpec>> &specs()
{
    static QHash<QString, std::shared_ptr<const LearnerSpec>> s;
    return s;
}

} // namespace

void LearnerNode::remember(const LearnerSpec &spec)
{
    QMutexLocker lock(&specMutex());
    if (!specs().contains(spec.id))
        specs().insert(spec.id, std::make_shared<const LearnerSpec>(spec));
}

const LearnerSpec *LearnerNode::find(const QString &id)
{
    QMutexLocker lock(&specMutex());
    auto it = specs().constFind(id);
    return it == specs().constEnd() ? nullptr : it->get();
}

EstimatorTask LearnerNode::taskOf(const LearnerSpec &spec, const QVariantMap &parameters)
{
    if (!spec.taskChoice)
        return spec.task;
    return parameters.value(QStringLiteral("task")).toString() == QStringLiteral("regression")
        ? EstimatorTask::Regression
        : EstimatorTask::Classification;
}

QString LearnerNode::targetFor(const Dataset &data, const QVariantMap &parameters)
{
    const QString target = parameters.value(QStringLiteral("target")).toString();
    if (!target.isEmpty())
        return target;
    const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
    return targets.isEmpty() ? QString() : data.column(targets.first()).name();
}

std::shared_ptr<TrainedModel> LearnerNode::fit(const LearnerSpec &spec,
    const QVariantMap &parameters, const Dataset &data, NodeContext *ctx, const FitContext &base)
{
    std::unique_ptr<Estimator> estimator = spec.create(parameters);
    const EstimatorTask task = estimator->task();
    QString target;
    if (task != EstimatorTask::Clustering) {
        target = targetFor(data, parameters);
        if (target.isEmpty())
            throw NodeError(QStringLiteral("no target column: set the Target parameter, or mark "
                                           "a column as target with Select Columns"));
    }
    if (const auto why = MemoryBudget::trainingShortfall(
            data.rowCount(), data.columnCount(), estimator->kind(), spec.displayName))
        throw NodeError(*why);
    FitContext fc = base;
    QElapsedTimer timer;
    timer.start();
    if (ctx) {
        fc.cancel = ctx->cancelFlag();
        const QString name = spec.displayName;
        EpochCallback outer = base.onEpoch;
        fc.onEpoch = [ctx, name, outer, &timer](const EpochReport &r) {
            if (r.totalEpochs > 0)
                ctx->progress(static_cast<double>(r.epoch) / r.totalEpochs);
            if (ctx->hasUpdateListener())
                ctx->publish(makeValue(TrainingUpdate { name, r, timer.nsecsElapsed() / 1e9 }));
            const bool stop = outer ? outer(r) : false;
            return stop || ctx->stopTrainingRequested();
        };
    }
    std::shared_ptr<TrainedModel> model
        = TrainedModel::train(data, std::move(estimator), target, fc);
    if (!model)
        return {};
    model->learnerType = spec.id;
    model->learnerParameters = parameters;
    model->displayName = spec.displayName;
    return model;
}

NodeType LearnerNode::type(const LearnerSpec &spec)
{
    remember(spec);
    NodeType t;
    t.id = spec.id;
    t.category = spec.task == EstimatorTask::Clustering && !spec.taskChoice
        ? QStringLiteral("Cluster")
        : QStringLiteral("Model");
    t.displayName = spec.displayName;
    t.description = spec.description;
    t.inputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The training table."), false } };
    t.outputs = { PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"),
        QStringLiteral("The fitted model with the table's preprocessing."), false } };
    const bool clustering = spec.task == EstimatorTask::Clustering && !spec.taskChoice;
    if (clustering)
        t.outputs.push_back(
            PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
                QStringLiteral("The table with a 'cluster' column added."), false });
    if (!clustering)
        t.parameters.push_back(
            ParameterSpec::column(QStringLiteral("target"), QStringLiteral("Target"),
                QStringLiteral("Column to predict. Empty: the table's target column.")));
    if (spec.taskChoice)
        t.parameters.push_back(
            ParameterSpec::enumeration(QStringLiteral("task"), QStringLiteral("Task"),
                { QStringLiteral("classification"), QStringLiteral("regression") },
                spec.task == EstimatorTask::Regression ? QStringLiteral("regression")
                                                       : QStringLiteral("classification"),
                QStringLiteral("Predict classes or a number.")));
    for (const ParameterSpec &p : spec.parameters)
        t.parameters.push_back(p);
    t.parameters.push_back(
        ParameterSpec::boolean(QStringLiteral("export_onnx"), QStringLiteral("Export ONNX"), false,
            QStringLiteral("`sextant run` also writes this model as an ONNX file next to its "
                           ".sxmodel file.")));
    const QString id = spec.id;
    t.setCompute([id, clustering](NodeContext &ctx) {
        const LearnerSpec *s = LearnerNode::find(id);
        if (!s)
            throw NodeError(QStringLiteral("unknown learner %1").arg(id));
        const Dataset &data = ctx.inputAs<Dataset>(0);
        std::shared_ptr<TrainedModel> model = fit(*s, ctx.parameters(), data, &ctx, FitContext {});
        if (!model)
            return; // cancelled
        ctx.progress(1.0);
        if (clustering) {
            Prediction p = model->predict(data, ctx.cancelFlag());
            ctx.setOutput(1, makeValue(p.table));
        }
        ctx.setOutput(0, makeValue(TrainedModelPtr(std::move(model))));
    });
    return t;
}

} // namespace sextant::engine
