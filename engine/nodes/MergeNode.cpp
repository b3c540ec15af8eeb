#include "nodes/MergeNode.h"

#include "data/Dataset.h"
#include "data/TableJoin.h"

namespace sextant::engine {

NodeType MergeNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Merge");
    t.description = QStringLiteral("Joins two tables on one or more key columns (inner, left, "
                                   "right or full outer join).");
    t.inputs = { PortSpec { QStringLiteral("left"), PortType::Table, QStringLiteral("Left"),
                     QStringLiteral("The left table; its rows come first."), false },
        PortSpec { QStringLiteral("right"), PortType::Table, QStringLiteral("Right"), {}, false } };
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::enumeration(QStringLiteral("how"), QStringLiteral("Join"),
            { QStringLiteral("inner"), QStringLiteral("left"), QStringLiteral("right"),
                QStringLiteral("outer") },
            QStringLiteral("inner"),
            QStringLiteral("inner: rows whose keys are in both tables; left / right: every row "
                           "of that table; outer: every row of both.")),
        ParameterSpec::columnList(QStringLiteral("keys"), QStringLiteral("Keys"),
            QStringLiteral("The key columns of the left table.")),
        ParameterSpec::columnList(QStringLiteral("right_keys"), QStringLiteral("Right keys"),
            QStringLiteral("The key columns of the right table, in the same order. Empty: the "
                           "same names as the left keys.")),
        ParameterSpec::string(QStringLiteral("left_suffix"), QStringLiteral("Left suffix"),
            QStringLiteral("_x"),
            QStringLiteral("Added to a left column whose name the right table also has.")),
        ParameterSpec::string(QStringLiteral("right_suffix"), QStringLiteral("Right suffix"),
            QStringLiteral("_y"),
            QStringLiteral("Added to a right column whose name the left table also has.")),
        ParameterSpec::boolean(QStringLiteral("missing_keys_match"),
            QStringLiteral("Missing keys match"), true,
            QStringLiteral("Missing key cells match each other, as in pandas; off: they match "
                           "nothing, as in SQL.")),
    };
    t.setCompute(&MergeNode::compute);
    return t;
}

void MergeNode::compute(NodeContext &ctx)
{
    const Dataset &left = ctx.inputAs<Dataset>(0);
    const Dataset &right = ctx.inputAs<Dataset>(1);
    TableJoin::Options o;
    o.leftKeys = ctx.listParameter(QStringLiteral("keys"));
    o.rightKeys = ctx.listParameter(QStringLiteral("right_keys"));
    const QString how = ctx.stringParameter(QStringLiteral("how"));
    o.how = how == QLatin1String("left") ? TableJoin::How::Left
        : how == QLatin1String("right")  ? TableJoin::How::Right
        : how == QLatin1String("outer")  ? TableJoin::How::Outer
                                         : TableJoin::How::Inner;
    o.leftSuffix = ctx.stringParameter(QStringLiteral("left_suffix"));
    o.rightSuffix = ctx.stringParameter(QStringLiteral("right_suffix"));
    o.missingKeysMatch = ctx.boolParameter(QStringLiteral("missing_keys_match"));
    if (o.leftKeys.isEmpty())
        throw NodeError(QStringLiteral("Merge: choose the key column(s) to join on"));
    TableJoin::Result r;
    try {
        r = TableJoin::join(left, right, o);
    } catch (const TableError &e) {
        throw NodeError(QStringLiteral("Merge: ") + QString::fromUtf8(e.what()));
    }
    if (const QString note = r.cardinalityNote(); !note.isEmpty())
        ctx.addWarning(note);
    if (r.table.rowCount() == 0)
        ctx.addWarning(QStringLiteral("no row matched: the result is empty"));
    r.table.setPreprocessing(left.preprocessing());
    ctx.setOutput(0, makeValue(std::move(r.table)));
}

} // namespace sextant::engine
