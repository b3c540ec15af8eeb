#include "plots/ScatterPointLayer.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

// Source-over of a premultiplied pixel onto another (Qt's BYTE_MUL arithmetic).
inline QRgb blendOver(QRgb dst, QRgb src)
{
    const quint32 ia = 255 - qAlpha(src);
    if (ia == 0)
        return src;
    quint32 rb = (dst & 0xff00ff) * ia;
    rb = ((rb + ((rb >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
    quint32 ag = ((dst >> 8) & 0xff00ff) * ia;
    ag = (ag + ((ag >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
    return src + (rb | ag);
}

} // namespace

void ScatterPointLayer::drawMarker(QPainter &p, Shape shape, const QPointF &c, double d)
{
    const double r = d / 2.0;
    switch (shape) {
    case Disc:
        p.drawEllipse(c, r, r);
        return;
    case Square: {
        const double h = r * 0.86; // about the disc's area
        p.drawRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h));
        return;
    }
    case Triangle:
    case TriangleDown: {
        const double s = shape == Triangle ? 1.0 : -1.0;
        const QPointF pts[3]
            = { QPointF(c.x(), c.y() - s * r * 1.1), QPointF(c.x() - r * 1.05, c.y() + s * r * 0.8),
                  QPointF(c.x() + r * 1.05, c.y() + s * r * 0.8) };
        p.drawPolygon(pts, 3);
        return;
    }
    case Diamond: {
        const double h = r * 1.15;
        const QPointF pts[4] = { QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
            QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y()) };
        p.drawPolygon(pts, 4);
        return;
    }
    case Plus:
    case Cross: {
        // A thick cross drawn as a polygon (so a brush fills it like the other shapes).
        const double t = r * 0.38, h = r * 1.05;
        QPolygonF poly;
        poly << QPointF(-t, -h) << QPointF(t, -h) << QPointF(t, -t) << QPointF(h, -t)
             << QPointF(h, t) << QPointF(t, t) << QPointF(t, h) << QPointF(-t, h) << QPointF(-t, t)
             << QPointF(-h, t) << QPointF(-h, -t) << QPointF(-t, -t);
        QTransform m;
        m.translate(c.x(), c.y());
        if (shape == Cross)
            m.rotate(45);
        p.drawPolygon(m.map(poly));
        return;
    }
    }
}

double ScatterPointLayer::diameterOf(std::size_t level) const
{
    return level < static_cast<std::size_t>(sizes.size()) ? sizes[static_cast<qsizetype>(level)]
                                                          : size;
}

void ScatterPointLayer::draw(QCPPainter *painter)
{
    const std::size_t n = std::min({ xs.size(), ys.size(), groups.size() });
    if (n == 0 || colors.isEmpty())
        return;
    const QRect clip = clipRect();
    const QTransform device = painter->deviceTransform();
    if (painter->modes().testFlag(QCPPainter::pmVectorized) || device.isRotating()) {
        drawVector(painter, n);
        return;
    }
    const double scale = device.m11() > 0 ? device.m11() : 1.0;
    const int W = static_cast<int>(std::ceil(clip.width() * scale));
    const int H = static_cast<int>(std::ceil(clip.height() * scale));
    if (W <= 0 || H <= 0)
        return;
    QImage canvas(W, H, QImage::Format_ARGB32_Premultiplied);
    canvas.fill(Qt::transparent);

    const bool withShapes = shapes.size() >= n;
    const bool withSizes = sizeLevels.size() >= n && !sizes.isEmpty();
    const std::size_t levels = withSizes ? static_cast<std::size_t>(sizes.size()) : 1;
    const std::size_t shapeCount = withShapes ? kShapeCount : 1;
    // Stamps per (group, shape, size level) at device resolution, made when first used.
    std::vector<QImage> stamps(static_cast<std::size_t>(colors.size()) * shapeCount * levels);
    const auto stampFor = [&](std::size_t g, std::size_t s, std::size_t z) -> const QImage & {
        QImage &stamp = stamps[(g * shapeCount + s) * levels + z];
        if (!stamp.isNull())
            return stamp;
        const double diameter = (withSizes ? diameterOf(z) : size) * scale;
        const int d = std::max(1, static_cast<int>(std::ceil(diameter * 1.25)) + 2);
        stamp = QImage(d, d, QImage::Format_ARGB32_Premultiplied);
        stamp.fill(Qt::transparent);
        QPainter p(&stamp);
        p.setRenderHint(QPainter::Antialiasing);
        QColor c = colors.at(static_cast<qsizetype>(g));
        c.setAlphaF(static_cast<float>(std::clamp(c.alphaF() * opacity, 0.0, 1.0)));
        const QPointF centre(d / 2.0, d / 2.0);
        if (ring) {
            p.setPen(QPen(c, 1.5 * scale));
            p.setBrush(Qt::NoBrush);
            drawMarker(p, static_cast<Shape>(s), centre, diameter - 1.5 * scale);
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            drawMarker(p, static_cast<Shape>(s), centre, diameter);
        }
        p.end();
        return stamp;
    };

    // Linear axes: pixel = a + b * coordinate (no coordToPixel call per point).
    const bool linear
        = m_x->scaleType() == QCPAxis::stLinear && m_y->scaleType() == QCPAxis::stLinear;
    const double ax = m_x->coordToPixel(0.0), bx = m_x->coordToPixel(1.0) - ax;
    const double ay = m_y->coordToPixel(0.0), by = m_y->coordToPixel(1.0) - ay;
    const auto stride = canvas.bytesPerLine() / 4;
    auto *bits = reinterpret_cast<QRgb *>(canvas.bits());
    const std::size_t groupCount = static_cast<std::size_t>(colors.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint16_t g = groups[i];
        if (g == kSkip || g >= groupCount)
            continue;
        const std::size_t s = withShapes ? std::min<std::size_t>(shapes[i], kShapeCount - 1) : 0;
        const std::size_t z = withSizes ? std::min<std::size_t>(sizeLevels[i], levels - 1) : 0;
        const double px = linear ? ax + bx * xs[i] : m_x->coordToPixel(xs[i]);
        const double py = linear ? ay + by * ys[i] : m_y->coordToPixel(ys[i]);
        if (!std::isfinite(px) || !std::isfinite(py))
            continue;
        const QImage &stamp = stampFor(g, s, z);
        const int d = stamp.width();
        const double half = d / 2.0;
        const double fx = (px - clip.left()) * scale - half;
        const double fy = (py - clip.top()) * scale - half;
        if (!(fx > -d && fy > -d && fx < W && fy < H))
            continue;
        const int x0 = static_cast<int>(std::lround(fx));
        const int y0 = static_cast<int>(std::lround(fy));
        for (int r = std::max(0, -y0); r < d && y0 + r < H; ++r) {
            const auto *src = reinterpret_cast<const QRgb *>(stamp.constScanLine(r));
            QRgb *dst = bits + static_cast<std::ptrdiff_t>(y0 + r) * stride;
            for (int c = std::max(0, -x0); c < d && x0 + c < W; ++c) {
                const QRgb sp = src[c];
                if (qAlpha(sp) == 0)
                    continue;
                QRgb &out = dst[x0 + c];
                if (accumulate)
                    out = blendOver(out, sp);
                else if (qAlpha(out) < qAlpha(sp))
                    out = sp;
            }
        }
    }
    painter->drawImage(QRectF(clip), canvas);
}

void ScatterPointLayer::drawVector(QCPPainter *painter, std::size_t n)
{
    const bool withShapes = shapes.size() >= n;
    const bool withSizes = sizeLevels.size() >= n && !sizes.isEmpty();
    for (int g = 0; g < colors.size(); ++g) {
        QColor c = colors.at(g);
        c.setAlphaF(static_cast<float>(std::clamp(c.alphaF() * opacity, 0.0, 1.0)));
        if (ring) {
            painter->setPen(QPen(c, 1.5));
            painter->setBrush(Qt::NoBrush);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(c);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (groups[i] != g)
                continue;
            const double px = m_x->coordToPixel(xs[i]);
            const double py = m_y->coordToPixel(ys[i]);
            if (!std::isfinite(px) || !std::isfinite(py))
                continue;
            const Shape shape
                = withShapes ? static_cast<Shape>(std::min<int>(shapes[i], kShapeCount - 1)) : Disc;
            drawMarker(
                *painter, shape, QPointF(px, py), withSizes ? diameterOf(sizeLevels[i]) : size);
        }
    }
}

} // namespace sextant::plots
