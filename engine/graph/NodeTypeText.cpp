#include "graph/NodeTypeText.h"

#include "graph/NodeType.h"

#include <QCoreApplication>

namespace sextant::engine {

namespace {

void tr(QString &text, const char *context)
{
    if (!text.isEmpty())
        text = QCoreApplication::translate(context, text.toUtf8().constData());
}

} // namespace

void NodeTypeText::translate(NodeType &type)
{
    if (!QCoreApplication::instance())
        return;
    tr(type.displayName, kTypeContext);
    tr(type.category, kTypeContext);
    tr(type.description, kTypeContext);
    for (QList<PortSpec> *ports : { &type.inputs, &type.outputs }) {
        for (PortSpec &port : *ports) {
            // An unlabelled port shows its name: that name, translated, becomes its label.
            QString label = port.displayLabel();
            tr(label, kPortContext);
            if (label != port.displayLabel())
                port.label = label;
            tr(port.help, kPortContext);
        }
    }
    for (ParameterSpec &parameter : type.parameters) {
        QString label = parameter.displayLabel();
        tr(label, kParameterContext);
        if (label != parameter.displayLabel())
            parameter.label = label;
        tr(parameter.help, kParameterContext);
    }
}

QString NodeTypeText::choiceLabel(const QString &value)
{
    if (!QCoreApplication::instance() || value.isEmpty())
        return value;
    return QCoreApplication::translate(kChoiceContext, value.toUtf8().constData());
}

} // namespace sextant::engine
