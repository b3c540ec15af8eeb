#include "cli/SlurmTrialRunner.h"

#include "cli/SlurmBackend.h"
#include "cli/SweepFolder.h"
#include "cli/SweepResults.h"
#include "data/AtomicFile.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "graph/WorkflowPaths.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/CrossValidationNode.h"
#include "nodes/TuneNode.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStandardPaths>
#include <chrono>
#include <limits>
#include <thread>

namespace sextant::cli {

namespace {

using namespace sextant::engine;

const char *const kMetricsSink = "view.metrics";

// The node types whose tasks the runner runs: the parameter a task sets, the node type,
// and the prefix of the run's folder, workflow copy and job name ("tune").
struct NodeKind {
    QString taskParameter;
    QString typeId;
    QString prefix;
};

const NodeKind *kindOf(const QString &taskParameter)
{
    static const NodeKind kinds[] = {
        { QStringLiteral("only_trial"), TuneNode::typeId(), QStringLiteral("tune") },
        { QStringLiteral("only_fold"), CrossValidationNode::typeId(), QStringLiteral("cv") },
    };
    for (const NodeKind &k : kinds)
        if (k.taskParameter == taskParameter)
            return &k;
    return nullptr;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The JSON file the run in `runDirectory` wrote for node `id` (run.json names it); "" when
// none.
QString jsonFileOf(const QString &runDirectory, int id)
{
    const QJsonObject report = readJson(QDir(runDirectory).filePath(QStringLiteral("run.json")));
    for (const QJsonValue &nv : report.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject node = nv.toObject();
        if (node.value(QStringLiteral("id")).toInt() != id)
            continue;
        for (const QJsonValue &fv : node.value(QStringLiteral("files")).toArray())
            if (fv.toString().endsWith(QLatin1String(".json")))
                return QDir(runDirectory).filePath(fv.toString());
    }
    return {};
}

double numberOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

// The per-row vectors of a prediction view's JSON (SinkDataWriter: "predicted", "truth",
// "probabilities", "classes"); false with `why` when they are missing or do not agree.
bool readPrediction(const QString &path, EstimatorTask task, Prediction *p, QString *why)
{
    const QJsonObject o = readJson(path);
    const QJsonArray predicted = o.value(QStringLiteral("predicted")).toArray();
    const QJsonArray truth = o.value(QStringLiteral("truth")).toArray();
    const QJsonArray probabilities = o.value(QStringLiteral("probabilities")).toArray();
    if (!o.value(QStringLiteral("predicted")).isArray() || predicted.size() != truth.size()
        || (!probabilities.isEmpty() && probabilities.size() != predicted.size())) {
        *why = QStringLiteral("%1 holds no per-row predictions").arg(path);
        return false;
    }
    p->task = task;
    p->modelName = o.value(QStringLiteral("model")).toString();
    p->targetName = o.value(QStringLiteral("target")).toString();
    p->classNames.clear();
    for (const QJsonValue &c : o.value(QStringLiteral("classes")).toArray())
        p->classNames.append(c.toString());
    const auto n = static_cast<Eigen::Index>(predicted.size());
    p->predicted.resize(n);
    p->truth.resize(n);
    for (Eigen::Index r = 0; r < n; ++r) {
        p->predicted(r) = numberOf(predicted[r]);
        p->truth(r) = numberOf(truth[r]);
    }
    p->probabilities.resize(0, 0);
    if (!probabilities.isEmpty()) {
        const auto k = static_cast<Eigen::Index>(probabilities.first().toArray().size());
        p->probabilities.resize(n, k);
        for (Eigen::Index r = 0; r < n; ++r) {
            const QJsonArray row = probabilities[r].toArray();
            if (row.size() != k) {
                *why = QStringLiteral("%1: row %2 has %3 probabilities, not %4")
                           .arg(path)
                           .arg(r + 1)
                           .arg(row.size())
                           .arg(k);
                return false;
            }
            for (Eigen::Index c = 0; c < k; ++c)
                p->probabilities(r, c) = numberOf(row[c]);
        }
    }
    return true;
}

} // namespace

SlurmTrialRunner::SlurmTrialRunner(QString executable) : m_executable(std::move(executable))
{
}

void SlurmTrialRunner::setDefaults(Defaults defaults)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_defaults = std::move(defaults);
}

SlurmTrialRunner::Defaults SlurmTrialRunner::defaults() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_defaults;
}

