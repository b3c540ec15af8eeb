#include "plots/NumberAxis.h"

#include "plots/QCustomPlotInclude.h"

#include <algorithm>

namespace sextant::plots {

namespace {

class AdaptiveNumberTicker : public QCPAxisTicker {
public:
    explicit AdaptiveNumberTicker(const QCPAxis *axis) : m_axis(axis) { }

protected:
    double getTickStep(const QCPRange &range) override
    {
        if (m_axis)
            setTickCount(NumberAxis::tickCountFor(
                NumberAxis::lengthOf(m_axis), m_axis->orientation() == Qt::Horizontal));
        return QCPAxisTicker::getTickStep(range);
    }

private:
    const QCPAxis *m_axis;
};

} // namespace

int NumberAxis::lengthOf(const QCPAxis *axis)
{
    const QCPAxisRect *rect = axis->axisRect();
    if (!rect)
        return 0;
    // Ticks are made before the layout gives the axis rect a new size, so after a resize
    // the rect still has the old one: it grows or shrinks as the plot's viewport did since
    // the elements were last laid out.
    const QCustomPlot *plot = axis->parentPlot();
    QRect laidOut;
    if (plot && plot->plotLayout())
        for (QCPLayoutElement *element : plot->plotLayout()->elements(false))
            if (element)
                laidOut |= element->outerRect();
    const QRect viewport = plot ? plot->viewport() : QRect();
    const bool known = laidOut.isValid() && viewport.isValid();
    if (axis->orientation() == Qt::Horizontal)
        return rect->width() + (known ? viewport.width() - laidOut.width() : 0);
    return rect->height() + (known ? viewport.height() - laidOut.height() : 0);
}

int NumberAxis::tickCountFor(int length, bool horizontal)
{
    return std::clamp(length / (horizontal ? 90 : 60), 3, 8);
}

void NumberAxis::apply(QCPAxis *axis)
{
    axis->setTicker(QSharedPointer<AdaptiveNumberTicker>::create(axis));
}

} // namespace sextant::plots
