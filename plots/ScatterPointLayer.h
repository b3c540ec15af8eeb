#pragma once

// Private to ScatterPlot: include from .cpp files only (it pulls in qcustomplot.h).
#include "plots/QCustomPlotInclude.h"
#include "plots/ScatterGatherJob.h"

#include <QColor>
#include <QVector>
#include <cstdint>
#include <span>
#include <vector>

namespace sextant::plots {

// Draws many points fast. On raster devices each point is a pre-rendered antialiased
// disc (or ring) "stamped" into one image the size of the axis rect, which is then drawn
// once: ~100x faster than a QPainter ellipse per point. Vector devices (PDF, SVG) get
// real ellipses. Points are drawn in row order, so classes interleave instead of the last
// class covering the others.
//
// Data: x/y spans (owned by the ScatterPlot's columns, or by `ownX/ownY`), one group per
// point (kSkip: not drawn), one colour per group; optionally one marker shape and one size
// level per point (empty: every point a disc of `size` pixels).
class ScatterPointLayer : public QCPLayerable {
public:
    static constexpr std::uint16_t kSkip = 0xFFFF;
    // Marker shapes, in the order the classes of a shape column get them; the last one is
    // the "other" shape for the classes beyond the distinct ones.
    enum Shape : std::uint8_t { Disc, Square, Triangle, Diamond, Plus, TriangleDown, Cross };
    static constexpr int kShapeCount = 7;
    static constexpr int kDistinctShapes = kShapeCount - 1;
    static_assert(kDistinctShapes == kScatterDistinctShapes);

    ScatterPointLayer(QCustomPlot *plot, const QString &layer, QCPAxis *x, QCPAxis *y)
        : QCPLayerable(plot, layer), m_x(x), m_y(y)
    {
    }

    std::span<const double> xs, ys;
    std::vector<double> ownX, ownY; // storage for xs/ys when the layer owns its points
    std::vector<std::uint16_t> groups;
    QVector<QColor> colors;
    std::vector<std::uint8_t> shapes; // per point, a Shape (empty: all discs)
    std::vector<std::uint8_t> sizeLevels; // per point, an index into `sizes` (empty: `size`)
    QVector<double> sizes; // marker diameters in pixels per size level
    double size = 5; // diameter in pixels
    double opacity = 1.0; // multiplies every colour's alpha (dims the points under a selection)
    bool ring = false; // outline instead of a filled disc
    // Overlapping points add up (true) or the layer is a flat shade where any point is
    // (false: overlaps keep the stamp's opacity, for showing large selections).
    bool accumulate = true;
    qint64 drawn = 0; // points with a group and finite coordinates

    void setOwned(std::vector<double> x, std::vector<double> y)
    {
        ownX = std::move(x);
        ownY = std::move(y);
        xs = ownX;
        ys = ownY;
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override
    {
        applyAntialiasingHint(painter, true, QCP::aeScatters);
    }
    QRect clipRect() const override { return m_x->axisRect()->rect(); }

    void draw(QCPPainter *painter) override;

public:
    // Draws one marker centred on `centre` with diameter `d` (pen and brush as set).
    static void drawMarker(QPainter &painter, Shape shape, const QPointF &centre, double d);

private:
    void drawVector(QCPPainter *painter, std::size_t n);
    double diameterOf(std::size_t level) const;

    QCPAxis *m_x;
    QCPAxis *m_y;
};

} // namespace sextant::plots
