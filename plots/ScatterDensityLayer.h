#pragma once

// Private to ScatterPlot: include from .cpp files only (it pulls in qcustomplot.h).
#include "plots/QCustomPlotInclude.h"

#include <QImage>
#include <QRectF>
#include <cmath>
#include <functional>

namespace sextant::plots {

// Draws the density image over the data rectangle it covers, under the point graphs.
class ScatterDensityLayer : public QCPLayerable {
public:
    // Pixels per density cell side: 2 x 2 keeps class colours legible and the grid small.
    static constexpr int kCellPx = 2;

    ScatterDensityLayer(QCustomPlot *plot, QCPAxis *x, QCPAxis *y)
        : QCPLayerable(plot, QStringLiteral("main")), m_x(x), m_y(y)
    {
    }

    QImage image;
    double opacity = 1.0; // below 1 while rows are highlighted
    QRectF rect; // data coordinates: left = xMin, top = yMin, right = xMax, bottom = yMax
    // Called when the axis rect no longer matches the image's grid (resized, colour bar
    // or legend added): the owner re-aggregates at the new size.
    std::function<void()> sizeChanged;

    QRectF pixelRect() const
    {
        const QPointF a(m_x->coordToPixel(rect.left()), m_y->coordToPixel(rect.bottom()));
        const QPointF b(m_x->coordToPixel(rect.right()), m_y->coordToPixel(rect.top()));
        return QRectF(a, b).normalized();
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override
    {
        applyAntialiasingHint(painter, false, QCP::aeOther);
    }
    QRect clipRect() const override { return m_x->axisRect()->rect(); }
    void draw(QCPPainter *painter) override
    {
        if (image.isNull())
            return;
        const QSize wanted = m_x->axisRect()->rect().size() / kCellPx;
        if (sizeChanged && !painter->modes().testFlag(QCPPainter::pmNoCaching)
            && (std::abs(wanted.width() - image.width()) > 1
                || std::abs(wanted.height() - image.height()) > 1))
            sizeChanged(); // not for exports (pmNoCaching), which render at other sizes
        painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter->save();
        painter->setOpacity(opacity);
        painter->drawImage(pixelRect(), image);
        painter->restore();
    }

private:
    QCPAxis *m_x;
    QCPAxis *m_y;
};

} // namespace sextant::plots
