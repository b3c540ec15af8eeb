#include "cli/SlurmTrialRunner.h"

#include "cli/SlurmBackend.h"
#include "cli/SweepFolder.h"
#include "cli/SweepResults.h"
#include "data/AtomicFile.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "graph/WorkflowPaths.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/TuneNode.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>
#include <QStandardPaths>
#include <chrono>
#include <thread>

namespace sextant::cli {

namespace {

using namespace sextant::engine;

const char *const kMetricsSink = "view.metrics";

// The id of the Metrics Table prepare() puts after the Tune node: the node's id in the
// workflow copy, found by its type and its one connection.
int metricsSinkOf(const GraphModel &model, int tune)
{
    for (const Connection &c : model.connectionsOf(tune)) {
        const NodeType *type = model.nodeType(c.toNode);
        if (c.fromNode == tune && type && type->id == QLatin1String(kMetricsSink))
            return c.toNode;
    }
    return 0;
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
    SweepFolder *folder, QString *error)
{
    GraphModel model(BuiltinNodes::registry());
    if (Status s = WorkflowFile::parse(request.workflow, model); !s) {
        *error = s.error();
        return false;
    }
    model.setBaseDirectory(request.baseDirectory);
    const NodeType *tuneType = model.nodeType(request.nodeId);
    if (!tuneType || tuneType->id != TuneNode::typeId()) {
        *error = QStringLiteral("the workflow has no Tune node %1").arg(request.nodeId);
        return false;
    }
    if (request.trials < 1) {
        *error = QStringLiteral("no trial to run");
        return false;
    }

    // Only the Tune node and what it reads from run on the nodes.
    QSet<int> keep { request.nodeId };
    for (int id : model.upstreamOf(request.nodeId))
        keep.insert(id);
    for (int id : model.nodeIds())
        if (!keep.contains(id))
            (void)model.removeNode(id);
    const Result<int> sink = model.addNode(QString::fromLatin1(kMetricsSink));
    if (!sink) {
        *error = sink.error();
        return false;
    }
    if (Status s = model.addConnection(
            { request.nodeId, tuneType->outputIndex(QStringLiteral("metrics")), sink.value(), 0 });
        !s) {
        *error = s.error();
        return false;
    }
    (void)model.setParameter(request.nodeId, QStringLiteral("run_on"), QStringLiteral("local"));
    (void)model.setParameter(request.nodeId, QStringLiteral("only_trial"), qlonglong(0));

    // The files it reads: copied, and the copy of the workflow names the copies.
    SweepFolder f;
    f.directory = QFileInfo(directory).absoluteFilePath();
    f.workflow = QStringLiteral("input/tune.sextant");
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
    for (int i = 0; i < request.trials; ++i) {
        SweepFolder::Point p;
        p.index = i;
        p.targets = { target + QStringLiteral(".only_trial") };
        p.values = { QString::number(i + 1) };
        p.sets = { target + QStringLiteral(".run_on=local"),
            target + QStringLiteral(".only_trial=%1").arg(i + 1) };
        f.points.append(p);
    }
    f.metric
        = QStringLiteral("%1.%2").arg(metricsSinkOf(model, request.nodeId)).arg(request.metric);
    if (!QDir().mkpath(f.path(QStringLiteral("runs")))) {
        *error = QStringLiteral("cannot create %1").arg(f.path(QStringLiteral("runs")));
        return false;
    }
    if (!f.save(error))
        return false;
    *folder = f;
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
    options.jobName = QStringLiteral("sextant-tune");
    options.pollMs = 500;

    // A new folder for this run.
    const QString root = !request.folder.isEmpty() ? request.folder
        : !fallback.folder.isEmpty()               ? fallback.folder
                                                   : defaultFolder();
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    QString directory
        = QDir(root).filePath(QStringLiteral("tune-%1-node%2").arg(stamp).arg(request.nodeId));
    for (int n = 2; QFileInfo::exists(directory); ++n)
        directory = QDir(root).filePath(
            QStringLiteral("tune-%1-node%2-%3").arg(stamp).arg(request.nodeId).arg(n));
    if (!QDir().mkpath(directory))
        return R::failure(QStringLiteral("cannot create the folder %1").arg(directory));
    SweepFolder folder;
    QString error;
    if (!prepare(request, directory, &folder, &error))
        return R::failure(QStringLiteral("%1 (in %2)").arg(error, directory));
    const QString sink = folder.metric.section(QLatin1Char('.'), 0, 0);

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
        if (r.ok) {
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
