#include "nodes/LinePlotNode.h"

#include "data/Dataset.h"
#include "nodes/ColumnLookup.h"
#include "nodes/LinePlotData.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sextant::engine {

NodeType LinePlotNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Line Plot");
    t.description = QStringLiteral("Numeric columns as lines against a date column, a numeric "
                                   "column or the row number, with an optional rolling mean.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::column(QStringLiteral("x"), QStringLiteral("X"),
            QStringLiteral("Date or numeric column along the horizontal axis; the rows are "
                           "drawn in its order. Empty: the first date column, else the row "
                           "number."),
            ColumnFilter::Numeric),
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Series"),
            QStringLiteral("Numeric columns drawn as lines. Empty: the numeric columns that "
                           "are not the x, the target or dates (the first %1).")
                .arg(kMaxAutoSeries),
            ColumnFilter::Numeric),
        ParameterSpec::integer(QStringLiteral("rolling"), QStringLiteral("Rolling mean"), 0, 0,
            100000,
            QStringLiteral("Also draw each series' mean over this many points (a window "
                           "with a missing value has none); 0 or 1: no rolling mean.")),
    };
    t.setCompute(&LinePlotNode::compute);
    return t;
}

std::vector<double> LinePlotNode::rollingMean(std::span<const double> values, int window)
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> out(values.size(), kNaN);
    if (window < 1)
        return out;
    const auto w = std::size_t(window);
    // A running sum over the finite values, restarted after a missing one, re-summed every
    // window so rounding does not build up over millions of points.
    double sum = 0;
    std::size_t run = 0; // finite values in a row ending here
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            run = 0;
            sum = 0;
            continue;
        }
        ++run;
        sum += v;
        if (run > w)
            sum -= values[i - w];
        if (run >= w) {
            if ((i % 4096) == 0) {
                sum = 0;
                for (std::size_t k = i + 1 - w; k <= i; ++k)
                    sum += values[k];
            }
            out[i] = sum / double(w);
        }
    }
    return out;
}

void LinePlotNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QString xName = ctx.stringParameter(QStringLiteral("x"));
    int xColumn = -1;
    if (!xName.isEmpty()) {
        xColumn = ColumnLookup::require(data, xName, QStringLiteral("X"));
        if (!data.column(xColumn).isNumeric())
            throw NodeError(
                QStringLiteral("X: column '%1' is not a date or numeric column").arg(xName));
    } else {
        for (int i = 0; i < data.columnCount() && xColumn < 0; ++i)
            if (data.column(i).isDateTime())
                xColumn = i;
    }

    QList<int> columns;
    const QStringList names = ctx.listParameter(QStringLiteral("columns"));
    if (names.isEmpty()) {
        for (int i : data.numericColumns())
            if (i != xColumn && data.column(i).role() != ColumnRole::Target
                && !data.column(i).isDateTime() && columns.size() < kMaxAutoSeries)
                columns.push_back(i);
        if (columns.isEmpty())
            throw NodeError(QStringLiteral("the input table has no numeric column to draw"));
    } else {
        columns = ColumnLookup::requireAll(data, names, QStringLiteral("Series"));
        for (int i : columns)
            if (!data.column(i).isNumeric())
                throw NodeError(QStringLiteral("Series: column '%1' is not numeric (make it "
                                               "numeric in the column list)")
                                    .arg(data.column(i).name()));
    }

    LinePlotData out;
    const std::int64_t n = data.rowCount();
    std::vector<std::int64_t> order;
    order.reserve(std::size_t(n));
    if (xColumn >= 0) {
        const Column &x = data.column(xColumn);
        out.xName = x.name();
        out.xIsDate = x.isDateTime();
        out.xDateOnly = x.isDateOnly();
        const auto xs = x.values();
        for (std::int64_t r = 0; r < n; ++r)
            if (std::isfinite(xs[std::size_t(r)]))
                order.push_back(r);
        out.droppedRows = n - std::int64_t(order.size());
        std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
            return xs[std::size_t(a)] < xs[std::size_t(b)];
        });
        out.x.reserve(order.size());
        for (std::int64_t r : order)
            out.x.push_back(xs[std::size_t(r)]);
    } else {
        order.resize(std::size_t(n));
        std::iota(order.begin(), order.end(), std::int64_t(0));
        out.x.resize(std::size_t(n));
        std::iota(out.x.begin(), out.x.end(), 1.0);
    }
    if (ctx.cancelled())
        return;

    const qlonglong rolling = ctx.intParameter(QStringLiteral("rolling"));
    out.window = rolling > 1 ? int(rolling) : 0;
    for (int ci = 0; ci < columns.size(); ++ci) {
        const Column &c = data.column(columns[ci]);
        LinePlotData::Series s;
        s.name = c.name();
        const auto v = c.values();
        s.values.reserve(order.size());
        for (std::int64_t r : order)
            s.values.push_back(v[std::size_t(r)]);
        if (out.window > 0)
            s.rolling = rollingMean(s.values, out.window);
        out.series.push_back(std::move(s));
        ctx.progress(double(ci + 1) / double(columns.size()));
        if (ctx.cancelled())
            return;
    }
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
