#include "nodes/BuiltinNodes.h"

#include "nodes/BoxPlotNode.h"
#include "nodes/ClusterEvaluationNode.h"
#include "nodes/CompareNode.h"
#include "nodes/ConcatenateNode.h"
#include "nodes/CorrelationNode.h"
#include "nodes/CrossValidationNode.h"
#include "nodes/DendrogramNode.h"
#include "nodes/DriftNode.h"
#include "nodes/EvaluationViewNode.h"
#include "nodes/FeatureRankingNode.h"
#include "nodes/FileSourceNode.h"
#include "nodes/FilterRowsNode.h"
#include "nodes/FormulaNode.h"
#include "nodes/GroupByNode.h"
#include "nodes/HeatMapNode.h"
#include "nodes/HistogramNode.h"
#include "nodes/ImageFolderNode.h"
#include "nodes/ImportanceNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"
#include "nodes/LinePlotNode.h"
#include "nodes/MdsNode.h"
#include "nodes/MergeNode.h"
#include "nodes/ModelFileNode.h"
#include "nodes/OutliersNode.h"
#include "nodes/ParameterHelp.h"
#include "nodes/PivotNode.h"
#include "nodes/PredictNode.h"
#include "nodes/ProbabilityCurvesNode.h"
#include "nodes/SaveDataNode.h"
#include "nodes/ScatterMatrixNode.h"
#include "nodes/ScatterNode.h"
#include "nodes/SelectColumnsNode.h"
#include "nodes/SelectedRowsNode.h"
#include "nodes/SilhouetteNode.h"
#include "nodes/SplitNode.h"
#include "nodes/TableViewNode.h"
#include "nodes/TestNode.h"
#include "nodes/TransformNode.h"
#include "nodes/TreeViewNode.h"
#include "nodes/TsneNode.h"
#include "nodes/TuneNode.h"

#include <QtGlobal>

namespace sextant::engine {

namespace {

// Fills in the shared help text of parameters that have none of their own.
NodeType withHelp(NodeType type)
{
    for (ParameterSpec &p : type.parameters)
        if (p.help.isEmpty())
            p.help = ParameterHelp::text(type.id, p.name);
    return type;
}

} // namespace

Status BuiltinNodes::registerAll(NodeRegistry &registry)
{
    for (NodeType type : { FileSourceNode::type(), SelectColumnsNode::type(), TableViewNode::type(),
             HistogramNode::type(), CorrelationNode::type(), ScatterNode::type(), SplitNode::type(),
             FilterRowsNode::type(), PredictNode::type(), TestNode::type(),
             CrossValidationNode::type(), CompareNode::type(), TuneNode::type(),
             ModelFileNode::type(), ClusterEvaluationNode::type(), SelectedRowsNode::type(),
             SaveDataNode::type(), ImageFolderNode::type() }) {
        Status s = registry.add(withHelp(std::move(type)));
        if (!s)
            return s;
    }
    for (const TransformSpec &spec : TransformNode::catalog())
        if (Status s = registry.add(withHelp(TransformNode::type(spec))); !s)
            return s;
    // Data wrangling.
    for (NodeType type : { FormulaNode::type(), MergeNode::type(), ConcatenateNode::type(),
             GroupByNode::type(), PivotNode::type() })
        if (Status s = registry.add(withHelp(std::move(type))); !s)
            return s;
    for (const Learner &learner : LearnerRegistry::all()) {
        if (Status s = registry.add(withHelp(LearnerNode::type(learner))); !s)
            return s;
        for (const QString &former : learner.formerNodeIds)
            if (Status s = registry.addAlias(former, learner.nodeId()); !s)
                return s;
    }
    for (NodeType type : EvaluationViewNode::all())
        if (Status s = registry.add(withHelp(std::move(type))); !s)
            return s;
    // Exploration and evaluation views.
    for (NodeType type :
        { BoxPlotNode::type(), SilhouetteNode::type(), ProbabilityCurvesNode::calibrationType(),
            ProbabilityCurvesNode::liftType(), FeatureRankingNode::type(),
            FeatureRankingNode::viewType(), ScatterMatrixNode::type() })
        if (Status s = registry.add(withHelp(std::move(type))); !s)
            return s;
    // Structure views and embeddings: dendrogram, heat map, t-SNE, MDS, and the tree viewer.
    for (NodeType type : { DendrogramNode::type(), HeatMapNode::type(), TsneNode::type(),
             MdsNode::type(), TreeViewNode::type() })
        if (Status s = registry.add(withHelp(std::move(type))); !s)
            return s;
    for (NodeType type : ImportanceNodes::all())
        if (Status s = registry.add(withHelp(std::move(type))); !s)
            return s;
    if (Status s = registry.add(withHelp(OutliersNode::type())); !s)
        return s;
    if (Status s = registry.add(withHelp(LinePlotNode::type())); !s)
        return s;
    for (NodeType type : { DriftNode::type(), DriftNode::viewType() })
        if (Status s = registry.add(withHelp(std::move(type))); !s)
            return s;
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
