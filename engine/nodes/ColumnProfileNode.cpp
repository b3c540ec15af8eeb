#include "nodes/ColumnProfileNode.h"

#include "core/ThreadCount.h"
#include "core/ThreadPool.h"
#include "data/Dataset.h"

#include <algorithm>
#include <atomic>
#include <thread>

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
    // One column per task, on the shared pool: each column's summary and histogram are
    // independent, written into their own slots (column order whatever the thread), and
    // read the column in place (summarize copies only its present values, once).
    profile.summaries.resize(columns);
    profile.histograms.resize(static_cast<std::size_t>(columns));
    const int threads = std::clamp(defaultThreadCount(), 1, std::max(1, columns));
    ColumnSummary *summaries = profile.summaries.data(); // detached once, here
    Histogram *histograms = profile.histograms.data();
    std::atomic<int> next { 0 };
    std::atomic<int> done { 0 };
    ThreadPool::shared().run(threads, [&](int) {
        for (int c = next++; c < columns && !ctx.cancelled(); c = next++) {
            const Column &column = data.column(c);
            summaries[c] = Statistics::summarize(column);
            histograms[c] = Statistics::histogram(column, bins);
            ctx.progress(double(++done) / columns);
        }
    });
    if (ctx.cancelled())
        return;
    ctx.setResult(makeValue(std::move(profile)));
}

} // namespace sextant::engine
