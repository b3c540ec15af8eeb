#include "nodes/CrossValidationNode.h"

#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"
#include "nodes/TrainingUpdate.h"

#include <QElapsedTimer>

namespace sextant::engine {

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
    t.setCompute(&CrossValidationNode::compute);
    return t;
}

void CrossValidationNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    Evaluation::CvOptions o = Evaluation::cvOptions(ctx);
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
    o.onFoldDone = [&](int done) {
        ctx.progress(double(done) / o.folds);
        ctx.publish(
            makeValue(TrainingUpdate { name, foldReport(done), timer.nsecsElapsed() / 1e9, {} }));
    };
    Evaluation::CvResult r = Evaluation::crossValidate(*model, data, o);
    if (r.cancelled)
        return;
    const int done = static_cast<int>(r.perFold.size());
    ctx.publish(makeValue(TrainingUpdate { name, foldReport(done), timer.nsecsElapsed() / 1e9,
        r.partial ? FitEnd::Stopped : FitEnd::Completed }));
    if (r.perFold.isEmpty())
        throw NodeError(QStringLiteral("stopped before any of the %1 folds finished: no result")
                            .arg(r.foldsTotal));
    if (r.partial)
        ctx.markPartial(r.partialNote());
    MetricsTable table = Evaluation::foldTable(
        r, QStringLiteral("%1-fold cross-validation: %2").arg(o.folds).arg(model->displayName));
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setOutput(1, makeValue(std::move(r.outOfFold)));
}

} // namespace sextant::engine
