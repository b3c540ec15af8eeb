#include "nodes/FileSourceNode.h"

#include "data/DatasetLoader.h"
#include "nodes/ColumnRoleEdits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <algorithm>

namespace sextant::engine {

NodeType FileSourceNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("File");
    t.description
        = QStringLiteral("Reads a dataset from a CSV/TSV, ARFF, LIBSVM or Excel (.xlsx) file, or "
                         "a table or query of a SQLite database.");
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The table read from the file."), false } };
    t.parameters = {
        ParameterSpec::filePath(QStringLiteral("path"), QStringLiteral("File"),
            DatasetLoader::fileDialogFilter(),
            QStringLiteral("The data file. A relative path is taken from the "
                           "folder of the workflow file.")),
        ParameterSpec::enumeration(QStringLiteral("delimiter"), QStringLiteral("Delimiter"),
            { QStringLiteral("auto"), QStringLiteral("comma"), QStringLiteral("semicolon"),
                QStringLiteral("tab"), QStringLiteral("pipe") },
            QStringLiteral("auto"),
            QStringLiteral("Field separator of delimited text; 'auto' "
                           "detects it. Ignored for ARFF and LIBSVM.")),
        ParameterSpec::enumeration(QStringLiteral("header"), QStringLiteral("Header row"),
            { QStringLiteral("detect"), QStringLiteral("present"), QStringLiteral("absent") },
            QStringLiteral("detect"),
            QStringLiteral("Whether the first row of delimited text holds "
                           "column names.")),
    };
    t.parameters.append(csvParameterSpecs());
    t.parameters.append(proposeTargetSpec());
    t.parameters.append(ColumnRoleEdits::parameterSpecs(metaKey()));
    t.setCompute(&FileSourceNode::compute);
    t.fingerprint = fileFingerprint(QStringLiteral("path"));
    return t;
}

QList<ParameterSpec> FileSourceNode::csvParameterSpecs()
{
    QList<ParameterSpec> specs;
    specs.append(ParameterSpec::enumeration(QStringLiteral("quote"), QStringLiteral("Quote"),
        { QStringLiteral("double"), QStringLiteral("single"), QStringLiteral("none") },
        QStringLiteral("double"),
        QStringLiteral("The character that quotes fields holding the delimiter or line ends: "
                       "double (\"), single (') or none. Ignored for ARFF and LIBSVM.")));
    ParameterSpec skip = ParameterSpec::integer(QStringLiteral("skip_lines"),
        QStringLiteral("Lines to skip"), -1, -1, 1000000,
        QStringLiteral("Lines skipped at the top of delimited text, before the header. -1 "
                       "(auto) skips a first line that is a count or a title before the "
                       "table, with a warning; 0 reads every line."));
    // Workflows written before the option existed read their files as they did.
    skip.valueWhenAbsentFromFile = qlonglong(0);
    specs.append(skip);
    specs.append(
        ParameterSpec::enumeration(QStringLiteral("decimal"), QStringLiteral("Decimal mark"),
            { QStringLiteral("point"), QStringLiteral("comma") }, QStringLiteral("point"),
            QStringLiteral("The decimal mark of numbers in delimited text: point (1.5) or comma "
                           "(1,5; the delimiter is then not sniffed as a comma).")));
    specs.append(ParameterSpec::enumeration(QStringLiteral("thousands"),
        QStringLiteral("Thousands separator"),
        { QStringLiteral("none"), QStringLiteral("comma"), QStringLiteral("point"),
            QStringLiteral("space"), QStringLiteral("apostrophe") },
        QStringLiteral("none"),
        QStringLiteral("A separator between groups of three digits (1,234,567 or "
                       "1.234.567,5); other placements make the cell text.")));
    specs.append(ParameterSpec::enumeration(QStringLiteral("encoding"), QStringLiteral("Encoding"),
        { QStringLiteral("auto"), QStringLiteral("utf-8"), QStringLiteral("latin-1"),
            QStringLiteral("utf-16") },
        QStringLiteral("auto"),
        QStringLiteral("The text encoding of delimited text. auto: UTF-8 (a value that is not "
                       "valid UTF-8 is read as Latin-1, with a warning), or UTF-16 when the "
                       "file starts with its byte order mark. utf-16 without a byte order "
                       "mark is little-endian.")));
    specs.append(ParameterSpec::string(QStringLiteral("sheet"), QStringLiteral("Sheet"), QString(),
        QStringLiteral("The sheet of an Excel workbook (.xlsx) to read, by name; empty = the "
                       "first sheet. Ignored for other files.")));
    specs.append(ParameterSpec::string(QStringLiteral("table"), QStringLiteral("Table"), QString(),
        QStringLiteral("The table of a SQLite database (.sqlite, .db) to read; empty = the first "
                       "table. Ignored for other files, and when a query is given.")));
    specs.append(
        ParameterSpec::string(QStringLiteral("query"), QStringLiteral("SQL query"), QString(),
            QStringLiteral("A query whose rows are read from a SQLite database instead of a table "
                           "(SELECT ... FROM ... WHERE ...). Ignored for other files.")));
    ParameterSpec dates = ParameterSpec::enumeration(QStringLiteral("dates"),
        QStringLiteral("Dates"),
        { QStringLiteral("auto"), QStringLiteral("day-first"), QStringLiteral("month-first"),
            QStringLiteral("off") },
        QStringLiteral("auto"),
        QStringLiteral("Text columns of dates or date-times (2024-03-05, 2024-03-05T14:30+01:00, "
                       "05/03/2024) become date columns. auto reads 05/03/2024 in the order "
                       "the column's values allow (a day above 12 decides) and leaves an "
                       "ambiguous column as text; day-first and month-first say the order; "
                       "off keeps every text column as text."));
    // Workflows written before date columns existed read their files as they did.
    dates.valueWhenAbsentFromFile = QStringLiteral("off");
    specs.append(dates);
    specs.append(ParameterSpec::string(QStringLiteral("missing"), QStringLiteral("Missing values"),
        QString(),
        QStringLiteral("Comma-separated cell values read as missing, besides the empty cell; "
                       "empty = NA, N/A, NaN, nan, ?, null, NULL, None.")));
    return specs;
}

