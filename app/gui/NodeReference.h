#pragma once

#include <QCoreApplication>
#include <QString>

namespace sextant::engine {
class NodeRegistry;
struct NodeType;
} // namespace sextant::engine

namespace sextant::app {

// Help › Node Reference, generated from the registry's descriptors at run time (so every
// registered node type is there, in the user's language): per category, each node's
// purpose, its input and output ports, and every parameter with its type, default, range
// or choices, and help. HTML for a QTextBrowser; each node has the anchor "node:<id>".
class NodeReference {
    Q_DECLARE_TR_FUNCTIONS(sextant::app::NodeReference)
public:
    static QString html(const engine::NodeRegistry &registry);
    static QString nodeHtml(const engine::NodeType &type);
    static QString anchor(const engine::NodeType &type);
    // "0.25", "true", "(automatic)" for an empty column, ...
    static QString defaultText(const QVariant &value);
};

} // namespace sextant::app
