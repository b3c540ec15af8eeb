#include "plots/ScatterMatrixPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

ScatterMatrixPlot::ScatterMatrixPlot(QWidget *parent) : PlotView(parent)
{
    setTitle(tr("Scatter matrix")); // row 0; the cells go in row 1
    QCustomPlot *plot = customPlot();
    plot->setInteractions(QCP::Interactions()); // many small plots: no drag or zoom
    QCPAxisRect *main = plot->axisRect();
    plot->plotLayout()->take(main);
    plot->plotLayout()->simplify();
    m_grid = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 0, m_grid);
    m_grid->addElement(0, 0, main);
    m_grid->setRowSpacing(4);
    m_grid->setColumnSpacing(4);
    // The legend beside the grid, at its top (a filler below takes the rest).
    main->insetLayout()->take(plot->legend);
    auto *side = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 1, side);
    side->addElement(0, 0, plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(plot));
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 1);
    side->setMargins(QMargins(6, 0, 10, 0)); // clear of the widget's edge
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    plot->legend->setVisible(false);
    m_cells.append(main);
    applyPaletteColors();
}

ScatterMatrixPlot::~ScatterMatrixPlot() = default;

QCPAxisRect *ScatterMatrixPlot::cell(int row, int column) const
{
    const int k = columnCount();
    const int i = row * k + column;
    return i >= 0 && i < m_cells.size() ? m_cells[i] : nullptr;
}

void ScatterMatrixPlot::setData(engine::ScatterMatrixData data)
{
    m_data = std::move(data);
    draw();
}

