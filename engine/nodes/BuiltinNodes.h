#pragma once

#include "graph/NodeRegistry.h"

namespace sextant::engine {

// The node types that ship with Sextant.
//
// Adding a node type: write a class with `static NodeType type()` (descriptor: id, ports,
// parameter schema, compute function) next to the others in engine/nodes, and add it to
// registerAll(). Code outside the engine (a plugin, a test) can add types to registry()
// at start-up instead. Registration is explicit, not done by static initialisers, which
// a static library would silently drop.
class BuiltinNodes {
public:
    // Adds every built-in type to `registry`; fails on the first refusal (a duplicate id).
    static Status registerAll(NodeRegistry &registry);
    // The process-wide registry, holding the built-in types. Made on first use
    // (thread-safe); lives until the process exits. More types can be added to it.
    static NodeRegistry &registry();
};

} // namespace sextant::engine
