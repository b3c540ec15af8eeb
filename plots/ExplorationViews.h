#pragma once

#include <QString>
#include <memory>

namespace sextant::engine {
class NodeValue;
} // namespace sextant::engine

namespace sextant::plots {

class PlotView;

// The part of ResultViewFactory for the exploration and evaluation views:
//   BoxPlotData       -> BoxPlot (boxes or violins)
//   SilhouetteData    -> SilhouettePlot
//   CalibrationData   -> CalibrationPlot (reliability diagram, gains or lift curves)
//   FeatureRanking    -> FeatureRankingPlot
//   ScatterMatrixData -> ScatterMatrixPlot
//   LinePlotData      -> LinePlot
//   DriftData         -> DriftPlot
//   DendrogramData    -> DendrogramPlot
//   HeatMapData       -> DataHeatMapPlot
//   TreeViewData      -> TreeViewPlot
// Same contract as ResultViewFactory's functions of the same names.
class ExplorationViews {
public:
    static bool hasPlot(const engine::NodeValue &value);
    static std::unique_ptr<PlotView> create(const engine::NodeValue &value);
    static bool show(PlotView &view, const engine::NodeValue &value);
    static QString title(const engine::NodeValue &value);
    // Empty when the result says no more than its title.
    static QString describe(const engine::NodeValue &value);
};

} // namespace sextant::plots
