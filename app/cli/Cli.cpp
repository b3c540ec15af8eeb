#include "cli/Cli.h"

#include "cli/ExportOnnxCommand.h"
#include "cli/MonitorCommand.h"
#include "cli/PredictCommand.h"
#include "cli/RunCommand.h"
#include "cli/ServeCommand.h"
#include "cli/SweepCommand.h"
#include "data/DatasetLoader.h"
#include "data/DateTime.h"
#include "data/ImageFolderReader.h"
#include "data/MemoryBudget.h"
#include "data/Statistics.h"
#include "nodes/FileSourceNode.h"
#include "sextant/Version.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>

namespace sextant::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

const char *const kSubcommands[]
    = { "info", "run", "predict", "export-onnx", "serve", "monitor", "report", "help", "sweep" };

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString usage()
{
    return QCoreApplication::translate("Cli",
        "Usage: sextant [FILE...]\n"
        "       sextant <command> [options]\n"
        "\n"
        "Without a command, opens the Sextant studio (with FILE... loaded).\n"
        "\n"
        "Commands (run headless, no display needed):\n"
        "  info FILE [--json] [CSV options]\n"
        "                       Summarise a dataset (CSV/TSV, ARFF, LIBSVM, .xlsx, SQLite,\n"
        "                       an image folder): rows, columns, and per column its type,\n"
        "                       missing count and statistics.\n"
        "                       --sheet NAME: the sheet of a workbook (default: the first).\n"
        "                       --table NAME, --query SQL: what to read from a SQLite\n"
        "                       database (.sqlite, .db; default: the first table).\n"
        "                       CSV options (the File node's parameters; default: sniffed):\n"
        "                         --delimiter auto|comma|semicolon|tab|pipe (or , ; | tab)\n"
        "                         --quote double|single|none\n"
        "                         --header, --no-header\n"
        "                         --skip N      lines to skip (-1: a count or title line)\n"
        "                         --decimal point|comma, --decimal-comma\n"
        "                         --thousands none|comma|point|space|apostrophe\n"
        "                         --encoding auto|utf-8|latin-1|utf-16\n"
        "                         --missing LIST  comma-separated missing-value tokens\n"
        "                         --dates auto|day-first|month-first|off  date columns\n"
        "%1"
        "%2"
        "%3"
        "%4"
        "%5"
        "%6"
        "  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf\n"
        "                       Write a report of a saved model (HTML with the plots\n"
        "                       embedded, or PDF); with --data its metrics and drift on\n"
        "                       those rows. Needs the studio build (it draws the plots).\n"
        "\n"
        "Options:\n"
        "  -h, --help           Show this help.\n"
        "  -v, --version        Show the version.\n"
        "\n"
        "Exit codes: 0 success, 1 bad input or a failed node (message on stderr),\n"
        "2 usage error, 3 drift found (monitor).\n")
        .arg(RunCommand::usage(), PredictCommand::usage(), ExportOnnxCommand::usage(),
            ServeCommand::usage(), MonitorCommand::usage(), SweepCommand::usage());
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QString fmt(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'g', 6);
}

void printJsonSummary(
    const QString &path, const engine::Dataset &ds, const QList<engine::LoadIssue> &warnings);
void printTextSummary(const QString &path, const engine::Dataset &ds);

// The File node parameter an `info` option sets ("--skip" -> "skip_lines"), or "".
QString csvParameterFor(const QString &option)
{
    static const QHash<QString, QString> kNames = {
        { QStringLiteral("--delimiter"), QStringLiteral("delimiter") },
        { QStringLiteral("--quote"), QStringLiteral("quote") },
        { QStringLiteral("--skip"), QStringLiteral("skip_lines") },
        { QStringLiteral("--decimal"), QStringLiteral("decimal") },
        { QStringLiteral("--thousands"), QStringLiteral("thousands") },
        { QStringLiteral("--encoding"), QStringLiteral("encoding") },
        { QStringLiteral("--missing"), QStringLiteral("missing") },
        { QStringLiteral("--sheet"), QStringLiteral("sheet") },
        { QStringLiteral("--dates"), QStringLiteral("dates") },
        { QStringLiteral("--table"), QStringLiteral("table") },
        { QStringLiteral("--query"), QStringLiteral("query") },
    };
    return kNames.value(option);
}

