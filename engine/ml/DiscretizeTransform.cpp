#include "ml/DiscretizeTransform.h"

#include "data/Dataset.h"
#include "ml/ColumnTransform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace sextant::engine {

namespace {

const std::string kStep = "Discretize";
const std::vector<std::string> kStrategies = { "uniform", "quantile" };
const std::vector<std::string> kOutputs = { "interval", "index" };
constexpr double kInf = std::numeric_limits<double>::infinity();

// numpy.linspace(start, stop, num) for num >= 2, bit for bit.
std::vector<double> linspace(double start, double stop, int num)
{
    std::vector<double> out(static_cast<std::size_t>(num));
    const double step = (stop - start) / static_cast<double>(num - 1);
    for (int i = 0; i < num; ++i)
        out[static_cast<std::size_t>(i)] = static_cast<double>(i) * step + start;
    out.back() = stop;
    return out;
}

// numpy.percentile(sorted, q) with the default 'linear' method, bit for bit.
double percentile(const std::vector<double> &sorted, double q)
{
    const double quantile = q / 100.0;
    const auto n = static_cast<std::int64_t>(sorted.size());
    const double virtualIndex = static_cast<double>(n - 1) * quantile;
    if (virtualIndex >= static_cast<double>(n - 1))
        return sorted.back();
    if (virtualIndex < 0)
        return sorted.front();
    const auto previous = static_cast<std::int64_t>(std::floor(virtualIndex));
    const double a = sorted[static_cast<std::size_t>(previous)];
    const double b = sorted[static_cast<std::size_t>(previous + 1)];
    const double t = virtualIndex - static_cast<double>(previous);
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t; // numpy's _lerp
}

std::string formatEdge(double v, int precision)
{
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return QString::number(v, 'g', precision).toStdString();
}

} // namespace

std::vector<std::string> DiscretizeTransform::labels(std::size_t i) const
{
    const std::vector<double> &e = m_edges.at(i);
    const std::size_t bins = e.size() - 1;
    // The shortest precision (from 4 significant digits) that keeps the inner edges apart.
    int precision = 4;
    for (; precision < 17; ++precision) {
        std::set<std::string> distinct;
        for (std::size_t k = 1; k < bins; ++k)
            distinct.insert(formatEdge(e[k], precision));
        if (distinct.size() == bins - 1)
            break;
    }
    std::vector<std::string> out;
    for (std::size_t k = 0; k < bins; ++k) {
        const std::string lo = k == 0 ? "-inf" : formatEdge(e[k], precision);
        const std::string hi = k + 1 == bins ? "inf" : formatEdge(e[k + 1], precision);
        out.push_back((k == 0 ? "(" : "[") + lo + ", " + hi + ")");
    }
    return out;
}

void DiscretizeTransform::fit(const Dataset &data, const FitContext &)
{
    m_fitted = false;
    if (m_options.bins < 2 || m_options.bins > 10000)
        throw FitError("Discretize: the number of bins must be between 2 and 10000");
    const std::vector<std::string> cols = ColumnTransform::selectColumns(
        data, m_options.columns, [](const Column &c) { return c.isNumeric(); }, kStep, "numeric");
    std::vector<std::vector<double>> allEdges;
    for (const std::string &name : cols) {
        const Column &c = data.column(data.indexOf(ColumnTransform::qs(name)));
        std::vector<double> present;
        for (double v : c.values())
            if (!std::isnan(v))
                present.push_back(v);
        if (present.empty())
            throw FitError("column '" + name
                + "' has no value (every cell is missing): Discretize cannot learn "
                  "its bins");
        if (std::any_of(present.begin(), present.end(), [](double v) { return std::isinf(v); }))
            throw FitError("column '" + name
                + "' holds an infinite value: Discretize needs "
                  "finite values");
        std::sort(present.begin(), present.end());
        const double lo = present.front(), hi = present.back();
        std::vector<double> edges;
        if (lo == hi) {
            edges = { -kInf, kInf };
        } else if (m_options.strategy == Strategy::Uniform) {
            edges = linspace(lo, hi, m_options.bins + 1);
        } else {
            const std::vector<double> q = linspace(0.0, 100.0, m_options.bins + 1);
            std::vector<double> all;
            for (double p : q)
                all.push_back(percentile(present, p));
            // Remove bins whose width is too small (numpy.ediff1d(..., to_begin=inf) > 1e-8).
            edges.push_back(all[0]);
            for (std::size_t k = 1; k < all.size(); ++k)
                if (all[k] - all[k - 1] > 1e-8)
                    edges.push_back(all[k]);
            if (edges.size() < 2)
                edges = { -kInf, kInf };
        }
        allEdges.push_back(std::move(edges));
    }
    m_columns = cols;
    m_edges = std::move(allEdges);
    m_fitted = true;
}

