#include "gui/NodeReference.h"

#include "graph/FolderParameter.h"
#include "graph/NodeRegistry.h"
#include "graph/ParameterSpec.h"

#include <QLocale>
#include <QStringList>
#include <cmath>

namespace sextant::app {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString number(double v)
{
    if (std::abs(v) >= 1e15) // no bound in practice (2^53 for integers)
        return QStringLiteral("∞");
    return QLocale().toString(v, 'g', 10);
}

QString typeText(const engine::ParameterSpec &p)
{
    using engine::ParameterType;
    switch (p.type) {
    case ParameterType::Int:
        return NodeReference::tr("integer");
    case ParameterType::Float:
        return NodeReference::tr("number");
    case ParameterType::Bool:
        return NodeReference::tr("yes/no");
    case ParameterType::Enum:
        return NodeReference::tr("choice");
    case ParameterType::Column:
        return NodeReference::tr("column");
    case ParameterType::ColumnList:
        return NodeReference::tr("list of columns");
    case ParameterType::String:
        return NodeReference::tr("text");
    case ParameterType::FilePath:
        return engine::FolderParameter::isFolder(p) ? NodeReference::tr("folder")
                                                    : NodeReference::tr("file");
    }
    return {};
}

QString rangeText(const engine::ParameterSpec &p)
{
    if (p.type == engine::ParameterType::Enum)
        return p.choices.join(QStringLiteral(", "));
    if (p.minimum && p.maximum)
        return QStringLiteral("%1 … %2").arg(number(*p.minimum), number(*p.maximum));
    if (p.minimum)
        return QStringLiteral("≥ %1").arg(number(*p.minimum));
    if (p.maximum)
        return QStringLiteral("≤ %1").arg(number(*p.maximum));
    return QStringLiteral("—");
}

QString portRows(const QList<engine::PortSpec> &ports, bool inputs)
{
    QString rows;
    for (const engine::PortSpec &port : ports) {
        QString what = esc(port.help);
        if (inputs && port.optional)
            what = (what.isEmpty() ? QString() : what + QLatin1Char(' '))
                + QStringLiteral("<i>%1</i>").arg(NodeReference::tr("(optional)"));
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(esc(port.displayLabel()), esc(engine::portTypeName(port.type)), what);
    }
    return rows;
}

} // namespace

QString NodeReference::anchor(const engine::NodeType &type)
{
    return QStringLiteral("node:") + type.id;
}

QString NodeReference::defaultText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QMetaType::Double:
        return number(value.toDouble());
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QLocale().toString(value.toLongLong());
    case QMetaType::QStringList: {
        const QStringList list = value.toStringList();
        return list.isEmpty() ? tr("(all/automatic)") : list.join(QStringLiteral(", "));
    }
    default: {
        const QString text = value.toString();
        return text.isEmpty() ? tr("(none/automatic)") : text;
    }
    }
}

QString NodeReference::nodeHtml(const engine::NodeType &type)
{
    QString html = QStringLiteral("<a name=\"%1\"></a><h3>%2</h3>")
                       .arg(esc(anchor(type)), esc(type.displayName));
    html += QStringLiteral("<p>%1</p>").arg(esc(type.description));
    html += QStringLiteral("<p style='color:gray'>%1 <code>%2</code> · %3 %4</p>")
                .arg(esc(tr("Type id:")), esc(type.id), esc(tr("Category:")), esc(type.category));
    const QString table
        = QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' "
                         "style='border-collapse:collapse; border-color:#999' width='100%'>");
    if (!type.inputs.isEmpty() || !type.outputs.isEmpty()) {
        html += table
            + QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th>"
                             "<th align='left'>%3</th></tr>")
                  .arg(esc(tr("Port")), esc(tr("Kind")), esc(tr("Description")));
        if (!type.inputs.isEmpty())
            html += QStringLiteral("<tr><td colspan='3'><i>%1</i></td></tr>").arg(esc(tr("Inputs")))
                + portRows(type.inputs, true);
        if (!type.outputs.isEmpty())
            html
                += QStringLiteral("<tr><td colspan='3'><i>%1</i></td></tr>").arg(esc(tr("Outputs")))
                + portRows(type.outputs, false);
        html += QStringLiteral("</table><br/>");
    }
    if (type.parameters.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("No parameters.")));
    } else {
        html += table
            + QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th>"
                             "<th align='left'>%3</th><th align='left'>%4</th>"
                             "<th align='left'>%5</th></tr>")
                  .arg(esc(tr("Parameter")), esc(tr("Type")), esc(tr("Default")),
                      esc(tr("Range or choices")), esc(tr("Description")));
        for (const engine::ParameterSpec &p : type.parameters) {
            html += QStringLiteral("<tr><td><b>%1</b><br/><code>%2</code></td><td>%3</td>"
                                   "<td>%4</td><td>%5</td><td>%6</td></tr>")
                        .arg(esc(p.displayLabel()), esc(p.name), esc(typeText(p)),
                            esc(defaultText(p.defaultValue)), esc(rangeText(p)), esc(p.help));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString NodeReference::html(const engine::NodeRegistry &registry)
{
    const QList<const engine::NodeType *> types = registry.types();
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(esc(tr("Node reference")),
                           esc(tr("Every node type of this version of Sextant: what it does, "
                                  "what it takes and gives, and its parameters. "
                                  "The names in code font are what workflow files and "
                                  "`sextant run --set NODE.NAME=VALUE` use.")));
    QString current;
    for (const engine::NodeType *type : types) {
        if (type->category != current) {
            current = type->category;
            html += QStringLiteral("<h2>%1</h2>").arg(esc(current));
        }
        html += nodeHtml(*type);
    }
    return html;
}

} // namespace sextant::app
