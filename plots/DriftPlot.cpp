#include "plots/DriftPlot.h"

#include "plots/NumberAxis.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sextant::plots {

namespace {

QString elided(const QString &s)
{
    return s.size() > 28 ? s.left(26) + QChar(0x2026) : s;
}

// Stable, warning, drift.
QColor verdictColor(int verdict)
{
    switch (verdict) {
    case 0:
        return QColor(0x4c, 0x9a, 0x5b);
    case 1:
        return QColor(0xe0, 0x9b, 0x26);
    default:
        return QColor(0xc8, 0x3e, 0x3e);
    }
}

} // namespace

DriftPlot::DriftPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->grid()->setVisible(false);
    const QString names[3] = { tr("Stable"), tr("Warning"), tr("Drift") };
    for (int v = 0; v < 3; ++v) {
        m_bars[v] = new QCPBars(plot->yAxis, plot->xAxis);
        m_bars[v]->setWidth(0.7);
        m_bars[v]->setSelectable(QCP::stNone);
        m_bars[v]->setBrush(verdictColor(v));
        m_bars[v]->setPen(QPen(verdictColor(v).darker(130)));
        m_bars[v]->setName(names[v]);
    }
    for (double threshold : { 0.1, 0.25 }) {
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setCoords(threshold, 0);
        line->point2->setCoords(threshold, 1);
        QPen pen(palette().color(QPalette::Mid));
        pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        line->setSelectable(false);
    }
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    plot->xAxis->setLabel(tr("Population stability index (PSI)"));

    // The overlaid histograms, right of the bars.
    m_overlay = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(0, 1, m_overlay);
    plot->plotLayout()->setColumnStretchFactors({ 1.0, 1.2 });
    QCPAxis *key = m_overlay->axis(QCPAxis::atBottom);
    QCPAxis *value = m_overlay->axis(QCPAxis::atLeft);
    const QColor grey(0x80, 0x80, 0x80);
    m_trainingStep = plot->addGraph(key, value);
    m_trainingStep->setName(tr("Training"));
    m_trainingStep->setLineStyle(QCPGraph::lsStepLeft);
    m_trainingStep->setPen(QPen(grey, 1.5));
    m_trainingStep->setBrush(QColor(grey.red(), grey.green(), grey.blue(), 70));
    m_batchStep = plot->addGraph(key, value);
    m_batchStep->setName(tr("This data"));
    m_batchStep->setLineStyle(QCPGraph::lsStepLeft);
    m_trainingBars = new QCPBars(key, value);
    m_trainingBars->setName(tr("Training"));
    m_trainingBars->setWidth(0.38);
    m_trainingBars->setPen(QPen(grey.darker(120)));
    m_trainingBars->setBrush(QColor(grey.red(), grey.green(), grey.blue(), 150));
    m_batchBars = new QCPBars(key, value);
    m_batchBars->setName(tr("This data"));
    m_batchBars->setWidth(0.38);
    for (QCPAbstractPlottable *p : std::initializer_list<QCPAbstractPlottable *> {
             m_trainingStep, m_batchStep, m_trainingBars, m_batchBars })
        p->setSelectable(QCP::stNone);
    m_overlayLegend = new QCPLegend;
    m_overlay->insetLayout()->addElement(m_overlayLegend, Qt::AlignTop | Qt::AlignRight);
    m_overlayLegend->setLayer(QStringLiteral("legend"));
    for (QCPAbstractPlottable *p : std::initializer_list<QCPAbstractPlottable *> {
             m_trainingStep, m_batchStep, m_trainingBars, m_batchBars })
        p->removeFromLegend(plot->legend);
    setTitle(tr("Drift"));
    applyPaletteColors();
    m_overlayLegend->setBrush(plot->legend->brush());
    m_overlayLegend->setTextColor(plot->legend->textColor());
    m_overlayLegend->setBorderPen(plot->legend->borderPen());
}

DriftPlot::~DriftPlot() = default;

void DriftPlot::setData(engine::DriftData data)
{
    m_data = std::move(data);
    draw();
}

