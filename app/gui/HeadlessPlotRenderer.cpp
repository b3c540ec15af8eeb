#include "gui/HeadlessPlotRenderer.h"

#include "data/Statistics.h"
#include "nodes/ColumnHistogram.h"
#include "nodes/PredictionView.h"
#include "nodes/ScatterData.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/HistogramPlot.h"
#include "plots/PlotExporter.h"
#include "plots/PrecisionRecallPlot.h"
#include "plots/ResidualPlot.h"
#include "plots/RocPlot.h"
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

std::unique_ptr<plots::PlotView> HeadlessPlotRenderer::createPredictionPlot(
    const engine::PredictionView &v)
{
    using Kind = engine::PredictionView::Kind;
    const engine::Prediction &p = v.prediction;
    switch (v.kind) {
    case Kind::Roc: {
        auto plot = std::make_unique<plots::RocPlot>();
        if (v.roc.size() == 1 && p.classNames.size() == 2)
            plot->setCurve(v.roc.front(), p.classNames.value(1));
        else
            plot->setCurves(v.roc, p.classNames);
        return plot;
    }
    case Kind::PrecisionRecall: {
        auto plot = std::make_unique<plots::PrecisionRecallPlot>();
        if (v.precisionRecall.size() == 1 && p.classNames.size() == 2)
            plot->setCurve(v.precisionRecall.front(), p.classNames.value(1));
        else
            plot->setCurves(v.precisionRecall, p.classNames);
        return plot;
    }
    case Kind::Confusion: {
        auto plot = std::make_unique<plots::ConfusionMatrixPlot>();
        plot->setMatrix(v.confusion, p.classNames);
        return plot;
    }
    case Kind::Residuals: {
        auto plot = std::make_unique<plots::ResidualPlot>();
        plot->setData(v.residualPredicted, v.residualActual);
        return plot;
    }
    }
    return nullptr;
}

bool HeadlessPlotRenderer::render(const QString &typeId, const engine::NodeValue &result,
    const QString &basePath, QStringList *written, QString *error)
{
    Q_UNUSED(typeId);
    if (const auto *h = result.as<engine::ColumnHistogram>()) {
        auto view = std::make_unique<plots::HistogramPlot>();
        view->resize(kWidth, kHeight);
        view->setHistogram(
            h->column, h->columnType == engine::ColumnType::Categorical, h->histogram);
        return exportBoth(view->customPlot(), basePath, view->title(), written, error);
    }
    if (const auto *m = result.as<engine::CorrelationMatrix>()) {
        auto view = std::make_unique<plots::CorrelationHeatmap>();
        view->resize(kWidth, kHeight);
        view->setMatrix(*m);
        view->replotNow();
        return exportBoth(view->customPlot(), basePath, view->title(), written, error);
    }
    if (const auto *s = result.as<engine::ScatterData>()) {
        auto view = std::make_unique<plots::ScatterPlot>();
        view->resize(kWidth, kHeight);
        view->setData(s->x, s->y);
        if (s->color)
            view->setColorColumn(*s->color);
        if (view->isDensityMode())
            view->refreshDensityNow(); // aggregate here, not on the view's worker
        view->replotNow();
        return exportBoth(view->customPlot(), basePath, view->title(), written, error);
    }
    if (const auto *v = result.as<engine::PredictionView>()) {
        std::unique_ptr<plots::PlotView> view = createPredictionPlot(*v);
        view->resize(kWidth, kHeight);
        return exportBoth(view->customPlot(), basePath, view->title(), written, error);
    }
    return true; // nothing to draw for this result (a table)
}

} // namespace sextant::app
