#pragma once

#include "graph/NodeStatus.h"

#include <QGraphicsItem>
#include <QList>
#include <QStringList>

class QFont;
class QFontMetricsF;

namespace sextant::engine {
struct NodeType;
}

namespace sextant::widgets {

class PortItem;

// One node of the graph on the canvas: a box with its title (the name the person gave it,
// else its type's name), an optional subtitle (e.g. the file name; a renamed node's type), its
// input ports on the left and output ports on the right, a status colour and badge from the
// executor, and a progress bar while running. Movable and selectable; the scene turns a finished
// drag into a move command.
class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 0x5e1 };
    static constexpr qreal kWidth = 170;
    static constexpr qreal kHeaderHeight = 40;
    static constexpr qreal kPortSpacing = 20;
    // Below this on-screen title size the node is drawn simplified, its title kept this large.
    static constexpr qreal kMinTitlePixels = 11;
    // ... or smaller, down to this, when that lets the whole title fit unelided.
    static constexpr qreal kFloorTitlePixels = 9;

    NodeItem(int nodeId, const engine::NodeType *nodeType, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    int nodeId() const { return m_nodeId; }
    const engine::NodeType *nodeType() const { return m_nodeType; }

    PortItem *inputPort(int index) const { return m_inputs.value(index); }
    PortItem *outputPort(int index) const { return m_outputs.value(index); }
    const QList<PortItem *> &inputPorts() const { return m_inputs; }
    const QList<PortItem *> &outputPorts() const { return m_outputs; }

    engine::NodeStatus status() const { return m_status; }
    const QString &statusMessage() const { return m_message; }
    double progress() const { return m_progress; }
    void setStatus(engine::NodeStatus status, const QString &message);
    void setProgress(double fraction);

    void setSubtitle(const QString &subtitle);
    // The name the person gave the node (GraphModel::label); empty: the type's name.
    void setLabel(const QString &label);
    const QString &label() const { return m_label; }
    // What the node is called on the canvas: its label, else its type's name.
    QString title() const;
    // Where the title is drawn (item coordinates, full drawing): a double click there renames.
    static QRectF titleRect() { return QRectF(8, 3, kWidth - 30, 18); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QColor statusColor(engine::NodeStatus status);
    // `title` broken at spaces into the lines of `width` that fit in `height`; words that
    // do not fit (a long word, the rest of the title past the last line) are elided.
    // `fits`: whether nothing was elided.
    // The title's lines as the simplified drawing has them at level of detail `lod` (screen
    // pixels per scene unit), and the font (bold, sized) it uses.
    QStringList simplifiedTitle(qreal lod, QFont *font) const;
    static QStringList wrapTitle(const QString &title, const QFontMetricsF &metrics, qreal width,
        qreal height, bool *fits = nullptr);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    qreal height() const;
    void updateToolTip();

    int m_nodeId;
    const engine::NodeType *m_nodeType;
    QList<PortItem *> m_inputs;
    QList<PortItem *> m_outputs;
    engine::NodeStatus m_status = engine::NodeStatus::Idle;
    QString m_message;
    QString m_subtitle;
    QString m_label;
    double m_progress = 0.0;
};

} // namespace sextant::widgets
