#include "data/DateTime.h"

#include <cmath>

namespace sextant::engine {

// Howard Hinnant's algorithms (chrono-compatible low-level date algorithms).
std::int64_t DateTime::daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (m + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void DateTime::civilFromDays(std::int64_t z, std::int64_t &year, int &month, int &day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

int DateTime::daysInMonth(std::int64_t year, int month)
{
    static constexpr int kDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12)
        return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

double DateTime::fromCivil(
    std::int64_t year, int month, int day, int hour, int minute, double second)
{
    return double(daysFromCivil(year, month, day)) * 86400.0 + hour * 3600.0 + minute * 60.0
        + second;
}

bool DateTime::isMidnight(double seconds)
{
    return std::isfinite(seconds) && std::fmod(seconds, 86400.0) == 0.0;
}

bool DateTime::hasMillis(double seconds)
{
    return std::isfinite(seconds) && std::fmod(std::round(seconds * 1000.0), 1000.0) != 0.0;
}

QString DateTime::toIsoText(double seconds, bool dateOnly, bool millis)
{
    constexpr double kLimit = 253402300800.0; // 10000-01-01
    if (!std::isfinite(seconds) || std::abs(seconds) >= kLimit)
        return {};
    // Milliseconds, rounded, so 0.1 s steps print as written.
    const double ms = std::round(seconds * 1000.0);
    const auto totalMs = static_cast<std::int64_t>(ms);
    std::int64_t days = totalMs / 86400000;
    std::int64_t rest = totalMs % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    std::int64_t year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    QString text = QStringLiteral("%1-%2-%3")
                       .arg(year < 0 ? QStringLiteral("-%1").arg(-year, 4, 10, QLatin1Char('0'))
                                     : QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0')))
                       .arg(month, 2, 10, QLatin1Char('0'))
                       .arg(day, 2, 10, QLatin1Char('0'));
    if (dateOnly)
        return text;
    const int h = int(rest / 3600000);
    const int m = int(rest / 60000 % 60);
    const int s = int(rest / 1000 % 60);
    const int milli = int(rest % 1000);
    text += QStringLiteral(" %1:%2:%3")
                .arg(h, 2, 10, QLatin1Char('0'))
                .arg(m, 2, 10, QLatin1Char('0'))
                .arg(s, 2, 10, QLatin1Char('0'));
    if (milli != 0 || millis)
        text += QStringLiteral(".%1").arg(milli, 3, 10, QLatin1Char('0'));
    return text;
}

} // namespace sextant::engine
