#include "plots/DendrogramPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QMouseEvent>
#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

// Draws the Us: per colour, a list of segments in plot coordinates.
class LinkLayerable : public QCPLayerable {
public:
    explicit LinkLayerable(QCustomPlot *plot) : QCPLayerable(plot, QStringLiteral("main")) { }

    struct Group {
        QColor color;
        int cluster = -1;
        QVector<QLineF> lines;
    };
    std::vector<Group> groups;

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override
    {
        applyAntialiasingHint(painter, false, QCP::aePlottables);
    }
    QRect clipRect() const override { return parentPlot()->axisRect()->rect(); }
    void draw(QCPPainter *painter) override
    {
        QCPAxis *x = parentPlot()->xAxis;
        QCPAxis *y = parentPlot()->yAxis;
        QVector<QLineF> pixels;
        for (const Group &g : groups) {
            pixels.resize(g.lines.size());
            for (qsizetype i = 0; i < g.lines.size(); ++i) {
                const QLineF &l = g.lines[i];
                pixels[i] = QLineF(x->coordToPixel(l.x1()), y->coordToPixel(l.y1()),
                    x->coordToPixel(l.x2()), y->coordToPixel(l.y2()));
            }
            painter->setPen(QPen(g.color, g.lines.size() > 4000 ? 1.0 : 1.5));
            painter->drawLines(pixels);
        }
    }
};

QColor aboveCutColor()
{
    return QColor(110, 110, 110);
}

} // namespace

DendrogramPlot::DendrogramPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->grid()->setVisible(false);
    m_links = new LinkLayerable(plot);
    m_cutLine = new QCPItemStraightLine(plot);
    m_cutLine->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    m_cutLine->point1->setCoords(0, 0);
    m_cutLine->point2->setCoords(1, 0);
    m_cutLine->setSelectable(false);
    m_cutLine->setVisible(false);
    m_cutLabel = new QCPItemText(plot);
    m_cutLabel->setColor(QColor(200, 30, 30));
    m_cutLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_cutLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_cutLabel->setPadding(QMargins(4, 2, 4, 2));
    m_cutLabel->setBrush(palette().color(QPalette::Base));
    m_cutLabel->setSelectable(false);
    m_cutLabel->setVisible(false);
    plotWidget()->installEventFilter(this);
    setTitle(tr("Dendrogram"));
    applyPaletteColors();
}

DendrogramPlot::~DendrogramPlot() = default;

void DendrogramPlot::setData(engine::DendrogramData data)
{
    m_data = std::move(data);
    m_dragging = false;
    draw();
}

void DendrogramPlot::draw()
{
    QCustomPlot *plot = customPlot();
    auto *links = static_cast<LinkLayerable *>(m_links);
    links->groups.clear();
    const std::int64_t n = m_data.sampleCount();
    m_heights.clear();
    for (std::int64_t j = 0; j + 1 < n; ++j)
        m_heights.push_back(m_data.mergeHeight(j));

    const int k = static_cast<int>(m_data.clusterNames.size());
    links->groups.resize(static_cast<std::size_t>(k + 1));
    for (int c = 0; c < k; ++c) {
        links->groups[static_cast<std::size_t>(c)].color = Palette::categorical(c);
        links->groups[static_cast<std::size_t>(c)].cluster = c;
    }
    links->groups[static_cast<std::size_t>(k)].color = aboveCutColor();
    links->groups[static_cast<std::size_t>(k)].cluster = -1;
    const auto &L = m_data.layout;
    for (std::size_t u = 0; u < L.icoord.size(); ++u) {
        const int c = u < m_data.linkCluster.size() ? m_data.linkCluster[u] : -1;
        auto &g = links->groups[static_cast<std::size_t>(c >= 0 && c < k ? c : k)];
        const auto &xs = L.icoord[u];
        const auto &ys = L.dcoord[u];
        for (int s = 0; s < 3; ++s)
            g.lines.push_back(QLineF(xs[s], ys[s], xs[s + 1], ys[s + 1]));
    }

    // Leaf labels while they fit.
    if (n > 0 && n <= kMaxLeafLabels) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (std::size_t p = 0; p < L.leaves.size(); ++p)
            ticker->addTick(5.0 + 10.0 * static_cast<double>(p),
                m_data.labels.value(static_cast<qsizetype>(L.leaves[p])));
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setTickLabels(true);
        plot->xAxis->setTickLabelRotation(n > 20 ? 90 : 0);
        plot->xAxis->setLabel(m_data.labelColumn);
    } else {
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
        plot->xAxis->setTickLabels(false);
        plot->xAxis->setLabel(tr("%n leaves", nullptr, static_cast<int>(n)));
    }
    plot->yAxis->setLabel(m_data.linkage.isEmpty()
            ? tr("Distance")
            : tr("Distance (%1 linkage)").arg(m_data.linkage));
    m_cutLine->setVisible(n > 1);
    m_cutLabel->setVisible(n > 1);
    moveCutLine(m_data.cut);
    resetView();
}

