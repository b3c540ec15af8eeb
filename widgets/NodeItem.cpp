#include "widgets/NodeItem.h"

#include "graph/NodeType.h"
#include "widgets/GraphScene.h"
#include "widgets/PortItem.h"

#include <QApplication>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

namespace sextant::widgets {

using engine::NodeStatus;

NodeItem::NodeItem(int nodeId, const engine::NodeType *nodeType, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_nodeId(nodeId), m_nodeType(nodeType)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    if (m_nodeType) {
        for (int i = 0; i < m_nodeType->inputs.size(); ++i) {
            auto *port = new PortItem(nodeId, i, false, m_nodeType->inputs.at(i).type, this);
            port->setPos(0, kHeaderHeight + kPortSpacing * (i + 0.5));
            port->setToolTip(m_nodeType->inputs.at(i).displayLabel() + QStringLiteral(" (")
                + engine::portTypeName(m_nodeType->inputs.at(i).type) + QLatin1Char(')'));
            m_inputs.append(port);
        }
        for (int i = 0; i < m_nodeType->outputs.size(); ++i) {
            auto *port = new PortItem(nodeId, i, true, m_nodeType->outputs.at(i).type, this);
            port->setPos(kWidth, kHeaderHeight + kPortSpacing * (i + 0.5));
            port->setToolTip(m_nodeType->outputs.at(i).displayLabel() + QStringLiteral(" (")
                + engine::portTypeName(m_nodeType->outputs.at(i).type) + QLatin1Char(')'));
            m_outputs.append(port);
        }
    }
    updateToolTip();
}

qreal NodeItem::height() const
{
    const int rows = std::max<int>({ 1, int(m_inputs.size()), int(m_outputs.size()) });
    return kHeaderHeight + rows * kPortSpacing + 10;
}

QRectF NodeItem::boundingRect() const
{
    // Room for the badge that sticks out of the top-right corner.
    return QRectF(-2, -10, kWidth + 12, height() + 12);
}

QColor NodeItem::statusColor(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Idle:
        return QColor(0x9e, 0x9e, 0x9e);
    case NodeStatus::Queued:
        return QColor(0x64, 0xa0, 0xd8);
    case NodeStatus::Running:
        return QColor(0xf0, 0xa8, 0x20);
    case NodeStatus::Done:
        return QColor(0x34, 0xa8, 0x53);
    case NodeStatus::Failed:
        return QColor(0xd6, 0x32, 0x32);
    case NodeStatus::Cancelled:
        return QColor(0x70, 0x70, 0x70);
    case NodeStatus::Skipped:
        return QColor(0xc8, 0x8a, 0x5a);
    }
    return Qt::gray;
}

void NodeItem::setStatus(NodeStatus status, const QString &message)
{
    m_status = status;
    m_message = message;
    if (status != NodeStatus::Running)
        m_progress = status == NodeStatus::Done ? 1.0 : 0.0;
    updateToolTip();
    update();
}

void NodeItem::setProgress(double fraction)
{
    m_progress = std::clamp(fraction, 0.0, 1.0);
    update();
}

void NodeItem::setSubtitle(const QString &subtitle)
{
    if (m_subtitle == subtitle)
        return;
    m_subtitle = subtitle;
    update();
}

void NodeItem::setLabel(const QString &label)
{
    if (m_label == label)
        return;
    m_label = label;
    updateToolTip();
    update();
}

QString NodeItem::title() const
{
    if (!m_label.isEmpty())
        return m_label;
    return m_nodeType ? m_nodeType->displayName : QStringLiteral("?");
}

void NodeItem::updateToolTip()
{
    QString tip = m_nodeType ? m_nodeType->displayName : QString();
    if (!m_label.isEmpty())
        tip = tip.isEmpty() ? m_label : QStringLiteral("%1 (%2)").arg(m_label, tip);
    if (m_nodeType && !m_nodeType->description.isEmpty())
        tip += QStringLiteral("\n") + m_nodeType->description;
    tip += QStringLiteral("\n[") + engine::nodeStatusId(m_status) + QLatin1Char(']');
    if (!m_message.isEmpty())
        tip += QStringLiteral("\n") + m_message;
    setToolTip(tip);
}

