#include "nodes/HistogramNode.h"

#include "data/Dataset.h"
#include "data/Statistics.h"
#include "nodes/ColumnHistogram.h"
#include "nodes/ColumnLookup.h"

namespace sextant::engine {

NodeType HistogramNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Histogram");
    t.description = QStringLiteral("Counts the values of one column in bins (one bin per "
                                   "category for a categorical column).");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::column(QStringLiteral("column"), QStringLiteral("Column"),
            QStringLiteral("Column to count. Empty: the first numeric column.")),
        ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Bins"), 20, 1, 10000,
            QStringLiteral("Number of equal-width bins for a numeric column.")),
    };
    t.setCompute(&HistogramNode::compute);
    return t;
}

void HistogramNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    if (data.columnCount() == 0)
        throw NodeError(QStringLiteral("the input table has no columns"));
    const QString name = ctx.stringParameter(QStringLiteral("column"));
    int index = 0;
    if (name.isEmpty()) {
        const QList<int> numeric = data.numericColumns();
        index = numeric.isEmpty() ? 0 : numeric.first();
    } else {
        index = ColumnLookup::require(data, name, QStringLiteral("Column"));
    }
    const Column &column = data.column(index);
    ColumnHistogram out;
    out.column = column.name();
    out.columnType = column.type();
    out.histogram
        = Statistics::histogram(column, static_cast<int>(ctx.intParameter(QStringLiteral("bins"))));
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
