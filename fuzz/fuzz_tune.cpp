// libFuzzer target for the Tune node's search text ("C=0.01,0.1,1; max_iter=50,100", the
// grid/random search spec TuneNode parses against the learner's parameter schema). The
// first byte picks the learner (k-NN, decision tree, logistic regression, naive Bayes,
// MLP) and the mode (grid or random, 1-3 trials); the rest is the search text. The node
// runs on a 12-row table with 2 folds:
//  - refused: a NodeError with a message (any other exception is a finding);
//  - accepted: one metrics row per planned trial, and a best model.
#include "FuzzSupport.h"
#include "data/CsvReader.h"
#include "graph/NodeContext.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/MetricsTable.h"
#include "nodes/TuneNode.h"

#include <exception>
#include <vector>

using namespace sextant;
using namespace sextant::engine;

namespace {

const char *const kLearners[] = { "model.knn", "model.decision_tree", "model.logistic_regression",
    "model.naive_bayes", "model.mlp" };
constexpr int kLearnerCount = int(sizeof kLearners / sizeof kLearners[0]);

NodeValuePtr table()
{
    static const NodeValuePtr value = [] {
        QByteArray csv("a,b,label\n");
        for (int i = 0; i < 12; ++i)
            csv += QByteArray::number(i % 5) + ',' + QByteArray::number((i * 7) % 3) + ','
                + (i % 2 ? "yes" : "no") + '\n';
        LoadResult r = CsvReader::readBuffer(csv, QStringLiteral("tune.csv"));
        if (!r.ok())
            fuzz::finding("fuzz_tune", "the table does not load", r.error->toString());
        Dataset d = *r.dataset;
        d.setRole(d.indexOf(QStringLiteral("label")), ColumnRole::Target);
        return makeValue(std::move(d));
    }();
    return value;
}

// The learner's trained model (once per learner), or null when this build has no such
// node type.
NodeValuePtr model(int which)
{
    static std::vector<NodeValuePtr> models(kLearnerCount);
    static std::vector<bool> tried(kLearnerCount, false);
    if (tried[which])
        return models[which];
    tried[which] = true;
    const NodeType *type = BuiltinNodes::registry().find(QString::fromLatin1(kLearners[which]));
    if (!type)
        return {};
    NodeContext ctx(1, *type, type->defaultParameters(), { table() });
    type->createCompute()(ctx);
    if (ctx.outputs().empty() || !ctx.outputs().front())
        fuzz::finding(
            "fuzz_tune", "a learner gave no model", QString::fromLatin1(kLearners[which]));
    models[which] = ctx.outputs().front();
    return models[which];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1 || size > 16384)
        return 0;
    const int which = data[0] % kLearnerCount;
    const bool grid = (data[0] / kLearnerCount) % 2 == 0;
    const NodeValuePtr learned = model(which);
    if (!learned)
        return 0;
    const QString search = QString::fromUtf8(
        reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));

    const NodeType type = TuneNode::type();
    const Result<QVariantMap> parameters = type.completeParameters({
        { QStringLiteral("search"), search },
        { QStringLiteral("mode"), grid ? QStringLiteral("grid") : QStringLiteral("random") },
        { QStringLiteral("trials"), 1 + data[0] % 3 },
        { QStringLiteral("folds"), 2 },
    });
    if (!parameters) {
        fuzz::note("fuzz_tune", parameters.error());
        return 0; // the property field refuses it before the node sees it
    }
    NodeContext ctx(2, type, parameters.value(), { learned, table() });
    try {
        type.createCompute()(ctx);
    } catch (const NodeError &e) {
        fuzz::note("fuzz_tune", e.message());
        if (e.message().isEmpty())
            fuzz::finding("fuzz_tune", "a refusal without a message", search);
        return 0;
    }
    if (ctx.outputs().size() != 2 || !ctx.outputs()[0] || !ctx.outputs()[1])
        fuzz::finding("fuzz_tune", "an accepted search gave no model or trials", search);
    const MetricsTable *trials = ctx.outputs()[1]->as<MetricsTable>();
    if (!trials || trials->rows.isEmpty() || (!grid && trials->rows.size() > 3))
        fuzz::finding("fuzz_tune", "the trials table does not match the plan", search);
    return 0;
}
