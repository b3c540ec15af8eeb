#include "plots/TreeViewPlot.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <QFontMetricsF>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <memory>

namespace sextant::plots {

namespace {

// Texts drawn in boxes of the same size in plot units, fitted together at every draw (so
// that exports at any size and zoomed views keep them inside): tiers[t][i] is item i's
// text in tier t, the fuller tiers first. The tier drawn is the first in which every text
// fits at a readable size (kReadablePoint up to kMaxPoint), else the one whose texts fit
// at the largest size (at least kMinPoint), else none (the tool tips still have them); all
// texts share its largest fitting size, so the boxes read alike.
struct FitGroup {
    static constexpr double kMaxPoint = 9.0;
    static constexpr double kReadablePoint = 7.0;
    static constexpr double kMinPoint = 5.5;

    std::vector<QStringList> tiers;
    // Never larger than this group's size (fitted before, in the same draw), if any.
    std::shared_ptr<const FitGroup> cap;
    int tier = -1; // as of the last fit
    double point = 0;

    void fit(QPaintDevice *device, QFont font, double pw, double ph)
    {
        const int dpi = device ? device->logicalDpiY() : 0;
        if (dpi != m_dpi) {
            // Each text's size at kMaxPoint; sizes scale with the point size.
            m_dpi = dpi;
            m_sizes.clear();
            font.setPointSizeF(kMaxPoint);
            const QFontMetricsF metrics(font, device);
            for (const QStringList &texts : tiers) {
                std::vector<QSizeF> sizes;
                for (const QString &t : texts)
                    sizes.push_back(
                        metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), Qt::AlignCenter, t).size());
                m_sizes.push_back(std::move(sizes));
            }
            m_box = QSizeF();
        }
        const double top = cap && cap->tier >= 0 ? std::min(kMaxPoint, cap->point) : kMaxPoint;
        if (QSizeF(pw, ph) == m_box && top == m_top)
            return;
        m_box = QSizeF(pw, ph);
        m_top = top;
        tier = -1;
        point = 0;
        for (std::size_t t = 0; t < m_sizes.size(); ++t) {
            double scale = top;
            for (const QSizeF &size : m_sizes[t])
                if (size.width() > 0 && size.height() > 0)
                    scale = std::min(
                        scale, kMaxPoint * std::min(pw / size.width(), ph / size.height()));
            scale = std::floor(scale * 2) / 2;
            if (scale >= kReadablePoint) { // the fullest readable tier
                tier = static_cast<int>(t);
                point = scale;
                return;
            }
            if (scale >= kMinPoint && scale > point) { // else the largest
                tier = static_cast<int>(t);
                point = scale;
            }
        }
    }

private:
    int m_dpi = -1;
    QSizeF m_box;
    double m_top = 0;
    std::vector<std::vector<QSizeF>> m_sizes;
};

// Item `index` of a FitGroup, centred in a box of w x h plot units around its position.
class FittedText : public QCPItemText {
public:
    FittedText(QCustomPlot *plot, std::shared_ptr<FitGroup> group, int index, double w, double h)
        : QCPItemText(plot), m_group(std::move(group)), m_index(index), m_w(w), m_h(h)
    {
        setPositionAlignment(Qt::AlignCenter);
        setTextAlignment(Qt::AlignCenter);
        setPadding(QMargins(0, 0, 0, 0));
        setSelectable(false);
    }

protected:
    void draw(QCPPainter *painter) override
    {
        QCPAxis *x = position->keyAxis();
        QCPAxis *y = position->valueAxis();
        const double c = position->coords().x(), d = position->coords().y();
        const double pw = std::abs(x->coordToPixel(c + m_w / 2) - x->coordToPixel(c - m_w / 2)) - 4;
        const double ph = std::abs(y->coordToPixel(d + m_h / 2) - y->coordToPixel(d - m_h / 2)) - 2;
        QFont font = parentPlot()->font();
        m_group->fit(painter->device(), font, pw, ph);
        if (m_group->tier < 0)
            return;
        const QString text = m_group->tiers[static_cast<std::size_t>(m_group->tier)].value(m_index);
        // The shared size was scaled from kMaxPoint: step down where rounding left it over.
        for (double pt = m_group->point; pt >= FitGroup::kMinPoint; pt -= 0.5) {
            font.setPointSizeF(pt);
            const QRectF r = QFontMetricsF(font, painter->device())
                                 .boundingRect(QRectF(0, 0, 1e6, 1e6), Qt::AlignCenter, text);
            if (r.width() <= pw && r.height() <= ph) {
                setFont(font);
                setText(text);
                QCPItemText::draw(painter);
                return;
            }
        }
    }

private:
    std::shared_ptr<FitGroup> m_group;
    int m_index;
    double m_w;
    double m_h;
};

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

