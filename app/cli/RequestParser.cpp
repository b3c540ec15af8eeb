#include "cli/RequestParser.h"

#include "data/CsvReader.h"
#include "data/NumberParser.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <cmath>
#include <limits>

namespace sextant::cli {

using namespace sextant::engine;

QJsonObject RequestError::toJson() const
{
    QJsonObject e;
    e[QStringLiteral("status")] = status;
    e[QStringLiteral("message")] = message;
    if (row >= 0)
        e[QStringLiteral("row")] = double(row);
    if (!column.isEmpty())
        e[QStringLiteral("column")] = column;
    QJsonObject root;
    root[QStringLiteral("error")] = e;
    return root;
}

namespace {

using Parsed = RequestParser::Parsed;

Parsed refused(QString message, std::int64_t row = -1, QString column = {}, int status = 400)
{
    Parsed p;
    p.error = RequestError { status, std::move(message), row, std::move(column) };
    return p;
}

// 1-based line and column of a byte offset in `text`.
QString position(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

QString kindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::String:
        return QStringLiteral("the text \"%1\"").arg(v.toString().left(40));
    default:
        return QStringLiteral("a number");
    }
}

// The text of a JSON number as a CSV cell would hold it (shortest round-trip form).
QString numberText(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// One column's cells in row order (Undefined: the row lacks the key).
struct Cells {
    QString name;
    std::vector<QJsonValue> values;
};

// How the model reads a column it knows by name (the feature encoder's input); absent:
// the column is read by a preprocessing step or not at all, and its type is inferred.
enum class Expected { Unknown, Numeric, Categorical };

Expected expectedType(const TrainedModel &model, const QString &name)
{
    for (const FeatureEncoder::Feature &f : model.features.features())
        if (f.name == name)
            return f.categorical ? Expected::Categorical : Expected::Numeric;
    return Expected::Unknown;
}

bool textNumber(const QString &s, double &v)
{
    const QByteArray utf8 = s.trimmed().toUtf8();
    return parseNumber(std::string_view(utf8.constData(), std::size_t(utf8.size())), v);
}

std::optional<RequestError> buildColumn(const Cells &cells, Expected expected, Column &out)
{
    const std::size_t n = cells.values.size();
    // First pass: what the cells are, and the first one that cannot be what is expected.
    bool anyText = false;
    std::int64_t firstText = -1;
    for (std::size_t r = 0; r < n; ++r) {
        const QJsonValue &v = cells.values[r];
        if (v.isBool() || v.isArray() || v.isObject())
            return RequestError { 400,
                QStringLiteral("row %1, column '%2': %3 is not a value (expected a number, a "
                               "text or null)")
                    .arg(r + 1)
                    .arg(cells.name, kindOf(v)),
                std::int64_t(r + 1), cells.name };
        if (v.isString()) {
            double d;
            if (!textNumber(v.toString(), d)) {
                anyText = true;
                if (firstText < 0)
                    firstText = std::int64_t(r);
            }
        }
    }
    const bool numeric
        = expected == Expected::Numeric || (expected == Expected::Unknown && !anyText);
    if (numeric && anyText)
        return RequestError { 400,
            QStringLiteral("row %1, column '%2': expected a number, got %3")
                .arg(firstText + 1)
                .arg(cells.name, kindOf(cells.values[std::size_t(firstText)])),
            firstText + 1, cells.name };
    if (numeric) {
        std::vector<double> values(n, std::numeric_limits<double>::quiet_NaN());
        for (std::size_t r = 0; r < n; ++r) {
            const QJsonValue &v = cells.values[r];
            if (v.isDouble())
                values[r] = v.toDouble();
            else if (v.isString())
                textNumber(v.toString(), values[r]);
        }
        out = Column::numeric(cells.name, std::move(values));
        return std::nullopt;
    }
    QStringList categories;
    QHash<QString, std::int32_t> index;
    std::vector<std::int32_t> codes(n, -1);
    for (std::size_t r = 0; r < n; ++r) {
        const QJsonValue &v = cells.values[r];
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = numberText(v.toDouble());
        else
            continue; // null or absent: missing
        auto it = index.constFind(text);
        if (it == index.constEnd()) {
            it = index.insert(text, std::int32_t(categories.size()));
            categories.push_back(text);
        }
        codes[r] = it.value();
    }
    out = Column::categorical(cells.name, std::move(codes), std::move(categories));
    return std::nullopt;
}

Parsed parseJson(const QByteArray &body, const TrainedModel &model)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return refused(QStringLiteral("malformed JSON at %1: %2")
                           .arg(position(body, error.offset), error.errorString()));
    if (!doc.isObject())
        return refused(QStringLiteral("the JSON body must be an object with \"rows\" (an array "
                                      "of objects) or \"columns\" (an object of arrays)"));
    const QJsonObject root = doc.object();
    std::vector<Cells> columns;
    QHash<QString, std::size_t> byName;
    std::size_t rowCount = 0;
    if (root.contains(QStringLiteral("rows"))) {
        const QJsonValue rowsValue = root.value(QStringLiteral("rows"));
        if (!rowsValue.isArray())
            return refused(QStringLiteral("\"rows\" is %1, expected an array of objects")
                               .arg(kindOf(rowsValue)));
        const QJsonArray rows = rowsValue.toArray();
        rowCount = std::size_t(rows.size());
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QJsonValue row = rows.at(r);
            if (!row.isObject())
                return refused(QStringLiteral("row %1 is %2, expected an object of "
                                              "column: value")
                                   .arg(r + 1)
                                   .arg(kindOf(row)),
                    r + 1);
            const QJsonObject o = row.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                auto found = byName.constFind(it.key());
                if (found == byName.constEnd()) {
                    found = byName.insert(it.key(), columns.size());
                    columns.push_back(Cells { it.key(), std::vector<QJsonValue>(rowCount) });
                }
                columns[found.value()].values[std::size_t(r)] = it.value();
            }
        }
    } else if (root.contains(QStringLiteral("columns"))) {
        const QJsonValue colsValue = root.value(QStringLiteral("columns"));
        if (!colsValue.isObject())
            return refused(QStringLiteral("\"columns\" is %1, expected an object of arrays")
                               .arg(kindOf(colsValue)));
        const QJsonObject cols = colsValue.toObject();
        bool first = true;
        QString firstName;
        for (auto it = cols.constBegin(); it != cols.constEnd(); ++it) {
            if (!it.value().isArray())
                return refused(QStringLiteral("column '%1' is %2, expected an array of values")
                                   .arg(it.key(), kindOf(it.value())),
                    -1, it.key());
            const QJsonArray a = it.value().toArray();
            if (first) {
                rowCount = std::size_t(a.size());
                firstName = it.key();
                first = false;
            } else if (std::size_t(a.size()) != rowCount) {
                return refused(QStringLiteral("column '%1' has %2 values, column '%3' has %4: "
                                              "every column needs one value per row")
                                   .arg(it.key())
                                   .arg(a.size())
                                   .arg(firstName)
                                   .arg(rowCount),
                    -1, it.key());
            }
            Cells c { it.key(), {} };
            c.values.reserve(std::size_t(a.size()));
            for (const QJsonValue &v : a)
                c.values.push_back(v);
            columns.push_back(std::move(c));
        }
    } else {
        return refused(QStringLiteral("the JSON body has neither \"rows\" (an array of objects) "
                                      "nor \"columns\" (an object of arrays)"));
    }
    if (rowCount == 0)
        return refused(QStringLiteral("the request has no rows"));
    if (columns.empty()) // {"rows": [{}, ...]}: rows, but not one value in them
        return refused(QStringLiteral("row 1 has no columns: each row needs the model's "
                                      "columns by name (GET /model lists them)"),
            1);

    Parsed parsed;
    parsed.table.setName(QStringLiteral("request"));
    for (Cells &c : columns) {
        c.values.resize(rowCount);
        Column column;
        if (auto why = buildColumn(c, expectedType(model, c.name), column)) {
            parsed.error = std::move(why);
            return parsed;
        }
        parsed.table.addColumn(std::move(column));
    }
    return parsed;
}

