#include "nodes/DefaultPreparation.h"

#include "data/Dataset.h"
#include "ml/Estimator.h"
#include "ml/ImputeTransform.h"
#include "ml/StandardizeTransform.h"
#include "nodes/Learner.h"

#include <memory>

namespace sextant::engine {

namespace {

const QString kParameter = QStringLiteral("prepare");

bool upstream(const Dataset &data, std::initializer_list<const char *> kinds)
{
    for (const auto &step : data.preprocessing())
        for (const char *k : kinds)
            if (step->kind() == k)
                return true;
    return false;
}

// The numeric feature columns (role Feature, not the target), by name.
std::vector<std::string> numericFeatures(const Dataset &data, const QString &target)
{
    std::vector<std::string> out;
    for (int c : data.columnsWithRole(ColumnRole::Feature)) {
        const Column &col = data.column(c);
        if (col.isNumeric() && col.name() != target)
            out.push_back(col.name().toStdString());
    }
    return out;
}

bool hasMissing(const Dataset &data, const std::vector<std::string> &columns)
{
    for (const std::string &name : columns)
        if (data.column(data.indexOf(QString::fromStdString(name))).missingCount() > 0)
            return true;
    return false;
}

} // namespace

ParameterSpec DefaultPreparation::parameter(const Learner &learner)
{
    const QString what = learner.scaleByDefault
        ? QStringLiteral("auto: missing numeric cells are filled with the training mean and "
                         "numeric features are standardized (mean 0, variance 1), as this "
                         "learner compares distances or gradients; ")
        : QStringLiteral("auto: missing numeric cells are filled with the training mean; ");
    ParameterSpec p = ParameterSpec::enumeration(kParameter, QStringLiteral("Preparation"),
        { QStringLiteral("auto"), QStringLiteral("none") }, QStringLiteral("auto"),
        what
            + QStringLiteral("steps already in the pipeline (Impute, Standardize or Min-Max "
                             "Scale upstream) are not repeated, and the steps are saved "
                             "with the model. none: the table is used as it is. Categorical "
                             "columns are one-hot encoded either way."));
    // Workflows written before the parameter existed keep training on the table as is.
    p.valueWhenAbsentFromFile = QStringLiteral("none");
    return p;
}

QStringList DefaultPreparation::stepsFor(const Learner &learner, const Estimator &estimator,
    const QVariantMap &parameters, const Dataset &data, const QString &target)
{
    QStringList out;
    if (parameters.value(kParameter, QStringLiteral("auto")).toString() != QLatin1String("auto"))
        return out;
    const std::vector<std::string> numeric = numericFeatures(data, target);
    if (numeric.empty())
        return out;
    if (!estimator.handlesMissing() && !upstream(data, { "impute" }) && hasMissing(data, numeric))
        out << QStringLiteral("impute");
    if (learner.scaleByDefault && !upstream(data, { "standardize", "minmax_scale" }))
        out << QStringLiteral("standardize");
    return out;
}

Dataset DefaultPreparation::apply(const Learner &learner, const Estimator &estimator,
    const QVariantMap &parameters, const Dataset &data, const QString &target,
    const FitContext &context)
{
    const QStringList steps = stepsFor(learner, estimator, parameters, data, target);
    if (steps.isEmpty())
        return data;
    const std::vector<std::string> numeric = numericFeatures(data, target);
    Dataset out = data;
    for (const QString &kind : steps) {
        std::shared_ptr<Transformer> step;
        if (kind == QLatin1String("impute")) {
            ImputeTransform::Options o;
            o.columns = numeric;
            step = std::make_shared<ImputeTransform>(o);
        } else {
            StandardizeTransform::Options o;
            o.columns = numeric;
            step = std::make_shared<StandardizeTransform>(o);
        }
        step->fit(out, context);
        Dataset next = step->transform(out);
        next.setName(out.name());
        next.setSource(out.source());
        next.setPreprocessing(out.preprocessing());
        next.appendPreprocessing(std::move(step));
        out = std::move(next);
    }
    return out;
}

} // namespace sextant::engine
