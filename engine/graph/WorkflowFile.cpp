#include "graph/WorkflowFile.h"

#include "data/AtomicFile.h"
#include "graph/GraphModel.h"
#include "sextant/Version.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <cmath>
#include <map>

namespace sextant::engine {

namespace {

const QStringList kRootKeys = { QStringLiteral("format"), QStringLiteral("version"),
    QStringLiteral("generator"), QStringLiteral("nodes"), QStringLiteral("connections") };
const QStringList kNodeKeys = { QStringLiteral("id"), QStringLiteral("type"),
    QStringLiteral("position"), QStringLiteral("parameters"), QStringLiteral("label") };
const QStringList kConnectionKeys = { QStringLiteral("from"), QStringLiteral("output"),
    QStringLiteral("to"), QStringLiteral("input") };

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    }
    return QStringLiteral("?");
}

// Thrown inside the parser with the path of the offending field; caught in parse().
struct ParseError {
    QString where;
    QString message;
};

[[noreturn]] void fail(const QString &where, const QString &message)
{
    throw ParseError { where, message };
}

QString quoted(const QString &s)
{
    return QLatin1Char('\'') + s.left(100)
        + (s.size() > 100 ? QStringLiteral("...'") : QStringLiteral("'"));
}

void checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            fail(where,
                QStringLiteral("unknown field %1 (expected: %2)")
                    .arg(quoted(it.key()), allowed.join(QStringLiteral(", "))));
}

QJsonValue required(const QJsonObject &object, const QString &key, const QString &where)
{
    const auto it = object.find(key);
    if (it == object.end())
        fail(where, QStringLiteral("missing field '%1'").arg(key));
    return it.value();
}

QString requireString(const QJsonValue &v, const QString &where)
{
    if (!v.isString())
        fail(where, QStringLiteral("expected a string, got %1").arg(jsonTypeName(v)));
    return v.toString();
}

QJsonObject requireObject(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        fail(where, QStringLiteral("expected an object, got %1").arg(jsonTypeName(v)));
    return v.toObject();
}

QJsonArray requireArray(const QJsonValue &v, const QString &where)
{
    if (!v.isArray())
        fail(where, QStringLiteral("expected an array, got %1").arg(jsonTypeName(v)));
    return v.toArray();
}

double requireNumber(const QJsonValue &v, const QString &where)
{
    if (!v.isDouble())
        fail(where, QStringLiteral("expected a number, got %1").arg(jsonTypeName(v)));
    const double d = v.toDouble();
    if (!std::isfinite(d))
        fail(where, QStringLiteral("number is not finite"));
    return d;
}

long long requireInteger(const QJsonValue &v, long long min, long long max, const QString &where)
{
    const double d = requireNumber(v, where);
    if (d != std::floor(d))
        fail(where,
            QStringLiteral("expected an integer, got %1")
                .arg(d, 0, 'g', QLocale::FloatingPointShortest));
    if (d < static_cast<double>(min) || d > static_cast<double>(max))
        fail(where,
            QStringLiteral("%1 is outside the range %2..%3")
                .arg(d, 0, 'g', QLocale::FloatingPointShortest)
                .arg(min)
                .arg(max));
    return static_cast<long long>(d);
}

