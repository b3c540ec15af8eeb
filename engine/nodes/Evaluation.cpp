#include "nodes/Evaluation.h"

#include "core/Parallel.h"
#include "data/RowSelection.h"
#include "ml/CrossValidation.h"
#include "ml/Metrics.h"

#include <QElapsedTimer>
#include <QHash>
#include <cmath>
#include <mutex>

namespace sextant::engine {

namespace {

std::vector<std::int64_t> toRows(const std::vector<Eigen::Index> &indices)
{
    return std::vector<std::int64_t>(indices.begin(), indices.end());
}

// Fits fresh copies of `steps` one after the other, each on the output of the previous.
Dataset fitSteps(Dataset data, const std::vector<std::shared_ptr<const Transformer>> &steps,
    const FitContext &context)
{
    for (const auto &step : steps) {
        std::shared_ptr<Transformer> fresh = step->cloneUnfitted();
        fresh->fit(data, context);
        Dataset next = fresh->transform(data);
        next.setPreprocessing(data.preprocessing());
        next.appendPreprocessing(fresh);
        data = std::move(next);
    }
    return data;
}

} // namespace

QString Evaluation::defaultMetric(EstimatorTask task)
{
    return task == EstimatorTask::Regression ? QStringLiteral("r2") : QStringLiteral("accuracy");
}

bool Evaluation::higherIsBetter(const QString &metric)
{
    static const QStringList lower = { QStringLiteral("rmse"), QStringLiteral("mae"),
        QStringLiteral("mape"), QStringLiteral("log_loss"), QStringLiteral("inertia") };
    return !lower.contains(metric);
}

QList<QPair<QString, double>> Evaluation::metrics(const Prediction &p)
{
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < p.truth.size(); ++i)
        if (!std::isnan(p.truth(i)) && i < p.predicted.size() && !std::isnan(p.predicted(i)))
            rows.push_back(i);
    if (rows.empty())
        throw FitError(p.targetName.isEmpty()
                ? std::string("the table has no target column to evaluate against")
                : "no row of the table has a known '" + p.targetName.toStdString()
                    + "' value to evaluate against");
    const Eigen::Index n = static_cast<Eigen::Index>(rows.size());
    Eigen::VectorXd yTrue(n), yPred(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        yTrue(i) = p.truth(rows[static_cast<std::size_t>(i)]);
        yPred(i) = p.predicted(rows[static_cast<std::size_t>(i)]);
    }
    QList<QPair<QString, double>> out;
    if (p.task == EstimatorTask::Regression) {
        out.push_back({ QStringLiteral("rmse"), Metrics::rmse(yTrue, yPred) });
        out.push_back({ QStringLiteral("mae"), Metrics::mae(yTrue, yPred) });
        out.push_back({ QStringLiteral("r2"), Metrics::r2(yTrue, yPred) });
        out.push_back({ QStringLiteral("mape"), Metrics::mape(yTrue, yPred) });
        return out;
    }
    const int k = static_cast<int>(p.classNames.size());
    out.push_back({ QStringLiteral("accuracy"), Metrics::accuracy(yTrue, yPred) });
    out.push_back({ QStringLiteral("balanced_accuracy"), Metrics::balancedAccuracy(yTrue, yPred) });
    const ClassificationReport r = Metrics::classificationReport(yTrue, yPred, k);
    out.push_back({ QStringLiteral("precision_macro"), r.macroPrecision });
    out.push_back({ QStringLiteral("recall_macro"), r.macroRecall });
    out.push_back({ QStringLiteral("f1_macro"), r.macroF1 });
    out.push_back({ QStringLiteral("precision_weighted"), r.weightedPrecision });
    out.push_back({ QStringLiteral("recall_weighted"), r.weightedRecall });
    out.push_back({ QStringLiteral("f1_weighted"), r.weightedF1 });
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (p.probabilities.rows() == p.predicted.size() && p.probabilities.cols() == k) {
        Eigen::MatrixXd P(n, k);
        for (Eigen::Index i = 0; i < n; ++i)
            P.row(i) = p.probabilities.row(rows[static_cast<std::size_t>(i)]);
        out.push_back({ QStringLiteral("roc_auc"), Metrics::rocAuc(yTrue, P) });
        out.push_back({ QStringLiteral("log_loss"), Metrics::logLoss(yTrue, P) });
    } else {
        out.push_back({ QStringLiteral("roc_auc"), nan });
        out.push_back({ QStringLiteral("log_loss"), nan });
    }
    return out;
}

