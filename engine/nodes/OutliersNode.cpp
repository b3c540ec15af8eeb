#include "nodes/OutliersNode.h"

#include "data/Dataset.h"
#include "data/RowSelection.h"
#include "ml/FitContext.h"
#include "ml/IsolationForest.h"
#include "ml/LocalOutlierFactor.h"
#include "ml/MinCovDet.h"
#include "ml/OutlierThreshold.h"

#include <Eigen/Core>
#include <cmath>
#include <stdexcept>

namespace sextant::engine {

namespace {

const QString kIsolationForest = QStringLiteral("isolation_forest");
const QString kLof = QStringLiteral("local_outlier_factor");
const QString kRobustCovariance = QStringLiteral("robust_covariance");

} // namespace

NodeType OutliersNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Outliers");
    t.description = QStringLiteral("Flags or removes unusual rows: isolation forest, local "
                                   "outlier factor or robust covariance.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::enumeration(QStringLiteral("method"), QStringLiteral("Method"),
            { kIsolationForest, kLof, kRobustCovariance }, kIsolationForest,
            QStringLiteral("isolation_forest: rows that random splits isolate quickly; "
                           "local_outlier_factor: rows in sparser places than their "
                           "neighbours; robust_covariance: rows far from a robust Gaussian "
                           "fit (minimum covariance determinant).")),
        ParameterSpec::enumeration(QStringLiteral("action"), QStringLiteral("Action"),
            { QStringLiteral("flag"), QStringLiteral("remove") }, QStringLiteral("flag"),
            QStringLiteral("flag: add the columns outlier (no/yes) and outlier_score; "
                           "remove: drop the outlier rows.")),
        ParameterSpec::real(QStringLiteral("contamination"), QStringLiteral("Contamination"), 0.1,
            0.001, 0.5,
            QStringLiteral("Share of the rows called outliers (those with the highest "
                           "scores).")),
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Columns the detector looks at. Empty: every feature column (not "
                           "the target, not ignored ones).")),
        ParameterSpec::boolean(QStringLiteral("standardize"), QStringLiteral("Standardize"), true,
            QStringLiteral("Scale numeric columns to mean 0 and standard deviation 1 first, so "
                           "no column dominates the distances (robust covariance does not "
                           "depend on scale).")),
        ParameterSpec::integer(QStringLiteral("neighbors"), QStringLiteral("Neighbours"), 20, 1,
            100000, QStringLiteral("Local outlier factor: neighbours compared with.")),
        ParameterSpec::integer(QStringLiteral("trees"), QStringLiteral("Trees"), 100, 1, 10000,
            QStringLiteral("Isolation forest: number of trees (each on 256 rows).")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Isolation forest subsamples and splits, robust covariance starts.")),
    };
    t.setCompute(&OutliersNode::compute);
    return t;
}

