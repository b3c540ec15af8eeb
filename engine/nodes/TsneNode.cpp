#include "nodes/TsneNode.h"

#include "data/Dataset.h"
#include "ml/Tsne.h"
#include "nodes/ColumnLookup.h"
#include "nodes/ScatterData.h"

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
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns to embed. Empty: every numeric column but the "
                           "target."),
            ColumnFilter::Numeric),
        ParameterSpec::boolean(QStringLiteral("standardize"), QStringLiteral("Standardize"), false,
            QStringLiteral("Scale each column to mean 0 and variance 1 first.")),
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
    const QList<int> columns
        = ColumnLookup::numericOrDefault(data, ctx.listParameter(QStringLiteral("columns")),
            QStringLiteral("the input has no numeric column to embed"));
    std::vector<std::int64_t> rows;
    for (std::int64_t r = 0; r < data.rowCount(); ++r) {
        bool ok = true;
        for (int c = 0; ok && c < columns.size(); ++c)
            ok = std::isfinite(data.column(columns[c]).values()[static_cast<std::size_t>(r)]);
        if (ok)
            rows.push_back(r);
    }
    const auto n = static_cast<Eigen::Index>(rows.size());
    if (n < data.rowCount())
        ctx.addWarning(
            QStringLiteral("%1 rows with a missing value left out").arg(data.rowCount() - n));
    if (n > ctx.intParameter(QStringLiteral("max_rows")))
        throw NodeError(QStringLiteral("%1 complete rows are more than Most rows (%2): sample the "
                                       "rows first, or raise Most rows")
                            .arg(n)
                            .arg(ctx.intParameter(QStringLiteral("max_rows"))));
    Eigen::MatrixXd X(n, columns.size());
    for (Eigen::Index i = 0; i < n; ++i)
        for (int c = 0; c < columns.size(); ++c)
            X(i, c) = data.column(columns[c])
                          .values()[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
    if (ctx.boolParameter(QStringLiteral("standardize")) && n > 1)
        for (Eigen::Index c = 0; c < X.cols(); ++c) {
            const double mean = X.col(c).mean();
            const double sd = std::sqrt((X.col(c).array() - mean).square().sum() / double(n));
            X.col(c).array() -= mean;
            if (sd > 0)
                X.col(c) /= sd;
        }

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

    Dataset table = data;
    const auto uniqueName = [&table](const QString &name) {
        QString candidate = name;
        for (int k = 2; table.indexOf(candidate) >= 0; ++k)
            candidate = name + QStringLiteral(" (%1)").arg(k);
        return candidate;
    };
    for (int c = 0; c < 2; ++c) {
        std::vector<double> v(static_cast<std::size_t>(data.rowCount()), std::nan(""));
        std::vector<std::uint8_t> missing(static_cast<std::size_t>(data.rowCount()), 1);
        for (Eigen::Index i = 0; i < n; ++i) {
            v[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])] = result.embedding(i, c);
            missing[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])] = 0;
        }
        if (n == data.rowCount())
            missing.clear();
        table.addColumn(Column::numeric(
            uniqueName(QStringLiteral("t-SNE %1").arg(c + 1)), std::move(v), std::move(missing)));
    }
    ScatterData s;
    s.x = table.column(table.columnCount() - 2);
    s.y = table.column(table.columnCount() - 1);
    for (int i = 0; i < table.columnCount() && !s.color; ++i)
        if (table.column(i).name().compare(QLatin1String("cluster"), Qt::CaseInsensitive) == 0)
            s.color = table.column(i);
    for (int i : table.columnsWithRole(ColumnRole::Target))
        if (!s.color && table.column(i).isCategorical())
            s.color = table.column(i);
    s.table = table;
    ctx.progress(1.0);
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setResult(makeValue(std::move(s)));
}

} // namespace sextant::engine