void DriftPlot::draw()
{
    m_labels.clear();
    m_values.clear();
    m_verdicts.clear();
    m_entries.clear();
    const std::vector<const engine::DriftReport::Entry *> all = m_data.entries();
    std::vector<int> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const double pa = std::isfinite(all[a]->psi) ? all[a]->psi : -1;
        const double pb = std::isfinite(all[b]->psi) ? all[b]->psi : -1;
        return pa > pb;
    });
    QVector<double> keys[3], values[3];
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double hi = 0.3;
    int drifted = 0;
    for (const engine::DriftReport::Entry *e : all)
        drifted += e->verdict == engine::DriftReport::Verdict::Drift ? 1 : 0;
    for (int r = 0; r < int(order.size()) && r < kMaxBars; ++r) {
        const engine::DriftReport::Entry *e = all[std::size_t(order[std::size_t(r)])];
        const bool prediction = m_data.report.prediction && e == &*m_data.report.prediction;
        const QString label = prediction ? tr("(predictions)") : e->name;
        m_labels << label;
        m_values << e->psi;
        m_verdicts << engine::DriftReport::toString(e->verdict);
        m_entries << e;
        ticker->addTick(r + 1, elided(label));
        if (!std::isfinite(e->psi))
            continue;
        const int v = int(e->verdict);
        keys[v].append(r + 1);
        values[v].append(e->psi);
        hi = std::max(hi, e->psi);
    }
    for (int v = 0; v < 3; ++v)
        m_bars[v]->setData(keys[v], values[v], true);
    customPlot()->yAxis->setTicker(ticker);
    m_xUpper = hi * 1.08;
    const int n = int(all.size());
    QString title = m_data.model.isEmpty()
        ? tr("Drift: %1 of %2 drifted").arg(drifted).arg(n)
        : tr("Drift against %1's training data: %2 of %3 drifted")
              .arg(m_data.model)
              .arg(drifted)
              .arg(n);
    if (n > kMaxBars)
        title += tr(" (the largest %1)").arg(kMaxBars);
    setTitle(title);
    m_shown = m_entries.isEmpty() ? -1 : 0;
    drawOverlay();
    resetView();
}

void DriftPlot::showFeature(int bar)
{
    if (bar < 0 || bar >= m_entries.size() || bar == m_shown)
        return;
    m_shown = bar;
    drawOverlay();
    resetView();
}

void DriftPlot::drawOverlay()
{
    m_overlayTraining.clear();
    m_overlayBatch.clear();
    m_overlayEdges.clear();
    m_overlayLabels.clear();
    const engine::DriftReport::Entry *e = m_shown >= 0 ? m_entries[m_shown] : nullptr;
    const bool categorical = e && e->categorical;
    const QColor colour = e ? verdictColor(int(e->verdict)) : QColor(Qt::gray);
    m_batchStep->setPen(QPen(colour.darker(110), 2));
    m_batchStep->setBrush(QColor(colour.red(), colour.green(), colour.blue(), 60));
    m_batchBars->setPen(QPen(colour.darker(130)));
    m_batchBars->setBrush(colour);
    QCPAxis *key = m_overlay->axis(QCPAxis::atBottom);
    QCPAxis *value = m_overlay->axis(QCPAxis::atLeft);
    const bool has = e && !e->trainingShare.empty();
    QVector<double> x, training, batch;
    if (has && !categorical && e->edges.size() == e->trainingShare.size() + 1) {
        // Densities over variable-width bins; a bin of no width (all values equal) keeps
        // its share as height.
        for (std::size_t i = 0; i < e->trainingShare.size(); ++i) {
            const double w = e->edges[i + 1] - e->edges[i];
            const double t = w > 0 ? e->trainingShare[i] / w : e->trainingShare[i];
            const double b = w > 0 ? e->batchShare[i] / w : e->batchShare[i];
            x << e->edges[i];
            training << t;
            batch << b;
            m_overlayTraining << t;
            m_overlayBatch << b;
        }
        for (double edge : e->edges)
            m_overlayEdges << edge;
        // The step line's last level runs to the last edge.
        x << e->edges.back();
        training << training.back();
        batch << batch.back();
        m_trainingStep->setData(x, training, true);
        m_batchStep->setData(x, batch, true);
        m_trainingBars->data()->clear();
        m_batchBars->data()->clear();
        NumberAxis::apply(key);
        value->setLabel(tr("Density"));
    } else if (has && categorical) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        QVector<double> kt, kb;
        for (std::size_t i = 0; i < e->trainingShare.size(); ++i) {
            const QString label
                = i < std::size_t(e->binLabels.size()) ? e->binLabels[qsizetype(i)] : QString();
            ticker->addTick(double(i), elided(label));
            kt << double(i) - 0.2;
            kb << double(i) + 0.2;
            training << e->trainingShare[i];
            batch << e->batchShare[i];
            m_overlayTraining << e->trainingShare[i];
            m_overlayBatch << e->batchShare[i];
            m_overlayLabels << label;
        }
        m_trainingBars->setData(kt, training, true);
        m_batchBars->setData(kb, batch, true);
        m_trainingStep->data()->clear();
        m_batchStep->data()->clear();
        key->setTicker(ticker);
        value->setLabel(tr("Share of rows"));
    } else {
        m_trainingStep->data()->clear();
        m_batchStep->data()->clear();
        m_trainingBars->data()->clear();
        m_batchBars->data()->clear();
        value->setLabel(QString());
    }
    m_trainingStep->setVisible(!categorical);
    m_batchStep->setVisible(!categorical);
    m_trainingBars->setVisible(categorical);
    m_batchBars->setVisible(categorical);
    // Only the drawn pair in the legend.
    m_overlayLegend->clearItems();
    if (categorical) {
        m_trainingBars->addToLegend(m_overlayLegend);
        m_batchBars->addToLegend(m_overlayLegend);
    } else {
        m_trainingStep->addToLegend(m_overlayLegend);
        m_batchStep->addToLegend(m_overlayLegend);
    }
    if (!e)
        key->setLabel(QString());
    else if (!has)
        key->setLabel(tr("%1: no distribution to compare").arg(m_labels[m_shown]));
    else
        key->setLabel(tr("%1: training and this data (click a bar for another feature)")
                          .arg(elided(m_labels[m_shown])));
}

