#include "nodes/TestNode.h"

#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"

namespace sextant::engine {

NodeType TestNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Test on Held-out Data");
    t.description = QStringLiteral("Scores a trained model on rows it did not see.");
    t.inputs = {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"), {}, false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Test data"), {}, false }
    };
    t.outputs = {
        PortSpec {
            QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false },
        PortSpec { QStringLiteral("predictions"), PortType::Predictions,
            QStringLiteral("Predictions"), {}, false },
    };
    t.setCompute(&TestNode::compute);
    return t;
}

void TestNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    Prediction p = model->predict(data, ctx.cancelFlag());
    if (ctx.cancelled())
        return;
    MetricsTable table = Evaluation::singleRow(model->displayName, Evaluation::metrics(p),
        QStringLiteral("Test: %1").arg(model->displayName));
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setOutput(1, makeValue(std::move(p)));
}

} // namespace sextant::engine
