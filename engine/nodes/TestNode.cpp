#include "nodes/TestNode.h"

#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"

namespace sextant::engine {

namespace {

QList<ParameterSpec> cvParameters()
{
    return {
        ParameterSpec::integer(QStringLiteral("folds"), QStringLiteral("Folds"), 5, 2, 50,
            QStringLiteral("Number of folds (k).")),
        ParameterSpec::boolean(QStringLiteral("stratified"), QStringLiteral("Stratified"), true,
            QStringLiteral("Classification: keep each class's share in every fold.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Shuffles the rows before the folds are made; the same seed gives "
                           "the same folds.")),
    };
}

Evaluation::CvOptions cvOptions(NodeContext &ctx)
{
    Evaluation::CvOptions o;
    o.folds = static_cast<int>(ctx.intParameter(QStringLiteral("folds")));
    o.stratified = ctx.boolParameter(QStringLiteral("stratified"));
    o.seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    o.cancel = ctx.cancelFlag();
    return o;
}

PortSpec modelPort(const QString &name, const QString &label, bool optional)
{
    return PortSpec { name, PortType::Model, label, {}, optional };
}

} // namespace

NodeType TestNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Test on Held-out Data");
    t.description = QStringLiteral("Scores a trained model on rows it did not see.");
    t.inputs = { modelPort(QStringLiteral("model"), QStringLiteral("Model"), false),
        PortSpec {
            QStringLiteral("data"), PortType::Table, QStringLiteral("Test data"), {}, false } };
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

NodeType CrossValidationNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Cross-Validation");
    t.description = QStringLiteral("k-fold cross-validation of a model and its preprocessing.");
    t.inputs = { modelPort(QStringLiteral("model"), QStringLiteral("Model"), false),
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = {
        PortSpec {
            QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false },
        PortSpec { QStringLiteral("predictions"), PortType::Predictions,
            QStringLiteral("Predictions"), QStringLiteral("Out-of-fold predictions."), false },
    };
    t.parameters = cvParameters();
    t.setCompute(&CrossValidationNode::compute);
    return t;
}

void CrossValidationNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    Evaluation::CvOptions o = cvOptions(ctx);
    o.onFoldDone = [&ctx, k = o.folds](int done) { ctx.progress(double(done) / k); };
    Evaluation::CvResult r = Evaluation::crossValidate(*model, model->learnerParameters, data, o);
    if (r.cancelled)
        return;
    MetricsTable table = Evaluation::foldTable(
        r, QStringLiteral("%1-fold cross-validation: %2").arg(o.folds).arg(model->displayName));
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setOutput(1, makeValue(std::move(r.outOfFold)));
}

NodeType CompareNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Compare Models");
    t.description = QStringLiteral("Cross-validates several models on the same folds and "
                                   "lists their scores side by side.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    for (int i = 1; i <= 4; ++i)
        t.inputs.push_back(
            modelPort(QStringLiteral("model%1").arg(i), QStringLiteral("Model %1").arg(i), i > 1));
    t.outputs = { PortSpec {
        QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false } };
    t.parameters = cvParameters();
    t.setCompute(&CompareNode::compute);
    return t;
}

void CompareNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    QList<TrainedModelPtr> models;
    for (int port = 1; port < ctx.inputCount(); ++port)
        if (ctx.input(port))
            models.push_back(ctx.inputAs<TrainedModelPtr>(port));
    MetricsTable table;
    table.title = QStringLiteral("Model comparison (cross-validation means)");
    table.noteColumns = { QStringLiteral("model_type") };
    for (int i = 0; i < models.size(); ++i) {
        Evaluation::CvOptions o = cvOptions(ctx);
        const int total = models.size() * o.folds;
        o.onFoldDone = [&ctx, i, k = o.folds, total](
                           int done) { ctx.progress(double(i * k + done) / total); };
        Evaluation::CvResult r
            = Evaluation::crossValidate(*models[i], models[i]->learnerParameters, data, o);
        if (r.cancelled)
            return;
        if (table.columns.isEmpty()) {
            for (const auto &m : r.mean)
                table.columns.push_back(m.first);
            table.columns.push_back(table.columns.first() + QStringLiteral("_std"));
            table.columns.push_back(QStringLiteral("seconds"));
        } else if (table.columns.first() != r.mean.first().first) {
            throw NodeError(QStringLiteral("models %1 and %2 solve different tasks "
                                           "(classification vs regression)")
                                .arg(1)
                                .arg(i + 1));
        }
        MetricsTable::Row row;
        row.label = models[i]->displayName;
        for (const auto &m : r.mean)
            row.values.push_back(m.second);
        row.values.push_back(r.std.first().second);
        row.values.push_back(r.seconds);
        row.notes = { models[i]->learnerType };
        table.rows.push_back(row);
    }
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
}

} // namespace sextant::engine
