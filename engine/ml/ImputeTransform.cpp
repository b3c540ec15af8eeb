#include "ml/ImputeTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace sextant::engine {

namespace {

const std::string kStep = "Impute";
const std::vector<std::string> kStrategies = { "mean", "median", "most_frequent", "constant" };
const std::vector<std::string> kCategoricalStrategies = { "most_frequent", "constant" };

double numericStatistic(const Column &c, ImputeTransform::Strategy strategy)
{
    std::vector<double> present;
    present.reserve(static_cast<std::size_t>(c.size() - c.missingCount()));
    for (double v : c.values())
        if (!std::isnan(v))
            present.push_back(v);
    if (present.empty())
        throw FitError("column '" + c.name().toStdString()
            + "' has no value to impute from (every cell is missing): use the "
              "constant strategy or drop the column");
    switch (strategy) {
    case ImputeTransform::Strategy::Mean: {
        double sum = 0;
        for (double v : present)
            sum += v;
        return sum / static_cast<double>(present.size());
    }
    case ImputeTransform::Strategy::Median: {
        const std::size_t n = present.size();
        const std::size_t mid = n / 2;
        std::nth_element(
            present.begin(), present.begin() + static_cast<std::ptrdiff_t>(mid), present.end());
        const double upper = present[mid];
        if (n % 2 == 1)
            return upper;
        const double lower = *std::max_element(
            present.begin(), present.begin() + static_cast<std::ptrdiff_t>(mid));
        // numpy's median averages the two middle values this way.
        return (lower + upper) / 2.0;
    }
    case ImputeTransform::Strategy::MostFrequent: {
        std::sort(present.begin(), present.end());
        double best = present[0];
        std::size_t bestCount = 0;
        for (std::size_t i = 0; i < present.size();) {
            std::size_t j = i;
            while (j < present.size() && present[j] == present[i])
                ++j;
            if (j - i > bestCount) { // strict: ties keep the smaller value
                bestCount = j - i;
                best = present[i];
            }
            i = j;
        }
        return best;
    }
    case ImputeTransform::Strategy::Constant:
        break;
    }
    return 0.0;
}

std::string mostFrequentCategory(const Column &c)
{
    std::vector<std::int64_t> counts(static_cast<std::size_t>(c.categories().size()), 0);
    for (std::int32_t code : c.codes())
        if (code >= 0)
            ++counts[static_cast<std::size_t>(code)];
    int best = -1;
    for (int i = 0; i < static_cast<int>(counts.size()); ++i) {
        if (counts[i] == 0)
            continue;
        if (best < 0 || counts[i] > counts[best]
            || (counts[i] == counts[best] && c.categories()[i] < c.categories()[best]))
            best = i;
    }
    if (best < 0)
        throw FitError("column '" + c.name().toStdString()
            + "' has no value to impute from (every cell is missing): use the "
              "constant strategy or drop the column");
    return c.categories()[best].toStdString();
}

} // namespace

void ImputeTransform::fit(const Dataset &data, const FitContext &)
{
    m_fitted = false;
    m_columns.clear();
    m_categorical.clear();
    m_values.clear();
    m_categories.clear();
    if (m_options.strategy == Strategy::Constant && !std::isfinite(m_options.fillValue))
        throw FitError("Impute: the constant fill value must be a finite number");
    if (m_options.categoricalStrategy == CategoricalStrategy::Constant
        && m_options.fillCategory.empty())
        throw FitError("Impute: the constant fill category must not be empty");

    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &) { return true; }, kStep, "any type");
    std::vector<std::uint8_t> categorical;
    std::vector<double> values;
    std::vector<std::string> categories;
    for (const std::string &name : cols) {
        const Column &c = data.column(data.indexOf(ColumnTransform::qs(name)));
        if (c.isNumeric()) {
            categorical.push_back(0);
            values.push_back(m_options.strategy == Strategy::Constant
                    ? m_options.fillValue
                    : numericStatistic(c, m_options.strategy));
            categories.emplace_back();
        } else {
            categorical.push_back(1);
            values.push_back(std::numeric_limits<double>::quiet_NaN());
            categories.push_back(m_options.categoricalStrategy == CategoricalStrategy::Constant
                    ? m_options.fillCategory
                    : mostFrequentCategory(c));
        }
    }
    m_columns = cols;
    m_categorical = std::move(categorical);
    m_values = std::move(values);
    m_categories = std::move(categories);
    m_fitted = true;
}

