#include "nodes/ColumnProfileNode.h"

#include "data/Dataset.h"

namespace sextant::engine {

NodeType ColumnProfileNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Inspect");
    t.displayName = QStringLiteral("Column statistics");
    t.description = QStringLiteral("Summary and histogram of every column.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = { ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Bins"), 20, 1,
        10000, QStringLiteral("Bins of each numeric column's histogram.")) };
    t.setCompute(&ColumnProfileNode::compute);
    return t;
}

void ColumnProfileNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const int bins = static_cast<int>(ctx.intParameter(QStringLiteral("bins")));
    ColumnProfile profile;
    profile.bins = bins;
    const int columns = data.columnCount();
    profile.summaries.reserve(columns);
    profile.histograms.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
        if (ctx.cancelled())
            return;
        const Column &column = data.column(c);
        profile.summaries.append(Statistics::summarize(column));
        profile.histograms.push_back(Statistics::histogram(column, bins));
        ctx.progress(double(c + 1) / columns);
    }
    ctx.setResult(makeValue(std::move(profile)));
}

} // namespace sextant::engine
