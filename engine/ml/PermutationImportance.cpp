#include "ml/PermutationImportance.h"

#include "ml/DecisionTreeBuilder.h"

#include <cmath>

namespace sextant::engine {

std::vector<std::int64_t> permutationFor(
    std::uint64_t seed, int column, int repeat, std::int64_t rows)
{
    std::vector<std::int64_t> p(static_cast<std::size_t>(std::max<std::int64_t>(0, rows)));
    for (std::size_t i = 0; i < p.size(); ++i)
        p[i] = static_cast<std::int64_t>(i);
    std::uint64_t state = memberSeed(
        seed, static_cast<std::uint64_t>(column) * 65536u + static_cast<std::uint64_t>(repeat));
    for (std::size_t i = p.size(); i > 1; --i)
        std::swap(p[i - 1], p[uniformIndex(state, static_cast<std::uint32_t>(i))]);
    return p;
}

Dataset permuteColumn(const Dataset &data, int column, const std::vector<std::int64_t> &perm)
{
    const Column &c = data.column(column);
    const std::int64_t n = data.rowCount();
    Column out;
    if (c.isNumeric()) {
        std::vector<double> values(static_cast<std::size_t>(n));
        std::vector<std::uint8_t> missing;
        if (c.missingCount() > 0)
            missing.resize(static_cast<std::size_t>(n));
        const auto v = c.values();
        for (std::int64_t i = 0; i < n; ++i) {
            const std::int64_t from = perm[static_cast<std::size_t>(i)];
            values[static_cast<std::size_t>(i)] = v[static_cast<std::size_t>(from)];
            if (!missing.empty())
                missing[static_cast<std::size_t>(i)] = c.isMissing(from) ? 1 : 0;
        }
        out = Column::numeric(c.name(), std::move(values), std::move(missing));
    } else {
        std::vector<std::int32_t> codes(static_cast<std::size_t>(n));
        const auto k = c.codes();
        for (std::int64_t i = 0; i < n; ++i)
            codes[static_cast<std::size_t>(i)] = k[static_cast<std::size_t>(perm[std::size_t(i)])];
        out = Column::categorical(c.name(), std::move(codes), c.categories());
    }
    out.setRole(c.role());
    Dataset result = data;
    result.replaceColumn(column, std::move(out));
    return result;
}

double predictionScore(const Prediction &p)
{
    double correct = 0, count = 0, sum = 0, sumSq = 0, residual = 0;
    for (Eigen::Index i = 0; i < p.truth.size(); ++i) {
        const double t = p.truth(i);
        if (std::isnan(t))
            continue;
        count += 1;
        if (p.task == EstimatorTask::Classification) {
            correct += p.predicted(i) == t ? 1 : 0;
        } else {
            sum += t;
            sumSq += t * t;
            residual += (p.predicted(i) - t) * (p.predicted(i) - t);
        }
    }
    if (count == 0)
        throw FitError(QStringLiteral("the table has no known '%1' values to score against")
                           .arg(p.targetName)
                           .toStdString());
    if (p.task == EstimatorTask::Classification)
        return correct / count;
    const double total = sumSq - sum * sum / count;
    if (!(total > 0))
        throw FitError("R^2 is undefined: the target is constant in this table");
    return 1.0 - residual / total;
}

PermutationImportanceResult permutationImportance(const TrainedModel &model, const Dataset &data,
    const PermutationImportanceOptions &options, const std::atomic<bool> *cancel,
    const std::function<void(double)> &progress)
{
    if (!model.estimator)
        throw FitError("permutation importance: the model is not trained");
    const EstimatorTask task = model.estimator->task();
    if (task == EstimatorTask::Clustering)
        throw FitError("permutation importance needs a classification or regression model "
                       "(a clustering has no score to lose)");
    if (options.repeats < 1)
        throw FitError("permutation importance: the repeats must be at least 1");
    if (!model.target.hasTarget(data))
        throw FitError(QStringLiteral("permutation importance: the table has no '%1' column "
                                      "to score the model against")
                           .arg(model.target.name())
                           .toStdString());
    std::vector<int> columns;
    PermutationImportanceResult r;
    for (int c = 0; c < data.columnCount(); ++c) {
        const Column &col = data.column(c);
        if (col.role() != ColumnRole::Feature || col.name() == model.target.name())
            continue;
        columns.push_back(c);
        r.features.push_back(col.name());
    }
    if (columns.empty())
        throw FitError("permutation importance: the table has no feature column");
    r.scoring = task == EstimatorTask::Classification ? "accuracy" : "r2";
    r.baseline = predictionScore(model.predict(data, cancel));
    const int F = static_cast<int>(columns.size());
    const int R = options.repeats;
    r.drops.resize(F, R);
    for (int j = 0; j < F; ++j)
        for (int k = 0; k < R; ++k) {
            if (cancel && cancel->load())
                return {};
            const Dataset permuted = permuteColumn(data, columns[static_cast<std::size_t>(j)],
                permutationFor(options.seed, j, k, data.rowCount()));
            const Prediction p = model.predict(permuted, cancel);
            if (cancel && cancel->load())
                return {};
            r.drops(j, k) = r.baseline - predictionScore(p);
            if (progress)
                progress(static_cast<double>(j * R + k + 1) / (F * R));
        }
    r.mean = r.drops.rowwise().mean();
    r.std.resize(F);
    for (int j = 0; j < F; ++j)
        r.std(j) = std::sqrt((r.drops.row(j).array() - r.mean(j)).square().mean());
    return r;
}

} // namespace sextant::engine
