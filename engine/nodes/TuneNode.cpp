#include "nodes/TuneNode.h"

#include "core/Parallel.h"
#include "ml/BayesianSearch.h"
#include "nodes/Evaluation.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"
#include "nodes/MetricsTable.h"
#include "nodes/RemoteTrials.h"
#include "nodes/RunOnSlurm.h"
#include "nodes/TrainingUpdate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <random>

namespace sextant::engine {

namespace {

constexpr int kMaxTrials = 5000;

struct Axis {
    QString name;
    QList<QVariant> values;
};

QList<Axis> parseSearch(const QString &text, const Learner &spec)
{
    QList<Axis> axes;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        const int eq = static_cast<int>(item.indexOf(QLatin1Char('=')));
        if (eq <= 0)
            throw NodeError(
                QStringLiteral("search: '%1' is not parameter=value,value,...").arg(item));
        Axis axis;
        axis.name = item.left(eq).trimmed();
        const ParameterSpec *p = nullptr;
        for (const ParameterSpec &candidate : spec.parameters)
            if (candidate.name == axis.name)
                p = &candidate;
        if (!p) {
            QStringList names;
            for (const ParameterSpec &candidate : spec.parameters)
                names.push_back(candidate.name);
            throw NodeError(
                QStringLiteral("search: %1 has no parameter '%2' (it has: %3)")
                    .arg(spec.displayName, axis.name, names.join(QStringLiteral(", "))));
        }
        for (const QString &v : item.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            Result<QVariant> value = p->fromString(v.trimmed());
            if (!value)
                throw NodeError(
                    QStringLiteral("search: %1=%2: %3").arg(axis.name, v.trimmed(), value.error()));
            axis.values.push_back(value.value());
        }
        if (axis.values.isEmpty())
            throw NodeError(QStringLiteral("search: no value for '%1'").arg(axis.name));
        for (const Axis &other : axes)
            if (other.name == axis.name)
                throw NodeError(QStringLiteral("search: '%1' appears twice").arg(axis.name));
        axes.push_back(axis);
    }
    if (axes.isEmpty())
        throw NodeError(QStringLiteral("search: name at least one parameter and its values, "
                                       "e.g. \"C=0.1,1,10\""));
    return axes;
}

// Bayesian search places numeric values on a (log) scale; text and booleans are categories.
std::unique_ptr<BayesianSearch> bayesianSearch(const QList<Axis> &axes, std::uint64_t seed)
{
    std::vector<BayesianSearch::Axis> out;
    for (const Axis &a : axes) {
        BayesianSearch::Axis b;
        b.size = static_cast<int>(a.values.size());
        std::vector<double> numbers;
        for (const QVariant &v : a.values)
            if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong)
                numbers.push_back(v.toDouble());
        if (numbers.size() == a.values.size())
            b.positions = BayesianSearch::scaledPositions(numbers);
        out.push_back(std::move(b));
    }
    return std::make_unique<BayesianSearch>(std::move(out), BayesianSearch::Options { seed, 0 });
}

} // namespace

