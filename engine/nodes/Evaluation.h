#pragma once

#include "graph/NodeContext.h"
#include "graph/ParameterSpec.h"
#include "ml/CrossValidation.h"
#include "ml/TrainedModel.h"
#include "nodes/MetricsTable.h"

#include <QList>
#include <QPair>
#include <QVariantMap>
#include <atomic>
#include <functional>
#include <vector>

namespace sextant::engine {

// Evaluation shared by the Test, Cross-validation, Compare and Tune nodes.
class Evaluation {
public:
    // Figures computed from a prediction's predicted values against its truth (rows
    // without truth are left out): classification — accuracy, balanced_accuracy,
    // precision/recall/f1 macro and weighted, roc_auc (one-vs-rest) and log_loss when
    // there are probabilities; regression — rmse, mae, r2, mape. Throws FitError when
    // no row has a known target.
    static QList<QPair<QString, double>> metrics(const Prediction &prediction);

    // The metric a search maximises for a task ("accuracy" / "r2") and whether larger is
    // better for a metric name.
    static QString defaultMetric(EstimatorTask task);
    static bool higherIsBetter(const QString &metric);

    struct CvOptions {
        int folds = 5;
        bool stratified = true;
        bool shuffle = true;
        std::uint64_t seed = 0;
        int threads = 0; // folds in parallel; 0: hardware
        const std::atomic<bool> *cancel = nullptr;
        // Stop pressed: no fold starts any more, and a fold whose learner is still
        // training is abandoned at its next epoch (not counted); the folds finished so far
        // make a partial result.
        const std::atomic<bool> *stop = nullptr;
        std::function<void(int foldsDone)> onFoldDone; // called from worker threads
        // 1-based: fit and predict only that fold of the same folds (same seed) as the
        // whole run, e.g. one task of a cross-validation spread over processes; 0: every
        // fold.
        int onlyFold = 0;
    };

    struct CvResult {
        // Every row predicted by the fold that held it out (partial: the rows of the
        // finished folds only, in row order).
        Prediction outOfFold;
        QList<QList<QPair<QString, double>>> perFold; // the finished folds, in fold order
        QList<int> foldNumbers; // 1-based number of each entry of perFold
        int foldsTotal = 0; // the folds planned
        QList<QPair<QString, double>> mean; // over perFold
        QList<QPair<QString, double>> std;
        double seconds = 0;
        bool cancelled = false;
        // Stopped (CvOptions::stop) before every fold finished: perFold, mean and std are
        // those of the finished folds (perFold is empty when none finished).
        bool partial = false;
        // CvOptions::onlyFold: perFold, mean, std and outOfFold are that fold's (not
        // partial).
        int onlyFold = 0;
        // "3 of 10 folds, Stop pressed"
        QString partialNote() const;
    };

    // Cross-validates the pipeline `model` stands for on `data` — the one cross-validation
    // of Sextant, run by the Cross-Validation, Compare and Tune nodes: per fold, the
    // model's preprocessing steps that `data` has not been through are fitted again on the
    // fold's training rows, then `prototype.cloneUnfitted()` (by default the model's own
    // estimator) — so nothing is learnt from the held-out rows. Folds run in parallel and
    // are combined in fold order (combineFolds), so results do not depend on the thread
    // count. Throws FitError. Stopped (options.stop), it returns the folds finished so far,
    // `partial`. options.onlyFold: only that fold is fitted and predicted.
    static CvResult crossValidate(
        const TrainedModel &model, const Dataset &data, const CvOptions &options);
    static CvResult crossValidate(const TrainedModel &model, const Estimator &prototype,
        const Dataset &data, const CvOptions &options);

    // The folds crossValidate makes of `data` for `model`, checked as it checks them.
    struct CvPlan {
        EstimatorTask task = EstimatorTask::Classification;
        Eigen::VectorXd y; // the target encoded, one entry per row of `data`
        QStringList classes; // the model's (classification)
        std::vector<DataSplit> folds; // each fold's test rows in ascending row order
    };
    // Throws FitError (a clustering model, no target, a row without a usable target, too
    // few rows for the folds).
    static CvPlan planFolds(
        const TrainedModel &model, const Dataset &data, const CvOptions &options);

    // The result of a cross-validation from the predictions of its folds — the one place
    // the out-of-fold predictions, the per-fold metrics and their mean and std are made,
    // for folds fitted here (crossValidate) and folds fitted by tasks elsewhere (the
    // Cross-Validation node's run_on = slurm). For each f with finished[f],
    // foldPredictions[f] holds the rows of plan.folds[f].test in that order: predicted
    // (class index into plan.classes, or the value), probabilities (rows x classes, or
    // empty) and truth, with the plan's task and classes. The out-of-fold prediction has
    // every row when every fold finished, else the finished folds' rows in row order; the
    // result is partial when a fold did not finish, unless `onlyFold` (1-based) says that
    // only that fold was asked for. `seconds` is left 0.
    static CvResult combineFolds(const TrainedModel &model, const Dataset &data, const CvPlan &plan,
        const std::vector<Prediction> &foldPredictions, const std::vector<char> &finished,
        int onlyFold = 0);

    // `data` with the model's preprocessing steps it has not been through fitted again on
    // it (fresh copies), e.g. to refit a tuned pipeline on all rows.
    static Dataset refitPreprocessing(
        const TrainedModel &model, const Dataset &data, const FitContext &context);

    // The folds / stratified / seed parameters of the cross-validating nodes, and the
    // options they give (cancel and Stop: the node's).
    static QList<ParameterSpec> cvParameters();
    static CvOptions cvOptions(NodeContext &ctx);

    // A table with one row per fold plus mean and std; partial: the finished folds, the
    // mean and std rows saying over how many, the title ending in "— partial: ...".
    static MetricsTable foldTable(const CvResult &result, const QString &title);
    static MetricsTable singleRow(
        const QString &label, const QList<QPair<QString, double>> &values, const QString &title);
};

} // namespace sextant::engine
