#pragma once

#include "cli/SinkRenderer.h"

#include <QSize>
#include <memory>

namespace sextant::engine {
struct PredictionView;
}
namespace sextant::plots {
class PlotView;
}

namespace sextant::app {

// Draws the view sinks' results as pictures for `sextant run` (registered by main() when
// the GUI is built): view.histogram -> HistogramPlot, view.correlation ->
// CorrelationHeatmap, view.scatter -> ScatterPlot, view.roc / view.pr / view.confusion /
// view.residuals -> the evaluation plots, each saved as <base>.png and <base>.svg
// with PlotExporter. Other results (tables) are left to the data writer.
//
// Needs a QApplication (widgets are created, never shown); with no display, main() makes
// it on the offscreen platform. Main thread only.
class HeadlessPlotRenderer final : public cli::SinkRenderer {
public:
    static constexpr int kWidth = 800;
    static constexpr int kHeight = 600;

    bool render(const QString &typeId, const engine::NodeValue &result, const QString &basePath,
        QStringList *written, QString *error) override;

    // The plot widget for an evaluation view (ROC, PR, confusion, residuals), filled.
    // Shared with the main window, which shows the same plots.
    static std::unique_ptr<plots::PlotView> createPredictionPlot(const engine::PredictionView &v);
};

} // namespace sextant::app
