#include "data/NumberParser.h"

#include <charconv>
#include <clocale>
#include <cstdlib>
#include <locale.h>
#include <string>

namespace sextant::engine {

namespace {
// strtod in the "C" locale, whatever the process locale is.
double strtodC(const std::string &text)
{
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return strtod_l(text.c_str(), nullptr, cLocale);
}

// Skips one leading '+' (std::from_chars takes '-' only); nullptr when a second sign
// follows, which is never a number.
const char *skipPlus(const char *b, const char *e)
{
    if (b != e && *b == '+') {
        ++b;
        if (b != e && (*b == '+' || *b == '-'))
            return nullptr;
    }
    return b;
}
} // namespace

const char *parseNumberPrefix(const char *p, const char *end, double &value)
{
    const char *b = skipPlus(p, end);
    if (!b || b == end)
        return nullptr;
    const auto res = std::from_chars(b, end, value);
    return res.ec == std::errc() ? res.ptr : nullptr;
}

bool parseNumber(std::string_view text, double &value)
{
    const char *e = text.data() + text.size();
    if (parseSimpleDecimal(text.data(), e, value) == e)
        return true;
    const char *b = skipPlus(text.data(), e);
    if (!b || b == e)
        return false;
    const auto res = std::from_chars(b, e, value);
    if (res.ptr != e)
        return false;
    if (res.ec == std::errc())
        return true;
    if (res.ec == std::errc::result_out_of_range) {
        // A well-formed number beyond double's range: what strtod makes of it
        // (+-HUGE_VAL, +-0 or a subnormal), correctly rounded.
        value = strtodC(std::string(b, e));
        return true;
    }
    return false;
}

bool parseInteger(std::string_view text, std::int64_t &value)
{
    const char *e = text.data() + text.size();
    const char *b = skipPlus(text.data(), e);
    if (!b || b == e)
        return false;
    const auto res = std::from_chars(b, e, value);
    return res.ec == std::errc() && res.ptr == e;
}

} // namespace sextant::engine
