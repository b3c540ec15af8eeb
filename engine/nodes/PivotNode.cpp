#include "nodes/PivotNode.h"

#include "data/Dataset.h"
#include "data/PivotTable.h"
#include "data/TableJoin.h"

namespace sextant::engine {

NodeType PivotNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Pivot");
    t.description = QStringLiteral("A pivot table: one row per value of the row columns, one "
                                   "column per value of the column, an aggregate in each cell.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("rows"), QStringLiteral("Rows"),
            QStringLiteral("Columns whose values make the rows.")),
        ParameterSpec::column(QStringLiteral("column"), QStringLiteral("Columns from"),
            QStringLiteral("The column whose values make the columns.")),
        ParameterSpec::column(QStringLiteral("values"), QStringLiteral("Values"),
            QStringLiteral("The column aggregated in each cell.")),
        ParameterSpec::enumeration(QStringLiteral("aggregate"), QStringLiteral("Aggregate"),
            { QStringLiteral("mean"), QStringLiteral("sum"), QStringLiteral("count"),
                QStringLiteral("median"), QStringLiteral("min"), QStringLiteral("max"),
                QStringLiteral("std"), QStringLiteral("first"), QStringLiteral("distinct") },
            QStringLiteral("mean"),
            QStringLiteral("What each cell holds: the aggregate of the values of its rows (std: "
                           "sample standard deviation; distinct: number of distinct values).")),
    };
    t.setCompute(&PivotNode::compute);
    return t;
}

void PivotNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    GroupAggregate::Aggregate agg = GroupAggregate::Aggregate::Mean;
    GroupAggregate::parseAggregate(ctx.stringParameter(QStringLiteral("aggregate")), agg);
    Dataset out;
    try {
        out = PivotTable::pivot(data, ctx.listParameter(QStringLiteral("rows")),
            ctx.stringParameter(QStringLiteral("column")),
            ctx.stringParameter(QStringLiteral("values")), agg, ctx.cancelFlag());
    } catch (const TableError &e) {
        throw NodeError(QStringLiteral("Pivot: ") + QString::fromUtf8(e.what()));
    }
    if (ctx.cancelled())
        return;
    ctx.setOutput(0, makeValue(std::move(out)));
}

} // namespace sextant::engine
