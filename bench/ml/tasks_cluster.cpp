// Clustering tasks of the machine-learning benchmark (see BenchTask.h, run.py).
#include "BenchTask.h"
#include "ml/KMeans.h"

#include <stdexcept>

using namespace sextant::bench;
using namespace sextant::engine;

// k-means, k = 10, greedy k-means++, one run, at most 300 Lloyd iterations, tol 1e-4 (as
// scikit-learn's KMeans(10, n_init=1)). Timed part: fit. Score: inertia per row.
SEXTANT_BENCH_TASK("kmeans", "k-means, k=10, k-means++, 500k x 8", [](const BenchData &d) {
    KMeansOptions o;
    o.clusters = 10;
    o.nInit = 1;
    o.maxIter = 300;
    o.tol = 1e-4;
    o.seed = 0;
    KMeans km(o);
    FitContext context;
    const double start = benchNow();
    if (!km.fit(d.X, Eigen::VectorXd(), context))
        throw std::runtime_error("k-means fit failed");
    BenchOutcome r;
    r.seconds = benchNow() - start;
    r.score = km.inertia() / static_cast<double>(d.X.rows());
    r.scoreName = "inertia";
    return r;
});

// Diagnostic (not in run.py's table): the same Lloyd iterations as scikit-learn, started
// from the first 10 rows as centres, so both sides do exactly the same work.
// bench_ml --task kmeans_fixed_init --dataset blobs_500k_8 --data DIR, and
// reference.py kmeans_fixed_init scikit-learn blobs_500k_8 DIR.
SEXTANT_BENCH_TASK("kmeans_fixed_init", "k-means, k=10, first 10 rows as centres, 500k x 8",
    [](const BenchData &d) {
        KMeansOptions o;
        o.clusters = 10;
        o.initialCentres = d.X.topRows(10);
        KMeans km(o);
        FitContext context;
        const double start = benchNow();
        if (!km.fit(d.X, Eigen::VectorXd(), context))
            throw std::runtime_error("k-means fit failed");
        BenchOutcome r;
        r.seconds = benchNow() - start;
        r.score = km.inertia() / static_cast<double>(d.X.rows());
        r.scoreName = "inertia";
        return r;
    });
