// Cross-validation task for bench_ml (see BenchTask.h); scikit-learn counterpart in
// bench/ml/ref_cv.py. It runs Evaluation::crossValidate, the cross-validation the
// Cross-Validation, Compare and Tune nodes run, on a table: the per-fold row selection,
// feature and target encoding are part of what is timed, as they are for a user.
#include "BenchTask.h"
#include "data/Dataset.h"
#include "ml/LogisticRegression.h"
#include "ml/TrainedModel.h"
#include "nodes/Evaluation.h"

#include <stdexcept>

namespace {

using namespace sextant::bench;
using namespace sextant::engine;

// Features "x0".."x<d-1>" and the class column "y" ("0".."K-1") as the target.
Dataset tableOf(const BenchData &d)
{
    Dataset t;
    for (Eigen::Index j = 0; j < d.X.cols(); ++j)
        t.addColumn(Column::numeric(QStringLiteral("x%1").arg(j),
            std::vector<double>(d.X.col(j).data(), d.X.col(j).data() + d.X.rows())));
    std::vector<std::int32_t> codes(static_cast<std::size_t>(d.y.size()));
    for (Eigen::Index i = 0; i < d.y.size(); ++i)
        codes[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(d.y(i));
    QStringList classes;
    for (int k = 0; k < d.classes; ++k)
        classes.push_back(QString::number(k));
    t.addColumn(Column::categorical(QStringLiteral("y"), std::move(codes), classes));
    t.setRole(static_cast<int>(d.X.cols()), ColumnRole::Target);
    return t;
}

// 5-fold stratified (unshuffled, like cross_val_score's default) CV of scikit-learn's
// LogisticRegression() defaults, folds in parallel on the machine's cores, as the
// Cross-Validation node runs it.
SEXTANT_BENCH_TASK(
    "cv_logreg", "5-fold CV of logistic regression, 100k x 20", [](const BenchData &d) {
        const Dataset data = tableOf(d);
        // The pipeline the node would receive: the learner fitted on every row (not timed,
        // like the learner node upstream of the Cross-Validation node).
        const auto model = TrainedModel::train(
            data, std::make_unique<LogisticRegression>(), QStringLiteral("y"), FitContext {});
        if (!model)
            throw std::runtime_error("cv_logreg: the model could not be fitted");
        Evaluation::CvOptions options;
        options.folds = 5;
        options.stratified = true;
        options.shuffle = false;
        const double start = benchNow();
        const Evaluation::CvResult r = Evaluation::crossValidate(*model, data, options);
        BenchOutcome out;
        out.seconds = benchNow() - start;
        double correct = 0;
        for (Eigen::Index i = 0; i < d.y.size(); ++i)
            correct += r.outOfFold.predicted(i) == d.y(i) ? 1.0 : 0.0;
        out.score = correct / static_cast<double>(d.y.size());
        out.scoreName = "accuracy";
        return out;
    });

} // namespace