Parsed parseCsv(const QByteArray &body)
{
    const LoadResult loaded = CsvReader::readBuffer(body, QStringLiteral("request body"));
    if (!loaded.ok()) {
        if (loaded.error) {
            RequestError e { 400, QStringLiteral("malformed CSV: %1").arg(loaded.error->toString()),
                -1, {} };
            Parsed p;
            p.error = std::move(e);
            return p;
        }
        return refused(QStringLiteral("malformed CSV: the body could not be read"));
    }
    if (loaded.dataset->rowCount() == 0)
        return refused(QStringLiteral("the request has no rows (a CSV body needs a header line "
                                      "and at least one row)"));
    Parsed p;
    p.table = *loaded.dataset;
    return p;
}

} // namespace

RequestParser::Parsed RequestParser::parse(
    const QByteArray &body, const QByteArray &contentType, const TrainedModel &model)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    // No type, or the form type curl and others send by default: JSON when it looks so.
    const bool sniff = type.isEmpty() || type == "application/x-www-form-urlencoded";
    if (type == "application/json" || (sniff && body.trimmed().startsWith('{')))
        return parseJson(body, model);
    if (type == "text/csv" || type == "text/plain" || type == "text/tab-separated-values"
        || type == "application/csv" || sniff)
        return parseCsv(body);
    return refused(QStringLiteral("unsupported Content-Type '%1': send application/json or "
                                  "text/csv")
                       .arg(QString::fromLatin1(type.left(80))),
        -1, {}, 415);
}

} // namespace sextant::cli
