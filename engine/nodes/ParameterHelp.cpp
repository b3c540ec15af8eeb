#include "nodes/ParameterHelp.h"

#include <QHash>

namespace sextant::engine {

QString ParameterHelp::text(const QString &typeId, const QString &name)
{
    // Learner parameters carry their help in their registration (LearnerRegistry).
    static const QHash<QString, QString> help = {
        { QStringLiteral("eval.tune.folds"),
            QStringLiteral("Cross-validation folds used to score each combination.") },
        { QStringLiteral("eval.tune.stratified"),
            QStringLiteral("Classification: keep each class's share in every fold.") },
        { QStringLiteral("prep.discretize.bins"), QStringLiteral("Number of bins per column.") },
        { QStringLiteral("prep.discretize.strategy"),
            QStringLiteral("equal_frequency: about as many rows in every bin; equal_width: "
                           "bins of the same width.") },
        { QStringLiteral("prep.minmax.min"),
            QStringLiteral("Value the column's minimum maps to.") },
        { QStringLiteral("prep.minmax.max"),
            QStringLiteral("Value the column's maximum maps to.") },
        { QStringLiteral("prep.polynomial.degree"),
            QStringLiteral("Highest total power of the products (2: squares and pairwise "
                           "products).") },
        { QStringLiteral("prep.standardize.with_mean"),
            QStringLiteral("Subtract each column's mean.") },
        { QStringLiteral("prep.standardize.with_std"),
            QStringLiteral("Divide each column by its standard deviation.") },
    };
    return help.value(typeId + QLatin1Char('.') + name);
}

} // namespace sextant::engine
