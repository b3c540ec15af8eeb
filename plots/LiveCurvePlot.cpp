#include "plots/LiveCurvePlot.h"

#include "plots/NumberAxis.h"
#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QMutexLocker>
#include <QTimer>
#include <algorithm>
#include <array>
#include <cmath>

namespace sextant::plots {

namespace {

QString key(const QString &run, const QString &series)
{
    return run + QLatin1Char('\n') + series;
}

// Log-axis ticks at 1, 2 and 5 times each power of ten (only the powers when that gives
// too many), so a loss curve spanning less than a decade still gets labels.
class LogTicker125 : public QCPAxisTicker {
protected:
    QVector<double> createTickVector(double, const QCPRange &range) override
    {
        QVector<double> ticks;
        if (!(range.lower > 0) || !(range.upper > range.lower))
            return ticks;
        const int first = static_cast<int>(std::floor(std::log10(range.lower)));
        const int last = static_cast<int>(std::ceil(std::log10(range.upper)));
        const bool sparse = last - first > 4;
        for (int e = first; e <= last; ++e) {
            for (double m : { 1.0, 2.0, 5.0 }) {
                if (sparse && m != 1.0)
                    continue;
                const double v = m * std::pow(10.0, e);
                if (v >= range.lower && v <= range.upper)
                    ticks.append(v);
            }
        }
        return ticks;
    }
    int getSubTickCount(double) override { return 0; }
};

constexpr std::array<Qt::PenStyle, 4> kSeriesStyles { Qt::SolidLine, Qt::DashLine, Qt::DotLine,
    Qt::DashDotLine };

} // namespace

LiveCurvePlot::LiveCurvePlot(QWidget *parent)
    : PlotView(parent), m_timer(new QTimer(this)), m_logBox(new QCheckBox(tr("&Log scale"), this))
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("Epoch"));
    plot->yAxis->setLabel(tr("Value"));
    plot->legend->setVisible(false);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->setAntialiasedElement(QCP::aePlottables, true);
    applyPaletteColors();

    m_logBox->setObjectName(QStringLiteral("logScale"));
    controlsLayout()->addWidget(m_logBox);
    connect(m_logBox, &QCheckBox::toggled, this, &LiveCurvePlot::setLogScale);

    // Single-shot: started when the buffer goes from empty to non-empty, so an idle plot
    // wakes nobody up and a busy one redraws at most once per interval.
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultFlushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LiveCurvePlot::onTimer);

    // A user zoom or pan stops following the data.
    connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_rescaling)
            m_follow = false;
    });
    connect(plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_rescaling)
            m_follow = false;
    });
}

LiveCurvePlot::~LiveCurvePlot() = default;

void LiveCurvePlot::append(const QString &runId, const QString &series, double epoch, double value)
{
    bool wasEmpty = false;
    {
        QMutexLocker lock(&m_pendingMutex);
        wasEmpty = m_pending.empty();
        m_pending.push_back(Point { runId, series, epoch, value });
        m_pendingCount.store(static_cast<qint64>(m_pending.size()), std::memory_order_relaxed);
    }
    if (wasEmpty) {
        // Cross-thread (when called from a worker): start the flush timer on the GUI thread.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_timer->isActive())
                    m_timer->start();
            },
            Qt::QueuedConnection);
    }
}

void LiveCurvePlot::onTimer()
{
    flush();
}

void LiveCurvePlot::flush()
{
    std::vector<Point> points;
    {
        QMutexLocker lock(&m_pendingMutex);
        points.swap(m_pending);
        m_pendingCount.store(0, std::memory_order_relaxed);
    }
    if (points.empty())
        return;
    for (const Point &p : points)
        graphFor(p.run, p.series)->addData(p.epoch, p.value);
    if (m_follow)
        rescale();
    ++m_flushCount;
    replot();
}

QCPGraph *LiveCurvePlot::graphFor(const QString &run, const QString &series)
{
    const QString k = key(run, series);
    if (QCPGraph *g = m_graphs.value(k))
        return g;
    if (!m_runOrder.contains(run))
        m_runOrder.append(run);
    if (!m_seriesOrder.contains(series))
        m_seriesOrder.append(series);
    const int runIndex = static_cast<int>(m_runOrder.indexOf(run));
    const int seriesIndex = static_cast<int>(m_seriesOrder.indexOf(series));
    QCustomPlot *plot = customPlot();
    QCPGraph *g = plot->addGraph();
    QPen pen(Palette::categorical(runIndex), 1.8,
        kSeriesStyles[static_cast<std::size_t>(seriesIndex) % kSeriesStyles.size()]);
    g->setPen(pen);
    g->setLineStyle(QCPGraph::lsLine);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    g->setName(run + QStringLiteral(" · ") + series);
    g->setSelectable(QCP::stNone);
    m_graphs.insert(k, g);
    updateLegend();
    return g;
}

void LiveCurvePlot::removeRun(const QString &runId)
{
    {
        QMutexLocker lock(&m_pendingMutex);
        m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                            [&](const Point &p) { return p.run == runId; }),
            m_pending.end());
        m_pendingCount.store(static_cast<qint64>(m_pending.size()), std::memory_order_relaxed);
    }
    QCustomPlot *plot = customPlot();
    for (auto it = m_graphs.begin(); it != m_graphs.end();) {
        if (it.key().section(QLatin1Char('\n'), 0, 0) == runId) {
            plot->removePlottable(it.value());
            it = m_graphs.erase(it);
        } else {
            ++it;
        }
    }
    m_runOrder.removeAll(runId);
    updateLegend();
    replot();
}

