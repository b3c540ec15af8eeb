#pragma once

#include "graph/Connection.h"
#include "graph/PortType.h"

#include <QGraphicsPathItem>

namespace sextant::widgets {

// The curve drawn for one connection of the model. Selectable (Delete disconnects).
// Its ends are set by the scene from the port positions.
class ConnectionItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 0x5e3 };

    ConnectionItem(const engine::Connection &connection, engine::PortType portType,
        QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    const engine::Connection &connection() const { return m_connection; }

    void setEnds(QPointF from, QPointF to);
    // The cubic curve used for connections (and the one being dragged).
    static QPainterPath curve(QPointF from, QPointF to);

    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    engine::Connection m_connection;
    QColor m_color;
};

} // namespace sextant::widgets