void lineAndColumn(const QByteArray &data, int offset, int &line, int &column)
{
    line = 1;
    column = 1;
    const int end = std::min<qsizetype>(offset, data.size());
    for (int i = 0; i < end; ++i) {
        if (data[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

} // namespace

QJsonObject WorkflowFile::toJson(const GraphModel &model)
{
    QJsonArray nodes;
    for (int id : model.nodeIds()) {
        const NodeRecord record = *model.node(id);
        QJsonObject node;
        node.insert(QStringLiteral("id"), id);
        node.insert(QStringLiteral("type"), record.typeId);
        node.insert(
            QStringLiteral("position"), QJsonArray { record.position.x(), record.position.y() });
        node.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(record.parameters));
        if (!record.label.isEmpty()) // files without labels stay as they were
            node.insert(QStringLiteral("label"), record.label);
        nodes.push_back(node);
    }
    QJsonArray connections;
    for (const Connection &c : model.connections()) {
        const NodeType *from = model.nodeType(c.fromNode);
        const NodeType *to = model.nodeType(c.toNode);
        QJsonObject connection;
        connection.insert(QStringLiteral("from"), c.fromNode);
        connection.insert(QStringLiteral("output"), from->outputs[c.fromPort].name);
        connection.insert(QStringLiteral("to"), c.toNode);
        connection.insert(QStringLiteral("input"), to->inputs[c.toPort].name);
        connections.push_back(connection);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), formatName());
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(QStringLiteral("generator"), QStringLiteral("Sextant " SEXTANT_VERSION_STRING));
    root.insert(QStringLiteral("nodes"), nodes);
    root.insert(QStringLiteral("connections"), connections);
    return root;
}

QByteArray WorkflowFile::serialize(const GraphModel &model)
{
    return QJsonDocument(toJson(model)).toJson(QJsonDocument::Indented);
}

Status WorkflowFile::parse(const QByteArray &data, GraphModel &model, const QString &sourceName)
{
    const QString prefix = sourceName.isEmpty() ? QString() : sourceName + QStringLiteral(": ");
    if (data.size() > kMaxFileSize)
        return Status::failure(prefix
            + QStringLiteral("file of %1 bytes is larger than the limit of %2 bytes")
                  .arg(data.size())
                  .arg(kMaxFileSize));
    if (data.trimmed().isEmpty())
        return Status::failure(prefix + QStringLiteral("file is empty"));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0, column = 0;
        lineAndColumn(data, parseError.offset, line, column);
        return Status::failure(prefix
            + QStringLiteral("not valid JSON: %1 (line %2, column %3)")
                  .arg(parseError.errorString())
                  .arg(line)
                  .arg(column));
    }
    if (!doc.isObject())
        return Status::failure(
            prefix + QStringLiteral("not a Sextant workflow: the top level is not a JSON object"));

    // Build into a scratch model with the same registry: the target is only touched once
    // the whole file has been accepted.
    GraphModel scratch(model.registry());
    try {
        const QJsonObject root = doc.object();
        const QJsonValue format = root.value(QStringLiteral("format"));
        if (!format.isString() || format.toString() != formatName())
            fail(QStringLiteral("format"),
                QStringLiteral("not a Sextant workflow (expected \"format\": \"%1\")")
                    .arg(formatName()));
        const QJsonValue versionValue
            = required(root, QStringLiteral("version"), QStringLiteral("version"));
        const long long version
            = requireInteger(versionValue, -1'000'000, 1'000'000, QStringLiteral("version"));
        if (version < 1)
            fail(QStringLiteral("version"),
                QStringLiteral("unknown workflow format version %1").arg(version));
        if (version > kFormatVersion)
            fail(QStringLiteral("version"),
                QStringLiteral(
                    "workflow format version %1 is newer than this Sextant reads (version %2); "
                    "update Sextant to open it")
                    .arg(version)
                    .arg(kFormatVersion));
        checkKeys(root, kRootKeys, QStringLiteral("(top level)"));
        if (root.contains(QStringLiteral("generator")))
            requireString(root.value(QStringLiteral("generator")), QStringLiteral("generator"));

        const QJsonArray nodes
            = requireArray(required(root, QStringLiteral("nodes"), QStringLiteral("(top level)")),
                QStringLiteral("nodes"));
        if (nodes.size() > GraphModel::kMaxNodes)
            fail(QStringLiteral("nodes"),
                QStringLiteral("%1 nodes is more than the limit of %2")
                    .arg(nodes.size())
                    .arg(GraphModel::kMaxNodes));
        std::map<int, int> indexOfId; // node id -> index in "nodes"
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const QString where = QStringLiteral("nodes[%1]").arg(i);
            const QJsonObject node = requireObject(nodes[i], where);
            checkKeys(node, kNodeKeys, where);
            const int id
                = static_cast<int>(requireInteger(required(node, QStringLiteral("id"), where), 1,
                    GraphModel::kMaxNodeId, where + QStringLiteral(".id")));
            if (const auto dup = indexOfId.find(id); dup != indexOfId.end())
                fail(where + QStringLiteral(".id"),
                    QStringLiteral("duplicate node id %1 (also used by nodes[%2])")
                        .arg(id)
                        .arg(dup->second));
            indexOfId.emplace(id, static_cast<int>(i));

            const QString typeId = requireString(
                required(node, QStringLiteral("type"), where), where + QStringLiteral(".type"));
            const NodeType *type = model.registry().find(typeId);
            if (!type)
                fail(where + QStringLiteral(".type"),
                    QStringLiteral("unknown node type %1").arg(quoted(typeId)));

            QPointF position;
            if (node.contains(QStringLiteral("position"))) {
                const QString pw = where + QStringLiteral(".position");
                const QJsonArray xy = requireArray(node.value(QStringLiteral("position")), pw);
                if (xy.size() != 2)
                    fail(pw, QStringLiteral("expected [x, y], got %1 numbers").arg(xy.size()));
                const double x = requireNumber(xy[0], pw + QStringLiteral("[0]"));
                const double y = requireNumber(xy[1], pw + QStringLiteral("[1]"));
                if (std::abs(x) > GraphModel::kMaxCoordinate
                    || std::abs(y) > GraphModel::kMaxCoordinate)
                    fail(pw,
                        QStringLiteral("coordinates beyond %1").arg(GraphModel::kMaxCoordinate));
                position = QPointF(x, y);
            }

            QVariantMap parameters;
            if (node.contains(QStringLiteral("parameters"))) {
                const QString pw = where + QStringLiteral(".parameters");
                const QJsonObject params
                    = requireObject(node.value(QStringLiteral("parameters")), pw);
                for (auto it = params.begin(); it != params.end(); ++it) {
                    const ParameterSpec *spec = type->parameter(it.key());
                    if (!spec)
                        fail(pw,
                            QStringLiteral("node type %1 has no parameter %2")
                                .arg(typeId, quoted(it.key())));
                    const QJsonValue &value = it.value();
                    if (value.isDouble() && !std::isfinite(value.toDouble()))
                        fail(pw + QLatin1Char('.') + it.key(),
                            QStringLiteral("number is not finite"));
                    auto checked = spec->validate(value.toVariant());
                    if (!checked)
                        fail(pw + QLatin1Char('.') + it.key(),
                            checked.error().mid(spec->name.size() + 2));
                    parameters.insert(it.key(), checked.value());
                }
            }
            for (const ParameterSpec &spec : type->parameters)
                if (spec.valueWhenAbsentFromFile.isValid() && !parameters.contains(spec.name))
                    parameters.insert(spec.name, spec.valueWhenAbsentFromFile);
            NodeRecord record { id, typeId, position, parameters, {} };
            if (node.contains(QStringLiteral("label"))) {
                const QString lw = where + QStringLiteral(".label");
                record.label = requireString(node.value(QStringLiteral("label")), lw);
                if (record.label.simplified().size() > GraphModel::kMaxLabelLength)
                    fail(lw,
                        QStringLiteral("a label has at most %1 characters")
                            .arg(GraphModel::kMaxLabelLength));
            }
            auto added = scratch.addNode(record);
            if (!added)
                fail(where, added.error());
        }

        if (root.contains(QStringLiteral("connections"))) {
            const QJsonArray connections = requireArray(
                root.value(QStringLiteral("connections")), QStringLiteral("connections"));
            if (connections.size() > kMaxConnections)
                fail(QStringLiteral("connections"),
                    QStringLiteral("%1 connections is more than the limit of %2")
                        .arg(connections.size())
                        .arg(kMaxConnections));
            for (qsizetype i = 0; i < connections.size(); ++i) {
                const QString where = QStringLiteral("connections[%1]").arg(i);
                const QJsonObject object = requireObject(connections[i], where);
                checkKeys(object, kConnectionKeys, where);
                Connection c;
                c.fromNode = static_cast<int>(
                    requireInteger(required(object, QStringLiteral("from"), where), 1,
                        GraphModel::kMaxNodeId, where + QStringLiteral(".from")));
                c.toNode
                    = static_cast<int>(requireInteger(required(object, QStringLiteral("to"), where),
                        1, GraphModel::kMaxNodeId, where + QStringLiteral(".to")));
                const QString output
                    = requireString(required(object, QStringLiteral("output"), where),
                        where + QStringLiteral(".output"));
                const QString input
                    = requireString(required(object, QStringLiteral("input"), where),
                        where + QStringLiteral(".input"));
                const NodeType *from = scratch.nodeType(c.fromNode);
                const NodeType *to = scratch.nodeType(c.toNode);
                if (!from)
                    fail(where + QStringLiteral(".from"),
                        QStringLiteral("there is no node %1").arg(c.fromNode));
                if (!to)
                    fail(where + QStringLiteral(".to"),
                        QStringLiteral("there is no node %1").arg(c.toNode));
                c.fromPort = from->outputIndex(output);
                c.toPort = to->inputIndex(input);
                if (c.fromPort < 0)
                    fail(where + QStringLiteral(".output"),
                        QStringLiteral("node %1 (%2) has no output %3")
                            .arg(c.fromNode)
                            .arg(from->id, quoted(output)));
                if (c.toPort < 0)
                    fail(where + QStringLiteral(".input"),
                        QStringLiteral("node %1 (%2) has no input %3")
                            .arg(c.toNode)
                            .arg(to->id, quoted(input)));
                Status s = scratch.addConnection(c);
                if (!s)
                    fail(where, s.error());
            }
        }
    } catch (const ParseError &e) {
        return Status::failure(prefix + e.where + QStringLiteral(": ") + e.message);
    }

    // Accepted: replace the model's content.
    model.clear();
    for (int id : scratch.nodeIds()) {
        auto added = model.addNode(*scratch.node(id));
        if (!added)
            return Status::failure(prefix + added.error()); // cannot happen: same checks
    }
    for (const Connection &c : scratch.connections()) {
        Status s = model.addConnection(c);
        if (!s)
            return Status::failure(prefix + s.error());
    }
    return Status::success();
}

Status WorkflowFile::save(const GraphModel &model, const QString &path)
{
    QString error;
    if (!AtomicFile::write(path, serialize(model), &error))
        return Status::failure(error);
    return Status::success();
}

Status WorkflowFile::load(const QString &path, GraphModel &model)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Status::failure(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return Status::failure(QStringLiteral("%1: is a directory, not a workflow file").arg(path));
    if (info.size() > kMaxFileSize)
        return Status::failure(
            QStringLiteral("%1: file of %2 bytes is larger than the limit of %3 bytes")
                .arg(path)
                .arg(info.size())
                .arg(kMaxFileSize));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    // Read one byte past the limit so a file that grew since the check is still refused.
    const QByteArray data = file.read(kMaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return Status::failure(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    Status s = parse(data, model, path);
    if (!s)
        return s;
    model.setBaseDirectory(info.absolutePath());
    return Status::success();
}

} // namespace sextant::engine
