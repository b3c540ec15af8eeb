#include "gui/HeadlessPlotRenderer.h"

#include "gui/ResultTabs.h"
#include "plots/PlotExporter.h"
#include "plots/PlotView.h"
#include "plots/ResultViewFactory.h"
#include "plots/ScatterPlot.h"

#include <memory>

namespace sextant::app {

namespace {

bool exportBoth(QCustomPlot *plot, const QString &basePath, const QString &title,
    QStringList *written, QString *error)
{
    plots::ExportOptions options;
    options.size = QSize(HeadlessPlotRenderer::kWidth, HeadlessPlotRenderer::kHeight);
    options.title = title;
    for (plots::ExportFormat format : { plots::ExportFormat::Png, plots::ExportFormat::Svg }) {
        const QString path = basePath + QLatin1Char('.') + plots::PlotExporter::suffix(format);
        QString why;
        if (!plots::PlotExporter::save(plot, path, format, options, &why)) {
            if (error)
                *error = why; // names the file
            return false;
        }
        written->append(path);
    }
    return true;
}

} // namespace

std::unique_ptr<plots::PlotView> HeadlessPlotRenderer::draw(
    const engine::NodeValue &result, QSize size)
{
    std::unique_ptr<plots::PlotView> view = plots::ResultViewFactory::create(result);
    if (!view)
        return nullptr;
    view->resize(size);
    if (auto *scatter = qobject_cast<plots::ScatterPlot *>(view.get()))
        scatter->settleNow(); // gather and aggregate here, not on the view's worker
    view->replotNow();
    return view;
}

bool HeadlessPlotRenderer::render(const QString &typeId, const engine::NodeValue &result,
    const QString &basePath, QStringList *written, QString *error)
{
    Q_UNUSED(typeId);
    const std::unique_ptr<plots::PlotView> view = draw(result);
    if (!view)
        return true; // nothing to draw for this result (a table)
    // A plot without a title of its own (the scatter: the studio names it on its tab) is
    // titled as its tab would be, so the file says what it shows.
    const QString title = view->title().isEmpty() ? ResultTabs::viewName(result) : view->title();
    return exportBoth(view->customPlot(), basePath, title, written, error);
}

} // namespace sextant::app