// Sets File node parameter `name` from command-line text, checked by its schema.
bool setCsvParameter(QVariantMap &parameters, const QString &name, QString text, QString &error)
{
    if (name == QLatin1String("delimiter")) {
        static const QHash<QString, QString> kChars
            = { { QStringLiteral(","), QStringLiteral("comma") },
                  { QStringLiteral(";"), QStringLiteral("semicolon") },
                  { QStringLiteral("\t"), QStringLiteral("tab") },
                  { QStringLiteral("\\t"), QStringLiteral("tab") },
                  { QStringLiteral("|"), QStringLiteral("pipe") } };
        text = kChars.value(text, text);
    }
    for (const engine::ParameterSpec &spec : engine::FileSourceNode::type().parameters) {
        if (spec.name != name)
            continue;
        const auto value = spec.fromString(text);
        if (!value) {
            error = value.error();
            return false;
        }
        parameters.insert(name, value.value());
        return true;
    }
    error = QStringLiteral("unknown option");
    return false;
}

int info(const QStringList &args)
{
    bool json = false;
    QString path;
    QVariantMap csv; // File node parameters
    for (const engine::ParameterSpec &spec : engine::FileSourceNode::type().parameters)
        csv.insert(spec.name, spec.defaultValue);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString option = a.startsWith(QLatin1String("--")) && eq > 0 ? a.left(eq) : a;
        QString error;
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--header") || a == QLatin1String("--no-header")) {
            csv.insert(QStringLiteral("header"),
                a == QLatin1String("--header") ? QStringLiteral("present")
                                               : QStringLiteral("absent"));
        } else if (a == QLatin1String("--decimal-comma")) {
            csv.insert(QStringLiteral("decimal"), QStringLiteral("comma"));
        } else if (const QString name = csvParameterFor(option); !name.isEmpty()) {
            QString value;
            if (eq > 0) {
                value = a.mid(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                err() << "sextant info: " << option << " needs a value\n";
                return kExitUsage;
            }
            if (!setCsvParameter(csv, name, value, error)) {
                err() << "sextant info: " << option << " " << value << ": " << error << "\n";
                return kExitUsage;
            }
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            err() << "sextant info: unknown option " << a << "\n" << usage();
            return kExitUsage;
        } else if (path.isEmpty()) {
            path = a;
        } else {
            err() << "sextant info: expected one FILE, got also " << a << "\n";
            return kExitUsage;
        }
    }
    if (path.isEmpty()) {
        err() << "sextant info: missing FILE\n" << usage();
        return kExitUsage;
    }

    // A folder is an image folder (one subfolder per class), read as the Image Folder node
    // reads it with its defaults.
    const engine::LoadResult result = QFileInfo(path).isDir()
        ? engine::ImageFolderReader::read(path, engine::ImageFeatures::Options {})
        : engine::DatasetLoader::load(path, engine::FileSourceNode::csvOptions(csv), {},
            csv.value(QStringLiteral("sheet")).toString(),
            csv.value(QStringLiteral("table")).toString(),
            csv.value(QStringLiteral("query")).toString());
    if (!result.ok()) {
        err() << "sextant: "
              << (result.error ? result.error->toString()
                               : path + QStringLiteral(": could not be read"))
              << "\n";
        return kExitFailure;
    }
    for (const engine::LoadIssue &w : result.warnings)
        err() << "warning: " << w.toString() << "\n";

    const engine::Dataset &ds = *result.dataset;
    if (json)
        printJsonSummary(path, ds, result.warnings);
    else
        printTextSummary(path, ds);
    out().flush();
    return kExitOk;
}