void OutliersNode::compute(NodeContext &ctx)
{
    Dataset data = ctx.inputAs<Dataset>(0);
    const QString method = ctx.stringParameter(QStringLiteral("method"));
    const bool standardize = ctx.boolParameter(QStringLiteral("standardize"));

    // The columns looked at.
    QList<int> used;
    const QStringList chosen = ctx.listParameter(QStringLiteral("columns"));
    if (chosen.isEmpty()) {
        used = data.columnsWithRole(ColumnRole::Feature);
    } else {
        for (const QString &name : chosen) {
            const int c = data.indexOf(name);
            if (c < 0)
                throw NodeError(QStringLiteral("columns: the table has no column '%1'").arg(name));
            used.push_back(c);
        }
    }
    used.removeIf([&](int c) {
        const QString &n = data.column(c).name();
        return chosen.isEmpty()
            && (n == QStringLiteral("outlier") || n == QStringLiteral("outlier_score"));
    });
    if (used.isEmpty())
        throw NodeError(QStringLiteral("no feature column to look at: choose columns or set "
                                       "the roles of some columns to feature"));
    QStringList categorical;
    for (int c : used)
        if (data.column(c).isCategorical())
            categorical << data.column(c).name();
    if (method == kRobustCovariance && !categorical.isEmpty())
        throw NodeError(
            QStringLiteral("robust covariance needs numeric columns; %1 %2 "
                           "categorical: leave it out (Columns), or use isolation "
                           "forest or local outlier factor, which one-hot encode it")
                .arg(categorical.join(QStringLiteral(", ")),
                    categorical.size() == 1 ? QStringLiteral("is") : QStringLiteral("are")));

    // Rows with every used cell present.
    const std::int64_t n = data.rowCount();
    std::vector<std::int64_t> rows;
    rows.reserve(static_cast<std::size_t>(n));
    for (std::int64_t r = 0; r < n; ++r) {
        bool complete = true;
        for (int c : used)
            if (data.column(c).isMissing(r)
                || (data.column(c).isNumeric()
                    && !std::isfinite(data.column(c).values()[static_cast<std::size_t>(r)]))) {
                complete = false;
                break;
            }
        if (complete)
            rows.push_back(r);
    }
    const auto m = static_cast<Eigen::Index>(rows.size());
    const std::int64_t skipped = n - m;
    if (m < 2)
        throw NodeError(skipped > 0
                ? QStringLiteral("%1 of %2 rows have a missing value in the columns looked at: "
                                 "fewer than 2 rows left to score (impute or filter first)")
                      .arg(skipped)
                      .arg(n)
                : QStringLiteral("at least 2 rows are needed to find outliers"));

    // The matrix: numeric columns (standardized if asked), categorical ones one-hot.
    int width = 0;
    for (int c : used)
        width += data.column(c).isNumeric() ? 1
                                            : static_cast<int>(data.column(c).categories().size());
    Eigen::MatrixXd X(m, width);
    int at = 0;
    for (int c : used) {
        const Column &col = data.column(c);
        if (col.isNumeric()) {
            const auto v = col.values();
            for (Eigen::Index i = 0; i < m; ++i)
                X(i, at) = v[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
            if (standardize && method != kRobustCovariance) {
                const double mean = X.col(at).mean();
                const double sd = std::sqrt((X.col(at).array() - mean).square().mean());
                X.col(at).array() -= mean;
                if (sd > 0)
                    X.col(at) /= sd;
            }
            ++at;
        } else {
            const auto codes = col.codes();
            const int k = static_cast<int>(col.categories().size());
            X.block(0, at, m, k).setZero();
            for (Eigen::Index i = 0; i < m; ++i)
                X(i, at + codes[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])]) = 1;
            at += k;
        }
    }
    if (ctx.cancelled())
        return;

    const int threads = FitContext {}.threadCount();
    const auto seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    Eigen::VectorXd scores;
    try {
        if (method == kLof) {
            LocalOutlierFactorOptions o;
            o.neighbors = static_cast<int>(ctx.intParameter(QStringLiteral("neighbors")));
            o.threads = threads;
            o.cancel = ctx.cancelFlag();
            scores = LocalOutlierFactor::scores(X, o);
        } else if (method == kRobustCovariance) {
            if (m <= width)
                throw NodeError(QStringLiteral("robust covariance needs more complete rows (%1) "
                                               "than columns (%2)")
                                    .arg(m)
                                    .arg(width));
            MinCovDetOptions o;
            o.seed = seed;
            o.cancel = ctx.cancelFlag();
            const MinCovDetResult r = MinCovDet::fit(X, o);
            if (r.cancelled)
                return;
            scores = r.distances;
        } else {
            IsolationForestOptions o;
            o.trees = static_cast<int>(ctx.intParameter(QStringLiteral("trees")));
            o.seed = seed;
            o.threads = threads;
            o.cancel = ctx.cancelFlag();
            IsolationForest forest(o);
            if (!forest.fit(X))
                return;
            scores = forest.scores(X);
        }
    } catch (const std::invalid_argument &e) {
        throw NodeError(QString::fromUtf8(e.what()));
    }
    if (ctx.cancelled() || scores.size() != m)
        return;
    const std::vector<char> flags
        = OutlierThreshold::flags(scores, ctx.floatParameter(QStringLiteral("contamination")));

    if (skipped > 0)
        ctx.addWarning(QStringLiteral("%1 of %2 rows have a missing value in the columns looked "
                                      "at and were not scored (kept, outlier left missing)")
                           .arg(skipped)
                           .arg(n));
    const auto lineage = data.preprocessing();
    if (ctx.stringParameter(QStringLiteral("action")) == QStringLiteral("remove")) {
        std::vector<char> keep(static_cast<std::size_t>(n), 1);
        for (Eigen::Index i = 0; i < m; ++i)
            if (flags[static_cast<std::size_t>(i)])
                keep[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])] = 0;
        std::vector<std::int64_t> kept;
        for (std::int64_t r = 0; r < n; ++r)
            if (keep[static_cast<std::size_t>(r)])
                kept.push_back(r);
        data = selectRows(data, kept);
    } else {
        std::vector<std::int32_t> codes(static_cast<std::size_t>(n), -1);
        std::vector<double> values(static_cast<std::size_t>(n), std::nan(""));
        std::vector<std::uint8_t> missing(static_cast<std::size_t>(n), skipped > 0 ? 1 : 0);
        for (Eigen::Index i = 0; i < m; ++i) {
            const auto r = static_cast<std::size_t>(rows[static_cast<std::size_t>(i)]);
            codes[r] = flags[static_cast<std::size_t>(i)];
            values[r] = scores[i];
            missing[r] = 0;
        }
        if (skipped == 0)
            missing.clear();
        Column flag = Column::categorical(QStringLiteral("outlier"), std::move(codes),
            { QStringLiteral("no"), QStringLiteral("yes") });
        Column score = Column::numeric(
            QStringLiteral("outlier_score"), std::move(values), std::move(missing));
        flag.setRole(ColumnRole::Ignore);
        score.setRole(ColumnRole::Ignore);
        for (Column *c : { &flag, &score }) {
            const int existing = data.indexOf(c->name());
            if (existing >= 0)
                data.replaceColumn(existing, *c);
            else
                data.addColumn(*c);
        }
    }
    data.setPreprocessing(lineage);
    ctx.setOutput(0, makeValue(std::move(data)));
}

} // namespace sextant::engine