Evaluation::CvResult Evaluation::crossValidate(
    const TrainedModel &model, const Dataset &data, const CvOptions &options)
{
    return crossValidate(model, *model.estimator, data, options);
}

Evaluation::CvPlan Evaluation::planFolds(
    const TrainedModel &model, const Dataset &data, const CvOptions &options)
{
    CvPlan plan;
    plan.task = model.estimator->task();
    if (plan.task == EstimatorTask::Clustering)
        throw FitError("cross-validation needs a classifier or a regressor");
    if (!model.target.hasTarget(data))
        throw FitError("the table has no column '" + model.target.name().toStdString()
            + "' (the model's target)");
    plan.y = model.target.encode(data);
    for (Eigen::Index i = 0; i < plan.y.size(); ++i)
        if (std::isnan(plan.y(i)))
            throw FitError("row " + std::to_string(i + 1) + " has no usable '"
                + model.target.name().toStdString()
                + "' value (missing, or a class the model does not know)");
    plan.folds = plan.task == EstimatorTask::Classification && options.stratified
        ? CrossValidation::stratifiedKFold(plan.y, options.folds, options.shuffle, options.seed)
        : CrossValidation::kFold(plan.y.size(), options.folds, options.shuffle, options.seed);
    plan.classes = model.target.classNames();
    return plan;
}

Evaluation::CvResult Evaluation::crossValidate(const TrainedModel &model,
    const Estimator &prototype, const Dataset &data, const CvOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const CvPlan plan = planFolds(model, data, options);
    const std::vector<DataSplit> &folds = plan.folds;
    const EstimatorTask task = plan.task;
    const Eigen::VectorXd &y = plan.y;
    if (options.onlyFold < 0 || options.onlyFold > static_cast<int>(folds.size()))
        throw FitError("only_fold " + std::to_string(options.onlyFold)
            + ": the cross-validation has " + std::to_string(folds.size()) + " folds");

    // The steps `data` has not been through are refitted on every fold.
    const std::vector<std::shared_ptr<const Transformer>> remaining = model.pendingSteps(data);

    const QStringList &classes = plan.classes;
    QHash<QString, int> classIndex;
    for (int k = 0; k < classes.size(); ++k)
        classIndex.insert(classes[k], k);
    const int K = static_cast<int>(classes.size());

    // The folds to fit: every one, or (onlyFold) that one of the same folds.
    std::vector<std::size_t> todo;
    for (std::size_t f = 0; f < folds.size(); ++f)
        if (options.onlyFold == 0 || static_cast<int>(f) == options.onlyFold - 1)
            todo.push_back(f);
    std::vector<Prediction> foldPredictions(folds.size());
    std::vector<char> finished(folds.size(), 0);
    std::mutex doneMutex;
    int foldsDone = 0;
    const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
    const auto stopped = [&] { return options.stop && options.stop->load(); };
    const int threads = options.threads > 0 ? options.threads : FitContext {}.threadCount();
    parallelChunks(0, static_cast<std::int64_t>(todo.size()), threads, 1,
        [&](int, std::int64_t begin, std::int64_t end) {
            for (std::int64_t t = begin; t < end; ++t) {
                if (cancelled() || stopped())
                    return;
                const std::size_t f = todo[static_cast<std::size_t>(t)];
                const DataSplit &split = folds[f];
                Dataset train = selectRows(data, toRows(split.train));
                train.setPreprocessing(data.preprocessing());
                FitContext fc;
                fc.cancel = options.cancel;
                fc.threads = 1;
                // Stop reaches a learner still training at its next epoch; that fold is
                // then abandoned (its model is not the one the fold stands for).
                bool cut = false;
                if (options.stop)
                    fc.onEpoch = [&](const EpochReport &) {
                        cut = cut || stopped();
                        return cut;
                    };
                train = fitSteps(std::move(train), remaining, fc);
                auto fitted = TrainedModel::train(
                    train, prototype.cloneUnfitted(), model.target.name(), fc);
                if (!fitted || cut)
                    return;
                Dataset test = selectRows(data, toRows(split.test));
                test.setPreprocessing(data.preprocessing());
                Prediction p = fitted->predict(test, options.cancel);
                // Re-index the fold's classes (those seen in its training rows) to the
                // model's classes.
                if (task == EstimatorTask::Classification) {
                    std::vector<int> map(static_cast<std::size_t>(p.classNames.size()));
                    for (int k = 0; k < p.classNames.size(); ++k)
                        map[static_cast<std::size_t>(k)] = classIndex.value(p.classNames[k], 0);
                    Eigen::MatrixXd P;
                    if (p.probabilities.size() > 0)
                        P = Eigen::MatrixXd::Zero(p.probabilities.rows(), K);
                    for (Eigen::Index r = 0; r < p.predicted.size(); ++r) {
                        p.predicted(r) = map[static_cast<std::size_t>(p.predicted(r))];
                        for (Eigen::Index k = 0; k < p.probabilities.cols(); ++k)
                            P(r, map[static_cast<std::size_t>(k)]) += p.probabilities(r, k);
                    }
                    p.probabilities = std::move(P);
                    p.classNames = classes;
                }
                p.truth.resize(static_cast<Eigen::Index>(split.test.size()));
                for (std::size_t i = 0; i < split.test.size(); ++i)
                    p.truth(static_cast<Eigen::Index>(i)) = y(split.test[i]);
                foldPredictions[f] = std::move(p);
                int doneNow;
                {
                    std::lock_guard<std::mutex> lock(doneMutex);
                    finished[f] = 1;
                    doneNow = ++foldsDone;
                }
                if (options.onFoldDone)
                    options.onFoldDone(doneNow);
            }
        });
    if (cancelled() || (foldsDone < static_cast<int>(todo.size()) && !stopped())) {
        CvResult result;
        result.foldsTotal = static_cast<int>(folds.size());
        result.cancelled = true;
        return result;
    }
    CvResult result = combineFolds(model, data, plan, foldPredictions, finished, options.onlyFold);
    result.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}

