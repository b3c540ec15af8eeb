#include "graph/NodeType.h"

#include "graph/NodeContext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace sextant::engine {

FingerprintFunction fileFingerprint(const QString &parameter)
{
    return [parameter](const QVariantMap &params, const QString &baseDirectory) {
        const QString path
            = NodeContext::resolvePath(params.value(parameter).toString(), baseDirectory);
        const QFileInfo info(path);
        QByteArray out = path.toUtf8();
        if (info.exists())
            out += '|' + QByteArray::number(info.size()) + '|'
                + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
        else
            out += "|missing";
        return out;
    };
}

int NodeType::inputIndex(const QString &name) const
{
    for (int i = 0; i < inputs.size(); ++i)
        if (inputs[i].name == name)
            return i;
    return -1;
}

int NodeType::outputIndex(const QString &name) const
{
    for (int i = 0; i < outputs.size(); ++i)
        if (outputs[i].name == name)
            return i;
    return -1;
}

int NodeType::shownTableOutput() const
{
    for (int i = 0; i < outputs.size(); ++i)
        if (outputs[i].type == PortType::Table && !outputs[i].byProduct)
            return i;
    return -1;
}

const ParameterSpec *NodeType::parameter(const QString &name) const
{
    for (const ParameterSpec &p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

QVariantMap NodeType::defaultParameters() const
{
    QVariantMap out;
    for (const ParameterSpec &p : parameters)
        out.insert(p.name, p.defaultValue);
    return out;
}

Result<QVariantMap> NodeType::completeParameters(const QVariantMap &values) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (!parameter(it.key()))
            return Result<QVariantMap>::failure(
                QStringLiteral("%1 has no parameter '%2'").arg(id, it.key().left(80)));
    QVariantMap out;
    for (const ParameterSpec &p : parameters) {
        const auto it = values.constFind(p.name);
        auto checked = p.validate(it == values.cend() ? p.defaultValue : it.value());
        if (!checked)
            return Result<QVariantMap>::failure(checked.error());
        out.insert(p.name, checked.value());
    }
    return out;
}

Status NodeType::checkDescriptor() const
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9_-]+(\\.[a-z0-9_-]+)*$"));
    if (!idPattern.match(id).hasMatch())
        return Status::failure(
            QStringLiteral("node type id '%1' is not a dotted lower-case name").arg(id));
    if (!createCompute)
        return Status::failure(QStringLiteral("node type %1 has no compute function").arg(id));
    QSet<QString> names;
    for (const PortSpec &p : inputs) {
        if (p.name.isEmpty() || names.contains(p.name))
            return Status::failure(
                QStringLiteral("node type %1: input port '%2' is empty or repeated")
                    .arg(id, p.name));
        names.insert(p.name);
    }
    names.clear();
    for (const PortSpec &p : outputs) {
        if (p.name.isEmpty() || names.contains(p.name))
            return Status::failure(
                QStringLiteral("node type %1: output port '%2' is empty or repeated")
                    .arg(id, p.name));
        names.insert(p.name);
    }
    names.clear();
    for (const ParameterSpec &p : parameters) {
        if (p.name.isEmpty() || names.contains(p.name))
            return Status::failure(
                QStringLiteral("node type %1: parameter '%2' is empty or repeated")
                    .arg(id, p.name));
        names.insert(p.name);
        auto r = p.validate(p.defaultValue);
        if (!r)
            return Status::failure(
                QStringLiteral("node type %1: default value refused: %2").arg(id, r.error()));
    }
    return Status::success();
}

} // namespace sextant::engine
