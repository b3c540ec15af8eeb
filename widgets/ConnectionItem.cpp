#include "widgets/ConnectionItem.h"

#include "widgets/PortItem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

namespace sextant::widgets {

ConnectionItem::ConnectionItem(
    const engine::Connection &connection, engine::PortType portType, QGraphicsItem *parent)
    : QGraphicsPathItem(parent), m_connection(connection), m_color(PortItem::colorFor(portType))
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
    setToolTip(engine::portTypeName(portType));
}

QPainterPath ConnectionItem::curve(QPointF from, QPointF to)
{
    QPainterPath path(from);
    const qreal dx = std::max(40.0, std::abs(to.x() - from.x()) * 0.5);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void ConnectionItem::setEnds(QPointF from, QPointF to)
{
    setPath(curve(from, to));
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    if (selected) {
        painter->setPen(QPen(QColor(0xff, 0xc1, 0x07), 6, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(path());
    }
    painter->setPen(QPen(m_color, 2.5, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

} // namespace sextant::widgets