Evaluation::CvResult Evaluation::combineFolds(const TrainedModel &model, const Dataset &data,
    const CvPlan &plan, const std::vector<Prediction> &foldPredictions,
    const std::vector<char> &finished, int onlyFold)
{
    CvResult result;
    const std::vector<DataSplit> &folds = plan.folds;
    const Eigen::VectorXd &y = plan.y;
    const Eigen::Index n = y.size();
    const int K = static_cast<int>(plan.classes.size());
    result.foldsTotal = static_cast<int>(folds.size());
    result.onlyFold = onlyFold;
    bool all = finished.size() == folds.size();
    for (std::size_t f = 0; f < finished.size(); ++f)
        all = all && finished[f];
    // Stopped before every fold finished (not: one fold asked for).
    result.partial = !all && onlyFold == 0;

    // Out-of-fold predictions in row order: every row, or the rows of the finished folds.
    std::vector<Eigen::Index> position(static_cast<std::size_t>(n), -1);
    std::vector<std::int64_t> keptRows;
    for (Eigen::Index row = 0; row < n; ++row)
        if (all)
            position[static_cast<std::size_t>(row)] = row;
    if (!all) {
        for (std::size_t f = 0; f < folds.size(); ++f)
            if (f < finished.size() && finished[f])
                for (const Eigen::Index row : folds[f].test)
                    position[static_cast<std::size_t>(row)] = 0;
        for (Eigen::Index row = 0; row < n; ++row)
            if (position[static_cast<std::size_t>(row)] >= 0) {
                position[static_cast<std::size_t>(row)]
                    = static_cast<Eigen::Index>(keptRows.size());
                keptRows.push_back(row);
            }
    }
    const Eigen::Index m = all ? n : static_cast<Eigen::Index>(keptRows.size());
    Prediction &out = result.outOfFold;
    out.task = plan.task;
    out.modelName = model.displayName;
    out.targetName = model.target.name();
    out.classNames = plan.classes;
    out.truth.resize(m);
    for (Eigen::Index row = 0; row < n; ++row)
        if (const Eigen::Index at = position[static_cast<std::size_t>(row)]; at >= 0)
            out.truth(at) = y(row);
    out.predicted = Eigen::VectorXd::Zero(m);
    std::size_t firstDone = 0;
    while (firstDone < finished.size() && !finished[firstDone])
        ++firstDone;
    const bool proba = plan.task == EstimatorTask::Classification && firstDone < finished.size()
        && foldPredictions[firstDone].probabilities.size() > 0;
    if (proba)
        out.probabilities = Eigen::MatrixXd::Zero(m, K);
    for (std::size_t f = 0; f < folds.size() && f < finished.size(); ++f) {
        if (!finished[f])
            continue;
        const Prediction &p = foldPredictions[f];
        for (std::size_t i = 0; i < folds[f].test.size(); ++i) {
            const Eigen::Index row = position[static_cast<std::size_t>(folds[f].test[i])];
            out.predicted(row) = p.predicted(static_cast<Eigen::Index>(i));
            if (proba && p.probabilities.rows() > 0)
                out.probabilities.row(row) = p.probabilities.row(static_cast<Eigen::Index>(i));
        }
        result.perFold.push_back(metrics(p));
        result.foldNumbers.push_back(static_cast<int>(f) + 1);
    }
    // The out-of-fold table: the input (or the finished folds' rows) with the prediction
    // columns.
    out.setTable(all ? data : selectRows(data, keptRows));
    if (result.perFold.isEmpty())
        return result;

    const auto &names = result.perFold.front();
    for (int c = 0; c < names.size(); ++c) {
        double sum = 0, sumSq = 0;
        int count = 0;
        for (const auto &fold : result.perFold) {
            const double v = fold[c].second;
            if (std::isnan(v))
                continue;
            sum += v;
            sumSq += v * v;
            ++count;
        }
        const double mean = count ? sum / count : std::numeric_limits<double>::quiet_NaN();
        const double var = count ? std::max(0.0, sumSq / count - mean * mean) : mean;
        result.mean.push_back({ names[c].first, mean });
        result.std.push_back({ names[c].first, std::sqrt(var) });
    }
    return result;
}

