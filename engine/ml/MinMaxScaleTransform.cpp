#include "ml/MinMaxScaleTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"

#include <cmath>
#include <limits>

namespace sextant::engine {

namespace {
const std::string kStep = "Min-max scale";

std::vector<double> toStd(const Eigen::VectorXd &v)
{
    return std::vector<double>(v.data(), v.data() + v.size());
}
} // namespace

void MinMaxScaleTransform::fit(const Dataset &data, const FitContext &)
{
    m_fitted = false;
    if (!std::isfinite(m_options.rangeMin) || !std::isfinite(m_options.rangeMax)
        || !(m_options.rangeMin < m_options.rangeMax))
        throw FitError("Min-max scale: the target range must have min < max");
    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &c) { return c.isNumeric(); }, kStep, "numeric");
    std::vector<double> mins, maxs, scales, offsets;
    const double width = m_options.rangeMax - m_options.rangeMin;
    for (const std::string &name : cols) {
        const Column &c = data.column(data.indexOf(ColumnTransform::qs(name)));
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        bool any = false;
        for (double v : c.values())
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                any = true;
            }
        if (!any)
            throw FitError("column '" + name
                + "' has no value (every cell is missing): Min-max scale cannot "
                  "learn its range");
        double range = hi - lo;
        if (range < 10 * std::numeric_limits<double>::epsilon())
            range = 1.0; // sklearn's _handle_zeros_in_scale
        const double scale = width / range;
        mins.push_back(lo);
        maxs.push_back(hi);
        scales.push_back(scale);
        offsets.push_back(m_options.rangeMin - lo * scale);
    }
    m_columns = cols;
    m_min = std::move(mins);
    m_max = std::move(maxs);
    m_scale = std::move(scales);
    m_offset = std::move(offsets);
    m_fitted = true;
}

Dataset MinMaxScaleTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    Dataset out = data;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const int index
            = ColumnTransform::requireColumn(data, m_columns[i], ColumnType::Numeric, kStep);
        const Column &c = data.column(index);
        std::vector<double> v(c.values().begin(), c.values().end());
        const double sc = m_scale[i], off = m_offset[i];
        for (double &x : v) {
            x *= sc; // the same two roundings as sklearn: X *= scale_; X += min_
            x += off;
        }
        out.replaceColumn(index, ColumnTransform::numericLike(c, std::move(v)));
    }
    return out;
}

ModelState MinMaxScaleTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setNumber("range_min", m_options.rangeMin);
    s.setNumber("range_max", m_options.rangeMax);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    const auto n = static_cast<std::int64_t>(m_columns.size());
    s.setArray("data_min", { n }, m_min);
    s.setArray("data_max", { n }, m_max);
    s.setArray("scale", { n }, m_scale);
    s.setArray("offset", { n }, m_offset);
    return s;
}

void MinMaxScaleTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.rangeMin = s.number("range_min", -1e300, 1e300);
    o.rangeMax = s.number("range_max", -1e300, 1e300);
    if (!(o.rangeMin < o.rangeMax))
        throw ModelStateError("minmax_scale: 'range_min' is not below 'range_max'");
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns", true);
    const auto n = static_cast<std::int64_t>(cols.size());
    const Eigen::VectorXd lo = ColumnTransform::restoreVector(s, "data_min", n);
    const Eigen::VectorXd hi = ColumnTransform::restoreVector(s, "data_max", n);
    const Eigen::VectorXd scale = ColumnTransform::restoreVector(s, "scale", n);
    const Eigen::VectorXd offset = ColumnTransform::restoreVector(s, "offset", n);
    for (Eigen::Index i = 0; i < n; ++i)
        if (!(lo(i) <= hi(i)) || !(scale(i) > 0))
            throw ModelStateError("minmax_scale: the range of column '"
                + cols[static_cast<std::size_t>(i)] + "' is inconsistent");
    m_options = std::move(o);
    m_columns = cols;
    m_min = toStd(lo);
    m_max = toStd(hi);
    m_scale = toStd(scale);
    m_offset = toStd(offset);
    m_fitted = true;
}

std::unique_ptr<Transformer> MinMaxScaleTransform::cloneUnfitted() const
{
    return std::make_unique<MinMaxScaleTransform>(m_options);
}

} // namespace sextant::engine
