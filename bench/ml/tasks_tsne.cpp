// Embedding tasks of the machine-learning benchmark (see BenchTask.h, run.py).
#include "BenchTask.h"
#include "ml/Tsne.h"

#include <stdexcept>

using namespace sextant::bench;
using namespace sextant::engine;

// t-SNE with scikit-learn's defaults (Barnes-Hut, angle 0.5, perplexity 30, PCA start,
// learning rate "auto", 1000 iterations). Timed part: the whole fit (neighbours,
// affinities, optimisation). Score: the final KL divergence.
static BenchOutcome runTsne(const BenchData &d)
{
    TsneOptions o;
    TsneResult result;
    const double start = benchNow();
    if (!Tsne::fit(d.X, o, FitContext {}, result, 0))
        throw std::runtime_error("t-SNE fit failed");
    BenchOutcome r;
    r.seconds = benchNow() - start;
    r.score = result.klDivergence;
    r.scoreName = "KL";
    return r;
}

SEXTANT_BENCH_TASK("tsne", "t-SNE (Barnes-Hut, perplexity 30), 20k x 50", runTsne);
SEXTANT_BENCH_TASK("tsne_100k", "t-SNE (Barnes-Hut, perplexity 30), 100k x 50", runTsne);
