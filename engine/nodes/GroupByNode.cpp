#include "nodes/GroupByNode.h"

#include "data/Dataset.h"
#include "data/GroupAggregate.h"
#include "data/TableJoin.h"

namespace sextant::engine {

NodeType GroupByNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Group By");
    t.description = QStringLiteral("One row per group of the key columns, with counts, sums, "
                                   "means, medians... of the other columns.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("group_by"), QStringLiteral("Group by"),
            QStringLiteral("The key columns: one output row per combination of their values.")),
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("The columns to aggregate. Empty: every other column.")),
        ParameterSpec::string(QStringLiteral("aggregates"), QStringLiteral("Aggregates"),
            QStringLiteral("mean"),
            QStringLiteral("Comma-separated: count, sum, mean, median, min, max, std, first, "
                           "distinct. Columns named \"column_aggregate\".")),
        ParameterSpec::boolean(QStringLiteral("row_count"), QStringLiteral("Row count"), true,
            QStringLiteral("Add a column \"rows\" with each group's number of rows.")),
    };
    t.parameters[2].check = [](const QString &value, const Dataset *) {
        for (const QString &a : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            GroupAggregate::Aggregate agg;
            if (!GroupAggregate::parseAggregate(a, agg))
                return QStringLiteral("unknown aggregate '%1' (count, sum, mean, median, min, max, "
                                      "std, first, distinct)")
                    .arg(a.trimmed());
        }
        return QString();
    };
    t.setCompute(&GroupByNode::compute);
    return t;
}

void GroupByNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QStringList keys = ctx.listParameter(QStringLiteral("group_by"));
    if (keys.isEmpty())
        throw NodeError(QStringLiteral("Group By: choose the column(s) to group by"));
    std::vector<GroupAggregate::Aggregate> aggs;
    for (const QString &a : ctx.stringParameter(QStringLiteral("aggregates"))
                                .split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        GroupAggregate::Aggregate agg;
        if (!GroupAggregate::parseAggregate(a, agg))
            throw NodeError(QStringLiteral("Group By: unknown aggregate '%1' (count, sum, mean, "
                                           "median, min, max, std, first, distinct)")
                                .arg(a.trimmed()));
        aggs.push_back(agg);
    }
    QStringList columns = ctx.listParameter(QStringLiteral("columns"));
    const bool all = columns.isEmpty();
    if (all)
        for (const Column &c : data.columns())
            if (!keys.contains(c.name()))
                columns.push_back(c.name());
    std::vector<GroupAggregate::Spec> specs;
    int skipped = 0;
    for (const QString &c : columns)
        for (GroupAggregate::Aggregate a : aggs) {
            const int j = data.indexOf(c);
            // Every column: numeric-only aggregates skip the categorical ones.
            if (all && j >= 0 && GroupAggregate::needsNumbers(a) && !data.column(j).isNumeric()) {
                ++skipped;
                continue;
            }
            specs.push_back({ c, a });
        }
    Dataset out;
    try {
        out = GroupAggregate::aggregate(data, keys, specs, ctx.cancelFlag());
        if (ctx.cancelled())
            return;
        if (ctx.boolParameter(QStringLiteral("row_count"))) {
            // The group sizes: the count of a column without missing cells.
            const GroupAggregate::Groups g = GroupAggregate::groups(data, [&] {
                QList<int> k;
                for (const QString &name : keys)
                    k.push_back(data.indexOf(name));
                return k;
            }());
            std::vector<double> sizes(g.firstRow.size(), 0.0);
            for (std::int32_t grp : g.ofRow)
                if (grp >= 0)
                    sizes[static_cast<std::size_t>(grp)] += 1;
            QString name = QStringLiteral("rows");
            for (int k = 2; out.indexOf(name) >= 0; ++k)
                name = QStringLiteral("rows_%1").arg(k);
            Column rows = Column::numeric(name, std::move(sizes));
            out.addColumn(std::move(rows));
        }
    } catch (const TableError &e) {
        throw NodeError(QStringLiteral("Group By: ") + QString::fromUtf8(e.what()));
    }
    if (skipped > 0)
        ctx.addWarning(
            QStringLiteral("%1 numeric aggregate(s) of categorical columns left out").arg(skipped));
    ctx.setOutput(0, makeValue(std::move(out)));
}

} // namespace sextant::engine
