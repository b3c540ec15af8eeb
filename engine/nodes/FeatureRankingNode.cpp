#include "nodes/FeatureRankingNode.h"

#include "data/Dataset.h"
#include "ml/FeatureScores.h"
#include "nodes/ColumnLookup.h"
#include "nodes/FeatureRanking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sextant::engine {

QStringList FeatureRankingNode::methods()
{
    return { QStringLiteral("info_gain"), QStringLiteral("gain_ratio"), QStringLiteral("gini"),
        QStringLiteral("anova_f"), QStringLiteral("chi2"), QStringLiteral("mutual_info"),
        QStringLiteral("relieff") };
}

NodeType FeatureRankingNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Rank Features");
    t.description = QStringLiteral("Scores each feature against the class (information gain, "
                                   "gain ratio, Gini, ANOVA F, chi-squared, mutual information, "
                                   "ReliefF) and keeps the k best.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = {
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Top features"),
            QStringLiteral("The k best features and every column that is not a feature."), false },
        PortSpec { QStringLiteral("scores"), PortType::Metrics, QStringLiteral("Scores"),
            QStringLiteral("One row per feature, best first."), false },
    };
    t.parameters = {
        ParameterSpec::column(QStringLiteral("target"), QStringLiteral("Class"),
            QStringLiteral("Categorical column the features are scored against. Empty: the "
                           "table's target."),
            ColumnFilter::Categorical),
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Features"),
            QStringLiteral("Columns to score. Empty: every feature column.")),
        ParameterSpec::enumeration(QStringLiteral("sort_by"), QStringLiteral("Rank by"), methods(),
            QStringLiteral("info_gain"),
            QStringLiteral("The score the features are ranked (and the best k kept) by: "
                           "info_gain, gain_ratio and gini on numeric features cut into "
                           "equal-frequency bins; anova_f and chi2 as scikit-learn's f_classif "
                           "and chi2; mutual_info as mutual_info_classif; relieff (Kononenko).")),
        ParameterSpec::integer(QStringLiteral("k"), QStringLiteral("Keep best"), 5, 1, 1000000,
            QStringLiteral("How many of the best features the Top features output keeps.")),
        ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Bins"), 4, 2, 100,
            QStringLiteral("Equal-frequency bins a numeric feature is cut into for information "
                           "gain, gain ratio and Gini.")),
        ParameterSpec::integer(QStringLiteral("relieff_samples"), QStringLiteral("ReliefF rows"),
            200, 0, 100000,
            QStringLiteral("Rows ReliefF draws (each compared with every row: the work is "
                           "rows x table rows x features). 0: no ReliefF.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Seed of ReliefF's rows and of the mutual information's tie noise.")),
    };
    t.setCompute(&FeatureRankingNode::compute);
    return t;
}

void FeatureRankingNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    int target = -1;
    const QString targetName = ctx.stringParameter(QStringLiteral("target"));
    if (!targetName.isEmpty()) {
        target = ColumnLookup::require(data, targetName, QStringLiteral("Class"));
    } else {
        const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
        if (targets.isEmpty())
            throw NodeError(QStringLiteral("the table has no target column: choose the class "
                                           "column (or set a target with Select Columns)"));
        target = targets.first();
    }
    const Column &classColumn = data.column(target);
    if (!classColumn.isCategorical())
        throw NodeError(QStringLiteral("Class: column '%1' is not categorical (features are "
                                       "ranked against classes)")
                            .arg(classColumn.name()));
    QList<int> columns;
    const QStringList names = ctx.listParameter(QStringLiteral("columns"));
    if (names.isEmpty()) {
        for (int i = 0; i < data.columnCount(); ++i)
            if (i != target && data.column(i).role() == ColumnRole::Feature)
                columns.push_back(i);
    } else {
        columns = ColumnLookup::requireAll(data, names, QStringLiteral("Features"));
        if (columns.contains(target))
            throw NodeError(
                QStringLiteral("Features: '%1' is the class column").arg(classColumn.name()));
    }
    if (columns.isEmpty())
        throw NodeError(QStringLiteral("the table has no feature column to rank"));

    // Rows with a known class.
    std::vector<std::size_t> rows;
    const auto classCodes = classColumn.codes();
    for (std::size_t r = 0; r < classCodes.size(); ++r)
        if (classCodes[r] >= 0)
            rows.push_back(r);
    if (rows.size() < 2)
        throw NodeError(
            QStringLiteral("fewer than two rows have a known '%1'").arg(classColumn.name()));
    const int K = static_cast<int>(classColumn.categories().size());
    std::vector<std::int32_t> y(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        y[i] = classCodes[rows[i]];

    FeatureRanking ranking;
    ranking.target = classColumn.name();
    ranking.methods = methods();
    const int M = static_cast<int>(ranking.methods.size());
    ranking.sortBy
        = static_cast<int>(ranking.methods.indexOf(ctx.stringParameter(QStringLiteral("sort_by"))));
    const int bins = static_cast<int>(ctx.intParameter(QStringLiteral("bins")));
    const auto seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    const int reliefSamples = static_cast<int>(ctx.intParameter(QStringLiteral("relieff_samples")));
    const auto nan = std::nan("");
    ranking.scores.assign(static_cast<std::size_t>(columns.size()) * M, nan);
    const auto set = [&](int f, const char *method, double v) {
        ranking.scores[static_cast<std::size_t>(f) * M
            + ranking.methods.indexOf(QLatin1String(method))]
            = v;
    };
    // ReliefF compares each drawn row with every row: at most kReliefRows of them (seeded).
    std::vector<std::size_t> reliefRows(rows.size());
    std::iota(reliefRows.begin(), reliefRows.end(), std::size_t(0));
    if (reliefRows.size() > static_cast<std::size_t>(kReliefRows)) {
        std::mt19937_64 rng(seed);
        for (std::size_t i = 0; i < static_cast<std::size_t>(kReliefRows); ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, reliefRows.size() - 1);
            std::swap(reliefRows[i], reliefRows[pick(rng)]);
        }
        reliefRows.resize(static_cast<std::size_t>(kReliefRows));
        std::sort(reliefRows.begin(), reliefRows.end());
    }
    std::vector<std::int32_t> reliefY;
    for (std::size_t i : reliefRows)
        reliefY.push_back(y[i]);
    Eigen::MatrixXd relief(
        reliefSamples > 0 ? static_cast<Eigen::Index>(reliefRows.size()) : 0, columns.size());
    std::vector<bool> categorical(static_cast<std::size_t>(columns.size()), false);
    for (int f = 0; f < columns.size(); ++f) {
        const Column &c = data.column(columns[f]);
        ranking.features << c.name();
        std::vector<std::int32_t> codes(rows.size());
        int values = 0;
        if (c.isCategorical()) {
            categorical[static_cast<std::size_t>(f)] = true;
            for (std::size_t i = 0; i < rows.size(); ++i)
                codes[i] = c.codes()[rows[i]];
            values = static_cast<int>(c.categories().size());
            set(f, "chi2", FeatureScores::chi2Categorical(codes, values, y, K));
            set(f, "mutual_info", FeatureScores::mutualInfoDiscrete(codes, values, y, K));
            for (Eigen::Index i = 0; i < relief.rows(); ++i) {
                const std::int32_t code = codes[reliefRows[static_cast<std::size_t>(i)]];
                relief(i, f) = code < 0 ? nan : code;
            }
        } else {
            std::vector<double> x(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                x[i] = c.values()[rows[i]];
            codes = FeatureScores::discretize(x, bins);
            values = bins;
            set(f, "anova_f", FeatureScores::anovaF(x, y, K));
            set(f, "chi2", FeatureScores::chi2(x, y, K));
            set(f, "mutual_info",
                FeatureScores::mutualInfo(x, y, K, 3, seed + static_cast<std::uint64_t>(f)));
            for (Eigen::Index i = 0; i < relief.rows(); ++i)
                relief(i, f) = x[reliefRows[static_cast<std::size_t>(i)]];
        }
        set(f, "info_gain", FeatureScores::informationGain(codes, values, y, K));
        set(f, "gain_ratio", FeatureScores::gainRatio(codes, values, y, K));
        set(f, "gini", FeatureScores::giniDecrease(codes, values, y, K));
        if (ctx.cancelled())
            return;
        ctx.progress(0.5 * (f + 1) / columns.size());
    }
    if (relief.rows() > 0) {
        const std::vector<double> w = FeatureScores::reliefF(
            relief, categorical, reliefY, K, 10, reliefSamples, seed, ctx.cancelFlag());
        if (ctx.cancelled())
            return;
        for (int f = 0; f < columns.size(); ++f)
            set(f, "relieff", w[static_cast<std::size_t>(f)]);
    }
    ctx.progress(0.95);

    ranking.topK = static_cast<int>(
        std::min<qlonglong>(ctx.intParameter(QStringLiteral("k")), columns.size()));
    const std::vector<int> ranked = ranking.order(ranking.sortBy);
    QList<int> dropped;
    for (std::size_t r = static_cast<std::size_t>(ranking.topK); r < ranked.size(); ++r)
        dropped.push_back(columns[ranked[r]]);
    std::sort(dropped.begin(), dropped.end());
    Dataset top = data;
    for (int i = static_cast<int>(dropped.size()) - 1; i >= 0; --i)
        top.removeColumn(dropped[i]);
    ctx.setOutput(0, makeValue(std::move(top)));
    ctx.setOutput(1, makeValue(ranking.toMetricsTable()));
    ctx.setResult(makeValue(std::move(ranking)));
}

NodeType FeatureRankingNode::viewType()
{
    NodeType t;
    t.id = QStringLiteral("view.ranking");
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Feature Ranking");
    t.description = QStringLiteral("Bar chart and table of Rank Features' scores.");
    t.inputs = { PortSpec {
        QStringLiteral("scores"), PortType::Metrics, QStringLiteral("Scores"), {}, false } };
    t.setCompute([](NodeContext &ctx) {
        const MetricsTable &table = ctx.inputAs<MetricsTable>(0);
        if (table.columns.isEmpty() || table.rows.isEmpty())
            throw NodeError(QStringLiteral("the scores table is empty"));
        ctx.setResult(makeValue(FeatureRanking::fromMetricsTable(table)));
    });
    return t;
}

} // namespace sextant::engine
