#include "nodes/MdsNode.h"

#include "data/Dataset.h"
#include "ml/Mds.h"
#include "nodes/EmbeddingTable.h"
#include "nodes/TrainingUpdate.h"

#include <QElapsedTimer>
#include <cmath>
#include <optional>

namespace sextant::engine {

NodeType MdsNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("MDS");
    t.description = QStringLiteral("Places the rows in a few dimensions so that their distances "
                                   "stay as in the data (multidimensional scaling: classical, "
                                   "or SMACOF), as a scatter and as new columns.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Embedded"),
        QStringLiteral("The input with columns \"MDS 1\", \"MDS 2\", ..."), false } };
    t.parameters = EmbeddingTable::parameters();
    t.parameters += {
        ParameterSpec::enumeration(QStringLiteral("method"), QStringLiteral("Method"),
            { QStringLiteral("classical"), QStringLiteral("smacof") }, QStringLiteral("smacof"),
            QStringLiteral("classical: the top eigenvectors of the double-centred squared "
                           "distances (deterministic; up to 10,000 rows); smacof: metric "
                           "stress majorization as scikit-learn's MDS (up to 5,000 rows).")),
        ParameterSpec::integer(QStringLiteral("components"), QStringLiteral("Components"), 2, 2, 10,
            QStringLiteral("Dimensions of the embedding; the scatter shows the first two.")),
        ParameterSpec::enumeration(QStringLiteral("init"), QStringLiteral("Start"),
            { QStringLiteral("random"), QStringLiteral("classical") }, QStringLiteral("classical"),
            QStringLiteral("SMACOF's start: the classical solution (one run; the default, as "
                           "Orange's Torgerson start: it ends at a far lower stress than random "
                           "starts on most data), or random (seeded, the best of Runs, as "
                           "scikit-learn's MDS).")),
        ParameterSpec::integer(QStringLiteral("n_init"), QStringLiteral("Runs"), 4, 1, 100,
            QStringLiteral("SMACOF runs from different random starts; the one with the lowest "
                           "stress is kept.")),
        ParameterSpec::integer(QStringLiteral("max_iter"), QStringLiteral("Iterations"), 300, 1,
            100000, QStringLiteral("Most SMACOF iterations per run.")),
        ParameterSpec::real(QStringLiteral("eps"), QStringLiteral("Tolerance"), 1e-3, 0.0, 1.0,
            QStringLiteral("A SMACOF run stops when its stress (relative to the size of the "
                           "embedding) falls by less than this in an iteration, as "
                           "scikit-learn.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Seed of SMACOF's random starts.")),
    };
    t.setCompute(&MdsNode::compute);
    return t;
}

void MdsNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    QList<int> columns;
    std::vector<std::int64_t> rows;
    EmbeddingTable::completeRows(ctx, data, &columns, &rows);
    const auto n = static_cast<Eigen::Index>(rows.size());

    MdsOptions o;
    o.method = ctx.stringParameter(QStringLiteral("method")) == QLatin1String("classical")
        ? MdsOptions::Method::Classical
        : MdsOptions::Method::Smacof;
    o.components = static_cast<int>(ctx.intParameter(QStringLiteral("components")));
    o.classicalInit = ctx.stringParameter(QStringLiteral("init")) == QLatin1String("classical");
    o.nInit = static_cast<int>(ctx.intParameter(QStringLiteral("n_init")));
    o.maxIter = static_cast<int>(ctx.intParameter(QStringLiteral("max_iter")));
    o.eps = ctx.floatParameter(QStringLiteral("eps"));
    o.seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    // Refused before the table is copied into a matrix.
    if (const auto why = Mds::refusal(n, o))
        throw NodeError(QString::fromStdString(*why));
    if (n <= o.components)
        throw NodeError(QStringLiteral("%1 complete rows are too few for %2 components")
                            .arg(n)
                            .arg(o.components));

    const Eigen::MatrixXd X = EmbeddingTable::matrix(
        data, columns, rows, ctx.boolParameter(QStringLiteral("standardize")));

    // SMACOF's stress per iteration goes to the Training dock as a model's loss does, and
    // Stop there ends it with the best run so far (marked partial).
    const bool smacof = o.method == MdsOptions::Method::Smacof;
    const QString name = TrainingUpdate::learnerName(QStringLiteral("MDS"));
    QElapsedTimer timer;
    timer.start();
    qint64 published = -10000000;
    std::optional<EpochReport> last;
    std::optional<FitEnd> reason;
    int endEpochs = 0;
    FitContext fc;
    fc.cancel = ctx.cancelFlag();
    fc.onEpoch = [&](const EpochReport &r) {
        ctx.progress(0.05 + 0.95 * r.epoch / std::max(1, r.totalEpochs));
        if (!smacof)
            return false;
        last = r;
        // At most one update each 10 ms: small tables run thousands of iterations a second.
        const qint64 now = timer.nsecsElapsed();
        if (ctx.hasUpdateListener() && now - published >= 10000000) {
            published = now;
            ctx.publish(makeValue(TrainingUpdate { name, r, now / 1e9, {} }));
        }
        return ctx.stopTrainingRequested();
    };
    fc.onEnd = [&](FitEnd why, int epochs) {
        reason = why;
        endEpochs = epochs;
    };
    MdsResult result;
    try {
        if (!Mds::fit(X, o, fc, result) || ctx.cancelled())
            return;
    } catch (const FitError &e) {
        throw NodeError(QString::fromStdString(e.what()));
    }
    if (smacof && last && reason) {
        TrainingUpdate final { name, *last, timer.nsecsElapsed() / 1e9, *reason };
        final.report.epoch = endEpochs;
        final.report.trainLoss = result.stress;
        if (*reason == FitEnd::Stopped)
            ctx.markPartial(final.describe());
        if (ctx.hasUpdateListener())
            ctx.publish(makeValue(std::move(final)));
    }
    if (smacof && !result.converged && reason != FitEnd::Stopped)
        ctx.addWarning(QStringLiteral("SMACOF stopped at Iterations (%1) before reaching the "
                                      "tolerance; stress %2")
                           .arg(o.maxIter)
                           .arg(result.stress, 0, 'g', 6));

    EmbeddingTable::setOutputs(ctx, data, rows, result.embedding, QStringLiteral("MDS"));
}

} // namespace sextant::engine