// The summary of one column as JSON (QJsonDocument's key order and number format).
QJsonObject columnJson(const engine::Column &c)
{
    const engine::ColumnSummary s = engine::Statistics::summarize(c);
    QJsonObject o;
    o[QStringLiteral("name")] = c.name();
    o[QStringLiteral("type")] = engine::toString(c.type());
    o[QStringLiteral("role")] = engine::toString(c.role());
    o[QStringLiteral("count")] = double(s.count);
    o[QStringLiteral("missing")] = double(s.missing);
    o[QStringLiteral("distinct")] = double(s.distinct);
    if (c.isNumeric()) {
        o[QStringLiteral("mean")] = jsonNumber(s.mean);
        o[QStringLiteral("std")] = jsonNumber(s.std);
        o[QStringLiteral("min")] = jsonNumber(s.min);
        o[QStringLiteral("q1")] = jsonNumber(s.q1);
        o[QStringLiteral("median")] = jsonNumber(s.median);
        o[QStringLiteral("q3")] = jsonNumber(s.q3);
        o[QStringLiteral("max")] = jsonNumber(s.max);
        o[QStringLiteral("suggests_categorical")] = c.suggestsCategorical();
        if (c.isDateTime()) {
            o[QStringLiteral("date")] = true;
            o[QStringLiteral("min_date")] = engine::DateTime::toIsoText(s.min, c.isDateOnly());
            o[QStringLiteral("max_date")] = engine::DateTime::toIsoText(s.max, c.isDateOnly());
        }
    } else {
        o[QStringLiteral("mode")] = s.mode;
        o[QStringLiteral("mode_count")] = double(s.modeCount);
        o[QStringLiteral("categories")] = QJsonArray::fromStringList(c.categories().mid(0, 100));
    }
    return o;
}

// The same text QJsonDocument::Indented would make of {"column_summaries": [...], "columns",
// "file", "rows", "warnings"}, written one column at a time so that the output of a wide
// table is never held in memory whole.
void printJsonSummary(
    const QString &path, const engine::Dataset &ds, const QList<engine::LoadIssue> &warnings)
{
    out() << "{\n    \"column_summaries\": [\n";
    const QList<engine::Column> &columns = ds.columns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QByteArray text
            = QJsonDocument(columnJson(columns[i])).toJson(QJsonDocument::Indented);
        // Indent the object two levels, as an element of the root's array.
        qsizetype from = 0;
        while (from < text.size()) {
            qsizetype eol = text.indexOf('\n', from);
            if (eol < 0)
                eol = text.size();
            if (from > 0)
                out() << "\n";
            out() << "        " << QString::fromUtf8(text.constData() + from, eol - from);
            from = eol + 1;
        }
        out() << (i + 1 < columns.size() ? ",\n" : "\n");
    }
    out() << "    ],\n";
    QJsonObject rest;
    rest[QStringLiteral("file")] = path;
    rest[QStringLiteral("rows")] = double(ds.rowCount());
    rest[QStringLiteral("columns")] = ds.columnCount();
    QJsonArray warningList;
    for (const engine::LoadIssue &w : warnings)
        warningList.append(w.toString());
    rest[QStringLiteral("warnings")] = warningList;
    const QByteArray tail = QJsonDocument(rest).toJson(QJsonDocument::Indented);
    out() << QString::fromUtf8(tail.sliced(2)); // without the opening "{\n"
}

