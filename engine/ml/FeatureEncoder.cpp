#include "ml/FeatureEncoder.h"

#include "data/Dataset.h"

#include <QHash>
#include <cmath>
#include <limits>

namespace sextant::engine {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

FitError error(const QString &message)
{
    return FitError(message.toStdString());
}

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QStringList fromStd(const std::vector<std::string> &list)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(list.size()));
    for (const std::string &s : list)
        out.push_back(QString::fromStdString(s));
    return out;
}

} // namespace

void FeatureEncoder::fit(const Dataset &data, const QString &targetName)
{
    m_features.clear();
    m_width = 0;
    m_fitted = false;
    for (const Column &c : data.columns()) {
        if (c.role() != ColumnRole::Feature || c.name() == targetName)
            continue;
        Feature f;
        f.name = c.name();
        f.categorical = c.isCategorical();
        if (f.categorical)
            f.categories = c.categories();
        m_width += f.categorical ? static_cast<int>(f.categories.size()) : 1;
        m_features.push_back(std::move(f));
    }
    if (m_features.empty())
        throw error(QStringLiteral("the table has no feature column (every column is the "
                                   "target or ignored)"));
    if (m_width == 0)
        throw error(QStringLiteral("the feature columns hold no values"));
    m_fitted = true;
}

QStringList FeatureEncoder::outputNames() const
{
    QStringList names;
    for (const Feature &f : m_features) {
        if (!f.categorical) {
            names.push_back(f.name);
            continue;
        }
        for (const QString &c : f.categories)
            names.push_back(f.name + QLatin1Char('=') + c);
    }
    return names;
}

std::vector<FeatureBlock> FeatureEncoder::blocks() const
{
    std::vector<FeatureBlock> out;
    out.reserve(m_features.size());
    int next = 0;
    for (const Feature &f : m_features) {
        const int width = f.categorical ? static_cast<int>(f.categories.size()) : 1;
        out.push_back(FeatureBlock { next, width, f.categorical });
        next += width;
    }
    return out;
}

Eigen::MatrixXd FeatureEncoder::encode(
    const Dataset &data, const std::atomic<bool> *cancel, bool missingAsNaN) const
{
    if (!m_fitted)
        throw error(QStringLiteral("the feature encoder is not fitted"));
    const Eigen::Index n = data.rowCount();
    Eigen::MatrixXd X = Eigen::MatrixXd::Zero(n, m_width);
    Eigen::Index out = 0;
    for (const Feature &f : m_features) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        const int index = data.indexOf(f.name);
        if (index < 0)
            throw error(QStringLiteral("column '%1' is missing (the model was trained with it)")
                            .arg(f.name));
        Column c = data.column(index);
        if (f.categorical) {
            if (!c.isCategorical())
                c = c.toCategorical();
            // Map this table's codes to the training categories by name.
            QHash<QString, int> trained;
            for (int k = 0; k < f.categories.size(); ++k)
                trained.insert(f.categories[k], k);
            std::vector<int> map(static_cast<std::size_t>(c.categories().size()), -1);
            for (int k = 0; k < c.categories().size(); ++k)
                map[static_cast<std::size_t>(k)] = trained.value(c.categories()[k], -1);
            const auto codes = c.codes();
            for (Eigen::Index r = 0; r < n; ++r) {
                const int code = codes[static_cast<std::size_t>(r)];
                if (code < 0)
                    continue;
                const int k = map[static_cast<std::size_t>(code)];
                if (k >= 0)
                    X(r, out + k) = 1.0;
            }
            out += f.categories.size();
            continue;
        }
        if (!c.isNumeric()) {
            Column numeric;
            if (!c.toNumeric(numeric))
                throw error(QStringLiteral("column '%1' holds text, but the model was trained "
                                           "on numbers in it")
                                .arg(f.name));
            c = numeric;
        }
        if (c.missingCount() > 0 && !missingAsNaN)
            throw error(QStringLiteral("column '%1' has %2 missing values: add an Impute step "
                                       "(or filter those rows) before the model")
                            .arg(f.name)
                            .arg(c.missingCount()));
        const auto values = c.values();
        for (Eigen::Index r = 0; r < n; ++r) {
            const double v = values[static_cast<std::size_t>(r)];
            if (missingAsNaN && c.isMissing(r)) {
                X(r, out) = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            if (!std::isfinite(v))
                throw error(QStringLiteral("column '%1' has a non-finite value in row %2")
                                .arg(f.name)
                                .arg(r + 1));
            X(r, out) = v;
        }
        ++out;
    }
    return X;
}

ModelState FeatureEncoder::state() const
{
    ModelState s;
    s.kind = "feature_encoder";
    std::vector<std::string> names;
    std::vector<double> categorical;
    for (std::size_t i = 0; i < m_features.size(); ++i) {
        const Feature &f = m_features[i];
        names.push_back(utf8(f.name));
        categorical.push_back(f.categorical ? 1.0 : 0.0);
        if (f.categorical)
            s.setTextList("categories." + std::to_string(i), toStd(f.categories));
    }
    s.setTextList("names", names);
    s.setArray("categorical", { static_cast<std::int64_t>(categorical.size()) }, categorical);
    return s;
}

