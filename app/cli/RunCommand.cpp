#include "cli/RunCommand.h"

#include "cli/CommandErrors.h"
#include "cli/RunReportWriter.h"
#include "cli/SinkDataWriter.h"
#include "cli/SinkRenderer.h"
#include "cli/StructureViewWriter.h"
#include "data/AtomicFile.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "graph/WorkflowPaths.h"
#include "io/ModelFile.h"
#include "io/OnnxExport.h"
#include "nodes/BuiltinNodes.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QTextStream>
#include <map>
#include <optional>

namespace sextant::cli {

namespace {

using namespace sextant::engine;

struct Assignment {
    QString text; // as given, for messages
    QString node;
    QString parameter;
    QString value;
};

struct Options {
    QString workflow;
    QString outDir;
    QString report; // --report FILE (.html/.htm/.pdf), empty: none
    bool quiet = false;
    bool allowOutsidePaths = false;
    QList<Assignment> assignments;
};

// Parses NODE.PARAM=VALUE: the value is everything after the first '='; the parameter is
// what follows the last '.' before it (parameter names have no dots, type ids do).
bool parseAssignment(const QString &text, Assignment *a, QString *why)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq < 0) {
        *why = QStringLiteral("expected NODE.PARAM=VALUE");
        return false;
    }
    const QString lhs = text.left(eq);
    const qsizetype dot = lhs.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == lhs.size() - 1) {
        *why = QStringLiteral("expected NODE.PARAM=VALUE");
        return false;
    }
    a->text = text;
    a->node = lhs.left(dot).trimmed();
    a->parameter = lhs.mid(dot + 1).trimmed();
    a->value = text.mid(eq + 1);
    if (a->node.isEmpty() || a->parameter.isEmpty()) {
        *why = QStringLiteral("expected NODE.PARAM=VALUE");
        return false;
    }
    return true;
}

// The node `name` designates: an id, or a type id / display name unique in the graph.
int findNode(const GraphModel &model, const QString &name, QString *why)
{
    bool isNumber = false;
    const int id = name.toInt(&isNumber);
    if (isNumber) {
        if (model.hasNode(id))
            return id;
        *why = QStringLiteral("no node with id %1").arg(id);
        return 0;
    }
    QList<int> matches;
    for (int candidate : model.nodeIds()) {
        const NodeType *type = model.nodeType(candidate);
        if (type && (type->id == name || type->displayName.compare(name, Qt::CaseInsensitive) == 0))
            matches.append(candidate);
    }
    if (matches.size() == 1)
        return matches.front();
    if (matches.isEmpty()) {
        QStringList known;
        for (int candidate : model.nodeIds()) {
            const NodeType *type = model.nodeType(candidate);
            known.append(QStringLiteral("%1 (%2)").arg(candidate).arg(type ? type->id : QString()));
        }
        *why
            = QStringLiteral("no node '%1'; nodes: %2").arg(name, known.join(QStringLiteral(", ")));
        return 0;
    }
    QStringList ids;
    for (int m : matches)
        ids.append(QString::number(m));
    *why = QStringLiteral("'%1' is ambiguous: nodes %2 match; use the id")
               .arg(name, ids.join(QStringLiteral(", ")));
    return 0;
}

QString kindOf(const QString &typeId)
{
    const qsizetype dot = typeId.lastIndexOf(QLatin1Char('.'));
    QString kind = dot >= 0 ? typeId.mid(dot + 1) : typeId;
    for (QChar &c : kind)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    return kind.isEmpty() ? QStringLiteral("node") : kind;
}

// The run's report lines, in the language installed (context "RunCommand").
QString tr(const char *text)
{
    return QCoreApplication::translate("RunCommand", text);
}

QString seconds(double ms)
{
    if (ms < 1.0)
        return QStringLiteral("<0.001 s");
    return QString::number(ms / 1000.0, 'f', ms < 100.0 ? 3 : 2) + QStringLiteral(" s");
}

} // namespace

