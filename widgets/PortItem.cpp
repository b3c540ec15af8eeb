#include "widgets/PortItem.h"

#include <QCursor>
#include <QPainter>

namespace sextant::widgets {

PortItem::PortItem(
    int nodeId, int index, bool isOutput, engine::PortType portType, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_nodeId(nodeId), m_index(index), m_isOutput(isOutput),
      m_portType(portType)
{
    setCursor(Qt::CrossCursor);
    setToolTip(engine::portTypeName(portType));
}

void PortItem::setHighlight(Highlight highlight)
{
    if (m_highlight == highlight)
        return;
    m_highlight = highlight;
    update();
}

QColor PortItem::colorFor(engine::PortType type)
{
    switch (type) {
    case engine::PortType::Table:
        return QColor(0x3b, 0x82, 0xc4);
    case engine::PortType::Model:
        return QColor(0xe0, 0x8a, 0x1e);
    case engine::PortType::Predictions:
        return QColor(0x8e, 0x5c, 0xc2);
    case engine::PortType::Metrics:
        return QColor(0x3a, 0xa0, 0x5a);
    case engine::PortType::Curve:
        return QColor(0xc8, 0x45, 0x45);
    }
    return Qt::gray;
}

QRectF PortItem::boundingRect() const
{
    const qreal r = kRadius + 4;
    return QRectF(-r, -r, 2 * r, 2 * r);
}

void PortItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_highlight == Highlight::Compatible) {
        painter->setPen(QPen(QColor(0x2e, 0xb8, 0x4f), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(), kRadius + 3, kRadius + 3);
    }
    painter->setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
    QColor fill = colorFor(m_portType);
    if (m_highlight == Highlight::Incompatible)
        fill = fill.lighter(170);
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(), kRadius, kRadius);
}

} // namespace sextant::widgets
