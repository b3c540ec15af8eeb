#include "nodes/FilterRowsNode.h"

#include "data/ConditionFilter.h"
#include "data/Dataset.h"
#include "data/RowSelection.h"

namespace sextant::engine {

NodeType FilterRowsNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Filter Rows");
    t.description = QStringLiteral("Drops rows with missing values and/or keeps the rows "
                                   "matching a condition.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::boolean(QStringLiteral("drop_missing"), QStringLiteral("Drop missing"),
            false,
            QStringLiteral("Drop rows with a missing cell in the chosen columns (all "
                           "columns when none is chosen).")),
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Columns checked for missing cells. Empty: every column.")),
        ParameterSpec::string(QStringLiteral("condition"), QStringLiteral("Condition"), {},
            QStringLiteral("Keep rows where this holds, e.g. \"petal_length >= 2.5\", "
                           "\"species != setosa and sepal_width > 3\", \"species in (a, b)\", "
                           "\"is_missing(age) or age < 18\" (the Formula node's expressions). "
                           "Empty: keep all.")),
    };
    t.parameters.back().check = [](const QString &value, const Dataset *upstream) {
        return QString::fromStdString(ConditionFilter::check(value, upstream));
    };
    t.setCompute(&FilterRowsNode::compute);
    return t;
}

void FilterRowsNode::compute(NodeContext &ctx)
{
    Dataset data = ctx.inputAs<Dataset>(0);
    const auto lineage = data.preprocessing();
    try {
        if (ctx.boolParameter(QStringLiteral("drop_missing")))
            data = RowFilter::dropMissing(data, ctx.listParameter(QStringLiteral("columns")));
        const QString condition = ctx.stringParameter(QStringLiteral("condition")).trimmed();
        if (!condition.isEmpty())
            data = selectRows(
                data, ConditionFilter::matchingRows(data, condition, ctx.cancelFlag()));
    } catch (const RowFilterError &e) {
        throw NodeError(QString::fromUtf8(e.what()));
    }
    if (ctx.cancelled())
        return;
    data.setPreprocessing(lineage);
    if (data.rowCount() == 0)
        ctx.addWarning(QStringLiteral("no row passed the filter"));
    ctx.setOutput(0, makeValue(std::move(data)));
}

} // namespace sextant::engine
