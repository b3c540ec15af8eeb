#include "nodes/ClusterEvaluationNode.h"

#include "ml/Metrics.h"
#include "ml/TrainedModel.h"
#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"

#include <cmath>
#include <set>

namespace sextant::engine {

NodeType ClusterEvaluationNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Cluster Quality");
    t.description = QStringLiteral("Inertia, silhouette and (against known classes) the "
                                   "adjusted Rand index of a clustering.");
    t.inputs = {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"), {}, false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false },
    };
    t.outputs = { PortSpec {
        QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Metrics"), {}, false } };
    t.parameters = {
        ParameterSpec::column(QStringLiteral("labels"), QStringLiteral("Known classes"),
            QStringLiteral("Column to compare the clusters with (adjusted Rand index). Empty: "
                           "the table's target column, if any.")),
        ParameterSpec::integer(QStringLiteral("sample"), QStringLiteral("Silhouette sample"), 5000,
            0, 100000000,
            QStringLiteral("Rows drawn (seeded) for the silhouette, which is quadratic; "
                           "0: every row.")),
    };
    t.setCompute(&ClusterEvaluationNode::compute);
    return t;
}

void ClusterEvaluationNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    if (model->estimator->task() != EstimatorTask::Clustering)
        throw NodeError(QStringLiteral("%1 is not a clustering model: use Test or "
                                       "Cross-Validation for it")
                            .arg(model->displayName));
    const Eigen::MatrixXd X = model->encode(data, ctx.cancelFlag());
    if (ctx.cancelled())
        return;
    const Eigen::VectorXd labels = model->estimator->predict(X);
    ctx.progress(0.3);
    std::set<int> clusters;
    Eigen::Index noise = 0;
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        if (labels(i) < 0)
            ++noise;
        else
            clusters.insert(static_cast<int>(labels(i)));
    }
    QList<QPair<QString, double>> values;
    values.push_back({ QStringLiteral("clusters"), double(clusters.size()) });
    values.push_back(
        { QStringLiteral("noise_share"), labels.size() ? double(noise) / labels.size() : 0.0 });
    values.push_back({ QStringLiteral("inertia"), Metrics::inertia(X, labels) });
    const int sample = static_cast<int>(ctx.intParameter(QStringLiteral("sample")));
    values.push_back({ QStringLiteral("silhouette"),
        Metrics::silhouette(X, labels, sample > 0 ? sample : static_cast<int>(labels.size()), 0) });
    ctx.progress(0.9);

    QString labelColumn = ctx.stringParameter(QStringLiteral("labels"));
    if (labelColumn.isEmpty()) {
        const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
        if (!targets.isEmpty())
            labelColumn = data.column(targets.first()).name();
    }
    if (!labelColumn.isEmpty()) {
        const int index = data.indexOf(labelColumn);
        if (index < 0)
            throw NodeError(QStringLiteral("Known classes: no column '%1'").arg(labelColumn));
        Column c = data.column(index);
        if (!c.isCategorical())
            c = c.toCategorical();
        Eigen::VectorXd known(labels.size());
        for (Eigen::Index i = 0; i < known.size(); ++i)
            known(i) = c.codes()[static_cast<std::size_t>(i)];
        values.push_back(
            { QStringLiteral("adjusted_rand"), Metrics::adjustedRandIndex(known, labels) });
    }
    MetricsTable table = Evaluation::singleRow(
        model->displayName, values, QStringLiteral("Cluster quality: %1").arg(model->displayName));
    ctx.setResult(makeValue(table));
    ctx.setOutput(0, makeValue(std::move(table)));
}

} // namespace sextant::engine
