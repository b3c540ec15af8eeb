#include "plots/DriftPlot.h"

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
    setTitle(tr("Drift"));
    applyPaletteColors();
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
    resetView();
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
    replot();
}

} // namespace sextant::plots
