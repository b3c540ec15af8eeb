#pragma once

#include "graph/PortType.h"

#include <QString>

namespace sextant::engine {

// One input or output of a node type. Ports are addressed by index in the graph model and
// by `name` (stable, lower-case) in workflow files.
struct PortSpec {
    QString name;
    PortType type = PortType::Table;
    // Shown to people; `name` when empty.
    QString label;
    QString help;
    // Inputs only: the node runs without this input connected (it then sees a null value).
    bool optional = false;
    // Outputs only: a by-product of the node's work (a learner's feature importances), not
    // what the node is for; the studio's views show the table feeding the node instead
    // (NodeType::shownTableOutput).
    bool byProduct = false;

    QString displayLabel() const { return label.isEmpty() ? name : label; }
};

} // namespace sextant::engine
