#include "data/PivotTable.h"

#include "data/TableGather.h"
#include "data/TableJoin.h"

#include <QSet>
#include <cmath>
#include <limits>

namespace sextant::engine {

Dataset PivotTable::pivot(const Dataset &data, const QStringList &rows, const QString &column,
    const QString &values, GroupAggregate::Aggregate aggregate, const std::atomic<bool> *cancel)
{
    using Agg = GroupAggregate::Aggregate;
    if (rows.isEmpty())
        throw TableError("choose the column(s) whose values make the pivot's rows");
    if (column.isEmpty())
        throw TableError("choose the column whose values make the pivot's columns");
    if (values.isEmpty())
        throw TableError("choose the column to aggregate in the pivot's cells");
    QList<int> rowCols;
    for (const QString &r : rows) {
        const int j = data.indexOf(r);
        if (j < 0)
            throw TableError("the table has no column '" + r.toStdString() + "'");
        if (r == column)
            throw TableError("'" + r.toStdString() + "' cannot make both rows and columns");
        rowCols.push_back(j);
    }
    const int colIndex = data.indexOf(column);
    const int valIndex = data.indexOf(values);
    if (colIndex < 0)
        throw TableError("the table has no column '" + column.toStdString() + "'");
    if (valIndex < 0)
        throw TableError("the table has no column '" + values.toStdString() + "'");
    const Column &val = data.column(valIndex);
    if (GroupAggregate::needsNumbers(aggregate) && !val.isNumeric() && aggregate != Agg::First)
        throw TableError("column '" + values.toStdString()
            + "' is categorical: " + GroupAggregate::name(aggregate).toStdString()
            + " needs numbers (count and distinct "
              "work on categories)");
    if (aggregate == Agg::First && !val.isNumeric())
        throw TableError("first of a categorical column cannot fill a numeric pivot cell: use "
                         "count or distinct");
    const GroupAggregate::Groups rg = GroupAggregate::groups(data, rowCols);
    const GroupAggregate::Groups cg = GroupAggregate::groups(data, { colIndex });
    const std::size_t nr = rg.firstRow.size(), nc = cg.firstRow.size();
    if (nr * nc > 100'000'000)
        throw TableError("the pivot would have " + std::to_string(nr) + " x " + std::to_string(nc)
            + " cells: too many");
    std::vector<std::vector<std::int64_t>> cells(nr * nc);
    for (std::size_t r = 0; r < rg.ofRow.size(); ++r) {
        const std::int32_t a = rg.ofRow[r], b = cg.ofRow[r];
        if (a >= 0 && b >= 0)
            cells[static_cast<std::size_t>(a) * nc + static_cast<std::size_t>(b)].push_back(
                static_cast<std::int64_t>(r));
    }
    // Categorical values for count / distinct: their codes as numbers (missing: NaN).
    std::vector<double> numbers;
    const double *v = nullptr;
    if (val.isNumeric()) {
        v = val.values().data();
    } else {
        numbers.resize(static_cast<std::size_t>(data.rowCount()));
        for (std::size_t r = 0; r < numbers.size(); ++r)
            numbers[r] = val.codes()[r] < 0 ? std::numeric_limits<double>::quiet_NaN()
                                            : static_cast<double>(val.codes()[r]);
        v = numbers.data();
    }
    std::vector<double> grid(nr * nc, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (k % 4096 == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return {};
        if (!cells[k].empty())
            grid[k] = GroupAggregate::compute(aggregate, v, cells[k]);
    }
    std::vector<std::uint8_t> keepRow(nr, 0), keepCol(nc, 0);
    for (std::size_t a = 0; a < nr; ++a)
        for (std::size_t b = 0; b < nc; ++b)
            if (!std::isnan(grid[a * nc + b]))
                keepRow[a] = keepCol[b] = 1;
    std::vector<std::int64_t> rowPick;
    for (std::size_t a = 0; a < nr; ++a)
        if (keepRow[a])
            rowPick.push_back(rg.firstRow[a]);
    Dataset out;
    out.setName(data.name());
    out.setSource(data.source());
    QSet<QString> taken;
    for (int j : rowCols) {
        Column c = TableGather::gather(data.column(j), rowPick);
        c.setRole(ColumnRole::Feature);
        taken.insert(c.name());
        out.addColumn(std::move(c));
    }
    const Column &cc = data.column(colIndex);
    for (std::size_t b = 0; b < nc; ++b) {
        if (!keepCol[b])
            continue;
        QString name = cc.displayValue(cg.firstRow[b]);
        if (name.isEmpty())
            name = QStringLiteral("(empty)");
        const QString base = name;
        for (int k = 2; taken.contains(name); ++k)
            name = base + QLatin1Char('_') + QString::number(k);
        taken.insert(name);
        std::vector<double> col;
        col.reserve(rowPick.size());
        for (std::size_t a = 0; a < nr; ++a)
            if (keepRow[a])
                col.push_back(grid[a * nc + b]);
        out.addColumn(Column::numeric(name, std::move(col)));
    }
    return out;
}

} // namespace sextant::engine
