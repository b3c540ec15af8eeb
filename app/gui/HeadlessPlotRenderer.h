#pragma once

#include "cli/SinkRenderer.h"

#include <QSize>
#include <memory>

namespace sextant::plots {
class PlotView;
}

namespace sextant::app {

// Draws the view sinks' results as pictures for `sextant run` (registered by main() when
// the GUI is built): the plot plots::ResultViewFactory picks for each result (the same
// one the studio shows), saved as <base>.png and <base>.svg with PlotExporter. Other
// results (tables) are left to the data writer.
//
// Needs a QApplication (widgets are created, never shown); with no display, main() makes
// it on the offscreen platform. Main thread only.
class HeadlessPlotRenderer final : public cli::SinkRenderer {
public:
    static constexpr int kWidth = 800;
    static constexpr int kHeight = 600;

    // The plot of `result` (the one ResultViewFactory picks), laid out at `size` and drawn
    // with everything pending finished (a scatter's gathering and density image), ready to
    // export; null when no plot draws this result. The report of a run takes its pictures
    // from here too.
    static std::unique_ptr<plots::PlotView> draw(
        const engine::NodeValue &result, QSize size = QSize(kWidth, kHeight));

    bool render(const QString &typeId, const engine::NodeValue &result, const QString &basePath,
        QStringList *written, QString *error) override;
};

} // namespace sextant::app
