#include "nodes/BuiltinNodes.h"

#include "nodes/CorrelationNode.h"
#include "nodes/FileSourceNode.h"
#include "nodes/HistogramNode.h"
#include "nodes/ScatterNode.h"
#include "nodes/SelectColumnsNode.h"
#include "nodes/TableViewNode.h"

#include <QtGlobal>

namespace sextant::engine {

Status BuiltinNodes::registerAll(NodeRegistry &registry)
{
    for (NodeType type : { FileSourceNode::type(), SelectColumnsNode::type(), TableViewNode::type(),
             HistogramNode::type(), CorrelationNode::type(), ScatterNode::type() }) {
        Status s = registry.add(std::move(type));
        if (!s)
            return s;
    }
    return Status::success();
}

NodeRegistry &BuiltinNodes::registry()
{
    static NodeRegistry *instance = [] {
        auto *r = new NodeRegistry; // never freed: node type pointers stay valid at exit
        Status s = registerAll(*r);
        if (!s)
            qFatal("built-in node types: %s", qPrintable(s.error()));
        return r;
    }();
    return *instance;
}

} // namespace sextant::engine
