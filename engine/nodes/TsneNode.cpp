#include "nodes/TsneNode.h"

#include "data/Dataset.h"
#include "ml/Tsne.h"
#include "nodes/EmbeddingTable.h"

#include <cmath>

namespace sextant::engine {

NodeType TsneNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("t-SNE");
    t.description = QStringLiteral("Embeds the rows in two dimensions so that neighbours stay "
                                   "neighbours (t-SNE, Barnes-Hut), as a scatter and as two "
                                   "new columns.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Embedded"),
        QStringLiteral("The input with columns \"t-SNE 1\" and \"t-SNE 2\"."), false } };
    t.parameters = EmbeddingTable::parameters();
    t.parameters += {
        ParameterSpec::real(QStringLiteral("perplexity"), QStringLiteral("Perplexity"), 30.0, 1.0,
            1000.0,
            QStringLiteral("About how many neighbours each row keeps close (below the number "
                           "of rows).")),
        ParameterSpec::real(QStringLiteral("early_exaggeration"),
            QStringLiteral("Early exaggeration"), 12.0, 1.0, 100.0,
            QStringLiteral("How strongly clusters pull together in the first 250 "
                           "iterations.")),
        ParameterSpec::real(QStringLiteral("learning_rate"), QStringLiteral("Learning rate"), 0.0,
            0.0, 100000.0,
            QStringLiteral("Step size; 0: automatic, max(rows / exaggeration / 4, 50), as "
                           "scikit-learn.")),
        ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Iterations"), 1000, 250,
            100000, QStringLiteral("Most iterations, the first 250 with exaggeration.")),
        ParameterSpec::real(QStringLiteral("theta"), QStringLiteral("Barnes-Hut angle"), 0.5, 0.0,
            1.0,
            QStringLiteral("Accuracy of the repulsive forces: lower is more exact and slower; "
                           "0 computes every pair.")),
        ParameterSpec::enumeration(QStringLiteral("init"), QStringLiteral("Start"),
            { QStringLiteral("pca"), QStringLiteral("random") }, QStringLiteral("pca"),
            QStringLiteral("pca: the first two principal components (stable across runs); "
                           "random: a seeded random start.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Seed of the random start.")),
        ParameterSpec::integer(QStringLiteral("max_rows"), QStringLiteral("Most rows"),
            kDefaultMaxRows, 2, kLimitMaxRows,
            QStringLiteral("Above this many complete rows the node refuses (the neighbour "
                           "search grows with the square of the rows): sample first.")),
    };
    t.setCompute(&TsneNode::compute);
    return t;
}

void TsneNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    QList<int> columns;
    std::vector<std::int64_t> rows;
    EmbeddingTable::completeRows(ctx, data, &columns, &rows);
    const auto n = static_cast<Eigen::Index>(rows.size());
    if (n > ctx.intParameter(QStringLiteral("max_rows")))
        throw NodeError(QStringLiteral("%1 complete rows are more than Most rows (%2): sample the "
                                       "rows first, or raise Most rows")
                            .arg(n)
                            .arg(ctx.intParameter(QStringLiteral("max_rows"))));
    const Eigen::MatrixXd X = EmbeddingTable::matrix(
        data, columns, rows, ctx.boolParameter(QStringLiteral("standardize")));

    TsneOptions o;
    o.perplexity = ctx.floatParameter(QStringLiteral("perplexity"));
    o.earlyExaggeration = ctx.floatParameter(QStringLiteral("early_exaggeration"));
    o.learningRate = ctx.floatParameter(QStringLiteral("learning_rate"));
    o.maxIter = static_cast<int>(ctx.intParameter(QStringLiteral("max_iter")));
    o.theta = ctx.floatParameter(QStringLiteral("theta"));
    o.pcaInit = ctx.stringParameter(QStringLiteral("init")) != QLatin1String("random");
    o.seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    if (n >= 2 && o.perplexity >= double(n)) {
        o.perplexity = std::max(1.0, double(n - 1) / 3.0);
        ctx.addWarning(
            QStringLiteral("perplexity lowered to %1 for %2 rows").arg(o.perplexity).arg(n));
    }
    FitContext fc;
    fc.cancel = ctx.cancelFlag();
    fc.onEpoch = [&ctx](const EpochReport &r) {
        ctx.progress(0.05 + 0.95 * r.epoch / std::max(1, r.totalEpochs));
        return false;
    };
    TsneResult result;
    try {
        if (!Tsne::fit(X, o, fc, result, 10) || ctx.cancelled())
            return;
    } catch (const FitError &e) {
        throw NodeError(QString::fromStdString(e.what()));
    }

    EmbeddingTable::setOutputs(ctx, data, rows, result.embedding, QStringLiteral("t-SNE"));
}

} // namespace sextant::engine
