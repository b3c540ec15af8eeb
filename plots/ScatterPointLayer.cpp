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

    // One stamp per group, at device resolution.
    const int d = std::max(1, static_cast<int>(std::ceil(size * scale)) + 1);
    std::vector<QImage> stamps;
    for (const QColor &c : std::as_const(colors)) {
        QImage stamp(d, d, QImage::Format_ARGB32_Premultiplied);
        stamp.fill(Qt::transparent);
        QPainter p(&stamp);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r(0.5, 0.5, size * scale, size * scale);
        if (ring) {
            p.setPen(QPen(c, 1.5 * scale));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(r.adjusted(0.75 * scale, 0.75 * scale, -0.75 * scale, -0.75 * scale));
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(r);
        }
        p.end();
        stamps.push_back(std::move(stamp));
    }

    // Linear axes: pixel = a + b * coordinate (no coordToPixel call per point).
    const bool linear
        = m_x->scaleType() == QCPAxis::stLinear && m_y->scaleType() == QCPAxis::stLinear;
    const double ax = m_x->coordToPixel(0.0), bx = m_x->coordToPixel(1.0) - ax;
    const double ay = m_y->coordToPixel(0.0), by = m_y->coordToPixel(1.0) - ay;
    const double half = d / 2.0;
    const auto stride = canvas.bytesPerLine() / 4;
    auto *bits = reinterpret_cast<QRgb *>(canvas.bits());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint16_t g = groups[i];
        if (g == kSkip || g >= stamps.size())
            continue;
        const double px = linear ? ax + bx * xs[i] : m_x->coordToPixel(xs[i]);
        const double py = linear ? ay + by * ys[i] : m_y->coordToPixel(ys[i]);
        const double fx = (px - clip.left()) * scale - half;
        const double fy = (py - clip.top()) * scale - half;
        if (!(fx > -d && fy > -d && fx < W && fy < H)) // also drops NaN
            continue;
        const int x0 = static_cast<int>(std::lround(fx));
        const int y0 = static_cast<int>(std::lround(fy));
        const QImage &stamp = stamps[g];
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
    const double r = size / 2.0;
    for (int g = 0; g < colors.size(); ++g) {
        if (ring) {
            painter->setPen(QPen(colors.at(g), 1.5));
            painter->setBrush(Qt::NoBrush);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(colors.at(g));
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (groups[i] != g)
                continue;
            const double px = m_x->coordToPixel(xs[i]);
            const double py = m_y->coordToPixel(ys[i]);
            if (std::isfinite(px) && std::isfinite(py))
                painter->drawEllipse(QPointF(px, py), r, r);
        }
    }
}

} // namespace sextant::plots