QString RunCommand::usage()
{
    return QCoreApplication::translate("Cli",
        "  run FLOW.sextant [--set NODE.PARAM=VALUE ...] [--out DIR] [--quiet]\n"
        "      [--allow-outside-paths] [--report REPORT.html|REPORT.pdf]\n"
        "                       Run a workflow: print each node's progress and write the sink\n"
        "                       nodes' outputs into DIR (default ./FLOW-output): tables as\n"
        "                       CSV, views as JSON and CSV (and as PNG and SVG plots in\n"
        "                       builds with the GUI), a run report run.json. NODE is a node\n"
        "                       id, or a node type or name only one node has (histogram).\n"
        "                       Trained models are written as ID-KIND.sxmodel (and .onnx\n"
        "                       when the node's export_onnx parameter is set). A workflow\n"
        "                       that reads files outside its own folder (File and Model\n"
        "                       File paths, after --set) is refused unless\n"
        "                       --allow-outside-paths is given. --report writes a report\n"
        "                       of the run: the graph, the source tables, each model with\n"
        "                       its parameters and metrics (cross-validation mean, std),\n"
        "                       the views' plots; one HTML file (pictures embedded) or PDF.\n"
        "                       Builds with the GUI only.\n");
}

bool RunCommand::applySet(GraphModel &model, const QString &text, QString *why)
{
    Assignment as;
    if (!parseAssignment(text, &as, why))
        return false;
    const int id = findNode(model, as.node, why);
    if (id == 0)
        return false;
    const NodeType *type = model.nodeType(id);
    const ParameterSpec *spec = type ? type->parameter(as.parameter) : nullptr;
    if (!spec) {
        QStringList names;
        if (type)
            for (const ParameterSpec &p : type->parameters)
                names.append(p.name);
        *why = QStringLiteral("node %1 (%2) has no parameter '%3'; it has: %4")
                   .arg(QString::number(id), type ? type->id : QString(), as.parameter,
                       names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
        return false;
    }
    const Result<QVariant> value = spec->fromString(as.value);
    if (!value) {
        *why = value.error();
        return false;
    }
    if (Result<QVariant> set = model.setParameter(id, spec->name, value.value()); !set) {
        *why = set.error();
        return false;
    }
    return true;
}

int RunCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandErrors errors(err, QStringLiteral("run"),
        QStringLiteral("sextant run FLOW.sextant [--set NODE.PARAM=VALUE ...] [--out DIR] "
                       "[--quiet] [--allow-outside-paths] [--report REPORT.html|REPORT.pdf]"));

    // --- arguments
    Options opt;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto takeValue = [&](const QString &option, QString *value) {
            if (a.startsWith(option + QLatin1Char('='))) {
                *value = a.mid(option.size() + 1);
                return true;
            }
            // The next argument, unless it is another option (then the value is missing).
            if (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--")))
                return false;
            *value = args[++i];
            return true;
        };
        if (a == QLatin1String("--set") || a.startsWith(QLatin1String("--set="))) {
            QString text;
            if (!takeValue(QStringLiteral("--set"), &text))
                return errors.usageError(QStringLiteral("--set needs NODE.PARAM=VALUE"));
            Assignment as;
            QString why;
            if (!parseAssignment(text, &as, &why))
                return errors.usageError(QStringLiteral("--set %1: %2").arg(text, why));
            opt.assignments.append(as);
        } else if (a == QLatin1String("--out") || a.startsWith(QLatin1String("--out="))) {
            if (!takeValue(QStringLiteral("--out"), &opt.outDir) || opt.outDir.isEmpty())
                return errors.usageError(QStringLiteral("--out needs a directory"));
        } else if (a == QLatin1String("--report") || a.startsWith(QLatin1String("--report="))) {
            if (!takeValue(QStringLiteral("--report"), &opt.report) || opt.report.isEmpty())
                return errors.usageError(QStringLiteral("--report needs a file name"));
            if (!RunReportWriter::hasReportSuffix(opt.report))
                return errors.usageError(
                    QStringLiteral("--report must end in .html or .pdf: %1").arg(opt.report));
        } else if (a == QLatin1String("--quiet") || a == QLatin1String("-q")) {
            opt.quiet = true;
        } else if (a == QLatin1String("--allow-outside-paths")) {
            opt.allowOutsidePaths = true;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return errors.usageError(QStringLiteral("unknown option %1").arg(a));
        } else if (opt.workflow.isEmpty()) {
            opt.workflow = a;
        } else {
            return errors.usageError(
                QStringLiteral("expected one workflow file, got also %1").arg(a));
        }
    }
    if (opt.workflow.isEmpty())
        return errors.usageError(QStringLiteral("missing FLOW.sextant"));

    const QFileInfo flowInfo(opt.workflow);
    if (opt.outDir.isEmpty())
        opt.outDir
            = QDir::current().filePath(flowInfo.completeBaseName() + QStringLiteral("-output"));
    const QFileInfo outInfo(opt.outDir);
    if (outInfo.exists() && !outInfo.isDir())
        return errors.usageError(
            QStringLiteral("--out %1 exists and is not a directory").arg(opt.outDir));

    // --- the report: refused before anything runs when it could not be written
    if (!opt.report.isEmpty()) {
        if (!runReportWriter())
            return errors.failure(
                QStringLiteral("--report: this build has no studio (the report draws the graph "
                               "and the plots with the GUI libraries): build with the GUI"));
        const QFileInfo reportInfo(opt.report);
        const QString folder = QDir::toNativeSeparators(reportInfo.absolutePath());
        if (reportInfo.isDir())
            return errors.failure(
                QStringLiteral("cannot write the report %1: it is a directory").arg(opt.report));
        if (!QFileInfo(reportInfo.absolutePath()).isDir())
            return errors.failure(
                QStringLiteral("cannot write the report %1: the folder %2 does not exist")
                    .arg(opt.report, folder));
        if (!QFileInfo(reportInfo.absolutePath()).isWritable())
            return errors.failure(
                QStringLiteral("cannot write the report %1: the folder %2 is not writable")
                    .arg(opt.report, folder));
    }

    // --- the workflow
    GraphModel model(BuiltinNodes::registry());
    if (Status s = WorkflowFile::load(opt.workflow, model); !s) {
        err << "sextant: " << s.error() << "\n";
        err.flush();
        return kExitFailure;
    }
    for (const Assignment &as : opt.assignments) {
        QString why;
        if (!applySet(model, as.text, &why))
            return errors.usageError(QStringLiteral("--set %1: %2").arg(as.text, why));
    }

    // --- files it reads: only from its own folder unless the person allows more
    if (const QList<WorkflowPath> outside = WorkflowPaths::outside(model);
        !outside.isEmpty() && !opt.allowOutsidePaths) {
        err << "sextant: " << opt.workflow << " reads files outside its folder "
            << QDir::toNativeSeparators(model.baseDirectory()) << ":\n";
        for (const QString &line : WorkflowPaths::describe(outside))
            err << "  " << line << "\n";
        err << "Not run. If you trust where the workflow came from, run it again with "
               "--allow-outside-paths.\n";
        err.flush();
        return kExitFailure;
    }

    // --- run, one line per finished node
    const int total = model.nodeCount();
    int finished = 0;
    // Node timings, taken in the worker threads when the statuses are emitted (the queued
    // deliveries below may all arrive at the end of a short run).
    QElapsedTimer clock;
    QMutex timesMutex;
    std::map<int, qint64> startNs; // guarded by timesMutex
    std::map<int, qint64> endNs; // guarded by timesMutex
    Executor executor(model);
    QObject receiver; // lives in this thread
    // Timestamps only, under timesMutex, in the emitting worker thread: direct.
    QObject::connect(
        &executor, &Executor::nodeStatusChanged, &receiver,
        [&](int id, NodeStatus status, const QString &) {
            const qint64 now = clock.nsecsElapsed();
            QMutexLocker lock(&timesMutex);
            if (status == NodeStatus::Running)
                startNs[id] = now;
            else if (isFinal(status))
                endNs[id] = now;
        },
        Qt::DirectConnection);
    auto elapsedMs = [&](int id) -> std::optional<double> {
        QMutexLocker lock(&timesMutex);
        const auto s = startNs.find(id);
        const auto e = endNs.find(id);
        if (s == startNs.end() || e == endNs.end())
            return std::nullopt;
        return (e->second - s->second) / 1e6;
    };
    auto label = [&model](int id) {
        const NodeType *type = model.nodeType(id);
        return QStringLiteral("%1 %2 (%3)")
            .arg(id)
            .arg(type ? type->displayName : QStringLiteral("?"),
                type ? type->id : QStringLiteral("?"));
    };
    // Emitted from worker threads; printed in this thread: queued. runBlocking() spins a
    // local event loop, and every status is delivered before it returns.
    QObject::connect(
        &executor, &Executor::nodeStatusChanged, &receiver,
        [&](int id, NodeStatus status, const QString &message) {
            if (!isFinal(status))
                return;
            ++finished;
            if (opt.quiet)
                return;
            const std::optional<double> ms = elapsedMs(id);
            out << "[" << finished << "/" << total << "] " << label(id);
            switch (status) {
            case NodeStatus::Done:
                if (!ms)
                    out << tr(" cached");
                else
                    out << tr(" running\u2026 done %1").arg(seconds(*ms));
                if (!message.isEmpty())
                    out << tr(" (warning: %1)")
                               .arg(QString(message).replace(
                                   QLatin1Char('\n'), QStringLiteral("; ")));
                break;
            case NodeStatus::Failed:
                out << tr(" running\u2026 FAILED after %1: %2")
                           .arg(seconds(ms.value_or(0.0)), message);
                break;
            case NodeStatus::Skipped:
                out << tr(" skipped: %1").arg(message);
                break;
            default:
                out << " " << nodeStatusId(status);
                break;
            }
            out << "\n";
            out.flush();
        },
        Qt::QueuedConnection);

    if (!opt.quiet) {
        out << (total == 1 ? tr("Running %1 (1 node)").arg(opt.workflow)
                           : tr("Running %1 (%2 nodes)").arg(opt.workflow).arg(total))
            << "\n";
        out.flush();
    }
    clock.start();
    const RunSummary summary = executor.runBlocking();
    if (!summary.started) {
        err << "sextant: could not run " << opt.workflow << ": " << summary.error << "\n";
        err.flush();
        return kExitFailure;
    }

    int exitCode = summary.ok() ? kExitOk : kExitFailure;
    for (int id : summary.failed) {
        const NodeType *type = model.nodeType(id);
        err << "sextant: node " << id << " (" << (type ? type->id : QStringLiteral("?"))
            << ") failed: " << summary.failureMessages.value(id) << "\n";
    }
    err.flush();

    // --- outputs
    QDir outDir(opt.outDir);
    if (!QDir().mkpath(opt.outDir)) {
        err << "sextant: cannot create the output directory " << opt.outDir << "\n";
        err.flush();
        return kExitFailure;
    }
    SinkRenderer *renderer = sinkRenderer();
    QJsonArray nodesJson;
    QStringList allWritten;
    for (int id : model.nodeIds()) {
        const NodeType *type = model.nodeType(id);
        const NodeState state = executor.state(id);
        QJsonObject n;
        n[QStringLiteral("id")] = id;
        n[QStringLiteral("type")] = type ? type->id : QString();
        n[QStringLiteral("status")] = nodeStatusId(state.status);
        if (const std::optional<double> ms = elapsedMs(id))
            n[QStringLiteral("seconds")] = *ms / 1000.0;
        if (!state.message.isEmpty())
            n[QStringLiteral("message")] = state.message;
        QStringList written;
        // A node with outputs whose result is a view (the dendrogram, t-SNE) is written as a
        // sink is.
        const NodeValuePtr shown = type ? executor.result(id) : nullptr;
        const bool viewWithOutputs = shown && StructureViewWriter::isViewOfNodeWithOutputs(*shown);
        if (type && (type->isSink() || viewWithOutputs) && state.status == NodeStatus::Done) {
            const NodeValuePtr result = executor.result(id);
            const QString base
                = outDir.filePath(QStringLiteral("%1-%2").arg(id).arg(kindOf(type->id)));
            QString error;
            if (!result) {
                err << "warning: node " << id << " (" << type->id << ") produced no result\n";
            } else {
                switch (SinkDataWriter::write(*result, base, &written, &error)) {
                case SinkDataWriter::Outcome::Written:
                    break;
                case SinkDataWriter::Outcome::Unsupported:
                    err << "warning: node " << id << " (" << type->id
                        << "): no file format for its result; nothing written\n";
                    break;
                case SinkDataWriter::Outcome::Failed:
                    err << "sextant: node " << id << " (" << type->id << "): " << error << "\n";
                    exitCode = kExitFailure;
                    break;
                }
                if (renderer && !renderer->render(type->id, *result, base, &written, &error)) {
                    err << "sextant: node " << id << " (" << type->id << "): plot: " << error
                        << "\n";
                    exitCode = kExitFailure;
                }
            }
            err.flush();
        }
        // Trained models: every Model output holding a fitted pipeline, as
        // "<id>-<kind>.sxmodel" (and ".onnx" when the node's export_onnx is set).
        if (type && state.status == NodeStatus::Done) {
            int modelPorts = 0;
            for (const PortSpec &port : type->outputs)
                modelPorts += port.type == PortType::Model ? 1 : 0;
            for (int port = 0; port < int(type->outputs.size()); ++port) {
                if (type->outputs[port].type != PortType::Model)
                    continue;
                const NodeValuePtr value = executor.output(id, port);
                const TrainedModelPtr *trained = value ? value->as<TrainedModelPtr>() : nullptr;
                if (!trained || !*trained)
                    continue;
                QString base
                    = outDir.filePath(QStringLiteral("%1-%2").arg(id).arg(kindOf(type->id)));
                if (modelPorts > 1)
                    base += QLatin1Char('-') + kindOf(type->outputs[port].name);
                const QString modelPath = base + QLatin1Char('.') + ModelFile::fileSuffix();
                if (Status s = ModelFile::save(**trained, modelPath); s) {
                    written.append(modelPath);
                } else {
                    err << "sextant: node " << id << " (" << type->id << "): " << s.error() << "\n";
                    exitCode = kExitFailure;
                }
                if (model.parameter(id, QStringLiteral("export_onnx")).toBool()) {
                    const QString onnxPath = base + QStringLiteral(".onnx");
                    if (Status s = OnnxExport::exportModel(**trained, onnxPath); s) {
                        written.append(onnxPath);
                    } else {
                        err << "sextant: node " << id << " (" << type->id << "): ONNX export to "
                            << onnxPath << " failed: " << s.error() << "\n";
                        exitCode = kExitFailure;
                    }
                }
            }
            err.flush();
        }
        QJsonArray files;
        for (const QString &f : written)
            files.append(QFileInfo(f).fileName());
        if (!written.isEmpty())
            n[QStringLiteral("files")] = files;
        allWritten += written;
        nodesJson.append(n);
    }

    // --- the report of the run (after the outputs; run.json names it)
    QString reportWritten;
    if (!opt.report.isEmpty()) {
        QString why;
        if (runReportWriter()->write(model, executor, opt.workflow, opt.report, &why)) {
            reportWritten = QFileInfo(opt.report).absoluteFilePath();
            allWritten.append(opt.report);
        } else {
            err << "sextant: " << why << "\n";
            err.flush();
            exitCode = kExitFailure;
        }
    }

    QJsonObject report;
    report[QStringLiteral("workflow")] = flowInfo.absoluteFilePath();
    report[QStringLiteral("ok")] = exitCode == kExitOk;
    report[QStringLiteral("seconds")] = summary.elapsedMs / 1000.0;
    report[QStringLiteral("nodes")] = nodesJson;
    if (!reportWritten.isEmpty())
        report[QStringLiteral("report")] = reportWritten;
    const QString reportPath = outDir.filePath(QStringLiteral("run.json"));
    QString error;
    if (AtomicFile::write(
            reportPath, QJsonDocument(report).toJson(QJsonDocument::Indented), &error)) {
        allWritten.append(reportPath);
    } else {
        err << "sextant: " << error << "\n";
        err.flush();
        exitCode = kExitFailure;
    }

    if (!opt.quiet) {
        for (const QString &f : allWritten)
            out << tr("wrote %1").arg(QDir::toNativeSeparators(f)) << "\n";
        const qsizetype done = summary.executed.size() + summary.reused.size();
        out << (exitCode == kExitOk ? tr("OK: %1 of %2 nodes done in %3; outputs in %4")
                                    : tr("FAILED: %1 of %2 nodes done in %3; outputs in %4"))
                   .arg(done)
                   .arg(total)
                   .arg(seconds(double(summary.elapsedMs)), QDir::toNativeSeparators(opt.outDir))
            << "\n";
        out.flush();
    }
    return exitCode;
}

} // namespace sextant::cli
