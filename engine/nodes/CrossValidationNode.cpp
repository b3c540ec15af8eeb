#include "nodes/CrossValidationNode.h"

#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"
#include "nodes/RunOnSlurm.h"
#include "nodes/TrainingUpdate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <numeric>

namespace sextant::engine {

namespace {

// The rows of fold `f` as a task sent them (its out-of-fold output: the fold's held-out rows
// in row order) in the fold's test order, as combineFolds takes them. Throws NodeError when
// they are not that fold's rows.
Prediction foldPrediction(const Evaluation::CvPlan &plan, std::size_t f, const Prediction &got)
{
    const std::vector<Eigen::Index> &test = plan.folds[f].test;
    const auto n = static_cast<Eigen::Index>(test.size());
    const auto wrong = [&](const QString &what) {
        return NodeError(QStringLiteral("fold %1: the task's predictions %2").arg(f + 1).arg(what));
    };
    if (got.predicted.size() != n || got.truth.size() != n)
        throw wrong(
            QStringLiteral("have %1 rows, the fold holds out %2").arg(got.predicted.size()).arg(n));
    if (plan.task == EstimatorTask::Classification && got.classNames != plan.classes)
        throw wrong(QStringLiteral("name other classes (%1)")
                        .arg(got.classNames.join(QStringLiteral(", "))));
    if (got.probabilities.size() > 0
        && (got.probabilities.rows() != n || got.probabilities.cols() != plan.classes.size()))
        throw wrong(QStringLiteral("have probabilities of another shape"));
    // Row order -> test order (the same when the test rows are ascending, as the folds are).
    std::vector<Eigen::Index> byRow(test.size());
    std::iota(byRow.begin(), byRow.end(), Eigen::Index(0));
    std::stable_sort(byRow.begin(), byRow.end(), [&](Eigen::Index a, Eigen::Index b) {
        return test[static_cast<std::size_t>(a)] < test[static_cast<std::size_t>(b)];
    });
    Prediction p;
    p.task = plan.task;
    p.modelName = got.modelName;
    p.targetName = got.targetName;
    p.classNames = plan.classes;
    p.predicted.resize(n);
    p.truth.resize(n);
    if (got.probabilities.size() > 0)
        p.probabilities.resize(n, got.probabilities.cols());
    for (Eigen::Index r = 0; r < n; ++r) {
        const Eigen::Index i = byRow[static_cast<std::size_t>(r)];
        if (got.truth(r) != plan.y(test[static_cast<std::size_t>(i)]))
            throw wrong(QStringLiteral("are not of its rows (row %1 has another true value)")
                            .arg(test[static_cast<std::size_t>(i)] + 1));
        p.predicted(i) = got.predicted(r);
        p.truth(i) = got.truth(r);
        if (got.probabilities.size() > 0)
            p.probabilities.row(i) = got.probabilities.row(r);
    }
    return p;
}

} // namespace

NodeType CrossValidationNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Cross-Validation");
    t.description = QStringLiteral("k-fold cross-validation of a model and its preprocessing.");
    t.inputs = { PortSpec {
                     QStringLiteral("model"), PortType::Model, QStringLiteral("Model"), {}, false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = {
        PortSpec {
            QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false },
        PortSpec { QStringLiteral("predictions"), PortType::Predictions,
            QStringLiteral("Predictions"), QStringLiteral("Out-of-fold predictions."), false },
    };
    t.parameters = Evaluation::cvParameters();
    t.parameters.push_back(ParameterSpec::integer(QStringLiteral("only_fold"),
        QStringLiteral("Only fold"), 0, 0, 50,
        QStringLiteral("0: every fold. N: make the folds as usual but fit and predict only fold "
                       "N, so that `sextant sweep --grid 'NODE.only_fold=1,2,...'` spreads the "
                       "folds over a pool or a Slurm job array; its metrics row is the one the "
                       "whole cross-validation gives that fold, its predictions that fold's "
                       "rows.")));
    t.parameters += RunOnSlurm::parameters(
        QStringLiteral("local: the folds run on this machine, in parallel. slurm: every fold "
                       "is a task of one Slurm job array (a `sextant run` of this workflow "
                       "with only_fold set); the monitor counts the folds as the tasks "
                       "finish, and the table and out-of-fold predictions are assembled "
                       "here, the same as on this machine. Stop or Cancel cancels the "
                       "array."));
    t.needsWorkflow = true;
    t.setCompute(&CrossValidationNode::compute);
    return t;
}

void CrossValidationNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    Evaluation::CvOptions o = Evaluation::cvOptions(ctx);
    o.onlyFold = static_cast<int>(ctx.intParameter(QStringLiteral("only_fold")));
    if (o.onlyFold > o.folds)
        throw NodeError(QCoreApplication::translate(
            "NodeError", "only_fold %1: the cross-validation has %2 folds")
                            .arg(o.onlyFold)
                            .arg(o.folds));
    const QString name = TrainingUpdate::crossValidationName(model->displayName);
    QElapsedTimer timer;
    timer.start();
    // Each finished fold is a step of the training monitor ("fold 3 / 10").
    const auto foldReport = [k = o.folds](int done) {
        EpochReport r;
        r.epoch = done;
        r.totalEpochs = k;
        r.unit = "fold";
        return r;
    };
    const auto foldDone = [&](int done) {
        ctx.progress(double(done) / o.folds);
        ctx.publish(
            makeValue(TrainingUpdate { name, foldReport(done), timer.nsecsElapsed() / 1e9, {} }));
    };
    Evaluation::CvResult r;
    if (o.onlyFold == 0 && RunOnSlurm::requested(ctx)) {
        // Every fold a task of a Slurm job array (only_fold = N there); its predictions
        // come back exactly and are combined here as the folds fitted here are.
        const Evaluation::CvPlan plan = Evaluation::planFolds(*model, data, o);
        const std::size_t k = plan.folds.size();
        std::vector<Prediction> predictions(k);
        std::vector<char> finished(k, 0);
        int done = 0;
        QString failure;
        RemoteTrialRequest request;
        request.taskParameter = QStringLiteral("only_fold");
        request.tasks = static_cast<int>(k);
        request.predictions = true;
        request.predictionTask = plan.task;
        RunOnSlurm::run(ctx, request, [&](const RemoteTrialResult &t) {
            if (t.index < 1 || t.index > static_cast<int>(k)
                || finished[static_cast<std::size_t>(t.index - 1)])
                return;
            const auto f = static_cast<std::size_t>(t.index - 1);
            try {
                if (!t.ok)
                    throw NodeError(QStringLiteral("fold %1: %2").arg(t.index).arg(t.message));
                predictions[f] = foldPrediction(plan, f, t.prediction);
            } catch (const NodeError &e) {
                if (failure.isEmpty())
                    failure = e.message();
                return;
            }
            finished[f] = 1;
            foldDone(++done);
        });
        if (ctx.cancelled())
            return;
        if (!failure.isEmpty())
            throw NodeError(failure);
        r = Evaluation::combineFolds(*model, data, plan, predictions, finished);
        r.seconds = timer.nsecsElapsed() / 1e9;
    } else {
        o.onFoldDone = foldDone;
        r = Evaluation::crossValidate(*model, data, o);
        if (r.cancelled)
            return;
    }
    const int done = static_cast<int>(r.perFold.size());
    ctx.publish(makeValue(TrainingUpdate { name, foldReport(done), timer.nsecsElapsed() / 1e9,
        r.partial ? FitEnd::Stopped : FitEnd::Completed }));
    if (r.perFold.isEmpty())
        throw NodeError(QStringLiteral("stopped before any of the %1 folds finished: no result")
                            .arg(r.foldsTotal));
    if (r.partial)
        ctx.markPartial(r.partialNote());
    QString title
        = QStringLiteral("%1-fold cross-validation: %2").arg(o.folds).arg(model->displayName);
    if (o.onlyFold > 0)
        title += QStringLiteral(" — fold %1 of %2").arg(o.onlyFold).arg(o.folds);
    MetricsTable table = Evaluation::foldTable(r, title);
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setOutput(1, makeValue(std::move(r.outOfFold)));
}

} // namespace sextant::engine
