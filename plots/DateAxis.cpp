#include "plots/DateAxis.h"

#include "plots/QCustomPlotInclude.h"

#include <cmath>

namespace sextant::plots {

namespace {

// Picks the label format from the range each time the ticks are laid out.
class AdaptiveDateTicker : public QCPAxisTickerDateTime {
protected:
    double getTickStep(const QCPRange &range) override
    {
        mDateTimeFormat = QString::fromLatin1(DateAxis::formatFor(std::abs(range.size())));
        return QCPAxisTickerDateTime::getTickStep(range);
    }
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
    auto ticker = QSharedPointer<AdaptiveDateTicker>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setTickCount(6);
    axis->setTicker(ticker);
}

void DateAxis::clear(QCPAxis *axis)
{
    if (hasDateTicks(axis))
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
}

} // namespace sextant::plots
