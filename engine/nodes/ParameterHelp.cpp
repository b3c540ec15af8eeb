#include "nodes/ParameterHelp.h"

#include <QHash>

namespace sextant::engine {

QString ParameterHelp::text(const QString &typeId, const QString &name)
{
    // Specific to one node type first ("type.param"), then shared by name.
    static const QHash<QString, QString> help = {
        { QStringLiteral("cluster.dbscan.eps"),
            QStringLiteral("Two rows closer than this (Euclidean) are neighbours. Scale the "
                           "columns first (Standardize) so it means the same in every column.") },
        { QStringLiteral("cluster.dbscan.min_samples"),
            QStringLiteral("Neighbours (the row itself included) a row needs to be a core row of "
                           "a cluster; rows not reachable from a core row are noise.") },
        { QStringLiteral("cluster.gaussian_mixture.components"),
            QStringLiteral("Number of normal distributions (clusters) in the mixture.") },
        { QStringLiteral("cluster.gaussian_mixture.covariance"),
            QStringLiteral("full: each component has its own correlated shape; diagonal: "
                           "axis-aligned shapes (fewer parameters, faster).") },
        { QStringLiteral("cluster.gaussian_mixture.n_init"),
            QStringLiteral("EM runs from different starts; the one with the best likelihood "
                           "is kept.") },
        { QStringLiteral("cluster.hierarchical.clusters"),
            QStringLiteral("Where the merge tree is cut: the number of clusters kept.") },
        { QStringLiteral("cluster.hierarchical.linkage"),
            QStringLiteral("How the distance between two clusters is measured: ward (smallest "
                           "increase of variance), complete (farthest members), average, "
                           "single (closest members).") },
        { QStringLiteral("cluster.kmeans.k"), QStringLiteral("Number of clusters.") },
        { QStringLiteral("eval.tune.folds"),
            QStringLiteral("Cross-validation folds used to score each combination.") },
        { QStringLiteral("eval.tune.stratified"),
            QStringLiteral("Classification: keep each class's share in every fold.") },
        { QStringLiteral("model.gradient_boosting.max_iter"),
            QStringLiteral("Boosting iterations: trees added one after another (one per class "
                           "per iteration for more than two classes).") },
        { QStringLiteral("model.gradient_boosting.learning_rate"),
            QStringLiteral("Shrinks each tree's contribution: smaller needs more iterations "
                           "but generalises better.") },
        { QStringLiteral("model.gradient_boosting.max_leaf_nodes"),
            QStringLiteral("Leaves per tree; trees grow best split first.") },
        { QStringLiteral("model.gradient_boosting.l2_regularization"),
            QStringLiteral("L2 penalty on leaf values; larger values smooth the model.") },
        { QStringLiteral("model.random_forest.trees"),
            QStringLiteral("Number of trees; more trees give steadier predictions and take "
                           "longer.") },
        { QStringLiteral("model.random_forest.bootstrap"),
            QStringLiteral("Train each tree on rows drawn with replacement (otherwise on all "
                           "rows).") },
        { QStringLiteral("model.svm.kernel"),
            QStringLiteral("rbf: curved boundaries (Gaussian kernel); linear: a flat boundary, "
                           "faster on many columns.") },
        { QStringLiteral("model.knn.k"),
            QStringLiteral("Neighbours consulted for each prediction.") },
        { QStringLiteral("model.knn.metric"),
            QStringLiteral("Distance between rows: euclidean (straight line) or manhattan (sum "
                           "of absolute differences).") },
        { QStringLiteral("model.mlp.activation"),
            QStringLiteral("Function applied in the hidden layers: relu (fast, the usual "
                           "choice), tanh or sigmoid.") },
        { QStringLiteral("model.mlp.momentum"),
            QStringLiteral("SGD only: share of the previous step kept in the next one.") },
        { QStringLiteral("model.mlp.batch_size"), QStringLiteral("Rows per gradient step.") },
        { QStringLiteral("model.mlp.epochs"),
            QStringLiteral("Maximum passes over the training rows (early stopping may end "
                           "sooner).") },
        { QStringLiteral("model.mlp.alpha"),
            QStringLiteral("L2 penalty on the weights; larger values fight overfitting.") },
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
        // Shared by name.
        { QStringLiteral("max_iter"),
            QStringLiteral("Upper bound on the iterations of the solver.") },
        { QStringLiteral("n_init"),
            QStringLiteral("Runs from different starting points; the best one is kept.") },
        { QStringLiteral("min_samples_split"),
            QStringLiteral("A node with fewer rows is not split further.") },
        { QStringLiteral("min_samples_leaf"),
            QStringLiteral("Every leaf keeps at least this many rows; larger values make "
                           "smoother models.") },
        { QStringLiteral("fit_intercept"),
            QStringLiteral("Fit a constant term (turn off only for data centred already).") },
        { QStringLiteral("tol"),
            QStringLiteral("Stop when the improvement per iteration falls below this.") },
        { QStringLiteral("learning_rate"), QStringLiteral("Step size of the optimiser.") },
        { QStringLiteral("validation_fraction"),
            QStringLiteral("Share of the training rows held out to decide when to stop "
                           "(with early stopping).") },
    };
    const QString specific = help.value(typeId + QLatin1Char('.') + name);
    return specific.isEmpty() ? help.value(name) : specific;
}

} // namespace sextant::engine
