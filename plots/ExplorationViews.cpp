#include "plots/ExplorationViews.h"

#include "graph/NodeValue.h"
#include "nodes/BoxPlotData.h"
#include "nodes/DendrogramData.h"
#include "nodes/DriftData.h"
#include "nodes/FeatureRanking.h"
#include "nodes/HeatMapData.h"
#include "nodes/LinePlotData.h"
#include "nodes/ProbabilityCurvesData.h"
#include "nodes/ScatterMatrixData.h"
#include "nodes/SilhouetteData.h"
#include "nodes/TreeViewData.h"
#include "plots/BoxPlot.h"
#include "plots/DataHeatMapPlot.h"
#include "plots/DendrogramPlot.h"
#include "plots/DriftPlot.h"
#include "plots/FeatureRankingPlot.h"
#include "plots/LinePlot.h"
#include "plots/ProbabilityCurvesPlot.h"
#include "plots/ScatterMatrixPlot.h"
#include "plots/SilhouettePlot.h"
#include "plots/TreeViewPlot.h"

#include <QCoreApplication>

namespace sextant::plots {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::plots::ResultViewFactory", text);
}

template<class Plot, class Data> bool showAs(PlotView &view, const Data &data)
{
    auto *plot = qobject_cast<Plot *>(&view);
    if (plot)
        plot->setData(data);
    return plot;
}

} // namespace

bool ExplorationViews::hasPlot(const engine::NodeValue &value)
{
    return value.as<engine::BoxPlotData>() || value.as<engine::SilhouetteData>()
        || value.as<engine::ProbabilityCurvesData>() || value.as<engine::FeatureRanking>()
        || value.as<engine::ScatterMatrixData>() || value.as<engine::LinePlotData>()
        || value.as<engine::DriftData>() || value.as<engine::DendrogramData>()
        || value.as<engine::HeatMapData>() || value.as<engine::TreeViewData>();
}

std::unique_ptr<PlotView> ExplorationViews::create(const engine::NodeValue &value)
{
    if (value.as<engine::BoxPlotData>())
        return std::make_unique<BoxPlot>();
    if (value.as<engine::SilhouetteData>())
        return std::make_unique<SilhouettePlot>();
    if (value.as<engine::ProbabilityCurvesData>())
        return std::make_unique<ProbabilityCurvesPlot>();
    if (value.as<engine::FeatureRanking>())
        return std::make_unique<FeatureRankingPlot>();
    if (value.as<engine::ScatterMatrixData>())
        return std::make_unique<ScatterMatrixPlot>();
    if (value.as<engine::LinePlotData>())
        return std::make_unique<LinePlot>();
    if (value.as<engine::DriftData>())
        return std::make_unique<DriftPlot>();
    if (value.as<engine::DendrogramData>())
        return std::make_unique<DendrogramPlot>();
    if (value.as<engine::HeatMapData>())
        return std::make_unique<DataHeatMapPlot>();
    if (value.as<engine::TreeViewData>())
        return std::make_unique<TreeViewPlot>();
    return nullptr;
}

bool ExplorationViews::show(PlotView &view, const engine::NodeValue &value)
{
    if (const auto *b = value.as<engine::BoxPlotData>())
        return showAs<BoxPlot>(view, *b);
    if (const auto *s = value.as<engine::SilhouetteData>())
        return showAs<SilhouettePlot>(view, *s);
    if (const auto *c = value.as<engine::ProbabilityCurvesData>())
        return showAs<ProbabilityCurvesPlot>(view, *c);
    if (const auto *f = value.as<engine::FeatureRanking>())
        return showAs<FeatureRankingPlot>(view, *f);
    if (const auto *m = value.as<engine::ScatterMatrixData>())
        return showAs<ScatterMatrixPlot>(view, *m);
    if (const auto *l = value.as<engine::LinePlotData>())
        return showAs<LinePlot>(view, *l);
    if (const auto *d = value.as<engine::DriftData>())
        return showAs<DriftPlot>(view, *d);
    if (const auto *d = value.as<engine::DendrogramData>())
        return showAs<DendrogramPlot>(view, *d);
    if (const auto *h = value.as<engine::HeatMapData>())
        return showAs<DataHeatMapPlot>(view, *h);
    if (const auto *t = value.as<engine::TreeViewData>())
        return showAs<TreeViewPlot>(view, *t);
    return false;
}