void ScatterMatrixPlot::draw()
{
    QCustomPlot *plot = customPlot();
    plot->clearPlottables();
    // Back to the one main cell, then k x k.
    QCPAxisRect *main = plot->axisRect();
    for (QCPAxisRect *r : std::as_const(m_cells))
        if (r != main)
            m_grid->remove(r);
    m_grid->simplify();
    m_cells = { main };
    const int k = columnCount();
    if (k == 0) {
        replot();
        return;
    }
    for (QCPMarginGroup *g : m_groups)
        delete g; // unsets itself from the rects left
    m_groups.clear();
    std::vector<QCPMarginGroup *> columnGroups, rowGroups;
    for (int i = 0; i < k; ++i) {
        columnGroups.push_back(new QCPMarginGroup(plot));
        rowGroups.push_back(new QCPMarginGroup(plot));
    }
    m_groups = columnGroups;
    m_groups.insert(m_groups.end(), rowGroups.begin(), rowGroups.end());
    m_cells.clear();
    m_highlights.clear();
    for (int r = 0; r < k; ++r)
        for (int c = 0; c < k; ++c) {
            QCPAxisRect *rect = r == 0 && c == 0 ? main : new QCPAxisRect(plot);
            if (rect != main)
                m_grid->addElement(r, c, rect);
            rect->setMarginGroup(QCP::msLeft | QCP::msRight, columnGroups[std::size_t(c)]);
            rect->setMarginGroup(QCP::msTop | QCP::msBottom, rowGroups[std::size_t(r)]);
            m_cells.append(rect);
            m_highlights.append(nullptr);
        }

    // Column ranges from the histogram edges (all rows), padded.
    m_ranges.assign(std::size_t(k), { 0.0, 1.0 });
    for (int c = 0; c < k; ++c) {
        const auto &e = m_data.edges[std::size_t(c)];
        if (e.size() >= 2) {
            const double pad = (e.back() - e.front()) * 0.05;
            m_ranges[std::size_t(c)] = { e.front() - pad, e.back() + pad };
        }
    }
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * (k > 6 ? 0.7 : 0.85)));
    const int K = static_cast<int>(m_data.classNames.size());
    const bool colored = !m_data.colorColumn.isEmpty();
    for (int r = 0; r < k; ++r) {
        for (int c = 0; c < k; ++c) {
            QCPAxisRect *rect = cell(r, c);
            QCPAxis *x = rect->axis(QCPAxis::atBottom);
            QCPAxis *y = rect->axis(QCPAxis::atLeft);
            for (QCPAxis *a : { x, y }) {
                a->setTickLabelFont(small);
                a->setLabelFont(small);
                a->ticker()->setTickCount(3);
            }
            x->setTickLabels(r == k - 1);
            y->setTickLabels(c == 0);
            x->setLabel(r == k - 1 ? m_data.columns[c] : QString());
            y->setLabel(c == 0 ? m_data.columns[r] : QString());
            x->setRange(m_ranges[std::size_t(c)].first, m_ranges[std::size_t(c)].second);
            if (r == c) {
                // Stacked histogram of column c, one QCPBars per class.
                const auto &e = m_data.edges[std::size_t(c)];
                const auto &counts = m_data.counts[std::size_t(c)];
                const int bins = e.size() >= 2 ? static_cast<int>(e.size()) - 1 : 0;
                QCPBars *below = nullptr;
                double top = 1;
                std::vector<double> totals(std::size_t(bins), 0.0);
                for (int g = 0; g < K && bins > 0; ++g) {
                    auto *bars = new QCPBars(x, y);
                    const QColor color
                        = colored ? Palette::categorical(g) : Palette::categorical(0);
                    bars->setBrush(color);
                    bars->setPen(Qt::NoPen);
                    bars->setWidth((e[1] - e[0]));
                    bars->setSelectable(QCP::stNone);
                    bars->removeFromLegend();
                    QVector<double> keys, values;
                    for (int b = 0; b < bins; ++b) {
                        keys.append((e[std::size_t(b)] + e[std::size_t(b) + 1]) / 2);
                        const double v
                            = double(counts[std::size_t(g) * std::size_t(bins) + std::size_t(b)]);
                        values.append(v);
                        totals[std::size_t(b)] += v;
                    }
                    bars->setData(keys, values, true);
                    if (below)
                        bars->moveAbove(below);
                    below = bars;
                }
                for (double t : totals)
                    top = std::max(top, t);
                y->setRange(0, top * 1.08);
                y->setTickLabels(false);
                if (c == 0)
                    y->setLabel(m_data.columns[r]);
                continue;
            }
            y->setRange(m_ranges[std::size_t(r)].first, m_ranges[std::size_t(r)].second);
            const auto &xs = m_data.values[std::size_t(c)];
            const auto &ys = m_data.values[std::size_t(r)];
            std::vector<QVector<double>> keys(static_cast<std::size_t>(K)),
                values(static_cast<std::size_t>(K));
            for (std::size_t i = 0; i < xs.size(); ++i) {
                if (std::isnan(xs[i]) || std::isnan(ys[i]))
                    continue;
                const auto g = std::size_t(m_data.classes[i]);
                keys[g].append(xs[i]);
                values[g].append(ys[i]);
            }
            for (int g = 0; g < K; ++g) {
                auto *graph = plot->addGraph(x, y);
                QColor color = colored ? Palette::categorical(g) : Palette::categorical(0);
                if (m_data.classNames.value(g) == QLatin1String("(missing)"))
                    color = Palette::missing();
                color.setAlpha(170);
                graph->setLineStyle(QCPGraph::lsNone);
                graph->setScatterStyle(
                    QCPScatterStyle(QCPScatterStyle::ssDisc, color, k > 6 ? 2.5 : 3.5));
                graph->setName(m_data.classNames.value(g));
                graph->setSelectable(QCP::stNone);
                graph->setAdaptiveSampling(true);
                graph->setData(keys[std::size_t(g)], values[std::size_t(g)]);
                if (!(colored && r == 0 && c == 1))
                    graph->removeFromLegend();
            }
            // The selected rows' points, ringed, over the classes.
            auto *ring = plot->addGraph(x, y);
            ring->setLineStyle(QCPGraph::lsNone);
            ring->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                QPen(palette().color(QPalette::Text), 1.2), Qt::NoBrush, k > 6 ? 5.0 : 7.0));
            ring->setSelectable(QCP::stNone);
            ring->removeFromLegend();
            m_highlights[r * k + c] = ring;
        }
    }
    plot->legend->setVisible(colored);
    applyPaletteColors();
    QString title = colored ? tr("Scatter matrix, coloured by %1").arg(m_data.colorColumn)
                            : tr("Scatter matrix");
    if (m_data.sampled)
        title += tr(" (a sample of %1 of %2 rows)").arg(m_data.rows.size()).arg(m_data.tableRows);
    setTitle(title);
    // A selection of rows the new data still draws stays ringed.
    setSelectedRows(m_selection);
}

void ScatterMatrixPlot::setSelectedRows(const QList<qint64> &rows)
{
    m_selection = rows;
    // The drawn rows in `rows` (both ascending).
    std::vector<std::size_t> drawn;
    std::size_t j = 0;
    for (std::size_t i = 0; i < m_data.rows.size(); ++i) {
        while (j < std::size_t(rows.size()) && rows[qsizetype(j)] < m_data.rows[i])
            ++j;
        if (j < std::size_t(rows.size()) && rows[qsizetype(j)] == m_data.rows[i])
            drawn.push_back(i);
    }
    const int k = columnCount();
    for (int r = 0; r < k; ++r)
        for (int c = 0; c < k; ++c) {
            QCPGraph *ring = m_highlights.value(r * k + c);
            if (!ring)
                continue;
            const auto &xs = m_data.values[std::size_t(c)];
            const auto &ys = m_data.values[std::size_t(r)];
            QVector<double> keys, values;
            for (std::size_t i : drawn)
                if (!std::isnan(xs[i]) && !std::isnan(ys[i])) {
                    keys.append(xs[i]);
                    values.append(ys[i]);
                }
            ring->setData(keys, values);
        }
    replot();
}

int ScatterMatrixPlot::selectedPointCount(int row, int column) const
{
    const int k = columnCount();
    const QCPGraph *ring = row >= 0 && column >= 0 && row < k && column < k
        ? m_highlights.value(row * k + column)
        : nullptr;
    return ring ? ring->dataCount() : 0;
}