QRect DriftPlot::overlayArea() const
{
    return m_overlay->rect();
}

void DriftPlot::clicked(const QPointF &pixel, Qt::KeyboardModifiers)
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return;
    const int r = static_cast<int>(std::lround(customPlot()->yAxis->pixelToCoord(pixel.y()))) - 1;
    showFeature(r);
}

QString DriftPlot::toolTipAt(const QPointF &pixel) const
{
    if (!customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const int r = static_cast<int>(std::lround(customPlot()->yAxis->pixelToCoord(pixel.y()))) - 1;
    if (r < 0 || r >= m_entries.size())
        return {};
    const engine::DriftReport::Entry &e = *m_entries[r];
    QString text = tr("%1: %2\nPSI %3").arg(m_labels[r], m_verdicts[r]).arg(e.psi, 0, 'g', 4);
    if (e.categorical)
        text += tr("\nchi-square %1 (df %2), p = %3")
                    .arg(e.chiSquare, 0, 'g', 4)
                    .arg(e.chiSquareDf)
                    .arg(e.chiSquarePValue, 0, 'g', 3);
    else
        text += tr("\nKS %1, p = %2").arg(e.ks, 0, 'g', 4).arg(e.ksPValue, 0, 'g', 3);
    text += tr("\nmissing: %1% in training, %2% here")
                .arg(100 * e.trainingMissingRate, 0, 'f', 1)
                .arg(100 * e.missingRate, 0, 'f', 1);
    if (e.unseenRows > 0)
        text += tr("\n%1 rows with unseen categories").arg(e.unseenRows);
    if (!e.reasons.isEmpty())
        text += QLatin1Char('\n') + e.reasons.join(QLatin1Char('\n'));
    return text;
}

void DriftPlot::resetView()
{
    customPlot()->xAxis->setRange(0, m_xUpper);
    customPlot()->yAxis->setRange(0.4, std::max<double>(1, m_labels.size()) + 0.6);
    QCPAxis *key = m_overlay->axis(QCPAxis::atBottom);
    QCPAxis *value = m_overlay->axis(QCPAxis::atLeft);
    double top = 0;
    for (double v : m_overlayTraining)
        top = std::max(top, v);
    for (double v : m_overlayBatch)
        top = std::max(top, v);
    value->setRange(0, top > 0 ? top * 1.15 : 1);
    if (!m_overlayEdges.isEmpty()) {
        const double lo = m_overlayEdges.front();
        const double hi = m_overlayEdges.back();
        const double pad = hi > lo ? (hi - lo) * 0.02 : 0.5;
        key->setRange(lo - pad, hi + pad);
    } else {
        key->setRange(-0.6, std::max<double>(1, m_overlayLabels.size()) - 0.4);
    }
    replot();
}

} // namespace sextant::plots
