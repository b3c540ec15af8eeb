#include "nodes/PredictNode.h"

#include "ml/TrainedModel.h"

namespace sextant::engine {

NodeType PredictNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Predict");
    t.description = QStringLiteral("Applies a trained model, with its preprocessing, to a table.");
    t.inputs = {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"), {}, false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
            QStringLiteral("Rows to predict; columns are matched by name."), false },
    };
    t.outputs = {
        PortSpec { QStringLiteral("predictions"), PortType::Predictions,
            QStringLiteral("Predictions"), {}, false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
            QStringLiteral("The input with the prediction columns appended."), false },
    };
    t.setCompute(&PredictNode::compute);
    return t;
}

void PredictNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    Prediction p = model->predict(data, ctx.cancelFlag());
    if (ctx.cancelled())
        return;
    ctx.setOutput(1, makeValue(p.table));
    ctx.setOutput(0, makeValue(std::move(p)));
}

} // namespace sextant::engine
