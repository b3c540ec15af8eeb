// MLP 64-64 ReLU, softmax output, 10 epochs, mini-batches of 256, Adam (lr 1e-3), on the
// binary clf_100k_20 dataset; the timed part is fit(), the score the test accuracy.
// bench/ml/ref_mlp.py runs the same network in PyTorch and scikit-learn.
#include "BenchTask.h"
#include "ml/Mlp.h"

namespace {

using namespace sextant;

bench::BenchOutcome runMlp(const bench::BenchData &d)
{
    engine::MlpOptions o;
    o.task = engine::EstimatorTask::Classification;
    o.hiddenLayers = { 64, 64 };
    o.activation = engine::MlpOptions::Activation::Relu;
    o.solver = engine::MlpOptions::Solver::Adam;
    o.learningRate = 1e-3;
    o.batchSize = 256;
    o.maxEpochs = 10;
    o.alpha = 0;
    o.tol = 0;
    o.nIterNoChange = 1000;
    o.seed = 0;
    engine::Mlp mlp(o);
    engine::FitContext context;
    context.threads = 2;
    context.classCount = d.classes;
    const double t0 = bench::benchNow();
    mlp.fit(d.X, d.y, context);
    const double seconds = bench::benchNow() - t0;
    const Eigen::VectorXd pred = mlp.predict(d.Xtest);
    const double accuracy = (pred.array() == d.ytest.array()).cast<double>().mean();
    return { seconds, accuracy, "accuracy" };
}

} // namespace

SEXTANT_BENCH_TASK("mlp", "MLP 64-64 ReLU, 10 epochs, batch 256, Adam, 100k x 20", runMlp);
