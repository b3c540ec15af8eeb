#include "gui/WorkflowThumbnail.h"

#include <QColor>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QRectF>
#include <algorithm>
#include <limits>

namespace sextant::app {

namespace {

constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
constexpr qreal kNodeWidth = 150; // scene units, about a node of the editor
constexpr qreal kNodeHeight = 56;

// By the type id's prefix, the palette group's colour.
QColor kindColor(const QString &typeId)
{
    const QString kind = typeId.section(QLatin1Char('.'), 0, 0);
    if (kind == QLatin1String("data"))
        return QColor(0x3b, 0x82, 0xc4);
    if (kind == QLatin1String("prep"))
        return QColor(0x8e, 0x6c, 0xc8);
    if (kind == QLatin1String("model"))
        return QColor(0xe0, 0x8a, 0x1e);
    if (kind == QLatin1String("cluster"))
        return QColor(0xc8, 0x5a, 0x8a);
    if (kind == QLatin1String("eval"))
        return QColor(0x2f, 0x9e, 0x6e);
    if (kind == QLatin1String("view") || kind == QLatin1String("inspect"))
        return QColor(0x4a, 0xa8, 0xb8);
    return QColor(0x90, 0x90, 0x90);
}

struct MiniNode {
    QPointF position;
    QColor color;
};

} // namespace

QPixmap WorkflowThumbnail::render(
    const QString &workflowPath, QSize size, const QPalette &palette, qreal devicePixelRatio)
{
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    pixmap.fill(dark ? base.lighter(125) : base.darker(104));

    QHash<int, MiniNode> nodes;
    QList<QPair<int, int>> links;
    QFile file(workflowPath);
    if (file.size() <= kMaxFileBytes && file.open(QIODevice::ReadOnly)) {
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        for (const QJsonValue &v : root.value(QLatin1String("nodes")).toArray()) {
            const QJsonObject n = v.toObject();
            const QJsonArray p = n.value(QLatin1String("position")).toArray();
            nodes.insert(n.value(QLatin1String("id")).toInt(),
                { QPointF(p.at(0).toDouble(), p.at(1).toDouble()),
                    kindColor(n.value(QLatin1String("type")).toString()) });
        }
        for (const QJsonValue &v : root.value(QLatin1String("connections")).toArray()) {
            const QJsonObject c = v.toObject();
            links.append(
                { c.value(QLatin1String("from")).toInt(), c.value(QLatin1String("to")).toInt() });
        }
    }

    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(10, 10, -10, -10);
    const QColor ink = palette.color(QPalette::Text);
    if (nodes.isEmpty()) {
        // Unreadable or empty: three linked boxes in the text colour, faded.
        QColor faint = ink;
        faint.setAlphaF(0.25);
        painter.setPen(QPen(faint, 2));
        painter.setBrush(Qt::NoBrush);
        const qreal w = area.width() / 5, h = area.height() / 5;
        for (int i = 0; i < 3; ++i)
            painter.drawRoundedRect(
                QRectF(area.left() + i * 2 * w, area.center().y() - h / 2, w, h), 3, 3);
        return pixmap;
    }

    qreal left = std::numeric_limits<qreal>::max(), top = left;
    qreal right = std::numeric_limits<qreal>::lowest(), bottom = right;
    for (const MiniNode &n : std::as_const(nodes)) {
        left = std::min(left, n.position.x());
        top = std::min(top, n.position.y());
        right = std::max(right, n.position.x() + kNodeWidth);
        bottom = std::max(bottom, n.position.y() + kNodeHeight);
    }
    const QRectF scene(left, top, right - left, bottom - top);
    // Small graphs are not blown up: a node stays about the size it has in larger ones.
    const qreal scale
        = std::min({ area.width() / scene.width(), area.height() / scene.height(), 0.32 });
    const QPointF offset = area.center() - scene.center() * scale;
    const auto mapped = [&](QPointF p) { return p * scale + offset; };
    const QSizeF nodeSize(kNodeWidth * scale, kNodeHeight * scale);

    QColor wire = ink;
    wire.setAlphaF(dark ? 0.55 : 0.45);
    painter.setPen(QPen(wire, std::max(1.0, 2.2 * scale)));
    painter.setBrush(Qt::NoBrush);
    for (const auto &[from, to] : std::as_const(links)) {
        if (!nodes.contains(from) || !nodes.contains(to))
            continue;
        const QPointF a
            = mapped(nodes[from].position) + QPointF(nodeSize.width(), nodeSize.height() / 2);
        const QPointF b = mapped(nodes[to].position) + QPointF(0, nodeSize.height() / 2);
        const qreal dx = std::max(12.0, (b.x() - a.x()) / 2);
        QPainterPath path(a);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        painter.drawPath(path);
    }
    const QColor body = dark ? base.lighter(170) : base;
    for (const MiniNode &n : std::as_const(nodes)) {
        const QRectF r(mapped(n.position), nodeSize);
        const qreal radius = std::max(2.0, 6 * scale);
        painter.setPen(QPen(n.color.darker(dark ? 100 : 115), std::max(1.0, 1.5 * scale)));
        painter.setBrush(body);
        painter.drawRoundedRect(r, radius, radius);
        // The header band in the node's colour, as the editor draws it.
        QPainterPath header;
        header.addRoundedRect(r, radius, radius);
        QPainterPath band;
        band.addRect(QRectF(r.topLeft(), QSizeF(r.width(), r.height() * 0.42)));
        painter.setPen(Qt::NoPen);
        painter.setBrush(n.color);
        painter.drawPath(header.intersected(band));
    }
    return pixmap;
}

} // namespace sextant::app
