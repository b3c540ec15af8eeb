#include "plots/CellTextLayer.h"

#include "plots/Palette.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

constexpr int kMinFontPx = 7;
constexpr int kMaxFontPx = 12;

class CellTextLayerable : public QCPLayerable {
public:
    CellTextLayerable(QCPColorMap *map, CellTextLayer::TextFunction text)
        : QCPLayerable(map->parentPlot(), map->layer() ? map->layer()->name() : QString()),
          m_map(map), m_text(std::move(text))
    {
    }

    bool drewText = false;

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override
    {
        applyAntialiasingHint(painter, true, QCP::aeOther);
    }

    QRect clipRect() const override
    {
        if (m_map && m_map->keyAxis())
            return m_map->keyAxis()->axisRect()->rect();
        return QCPLayerable::clipRect();
    }

    void draw(QCPPainter *painter) override
    {
        drewText = false;
        if (!m_map || !m_text || !m_map->visible())
            return;
        QCPColorMapData *data = m_map->data();
        QCPAxis *keyAxis = m_map->keyAxis();
        QCPAxis *valueAxis = m_map->valueAxis();
        const int nx = data->keySize();
        const int ny = data->valueSize();
        if (nx < 1 || ny < 1 || !keyAxis || !valueAxis)
            return;
        const QCPRange kr = data->keyRange();
        const QCPRange vr = data->valueRange();
        const double kStep = nx > 1 ? (kr.upper - kr.lower) / (nx - 1) : 1.0;
        const double vStep = ny > 1 ? (vr.upper - vr.lower) / (ny - 1) : 1.0;
        const double cellW
            = std::abs(keyAxis->coordToPixel(kr.lower + kStep) - keyAxis->coordToPixel(kr.lower));
        const double cellH = std::abs(
            valueAxis->coordToPixel(vr.lower + vStep) - valueAxis->coordToPixel(vr.lower));
        if (cellW < 14 || cellH < kMinFontPx + 2)
            return;

        // The visible cells only.
        const auto visible = [](const QCPRange &axisRange, const QCPRange &dataRange, double step,
                                 int n, int &first, int &last) {
            const double lo = (axisRange.lower - dataRange.lower) / step;
            const double hi = (axisRange.upper - dataRange.lower) / step;
            first = std::clamp(static_cast<int>(std::floor(std::min(lo, hi) - 0.5)), 0, n - 1);
            last = std::clamp(static_cast<int>(std::ceil(std::max(lo, hi) + 0.5)), 0, n - 1);
        };
        int x0, x1, y0, y1;
        visible(keyAxis->range(), kr, kStep, nx, x0, x1);
        visible(valueAxis->range(), vr, vStep, ny, y0, y1);

        QStringList texts;
        texts.reserve((x1 - x0 + 1) * (y1 - y0 + 1));
        for (int j = y0; j <= y1; ++j)
            for (int i = x0; i <= x1; ++i)
                texts.append(m_text(i, j));

        // The largest font (within bounds) at which the widest text fits its cell.
        QFont font = mParentPlot->font();
        int px = std::min<int>(kMaxFontPx, static_cast<int>(cellH * 0.5));
        for (; px >= kMinFontPx; --px) {
            font.setPixelSize(px);
            const QFontMetrics fm(font);
            int widest = 0;
            for (const QString &t : texts)
                widest = std::max(widest, fm.horizontalAdvance(t));
            if (widest <= cellW - 4 && fm.height() <= cellH - 1)
                break;
        }
        if (px < kMinFontPx)
            return;
        font.setPixelSize(px);
        painter->setFont(font);

        // Texts of cells cut by the axis rect edge would read as other numbers ("-0.06"
        // as ".06"): only whole texts are written.
        const QRectF clip = QRectF(keyAxis->axisRect()->rect()).adjusted(-0.5, -0.5, 0.5, 0.5);
        const QFontMetricsF fm(font);
        QCPColorGradient gradient = m_map->gradient();
        const QCPRange dataRange = m_map->dataRange();
        const bool logScale = m_map->dataScaleType() == QCPAxis::stLogarithmic;
        int index = 0;
        for (int j = y0; j <= y1; ++j) {
            for (int i = x0; i <= x1; ++i, ++index) {
                const QString &t = texts.at(index);
                if (t.isEmpty())
                    continue;
                double key = 0, value = 0;
                data->cellToCoord(i, j, &key, &value);
                const double cx = keyAxis->coordToPixel(key);
                const double cy = valueAxis->coordToPixel(value);
                const QRectF cell(cx - cellW / 2, cy - cellH / 2, cellW, cellH);
                const double tw = fm.horizontalAdvance(t);
                if (!clip.contains(QRectF(cx - tw / 2, cy - fm.height() / 2, tw, fm.height())))
                    continue;
                const QColor bg
                    = QColor::fromRgba(gradient.color(data->cell(i, j), dataRange, logScale));
                painter->setPen(Palette::textOn(bg));
                painter->drawText(cell, Qt::AlignCenter, t);
                drewText = true;
            }
        }
    }

private:
    QPointer<QCPColorMap> m_map;
    CellTextLayer::TextFunction m_text;
};

} // namespace

QCPLayerable *CellTextLayer::create(QCPColorMap *map, TextFunction text)
{
    return new CellTextLayerable(map, std::move(text));
}

bool CellTextLayer::drewText(const QCPLayerable *layer)
{
    const auto *l = dynamic_cast<const CellTextLayerable *>(layer);
    return l && l->drewText;
}

} // namespace sextant::plots