QString SlurmTrialRunner::name() const
{
    return QStringLiteral("Slurm");
}

bool SlurmTrialRunner::available(QString *why) const
{
    return SlurmBackend::available(why);
}

QString SlurmTrialRunner::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("slurm-tune"));
}

bool SlurmTrialRunner::prepare(const RemoteTrialRequest &request, const QString &directory,
    SweepFolder *folder, QString *error, Sinks *sinks)
{
    GraphModel model(BuiltinNodes::registry());
    if (Status s = WorkflowFile::parse(request.workflow, model); !s) {
        *error = s.error();
        return false;
    }
    model.setBaseDirectory(request.baseDirectory);
    const NodeKind *kind = kindOf(request.taskParameter);
    if (!kind) {
        *error = QStringLiteral("tasks that set '%1' are not run on Slurm (only_trial of a Tune "
                                "node, only_fold of a Cross-Validation node)")
                     .arg(request.taskParameter);
        return false;
    }
    const NodeType *nodeType = model.nodeType(request.nodeId);
    if (!nodeType || nodeType->id != kind->typeId) {
        *error = QStringLiteral("the workflow has no %1 node %2 (which %3 needs)")
                     .arg(kind->typeId)
                     .arg(request.nodeId)
                     .arg(request.taskParameter);
        return false;
    }
    if (request.tasks < 1) {
        *error = QStringLiteral("no task to run");
        return false;
    }

    // Only the node and what it reads from run on the nodes.
    QSet<int> keep { request.nodeId };
    for (int id : model.upstreamOf(request.nodeId))
        keep.insert(id);
    for (int id : model.nodeIds())
        if (!keep.contains(id))
            (void)model.removeNode(id);
    // A sink after an output of the node, so that each run writes it: its id, 0 (with
    // `error`) when it could not be added.
    const auto addSink = [&](const char *type, const QString &output) -> int {
        const Result<int> sink = model.addNode(QString::fromLatin1(type));
        if (!sink) {
            *error = sink.error();
            return 0;
        }
        if (Status s = model.addConnection(
                { request.nodeId, nodeType->outputIndex(output), sink.value(), 0 });
            !s) {
            *error = s.error();
            return 0;
        }
        return sink.value();
    };
    Sinks added;
    added.metrics = addSink(kMetricsSink, QStringLiteral("metrics"));
    if (!added.metrics)
        return false;
    if (request.predictions) {
        // Its JSON holds the rows' predictions exactly (SinkDataWriter).
        added.predictions
            = addSink(request.predictionTask == EstimatorTask::Regression ? "view.residuals"
                                                                          : "view.confusion",
                QStringLiteral("predictions"));
        if (!added.predictions)
            return false;
    }
    (void)model.setParameter(request.nodeId, QStringLiteral("run_on"), QStringLiteral("local"));
    (void)model.setParameter(request.nodeId, request.taskParameter, qlonglong(0));

    // The files it reads: copied, and the copy of the workflow names the copies.
    SweepFolder f;
    f.directory = QFileInfo(directory).absoluteFilePath();
    f.workflow = QStringLiteral("input/%1.sextant").arg(kind->prefix);
    const QString base = request.baseDirectory.isEmpty()
        ? QString()
        : WorkflowPaths::canonical(request.baseDirectory);
    QMap<QString, QString> copies; // resolved path -> relative to input/
    QList<SweepFolder::InputFile> data;
    for (const WorkflowPath &wp : WorkflowPaths::inputPaths(model)) {
        if (!QFileInfo(wp.resolved).isFile()) {
            *error = QStringLiteral("node %1 (%2) reads %3, which is not a file (only files are "
                                    "copied for the tasks)")
                         .arg(QString::number(wp.nodeId), wp.nodeType, wp.value);
            return false;
        }
        QString relative = copies.value(wp.resolved);
        if (relative.isEmpty()) {
            relative = !base.isEmpty() && WorkflowPaths::isInside(wp.resolved, base)
                ? QDir(base).relativeFilePath(wp.resolved)
                : QStringLiteral("files/%1/%2")
                      .arg(copies.size() + 1)
                      .arg(QFileInfo(wp.resolved).fileName());
            const QString to = f.path(QStringLiteral("input/") + relative);
            QDir().mkpath(QFileInfo(to).absolutePath());
            if (!QFile::copy(wp.resolved, to)) {
                *error = QStringLiteral("cannot copy %1 to %2").arg(wp.resolved, to);
                return false;
            }
            copies.insert(wp.resolved, relative);
            SweepFolder::InputFile in;
            in.path = QStringLiteral("input/") + relative;
            in.sha256 = SweepFolder::sha256(to);
            in.bytes = QFileInfo(to).size();
            data.append(in);
        }
        if (Result<QVariant> set = model.setParameter(wp.nodeId, wp.parameter, relative); !set) {
            *error = QStringLiteral("node %1 (%2) %3: %4")
                         .arg(QString::number(wp.nodeId), wp.nodeType, wp.parameter, set.error());
            return false;
        }
    }
    const QString flow = f.path(f.workflow);
    if (Status s = WorkflowFile::save(model, flow); !s) {
        *error = s.error();
        return false;
    }
    SweepFolder::InputFile in;
    in.path = f.workflow;
    in.sha256 = SweepFolder::sha256(flow);
    in.bytes = QFileInfo(flow).size();
    f.inputs.append(in);
    f.inputs += data;

    const QString target = QString::number(request.nodeId);
    QStringList fixed { target + QStringLiteral(".run_on=local") };
    for (auto it = request.taskParameters.cbegin(); it != request.taskParameters.cend(); ++it)
        fixed.append(
            QStringLiteral("%1.%2=%3").arg(target, it.key(), ParameterSpec::toString(it.value())));
    for (int i = 0; i < request.tasks; ++i) {
        SweepFolder::Point p;
        p.index = i;
        p.targets = { target + QLatin1Char('.') + request.taskParameter };
        p.values = { QString::number(i + 1) };
        p.sets = fixed;
        p.sets.append(QStringLiteral("%1.%2=%3").arg(target, request.taskParameter).arg(i + 1));
        f.points.append(p);
    }
    f.metric = request.metric.isEmpty()
        ? QString()
        : QStringLiteral("%1.%2").arg(added.metrics).arg(request.metric);
    if (!QDir().mkpath(f.path(QStringLiteral("runs")))) {
        *error = QStringLiteral("cannot create %1").arg(f.path(QStringLiteral("runs")));
        return false;
    }
    if (!f.save(error))
        return false;
    *folder = f;
    if (sinks)
        *sinks = added;
    return true;
}

