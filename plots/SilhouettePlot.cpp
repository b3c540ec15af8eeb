#include "plots/SilhouettePlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QMenu>
#include <algorithm>
#include <cmath>

namespace sextant::plots {

SilhouettePlot::SilhouettePlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("Silhouette coefficient"));
    plot->yAxis->setRangeReversed(true); // the first cluster on top
    plot->yAxis->grid()->setVisible(false);
    m_selected = new QCPGraph(plot->yAxis, plot->xAxis);
    m_selected->setLineStyle(QCPGraph::lsNone);
    m_selected->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, palette().color(QPalette::Highlight), 4));
    m_selected->setName(tr("Selected"));
    m_selected->removeFromLegend();
    m_selected->setSelectable(QCP::stNone);
    m_meanLine = new QCPItemStraightLine(plot);
    m_meanLine->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    m_meanLine->point1->setCoords(0, 0);
    m_meanLine->point2->setCoords(0, 1);
    m_meanLine->setVisible(false);
    m_meanLabel = new QCPItemText(plot);
    m_meanLabel->setColor(QColor(200, 30, 30));
    m_meanLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_meanLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_meanLabel->setPadding(QMargins(4, 2, 4, 2));
    m_meanLabel->setBrush(palette().color(QPalette::Base));
    m_meanLabel->setVisible(false);
    setTitle(tr("Silhouette plot"));
    applyPaletteColors();
}

SilhouettePlot::~SilhouettePlot() = default;

void SilhouettePlot::clear()
{
    for (QCPGraph *g : std::as_const(m_graphs))
        customPlot()->removePlottable(g);
    m_graphs.clear();
    m_position.clear();
    m_selected->data()->clear();
    m_meanLine->setVisible(false);
    m_meanLabel->setVisible(false);
    replot();
}

void SilhouettePlot::setData(engine::SilhouetteData data)
{
    m_data = std::move(data);
    m_selection.clear();
    draw();
}

void SilhouettePlot::draw()
{
    clear();
    QCustomPlot *plot = customPlot();
    const std::size_t n = m_data.order.size();
    const int k = static_cast<int>(m_data.clusterNames.size());
    const double gap = std::max(2.0, std::round(0.02 * static_cast<double>(n)));
    m_position.assign(n, 0.0);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double y = gap / 2;
    std::size_t i = 0;
    for (int c = 0; c < k; ++c) {
        auto *graph = new QCPGraph(plot->yAxis, plot->xAxis);
        const QColor color = Palette::categorical(c);
        graph->setName(m_data.clusterNames[c]);
        graph->setLineStyle(QCPGraph::lsStepLeft);
        graph->setPen(QPen(color, 1));
        QColor fill = color;
        fill.setAlpha(200);
        graph->setBrush(fill);
        graph->setSelectable(QCP::stNone);
        graph->removeFromLegend();
        QVector<double> keys, values;
        const double start = y;
        double last = 0;
        for (; i < n && m_data.cluster[static_cast<std::size_t>(m_data.order[i])] == c; ++i) {
            const double v = m_data.values[static_cast<std::size_t>(m_data.order[i])];
            m_position[i] = y + 0.5;
            keys.append(y);
            values.append(v);
            last = v;
            y += 1;
        }
        if (!keys.isEmpty()) { // the last bar's far edge
            keys.append(y);
            values.append(last);
        }
        graph->setData(keys, values, true);
        m_graphs.append(graph);
        const double mean = m_data.clusterMeans.size() > static_cast<std::size_t>(c)
            ? m_data.clusterMeans[static_cast<std::size_t>(c)]
            : 0.0;
        ticker->addTick((start + y) / 2,
            tr("%1\nmean %2").arg(m_data.clusterNames[c], QString::number(mean, 'f', 2)));
        y += gap;
    }
    m_yUpper = y - gap / 2;
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setLabel(m_data.clusterColumn);
    m_meanLine->point1->setCoords(m_data.mean, 0);
    m_meanLine->point2->setCoords(m_data.mean, 1);
    m_meanLine->setVisible(n > 0);
    m_meanLabel->position->setCoords(m_data.mean, 0.0);
    m_meanLabel->setText(tr("mean %1").arg(m_data.mean, 0, 'f', 3));
    m_meanLabel->setVisible(n > 0);
    QString title = tr("Silhouette plot of %1 (%2 rows)").arg(m_data.clusterColumn).arg(n);
    if (m_data.sampled)
        title = tr("Silhouette plot of %1 (a sample of %2 of %3 rows)")
                    .arg(m_data.clusterColumn)
                    .arg(n)
                    .arg(m_data.tableRows);
    setTitle(title);
    setSelectedRows(m_selection);
    resetView();
}

double SilhouettePlot::barPosition(std::int64_t orderIndex) const
{
    return orderIndex >= 0 && static_cast<std::size_t>(orderIndex) < m_position.size()
        ? m_position[static_cast<std::size_t>(orderIndex)]
        : std::nan("");
}