void FeatureEncoder::restore(const ModelState &s)
{
    s.requireKind("feature_encoder");
    const std::vector<std::string> &names = s.textList("names");
    const Eigen::VectorXd categorical
        = s.vector("categorical", static_cast<std::int64_t>(names.size()));
    if (names.empty())
        throw ModelStateError("feature_encoder: no features");
    std::vector<Feature> features;
    int width = 0;
    QHash<QString, int> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
        Feature f;
        f.name = QString::fromStdString(names[i]);
        if (f.name.isEmpty() || seen.contains(f.name))
            throw ModelStateError(
                "feature_encoder: empty or repeated feature name '" + names[i] + "'");
        seen.insert(f.name, 1);
        const double flag = categorical[static_cast<Eigen::Index>(i)];
        if (flag != 0.0 && flag != 1.0)
            throw ModelStateError("feature_encoder: 'categorical' holds a value other than 0/1");
        f.categorical = flag == 1.0;
        if (f.categorical)
            f.categories = fromStd(s.textList("categories." + std::to_string(i)));
        width += f.categorical ? static_cast<int>(f.categories.size()) : 1;
        features.push_back(std::move(f));
    }
    m_features = std::move(features);
    m_width = width;
    m_fitted = true;
}

void TargetEncoder::fit(const Dataset &data, const QString &targetName, EstimatorTask task)
{
    m_name = targetName;
    m_task = task;
    m_classes.clear();
    if (task == EstimatorTask::Clustering)
        return;
    if (targetName.isEmpty())
        throw error(QStringLiteral("no target column: choose one (Select Columns or the "
                                   "model's Target parameter)"));
    const int index = data.indexOf(targetName);
    if (index < 0)
        throw error(QStringLiteral("target column '%1' is not in the table").arg(targetName));
    Column c = data.column(index);
    if (c.missingCount() > 0)
        throw error(QStringLiteral("target column '%1' has %2 missing values: filter those "
                                   "rows first")
                        .arg(targetName)
                        .arg(c.missingCount()));
    if (task == EstimatorTask::Regression) {
        if (!c.isNumeric()) {
            Column numeric;
            if (!c.toNumeric(numeric))
                throw error(QStringLiteral("target column '%1' is categorical: use a "
                                           "classifier, or a numeric target for regression")
                                .arg(targetName));
        }
        return;
    }
    if (!c.isCategorical())
        c = c.toCategorical();
    std::vector<char> present(static_cast<std::size_t>(c.categories().size()), 0);
    for (std::int32_t code : c.codes())
        if (code >= 0)
            present[static_cast<std::size_t>(code)] = 1;
    for (int k = 0; k < c.categories().size(); ++k)
        if (present[static_cast<std::size_t>(k)])
            m_classes.push_back(c.categories()[k]);
    if (m_classes.size() < 2)
        throw error(QStringLiteral("target column '%1' holds a single class: a classifier "
                                   "needs at least two")
                        .arg(targetName));
}

bool TargetEncoder::hasTarget(const Dataset &data) const
{
    return !m_name.isEmpty() && data.indexOf(m_name) >= 0;
}

Eigen::VectorXd TargetEncoder::encode(const Dataset &data) const
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Eigen::Index n = data.rowCount();
    Eigen::VectorXd y = Eigen::VectorXd::Constant(n, nan);
    const int index = data.indexOf(m_name);
    if (index < 0 || m_task == EstimatorTask::Clustering)
        return y;
    Column c = data.column(index);
    if (m_task == EstimatorTask::Regression) {
        if (!c.isNumeric()) {
            Column numeric;
            if (!c.toNumeric(numeric))
                throw error(QStringLiteral("target column '%1' is not numeric").arg(m_name));
            c = numeric;
        }
        const auto values = c.values();
        for (Eigen::Index r = 0; r < n; ++r)
            y(r) = values[static_cast<std::size_t>(r)];
        return y;
    }
    if (!c.isCategorical())
        c = c.toCategorical();
    QHash<QString, int> classIndex;
    for (int k = 0; k < m_classes.size(); ++k)
        classIndex.insert(m_classes[k], k);
    std::vector<int> map(static_cast<std::size_t>(c.categories().size()), -1);
    for (int k = 0; k < c.categories().size(); ++k)
        map[static_cast<std::size_t>(k)] = classIndex.value(c.categories()[k], -1);
    const auto codes = c.codes();
    for (Eigen::Index r = 0; r < n; ++r) {
        const int code = codes[static_cast<std::size_t>(r)];
        if (code >= 0 && map[static_cast<std::size_t>(code)] >= 0)
            y(r) = map[static_cast<std::size_t>(code)];
    }
    return y;
}

ModelState TargetEncoder::state() const
{
    ModelState s;
    s.kind = "target_encoder";
    s.setText("name", utf8(m_name));
    s.setText("task",
        m_task == EstimatorTask::Classification   ? "classification"
            : m_task == EstimatorTask::Regression ? "regression"
                                                  : "clustering");
    s.setTextList("classes", toStd(m_classes));
    return s;
}

void TargetEncoder::restore(const ModelState &s)
{
    s.requireKind("target_encoder");
    const std::string &task = s.text("task");
    EstimatorTask t;
    if (task == "classification")
        t = EstimatorTask::Classification;
    else if (task == "regression")
        t = EstimatorTask::Regression;
    else if (task == "clustering")
        t = EstimatorTask::Clustering;
    else
        throw ModelStateError("target_encoder: unknown task '" + task + "'");
    QStringList classes = fromStd(s.textList("classes"));
    if (t == EstimatorTask::Classification && classes.size() < 2)
        throw ModelStateError("target_encoder: a classifier needs at least two classes");
    m_name = QString::fromStdString(s.text("name"));
    m_task = t;
    m_classes = std::move(classes);
}

} // namespace sextant::engine
