#include "nodes/CompareNode.h"

#include "nodes/Evaluation.h"
#include "nodes/LearnerRegistry.h"
#include "nodes/MetricsTable.h"

namespace sextant::engine {

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
        t.inputs.push_back(PortSpec { QStringLiteral("model%1").arg(i), PortType::Model,
            QStringLiteral("Model %1").arg(i), {}, i > 1 });
    t.outputs = { PortSpec {
        QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false } };
    t.parameters = Evaluation::cvParameters();
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
    bool stopped = false; // Stop pressed: the models after the one stopped are not run
    for (int i = 0; i < models.size(); ++i) {
        Evaluation::CvOptions o = Evaluation::cvOptions(ctx);
        const int total = models.size() * o.folds;
        o.onFoldDone = [&ctx, i, k = o.folds, total](
                           int done) { ctx.progress(double(i * k + done) / total); };
        Evaluation::CvResult r = Evaluation::crossValidate(*models[i], data, o);
        if (r.cancelled)
            return;
        stopped = stopped || r.partial;
        if (r.partial && r.perFold.isEmpty())
            break; // stopped before this model's first fold finished
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
        if (r.partial)
            row.label += QStringLiteral(" (partial: %1)").arg(r.partialNote());
        for (const auto &m : r.mean)
            row.values.push_back(m.second);
        row.values.push_back(r.std.first().second);
        row.values.push_back(r.seconds);
        row.notes = { LearnerRegistry::nodeIdOf(*models[i]->estimator) };
        table.rows.push_back(row);
        if (r.partial)
            break; // Stop pressed: the models after it are not cross-validated
    }
    if (stopped) {
        if (table.rows.isEmpty())
            throw NodeError(QStringLiteral("stopped before any model's first fold finished: "
                                           "no result"));
        const QString note = QStringLiteral("%1 of %2 models, Stop pressed")
                                 .arg(table.rows.size())
                                 .arg(models.size());
        table.title += QStringLiteral(" — partial: ") + note;
        ctx.markPartial(note);
    }
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
}

} // namespace sextant::engine
