#include "nodes/CrossValidationNode.h"

#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"

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
    o.onFoldDone = [&ctx, k = o.folds](int done) { ctx.progress(double(done) / k); };
    Evaluation::CvResult r = Evaluation::crossValidate(*model, data, o);
    if (r.cancelled)
        return;
    MetricsTable table = Evaluation::foldTable(
        r, QStringLiteral("%1-fold cross-validation: %2").arg(o.folds).arg(model->displayName));
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setOutput(1, makeValue(std::move(r.outOfFold)));
}

} // namespace sextant::engine