ParameterSpec FileSourceNode::proposeTargetSpec()
{
    ParameterSpec spec = ParameterSpec::boolean(QStringLiteral("propose_target"),
        QStringLiteral("Propose a target"), true,
        QStringLiteral("When the file names no target (ARFF's class attribute, LIBSVM's "
                       "label), the last categorical column becomes the target."));
    // Workflows written before the proposal existed read their files as they did.
    spec.valueWhenAbsentFromFile = false;
    return spec;
}

CsvOptions FileSourceNode::csvOptions(const QVariantMap &parameters)
{
    CsvOptions options;
    const QString delimiter = parameters.value(QStringLiteral("delimiter")).toString();
    if (delimiter == QLatin1String("comma"))
        options.delimiter = ',';
    else if (delimiter == QLatin1String("semicolon"))
        options.delimiter = ';';
    else if (delimiter == QLatin1String("tab"))
        options.delimiter = '\t';
    else if (delimiter == QLatin1String("pipe"))
        options.delimiter = '|';
    const QString header = parameters.value(QStringLiteral("header")).toString();
    if (header == QLatin1String("present"))
        options.header = CsvOptions::Header::Present;
    else if (header == QLatin1String("absent"))
        options.header = CsvOptions::Header::Absent;
    const QString quote = parameters.value(QStringLiteral("quote")).toString();
    if (quote == QLatin1String("single"))
        options.quote = '\'';
    else if (quote == QLatin1String("none"))
        options.quote = '\0';
    const QVariant skip = parameters.value(QStringLiteral("skip_lines"));
    if (skip.isValid())
        options.skipLines = int(std::clamp<qlonglong>(skip.toLongLong(), -1, 1000000));
    if (parameters.value(QStringLiteral("decimal")).toString() == QLatin1String("comma"))
        options.decimal = ',';
    const QString thousands = parameters.value(QStringLiteral("thousands")).toString();
    if (thousands == QLatin1String("comma"))
        options.thousands = ',';
    else if (thousands == QLatin1String("point"))
        options.thousands = '.';
    else if (thousands == QLatin1String("space"))
        options.thousands = ' ';
    else if (thousands == QLatin1String("apostrophe"))
        options.thousands = '\'';
    const QString encoding = parameters.value(QStringLiteral("encoding")).toString();
    if (encoding == QLatin1String("utf-8"))
        options.encoding = CsvOptions::Encoding::Utf8;
    else if (encoding == QLatin1String("latin-1"))
        options.encoding = CsvOptions::Encoding::Latin1;
    else if (encoding == QLatin1String("utf-16"))
        options.encoding = CsvOptions::Encoding::Utf16;
    const QString dates = parameters.value(QStringLiteral("dates")).toString();
    if (dates == QLatin1String("off"))
        options.detectDates = false;
    else if (dates == QLatin1String("day-first"))
        options.dateOrder = DateColumns::Order::DayFirst;
    else if (dates == QLatin1String("month-first"))
        options.dateOrder = DateColumns::Order::MonthFirst;
    const QString missing = parameters.value(QStringLiteral("missing")).toString();
    if (!missing.trimmed().isEmpty()) {
        options.missingTokens.clear();
        for (const QString &token : missing.split(QLatin1Char(',')))
            if (!token.trimmed().isEmpty())
                options.missingTokens.push_back(token.trimmed());
    }
    return options;
}

void FileSourceNode::compute(NodeContext &ctx)
{
    const QString raw = ctx.stringParameter(QStringLiteral("path"));
    if (raw.trimmed().isEmpty())
        throw NodeError(QCoreApplication::translate("NodeError", "no file chosen"));
    const QString path = ctx.resolvePath(raw);

    LoadControl control;
    control.progress = [&ctx](double fraction) { ctx.progress(fraction); };
    control.cancel = ctx.cancelFlag();
    LoadResult loaded = DatasetLoader::load(path, csvOptions(ctx.parameters()), control,
        ctx.stringParameter(QStringLiteral("sheet")), ctx.stringParameter(QStringLiteral("table")),
        ctx.stringParameter(QStringLiteral("query")));
    if (ctx.cancelled())
        return; // the executor reports the node as cancelled
    if (loaded.cancelled)
        throw NodeError(
            QCoreApplication::translate("NodeError", "%1: loading was cancelled").arg(path));
    if (!loaded.ok())
        throw NodeError(loaded.error ? loaded.error->toString()
                                     : QStringLiteral("%1: could not be read").arg(path));
    for (const LoadIssue &w : loaded.warnings)
        ctx.addWarning(w.toString());
    Dataset data = std::move(*loaded.dataset);
    try {
        ColumnRoleEdits::fromParameters(ctx.parameters(), metaKey())
            .apply(data, ctx.boolParameter(QStringLiteral("propose_target")));
    } catch (const NodeError &e) {
        throw NodeError(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), e.message()));
    }
    ctx.setOutput(0, makeValue(std::move(data)));
}

} // namespace sextant::engine
