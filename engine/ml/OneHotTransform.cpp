#include "ml/OneHotTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"

#include <QHash>
#include <set>

namespace sextant::engine {

namespace {
const std::string kStep = "One-hot";
}

void OneHotTransform::fit(const Dataset &data, const FitContext &)
{
    m_fitted = false;
    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &c) { return c.isCategorical(); }, kStep,
        "categorical");
    std::vector<std::vector<std::string>> categories;
    for (const std::string &name : cols) {
        const Column &c = data.column(data.indexOf(ColumnTransform::qs(name)));
        std::vector<std::uint8_t> used(static_cast<std::size_t>(c.categories().size()), 0);
        for (std::int32_t code : c.codes())
            if (code >= 0)
                used[static_cast<std::size_t>(code)] = 1;
        std::vector<std::string> seen;
        for (qsizetype k = 0; k < c.categories().size(); ++k)
            if (used[static_cast<std::size_t>(k)])
                seen.push_back(ColumnTransform::ss(c.categories()[k]));
        if (seen.empty())
            throw FitError("column '" + name
                + "' has no value (every cell is missing): One-hot has no category "
                  "to encode");
        categories.push_back(std::move(seen));
    }
    m_columns = cols;
    m_categories = std::move(categories);
    m_fitted = true;
}

Dataset OneHotTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    // Which table column is encoded by which fitted entry.
    QHash<int, std::size_t> encoded;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        encoded.insert(
            ColumnTransform::requireColumn(data, m_columns[i], ColumnType::Categorical, kStep), i);
    QList<Column> out;
    for (int j = 0; j < data.columnCount(); ++j) {
        const Column &c = data.column(j);
        auto it = encoded.constFind(j);
        if (it == encoded.constEnd()) {
            out.push_back(c);
            continue;
        }
        const std::vector<std::string> &cats = m_categories[it.value()];
        const std::size_t first = m_options.dropFirst ? 1 : 0;
        // Table code -> output column (or -1).
        std::vector<int> target(static_cast<std::size_t>(c.categories().size()), -1);
        for (qsizetype k = 0; k < c.categories().size(); ++k) {
            const std::string name = ColumnTransform::ss(c.categories()[k]);
            for (std::size_t m = first; m < cats.size(); ++m)
                if (cats[m] == name) {
                    target[static_cast<std::size_t>(k)] = static_cast<int>(m - first);
                    break;
                }
        }
        const std::size_t rows = static_cast<std::size_t>(data.rowCount());
        std::vector<std::vector<double>> cells(cats.size() - first, std::vector<double>(rows, 0.0));
        const auto codes = c.codes();
        for (std::size_t r = 0; r < rows; ++r) {
            const std::int32_t code = codes[r];
            if (code >= 0 && target[static_cast<std::size_t>(code)] >= 0)
                cells[static_cast<std::size_t>(target[static_cast<std::size_t>(code)])][r] = 1.0;
        }
        for (std::size_t m = first; m < cats.size(); ++m)
            out.push_back(ColumnTransform::numericFeature(
                c.name() + QLatin1Char('=') + ColumnTransform::qs(cats[m]),
                std::move(cells[m - first])));
    }
    return ColumnTransform::rebuild(data, out, kStep);
}

ModelState OneHotTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setNumber("drop_first", m_options.dropFirst ? 1 : 0);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        s.setTextList("categories/" + m_columns[i], m_categories[i]);
    return s;
}

void OneHotTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.dropFirst = s.integer("drop_first", 0, 1) == 1;
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns", true);
    std::vector<std::vector<std::string>> categories;
    for (const std::string &c : cols)
        categories.push_back(ColumnTransform::restoreColumns(s, "categories/" + c));
    m_options = std::move(o);
    m_columns = cols;
    m_categories = std::move(categories);
    m_fitted = true;
}

std::unique_ptr<Transformer> OneHotTransform::cloneUnfitted() const
{
    return std::make_unique<OneHotTransform>(m_options);
}

} // namespace sextant::engine