// The text table: a header and a row per column, the cells padded to the widest in their
// column. Rows are formatted a block at a time and written, so a table of a million
// columns never holds its whole output; the widths only grow from block to block (a
// table of up to kBlock columns is aligned throughout).
void printTextSummary(const QString &path, const engine::Dataset &ds)
{
    constexpr qsizetype kBlock = 4096;
    out() << path << ": " << ds.rowCount() << " rows, " << ds.columnCount() << " columns\n\n";
    const QStringList header
        = { QStringLiteral("column"), QStringLiteral("type"), QStringLiteral("missing"),
              QStringLiteral("mean"), QStringLiteral("std"), QStringLiteral("min"),
              QStringLiteral("median"), QStringLiteral("max"), QStringLiteral("distinct") };
    QList<qsizetype> widths(header.size());
    for (qsizetype i = 0; i < header.size(); ++i)
        widths[i] = header[i].size();
    auto printRow = [&widths](const QStringList &r) {
        for (qsizetype i = 0; i < r.size(); ++i) {
            QString cell = r[i].size() > 40 ? r[i].left(39) + QChar(0x2026) : r[i];
            out() << (i == 0 ? cell.leftJustified(widths[i]) : cell.rightJustified(widths[i]));
            out() << (i + 1 < r.size() ? "  " : "\n");
        }
    };
    const QList<engine::Column> &columns = ds.columns();
    QList<QStringList> rows;
    for (qsizetype first = 0; first == 0 || first < columns.size(); first += kBlock) {
        rows.clear();
        const qsizetype last = std::min<qsizetype>(columns.size(), first + kBlock);
        for (qsizetype k = first; k < last; ++k) {
            const engine::Column &c = columns[k];
            const engine::ColumnSummary s = engine::Statistics::summarize(c);
            QString type = c.isDateTime() ? QStringLiteral("date") : engine::toString(c.type());
            if (c.role() == engine::ColumnRole::Target)
                type += QStringLiteral(" (target)");
            if (c.isNumeric()) {
                rows.push_back(
                    { c.name(), type, QString::number(s.missing), fmt(s.mean), fmt(s.std),
                        fmt(s.min), fmt(s.median), fmt(s.max), QString::number(s.distinct) });
            } else {
                rows.push_back({ c.name(), type, QString::number(s.missing), QStringLiteral("-"),
                    QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("mode: ") + s.mode,
                    QStringLiteral("-"), QString::number(s.distinct) });
            }
        }
        for (const QStringList &r : rows)
            for (qsizetype i = 0; i < r.size(); ++i)
                widths[i] = std::max(widths[i], std::min<qsizetype>(r[i].size(), 40));
        if (first == 0)
            printRow(header);
        for (const QStringList &r : rows)
            printRow(r);
    }
}

} // namespace

QString versionString()
{
    return QStringLiteral(SEXTANT_VERSION_STRING);
}

bool isCliInvocation(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const char *cmd : kSubcommands)
        if (std::strcmp(first, cmd) == 0)
            return true;
    return std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0
        || std::strcmp(first, "--version") == 0 || std::strcmp(first, "-v") == 0;
}

namespace {

int dispatch(const QStringList &arguments);

} // namespace

// Every subcommand's allocation failure (a table, a model, an output larger than the
// memory left) ends as a refusal with exit code 1, never as an abort; the loaders refuse
// with their own estimate first, this catches what no estimate foresaw.
int run(const QStringList &arguments)
{
    const QString what = arguments.size() >= 2
        ? QStringLiteral("run 'sextant %1'").arg(arguments.mid(1).join(QLatin1Char(' ')))
        : QStringLiteral("start");
    try {
        return dispatch(arguments);
    } catch (const std::bad_alloc &) {
    } catch (const std::length_error &) {
    }
    // Output already buffered may be lost; the message is what matters.
    err() << "sextant: " << engine::MemoryBudget::outOfMemory(what) << "\n";
    err().flush();
    return kExitFailure;
}

namespace {

int dispatch(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        err() << usage();
        return kExitUsage;
    }
    const QString cmd = arguments[1];
    const QStringList rest = arguments.mid(2);
    if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h")
        || cmd == QLatin1String("help")) {
        out() << usage();
        out().flush();
        return kExitOk;
    }
    if (cmd == QLatin1String("--version") || cmd == QLatin1String("-v")) {
        out() << "sextant " << versionString() << "\n";
        out().flush();
        return kExitOk;
    }
    if (cmd == QLatin1String("info"))
        return info(rest);
    if (cmd == QLatin1String("run"))
        return RunCommand::exec(rest, out(), err());
    if (cmd == QLatin1String("predict"))
        return PredictCommand::exec(rest, out(), err());
    if (cmd == QLatin1String("export-onnx"))
        return ExportOnnxCommand::exec(rest, out(), err());
    if (cmd == QLatin1String("monitor"))
        return MonitorCommand::exec(rest, out(), err());
    if (cmd == QLatin1String("serve"))
        return ServeCommand::exec(rest, out(), err());
    if (cmd == QLatin1String("sweep"))
        return SweepCommand::exec(rest, out(), err());
    if (cmd == QLatin1String("report")) { // the studio build runs it from main()
        err() << "sextant report: this build has no studio (plots): build with the GUI\n";
        err().flush();
        return kExitFailure;
    }
    err() << "sextant: unknown command '" << cmd << "'\n" << usage();
    return kExitUsage;
}

} // namespace

} // namespace sextant::cli
