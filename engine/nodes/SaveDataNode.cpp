#include "nodes/SaveDataNode.h"

#include "data/ArffWriter.h"
#include "data/CsvWriter.h"
#include "data/Dataset.h"
#include "data/XlsxWriter.h"

#include <QFileInfo>
#include <QJsonObject>

namespace sextant::engine {

NodeType SaveDataNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Save Data");
    t.description = QStringLiteral("Writes a table to a CSV, TSV, ARFF or Excel (.xlsx) file.");
    t.inputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("The table to write."), false } };
    t.parameters = {
        ParameterSpec::filePath(QStringLiteral("path"), QStringLiteral("File"), fileDialogFilter(),
            QStringLiteral("The file to write (replaced when it exists). A relative path is "
                           "taken from the folder of the workflow file.")),
        ParameterSpec::enumeration(QStringLiteral("format"), QStringLiteral("Format"),
            { QStringLiteral("auto"), QStringLiteral("csv"), QStringLiteral("tsv"),
                QStringLiteral("arff"), QStringLiteral("xlsx") },
            QStringLiteral("auto"),
            QStringLiteral("auto goes by the file's extension (.tsv or .tab: TSV, .arff: ARFF, "
                           ".xlsx: Excel, anything else: CSV). ARFF keeps the column types and "
                           "categories; CSV, TSV and Excel keep names, numbers, dates and "
                           "missing cells.")),
    };
    t.setCompute(&SaveDataNode::compute);
    return t;
}

SaveDataNode::Format SaveDataNode::formatFor(const QString &choice, const QString &path)
{
    if (choice == QLatin1String("csv"))
        return Format::Csv;
    if (choice == QLatin1String("tsv"))
        return Format::Tsv;
    if (choice == QLatin1String("arff"))
        return Format::Arff;
    if (choice == QLatin1String("xlsx"))
        return Format::Xlsx;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab"))
        return Format::Tsv;
    if (suffix == QLatin1String("arff"))
        return Format::Arff;
    if (suffix == QLatin1String("xlsx"))
        return Format::Xlsx;
    return Format::Csv;
}

bool SaveDataNode::write(const Dataset &data, const QString &path, Format format, QString *error)
{
    switch (format) {
    case Format::Arff:
        return ArffWriter::write(data, path, error);
    case Format::Xlsx:
        return XlsxWriter::write(data, path, error);
    case Format::Tsv: {
        CsvWriteOptions options;
        options.delimiter = '\t';
        return CsvWriter::write(data, path, options, error);
    }
    case Format::Csv:
        break;
    }
    return CsvWriter::write(data, path, {}, error);
}

QString SaveDataNode::fileDialogFilter()
{
    return QStringLiteral(
        "CSV (*.csv);;TSV (*.tsv *.tab);;ARFF (*.arff);;Excel (*.xlsx);;All files (*)");
}

void SaveDataNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const QString raw = ctx.stringParameter(QStringLiteral("path"));
    if (raw.trimmed().isEmpty())
        throw NodeError(QStringLiteral("no file chosen to save to"));
    const QString path = ctx.resolvePath(raw);
    const Format format = formatFor(ctx.stringParameter(QStringLiteral("format")), path);
    QString error;
    if (!write(data, path, format, &error))
        throw NodeError(error);
    static const char *const kNames[] = { "csv", "tsv", "arff", "xlsx" };
    QJsonObject result;
    result[QStringLiteral("file")] = path;
    result[QStringLiteral("format")] = QLatin1String(kNames[int(format)]);
    result[QStringLiteral("rows")] = double(data.rowCount());
    result[QStringLiteral("columns")] = data.columnCount();
    ctx.setResult(makeValue(result));
}

} // namespace sextant::engine
