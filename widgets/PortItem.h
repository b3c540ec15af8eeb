#pragma once

#include "graph/PortType.h"

#include <QGraphicsItem>

namespace sextant::widgets {

// One input or output port of a NodeItem (its child), drawn as a dot coloured by port
// type. Connections are dragged from it; while a drag is under way the scene marks the
// ports that GraphModel::canConnect accepts.
class PortItem : public QGraphicsItem {
public:
    enum { Type = UserType + 0x5e2 };
    enum class Highlight { None, Compatible, Incompatible };
    static constexpr qreal kRadius = 6.0;

    PortItem(int nodeId, int index, bool isOutput, engine::PortType portType,
        QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    int nodeId() const { return m_nodeId; }
    int index() const { return m_index; }
    bool isOutput() const { return m_isOutput; }
    engine::PortType portType() const { return m_portType; }

    Highlight highlight() const { return m_highlight; }
    void setHighlight(Highlight highlight);

    static QColor colorFor(engine::PortType type);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_nodeId;
    int m_index;
    bool m_isOutput;
    engine::PortType m_portType;
    Highlight m_highlight = Highlight::None;
};

} // namespace sextant::widgets
