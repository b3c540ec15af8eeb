#include "data/DateColumns.h"

#include "data/DateTime.h"

#include <cmath>
#include <limits>
#include <vector>

namespace sextant::engine {

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool atEnd() const { return i >= s.size(); }
    char peek() const { return atEnd() ? '\0' : s[i]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++i;
        return true;
    }
    // Between `minDigits` and `maxDigits` digits.
    bool number(int minDigits, int maxDigits, int &out)
    {
        int n = 0;
        int v = 0;
        while (n < maxDigits && !atEnd() && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        out = v;
        return n >= minDigits && !(n == maxDigits && !atEnd() && s[i] >= '0' && s[i] <= '9');
    }
};

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool validDate(int year, int month, int day)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= DateTime::daysInMonth(year, month);
}

// "HH:MM[:SS[.fff]]" into seconds of the day.
bool parseTime(Cursor &c, double &seconds)
{
    int h = 0;
    int m = 0;
    int s = 0;
    if (!c.number(1, 2, h) || !c.take(':') || !c.number(2, 2, m))
        return false;
    double fraction = 0;
    if (c.take(':')) {
        if (!c.number(2, 2, s))
            return false;
        if (c.take('.') || c.take(',')) {
            double scale = 0.1;
            int digits = 0;
            while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
                if (digits < 9)
                    fraction += (c.peek() - '0') * scale;
                scale /= 10;
                ++digits;
                ++c.i;
            }
            if (digits == 0)
                return false;
        }
    }
    if (h > 23 || m > 59 || s > 59)
        return false;
    seconds = h * 3600.0 + m * 60.0 + s + fraction;
    return true;
}

// "Z", "+HH", "+HHMM", "+HH:MM" (or '-') into seconds east of UTC.
bool parseZone(Cursor &c, double &offset)
{
    if (c.take('Z') || c.take('z')) {
        offset = 0;
        return true;
    }
    const char sign = c.peek();
    if (sign != '+' && sign != '-')
        return false;
    ++c.i;
    int h = 0;
    int m = 0;
    int digits = 0;
    const std::size_t start = c.i;
    if (!c.number(2, 4, digits)) // hh or hhmm
        return false;
    const std::size_t width = c.i - start;
    if (width == 4) {
        h = digits / 100;
        m = digits % 100;
    } else if (width == 2) {
        h = digits;
        if (c.take(':') && !c.number(2, 2, m))
            return false;
    } else {
        return false;
    }
    if (h > 18 || m > 59)
        return false;
    offset = (sign == '-' ? -1.0 : 1.0) * (h * 3600.0 + m * 60.0);
    return true;
}

// After the date: the end, or a time (after 'T' or spaces) and, with `zone`, a zone.
bool parseTail(Cursor &c, bool zone, double &seconds)
{
    seconds = 0;
    if (c.atEnd())
        return true;
    if (!c.take('T') && !c.take(' '))
        return false;
    while (c.take(' ')) { }
    if (!parseTime(c, seconds))
        return false;
    if (c.atEnd())
        return true;
    if (!zone)
        return false;
    while (c.take(' ')) { }
    double offset = 0;
    if (!parseZone(c, offset) || !c.atEnd())
        return false;
    seconds -= offset;
    return true;
}

// "A/B/YYYY" (one separator of / . -) and the time after it.
bool parseDayMonthFields(std::string_view text, int &a, int &b, int &year, double &time)
{
    Cursor c { trimmed(text) };
    if (!c.number(1, 2, a))
        return false;
    const char sep = c.peek();
    if (sep != '/' && sep != '.' && sep != '-')
        return false;
    ++c.i;
    if (!c.number(1, 2, b) || !c.take(sep) || !c.number(4, 4, year))
        return false;
    return parseTail(c, false, time) && (c.atEnd());
}

bool looksIso(std::string_view text)
{
    text = trimmed(text);
    if (text.size() < 8)
        return false;
    for (int k = 0; k < 4; ++k)
        if (text[std::size_t(k)] < '0' || text[std::size_t(k)] > '9')
            return false;
    return text[4] == '-' || text[4] == '/';
}

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), std::size_t(bytes.size()) };
}

} // namespace

bool DateColumns::parseIso(std::string_view text, double &seconds)
{
    Cursor c { trimmed(text) };
    int year = 0;
    int month = 0;
    int day = 0;
    if (!c.number(4, 4, year))
        return false;
    const char sep = c.peek();
    if (sep != '-' && sep != '/')
        return false;
    ++c.i;
    if (!c.number(1, 2, month) || !c.take(sep) || !c.number(1, 2, day))
        return false;
    double time = 0;
    if (!validDate(year, month, day) || !parseTail(c, true, time) || !c.atEnd())
        return false;
    seconds = DateTime::fromCivil(year, month, day) + time;
    return true;
}

