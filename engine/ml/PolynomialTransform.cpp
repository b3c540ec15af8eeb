#include "ml/PolynomialTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"

#include <QHash>

namespace sextant::engine {

namespace {
const std::string kStep = "Polynomial features";
constexpr std::size_t kMaxTerms = 100000;

// Appends every non-decreasing (strictly increasing when `distinct`) index tuple of
// length `degree` over [0, n), in itertools.combinations(_with_replacement) order.
void combinations(
    int n, int degree, bool distinct, std::vector<int> &prefix, std::vector<std::vector<int>> &out)
{
    if (static_cast<int>(prefix.size()) == degree) {
        out.push_back(prefix);
        if (out.size() > kMaxTerms)
            throw FitError("Polynomial features: more than 100000 generated columns; select "
                           "fewer columns or a lower degree");
        return;
    }
    const int start = prefix.empty() ? 0 : prefix.back() + (distinct ? 1 : 0);
    for (int i = start; i < n; ++i) {
        prefix.push_back(i);
        combinations(n, degree, distinct, prefix, out);
        prefix.pop_back();
    }
}
} // namespace

void PolynomialTransform::buildTerms()
{
    m_terms.clear();
    const int n = static_cast<int>(m_columns.size());
    std::vector<int> prefix;
    for (int d = 2; d <= m_options.degree; ++d)
        combinations(n, d, m_options.interactionOnly, prefix, m_terms);
}

std::vector<std::string> PolynomialTransform::termNames() const
{
    std::vector<std::string> names;
    for (const std::vector<int> &t : m_terms) {
        std::string name;
        for (std::size_t k = 0; k < t.size();) {
            std::size_t j = k;
            while (j < t.size() && t[j] == t[k])
                ++j;
            if (!name.empty())
                name += '*';
            name += m_columns[static_cast<std::size_t>(t[k])];
            if (j - k > 1)
                name += '^' + std::to_string(j - k);
            k = j;
        }
        names.push_back(std::move(name));
    }
    return names;
}

void PolynomialTransform::fit(const Dataset &data, const FitContext &)
{
    m_fitted = false;
    if (m_options.degree < 2 || m_options.degree > 5)
        throw FitError("Polynomial features: the degree must be between 2 and 5");
    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &c) { return c.isNumeric(); }, kStep, "numeric");
    for (const std::string &name : cols)
        ColumnTransform::requireComplete(
            data.column(data.indexOf(ColumnTransform::qs(name))), kStep);
    m_columns = cols;
    buildTerms();
    m_fitted = true;
}

Dataset PolynomialTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    std::vector<int> indices;
    int last = -1;
    for (const std::string &name : m_columns) {
        const int index = ColumnTransform::requireColumn(data, name, ColumnType::Numeric, kStep);
        ColumnTransform::requireComplete(data.column(index), kStep);
        indices.push_back(index);
        last = std::max(last, index);
    }
    QList<Column> generated;
    const std::vector<std::string> names = termNames();
    const auto rows = static_cast<std::size_t>(data.rowCount());
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        const std::vector<int> &term = m_terms[t];
        // sklearn builds x_i * (x_j * (...)): multiply from the last factor backwards.
        std::vector<double> v(
            data.column(indices[static_cast<std::size_t>(term.back())]).values().begin(),
            data.column(indices[static_cast<std::size_t>(term.back())]).values().end());
        for (std::size_t k = term.size() - 1; k-- > 0;) {
            const auto x = data.column(indices[static_cast<std::size_t>(term[k])]).values();
            for (std::size_t r = 0; r < rows; ++r)
                v[r] = v[r] * x[r];
        }
        generated.push_back(
            ColumnTransform::numericFeature(ColumnTransform::qs(names[t]), std::move(v)));
    }
    QList<Column> out;
    for (int j = 0; j < data.columnCount(); ++j) {
        out.push_back(data.column(j));
        if (j == last)
            out.append(generated);
    }
    return ColumnTransform::rebuild(data, out, kStep);
}

ModelState PolynomialTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setNumber("degree", m_options.degree);
    s.setNumber("interaction_only", m_options.interactionOnly ? 1 : 0);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    return s;
}

void PolynomialTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.degree = static_cast<int>(s.integer("degree", 2, 5));
    o.interactionOnly = s.integer("interaction_only", 0, 1) == 1;
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns", true);
    PolynomialTransform restored(o);
    restored.m_columns = cols;
    try {
        restored.buildTerms();
    } catch (const FitError &e) {
        throw ModelStateError(std::string("polynomial: ") + e.what());
    }
    *this = std::move(restored);
    m_fitted = true;
}

std::unique_ptr<Transformer> PolynomialTransform::cloneUnfitted() const
{
    return std::make_unique<PolynomialTransform>(m_options);
}

} // namespace sextant::engine
