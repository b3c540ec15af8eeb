// Multidimensional scaling tasks of the machine-learning benchmark (see BenchTask.h,
// run.py).
#include "BenchTask.h"
#include "ml/Mds.h"

#include <stdexcept>

using namespace sextant::bench;
using namespace sextant::engine;

// Timed part: the whole fit (pairwise distances, then the decomposition or the SMACOF
// runs). Score: the raw stress of the embedding returned (sum over pairs of the squared
// gap between embedded and input distances), as ref_mds.py computes it.
static BenchOutcome runMds(const BenchData &d, MdsOptions::Method method)
{
    MdsOptions o;
    o.method = method; // SMACOF: scikit-learn's defaults, 4 runs, 300 iterations, eps 1e-3
    MdsResult result;
    const double start = benchNow();
    if (!Mds::fit(d.X, o, FitContext {}, result))
        throw std::runtime_error("MDS fit failed");
    BenchOutcome r;
    r.seconds = benchNow() - start;
    r.score = result.stress;
    r.scoreName = "stress";
    return r;
}

SEXTANT_BENCH_TASK("mds_smacof", "MDS, SMACOF (4 runs, 300 iterations), 2k x 10",
    [](const BenchData &d) { return runMds(d, MdsOptions::Method::Smacof); });
SEXTANT_BENCH_TASK("mds_classical", "MDS, classical (top 2 eigenvectors), 5k x 10",
    [](const BenchData &d) { return runMds(d, MdsOptions::Method::Classical); });
