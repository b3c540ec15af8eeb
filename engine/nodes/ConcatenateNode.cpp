#include "nodes/ConcatenateNode.h"

#include "data/Dataset.h"
#include "data/TableConcat.h"
#include "data/TableJoin.h"

namespace sextant::engine {

NodeType ConcatenateNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Concatenate");
    t.description = QStringLiteral("Stacks the rows of several tables; a column one table "
                                   "lacks gets missing cells there.");
    for (int i = 1; i <= 4; ++i)
        t.inputs.push_back(PortSpec { QStringLiteral("table%1").arg(i), PortType::Table,
            QStringLiteral("Table %1").arg(i), {}, i > 2 });
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.parameters = {
        ParameterSpec::string(QStringLiteral("source_column"), QStringLiteral("Source column"), {},
            QStringLiteral("Name of a column saying which table each row came from (a meta "
                           "column). Empty: none.")),
    };
    t.setCompute(&ConcatenateNode::compute);
    return t;
}

void ConcatenateNode::compute(NodeContext &ctx)
{
    std::vector<const Dataset *> tables;
    QStringList labels;
    for (int port = 0; port < ctx.inputCount(); ++port)
        if (ctx.input(port)) {
            tables.push_back(&ctx.inputAs<Dataset>(port));
            labels.push_back(tables.back()->name());
        }
    Dataset out;
    try {
        out = TableConcat::concat(
            tables, ctx.stringParameter(QStringLiteral("source_column")).trimmed(), labels);
    } catch (const TableError &e) {
        throw NodeError(QStringLiteral("Concatenate: ") + QString::fromUtf8(e.what()));
    }
    out.setPreprocessing(tables.front()->preprocessing());
    ctx.setOutput(0, makeValue(std::move(out)));
}

} // namespace sextant::engine
