#include "nodes/TableViewNode.h"

#include "data/Dataset.h"

namespace sextant::engine {

NodeType TableViewNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("View");
    t.displayName = QStringLiteral("Data Table");
    t.description = QStringLiteral("Shows a table: its rows, columns and column roles.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.setCompute(&TableViewNode::compute);
    return t;
}

void TableViewNode::compute(NodeContext &ctx)
{
    ctx.inputAs<Dataset>(0); // checks the input holds a table
    ctx.setResult(ctx.input(0));
}

} // namespace sextant::engine