Result<std::vector<RemoteTrialResult>> SlurmTrialRunner::run(const RemoteTrialRequest &request,
    const std::atomic<bool> *cancel, const std::atomic<bool> *stop, const TrialFn &onTrial)
{
    using R = Result<std::vector<RemoteTrialResult>>;
    SlurmBackend::Options options;
    options.executable
        = m_executable.isEmpty() ? QCoreApplication::applicationFilePath() : m_executable;
    if (!QFileInfo(options.executable).isExecutable())
        return R::failure(
            QStringLiteral("%1 is not an executable the tasks can run").arg(options.executable));
    const Defaults fallback = defaults();
    options.partition = request.partition.isEmpty() ? fallback.partition : request.partition;
    options.time = request.time;
    options.cpusPerTask = request.cpusPerTask;
    options.mem = request.mem;
    const NodeKind *kind = kindOf(request.taskParameter);
    if (!kind)
        return R::failure(
            QStringLiteral("tasks that set '%1' are not run on Slurm").arg(request.taskParameter));
    options.jobName = QStringLiteral("sextant-") + kind->prefix;
    options.pollMs = 500;

    // A new folder for this run.
    const QString root = !request.folder.isEmpty() ? request.folder
        : !fallback.folder.isEmpty()               ? fallback.folder
                                                   : defaultFolder();
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    QString directory = QDir(root).filePath(
        QStringLiteral("%1-%2-node%3").arg(kind->prefix, stamp).arg(request.nodeId));
    for (int n = 2; QFileInfo::exists(directory); ++n)
        directory = QDir(root).filePath(
            QStringLiteral("%1-%2-node%3-%4").arg(kind->prefix, stamp).arg(request.nodeId).arg(n));
    if (!QDir().mkpath(directory))
        return R::failure(QStringLiteral("cannot create the folder %1").arg(directory));
    SweepFolder folder;
    QString error;
    Sinks sinks;
    if (!prepare(request, directory, &folder, &error, &sinks))
        return R::failure(QStringLiteral("%1 (in %2)").arg(error, directory));
    const QString sink = QString::number(sinks.metrics);

    std::vector<RemoteTrialResult> results;
    QList<bool> reported(folder.points.size(), false);
    const auto report = [&](int i, const SweepOutcome &o) {
        RemoteTrialResult r;
        r.index = i + 1;
        r.job = o.job;
        r.host = o.node;
        r.seconds = o.seconds;
        r.ok = o.state == SweepOutcome::State::Done;
        r.message = o.message;
        if (r.ok && !request.metric.isEmpty()) {
            bool score = false;
            for (const auto &[column, value] : SweepResults::runMetrics(folder.runDirectory(i))) {
                if (column == folder.metric) {
                    r.score = value;
                    score = true;
                } else if (column == folder.metric + QStringLiteral("_std")) {
                    r.stdDev = value;
                } else if (column == sink + QStringLiteral(".seconds")) {
                    r.seconds = value;
                }
            }
            if (!score) {
                r.ok = false;
                r.message = QStringLiteral("the task's run wrote no %1 (see %2)")
                                .arg(request.metric, folder.runDirectory(i));
            }
        }
        if (r.ok && request.predictions) {
            const QString file = jsonFileOf(folder.runDirectory(i), sinks.predictions);
            QString why;
            if (file.isEmpty()) {
                r.ok = false;
                r.message = QStringLiteral("the task's run wrote no predictions (see %1)")
                                .arg(folder.runDirectory(i));
            } else if (!readPrediction(file, request.predictionTask, &r.prediction, &why)) {
                r.ok = false;
                r.message = why;
            }
        }
        if (!r.ok && r.message.isEmpty())
            r.message = QStringLiteral("the task failed (exit code %1; see %2)")
                            .arg(o.exitCode)
                            .arg(QDir(folder.runDirectory(i)).filePath(QStringLiteral("task.out")));
        reported[i] = true;
        results.push_back(r);
        if (onTrial)
            onTrial(r);
    };

    // The backend polls one flag: Cancel or Stop set it.
    std::atomic<bool> quit { false };
    std::atomic<bool> finished { false };
    std::thread watcher([&] {
        while (!finished.load()) {
            if ((cancel && cancel->load()) || (stop && stop->load())) {
                quit.store(true);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    SlurmBackend backend(options);
    QStringList jobsWritten;
    QList<SweepOutcome> outcomes;
    const bool ran = backend.run(
        folder, quit,
        [&](const SweepBackend::Counts &, const QString &) {
            if (backend.jobs() != jobsWritten) {
                jobsWritten = backend.jobs();
                QString ignored;
                (void)AtomicFile::write(folder.path(QStringLiteral("slurm/jobs")),
                    (jobsWritten.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8(), &ignored);
            }
            // A task that has ended well is reported at once; a failed one may be retried,
            // so it waits for the end.
            for (int i = 0; i < folder.points.size(); ++i) {
                if (reported[i])
                    continue;
                SweepOutcome o;
                if (SweepResults::readTaskReport(folder.runDirectory(i), 1, &o)
                    && o.state == SweepOutcome::State::Done)
                    report(i, o);
            }
        },
        &outcomes, &error);
    finished.store(true);
    watcher.join();
    for (int i = 0; i < outcomes.size(); ++i) {
        const SweepOutcome &o = outcomes[i];
        if (!reported[i]
            && (o.state == SweepOutcome::State::Done || o.state == SweepOutcome::State::Failed))
            report(i, o);
    }
    if (!ran)
        return R::failure(QStringLiteral("%1 (in %2)").arg(error, directory));
    return results;
}

} // namespace sextant::cli
