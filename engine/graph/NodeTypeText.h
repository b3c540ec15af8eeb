#pragma once

#include <QString>

namespace sextant::engine {

struct NodeType;

// The people-facing texts of node types in the user's language: NodeRegistry::add passes
// every type through translate(), which looks its display name, category and description
// up in the "NodeType" context, port labels and help in "NodePort", parameter labels and
// help in "NodeParameter" (QCoreApplication::translate; unchanged when no translation is
// installed or a text has none). Ids, port and parameter names and enum values stay as
// they are: files and the command line use them; what people read for an enum value (the
// property panel's choices) is choiceLabel(), looked up in "NodeChoice".
//
// lupdate cannot see texts built at run time, so translations/NodeStrings.cpp lists every
// built-in type's texts as QT_TRANSLATE_NOOP entries; tools/update-translations writes it
// from the registry (sextant_node_strings) before running lupdate.
class NodeTypeText {
public:
    static inline const char *kTypeContext = "NodeType";
    static inline const char *kPortContext = "NodePort";
    static inline const char *kParameterContext = "NodeParameter";
    static inline const char *kChoiceContext = "NodeChoice";

    static void translate(NodeType &type);
    // An enum parameter's value as people read it, in their language (the value itself
    // when no translation is installed).
    static QString choiceLabel(const QString &value);
};

} // namespace sextant::engine
