#include "nodes/ScatterMatrixNode.h"

#include "data/Dataset.h"
#include "nodes/ColumnLookup.h"
#include "nodes/ScatterMatrixData.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sextant::engine {

NodeType ScatterMatrixNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Scatter Plot Matrix");
    t.description = QStringLiteral("Scatter plots of every pair of up to ten numeric columns, "
                                   "histograms on the diagonal, coloured by class.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns to pair (at most %1). Empty: the first %2 numeric "
                           "columns but the target.")
                .arg(kMaxColumns)
                .arg(kDefaultColumns),
            ColumnFilter::Numeric),
        ParameterSpec::column(QStringLiteral("color"), QStringLiteral("Colour"),
            QStringLiteral("Categorical column giving each point its colour. Empty: a column "
                           "named \"cluster\", else the categorical target, if any."),
            ColumnFilter::Categorical),
        ParameterSpec::integer(QStringLiteral("max_points"), QStringLiteral("Most points"), 5000,
            100, 1000000,
            QStringLiteral("Rows drawn in each scatter; above, a seeded random sample.")),
        ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Bins"), 20, 2, 200,
            QStringLiteral("Bins of the histograms on the diagonal.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Seed of the row sample.")),
    };
    t.setCompute(&ScatterMatrixNode::compute);
    return t;
}

void ScatterMatrixNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    QList<int> columns;
    const QStringList names = ctx.listParameter(QStringLiteral("columns"));
    if (names.isEmpty()) {
        for (int i : data.numericColumns())
            if (data.column(i).role() != ColumnRole::Target && columns.size() < kDefaultColumns)
                columns.push_back(i);
    } else {
        columns = ColumnLookup::requireAll(data, names, QStringLiteral("Columns"));
        if (columns.size() > kMaxColumns)
            throw NodeError(QStringLiteral("Columns: %1 columns chosen; a scatter matrix pairs at "
                                           "most %2")
                                .arg(columns.size())
                                .arg(kMaxColumns));
        for (int i : columns)
            if (!data.column(i).isNumeric())
                throw NodeError(QStringLiteral("Columns: column '%1' is not numeric")
                                    .arg(data.column(i).name()));
    }
    if (columns.size() < 2)
        throw NodeError(QCoreApplication::translate(
            "NodeError", "a scatter matrix needs at least two numeric columns"));

    int color = -1;
    const QString colorName = ctx.stringParameter(QStringLiteral("color"));
    if (!colorName.isEmpty()) {
        color = ColumnLookup::require(data, colorName, QStringLiteral("Colour"));
        if (!data.column(color).isCategorical())
            throw NodeError(
                QStringLiteral("Colour: column '%1' is not categorical").arg(colorName));
    } else {
        for (int i = 0; i < data.columnCount() && color < 0; ++i)
            if (data.column(i).isCategorical()
                && data.column(i).name().compare(QLatin1String("cluster"), Qt::CaseInsensitive)
                    == 0)
                color = i;
        for (int i : data.columnsWithRole(ColumnRole::Target))
            if (color < 0 && data.column(i).isCategorical())
                color = i;
    }

    ScatterMatrixData out;
    out.tableRows = data.rowCount();
    const auto n = static_cast<std::size_t>(data.rowCount());
    std::vector<std::int32_t> classOf(n, 0);
    if (color >= 0) {
        const Column &c = data.column(color);
        out.colorColumn = c.name();
        out.classNames = c.categories();
        const auto missing = static_cast<std::int32_t>(out.classNames.size());
        bool anyMissing = false;
        for (std::size_t r = 0; r < n; ++r) {
            const std::int32_t code = c.codes()[r];
            anyMissing = anyMissing || code < 0;
            classOf[r] = code < 0 ? missing : code;
        }
        if (anyMissing)
            out.classNames << QStringLiteral("(missing)");
    } else {
        out.classNames << QStringLiteral("all rows");
    }
    const auto K = static_cast<std::size_t>(out.classNames.size());

    std::vector<std::int64_t> rows(n);
    std::iota(rows.begin(), rows.end(), std::int64_t(0));
    const auto maxPoints = static_cast<std::size_t>(ctx.intParameter(QStringLiteral("max_points")));
    if (rows.size() > maxPoints) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed"))));
        for (std::size_t i = 0; i < maxPoints; ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, rows.size() - 1);
            std::swap(rows[i], rows[pick(rng)]);
        }
        rows.resize(maxPoints);
        std::sort(rows.begin(), rows.end());
        out.sampled = true;
    }
    for (std::int64_t r : rows)
        out.classes.push_back(classOf[static_cast<std::size_t>(r)]);

    const int bins = static_cast<int>(ctx.intParameter(QStringLiteral("bins")));
    for (int ci = 0; ci < columns.size(); ++ci) {
        const Column &c = data.column(columns[ci]);
        out.columns << c.name();
        std::vector<double> drawn;
        drawn.reserve(rows.size());
        for (std::int64_t r : rows)
            drawn.push_back(c.values()[static_cast<std::size_t>(r)]);
        out.values.push_back(std::move(drawn));
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double v : c.values())
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        std::vector<double> edges;
        std::vector<std::int64_t> counts(K * static_cast<std::size_t>(bins), 0);
        if (lo <= hi) {
            if (hi == lo) {
                lo -= 0.5;
                hi += 0.5;
            }
            for (int b = 0; b <= bins; ++b)
                edges.push_back(lo + (hi - lo) * b / bins);
            const auto values = c.values();
            for (std::size_t r = 0; r < n; ++r) {
                const double v = values[r];
                if (std::isnan(v))
                    continue;
                const int b
                    = std::clamp(static_cast<int>((v - lo) / (hi - lo) * bins), 0, bins - 1);
                ++counts[static_cast<std::size_t>(classOf[r]) * static_cast<std::size_t>(bins)
                    + static_cast<std::size_t>(b)];
            }
        }
        out.edges.push_back(std::move(edges));
        out.counts.push_back(std::move(counts));
        if (ctx.cancelled())
            return;
        ctx.progress(double(ci + 1) / double(columns.size()));
    }
    out.rows = std::move(rows);
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
