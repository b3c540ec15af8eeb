#include "nodes/ImportanceNodes.h"

#include "graph/NodeContext.h"
#include "graph/NodeError.h"
#include "ml/PermutationImportance.h"
#include "ml/TrainedModel.h"
#include "nodes/ImportanceView.h"

namespace sextant::engine {

NodeType ImportanceNodes::permutationType()
{
    NodeType t;
    t.id = QStringLiteral("eval.permutation_importance");
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Permutation Importance");
    t.description = QStringLiteral(
        "How much the model's score drops when one column's values are shuffled, on held-out "
        "rows: the importance of every feature for any model.");
    t.inputs = {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"), {}, false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Held-out data"),
            QStringLiteral("Rows the model did not train on, with the target column."), false },
    };
    t.outputs = { PortSpec { QStringLiteral("importances"), PortType::Table,
        QStringLiteral("Importances"),
        QStringLiteral("One row per feature: mean and standard deviation of the score drop "
                       "over the repeats, and each repeat's drop."),
        false } };
    t.parameters = {
        ParameterSpec::integer(QStringLiteral("repeats"), QStringLiteral("Repeats"), 5, 1, 10000,
            QStringLiteral("Shuffles per column; the mean and spread of their score drops are "
                           "reported (scikit-learn's n_repeats).")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Random seed of the shuffles: the same seed, model and rows give the "
                           "same importances.")),
    };
    t.setCompute([](NodeContext &ctx) {
        const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
        const Dataset &data = ctx.inputAs<Dataset>(1);
        PermutationImportanceOptions o;
        o.repeats = ctx.parameters().value(QStringLiteral("repeats")).toInt();
        o.seed = static_cast<std::uint64_t>(
            ctx.parameters().value(QStringLiteral("seed")).toLongLong());
        PermutationImportanceResult r;
        try {
            r = permutationImportance(
                *model, data, o, ctx.cancelFlag(), [&ctx](double done) { ctx.progress(done); });
        } catch (const FitError &e) {
            throw NodeError(QString::fromStdString(e.what()));
        }
        if (ctx.cancelled())
            return;
        ctx.setOutput(0, makeValue(permutationImportanceTable(r, model->displayName)));
    });
    return t;
}

NodeType ImportanceNodes::viewType()
{
    NodeType t;
    t.id = QStringLiteral("view.importance");
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Feature Importance");
    t.description = QStringLiteral("Bar chart of feature importances (largest first), with the "
                                   "spread over the repeats of a permutation importance.");
    t.inputs = { PortSpec { QStringLiteral("importances"), PortType::Table,
        QStringLiteral("Importances"), {}, false } };
    t.setCompute([](NodeContext &ctx) {
        const Dataset &table = ctx.inputAs<Dataset>(0);
        ctx.setResult(makeValue(ImportanceData::fromTable(table)));
    });
    return t;
}

} // namespace sextant::engine
