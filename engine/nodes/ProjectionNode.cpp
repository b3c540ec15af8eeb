#include "nodes/ProjectionNode.h"

namespace sextant::engine {

NodeType ProjectionNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Inspect");
    t.displayName = QStringLiteral("Projection");
    t.description = QStringLiteral("First two principal components of the numeric features.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.setCompute(&ProjectionNode::compute);
    return t;
}

std::optional<TableProjection> ProjectionNode::project(
    const Dataset &table, const std::atomic<bool> *cancel)
{
    PcaProjection p = PcaProjection::compute(table, cancel);
    if (cancel && cancel->load(std::memory_order_relaxed))
        return std::nullopt;
    TableProjection out;
    if (p.ok()) {
        out.pc1 = Column::numeric(
            QStringLiteral("PC1 (%1% of variance)").arg(p.ratio1 * 100, 0, 'f', 1),
            std::move(p.pc1));
        out.pc2 = Column::numeric(
            QStringLiteral("PC2 (%1% of variance)").arg(p.ratio2 * 100, 0, 'f', 1),
            std::move(p.pc2));
        if (static_cast<std::int64_t>(p.rowIds.size()) != table.rowCount())
            out.rows.assign(p.rowIds.begin(), p.rowIds.end());
    }
    p.pc1 = {};
    p.pc2 = {};
    p.rowIds = {};
    out.info = std::move(p);
    return out;
}

void ProjectionNode::compute(NodeContext &ctx)
{
    std::optional<TableProjection> p = project(ctx.inputAs<Dataset>(0), ctx.cancelFlag());
    if (!p)
        return;
    ctx.setResult(makeValue(std::move(*p)));
}

} // namespace sextant::engine
