#include "data/ArffDate.h"

namespace sextant::engine::arff {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool isLeap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(std::int64_t y, int m)
{
    static const int kDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z')
            a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = static_cast<char>(b - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

} // namespace

DateFormat compileDateFormat(const std::string &pattern)
{
    DateFormat f;
    std::size_t i = 0;
    auto addLiteral = [&f](char c) {
        if (f.fields.empty() || f.fields.back().kind != DateField::Literal)
            f.fields.push_back(DateField {});
        f.fields.back().literal.push_back(c);
    };
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (c == '\'') {
            if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
                addLiteral('\'');
                i += 2;
                continue;
            }
            ++i;
            while (i < pattern.size()) {
                if (pattern[i] == '\'') {
                    if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
                        addLiteral('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                addLiteral(pattern[i++]);
            }
            ++i; // closing quote (or end)
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            addLiteral(c);
            ++i;
            continue;
        }
        int n = 0;
        while (i < pattern.size() && pattern[i] == c) {
            ++n;
            ++i;
        }
        DateField d;
        d.width = n;
        switch (c) {
        case 'y':
            d.kind = DateField::Year;
            break;
        case 'M':
            d.kind = n >= 3 ? DateField::MonthName : DateField::Month;
            break;
        case 'd':
            d.kind = DateField::Day;
            break;
        case 'H':
            d.kind = DateField::Hour24;
            break;
        case 'h':
            d.kind = DateField::Hour12;
            break;
        case 'a':
            d.kind = DateField::AmPm;
            break;
        case 'm':
            d.kind = DateField::Minute;
            break;
        case 's':
            d.kind = DateField::Second;
            break;
        case 'S':
            d.kind = DateField::Millis;
            break;
        case 'E':
            d.kind = DateField::DayName;
            break;
        case 'Z':
        case 'X':
            d.kind = DateField::Zone;
            break;
        default:
            f.unsupported = QString(QLatin1Char(c));
            return f;
        }
        f.fields.push_back(std::move(d));
    }
    f.valid = true;
    return f;
}

// Parses `s` with `fmt`; returns seconds since the epoch (UTC).
bool parseDate(const DateFormat &fmt, std::string_view s, double &out)
{
    static const char *const kMonths[] = { "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december" };
    std::int64_t year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
    int hour12 = -1, pm = -1;
    std::int64_t zoneSeconds = 0;
    std::size_t pos = 0;
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };

    for (std::size_t fi = 0; fi < fmt.fields.size(); ++fi) {
        const DateField &f = fmt.fields[fi];
        switch (f.kind) {
        case DateField::Literal:
            if (s.substr(pos, f.literal.size()) != f.literal)
                return false;
            pos += f.literal.size();
            break;
        case DateField::MonthName: {
            int found = 0;
            for (int m = 0; m < 12 && !found; ++m) {
                const std::string_view full(kMonths[m]);
                const std::size_t len = f.width >= 4 ? full.size() : 3;
                if (startsWithNoCase(s.substr(pos), full.substr(0, len))) {
                    found = m + 1;
                    pos += len;
                }
            }
            if (!found)
                return false;
            month = found;
            break;
        }
        case DateField::DayName: {
            const std::size_t start = pos;
            while (pos < s.size()
                && ((s[pos] >= 'a' && s[pos] <= 'z') || (s[pos] >= 'A' && s[pos] <= 'Z')))
                ++pos;
            if (pos == start)
                return false;
            break;
        }
        case DateField::AmPm:
            if (startsWithNoCase(s.substr(pos), "am"))
                pm = 0;
            else if (startsWithNoCase(s.substr(pos), "pm"))
                pm = 1;
            else
                return false;
            pos += 2;
            break;
        case DateField::Zone: {
            if (pos < s.size() && s[pos] == 'Z') {
                ++pos;
                break;
            }
            if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-'))
                return false;
            const int sign = s[pos] == '-' ? -1 : 1;
            ++pos;
            int digits[4] = { 0, 0, 0, 0 };
            int nd = 0;
            while (nd < 4 && pos < s.size()) {
                if (isDigit(s[pos])) {
                    digits[nd++] = s[pos++] - '0';
                } else if (s[pos] == ':' && nd == 2) {
                    ++pos;
                } else {
                    break;
                }
            }
            if (nd != 2 && nd != 4)
                return false;
            const int hh = digits[0] * 10 + digits[1];
            const int mm = nd == 4 ? digits[2] * 10 + digits[3] : 0;
            if (hh > 23 || mm > 59)
                return false;
            zoneSeconds = sign * (hh * 3600 + mm * 60);
            break;
        }
        default: {
            // A number. When the next field is also a number (no separator), read exactly
            // `width` digits, as SimpleDateFormat does for abutting fields.
            const bool abutting = fi + 1 < fmt.fields.size()
                && fmt.fields[fi + 1].kind != DateField::Literal
                && fmt.fields[fi + 1].kind != DateField::AmPm
                && fmt.fields[fi + 1].kind != DateField::Zone
                && fmt.fields[fi + 1].kind != DateField::DayName
                && fmt.fields[fi + 1].kind != DateField::MonthName;
            const std::size_t maxDigits = abutting ? static_cast<std::size_t>(f.width) : 9;
            bool negative = false;
            if (f.kind == DateField::Year && pos < s.size() && s[pos] == '-') {
                negative = true;
                ++pos;
            }
            const std::size_t start = pos;
            std::int64_t v = 0;
            while (pos < s.size() && pos - start < maxDigits && isDigit(s[pos]))
                v = v * 10 + (s[pos++] - '0');
            const std::size_t nDigits = pos - start;
            if (nDigits == 0 || (abutting && nDigits != maxDigits))
                return false;
            switch (f.kind) {
            case DateField::Year:
                year = negative ? -v : v;
                if (f.width == 2 && nDigits == 2)
                    year += 2000; // Java pivots around "now"; a fixed century is reproducible
                break;
            case DateField::Month:
                month = static_cast<int>(v);
                break;
            case DateField::Day:
                day = static_cast<int>(v);
                break;
            case DateField::Hour24:
                hour = static_cast<int>(v);
                break;
            case DateField::Hour12:
                hour12 = static_cast<int>(v);
                break;
            case DateField::Minute:
                minute = static_cast<int>(v);
                break;
            case DateField::Second:
                second = static_cast<int>(v);
                break;
            case DateField::Millis:
                // "SSS" is a count of milliseconds.
                if (v > 999)
                    return false;
                millis = static_cast<int>(v);
                break;
            default:
                return false;
            }
        }
        }
    }
    if (pos != s.size())
        return false;
    if (hour12 >= 0) {
        if (hour12 < 1 || hour12 > 12)
            return false;
        hour = hour12 % 12 + (pm == 1 ? 12 : 0);
    } else if (pm == 1 && hour < 12) {
        hour += 12;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23
        || minute > 59 || second > 60 || year < -1000000 || year > 1000000)
        return false;
    const std::int64_t days
        = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - zoneSeconds;
    out = static_cast<double>(secs) + millis / 1000.0;
    return true;
}

} // namespace sextant::engine::arff
