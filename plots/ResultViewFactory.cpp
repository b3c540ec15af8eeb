#include "plots/ResultViewFactory.h"

#include "data/Statistics.h"
#include "graph/NodeValue.h"
#include "nodes/ColumnHistogram.h"
#include "nodes/ImportanceView.h"
#include "nodes/PredictionView.h"
#include "nodes/ScatterData.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/ExplorationViews.h"
#include "plots/HistogramPlot.h"
#include "plots/ImportancePlot.h"
#include "plots/PrecisionRecallPlot.h"
#include "plots/ResidualPlot.h"
#include "plots/RocPlot.h"
#include "plots/ScatterPlot.h"

#include <QCoreApplication>

namespace sextant::plots {

namespace {

using Kind = engine::PredictionView::Kind;

QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::plots::ResultViewFactory", text);
}

std::unique_ptr<PlotView> newPredictionPlot(Kind kind)
{
    switch (kind) {
    case Kind::Roc:
        return std::make_unique<RocPlot>();
    case Kind::PrecisionRecall:
        return std::make_unique<PrecisionRecallPlot>();
    case Kind::Confusion:
        return std::make_unique<ConfusionMatrixPlot>();
    case Kind::Residuals:
        return std::make_unique<ResidualPlot>();
    }
    return nullptr;
}

bool showPrediction(PlotView &view, const engine::PredictionView &v)
{
    const engine::Prediction &p = v.prediction;
    switch (v.kind) {
    case Kind::Roc:
        if (auto *plot = qobject_cast<RocPlot *>(&view)) {
            if (v.roc.size() == 1 && p.classNames.size() == 2)
                plot->setCurve(v.roc.front(), p.classNames.value(1));
            else
                plot->setCurves(v.roc, p.classNames);
            return true;
        }
        return false;
    case Kind::PrecisionRecall:
        if (auto *plot = qobject_cast<PrecisionRecallPlot *>(&view)) {
            if (v.precisionRecall.size() == 1 && p.classNames.size() == 2)
                plot->setCurve(v.precisionRecall.front(), p.classNames.value(1));
            else
                plot->setCurves(v.precisionRecall, p.classNames);
            return true;
        }
        return false;
    case Kind::Confusion:
        if (auto *plot = qobject_cast<ConfusionMatrixPlot *>(&view)) {
            plot->setMatrix(v.confusion, p.classNames);
            return true;
        }
        return false;
    case Kind::Residuals:
        if (auto *plot = qobject_cast<ResidualPlot *>(&view)) {
            plot->setData(v.residualPredicted, v.residualActual);
            return true;
        }
        return false;
    }
    return false;
}

} // namespace

bool ResultViewFactory::hasPlot(const engine::NodeValue &value)
{
    return value.as<engine::ColumnHistogram>() || value.as<engine::CorrelationMatrix>()
        || value.as<engine::ScatterData>() || value.as<engine::PredictionView>()
        || value.as<engine::ImportanceData>() || ExplorationViews::hasPlot(value);
}

std::unique_ptr<PlotView> ResultViewFactory::create(const engine::NodeValue &value)
{
    std::unique_ptr<PlotView> view;
    if (value.as<engine::ColumnHistogram>())
        view = std::make_unique<HistogramPlot>();
    else if (value.as<engine::CorrelationMatrix>())
        view = std::make_unique<CorrelationHeatmap>();
    else if (value.as<engine::ScatterData>())
        view = std::make_unique<ScatterPlot>();
    else if (const auto *v = value.as<engine::PredictionView>())
        view = newPredictionPlot(v->kind);
    else if (value.as<engine::ImportanceData>())
        view = std::make_unique<ImportancePlot>();
    else
        view = ExplorationViews::create(value);
    if (view && !show(*view, value))
        view.reset();
    return view;
}

bool ResultViewFactory::show(PlotView &view, const engine::NodeValue &value)
{
    if (const auto *h = value.as<engine::ColumnHistogram>()) {
        auto *plot = qobject_cast<HistogramPlot *>(&view);
        if (!plot)
            return false;
        plot->setHistogram(
            h->column, h->columnType == engine::ColumnType::Categorical, h->histogram);
        return true;
    }
    if (const auto *m = value.as<engine::CorrelationMatrix>()) {
        auto *plot = qobject_cast<CorrelationHeatmap *>(&view);
        if (!plot)
            return false;
        plot->setMatrix(*m);
        return true;
    }
    if (const auto *s = value.as<engine::ScatterData>()) {
        auto *plot = qobject_cast<ScatterPlot *>(&view);
        if (!plot)
            return false;
        if (s->table.columnCount() == 0) { // a result without its table
            plot->setData(s->x, s->y);
            plot->setRowIds({});
            if (s->color)
                plot->setColorColumn(*s->color);
            else
                plot->clearColor();
            return true;
        }
        // The node's columns first; the control bar offers the rest of its input.
        ScatterSource source;
        source.table = s->table;
        source.choice.x = s->x.name();
        source.choice.y = s->y.name();
        source.choice.color = s->color ? s->color->name() : QString();
        source.choice.size = s->size ? s->size->name() : QString();
        source.choice.shape = s->shape ? s->shape->name() : QString();
        source.autoColor = false; // the node chose its colour (or none)
        plot->setSource(std::move(source));
        return true;
    }
    if (const auto *v = value.as<engine::PredictionView>())
        return showPrediction(view, *v);
    if (const auto *d = value.as<engine::ImportanceData>()) {
        auto *plot = qobject_cast<ImportancePlot *>(&view);
        if (!plot)
            return false;
        plot->setImportances(*d);
        return true;
    }
    return ExplorationViews::show(view, value);
}

QString ResultViewFactory::title(const engine::NodeValue &value)
{
    if (value.as<engine::ColumnHistogram>())
        return tr("Histogram");
    if (value.as<engine::CorrelationMatrix>())
        return tr("Correlation");
    if (value.as<engine::ScatterData>())
        return tr("Scatter");
    if (value.as<engine::ImportanceData>())
        return tr("Importance");
    if (const auto *v = value.as<engine::PredictionView>()) {
        switch (v->kind) {
        case Kind::Roc:
            return tr("ROC");
        case Kind::PrecisionRecall:
            return tr("Precision-Recall");
        case Kind::Confusion:
            return tr("Confusion");
        case Kind::Residuals:
            return tr("Residuals");
        }
    }
    return ExplorationViews::title(value);
}

QString ResultViewFactory::describe(const engine::NodeValue &value)
{
    if (const auto *h = value.as<engine::ColumnHistogram>(); h && !h->column.isEmpty())
        return tr("Histogram of %1").arg(h->column);
    if (const auto *s = value.as<engine::ScatterData>();
        s && !s->x.name().isEmpty() && !s->y.name().isEmpty())
        return tr("Scatter of %1 against %2").arg(s->y.name(), s->x.name());
    if (const QString d = ExplorationViews::describe(value); !d.isEmpty())
        return d;
    return title(value);
}

} // namespace sextant::plots
