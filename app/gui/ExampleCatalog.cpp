#include "gui/ExampleCatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sextant::app {

namespace {

struct Described {
    const char *file;
    const char *title;
    const char *description;
};

// Display order. Strings are translated in the "sextant::app::ExampleCatalog" context.
constexpr Described kDescribed[] = {
    { "wine-classify.sextant", QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Classify wines"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "Logistic regression, a random forest and a neural network compared by "
            "cross-validation, with ROC curves and a confusion matrix.") },
    { "diabetes-regression.sextant",
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Regression on diabetes"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "Regression on the diabetes data: ridge regression against gradient boosting, "
            "residuals and feature importances.") },
    { "iris-clusters.sextant",
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Cluster iris flowers"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "k-means and hierarchical clustering without the labels, judged by a silhouette "
            "plot and a scatter coloured by cluster.") },
    { "breast-cancer-tuning.sextant",
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Tune a classifier"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "A grid search over an SVM's C and gamma on the breast cancer data, each setting "
            "scored by 5-fold cross-validation.") },
    { "customers-features.sextant",
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Engineer features"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "Customers merged with their plans, a ratio, an age group and a signup month by "
            "formulas, then a random forest; a group-by and a pivot table beside it.") },
    { "wine-outliers.sextant", QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Find outliers"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "Wine's unusual rows flagged by the local outlier factor in a scatter, and removed "
            "by an isolation forest before a cross-validated model.") },
    { "digits-classify.sextant",
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Classify handwritten digits"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "A folder of 5000 digit images read with HOG features, an SVM and k nearest "
            "neighbours scored by cross-validation (tools/make-digits-folder makes the "
            "folder).") },
    { "iris-explore.sextant",
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog", "Explore a dataset"),
        QT_TRANSLATE_NOOP("sextant::app::ExampleCatalog",
            "The iris table, a histogram, the correlation matrix and a scatter plot of its "
            "columns.") },
};

QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::app::ExampleCatalog", text);
}

} // namespace

QString ExampleCatalog::directory()
{
    const QString env = qEnvironmentVariable("SEXTANT_EXAMPLES_DIR");
    if (!env.isEmpty() && QFileInfo(env).isDir())
        return QFileInfo(env).absoluteFilePath();
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../share/sextant/examples"));
    if (QFileInfo(installed).isDir())
        return QDir::cleanPath(installed);
#ifdef SEXTANT_SOURCE_EXAMPLES_DIR
    const QString source = QStringLiteral(SEXTANT_SOURCE_EXAMPLES_DIR);
    if (QFileInfo(source).isDir())
        return source;
#endif
    return {};
}

QList<Example> ExampleCatalog::examples(const QString &directory)
{
    QList<Example> out;
    if (directory.isEmpty())
        return out;
    const QDir dir(directory);
    QStringList files = dir.entryList({ QStringLiteral("*.sextant") }, QDir::Files, QDir::Name);
    for (const Described &d : kDescribed) {
        const QString file = QString::fromLatin1(d.file);
        if (!files.removeOne(file))
            continue;
        out.append({ dir.absoluteFilePath(file), tr(d.title), tr(d.description) });
    }
    for (const QString &file : files)
        out.append({ dir.absoluteFilePath(file), QFileInfo(file).completeBaseName(), {} });
    return out;
}

} // namespace sextant::app
