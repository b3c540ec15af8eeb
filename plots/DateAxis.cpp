#include "plots/DateAxis.h"

#include "plots/NumberAxis.h"
#include "plots/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace sextant::plots {

namespace {

// Picks the label format from the range, and as many ticks as the axis has room for
// (about one per 90 px, at most 6, so dates stay readable in a narrow dock), each time the
// ticks are laid out.
class AdaptiveDateTicker : public QCPAxisTickerDateTime {
public:
    explicit AdaptiveDateTicker(const QCPAxis *axis) : m_axis(axis) { }

protected:
    double getTickStep(const QCPRange &range) override
    {
        mDateTimeFormat = QString::fromLatin1(DateAxis::formatFor(std::abs(range.size())));
        if (m_axis) {
            const bool horizontal = m_axis->orientation() == Qt::Horizontal;
            setTickCount(std::clamp(NumberAxis::lengthOf(m_axis) / (horizontal ? 90 : 40), 2, 6));
        }
        return QCPAxisTickerDateTime::getTickStep(range);
    }

private:
    const QCPAxis *m_axis;
};

} // namespace

const char *DateAxis::formatFor(double seconds)
{
    constexpr double kDay = 86400.0;
    if (seconds > 3 * 365 * kDay)
        return "yyyy";
    if (seconds > 90 * kDay)
        return "yyyy-MM";
    if (seconds > 3 * kDay)
        return "yyyy-MM-dd";
    if (seconds > 600)
        return "MM-dd\nhh:mm";
    return "hh:mm:ss";
}

bool DateAxis::hasDateTicks(const QCPAxis *axis)
{
    return !qSharedPointerDynamicCast<QCPAxisTickerDateTime>(axis->ticker()).isNull();
}

void DateAxis::apply(QCPAxis *axis)
{
    if (hasDateTicks(axis))
        return;
    auto ticker = QSharedPointer<AdaptiveDateTicker>::create(axis);
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setTickCount(6);
    axis->setTicker(ticker);
}

void DateAxis::clear(QCPAxis *axis)
{
    if (hasDateTicks(axis))
        NumberAxis::apply(axis);
}

} // namespace sextant::plots