NodeType TuneNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Evaluate");
    t.displayName = QStringLiteral("Tune Parameters");
    t.description = QStringLiteral("Grid, random or Bayesian search over a model's parameters with "
                                   "cross-validation; outputs the best model.");
    t.inputs = {
        PortSpec { QStringLiteral("model"), PortType::Model, QStringLiteral("Model"),
            QStringLiteral("The learner to tune (its other parameters are kept)."), false },
        PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false },
    };
    t.outputs = {
        PortSpec {
            QStringLiteral("model"), PortType::Model, QStringLiteral("Best model"), {}, false },
        PortSpec {
            QStringLiteral("metrics"), PortType::Metrics, QStringLiteral("Trials"), {}, false },
    };
    t.parameters = {
        ParameterSpec::string(QStringLiteral("search"), QStringLiteral("Search"), {},
            QStringLiteral(
                "Parameters and the values to try: \"C=0.01,0.1,1,10; max_iter=50,100\".")),
        ParameterSpec::enumeration(QStringLiteral("mode"), QStringLiteral("Mode"),
            { QStringLiteral("grid"), QStringLiteral("random"), QStringLiteral("bayesian") },
            QStringLiteral("grid"),
            QStringLiteral("grid: every combination; random: `trials` combinations drawn at "
                           "random; bayesian: `trials` combinations, each chosen by expected "
                           "improvement on a Gaussian process fitted to the scores so far.")),
        ParameterSpec::integer(QStringLiteral("trials"), QStringLiteral("Trials"), 20, 1,
            kMaxTrials,
            QStringLiteral("Random and Bayesian search: number of combinations tried.")),
        ParameterSpec::enumeration(QStringLiteral("metric"), QStringLiteral("Metric"),
            { QStringLiteral("auto"), QStringLiteral("accuracy"),
                QStringLiteral("balanced_accuracy"), QStringLiteral("f1_macro"),
                QStringLiteral("roc_auc"), QStringLiteral("log_loss"), QStringLiteral("r2"),
                QStringLiteral("rmse"), QStringLiteral("mae") },
            QStringLiteral("auto"), QStringLiteral("Score to optimise (auto: accuracy or R²).")),
        ParameterSpec::integer(QStringLiteral("folds"), QStringLiteral("Folds"), 5, 2, 50, {}),
        ParameterSpec::boolean(
            QStringLiteral("stratified"), QStringLiteral("Stratified"), true, {}),
        ParameterSpec::integer(QStringLiteral("seed"), QStringLiteral("Seed"), 0, 0, 2147483647,
            QStringLiteral("Folds and random search draws.")),
        ParameterSpec::integer(QStringLiteral("only_trial"), QStringLiteral("Only trial"), 0, 0,
            kMaxTrials,
            QStringLiteral("0: every trial. N: plan the search as usual but run only trial N "
                           "(grid and random search), so that `sextant sweep --grid "
                           "'NODE.only_trial=1,2,...'` spreads the trials over a pool or a "
                           "Slurm job array; its metrics row is the one the whole search gives "
                           "for that trial.")),
        ParameterSpec::boolean(QStringLiteral("refit"), QStringLiteral("Refit the best"), true,
            QStringLiteral("Refit the best parameters on every row for the model output. Off: "
                           "no model output, only the trials table (what a task of a search "
                           "spread over processes needs; run_on slurm turns it off in its "
                           "tasks).")),
    };
    t.parameters += RunOnSlurm::parameters(
        QStringLiteral("local: the trials run on this machine, in parallel. slurm: every "
                       "trial of a grid or random search is a task of one Slurm job "
                       "array (a `sextant run` of this workflow with only_trial set); "
                       "the table fills in as the tasks finish, and the best trial is "
                       "refitted here. Stop or Cancel cancels the array."));
    t.needsWorkflow = true;
    t.setCompute(&TuneNode::compute);
    return t;
}

