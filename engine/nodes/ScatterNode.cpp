#include "nodes/ScatterNode.h"

#include "data/Dataset.h"
#include "nodes/ColumnLookup.h"
#include "nodes/ScatterData.h"

namespace sextant::engine {

NodeType ScatterNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Scatter Plot");
    t.description = QStringLiteral("Plots one column against another, coloured by a third.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::column(QStringLiteral("x"), QStringLiteral("X axis"),
            QStringLiteral("Column on the horizontal axis. Empty: the first numeric column."),
            ColumnFilter::Numeric),
        ParameterSpec::column(QStringLiteral("y"), QStringLiteral("Y axis"),
            QStringLiteral("Column on the vertical axis. Empty: the second numeric column."),
            ColumnFilter::Numeric),
        ParameterSpec::column(QStringLiteral("color"), QStringLiteral("Colour"),
            QStringLiteral("Column giving each point its colour. Empty: the target "
                           "column, if any.")),
    };
    t.setCompute(&ScatterNode::compute);
    return t;
}

void ScatterNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QString xName = ctx.stringParameter(QStringLiteral("x"));
    const QString yName = ctx.stringParameter(QStringLiteral("y"));
    int x = xName.isEmpty() ? -1 : ColumnLookup::require(data, xName, QStringLiteral("X axis"));
    int y = yName.isEmpty() ? -1 : ColumnLookup::require(data, yName, QStringLiteral("Y axis"));
    // Empty axes take the first numeric columns not already on the other axis.
    const auto fallback = [&](int other, const QString &label) {
        for (int i : data.numericColumns())
            if (i != other)
                return i;
        throw NodeError(QStringLiteral("%1: the input has too few numeric columns; choose a column")
                            .arg(label));
    };
    if (x < 0)
        x = fallback(y, QStringLiteral("X axis"));
    if (y < 0)
        y = fallback(x, QStringLiteral("Y axis"));
    ScatterData out;
    out.x = data.column(x);
    out.y = data.column(y);
    const QString color = ctx.stringParameter(QStringLiteral("color"));
    if (!color.isEmpty()) {
        out.color = data.column(ColumnLookup::require(data, color, QStringLiteral("Colour")));
    } else {
        const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
        if (!targets.isEmpty())
            out.color = data.column(targets.first());
    }
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
