#include "cli/SweepCommand.h"

#include "cli/LocalSweepBackend.h"
#include "cli/RunCommand.h"
#include "cli/SlurmBackend.h"
#include "cli/SweepFolder.h"
#include "cli/SweepPlan.h"
#include "cli/SweepResults.h"
#include "cli/SweepTask.h"
#include "core/ThreadCount.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "graph/WorkflowPaths.h"
#include "nodes/BuiltinNodes.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>
#include <atomic>
#include <cmath>
#include <csignal>
#include <memory>

namespace sextant::cli {

namespace {

using namespace sextant::engine;

constexpr int kMaxPoints = 100000;

std::atomic<bool> g_interrupted { false };

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

// SIGINT and SIGTERM set g_interrupted while it lives; the previous handlers come back after.
class InterruptGuard {
public:
    InterruptGuard()
    {
        g_interrupted.store(false);
        struct sigaction sa = {};
        sa.sa_handler = onInterrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_oldInt);
        sigaction(SIGTERM, &sa, &m_oldTerm);
    }
    ~InterruptGuard()
    {
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

struct Options {
    QString workflow;
    QStringList grid;
    QStringList sets;
    int random = 0;
    qint64 seed = 0;
    QString outDir;
    QString backend = QStringLiteral("local");
    int jobs = 0;
    SlurmBackend::Options slurm;
    QString metric;
    bool dryRun = false;
};

bool parseInt(const QString &text, qint64 low, qint64 high, qint64 *value)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < low || v > high)
        return false;
    *value = v;
    return true;
}

// A model of the workflow with `sets` applied; false with `why`.
bool loadWith(
    const QString &workflow, const QStringList &sets, GraphModel &model, QString *why, bool *usage)
{
    if (Status s = WorkflowFile::load(workflow, model); !s) {
        *why = s.error();
        *usage = false;
        return false;
    }
    for (const QString &set : sets) {
        QString reason;
        if (!RunCommand::applySet(model, set, &reason)) {
            *why = QStringLiteral("--set %1: %2").arg(set, reason);
            *usage = true;
            return false;
        }
    }
    return true;
}

} // namespace

QString SweepCommand::usage()
{
    return QCoreApplication::translate("Cli",
        "  sweep FLOW.sextant --grid NODE.PARAM=A,B,C [--grid ...] [--set NODE.PARAM=V ...]\n"
        "      [--random N [--seed S]] [--out DIR] [--backend local|slurm] [--jobs N]\n"
        "      [--partition P] [--time HH:MM:SS] [--cpus-per-task N] [--mem M] [--limit N]\n"
        "      [--metric NAME] [--sextant PATH] [--dry-run]\n"
        "                       A parameter sweep: one `run` per combination of the grid\n"
        "                       (--random N: N points drawn with seed S; an axis may then be\n"
        "                       a range LO..HI), each in DIR/runs/NNNN (default\n"
        "                       ./FLOW-sweep), on a pool of --jobs processes or, with\n"
        "                       --backend slurm, as one Slurm job array (DIR on a shared file\n"
        "                       system; --limit: tasks at once). A failed point runs once\n"
        "                       more. The metrics of every run are gathered into\n"
        "                       DIR/results.csv and results.json, best first by --metric\n"
        "                       (a column, or its last part: accuracy). Ctrl+C cancels every\n"
        "                       task. A value with a comma is written \\,. --dry-run lists\n"
        "                       the points and runs nothing.\n");
}

int SweepCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    auto usageError = [&err](const QString &message) {
        err << "sextant sweep: " << message << "\n"
            << "Usage: sextant sweep FLOW.sextant --grid NODE.PARAM=A,B,C [--grid ...] "
               "[options]; see sextant --help\n";
        err.flush();
        return RunCommand::kExitUsage;
    };
    auto failure = [&err](const QString &message) {
        err << "sextant sweep: " << message << "\n";
        err.flush();
        return RunCommand::kExitFailure;
    };

    // --- one task, as a backend runs it
    if (!args.isEmpty() && args.front() == QLatin1String("--task")) {
        qint64 index = -1, attempt = 1;
        if (args.size() < 3 || !parseInt(args[2], 0, kMaxPoints, &index))
            return usageError(QStringLiteral("--task needs DIR and a point index"));
        if (args.size() == 5 && args[3] == QLatin1String("--attempt")) {
            if (!parseInt(args[4], 1, 100, &attempt))
                return usageError(QStringLiteral("--attempt needs a number from 1"));
        } else if (args.size() != 3) {
            return usageError(QStringLiteral("--task DIR INDEX [--attempt N]"));
        }
        return SweepTask::exec(args[1], int(index), int(attempt), err);
    }

    // --- arguments
    Options opt;
    opt.slurm.executable = QCoreApplication::applicationFilePath();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString option = a;
        QString value;
        bool inlineValue = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            option = a.left(a.indexOf(QLatin1Char('=')));
            value = a.mid(a.indexOf(QLatin1Char('=')) + 1);
            inlineValue = true;
        }
        auto take = [&](QString *v) {
            if (inlineValue) {
                *v = value;
                return true;
            }
            if (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--")))
                return false;
            *v = args[++i];
            return true;
        };
        static const QStringList kValued = { QStringLiteral("--grid"), QStringLiteral("--set"),
            QStringLiteral("--random"), QStringLiteral("--seed"), QStringLiteral("--out"),
            QStringLiteral("--backend"), QStringLiteral("--jobs"), QStringLiteral("--partition"),
            QStringLiteral("--time"), QStringLiteral("--cpus-per-task"), QStringLiteral("--mem"),
            QStringLiteral("--limit"), QStringLiteral("--metric"), QStringLiteral("--sextant") };
        if (kValued.contains(option)) {
            QString v;
            if (!take(&v) || v.isEmpty())
                return usageError(QStringLiteral("%1 needs a value").arg(option));
            qint64 n = 0;
            if (option == QLatin1String("--grid")) {
                opt.grid.append(v);
            } else if (option == QLatin1String("--set")) {
                opt.sets.append(v);
            } else if (option == QLatin1String("--random")) {
                if (!parseInt(v, 1, kMaxPoints, &n))
                    return usageError(QStringLiteral("--random %1: a number of points from 1 to %2")
                                          .arg(v)
                                          .arg(kMaxPoints));
                opt.random = int(n);
            } else if (option == QLatin1String("--seed")) {
                if (!parseInt(v, 0, std::numeric_limits<qint64>::max(), &opt.seed))
                    return usageError(QStringLiteral("--seed %1: a number from 0").arg(v));
            } else if (option == QLatin1String("--out")) {
                opt.outDir = v;
            } else if (option == QLatin1String("--backend")) {
                if (v != QLatin1String("local") && v != QLatin1String("slurm"))
                    return usageError(QStringLiteral("--backend %1: local or slurm").arg(v));
                opt.backend = v;
            } else if (option == QLatin1String("--jobs")) {
                if (!parseInt(v, 1, 1024, &n))
                    return usageError(QStringLiteral("--jobs %1: a number from 1 to 1024").arg(v));
                opt.jobs = int(n);
            } else if (option == QLatin1String("--partition")) {
                opt.slurm.partition = v;
            } else if (option == QLatin1String("--time")) {
                static const QRegularExpression kTime(
                    QStringLiteral("^(\\d+-)?\\d+(:\\d{1,2}){0,2}$"));
                if (!kTime.match(v).hasMatch())
                    return usageError(
                        QStringLiteral("--time %1: MINUTES, HH:MM:SS or DAYS-HH:MM:SS").arg(v));
                opt.slurm.time = v;
            } else if (option == QLatin1String("--cpus-per-task")) {
                if (!parseInt(v, 1, 4096, &n))
                    return usageError(QStringLiteral("--cpus-per-task %1: a number from 1").arg(v));
                opt.slurm.cpusPerTask = int(n);
            } else if (option == QLatin1String("--mem")) {
                static const QRegularExpression kMem(QStringLiteral("^\\d+[KMGT]?$"));
                if (!kMem.match(v).hasMatch())
                    return usageError(
                        QStringLiteral("--mem %1: a size in megabytes, or with K, M, G or T")
                            .arg(v));
                opt.slurm.mem = v;
            } else if (option == QLatin1String("--limit")) {
                if (!parseInt(v, 1, kMaxPoints, &n))
                    return usageError(QStringLiteral("--limit %1: a number from 1").arg(v));
                opt.slurm.limit = int(n);
            } else if (option == QLatin1String("--metric")) {
                opt.metric = v;
            } else if (option == QLatin1String("--sextant")) {
                if (!QFileInfo(v).isExecutable())
                    return usageError(QStringLiteral("--sextant %1 is not an executable").arg(v));
                opt.slurm.executable = QFileInfo(v).absoluteFilePath();
            }
        } else if (a == QLatin1String("--dry-run")) {
            opt.dryRun = true;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return usageError(QStringLiteral("unknown option %1").arg(a));
        } else if (opt.workflow.isEmpty()) {
            opt.workflow = a;
        } else {
            return usageError(QStringLiteral("expected one workflow file, got also %1").arg(a));
        }
    }
    if (opt.workflow.isEmpty())
        return usageError(QStringLiteral("missing FLOW.sextant"));
    if (opt.grid.isEmpty())
        return usageError(QStringLiteral("name at least one --grid NODE.PARAM=A,B,C"));

    SweepPlan plan;
    for (const QString &g : std::as_const(opt.grid)) {
        QString why;
        if (!plan.addAxis(g, &why))
            return usageError(QStringLiteral("--grid %1").arg(why));
    }
    if (opt.random > 0)
        plan.setRandom(opt.random, static_cast<std::uint64_t>(opt.seed));
    else if (std::isfinite(plan.combinations()) && plan.combinations() > kMaxPoints)
        return usageError(QStringLiteral("the grid has %1 points (at most %2): use --random N")
                              .arg(plan.combinations())
                              .arg(kMaxPoints));

    // --- the workflow, the grid checked against it
    const QFileInfo flowInfo(opt.workflow);
    {
        GraphModel model(BuiltinNodes::registry());
        QString why;
        bool usage = false;
        if (!loadWith(opt.workflow, opt.sets, model, &why, &usage))
            return usage ? usageError(why) : failure(why);
        if (!plan.validate(model, &why))
            return usageError(why);
    }
    const QList<SweepPlan::Point> planned = plan.points();

    // --- what the points read: inside the workflow's folder, copied with the workflow
    const QString flowDir = WorkflowPaths::canonical(flowInfo.absolutePath());
    QMap<QString, QString> dataFiles; // resolved path -> relative to the workflow's folder
    QStringList fixes; // --set of absolute paths, made relative to the copy
    for (const SweepPlan::Point &p : planned) {
        GraphModel model(BuiltinNodes::registry());
        QString why;
        bool usage = false;
        if (!loadWith(opt.workflow, opt.sets + plan.assignments(p), model, &why, &usage))
            return usage ? usageError(why) : failure(why);
        if (const QList<WorkflowPath> outside = WorkflowPaths::outside(model); !outside.isEmpty()) {
            err << "sextant sweep: " << opt.workflow << " reads files outside its folder "
                << QDir::toNativeSeparators(flowDir)
                << " (only that folder crosses with a sweep):\n";
            for (const QString &line : WorkflowPaths::describe(outside))
                err << "  " << line << "\n";
            err.flush();
            return RunCommand::kExitFailure;
        }
        for (const WorkflowPath &wp : WorkflowPaths::inputPaths(model)) {
            if (!QFileInfo(wp.resolved).isFile())
                return failure(QStringLiteral("node %1 (%2) reads %3, which is not a file")
                                   .arg(QString::number(wp.nodeId), wp.nodeType, wp.value));
            const QString relative = QDir(flowDir).relativeFilePath(wp.resolved);
            dataFiles.insert(wp.resolved, relative);
            const QString fix = QStringLiteral("%1.%2=%3")
                                    .arg(QString::number(wp.nodeId), wp.parameter, relative);
            if (QDir::isAbsolutePath(wp.value) && !fixes.contains(fix))
                fixes.append(fix);
        }
    }

    if (opt.dryRun) {
        for (const SweepPlan::Point &p : planned) {
            out << SweepFolder::runName(p.index);
            for (const QString &set : opt.sets + fixes + plan.assignments(p))
                out << " --set " << set;
            out << "\n";
        }
        out << planned.size() << (planned.size() == 1 ? " point" : " points")
            << "; nothing run (--dry-run)\n";
        out.flush();
        return RunCommand::kExitOk;
    }

    // --- the backend, before anything is written
    std::unique_ptr<SweepBackend> backend;
    if (opt.backend == QLatin1String("slurm")) {
        QString why;
        if (!SlurmBackend::available(&why))
            return failure(QStringLiteral("--backend slurm: %1").arg(why));
        backend = std::make_unique<SlurmBackend>(opt.slurm);
    } else {
        backend = std::make_unique<LocalSweepBackend>(
            opt.slurm.executable, opt.jobs > 0 ? opt.jobs : sextant::engine::defaultThreadCount());
    }

    // --- the sweep folder
    if (opt.outDir.isEmpty())
        opt.outDir
            = QDir::current().filePath(flowInfo.completeBaseName() + QStringLiteral("-sweep"));
    const QString dir = QFileInfo(opt.outDir).absoluteFilePath();
    if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("sweep.json"))))
        return usageError(
            QStringLiteral("--out %1 already holds a sweep; choose another folder or remove it")
                .arg(opt.outDir));
    if (QFileInfo(dir).exists() && !QFileInfo(dir).isDir())
        return usageError(QStringLiteral("--out %1 exists and is not a directory").arg(opt.outDir));
    SweepFolder folder;
    folder.directory = dir;
    folder.metric = opt.metric;
    folder.workflow = QStringLiteral("input/") + flowInfo.fileName();
    auto copyIn = [&](const QString &from, const QString &relative, QString *why) {
        const QString to = folder.path(relative);
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::remove(to);
        if (!QFile::copy(from, to)) {
            *why = QStringLiteral("cannot copy %1 to %2").arg(from, to);
            return false;
        }
        SweepFolder::InputFile in;
        in.path = relative;
        in.sha256 = SweepFolder::sha256(to);
        in.bytes = QFileInfo(to).size();
        folder.inputs.append(in);
        return true;
    };
    QString why;
    if (!QDir().mkpath(folder.path(QStringLiteral("runs"))))
        return failure(QStringLiteral("cannot create %1").arg(folder.path(QStringLiteral("runs"))));
    if (!copyIn(flowInfo.absoluteFilePath(), folder.workflow, &why))
        return failure(why);
    for (auto it = dataFiles.cbegin(); it != dataFiles.cend(); ++it)
        if (!copyIn(it.key(), QStringLiteral("input/") + it.value(), &why))
            return failure(why);
    for (const SweepPlan::Point &p : planned) {
        SweepFolder::Point fp;
        fp.index = p.index;
        for (const SweepPlan::Axis &a : plan.axes())
            fp.targets.append(a.target);
        fp.values = p.values;
        fp.sets = opt.sets + fixes + plan.assignments(p);
        folder.points.append(fp);
    }
    if (!folder.save(&why))
        return failure(why);

    // --- run
    qint64 inputBytes = 0;
    for (const SweepFolder::InputFile &in : std::as_const(folder.inputs))
        inputBytes += in.bytes;
    const int total = static_cast<int>(folder.points.size());
    out << "Sweep of " << opt.workflow << ": " << total << (total == 1 ? " point" : " points")
        << (plan.isRandom() ? QStringLiteral(" drawn at random (seed %1)").arg(opt.seed)
                            : QString())
        << " on "
        << (opt.backend == QLatin1String("slurm") ? QStringLiteral("Slurm")
                                                  : QStringLiteral("this machine"))
        << "; " << folder.inputs.size() << " input file(s), " << inputBytes << " bytes, in "
        << QDir::toNativeSeparators(dir) << "\n";
    out.flush();
    QElapsedTimer clock;
    clock.start();
    QList<SweepOutcome> outcomes;
    bool ran = false;
    {
        InterruptGuard guard;
        ran = backend->run(
            folder, g_interrupted,
            [&](const SweepBackend::Counts &c, const QString &detail) {
                if (!detail.isEmpty())
                    out << "sweep: " << detail << "\n";
                out << QStringLiteral("sweep: %1 s: %2 done, %3 running, %4 pending, %5 failed\n")
                           .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                           .arg(c.done)
                           .arg(c.running)
                           .arg(c.pending)
                           .arg(c.failed);
                out.flush();
            },
            &outcomes, &why);
    }
    const bool cancelled = g_interrupted.load();
    g_interrupted.store(false);
    if (!ran) {
        err << "sextant sweep: " << why << "\n";
        err.flush();
        if (outcomes.isEmpty())
            return RunCommand::kExitFailure;
    }

    // --- gather
    SweepResults results;
    results.gather(folder, outcomes);
    int code = RunCommand::kExitOk;
    if (!results.sortBy(opt.metric, &why)) {
        err << "sextant sweep: " << why << " (results left in point order)\n";
        code = RunCommand::kExitFailure;
    }
    if (!results.write(dir, &why))
        return failure(why);
    const SweepBackend::Counts c = SweepBackend::count(outcomes);
    for (const SweepOutcome &o : std::as_const(outcomes))
        if (o.state == SweepOutcome::State::Failed)
            code = RunCommand::kExitFailure;
    results.print(out, 10);
    out << (cancelled       ? "CANCELLED: "
            : c.failed == 0 ? "OK: "
                            : "FAILED: ")
        << c.done << " of " << total << " points done";
    if (c.failed > 0)
        out << ", " << c.failed << (cancelled ? " failed or cancelled" : " failed");
    out << " in " << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s; results in "
        << QDir::toNativeSeparators(QDir(dir).filePath(QStringLiteral("results.csv"))) << "\n";
    out.flush();
    for (int i = 0; i < outcomes.size(); ++i)
        if (outcomes[i].state == SweepOutcome::State::Failed)
            err << "sextant sweep: point " << i << " ("
                << folder.points[i].values.join(QStringLiteral(", ")) << ") failed after "
                << outcomes[i].attempts << " attempt(s): "
                << QString(outcomes[i].message).replace(QLatin1Char('\n'), QStringLiteral("; "))
                << "\n";
    err.flush();
    if (cancelled)
        return kExitCancelled;
    return ran ? code : RunCommand::kExitFailure;
}

} // namespace sextant::cli