void DendrogramPlot::resetView()
{
    QCustomPlot *plot = customPlot();
    const std::int64_t n = m_data.sampleCount();
    const double top = m_heights.empty() ? 1.0 : std::max(m_heights.back(), m_data.cut);
    plot->xAxis->setRange(0, std::max<double>(10.0 * static_cast<double>(n), 10.0));
    plot->yAxis->setRange(0, top > 0 ? 1.08 * top : 1.0);
    replot();
}

void DendrogramPlot::moveCutLine(double height)
{
    m_cutHeight = height;
    m_cutLine->point1->setCoords(0, height);
    m_cutLine->point2->setCoords(1, height);
    m_cutLabel->position->setCoords(1.0, height);
    m_cutLabel->setText(tr("%n clusters", nullptr, clustersAt(height)));
    replot();
}

double DendrogramPlot::cutLineHeight() const
{
    return m_cutHeight;
}

int DendrogramPlot::clustersAt(double height) const
{
    // Merges strictly above the cut, as engine::Dendrogram::clustersAt.
    const auto above
        = m_heights.end() - std::upper_bound(m_heights.begin(), m_heights.end(), height);
    return static_cast<int>(above) + 1;
}

int DendrogramPlot::dragCutTo(double height)
{
    const double top = m_heights.empty() ? 0.0 : 1.08 * m_heights.back();
    height = std::clamp(height, 0.0, std::max(top, 0.0));
    moveCutLine(height);
    const int k = clustersAt(height);
    if (k != m_data.clusters && !m_heights.empty())
        Q_EMIT cutRequested(k);
    return k;
}

QList<QLineF> DendrogramPlot::segments(int cluster) const
{
    const auto *links = static_cast<const LinkLayerable *>(m_links);
    for (const auto &g : links->groups)
        if (g.cluster == cluster)
            return QList<QLineF>(g.lines.begin(), g.lines.end());
    return {};
}

bool DendrogramPlot::grabsCutLine(const QPointF &pixel) const
{
    if (!m_cutLine->visible() || !plotArea().contains(pixel.toPoint()))
        return false;
    return std::abs(coordToPixel(QPointF(0, m_cutHeight)).y() - pixel.y()) <= 5.0;
}

bool DendrogramPlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != plotWidget())
        return PlotView::eventFilter(watched, event);
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove
        && type != QEvent::MouseButtonRelease)
        return false;
    auto *e = static_cast<QMouseEvent *>(event);
    const QPointF pos = e->position();
    if (type == QEvent::MouseButtonPress && e->button() == Qt::LeftButton
        && e->modifiers() == Qt::NoModifier && grabsCutLine(pos)) {
        m_dragging = true;
        return true; // no pan
    }
    if (type == QEvent::MouseMove) {
        if (m_dragging) {
            moveCutLine(std::max(0.0, pixelToCoord(pos).y()));
            return true;
        }
        plotWidget()->setCursor(grabsCutLine(pos) ? Qt::SizeVerCursor : Qt::ArrowCursor);
        return false;
    }
    if (type == QEvent::MouseButtonRelease && m_dragging && e->button() == Qt::LeftButton) {
        m_dragging = false;
        dragCutTo(pixelToCoord(pos).y());
        return true;
    }
    return false;
}

QString DendrogramPlot::toolTipAt(const QPointF &pixel) const
{
    if (grabsCutLine(pixel))
        return tr("Cut at %1: %n clusters. Drag to change.", nullptr, clustersAt(m_cutHeight))
            .arg(m_cutHeight, 0, 'g', 4);
    const std::int64_t n = m_data.sampleCount();
    if (n == 0 || !plotArea().contains(pixel.toPoint()))
        return {};
    const QPointF c = pixelToCoord(pixel);
    const auto p = static_cast<std::int64_t>(std::floor(c.x() / 10.0));
    if (p < 0 || p >= n)
        return {};
    // Near the bottom: the leaf.
    if (std::abs(coordToPixel(QPointF(0, 0)).y() - pixel.y()) > 24)
        return {};
    const auto sample = static_cast<std::size_t>(m_data.layout.leaves[static_cast<std::size_t>(p)]);
    const int cluster = sample < m_data.cluster.size() ? m_data.cluster[sample] : -1;
    return tr("%1\nrow %2, cluster %3")
        .arg(m_data.labels.value(static_cast<qsizetype>(sample)))
        .arg(m_data.rows[sample] + 1)
        .arg(m_data.clusterNames.value(cluster));
}

} // namespace sextant::plots
