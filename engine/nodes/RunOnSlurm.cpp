#include "nodes/RunOnSlurm.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sextant::engine {

QList<ParameterSpec> RunOnSlurm::parameters(const QString &runOnHelp)
{
    QList<ParameterSpec> p {
        ParameterSpec::enumeration(QStringLiteral("run_on"), QStringLiteral("Run on"),
            { QStringLiteral("local"), QStringLiteral("slurm") }, QStringLiteral("local"),
            runOnHelp),
        ParameterSpec::string(QStringLiteral("partition"), QStringLiteral("Slurm partition"), {},
            QStringLiteral("Run on Slurm: the partition the tasks go to (empty: the one "
                           "set in the studio's Preferences, else the cluster's default).")),
        ParameterSpec::string(QStringLiteral("time"), QStringLiteral("Slurm time limit"), {},
            QStringLiteral("Run on Slurm: each task's time limit, MINUTES, HH:MM:SS or "
                           "DAYS-HH:MM:SS (empty: the partition's).")),
        ParameterSpec::integer(QStringLiteral("cpus_per_task"),
            QStringLiteral("Slurm CPUs per task"), 0, 0, 4096,
            QStringLiteral("Run on Slurm: cores per task; a task uses that many threads (0: "
                           "Slurm's default, one).")),
        ParameterSpec::string(QStringLiteral("mem"), QStringLiteral("Slurm memory"), {},
            QStringLiteral("Run on Slurm: memory per task, in megabytes or with K, M, G or T "
                           "(empty: the default).")),
        ParameterSpec::string(QStringLiteral("slurm_folder"), QStringLiteral("Slurm folder"), {},
            QStringLiteral("Run on Slurm: where each run's folder is made (the workflow, "
                           "copies of the files it reads, one folder per task), on a file "
                           "system the cluster's nodes share (empty: the one set in the "
                           "studio's Preferences, else Sextant's data folder in your home).")),
    };
    p[0].valueWhenAbsentFromFile = QStringLiteral("local");
    p[2].check = [](const QString &v, const Dataset *) { return timeProblem(v); };
    p[4].check = [](const QString &v, const Dataset *) { return memProblem(v); };
    return p;
}

QString RunOnSlurm::timeProblem(const QString &value)
{
    static const QRegularExpression kTime(QStringLiteral("^(\\d+-)?\\d+(:\\d{1,2}){0,2}$"));
    if (value.trimmed().isEmpty() || kTime.match(value.trimmed()).hasMatch())
        return {};
    return QCoreApplication::translate(
        "NodeError", "time %1: MINUTES, HH:MM:SS or DAYS-HH:MM:SS (empty: the partition's limit)")
        .arg(value);
}

QString RunOnSlurm::memProblem(const QString &value)
{
    static const QRegularExpression kMem(QStringLiteral("^\\d+[KMGT]?$"));
    if (value.trimmed().isEmpty() || kMem.match(value.trimmed()).hasMatch())
        return {};
    return QCoreApplication::translate(
        "NodeError", "mem %1: a size in megabytes, or with K, M, G or T (empty: the default)")
        .arg(value);
}

bool RunOnSlurm::requested(NodeContext &ctx)
{
    return ctx.stringParameter(QStringLiteral("run_on")) == QStringLiteral("slurm");
}

void RunOnSlurm::run(
    NodeContext &ctx, RemoteTrialRequest request, const RemoteTrialRunner::TrialFn &onTask)
{
    for (const QString &problem : { timeProblem(ctx.stringParameter(QStringLiteral("time"))),
             memProblem(ctx.stringParameter(QStringLiteral("mem"))) })
        if (!problem.isEmpty())
            throw NodeError(problem);
    RemoteTrialRunner *runner = RemoteTrialRunner::get();
    if (!runner)
        throw NodeError(QCoreApplication::translate("NodeError",
            "run_on slurm: this program has no way to submit tasks to Slurm (no trial "
            "runner is registered; the sextant executable has one)"));
    QString why;
    if (!runner->available(&why))
        throw NodeError(
            QCoreApplication::translate("NodeError", "run_on slurm: Slurm is not available: %1")
                .arg(why));
    if (ctx.workflow().isEmpty())
        throw NodeError(QCoreApplication::translate("NodeError",
            "run_on slurm: the node was not given its workflow, which the tasks run (run it "
            "from the studio or with sextant run)"));
    request.workflow = ctx.workflow();
    request.baseDirectory = ctx.baseDirectory();
    request.nodeId = ctx.nodeId();
    const QString folder = ctx.stringParameter(QStringLiteral("slurm_folder")).trimmed();
    request.folder = folder.isEmpty() ? QString() : ctx.resolvePath(folder);
    request.partition = ctx.stringParameter(QStringLiteral("partition")).trimmed();
    request.time = ctx.stringParameter(QStringLiteral("time")).trimmed();
    request.cpusPerTask = static_cast<int>(ctx.intParameter(QStringLiteral("cpus_per_task")));
    request.mem = ctx.stringParameter(QStringLiteral("mem")).trimmed();
    const Result<std::vector<RemoteTrialResult>> r
        = runner->run(request, ctx.cancelFlag(), ctx.stopTrainingFlag(), onTask);
    if (!r && !ctx.cancelled())
        throw NodeError(QStringLiteral("run_on slurm: %1").arg(r.error()));
}

} // namespace sextant::engine