QString countText(const std::vector<double> &v, bool fractions)
{
    QStringList parts;
    for (double x : v)
        parts << (fractions ? QString::number(x, 'f', 2) : QString::number(x, 'g', 12));
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

// The box text of a node, one item per line; `wrapSplit` breaks "feature <= t" in two,
// `terse` shortens the labels ("n = 150", the counts and the class without their names) for
// narrow boxes.
QStringList nodeLines(const engine::TreeViewData &d, const engine::TreeViewData::Node &n,
    bool wrapSplit, bool terse = false)
{
    using Values = engine::TreeViewData::Values;
    QStringList lines;
    if (!n.leaf) {
        qsizetype at = n.split.lastIndexOf(QStringLiteral(" <= "));
        if (at < 0 && n.categorical)
            at = n.split.indexOf(QRegularExpression(QStringLiteral(" [\u2208\u2209] ")));
        if (wrapSplit && at > 0)
            lines << n.split.left(at) << n.split.mid(at + 1);
        else
            lines << n.split;
    }
    if (n.samples >= 0)
        lines << (terse ? TreeViewPlot::tr("n = %1") : TreeViewPlot::tr("samples = %1"))
                     .arg(n.samples);
    const QString value = terse ? QStringLiteral("%1") : TreeViewPlot::tr("value = %1");
    if (d.classification && !n.classCounts.empty())
        lines << value.arg(countText(n.classCounts, false));
    else if (d.values == Values::Distribution)
        lines << value.arg(countText(n.value, true));
    if (d.values == Values::Mean)
        lines << TreeViewPlot::tr("mean = %1").arg(number(n.mean));
    else if (d.values == Values::Score)
        lines << TreeViewPlot::tr("score = %1").arg(number(n.mean));
    if (d.classification && n.majority >= 0)
        lines << (terse ? QStringLiteral("%1") : TreeViewPlot::tr("class = %1"))
                     .arg(d.classNames.value(n.majority));
    return lines;
}

} // namespace

TreeViewPlot::TreeViewPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *plot = customPlot();
    plot->yAxis->setRangeReversed(true); // the root on top
    plot->xAxis->setVisible(false);
    plot->yAxis->setVisible(false);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    setTitle(tr("Tree"));
    applyPaletteColors();
}

TreeViewPlot::~TreeViewPlot() = default;

void TreeViewPlot::setData(engine::TreeViewData data)
{
    m_data = std::move(data);
    draw();
}

void TreeViewPlot::clearItems()
{
    for (QCPAbstractItem *item : m_items)
        customPlot()->removeItem(item);
    m_items.clear();
    m_boxes.clear();
    m_center.clear();
}