Dataset ImputeTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    Dataset out = data;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const int index = ColumnTransform::requireColumn(data, m_columns[i],
            m_categorical[i] ? ColumnType::Categorical : ColumnType::Numeric, kStep);
        const Column &c = data.column(index);
        if (c.missingCount() == 0)
            continue;
        if (!m_categorical[i]) {
            std::vector<double> v(c.values().begin(), c.values().end());
            for (double &x : v)
                if (std::isnan(x))
                    x = m_values[i];
            out.replaceColumn(index, ColumnTransform::numericLike(c, std::move(v)));
        } else {
            QStringList cats = c.categories();
            const QString fill = ColumnTransform::qs(m_categories[i]);
            std::int32_t code = static_cast<std::int32_t>(cats.indexOf(fill));
            if (code < 0) {
                code = static_cast<std::int32_t>(cats.size());
                cats.push_back(fill);
            }
            std::vector<std::int32_t> codes(c.codes().begin(), c.codes().end());
            for (std::int32_t &x : codes)
                if (x < 0)
                    x = code;
            Column nc = Column::categorical(c.name(), std::move(codes), std::move(cats));
            nc.setRole(c.role());
            out.replaceColumn(index, std::move(nc));
        }
    }
    return out;
}

ModelState ImputeTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setText("strategy", kStrategies[static_cast<std::size_t>(m_options.strategy)]);
    s.setText("categorical_strategy",
        kCategoricalStrategies[static_cast<std::size_t>(m_options.categoricalStrategy)]);
    s.setNumber("fill_value", m_options.fillValue);
    s.setText("fill_category", m_options.fillCategory);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    const auto n = static_cast<std::int64_t>(m_columns.size());
    s.setArray(
        "categorical", { n }, std::vector<double>(m_categorical.begin(), m_categorical.end()));
    s.setArray("values", { n }, m_values);
    s.setTextList("categories", m_categories);
    return s;
}

void ImputeTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.strategy = static_cast<Strategy>(ColumnTransform::restoreChoice(s, "strategy", kStrategies));
    o.categoricalStrategy = static_cast<CategoricalStrategy>(
        ColumnTransform::restoreChoice(s, "categorical_strategy", kCategoricalStrategies));
    o.fillValue = s.number("fill_value");
    o.fillCategory = s.text("fill_category");
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns", true);
    const auto n = static_cast<std::int64_t>(cols.size());
    const Eigen::VectorXd cat = ColumnTransform::restoreVector(s, "categorical", n);
    const Eigen::VectorXd values = ColumnTransform::restoreVector(s, "values", n, true);
    const std::vector<std::string> &cats = s.textList("categories");
    if (static_cast<std::int64_t>(cats.size()) != n)
        throw ModelStateError("impute: 'categories' has " + std::to_string(cats.size())
            + " entries, expected " + std::to_string(n));
    std::vector<std::uint8_t> categorical;
    for (std::int64_t i = 0; i < n; ++i) {
        if (cat(i) != 0 && cat(i) != 1)
            throw ModelStateError("impute: 'categorical' holds a value other than 0 or 1");
        const bool isCat = cat(i) == 1;
        if (isCat && cats[static_cast<std::size_t>(i)].empty())
            throw ModelStateError("impute: the fill category of column '"
                + cols[static_cast<std::size_t>(i)] + "' is empty");
        if (!isCat && !std::isfinite(values(i)))
            throw ModelStateError("impute: the fill value of column '"
                + cols[static_cast<std::size_t>(i)] + "' is not finite");
        categorical.push_back(isCat ? 1 : 0);
    }
    m_options = std::move(o);
    m_columns = cols;
    m_categorical = std::move(categorical);
    m_values.assign(values.data(), values.data() + values.size());
    m_categories = cats;
    m_fitted = true;
}

std::unique_ptr<Transformer> ImputeTransform::cloneUnfitted() const
{
    return std::make_unique<ImputeTransform>(m_options);
}

} // namespace sextant::engine