QStringList NodeItem::simplifiedTitle(qreal lod, QFont *font) const
{
    // The largest size from kMinTitlePixels down to kFloorTitlePixels (on screen) at which
    // the whole title fits in the lines the box holds; when none does, the largest size
    // with the last line elided.
    const QRectF box = QRectF(0, 0, kWidth, height()).adjusted(4, 4, -4, -4);
    const int largest = std::max(1, int(std::min(kMinTitlePixels / lod, height() * 0.6)));
    const int smallest = std::max(1, std::min(largest, int(kFloorTitlePixels / lod)));
    for (int px = largest; px >= smallest; --px) {
        font->setPixelSize(px);
        bool fits = false;
        QStringList lines
            = wrapTitle(title(), QFontMetricsF(*font), box.width(), box.height(), &fits);
        if (fits)
            return lines;
    }
    // Elided anyway: at the size the other titles have.
    font->setPixelSize(largest);
    return wrapTitle(title(), QFontMetricsF(*font), box.width(), box.height());
}

QStringList NodeItem::wrapTitle(
    const QString &title, const QFontMetricsF &metrics, qreal width, qreal height, bool *fits)
{
    const int maxLines = std::max(1, int(height / metrics.lineSpacing()));
    const QStringList words = title.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    bool whole = true;
    for (const QString &w : words) {
        const QString joined = lines.isEmpty() ? w : lines.back() + QLatin1Char(' ') + w;
        if (!lines.isEmpty() && metrics.horizontalAdvance(joined) <= width)
            lines.back() = joined;
        else if (int(lines.size()) < maxLines)
            lines.append(w);
        else {
            lines.back() = joined; // the rest goes on the last line, elided below
            whole = false;
        }
    }
    for (QString &line : lines) {
        if (metrics.horizontalAdvance(line) > width) {
            line = metrics.elidedText(line, Qt::ElideRight, width);
            whole = false;
        }
    }
    if (fits)
        *fits = whole;
    return lines;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF body(0, 0, kWidth, height());
    const QColor accent = statusColor(m_status);
    const bool selected = option->state & QStyle::State_Selected;

    // Body and header.
    painter->setPen(selected ? QPen(QColor(0xff, 0xc1, 0x07), 3) : QPen(accent.darker(130), 1.5));
    painter->setBrush(QColor(0xfa, 0xfa, 0xfa));
    painter->drawRoundedRect(body, 6, 6);
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, kWidth, kHeaderHeight), 6, 6);
    header.addRect(QRectF(0, kHeaderHeight - 6, kWidth, 6));
    // A pale tint of the status colour: readable titles, status visible at a glance.
    const qreal tint = m_status == NodeStatus::Idle ? 0.25 : 0.35;
    const QColor headerColor = QColor::fromRgbF(1 - tint + tint * accent.redF(),
        1 - tint + tint * accent.greenF(), 1 - tint + tint * accent.blueF());
    const QString title = this->title();
    QFont font = QApplication::font();
    font.setBold(true);

    // Zoomed out (Fit on a large graph) the normal labels would shrink below reading size:
    // draw the node simplified, its title alone in a font that keeps kMinTitlePixels on
    // screen (kFloorTitlePixels when that fits it whole), wrapped over the whole body;
    // ports, subtitle and labels are left out.
    const qreal lod
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const qreal normalPixels = QFontInfo(font).pixelSize();
    if (lod > 0 && normalPixels * lod < kMinTitlePixels) {
        QPainterPath whole;
        whole.addRoundedRect(body.adjusted(1, 1, -1, -1), 6, 6);
        painter->fillPath(whole, headerColor);
        painter->setPen(QColor(0x20, 0x20, 0x20));
        const QRectF box = body.adjusted(4, 4, -4, -4);
        const QStringList lines = simplifiedTitle(lod, &font);
        painter->setFont(font);
        const QString text = lines.join(QLatin1Char('\n'));
        painter->drawText(box, Qt::AlignCenter, text);
        painter->setPen(Qt::NoPen);
        painter->fillRect(QRectF(0, height() - 4, kWidth, 4), accent);
        return;
    }

    painter->fillPath(header.simplified(), headerColor);
    painter->fillRect(QRectF(0, kHeaderHeight - 3, kWidth, 3), accent);

    // Title and subtitle.
    painter->setFont(font);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    QFontMetricsF fm(font);
    painter->drawText(titleRect(), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(title, Qt::ElideRight, titleRect().width()));
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->setPen(QColor(0x55, 0x55, 0x55));
    // A renamed node says what it is: its type (and the file it reads).
    QString sub = m_subtitle.isEmpty() && m_nodeType ? m_nodeType->category : m_subtitle;
    if (!m_label.isEmpty() && m_nodeType)
        sub = m_subtitle.isEmpty()
            ? m_nodeType->displayName
            : QStringLiteral("%1 · %2").arg(m_nodeType->displayName, m_subtitle);
    painter->drawText(QRectF(8, 20, kWidth - 16, 16), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(small).elidedText(sub, Qt::ElideMiddle, kWidth - 16));

    // Port labels.
    painter->setPen(QColor(0x30, 0x30, 0x30));
    for (int i = 0; m_nodeType && i < m_inputs.size(); ++i) {
        painter->drawText(
            QRectF(12, kHeaderHeight + kPortSpacing * i, kWidth / 2 - 12, kPortSpacing),
            Qt::AlignLeft | Qt::AlignVCenter, m_nodeType->inputs.at(i).displayLabel());
    }
    for (int i = 0; m_nodeType && i < m_outputs.size(); ++i) {
        painter->drawText(
            QRectF(kWidth / 2, kHeaderHeight + kPortSpacing * i, kWidth / 2 - 12, kPortSpacing),
            Qt::AlignRight | Qt::AlignVCenter, m_nodeType->outputs.at(i).displayLabel());
    }

    // Progress bar while running.
    if (m_status == NodeStatus::Running || m_status == NodeStatus::Queued) {
        const QRectF bar(8, height() - 8, kWidth - 16, 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xe0, 0xe0, 0xe0));
        painter->drawRoundedRect(bar, 2, 2);
        painter->setBrush(accent);
        painter->drawRoundedRect(
            QRectF(bar.topLeft(), QSizeF(bar.width() * m_progress, bar.height())), 2, 2);
    }

    // Status badge.
    QString glyph;
    switch (m_status) {
    case NodeStatus::Idle:
        break;
    case NodeStatus::Queued:
        glyph = QStringLiteral("…");
        break;
    case NodeStatus::Running:
        glyph = QStringLiteral("▶");
        break;
    case NodeStatus::Done:
        // Partial outputs (training stopped by Stop: NodeContext::markPartial) are half done.
        glyph = m_message.startsWith(QStringLiteral("partial: ")) ? QStringLiteral("◐")
                                                                  : QStringLiteral("✓");
        break;
    case NodeStatus::Failed:
        glyph = QStringLiteral("!");
        break;
    case NodeStatus::Cancelled:
        glyph = QStringLiteral("■");
        break;
    case NodeStatus::Skipped:
        glyph = QStringLiteral("–");
        break;
    }
    if (!glyph.isEmpty()) {
        const QRectF badge(kWidth - 12, -8, 18, 18);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(accent);
        painter->drawEllipse(badge);
        font.setPointSizeF(font.pointSizeF() * 0.9);
        painter->setFont(font);
        painter->drawText(badge, Qt::AlignCenter, glyph);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *graphScene = qobject_cast<GraphScene *>(scene()))
            graphScene->nodeItemMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace sextant::widgets
