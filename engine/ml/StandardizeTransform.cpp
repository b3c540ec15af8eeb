#include "ml/StandardizeTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"

#include <cmath>
#include <limits>

namespace sextant::engine {

namespace {
const std::string kStep = "Standardize";

std::vector<double> toStd(const Eigen::VectorXd &v)
{
    return std::vector<double>(v.data(), v.data() + v.size());
}
} // namespace

void StandardizeTransform::fit(const Dataset &data, const FitContext &)
{
    m_fitted = false;
    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &c) { return c.isNumeric(); }, kStep, "numeric");
    std::vector<double> mean, var, offset, scale;
    constexpr double eps = std::numeric_limits<double>::epsilon();
    for (const std::string &name : cols) {
        const Column &c = data.column(data.indexOf(ColumnTransform::qs(name)));
        // scikit-learn's _incremental_mean_and_var on a first batch: the mean, then the
        // corrected two-pass variance sum((x - m)^2) - (sum(x - m))^2 / n, over n.
        double sum = 0;
        std::int64_t n = 0;
        for (double v : c.values())
            if (!std::isnan(v)) {
                sum += v;
                ++n;
            }
        if (n == 0)
            throw FitError("column '" + name
                + "' has no value (every cell is missing): Standardize cannot learn "
                  "its mean");
        const double dn = static_cast<double>(n);
        const double m = sum / dn;
        double correction = 0, squares = 0;
        for (double v : c.values())
            if (!std::isnan(v)) {
                const double t = v - m;
                correction += t;
                squares += t * t;
            }
        const double variance = (squares - correction * correction / dn) / dn;
        // sklearn's _is_constant_feature: a variance within rounding of zero.
        const double bound = dn * eps * variance + (dn * m * eps) * (dn * m * eps);
        const bool constant = variance <= bound;
        mean.push_back(m);
        var.push_back(variance);
        offset.push_back(m_options.withMean ? m : 0.0);
        scale.push_back(!m_options.withStd || constant ? 1.0 : std::sqrt(variance));
    }
    m_columns = cols;
    m_mean = std::move(mean);
    m_var = std::move(var);
    m_offset = std::move(offset);
    m_scale = std::move(scale);
    m_fitted = true;
}

Dataset StandardizeTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    Dataset out = data;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const int index
            = ColumnTransform::requireColumn(data, m_columns[i], ColumnType::Numeric, kStep);
        const Column &c = data.column(index);
        std::vector<double> v(c.values().begin(), c.values().end());
        const double off = m_offset[i], sc = m_scale[i];
        for (double &x : v)
            x = (x - off) / sc; // NaN stays NaN
        out.replaceColumn(index, ColumnTransform::numericLike(c, std::move(v)));
    }
    return out;
}

ModelState StandardizeTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setNumber("with_mean", m_options.withMean ? 1 : 0);
    s.setNumber("with_std", m_options.withStd ? 1 : 0);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    const auto n = static_cast<std::int64_t>(m_columns.size());
    s.setArray("mean", { n }, m_mean);
    s.setArray("var", { n }, m_var);
    s.setArray("offset", { n }, m_offset);
    s.setArray("scale", { n }, m_scale);
    return s;
}

void StandardizeTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.withMean = s.integer("with_mean", 0, 1) == 1;
    o.withStd = s.integer("with_std", 0, 1) == 1;
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns", true);
    const auto n = static_cast<std::int64_t>(cols.size());
    const Eigen::VectorXd mean = ColumnTransform::restoreVector(s, "mean", n);
    const Eigen::VectorXd var = ColumnTransform::restoreVector(s, "var", n);
    const Eigen::VectorXd offset = ColumnTransform::restoreVector(s, "offset", n);
    const Eigen::VectorXd scale = ColumnTransform::restoreVector(s, "scale", n);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!(scale(i) > 0))
            throw ModelStateError("standardize: the scale of column '"
                + cols[static_cast<std::size_t>(i)] + "' is not positive");
        if (var(i) < 0)
            throw ModelStateError("standardize: the variance of column '"
                + cols[static_cast<std::size_t>(i)] + "' is negative");
    }
    m_options = std::move(o);
    m_columns = cols;
    m_mean = toStd(mean);
    m_var = toStd(var);
    m_offset = toStd(offset);
    m_scale = toStd(scale);
    m_fitted = true;
}

std::unique_ptr<Transformer> StandardizeTransform::cloneUnfitted() const
{
    return std::make_unique<StandardizeTransform>(m_options);
}

} // namespace sextant::engine