bool DateColumns::parseDayMonth(std::string_view text, Order order, double &seconds)
{
    int a = 0;
    int b = 0;
    int year = 0;
    double time = 0;
    if (order == Order::Auto || !parseDayMonthFields(text, a, b, year, time))
        return false;
    const int day = order == Order::DayFirst ? a : b;
    const int month = order == Order::DayFirst ? b : a;
    if (!validDate(year, month, day))
        return false;
    seconds = DateTime::fromCivil(year, month, day) + time;
    return true;
}

std::optional<Column> DateColumns::fromText(const Column &column, Order order, QString *why)
{
    if (why)
        why->clear();
    if (!column.isCategorical() || column.categories().isEmpty())
        return std::nullopt;
    const QStringList &categories = column.categories();
    const auto n = std::size_t(categories.size());
    // Dates are ASCII: a category with other characters is not one (Latin-1 keeps the
    // conversion cheap and one byte per character).
    const auto bytesOf
        = [&categories](std::size_t k) { return categories[qsizetype(k)].toLatin1(); };
    // Too many failures to be a column of dates with a typo: stop early (a column of ids).
    const std::size_t maxFailures = n / 10 + 1;

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> lookup(n, kNaN);
    const auto nearly = [&](std::size_t bad, std::size_t failures) {
        // Most values are dates: say which one is not (as the CSV reader does for a
        // number column that meets text).
        if (why && failures * 10 <= n && n - failures >= 2)
            *why = QStringLiteral("column '%1' looks like dates, but '%2' is not one: it is "
                                  "read as text")
                       .arg(column.name(), categories[qsizetype(bad)]);
        return std::nullopt;
    };
    if (looksIso(view(bytesOf(0)))) {
        std::size_t failures = 0;
        std::size_t firstBad = 0;
        for (std::size_t k = 0; k < n && failures <= maxFailures; ++k)
            if (!parseIso(view(bytesOf(k)), lookup[k]) && failures++ == 0)
                firstBad = k;
        if (failures > 0)
            return nearly(firstBad, failures);
    } else {
        // Day/month forms: the order that fits every value.
        int a = 0;
        int b = 0;
        int year = 0;
        double time = 0;
        if (!parseDayMonthFields(view(bytesOf(0)), a, b, year, time))
            return std::nullopt;
        std::size_t failDay = 0;
        std::size_t failMonth = 0;
        std::size_t firstBadDay = 0;
        std::size_t firstBadMonth = 0;
        std::vector<double> byMonth(n, kNaN);
        for (std::size_t k = 0; k < n && std::min(failDay, failMonth) <= maxFailures; ++k) {
            const QByteArray text = bytesOf(k);
            if (!parseDayMonth(view(text), Order::DayFirst, lookup[k]) && failDay++ == 0)
                firstBadDay = k;
            if (!parseDayMonth(view(text), Order::MonthFirst, byMonth[k]) && failMonth++ == 0)
                firstBadMonth = k;
        }
        Order chosen = order;
        if (order == Order::Auto) {
            if (failDay == 0 && failMonth == 0) {
                if (why)
                    *why = QStringLiteral(
                        "column '%1' looks like dates, but whether the day or the month comes "
                        "first is ambiguous (no value has a number above 12): it is read as "
                        "text; set the File node's Dates to day-first or month-first")
                               .arg(column.name());
                return std::nullopt;
            }
            if (failDay == 0)
                chosen = Order::DayFirst;
            else if (failMonth == 0)
                chosen = Order::MonthFirst;
            else
                return failDay <= failMonth ? nearly(firstBadDay, failDay)
                                            : nearly(firstBadMonth, failMonth);
        }
        if (chosen == Order::MonthFirst) {
            if (failMonth > 0)
                return nearly(firstBadMonth, failMonth);
            lookup.swap(byMonth);
        } else if (failDay > 0) {
            return nearly(firstBadDay, failDay);
        }
    }

    const auto codes = column.codes();
    std::vector<double> values(codes.size());
    for (std::size_t r = 0; r < codes.size(); ++r)
        values[r] = codes[r] < 0 ? kNaN : lookup[std::size_t(codes[r])];
    Column out = Column::dateTime(column.name(), std::move(values));
    out.setRole(column.role());
    return out;
}

void DateColumns::convert(
    Dataset &data, Order order, const QString &file, QList<LoadIssue> &warnings)
{
    for (int i = 0; i < data.columnCount(); ++i) {
        if (!data.column(i).isCategorical())
            continue;
        QString why;
        if (std::optional<Column> dates = fromText(data.column(i), order, &why))
            data.replaceColumn(i, std::move(*dates));
        else if (!why.isEmpty())
            warnings.push_back({ file, 0, i + 1, why });
    }
}

} // namespace sextant::engine