void TreeViewPlot::draw()
{
    using Values = engine::TreeViewData::Values;
    clearItems();
    QCustomPlot *plot = customPlot();
    const auto &nodes = m_data.nodes;
    const std::size_t n = nodes.size();
    if (n == 0) {
        replot();
        return;
    }
    // Leaves (and folded nodes) one unit apart in preorder; parents over their children
    // (preorder lists children after their parent, so a reverse pass sees them first).
    m_center.assign(n, QPointF());
    double column = 0;
    m_depth = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (nodes[i].left < 0)
            m_center[i].setX(column++);
        m_center[i].setY(nodes[i].depth);
        m_depth = std::max<double>(m_depth, nodes[i].depth + (nodes[i].folded ? 1 : 0));
    }
    m_width = column;
    for (std::size_t i = n; i-- > 0;)
        if (nodes[i].left >= 0)
            m_center[i].setX((m_center[static_cast<std::size_t>(nodes[i].left)].x()
                                 + m_center[static_cast<std::size_t>(nodes[i].right)].x())
                / 2);

    double lo = 0, hi = 0;
    if (m_data.values != Values::Distribution) {
        lo = hi = nodes[0].mean;
        for (const auto &node : nodes) {
            lo = std::min(lo, node.mean);
            hi = std::max(hi, node.mean);
        }
    }
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor white(255, 255, 255);
    const double w = kBoxWidth, h = kBoxHeight;
    auto boxes = std::make_shared<FitGroup>();
    boxes->tiers.resize(3);
    for (std::size_t i = 0; i < n; ++i) {
        const auto &node = nodes[i];
        const QPointF c = m_center[i];
        if (node.parent >= 0) {
            const QPointF p = m_center[static_cast<std::size_t>(node.parent)];
            auto *edge = new QCPItemLine(plot);
            edge->start->setCoords(p.x(), p.y() + h / 2);
            edge->end->setCoords(c.x(), c.y() - h / 2);
            edge->setPen(QPen(text, 1));
            edge->setSelectable(false);
            m_items.push_back(edge);
            if (node.parent == 0) {
                // sklearn's plot_tree marks the root's branches: left is the condition holding.
                const bool left = nodes[0].left == static_cast<int>(i);
                auto *label = new QCPItemText(plot);
                label->position->setCoords((p.x() + c.x()) / 2, (p.y() + c.y()) / 2);
                label->setPositionAlignment(left ? (Qt::AlignRight | Qt::AlignVCenter)
                                                 : (Qt::AlignLeft | Qt::AlignVCenter));
                label->setText(left ? tr("true ") : tr(" false"));
                label->setColor(text);
                label->setSelectable(false);
                m_items.push_back(label);
            }
        }
        QColor fill = base;
        if (m_data.classification && node.majority >= 0)
            fill = mix(white, Palette::categorical(node.majority), 0.45);
        else if (m_data.values != Values::Distribution)
            fill = mix(white, Palette::categorical(0),
                hi > lo ? 0.1 + 0.6 * (node.mean - lo) / (hi - lo) : 0.3);
        auto *box = new QCPItemRect(plot);
        box->topLeft->setCoords(c.x() - w / 2, c.y() - h / 2);
        box->bottomRight->setCoords(c.x() + w / 2, c.y() + h / 2);
        box->setPen(QPen(mix(fill, QColor(0, 0, 0), 0.5), 1));
        box->setBrush(fill);
        box->setSelectable(false);
        m_items.push_back(box);
        m_boxes.push_back(box);
        // Tiers: everything, the terse labels, then the split alone (a leaf: its class
        // or mean).
        const QStringList lines = nodeLines(m_data, node, true);
        boxes->tiers[0] << lines.join(QLatin1Char('\n'));
        boxes->tiers[1] << nodeLines(m_data, node, true, true).join(QLatin1Char('\n'));
        boxes->tiers[2] << (node.leaf ? lines.value(lines.size() - 1)
                                      : QStringList(lines.mid(0, 2)).join(QLatin1Char('\n')));
        auto *label = new FittedText(plot, boxes, static_cast<int>(i), w, h);
        label->position->setCoords(c);
        label->setColor(Palette::textOn(fill));
        m_items.push_back(label);
        if (node.folded) {
            auto *dash = new QCPItemLine(plot);
            dash->start->setCoords(c.x(), c.y() + h / 2);
            dash->end->setCoords(c.x(), c.y() + 1 - 0.2);
            dash->setPen(QPen(text, 1, Qt::DashLine));
            dash->setSelectable(false);
            m_items.push_back(dash);
            auto group = std::make_shared<FitGroup>();
            group->cap = boxes;
            group->tiers = { { tr("\u2026 %n nodes", nullptr, node.hiddenNodes) + QLatin1Char('\n')
                                 + tr("(%n leaves)", nullptr, node.hiddenLeaves) },
                { QStringLiteral("\u2026 %1").arg(node.hiddenNodes) } };
            auto *marker = new FittedText(plot, group, 0, w, 0.4);
            marker->position->setCoords(c.x(), c.y() + 1);
            marker->setColor(text);
            m_items.push_back(marker);
        }
    }
    QString title = m_data.treeCount > 1
        ? tr("%1: tree %2 of %3").arg(m_data.learner).arg(m_data.tree).arg(m_data.treeCount)
        : m_data.learner;
    if (!m_data.scoreClass.isEmpty())
        title += tr(" (scores of %1)").arg(m_data.scoreClass);
    setTitle(title);
    resetView();
}

void TreeViewPlot::resetView()
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setRange(-0.5, std::max(m_width, 1.0) - 0.5);
    plot->yAxis->setRange(-0.5, m_depth + 0.5);
    replot();
}

QPointF TreeViewPlot::nodeCenter(int node) const
{
    return node >= 0 && static_cast<std::size_t>(node) < m_center.size()
        ? m_center[static_cast<std::size_t>(node)]
        : QPointF();
}

QString TreeViewPlot::nodeText(int node) const
{
    if (node < 0 || static_cast<std::size_t>(node) >= m_data.nodes.size())
        return {};
    const auto &n = m_data.nodes[static_cast<std::size_t>(node)];
    QStringList lines = nodeLines(m_data, n, false);
    lines.prepend(
        n.leaf ? tr("Leaf at depth %1").arg(n.depth) : tr("Split at depth %1").arg(n.depth));
    if (n.folded)
        lines << tr("%n nodes below not drawn (max depth %1)", nullptr, n.hiddenNodes)
                     .arg(m_data.maxDepth);
    return lines.join(QLatin1Char('\n'));
}

int TreeViewPlot::nodeAt(const QPointF &pixel) const
{
    if (!plotArea().contains(pixel.toPoint()))
        return -1;
    const QPointF c = pixelToCoord(pixel);
    for (std::size_t i = 0; i < m_center.size(); ++i)
        if (std::abs(c.x() - m_center[i].x()) <= kBoxWidth / 2
            && std::abs(c.y() - m_center[i].y()) <= kBoxHeight / 2)
            return static_cast<int>(i);
    return -1;
}

QString TreeViewPlot::toolTipAt(const QPointF &pixel) const
{
    return nodeText(nodeAt(pixel));
}

} // namespace sextant::plots