QString ExplorationViews::title(const engine::NodeValue &value)
{
    if (const auto *b = value.as<engine::BoxPlotData>())
        return b->violin ? tr("Violin Plot") : tr("Box Plot");
    if (value.as<engine::SilhouetteData>())
        return tr("Silhouette");
    if (const auto *c = value.as<engine::ProbabilityCurvesData>()) {
        switch (c->kind) {
        case engine::ProbabilityCurvesData::Kind::Calibration:
            return tr("Calibration");
        case engine::ProbabilityCurvesData::Kind::Gains:
            return tr("Cumulative Gains");
        case engine::ProbabilityCurvesData::Kind::Lift:
            return tr("Lift");
        }
    }
    if (value.as<engine::FeatureRanking>())
        return tr("Feature Ranking");
    if (value.as<engine::ScatterMatrixData>())
        return tr("Scatter Matrix");
    if (value.as<engine::LinePlotData>())
        return tr("Line Plot");
    if (value.as<engine::DriftData>())
        return tr("Drift");
    if (value.as<engine::DendrogramData>())
        return tr("Dendrogram");
    if (value.as<engine::HeatMapData>())
        return tr("Heat Map");
    if (value.as<engine::TreeViewData>())
        return tr("Tree");
    return {};
}

QString ExplorationViews::describe(const engine::NodeValue &value)
{
    if (const auto *b = value.as<engine::BoxPlotData>(); b && !b->columns.empty()) {
        const QString of = b->columns.size() == 1 ? b->columns.front().name
                                                  : tr("%1 columns").arg(b->columns.size());
        return b->splitColumn.isEmpty()
            ? tr("%1 of %2").arg(title(value), of)
            : tr("%1 of %2 by %3").arg(title(value), of, b->splitColumn);
    }
    if (const auto *s = value.as<engine::SilhouetteData>())
        return tr("Silhouette of %1").arg(s->clusterColumn);
    if (const auto *f = value.as<engine::FeatureRanking>(); f && !f->target.isEmpty())
        return tr("Feature Ranking against %1").arg(f->target);
    if (const auto *m = value.as<engine::ScatterMatrixData>(); m && !m->colorColumn.isEmpty())
        return tr("Scatter Matrix by %1").arg(m->colorColumn);
    if (const auto *l = value.as<engine::LinePlotData>(); l && !l->series.empty()) {
        const QString of = l->series.size() == 1 ? l->series.front().name
                                                 : tr("%1 columns").arg(l->series.size());
        return l->xName.isEmpty() ? tr("Line Plot of %1 by row").arg(of)
                                  : tr("Line Plot of %1 by %2").arg(of, l->xName);
    }
    if (const auto *d = value.as<engine::DriftData>())
        return tr("Drift of %1 rows: %2")
            .arg(d->batchRows)
            .arg(d->report.driftFound() ? tr("drift found") : tr("no drift"));
    if (const auto *d = value.as<engine::DendrogramData>(); d && !d->linkage.isEmpty())
        return QCoreApplication::translate("sextant::plots::ResultViewFactory",
            "Dendrogram (%1 linkage, %n clusters)", nullptr, d->clusters)
            .arg(d->linkage);
    if (const auto *h = value.as<engine::HeatMapData>(); h && !h->annotationColumn.isEmpty())
        return tr("Heat Map by %1").arg(h->annotationColumn);
    if (const auto *t = value.as<engine::TreeViewData>(); t && !t->nodes.empty())
        return t->treeCount > 1 ? tr("Tree %1 of %2 of %3 (%4 nodes, %5 leaves)")
                                      .arg(t->tree)
                                      .arg(t->treeCount)
                                      .arg(t->model)
                                      .arg(t->modelNodes)
                                      .arg(t->modelLeaves)
                                : tr("Tree of %1 (%2 nodes, %3 leaves)")
                                      .arg(t->model)
                                      .arg(t->modelNodes)
                                      .arg(t->modelLeaves);
    return {};
}

} // namespace sextant::plots
