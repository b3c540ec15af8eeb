#include "nodes/ImportanceView.h"

#include "graph/NodeError.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace sextant::engine {

namespace {

// Rows in the order of `key`, largest first (stable: ties keep the feature order).
std::vector<int> orderBy(const std::vector<double> &key)
{
    std::vector<int> order(key.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return key[static_cast<std::size_t>(a)] > key[static_cast<std::size_t>(b)];
    });
    return order;
}

Column featureColumn(const QStringList &names, const std::vector<int> &order)
{
    QStringList ordered;
    std::vector<std::int32_t> codes;
    for (int i : order) {
        codes.push_back(static_cast<std::int32_t>(ordered.size()));
        ordered.push_back(names.value(i));
    }
    return Column::categorical(QStringLiteral("feature"), std::move(codes), ordered);
}

Column numericColumn(
    const QString &name, const std::vector<int> &order, const std::function<double(int)> &value)
{
    std::vector<double> v;
    v.reserve(order.size());
    for (int i : order)
        v.push_back(value(i));
    return Column::numeric(name, std::move(v));
}

} // namespace

Dataset featureImportanceTable(const TrainedModel &model)
{
    const FeatureImportances imp
        = model.estimator ? model.estimator->featureImportances() : FeatureImportances {};
    if (imp.empty())
        throw NodeError(QStringLiteral("%1 has no feature importances of its own (use the "
                                       "Permutation Importance node)")
                            .arg(model.displayName.isEmpty() ? QStringLiteral("this model")
                                                             : model.displayName));
    const QStringList names = model.features.outputNames();
    if (names.size() != imp.values.rows())
        throw NodeError(QStringLiteral("the model's importances do not match its %1 features")
                            .arg(names.size()));
    std::vector<double> key(static_cast<std::size_t>(imp.values.rows()));
    for (Eigen::Index j = 0; j < imp.values.rows(); ++j)
        key[static_cast<std::size_t>(j)] = imp.values.row(j).cwiseAbs().maxCoeff();
    const std::vector<int> order = orderBy(key);
    Dataset t;
    t.setName(QStringLiteral("Feature importance (%1), %2")
                  .arg(QString::fromStdString(imp.measure), model.displayName));
    t.addColumn(featureColumn(names, order));
    const QStringList classes = model.target.classNames();
    for (Eigen::Index k = 0; k < imp.values.cols(); ++k) {
        QString name = QString::fromStdString(imp.columns[static_cast<std::size_t>(k)]);
        if (imp.perClass)
            name = QStringLiteral("coefficient (%1)").arg(classes.value(int(k), name));
        t.addColumn(numericColumn(name, order, [&](int i) { return imp.values(i, k); }));
    }
    return t;
}

Dataset permutationImportanceTable(const PermutationImportanceResult &r, const QString &model)
{
    std::vector<double> key(r.mean.data(), r.mean.data() + r.mean.size());
    const std::vector<int> order = orderBy(key);
    Dataset t;
    t.setName(QStringLiteral("Permutation importance (%1 drop, baseline %2), %3")
                  .arg(QString::fromStdString(r.scoring))
                  .arg(r.baseline, 0, 'f', 4)
                  .arg(model));
    t.addColumn(featureColumn(r.features, order));
    t.addColumn(
        numericColumn(QStringLiteral("importance_mean"), order, [&](int i) { return r.mean(i); }));
    t.addColumn(
        numericColumn(QStringLiteral("importance_std"), order, [&](int i) { return r.std(i); }));
    for (Eigen::Index k = 0; k < r.drops.cols(); ++k)
        t.addColumn(numericColumn(
            QStringLiteral("repeat %1").arg(k + 1), order, [&](int i) { return r.drops(i, k); }));
    return t;
}

ImportanceData ImportanceData::fromTable(const Dataset &table)
{
    const int f = table.indexOf(QStringLiteral("feature"));
    if (f < 0)
        throw NodeError(QStringLiteral("the importance view needs a 'feature' column (the "
                                       "output of a learner's importances or of Permutation "
                                       "Importance)"));
    int value = table.indexOf(QStringLiteral("importance_mean"));
    if (value < 0)
        value = table.indexOf(QStringLiteral("importance"));
    for (int c = 0; value < 0 && c < table.columnCount(); ++c)
        if (c != f && table.column(c).isNumeric())
            value = c;
    if (value < 0 || !table.column(value).isNumeric())
        throw NodeError(QStringLiteral("the importance view found no numeric importance column"));
    ImportanceData d;
    d.table = table;
    d.title = table.name();
    d.measure = table.column(value).name();
    const Column &names = table.column(f);
    const int spread = table.indexOf(QStringLiteral("importance_std"));
    std::vector<int> repeatColumns;
    for (int c = 0; c < table.columnCount(); ++c)
        if (table.column(c).name().startsWith(QStringLiteral("repeat "))
            && table.column(c).isNumeric())
            repeatColumns.push_back(c);
    for (std::int64_t r = 0; r < table.rowCount(); ++r) {
        d.features.push_back(names.displayValue(r));
        d.values.push_back(table.column(value).numericValue(r));
        if (spread >= 0 && table.column(spread).isNumeric())
            d.spread.push_back(table.column(spread).numericValue(r));
        if (!repeatColumns.empty()) {
            std::vector<double> reps;
            for (int c : repeatColumns)
                reps.push_back(table.column(c).numericValue(r));
            d.repeats.push_back(std::move(reps));
        }
    }
    return d;
}

} // namespace sextant::engine