QList<double> SilhouettePlot::drawnValues(int cluster) const
{
    QList<double> out;
    if (cluster < 0 || cluster >= m_graphs.size())
        return out;
    const auto data = m_graphs[cluster]->data();
    const int count = data->size();
    for (int i = 0; i + 1 < count; ++i) // the last point closes the last bar
        out.append((data->constBegin() + i)->value);
    return out;
}

double SilhouettePlot::meanLine() const
{
    return m_meanLine->visible() ? m_meanLine->point1->coords().x() : std::nan("");
}

QList<qint64> SilhouettePlot::rowsIn(const QRectF &rect) const
{
    QList<qint64> rows;
    for (std::size_t i = 0; i < m_position.size(); ++i) {
        const auto entry = static_cast<std::size_t>(m_data.order[i]);
        const double v = m_data.values[entry];
        if (m_position[i] >= rect.top() && m_position[i] <= rect.bottom() && v >= rect.left()
            && v <= rect.right())
            rows.append(m_data.rows[entry]);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<qint64> SilhouettePlot::negativeRows() const
{
    QList<qint64> rows;
    for (std::size_t i = 0; i < m_data.values.size(); ++i)
        if (m_data.values[i] < 0)
            rows.append(m_data.rows[i]);
    return rows; // m_data.rows is ascending
}

void SilhouettePlot::selectNegative()
{
    const QList<qint64> rows = negativeRows();
    setSelectedRows(rows);
    Q_EMIT rowsSelected(rows);
}

void SilhouettePlot::setSelectedRows(const QList<qint64> &rows)
{
    m_selection = rows;
    QVector<double> keys, values;
    if (!rows.isEmpty()) {
        // The selected rows' bars: entries whose row is in `rows` (both ascending).
        std::vector<std::int64_t> positionOf(m_data.rows.size(), -1);
        for (std::size_t i = 0; i < m_data.order.size(); ++i)
            positionOf[static_cast<std::size_t>(m_data.order[i])] = static_cast<std::int64_t>(i);
        std::size_t j = 0;
        for (std::size_t e = 0; e < m_data.rows.size(); ++e) {
            while (j < static_cast<std::size_t>(rows.size())
                && rows[static_cast<qsizetype>(j)] < m_data.rows[e])
                ++j;
            if (j < static_cast<std::size_t>(rows.size())
                && rows[static_cast<qsizetype>(j)] == m_data.rows[e]) {
                keys.append(m_position[static_cast<std::size_t>(positionOf[e])]);
                values.append(m_data.values[e]);
            }
        }
    }
    m_selected->setData(keys, values);
    replot();
}

int SilhouettePlot::selectedBarCount() const
{
    return m_selected->dataCount();
}

void SilhouettePlot::addContextMenuActions(QMenu *menu)
{
    QAction *negative = menu->addAction(tr("Select Negative Silhouettes"));
    negative->setObjectName(QStringLiteral("selectNegative"));
    negative->setEnabled(!negativeRows().isEmpty());
    connect(negative, &QAction::triggered, this, &SilhouettePlot::selectNegative);
}

PlotView::DragAction SilhouettePlot::dragActionFor(Qt::KeyboardModifiers modifiers) const
{
    if (modifiers.testFlag(Qt::ShiftModifier))
        return DragAction::SelectRect;
    return PlotView::dragActionFor(modifiers);
}

void SilhouettePlot::selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers)
{
    const QList<qint64> rows = rowsIn(rect);
    setSelectedRows(rows);
    Q_EMIT rowsSelected(rows);
}

QString SilhouettePlot::toolTipAt(const QPointF &pixel) const
{
    if (m_position.empty() || !customPlot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const double y = customPlot()->yAxis->pixelToCoord(pixel.y());
    const auto it = std::lower_bound(m_position.begin(), m_position.end(), y - 0.5);
    if (it == m_position.end() || std::abs(*it - y) > 0.5)
        return {};
    const auto entry
        = static_cast<std::size_t>(m_data.order[static_cast<std::size_t>(it - m_position.begin())]);
    return tr("Row %1, cluster %2\nsilhouette %3")
        .arg(m_data.rows[entry] + 1)
        .arg(m_data.clusterNames.value(m_data.cluster[entry]))
        .arg(m_data.values[entry], 0, 'f', 4);
}

void SilhouettePlot::resetView()
{
    double lo = 0, hi = 0;
    for (double v : m_data.values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    lo = std::min(lo, -0.1);
    hi = std::max(hi, 0.1);
    const double pad = (hi - lo) * 0.04;
    customPlot()->xAxis->setRange(lo - pad, hi + pad);
    customPlot()->yAxis->setRange(0, std::max(1.0, m_yUpper + 1));
    replot();
}

} // namespace sextant::plots
