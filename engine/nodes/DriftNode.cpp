#include "nodes/DriftNode.h"

#include "ml/Estimator.h"
#include "ml/TrainedModel.h"
#include "nodes/DriftData.h"

namespace sextant::engine {

namespace {

QList<PortSpec> inputs()
{
    return {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"),
            QStringLiteral("A trained model; it keeps a summary of its training table."), false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
            QStringLiteral("New rows to compare with the training table; columns are matched "
                           "by name."),
            false },
    };
}

} // namespace

DriftData DriftNode::compare(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &raw = ctx.inputAs<Dataset>(1);
    if (!model)
        throw NodeError(QStringLiteral("no trained model"));
    QStringList warnings;
    DriftData d;
    try {
        d = DriftData::of(*model, raw, &warnings, ctx.cancelFlag());
    } catch (const FitError &e) {
        throw NodeError(QString::fromUtf8(e.what()));
    }
    for (const QString &w : std::as_const(warnings))
        ctx.addWarning(w);
    return d;
}

NodeType DriftNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Drift");
    t.description = QStringLiteral(
        "Compares new rows with the model's training table: PSI, Kolmogorov-Smirnov and "
        "chi-square per feature, missing rates, unseen categories and the prediction shift, "
        "with a verdict per feature.");
    t.inputs = inputs();
    t.outputs = { PortSpec { QStringLiteral("report"), PortType::Table, QStringLiteral("Report"),
        QStringLiteral("One row per feature (and one for the predictions): statistic, p-value, "
                       "PSI, missing rates, verdict and a drifted flag."),
        false } };
    t.setCompute([](NodeContext &ctx) {
        DriftData d = compare(ctx);
        if (ctx.cancelled())
            return;
        ctx.setOutput(0, makeValue(d.toTable()));
        ctx.setResult(makeValue(std::move(d)));
    });
    return t;
}

NodeType DriftNode::viewType()
{
    NodeType t;
    t.id = QStringLiteral("view.drift");
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Drift View");
    t.description = QStringLiteral(
        "Bar chart of each feature's drift (PSI, by verdict) of new rows against the model's "
        "training table, with one feature's training and new histograms overlaid, and the "
        "report as JSON and CSV from sextant run.");
    t.inputs = inputs();
    t.setCompute([](NodeContext &ctx) {
        DriftData d = compare(ctx);
        if (ctx.cancelled())
            return;
        ctx.setResult(makeValue(std::move(d)));
    });
    return t;
}

} // namespace sextant::engine
