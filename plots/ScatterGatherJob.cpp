#include "plots/ScatterGatherJob.h"

#include <cmath>
#include <limits>

namespace sextant::plots {

using engine::Column;
using engine::ColumnRole;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool looksCategorical(const Column &c)
{
    return c.isCategorical() || c.suggestsCategorical();
}

struct Found {
    const Column *column = nullptr;
    bool extra = false;
};

Found find(const ScatterSource &s, const QString &name)
{
    if (name.isEmpty())
        return {};
    for (const Column &c : s.extra)
        if (c.name() == name)
            return { &c, true };
    const int i = s.table.indexOf(name);
    if (i >= 0)
        return { &s.table.column(i), false };
    return {};
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The column over the chosen points. `subset`: the points are `rows` (extraRows);
// otherwise one point per table row (`tableRows` of them).
Column align(const Found &f, bool subset, const std::vector<qint64> &rows, qint64 tableRows)
{
    const Column &c = *f.column;
    if (f.extra == subset || (f.extra && rows.empty()))
        return c; // already one entry per point: shared
    if (!f.extra) { // table column at the rows of the computed columns
        if (c.isCategorical()) {
            std::vector<std::int32_t> codes;
            codes.reserve(rows.size());
            for (qint64 r : rows)
                codes.push_back(c.codes()[static_cast<std::size_t>(r)]);
            Column out = Column::categorical(c.name(), std::move(codes), c.categories());
            return out;
        }
        std::vector<double> values;
        values.reserve(rows.size());
        for (qint64 r : rows)
            values.push_back(c.values()[static_cast<std::size_t>(r)]);
        Column out = Column::numeric(c.name(), std::move(values));
        out.copyDateTimeFlags(c);
        return out;
    }
    // A computed column over all table rows: NaN where it has no entry.
    std::vector<double> values(static_cast<std::size_t>(tableRows), kNaN);
    const auto src = c.values();
    for (std::size_t i = 0; i < rows.size() && i < src.size(); ++i)
        if (rows[i] >= 0 && rows[i] < tableRows)
            values[static_cast<std::size_t>(rows[i])] = src[i];
    return Column::numeric(c.name(), std::move(values));
}

Column asNumbers(const Column &c)
{
    if (c.isNumeric())
        return c;
    std::vector<double> v;
    v.reserve(c.codes().size());
    for (std::int32_t code : c.codes())
        v.push_back(code < 0 ? kNaN : static_cast<double>(code));
    return Column::numeric(c.name(), std::move(v));
}

} // namespace

ScatterOptions ScatterOptions::of(const ScatterSource &source)
{
    ScatterOptions o;
    for (const Column &c : source.extra)
        o.axes << c.name();
    for (int i = 0; i < source.table.columnCount(); ++i) {
        const Column &c = source.table.column(i);
        o.colors << c.name();
        if (c.isNumeric()) {
            o.axes << c.name();
            o.sizes << c.name();
        }
        if (looksCategorical(c))
            o.shapes << c.name();
    }
    return o;
}

ScatterChoice ScatterGatherJob::resolve(
    const ScatterSource &source, ScatterChoice choice, bool pickColor)
{
    const engine::Dataset &t = source.table;
    QStringList axes;
    for (const Column &c : source.extra)
        axes << c.name();
    for (int i : t.numericColumns())
        axes << t.column(i).name();
    if (choice.x.isEmpty() || !find(source, choice.x).column) {
        choice.x.clear();
        for (const QString &a : std::as_const(axes))
            if (a != choice.y) {
                choice.x = a;
                break;
            }
    }
    if (choice.y.isEmpty() || !find(source, choice.y).column) {
        choice.y.clear();
        for (const QString &a : std::as_const(axes))
            if (a != choice.x) {
                choice.y = a;
                break;
            }
        if (choice.y.isEmpty())
            choice.y = choice.x;
    }
    if (choice.color.isEmpty() && pickColor) {
        // A clustering node's "cluster" column first, then the target, then any class.
        for (int i = 0; choice.color.isEmpty() && i < t.columnCount(); ++i)
            if (t.column(i).name().compare(QLatin1String("cluster"), Qt::CaseInsensitive) == 0)
                choice.color = t.column(i).name();
        const QList<int> targets = t.columnsWithRole(ColumnRole::Target);
        if (choice.color.isEmpty() && !targets.isEmpty())
            choice.color = t.column(targets.first()).name();
        for (int i = 0; choice.color.isEmpty() && i < t.columnCount(); ++i)
            if (t.column(i).isCategorical())
                choice.color = t.column(i).name();
    }
    return choice;
}

ScatterGathered ScatterGatherJob::run(
    const ScatterSource &source, const ScatterChoice &choice, const std::atomic<bool> *cancel)
{
    ScatterGathered out;
    out.choice = choice;
    const Found fx = find(source, choice.x), fy = find(source, choice.y);
    const Found fc = find(source, choice.color), fs = find(source, choice.size),
                fh = find(source, choice.shape);
    if (!fx.column || !fy.column)
        return out; // nothing to plot
    // The computed columns' rows when an axis is one of them; every table row otherwise.
    const bool subset = (fx.extra || fy.extra) && !source.extraRows.empty();
    const qint64 tableRows = source.table.rowCount();
    const std::vector<qint64> &rows = source.extraRows;
    out.x = asNumbers(align(fx, subset, rows, tableRows));
    if (cancelled(cancel))
        return { true };
    out.y = asNumbers(align(fy, subset, rows, tableRows));
    if (cancelled(cancel))
        return { true };
    if (fc.column) {
        Column c = align(fc, subset, rows, tableRows);
        if (c.isCategorical()) {
            out.colorMode = ScatterColorMode::Categorical;
        } else if (c.suggestsCategorical()) {
            c = c.toCategorical();
            out.colorMode = ScatterColorMode::Categorical;
        } else {
            out.colorMode = ScatterColorMode::Numeric;
        }
        out.color = std::move(c);
        if (cancelled(cancel))
            return { true };
    }
    if (fs.column)
        out.size = asNumbers(align(fs, subset, rows, tableRows));
    if (fh.column && looksCategorical(*fh.column)) {
        Column c = align(fh, subset, rows, tableRows);
        out.shape = c.isCategorical() ? c : c.toCategorical();
    }
    if (cancelled(cancel))
        return { true };
    if (subset)
        out.rowIds = rows;
    return out;
}

} // namespace sextant::plots
