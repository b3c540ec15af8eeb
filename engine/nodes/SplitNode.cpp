#include "nodes/SplitNode.h"

#include "data/Dataset.h"
#include "data/RowSelection.h"
#include "ml/CrossValidation.h"

#include <QCoreApplication>

namespace sextant::engine {

NodeType SplitNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Train/Test Split");
    t.description = QStringLiteral("Splits the rows at random into a training and a test table.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = {
        PortSpec { QStringLiteral("train"), PortType::Table, QStringLiteral("Train"), {}, false },
        PortSpec { QStringLiteral("test"), PortType::Table, QStringLiteral("Test"), {}, false },
    };
    t.parameters = {
        ParameterSpec::real(QStringLiteral("test_ratio"), QStringLiteral("Test share"), 0.25, 0.01,
            0.99, QStringLiteral("Fraction of the rows that go to the test table.")),
        ParameterSpec::boolean(QStringLiteral("stratify"), QStringLiteral("Stratify"), true,
            QStringLiteral("Keep each class's share in both tables (needs a categorical target "
                           "column).")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("The same seed gives the same split.")),
    };
    t.setCompute(&SplitNode::compute);
    return t;
}

void SplitNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const double ratio = ctx.floatParameter(QStringLiteral("test_ratio"));
    const auto seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    if (data.rowCount() < 2)
        throw NodeError(QCoreApplication::translate(
            "NodeError", "the table has %1 row(s): a split needs at least two")
                            .arg(data.rowCount()));
    DataSplit split;
    const QList<int> targets = data.columnsWithRole(ColumnRole::Target);
    bool stratified = false;
    if (ctx.boolParameter(QStringLiteral("stratify")) && !targets.isEmpty()) {
        Column c = data.column(targets.first());
        if (c.isCategorical() || c.suggestsCategorical()) {
            if (!c.isCategorical())
                c = c.toCategorical();
            Eigen::VectorXd labels(data.rowCount());
            int missingCode = static_cast<int>(c.categories().size());
            for (std::int64_t r = 0; r < data.rowCount(); ++r) {
                const int code = c.codes()[static_cast<std::size_t>(r)];
                labels(r) = code < 0 ? missingCode : code;
            }
            split = CrossValidation::trainTestSplit(labels, ratio, true, seed);
            stratified = true;
        }
    }
    if (!stratified)
        split = CrossValidation::trainTestSplit(data.rowCount(), ratio, seed);
    if (ctx.boolParameter(QStringLiteral("stratify")) && !stratified)
        ctx.addWarning(QCoreApplication::translate(
            "NodeError", "not stratified: the table has no categorical target column"));
    const auto take = [&](const std::vector<Eigen::Index> &rows) {
        Dataset out = selectRows(data, std::vector<std::int64_t>(rows.begin(), rows.end()));
        out.setPreprocessing(data.preprocessing());
        return out;
    };
    ctx.setOutput(0, makeValue(take(split.train)));
    ctx.setOutput(1, makeValue(take(split.test)));
}

} // namespace sextant::engine
