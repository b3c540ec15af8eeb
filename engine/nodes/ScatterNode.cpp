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
            QStringLiteral("Column giving each point its colour. Empty: a column named "
                           "\"cluster\" (a clustering node's output), else the target "
                           "column, if any.")),
        ParameterSpec::boolean(QStringLiteral("no_color"), QStringLiteral("One colour"), false,
            QStringLiteral("Draw every point in one colour: no colour column, not even the "
                           "automatic one.")),
        ParameterSpec::column(QStringLiteral("size"), QStringLiteral("Size"),
            QStringLiteral("Numeric column giving each point its size. Empty: one size."),
            ColumnFilter::Numeric),
        ParameterSpec::column(QStringLiteral("shape"), QStringLiteral("Shape"),
            QStringLiteral("Categorical column giving each point its marker (the first six "
                           "classes get their own). Empty: one marker.")),
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
    if (ctx.boolParameter(QStringLiteral("no_color"))) {
        // One colour: neither the chosen column nor the automatic one.
    } else if (!color.isEmpty()) {
        out.color = data.column(ColumnLookup::require(data, color, QStringLiteral("Colour")));
    } else {
        for (int c = 0; !out.color && c < data.columnCount(); ++c)
            if (data.column(c).name().compare(QLatin1String("cluster"), Qt::CaseInsensitive) == 0)
                out.color = data.column(c);
        const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
        if (!out.color && !targets.isEmpty())
            out.color = data.column(targets.first());
    }
    const QString size = ctx.stringParameter(QStringLiteral("size"));
    if (!size.isEmpty()) {
        const Column &c = data.column(ColumnLookup::require(data, size, QStringLiteral("Size")));
        if (!c.isNumeric())
            throw NodeError(
                QStringLiteral("Size: column \"%1\" is not numeric; choose a numeric column")
                    .arg(size));
        out.size = c;
    }
    const QString shape = ctx.stringParameter(QStringLiteral("shape"));
    if (!shape.isEmpty()) {
        const Column &c = data.column(ColumnLookup::require(data, shape, QStringLiteral("Shape")));
        if (!c.isCategorical() && !c.suggestsCategorical())
            throw NodeError(QStringLiteral("Shape: column \"%1\" has too many distinct values "
                                           "for shapes; choose a categorical column")
                                .arg(shape));
        out.shape = c;
    }
    out.table = data;
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