Dataset Evaluation::refitPreprocessing(
    const TrainedModel &model, const Dataset &data, const FitContext &context)
{
    return fitSteps(data, model.pendingSteps(data), context);
}

MetricsTable Evaluation::singleRow(
    const QString &label, const QList<QPair<QString, double>> &values, const QString &title)
{
    MetricsTable t;
    t.title = title;
    MetricsTable::Row row;
    row.label = label;
    for (const auto &[name, value] : values) {
        t.columns.push_back(name);
        row.values.push_back(value);
    }
    t.rows.push_back(row);
    return t;
}

MetricsTable Evaluation::foldTable(const CvResult &result, const QString &title)
{
    MetricsTable t;
    t.title = title;
    for (const auto &m : result.mean)
        t.columns.push_back(m.first);
    const auto add = [&](const QString &label, const QList<QPair<QString, double>> &values) {
        MetricsTable::Row row;
        row.label = label;
        for (const auto &v : values)
            row.values.push_back(v.second);
        t.rows.push_back(row);
    };
    for (int f = 0; f < result.perFold.size(); ++f)
        add(QStringLiteral("fold %1").arg(result.foldNumbers.value(f, f + 1)), result.perFold[f]);
    if (result.partial) {
        const QString over = QStringLiteral(" (partial: %1)").arg(result.partialNote());
        t.title += QStringLiteral(" — partial: ") + result.partialNote();
        add(QStringLiteral("mean") + over, result.mean);
        add(QStringLiteral("std") + over, result.std);
    } else {
        add(QStringLiteral("mean"), result.mean);
        add(QStringLiteral("std"), result.std);
    }
    return t;
}

QString Evaluation::CvResult::partialNote() const
{
    return QStringLiteral("%1 of %2 folds, Stop pressed").arg(perFold.size()).arg(foldsTotal);
}

QList<ParameterSpec> Evaluation::cvParameters()
{
    return {
        ParameterSpec::integer(QStringLiteral("folds"), QStringLiteral("Folds"), 5, 2, 50,
            QStringLiteral("Number of folds (k).")),
        ParameterSpec::boolean(QStringLiteral("stratified"), QStringLiteral("Stratified"), true,
            QStringLiteral("Classification: keep each class's share in every fold.")),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Shuffles the rows before the folds are made; the same seed gives "
                           "the same folds.")),
    };
}

Evaluation::CvOptions Evaluation::cvOptions(NodeContext &ctx)
{
    Evaluation::CvOptions o;
    o.folds = static_cast<int>(ctx.intParameter(QStringLiteral("folds")));
    o.stratified = ctx.boolParameter(QStringLiteral("stratified"));
    o.seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    o.cancel = ctx.cancelFlag();
    o.stop = ctx.stopTrainingFlag();
    return o;
}

} // namespace sextant::engine
