#include "nodes/BoxPlotNode.h"

#include "data/Dataset.h"
#include "nodes/BoxPlotData.h"
#include "nodes/ColumnLookup.h"

namespace sextant::engine {

NodeType BoxPlotNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Box Plot");
    t.description = QStringLiteral("Quartiles, whiskers and outliers (or violins: the "
                                   "density) of numeric columns, split by a categorical column.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns to summarise. Empty: every numeric column but the "
                           "target (the first %1).")
                .arg(kMaxAutoColumns),
            ColumnFilter::Numeric),
        ParameterSpec::column(QStringLiteral("split"), QStringLiteral("Split by"),
            QStringLiteral("Categorical column whose classes get a box each. Empty: the "
                           "target when it is categorical, else no split."),
            ColumnFilter::Categorical),
        ParameterSpec::boolean(QStringLiteral("violin"), QStringLiteral("Violin"), false,
            QStringLiteral("Draw each group's density (Gaussian kernel, Scott's bandwidth) "
                           "with its quartiles instead of a box.")),
    };
    t.setCompute(&BoxPlotNode::compute);
    return t;
}

void BoxPlotNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QStringList names = ctx.listParameter(QStringLiteral("columns"));
    QList<int> columns;
    if (names.isEmpty()) {
        for (int i : data.numericColumns())
            if (data.column(i).role() != ColumnRole::Target && columns.size() < kMaxAutoColumns)
                columns.push_back(i);
        if (columns.isEmpty())
            throw NodeError(QStringLiteral("the input table has no numeric column to summarise"));
    } else {
        columns = ColumnLookup::requireAll(data, names, QStringLiteral("Columns"));
        for (int i : columns)
            if (!data.column(i).isNumeric())
                throw NodeError(QStringLiteral("Columns: column '%1' is not numeric")
                                    .arg(data.column(i).name()));
    }

    int split = -1;
    const QString splitName = ctx.stringParameter(QStringLiteral("split"));
    if (!splitName.isEmpty()) {
        split = ColumnLookup::require(data, splitName, QStringLiteral("Split by"));
        if (!data.column(split).isCategorical())
            throw NodeError(QStringLiteral("Split by: column '%1' is not categorical (make it "
                                           "categorical in the column list)")
                                .arg(splitName));
    } else {
        for (int i : data.columnsWithRole(ColumnRole::Target))
            if (data.column(i).isCategorical()) {
                split = i;
                break;
            }
    }

    BoxPlotData out;
    out.violin = ctx.boolParameter(QStringLiteral("violin"));
    const std::int64_t n = data.rowCount();
    std::vector<std::int32_t> group(static_cast<std::size_t>(n), 0);
    int groups = 1;
    if (split >= 0) {
        const Column &s = data.column(split);
        out.splitColumn = s.name();
        out.groupNames = s.categories();
        groups = static_cast<int>(out.groupNames.size());
        bool missing = false;
        const auto codes = s.codes();
        for (std::int64_t r = 0; r < n; ++r) {
            const std::int32_t c = codes[static_cast<std::size_t>(r)];
            missing = missing || c < 0;
            group[static_cast<std::size_t>(r)] = c < 0 ? groups : c;
        }
        if (missing) {
            out.groupNames.push_back(QStringLiteral("(missing)"));
            ++groups;
        }
    }

    for (int ci = 0; ci < columns.size(); ++ci) {
        const Column &column = data.column(columns[ci]);
        BoxPlotData::ColumnBoxes boxes;
        boxes.name = column.name();
        std::vector<std::vector<double>> values(static_cast<std::size_t>(groups));
        const auto cells = column.values();
        for (std::int64_t r = 0; r < n; ++r)
            values[static_cast<std::size_t>(group[static_cast<std::size_t>(r)])].push_back(
                cells[static_cast<std::size_t>(r)]);
        for (auto &v : values) {
            boxes.groups.push_back(BoxStatistics::summarize(v, out.violin, ctx.cancelFlag()));
            std::vector<double>().swap(v);
            if (ctx.cancelled())
                return;
        }
        out.columns.push_back(std::move(boxes));
        ctx.progress(double(ci + 1) / double(columns.size()));
    }
    if (split < 0)
        out.groupNames = { QStringLiteral("all rows") };
    ctx.setResult(makeValue(std::move(out)));
}

} // namespace sextant::engine
