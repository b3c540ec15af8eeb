// k-NN benchmark task: k = 5 classifier fitted on clf_100k_20 (100k x 20), predicting the
// first 10,000 test rows. Timed part: fit + predict. Score: accuracy on those rows.
#include "BenchTask.h"
#include "ml/KNearestNeighbors.h"

using namespace sextant::bench;
using sextant::engine::FitContext;
using sextant::engine::KNearestNeighbors;

SEXTANT_BENCH_TASK("knn", "k-NN classifier (k=5, euclidean), 10k queries against 100k x 20",
    [](const BenchData &d) {
        const Eigen::Index queries = std::min<Eigen::Index>(10000, d.Xtest.rows());
        const double start = benchNow();
        KNearestNeighbors model;
        FitContext ctx;
        ctx.threads = 2;
        model.fit(d.X, d.y, ctx);
        const Eigen::VectorXd pred = model.predict(d.Xtest.topRows(queries));
        BenchOutcome r;
        r.seconds = benchNow() - start;
        Eigen::Index hits = 0;
        for (Eigen::Index i = 0; i < queries; ++i)
            hits += pred(i) == d.ytest(i) ? 1 : 0;
        r.score = static_cast<double>(hits) / static_cast<double>(queries);
        r.scoreName = "accuracy";
        return r;
    });