QList<qint64> ScatterMatrixPlot::rowsIn(int row, int column, const QRectF &coords) const
{
    QList<qint64> out;
    const int k = columnCount();
    if (row < 0 || column < 0 || row >= k || column >= k)
        return out;
    const QRectF box = coords.normalized();
    const auto &xs = m_data.values[std::size_t(column)];
    const auto &ys = m_data.values[std::size_t(row)];
    for (std::size_t i = 0; i < m_data.rows.size(); ++i) {
        const double x = xs[i];
        if (std::isnan(x) || x < box.left() || x > box.right())
            continue;
        if (row != column) {
            const double y = ys[i];
            if (std::isnan(y) || y < box.top() || y > box.bottom())
                continue;
        }
        out.append(m_data.rows[i]);
    }
    return out;
}

QRect ScatterMatrixPlot::cellArea(int row, int column) const
{
    const QCPAxisRect *rect = cell(row, column);
    return rect ? rect->rect() : QRect();
}

PlotView::DragAction ScatterMatrixPlot::dragActionFor(Qt::KeyboardModifiers modifiers) const
{
    if (modifiers.testFlag(Qt::ShiftModifier))
        return DragAction::SelectRect;
    return PlotView::dragActionFor(modifiers);
}

void ScatterMatrixPlot::selectionRectFinished(const QRectF &mainCoords, Qt::KeyboardModifiers)
{
    // PlotView gives the rectangle in the first cell's coordinates: back to pixels, then
    // into the coordinates of the cell it was drawn in.
    const QCPAxis *mainX = customPlot()->xAxis;
    const QCPAxis *mainY = customPlot()->yAxis;
    const QRectF rect = QRectF(
        QPointF(mainX->coordToPixel(mainCoords.left()), mainY->coordToPixel(mainCoords.top())),
        QPointF(mainX->coordToPixel(mainCoords.right()), mainY->coordToPixel(mainCoords.bottom())))
                            .normalized();
    const int k = columnCount();
    for (int r = 0; r < k; ++r)
        for (int c = 0; c < k; ++c) {
            const QCPAxisRect *area = cell(r, c);
            if (!area->rect().contains(rect.topLeft().toPoint())
                && !area->rect().contains(rect.center().toPoint()))
                continue;
            const QCPAxis *x = area->axis(QCPAxis::atBottom);
            const QCPAxis *y = area->axis(QCPAxis::atLeft);
            const QRectF coords(
                QPointF(x->pixelToCoord(rect.left()), y->pixelToCoord(rect.bottom())),
                QPointF(x->pixelToCoord(rect.right()), y->pixelToCoord(rect.top())));
            const QList<qint64> rows = rowsIn(r, c, coords);
            setSelectedRows(rows);
            Q_EMIT rowsSelected(rows);
            return;
        }
}

int ScatterMatrixPlot::pointCount(int row, int column) const
{
    const QCPAxisRect *rect = cell(row, column);
    if (!rect || row == column)
        return 0;
    int n = 0;
    const QCPGraph *ring = m_highlights.value(row * columnCount() + column);
    for (QCPGraph *g : rect->graphs())
        if (g != ring)
            n += g->dataCount();
    return n;
}

QList<double> ScatterMatrixPlot::diagonalTotals(int column) const
{
    QList<double> totals;
    const QCPAxisRect *rect = cell(column, column);
    if (!rect)
        return totals;
    for (QCPAbstractPlottable *p : rect->plottables())
        if (auto *bars = qobject_cast<QCPBars *>(p)) {
            int i = 0;
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it, ++i) {
                if (totals.size() <= i)
                    totals.append(0);
                totals[i] += it->value;
            }
        }
    return totals;
}

QStringList ScatterMatrixPlot::legendEntries() const
{
    QStringList out;
    const QCustomPlot *plot = customPlot();
    if (!plot->legend->visible())
        return out;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
            out << item->plottable()->name();
    return out;
}

QString ScatterMatrixPlot::toolTipAt(const QPointF &pixel) const
{
    const int k = columnCount();
    for (int r = 0; r < k; ++r)
        for (int c = 0; c < k; ++c) {
            const QCPAxisRect *rect = cell(r, c);
            if (!rect->rect().contains(pixel.toPoint()))
                continue;
            if (r == c)
                return tr("Histogram of %1").arg(m_data.columns[c]);
            return tr("%1 against %2\n%3 = %4, %5 = %6")
                .arg(m_data.columns[r], m_data.columns[c], m_data.columns[c])
                .arg(rect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()), 0, 'g', 4)
                .arg(m_data.columns[r])
                .arg(rect->axis(QCPAxis::atLeft)->pixelToCoord(pixel.y()), 0, 'g', 4);
        }
    return {};
}

void ScatterMatrixPlot::resetView()
{
    replot();
}

} // namespace sextant::plots
