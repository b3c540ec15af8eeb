#include "nodes/SelectColumnsNode.h"

#include "data/Dataset.h"
#include "nodes/ColumnLookup.h"
#include "nodes/ColumnRoleEdits.h"

#include <QCoreApplication>

namespace sextant::engine {

NodeType SelectColumnsNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Select Columns");
    t.description = QStringLiteral("Keeps the chosen columns and sets which column is the "
                                   "target and which are ignored.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The selected columns with their roles."), false } };
    // The role and type overrides the column list edits, "ignored" holding the meta
    // columns (its name from before there were other roles to give).
    t.parameters = { ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
        QStringLiteral("Columns to keep, in this order. Empty keeps every column.")) };
    t.parameters.append(ColumnRoleEdits::parameterSpecs(metaKey()));
    t.setCompute(&SelectColumnsNode::compute);
    return t;
}

void SelectColumnsNode::compute(NodeContext &ctx)
{
    const Dataset &input = ctx.inputAs<Dataset>(0);
    const QStringList keep = ctx.listParameter(QStringLiteral("columns"));
    const QString target = ctx.stringParameter(QStringLiteral("target"));
    const QStringList ignored = ctx.listParameter(QStringLiteral("ignored"));

    Dataset out;
    out.setName(input.name());
    out.setSource(input.source());
    out.setPreprocessing(input.preprocessing());
    QList<int> indices;
    if (keep.isEmpty()) {
        for (int i = 0; i < input.columnCount(); ++i)
            indices.push_back(i);
    } else {
        indices = ColumnLookup::requireAll(input, keep, QStringLiteral("Columns"));
    }
    for (int i : indices)
        out.addColumn(input.column(i)); // shares the cells

    // A column named by `target` or `ignored` must exist in the input and be kept.
    const auto kept = [&](const QString &name, const QString &label) {
        ColumnLookup::require(input, name, label);
        const int index = out.indexOf(name);
        if (index < 0)
            throw NodeError(
                QStringLiteral("%1: column '%2' is not among the kept columns").arg(label, name));
        return index;
    };
    if (!target.isEmpty()) {
        const int t = kept(target, QStringLiteral("Target"));
        for (int i : out.columnsWithRole(ColumnRole::Target))
            out.setRole(i, ColumnRole::Feature);
        out.setRole(t, ColumnRole::Target);
    }
    ColumnLookup::requireAll(input, ignored, QStringLiteral("Ignored")); // unknown or repeated
    for (const QString &name : ignored) {
        if (name == target)
            throw NodeError(QCoreApplication::translate(
                "NodeError", "column '%1' cannot be both the target and ignored")
                                .arg(target));
        out.setRole(kept(name, QStringLiteral("Ignored")), ColumnRole::Ignore);
    }
    // The other overrides (target and meta again, which changes nothing but checks them
    // against the rest).
    ColumnRoleEdits::fromParameters(ctx.parameters(), metaKey()).apply(out);
    ctx.setOutput(0, makeValue(std::move(out)));
}

} // namespace sextant::engine
