#include "cli/SweepTask.h"

#include "cli/RunCommand.h"
#include "cli/SweepFolder.h"
#include "data/AtomicFile.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "graph/WorkflowPaths.h"
#include "nodes/BuiltinNodes.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QTextStream>

namespace sextant::cli {

namespace {

// Checks what crossed with the sweep and that the point reads nothing else. Empty when
// everything is as planned, else the reason.
QString checkInputs(const SweepFolder &folder, const SweepFolder::Point &point)
{
    QSet<QString> crossed;
    for (const SweepFolder::InputFile &in : folder.inputs) {
        const QString file = folder.path(in.path);
        if (!QFileInfo::exists(file))
            return QStringLiteral("%1 is missing on this node").arg(in.path);
        const QString sum = SweepFolder::sha256(file);
        if (sum.isEmpty())
            return QStringLiteral("%1 cannot be read on this node").arg(in.path);
        if (sum != in.sha256)
            return QStringLiteral("%1 is not the file the sweep planned (SHA-256 %2, expected %3)")
                .arg(in.path, sum, in.sha256);
        crossed.insert(engine::WorkflowPaths::canonical(file));
    }
    engine::GraphModel model(engine::BuiltinNodes::registry());
    if (engine::Status s = engine::WorkflowFile::load(folder.path(folder.workflow), model); !s)
        return s.error();
    for (const QString &set : point.sets) {
        QString why;
        if (!RunCommand::applySet(model, set, &why))
            return QStringLiteral("--set %1: %2").arg(set, why);
    }
    for (const engine::WorkflowPath &p : engine::WorkflowPaths::inputPaths(model))
        if (!crossed.contains(p.resolved))
            return QStringLiteral("node %1 (%2) reads %3, which did not cross with the sweep")
                .arg(QString::number(p.nodeId), p.nodeType, p.value);
    return {};
}

} // namespace

int SweepTask::exec(const QString &directory, int index, int attempt, QTextStream &err)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    SweepFolder folder;
    QString error;
    if (!SweepFolder::load(directory, &folder, &error)) {
        err << "sextant sweep --task: " << error << "\n";
        err.flush();
        return RunCommand::kExitFailure;
    }
    if (index < 0 || index >= folder.points.size()) {
        err << "sextant sweep --task: " << directory << " has no point " << index << " (it has "
            << folder.points.size() << ")\n";
        err.flush();
        return RunCommand::kExitFailure;
    }
    const SweepFolder::Point &point = folder.points[index];
    const QString runDir = folder.runDirectory(index);
    QDir().mkpath(runDir);

    int code = RunCommand::kExitFailure;
    QString message = checkInputs(folder, point);
    if (message.isEmpty()) {
        QStringList args { folder.path(folder.workflow) };
        for (const QString &set : point.sets)
            args << QStringLiteral("--set") << set;
        args << QStringLiteral("--out") << runDir << QStringLiteral("--quiet");
        QString outText, errText;
        QTextStream runOut(&outText), runErr(&errText);
        code = RunCommand::exec(args, runOut, runErr);
        runOut.flush();
        runErr.flush();
        message = errText.trimmed();
        // Usage text after a refused --set is noise in a table cell.
        if (const qsizetype u = message.indexOf(QStringLiteral("\nUsage:")); u >= 0)
            message.truncate(u);
        if (message.size() > 4000)
            message = QStringLiteral("\u2026") + message.right(4000);
    }

    QJsonObject report;
    report[QStringLiteral("index")] = index;
    report[QStringLiteral("attempt")] = attempt;
    report[QStringLiteral("exit_code")] = code;
    report[QStringLiteral("ok")] = code == RunCommand::kExitOk;
    report[QStringLiteral("node")] = QSysInfo::machineHostName();
    report[QStringLiteral("seconds")] = clock.nsecsElapsed() / 1e9;
    report[QStringLiteral("started")] = started.toString(Qt::ISODateWithMs);
    report[QStringLiteral("finished")]
        = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    report[QStringLiteral("job")] = qEnvironmentVariable("SLURM_ARRAY_JOB_ID").isEmpty()
        ? qEnvironmentVariable("SLURM_JOB_ID")
        : QStringLiteral("%1_%2").arg(qEnvironmentVariable("SLURM_ARRAY_JOB_ID"),
            qEnvironmentVariable("SLURM_ARRAY_TASK_ID"));
    report[QStringLiteral("message")] = message;
    if (!engine::AtomicFile::write(QDir(runDir).filePath(QStringLiteral("task.json")),
            QJsonDocument(report).toJson(QJsonDocument::Indented), &error)) {
        err << "sextant sweep --task: " << error << "\n";
        code = RunCommand::kExitFailure;
    }
    if (!message.isEmpty() && code != RunCommand::kExitOk)
        err << "sextant sweep --task " << index << ": " << message << "\n";
    err.flush();
    return code;
}

} // namespace sextant::cli
