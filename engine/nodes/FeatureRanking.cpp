#include "nodes/FeatureRanking.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sextant::engine {

std::vector<int> FeatureRanking::order(int method) const
{
    std::vector<int> out(static_cast<std::size_t>(features.size()));
    std::iota(out.begin(), out.end(), 0);
    if (method < 0 || method >= methods.size())
        return out;
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        const double sa = score(a, method), sb = score(b, method);
        if (std::isnan(sa) || std::isnan(sb))
            return !std::isnan(sa) && std::isnan(sb);
        return sa > sb;
    });
    return out;
}

MetricsTable FeatureRanking::toMetricsTable() const
{
    MetricsTable t;
    t.title = QStringLiteral("Feature ranking by %1 (target %2)")
                  .arg(methodLabel(methods.value(sortBy)), target);
    std::vector<int> columns { sortBy };
    for (int m = 0; m < methods.size(); ++m)
        if (m != sortBy)
            columns.push_back(m);
    for (int m : columns)
        t.columns << methods[m];
    t.noteColumns << QStringLiteral("kept");
    const std::vector<int> ranked = order(sortBy);
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        MetricsTable::Row row;
        row.label = features[ranked[r]];
        for (int m : columns)
            row.values.push_back(score(ranked[r], m));
        row.notes << (static_cast<int>(r) < topK ? QStringLiteral("yes") : QStringLiteral("no"));
        t.rows.push_back(row);
    }
    return t;
}

FeatureRanking FeatureRanking::fromMetricsTable(const MetricsTable &table)
{
    FeatureRanking f;
    f.methods = table.columns;
    f.sortBy = 0;
    const int kept = static_cast<int>(table.noteColumns.indexOf(QStringLiteral("kept")));
    for (const MetricsTable::Row &row : table.rows) {
        f.features << row.label;
        for (int m = 0; m < table.columns.size(); ++m)
            f.scores.push_back(m < row.values.size() ? row.values[m] : std::nan(""));
        if (kept >= 0 && row.notes.value(kept) == QLatin1String("yes"))
            ++f.topK;
    }
    const QString prefix = QStringLiteral("(target ");
    const qsizetype at = table.title.lastIndexOf(prefix);
    if (at >= 0 && table.title.endsWith(QLatin1Char(')')))
        f.target = table.title.mid(at + prefix.size(), table.title.size() - at - prefix.size() - 1);
    return f;
}

QString FeatureRanking::methodLabel(const QString &id)
{
    static const QList<QPair<QString, QString>> labels {
        { QStringLiteral("info_gain"), QStringLiteral("Information gain") },
        { QStringLiteral("gain_ratio"), QStringLiteral("Gain ratio") },
        { QStringLiteral("gini"), QStringLiteral("Gini decrease") },
        { QStringLiteral("anova_f"), QStringLiteral("ANOVA F") },
        { QStringLiteral("chi2"), QStringLiteral("Chi-squared") },
        { QStringLiteral("mutual_info"), QStringLiteral("Mutual information") },
        { QStringLiteral("relieff"), QStringLiteral("ReliefF") },
    };
    for (const auto &[key, label] : labels)
        if (key == id)
            return label;
    return id;
}

} // namespace sextant::engine
