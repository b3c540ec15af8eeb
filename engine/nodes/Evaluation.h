#pragma once

#include "graph/NodeContext.h"
#include "graph/ParameterSpec.h"
#include "ml/TrainedModel.h"
#include "nodes/MetricsTable.h"

#include <QList>
#include <QPair>
#include <QVariantMap>
#include <atomic>
#include <functional>

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
        std::function<void(int foldsDone)> onFoldDone; // called from worker threads
    };

    struct CvResult {
        Prediction outOfFold; // every row predicted by the fold that held it out
        QList<QList<QPair<QString, double>>> perFold;
        QList<QPair<QString, double>> mean;
        QList<QPair<QString, double>> std;
        double seconds = 0;
        bool cancelled = false;
    };

    // Cross-validates the pipeline `model` stands for on `data` — the one cross-validation
    // of Sextant, run by the Cross-Validation, Compare and Tune nodes: per fold, the
    // model's preprocessing steps that `data` has not been through are fitted again on the
    // fold's training rows, then `prototype.cloneUnfitted()` (by default the model's own
    // estimator) — so nothing is learnt from the held-out rows. Folds run in parallel and
    // are combined in fold order, so results do not depend on the thread count. Throws
    // FitError.
    static CvResult crossValidate(
        const TrainedModel &model, const Dataset &data, const CvOptions &options);
    static CvResult crossValidate(const TrainedModel &model, const Estimator &prototype,
        const Dataset &data, const CvOptions &options);

    // `data` with the model's preprocessing steps it has not been through fitted again on
    // it (fresh copies), e.g. to refit a tuned pipeline on all rows.
    static Dataset refitPreprocessing(
        const TrainedModel &model, const Dataset &data, const FitContext &context);

    // The folds / stratified / seed parameters of the cross-validating nodes, and the
    // options they give.
    static QList<ParameterSpec> cvParameters();
    static CvOptions cvOptions(NodeContext &ctx);

    // A table with one row per fold plus mean and std.
    static MetricsTable foldTable(const CvResult &result, const QString &title);
    static MetricsTable singleRow(
        const QString &label, const QList<QPair<QString, double>> &values, const QString &title);
};

} // namespace sextant::engine
