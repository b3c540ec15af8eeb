#include "nodes/CorrelationNode.h"

#include "data/Dataset.h"
#include "data/Statistics.h"
#include "nodes/ColumnLookup.h"

namespace sextant::engine {

NodeType CorrelationNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Correlation");
    t.description
        = QStringLiteral("Pearson correlation between numeric columns, shown as a heat map.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns to correlate. Empty: every numeric column."),
            ColumnFilter::Numeric),
    };
    t.setCompute(&CorrelationNode::compute);
    return t;
}

void CorrelationNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QStringList names = ctx.listParameter(QStringLiteral("columns"));
    QList<int> columns;
    if (names.isEmpty()) {
        columns = data.numericColumns();
        if (columns.isEmpty())
            throw NodeError(QStringLiteral("the input table has no numeric column"));
    } else {
        columns = ColumnLookup::requireAll(data, names, QStringLiteral("Columns"));
        for (int i : columns)
            ColumnLookup::requireNumeric(data, data.column(i).name(), QStringLiteral("Columns"));
    }
    CorrelationMatrix matrix = Statistics::correlation(data, columns, ctx.cancelFlag());
    if (ctx.cancelled())
        return;
    ctx.setResult(makeValue(std::move(matrix)));
}

} // namespace sextant::engine