Dataset DiscretizeTransform::transform(const Dataset &data) const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    Dataset out = data;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const int index
            = ColumnTransform::requireColumn(data, m_columns[i], ColumnType::Numeric, kStep);
        const Column &c = data.column(index);
        const std::vector<double> &e = m_edges[i];
        const auto innerBegin = e.begin() + 1;
        const auto innerEnd = e.end() - 1;
        const auto values = c.values();
        const std::size_t rows = values.size();
        if (m_options.output == Output::Index) {
            std::vector<double> bins(rows);
            for (std::size_t r = 0; r < rows; ++r)
                bins[r] = std::isnan(values[r])
                    ? values[r]
                    : static_cast<double>(
                        std::upper_bound(innerBegin, innerEnd, values[r]) - innerBegin);
            out.replaceColumn(index, ColumnTransform::numericLike(c, std::move(bins)));
        } else {
            std::vector<std::int32_t> codes(rows);
            for (std::size_t r = 0; r < rows; ++r)
                codes[r] = std::isnan(values[r])
                    ? -1
                    : static_cast<std::int32_t>(
                        std::upper_bound(innerBegin, innerEnd, values[r]) - innerBegin);
            QStringList cats;
            for (const std::string &l : labels(i))
                cats.push_back(ColumnTransform::qs(l));
            Column nc = Column::categorical(c.name(), std::move(codes), std::move(cats));
            nc.setRole(c.role());
            out.replaceColumn(index, std::move(nc));
        }
    }
    return out;
}

ModelState DiscretizeTransform::state() const
{
    ColumnTransform::requireFitted(m_fitted, kStep);
    ModelState s;
    s.kind = kind();
    s.setNumber("bins", m_options.bins);
    s.setText("strategy", kStrategies[static_cast<std::size_t>(m_options.strategy)]);
    s.setText("output", kOutputs[static_cast<std::size_t>(m_options.output)]);
    s.setTextList("option_columns", m_options.columns);
    s.setTextList("columns", m_columns);
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        s.setArray(
            "edges/" + m_columns[i], { static_cast<std::int64_t>(m_edges[i].size()) }, m_edges[i]);
    return s;
}

void DiscretizeTransform::restore(const ModelState &s)
{
    s.requireKind(kind());
    Options o;
    o.bins = static_cast<int>(s.integer("bins", 2, 10000));
    o.strategy = static_cast<Strategy>(ColumnTransform::restoreChoice(s, "strategy", kStrategies));
    o.output = static_cast<Output>(ColumnTransform::restoreChoice(s, "output", kOutputs));
    o.columns = ColumnTransform::restoreColumns(s, "option_columns", true);
    const std::vector<std::string> cols = ColumnTransform::restoreColumns(s, "columns", true);
    std::vector<std::vector<double>> allEdges;
    for (const std::string &c : cols) {
        const Eigen::VectorXd e = s.vector("edges/" + c);
        if (e.size() < 2 || e.size() > o.bins + 1)
            throw ModelStateError("discretize: 'edges/" + c + "' has " + std::to_string(e.size())
                + " entries, expected 2 to " + std::to_string(o.bins + 1));
        for (Eigen::Index k = 0; k < e.size(); ++k) {
            if (std::isnan(e(k)) || (k > 0 && !(e(k) > e(k - 1))))
                throw ModelStateError("discretize: 'edges/" + c + "' is not increasing");
            if (k > 0 && k + 1 < e.size() && !std::isfinite(e(k)))
                throw ModelStateError("discretize: 'edges/" + c + "' has an infinite inner edge");
        }
        allEdges.emplace_back(e.data(), e.data() + e.size());
    }
    m_options = std::move(o);
    m_columns = cols;
    m_edges = std::move(allEdges);
    m_fitted = true;
}

std::unique_ptr<Transformer> DiscretizeTransform::cloneUnfitted() const
{
    return std::make_unique<DiscretizeTransform>(m_options);
}

} // namespace sextant::engine