void LiveCurvePlot::clear()
{
    {
        QMutexLocker lock(&m_pendingMutex);
        m_pending.clear();
        m_pendingCount.store(0, std::memory_order_relaxed);
    }
    QCustomPlot *plot = customPlot();
    for (QCPGraph *g : std::as_const(m_graphs))
        plot->removePlottable(g);
    m_graphs.clear();
    m_runOrder.clear();
    m_seriesOrder.clear();
    updateLegend();
    m_follow = true;
    replot();
}

void LiveCurvePlot::setLogScale(bool on)
{
    m_logScale = on;
    if (m_logBox->isChecked() != on)
        m_logBox->setChecked(on); // -> back here once, harmless
    QCPAxis *y = customPlot()->yAxis;
    if (on) {
        y->setScaleType(QCPAxis::stLogarithmic);
        y->setTicker(QSharedPointer<LogTicker125>::create());
    } else {
        y->setScaleType(QCPAxis::stLinear);
        NumberAxis::apply(y);
    }
    m_follow = true;
    rescale();
    replot();
}

void LiveCurvePlot::setYLabel(const QString &label)
{
    customPlot()->yAxis->setLabel(label);
    replot();
}

void LiveCurvePlot::setXLabel(const QString &label)
{
    if (customPlot()->xAxis->label() == label)
        return;
    customPlot()->xAxis->setLabel(label);
    replot();
}

QString LiveCurvePlot::xLabel() const
{
    return customPlot()->xAxis->label();
}

void LiveCurvePlot::rescale()
{
    m_rescaling = true;
    QCustomPlot *plot = customPlot();
    plot->rescaleAxes();
    if (!m_logScale) {
        const QCPRange y = plot->yAxis->range();
        const double pad
            = y.size() > 0 ? y.size() * 0.05 : std::max(1e-9, std::abs(y.lower) * 0.05);
        plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    } else {
        const QCPRange y = plot->yAxis->range();
        if (y.lower > 0 && y.upper > 0)
            plot->yAxis->setRange(y.lower / 1.15, y.upper * 1.15);
    }
    m_rescaling = false;
}

void LiveCurvePlot::resetView()
{
    m_follow = true;
    rescale();
    replot();
}

void LiveCurvePlot::addContextMenuActions(QMenu *menu)
{
    menu->addSeparator();
    QAction *log = menu->addAction(tr("&Logarithmic y axis"));
    log->setObjectName(QStringLiteral("logScaleAction"));
    log->setCheckable(true);
    log->setChecked(m_logScale);
    connect(log, &QAction::toggled, this, &LiveCurvePlot::setLogScale);
}

qint64 LiveCurvePlot::pointCount() const
{
    qint64 n = 0;
    for (QCPGraph *g : m_graphs)
        n += g->dataCount();
    return n;
}

int LiveCurvePlot::curveCount() const
{
    return static_cast<int>(m_graphs.size());
}

void LiveCurvePlot::updateLegend()
{
    customPlot()->legend->setVisible(!m_graphs.isEmpty() && width() >= kLegendMinWidth);
}

void LiveCurvePlot::resizeEvent(QResizeEvent *event)
{
    PlotView::resizeEvent(event);
    const bool shown = customPlot()->legend->visible();
    updateLegend();
    if (shown != customPlot()->legend->visible())
        replot();
}

bool LiveCurvePlot::legendShown() const
{
    return customPlot()->legend->visible();
}

QString LiveCurvePlot::toolTipAt(const QPointF &pixel) const
{
    const QCustomPlot *plot = customPlot();
    if (!plot->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const double x = plot->xAxis->pixelToCoord(pixel.x());
    const QCPGraph *best = nullptr;
    double bestDistance = 8.0; // pixels
    double bestKey = 0, bestValue = 0;
    for (const QCPGraph *g : m_graphs) {
        const QSharedPointer<QCPGraphDataContainer> data = g->data();
        if (data->isEmpty())
            continue;
        // The point nearest in epoch, and the line between it and its neighbour.
        auto it = data->findBegin(x, true);
        for (int step = 0; step < 2 && it != data->constEnd(); ++step, ++it) {
            const QPointF p(
                plot->xAxis->coordToPixel(it->key), plot->yAxis->coordToPixel(it->value));
            const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
            if (std::isfinite(d) && d < bestDistance) {
                bestDistance = d;
                best = g;
                bestKey = it->key;
                bestValue = it->value;
            }
        }
    }
    if (!best)
        return {};
    return tr("%1\n%2 %3: %4")
        .arg(best->name(), plot->xAxis->label())
        .arg(bestKey, 0, 'g', 6)
        .arg(bestValue, 0, 'g', 5);
}

QStringList LiveCurvePlot::legendEntries() const
{
    QStringList out;
    QCPLegend *legend = customPlot()->legend;
    if (m_graphs.isEmpty())
        return out;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            out << item->plottable()->name();
    return out;
}

std::pair<double, double> LiveCurvePlot::yRange() const
{
    return { customPlot()->yAxis->range().lower, customPlot()->yAxis->range().upper };
}

std::pair<double, double> LiveCurvePlot::xRange() const
{
    return { customPlot()->xAxis->range().lower, customPlot()->xAxis->range().upper };
}

} // namespace sextant::plots