void TuneNode::compute(NodeContext &ctx)
{
    const TrainedModelPtr &model = ctx.inputAs<TrainedModelPtr>(0);
    const Dataset &data = ctx.inputAs<Dataset>(1);
    const Learner *spec = LearnerRegistry::of(*model->estimator);
    if (!spec)
        throw NodeError(QStringLiteral("the connected model (%1) cannot be refitted with other "
                                       "parameters")
                            .arg(model->displayName));
    const QList<Axis> axes = parseSearch(ctx.stringParameter(QStringLiteral("search")), *spec);

    // Plan the trials: every combination (grid) or a seeded random subset.
    double combinations = 1;
    for (const Axis &a : axes)
        combinations *= a.values.size();
    const auto seed = static_cast<std::uint64_t>(ctx.intParameter(QStringLiteral("seed")));
    const bool bayesian = ctx.stringParameter(QStringLiteral("mode")) == QStringLiteral("bayesian");
    // Bayesian search draws like random search, then proposes one trial at a time.
    const bool random
        = bayesian || ctx.stringParameter(QStringLiteral("mode")) == QStringLiteral("random");
    if (!random && combinations > kMaxTrials)
        throw NodeError(QStringLiteral("the grid has %1 combinations (at most %2): use random "
                                       "search or fewer values")
                            .arg(combinations)
                            .arg(kMaxTrials));
    // Random search numbers the combinations: beyond 2^53 they no longer fit a double (nor,
    // soon after, a 64-bit index), so such a space is refused rather than drawn wrongly.
    constexpr double kMaxCombinations = 9007199254740992.0; // 2^53
    if (random && combinations > kMaxCombinations)
        throw NodeError(QStringLiteral("the search space has %1 combinations (at most 2^53): "
                                       "search fewer parameters or values")
                            .arg(combinations));
    std::vector<std::int64_t> picks;
    std::unique_ptr<BayesianSearch> search;
    if (bayesian) {
        search = bayesianSearch(axes, seed);
        picks.resize(static_cast<std::size_t>(
            std::min<double>(combinations, ctx.intParameter(QStringLiteral("trials")))));
    } else if (!random || combinations <= ctx.intParameter(QStringLiteral("trials"))) {
        picks.resize(static_cast<std::size_t>(combinations));
        std::iota(picks.begin(), picks.end(), 0);
    } else {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const auto wanted = static_cast<std::size_t>(ctx.intParameter(QStringLiteral("trials")));
        std::vector<std::int64_t> chosen;
        while (chosen.size() < wanted) {
            const auto c = static_cast<std::int64_t>(u(rng) * combinations);
            if (std::find(chosen.begin(), chosen.end(), c) == chosen.end())
                chosen.push_back(c);
        }
        picks = std::move(chosen);
    }
    // One trial of the plan (only_trial): the same draw, the same folds and seed, so its
    // score is the one the whole search gives it.
    const int plannedTotal = static_cast<int>(picks.size());
    const int onlyTrial = static_cast<int>(ctx.intParameter(QStringLiteral("only_trial")));
    int firstIndex = 0;
    if (onlyTrial > 0) {
        if (bayesian)
            throw NodeError(QCoreApplication::translate("NodeError",
                "only_trial: Bayesian search chooses each trial from the scores before it, so "
                "its trials cannot run apart; use grid or random search"));
        if (onlyTrial > plannedTotal)
            throw NodeError(QCoreApplication::translate(
                "NodeError", "only_trial %1: the search plans %2 trial(s)")
                                .arg(onlyTrial)
                                .arg(plannedTotal));
        firstIndex = onlyTrial - 1;
        picks = { picks[static_cast<std::size_t>(firstIndex)] };
    }
    // Run on Slurm: each trial a task of a job array (only_trial runs here: it is the task).
    const bool onSlurm = onlyTrial == 0 && RunOnSlurm::requested(ctx);
    if (onSlurm && bayesian)
        throw NodeError(QCoreApplication::translate("NodeError",
            "run_on slurm: Bayesian search chooses each trial from the scores before it, so its "
            "trials cannot run as separate tasks; use grid or random search, or run on this "
            "machine"));
    const auto trialParameters = [&](std::int64_t combination) {
        QVariantMap searched;
        for (const Axis &a : axes) {
            searched.insert(a.name, a.values[static_cast<int>(combination % a.values.size())]);
            combination /= a.values.size();
        }
        return searched;
    };

    QString metric = ctx.stringParameter(QStringLiteral("metric"));
    if (metric == QStringLiteral("auto"))
        metric = Evaluation::defaultMetric(model->estimator->task());
    const bool higher = Evaluation::higherIsBetter(metric);

    const int total = static_cast<int>(picks.size());
    QElapsedTimer searchTimer;
    searchTimer.start();
    const auto trialReport = [total](int finishedTrials) {
        EpochReport r;
        r.epoch = finishedTrials;
        r.totalEpochs = total;
        r.unit = "trial";
        return r;
    };
    std::vector<TuneTrial> trials(picks.size());
    std::vector<char> finished(picks.size(), 0);
    std::mutex mutex;
    int done = 0;
    QString failure;
    const auto record = [&](std::size_t i, const TuneTrial &trial) {
        int doneNow;
        {
            std::lock_guard<std::mutex> lock(mutex);
            trials[i] = trial;
            finished[i] = 1;
            doneNow = ++done;
        }
        ctx.progress(0.95 * doneNow / total);
        ctx.publish(makeValue(trial));
    };
    // Bayesian: trials in turn (each needs the scores before it), the folds in parallel.
    const int threads = FitContext {}.threadCount();
    // A single trial (only_trial) runs its folds in parallel instead.
    const bool foldsInParallel = bayesian || total == 1;
    const auto runHere = [&] {
        parallelChunks(
            0, total, bayesian ? 1 : threads, 1, [&](int, std::int64_t begin, std::int64_t end) {
                for (std::int64_t i = begin; i < end; ++i) {
                    if (ctx.cancelled() || ctx.stopTrainingRequested())
                        return;
                    TuneTrial trial;
                    trial.index = firstIndex + static_cast<int>(i) + 1;
                    trial.total = plannedTotal;
                    trial.metric = metric;
                    if (search)
                        picks[static_cast<std::size_t>(i)] = search->next();
                    trial.parameters = trialParameters(picks[static_cast<std::size_t>(i)]);
                    QVariantMap parameters = model->learnerParameters;
                    for (auto it = trial.parameters.cbegin(); it != trial.parameters.cend(); ++it)
                        parameters.insert(it.key(), it.value());
                    Evaluation::CvOptions o;
                    o.folds = static_cast<int>(ctx.intParameter(QStringLiteral("folds")));
                    o.stratified = ctx.boolParameter(QStringLiteral("stratified"));
                    o.seed = seed;
                    o.threads = foldsInParallel ? threads : 1;
                    o.cancel = ctx.cancelFlag();
                    // Stop: a trial whose folds have not all finished is abandoned.
                    o.stop = ctx.stopTrainingFlag();
                    QElapsedTimer timer;
                    timer.start();
                    try {
                        const std::unique_ptr<Estimator> prototype = spec->create(parameters);
                        Evaluation::CvResult r
                            = Evaluation::crossValidate(*model, *prototype, data, o);
                        if (r.cancelled || r.partial)
                            return;
                        trial.score = std::numeric_limits<double>::quiet_NaN();
                        for (int m = 0; m < r.mean.size(); ++m)
                            if (r.mean[m].first == metric) {
                                trial.score = r.mean[m].second;
                                trial.stdDev = r.std[m].second;
                            }
                    } catch (const std::exception &e) {
                        std::lock_guard<std::mutex> lock(mutex);
                        if (failure.isEmpty())
                            failure = QStringLiteral("trial %1: %2")
                                          .arg(trial.index)
                                          .arg(QString::fromUtf8(e.what()));
                        trial.score = std::numeric_limits<double>::quiet_NaN();
                    }
                    trial.seconds = timer.nsecsElapsed() / 1e9;
                    if (search)
                        search->observe(picks[static_cast<std::size_t>(i)],
                            higher ? trial.score : -trial.score);
                    record(static_cast<std::size_t>(i), trial);
                }
            });
    };
    if (onSlurm) {
        RemoteTrialRequest request;
        request.taskParameter = QStringLiteral("only_trial");
        request.tasks = total;
        // The tasks' own refits would be thrown away: the best trial is refitted here.
        request.taskParameters.insert(QStringLiteral("refit"), false);
        request.metric = metric;
        RunOnSlurm::run(ctx, request, [&](const RemoteTrialResult &r) {
            if (r.index < 1 || r.index > total || finished[static_cast<std::size_t>(r.index - 1)])
                return;
            const auto i = static_cast<std::size_t>(r.index - 1);
            TuneTrial trial;
            trial.index = r.index;
            trial.total = plannedTotal;
            trial.metric = metric;
            trial.parameters = trialParameters(picks[i]);
            trial.score = r.ok ? r.score : std::numeric_limits<double>::quiet_NaN();
            trial.stdDev = r.ok ? r.stdDev : 0.0;
            trial.seconds = r.seconds;
            if (!r.ok && failure.isEmpty())
                failure = QStringLiteral("trial %1: %2").arg(r.index).arg(r.message);
            record(i, trial);
        });
    } else {
        runHere();
    }
    if (ctx.cancelled())
        return;
    const bool partial = done < total;
    ctx.publish(
        makeValue(TrainingUpdate { TrainingUpdate::tuneName(spec->displayName), trialReport(done),
            searchTimer.nsecsElapsed() / 1e9, partial ? FitEnd::Stopped : FitEnd::Completed }));
    if (done == 0)
        throw NodeError(
            QStringLiteral("stopped before any of the %1 trials finished: no model").arg(total));

    // Best first; NaN scores (failed trials) last; ties keep the planned order. Stopped:
    // the finished trials only.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < trials.size(); ++i)
        if (finished[i])
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double x = trials[a].score, y = trials[b].score;
        if (std::isnan(x) != std::isnan(y))
            return std::isnan(y);
        return higher ? x > y : x < y;
    });
    if (std::isnan(trials[order.front()].score))
        throw NodeError(failure.isEmpty() ? QStringLiteral("no trial gave a score") : failure);

    MetricsTable table;
    table.title = QStringLiteral("Tuning %1 (%2, %3-fold CV)")
                      .arg(spec->displayName, metric)
                      .arg(ctx.intParameter(QStringLiteral("folds")));
    if (onlyTrial > 0)
        table.title += QStringLiteral(" — trial %1 of %2").arg(onlyTrial).arg(plannedTotal);
    if (partial) {
        const QString note = QStringLiteral("%1 of %2 trials, Stop pressed").arg(done).arg(total);
        table.title += QStringLiteral(" — partial: ") + note;
        ctx.markPartial(note + QStringLiteral("; the best finished trial was refitted"));
    }
    table.columns = { metric, metric + QStringLiteral("_std"), QStringLiteral("seconds") };
    for (const Axis &a : axes)
        table.noteColumns.push_back(a.name);
    for (std::size_t i : order) {
        const TuneTrial &t = trials[i];
        MetricsTable::Row row;
        row.label = QStringLiteral("trial %1").arg(t.index);
        row.values = { t.score, t.stdDev, t.seconds };
        for (const Axis &a : axes)
            row.notes.push_back(ParameterSpec::toString(t.parameters.value(a.name)));
        table.rows.push_back(row);
    }

    if (!ctx.boolParameter(QStringLiteral("refit"))) {
        // No model output: only the table (a task of a spread search).
        ctx.leaveOutputEmpty(0);
        ctx.progress(1.0);
        ctx.setResult(makeValue(table));
        ctx.setOutput(1, makeValue(std::move(table)));
        return;
    }

    // Refit the best parameters on every row (preprocessing refitted too).
    QVariantMap best = model->learnerParameters;
    const QVariantMap &bestSearched = trials[order.front()].parameters;
    for (auto it = bestSearched.cbegin(); it != bestSearched.cend(); ++it)
        best.insert(it.key(), it.value());
    FitContext fc;
    fc.cancel = ctx.cancelFlag();
    const Dataset full = Evaluation::refitPreprocessing(*model, data, fc);
    std::shared_ptr<TrainedModel> refit = LearnerNode::fit(*spec, best, full, nullptr, fc);
    if (!refit)
        return;
    QJsonObject metrics;
    metrics.insert(metric, trials[order.front()].score);
    metrics.insert(metric + QStringLiteral("_std"), trials[order.front()].stdDev);
    refit->metrics = metrics;
    ctx.progress(1.0);
    ctx.setResult(makeValue(table));
    ctx.setOutput(1, makeValue(std::move(table)));
    ctx.setOutput(0, makeValue(TrainedModelPtr(std::move(refit))));
}

} // namespace sextant::engine
