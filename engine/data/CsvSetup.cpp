#include "data/CsvSetup.h"

#include <cmath>

namespace sextant::engine::csv {

Setup Setup::make(char delimiter, char quote, char eol, const QStringList &missingTokens)
{
    Setup s;
    s.delimiter = delimiter;
    s.quote = quote;
    s.eol = eol;
    s.quoting = quote != '\0';
    for (char c : { ' ', '\t' })
        s.cls[static_cast<unsigned char>(c)] |= kSpace;
    if (eol == '\n')
        s.cls[static_cast<unsigned char>('\r')] |= kSpace;
    // The delimiter and the line end are never whitespace.
    s.cls[static_cast<unsigned char>(delimiter)] = kStop;
    s.cls[static_cast<unsigned char>(eol)] = kStop;
    // The fast numeric path lets std::from_chars find the end of a number, which is only
    // right when the delimiter cannot be part of one.
    const std::string_view numberChars = "0123456789+-.eEiInNfFtTyYaA()_xXpP";
    s.fastNumbers = numberChars.find(delimiter) == std::string_view::npos
        && (!s.quoting || numberChars.find(quote) == std::string_view::npos);

    for (const QString &token : missingTokens) {
        const QByteArray utf8 = token.toUtf8();
        const std::string_view t
            = s.trim(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
        if (t.empty())
            continue;
        s.missing.emplace_back(t);
        s.maxMissingLength = std::max(s.maxMissingLength, t.size());
        double v = 0;
        if (parseNumber(t, v) && !std::isnan(v))
            s.numericMissing.emplace_back(t);
    }
    return s;
}

void Setup::setNumberFormat(char decimalMark, char thousandsSeparator)
{
    decimal = decimalMark;
    thousands = thousandsSeparator;
    plainNumbers = decimal == '.' && thousands == '\0';
    if (!plainNumbers)
        fastNumbers = false;
}

bool Setup::localNumber(std::string_view t, double &value) const
{
    std::string out;
    out.reserve(t.size());
    std::size_t i = 0;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (i < t.size() && (t[i] == '+' || t[i] == '-'))
        out.push_back(t[i++]);
    // The integer part; separators only between groups: 1-3 digits, then groups of 3.
    int groupDigits = 0;
    bool grouped = false;
    while (i < t.size()) {
        const char c = t[i];
        if (digit(c)) {
            out.push_back(c);
            ++groupDigits;
            ++i;
        } else if (thousands != '\0' && c == thousands) {
            if (grouped ? groupDigits != 3 : (groupDigits < 1 || groupDigits > 3))
                return false;
            grouped = true;
            groupDigits = 0;
            ++i;
        } else {
            break;
        }
    }
    if (grouped && groupDigits != 3)
        return false;
    if (i < t.size() && t[i] == decimal) {
        out.push_back('.');
        ++i;
    }
    // The fraction, an exponent, or inf/nan: as NumberParser reads them, but neither a
    // separator nor a '.' that is not the decimal mark.
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == decimal || (thousands != '\0' && c == thousands) || c == '.')
            return false;
        out.push_back(c);
    }
    return parseNumber(out, value);
}

const char *scanRecords(const char *begin, const char *end, const Setup &s,
    const std::vector<const char *> &targets, std::vector<const char *> &splits)
{
    splits.assign(targets.size(), nullptr);
    std::size_t nextTarget = 0;
    const char *lastEnd = nullptr;
    const char *p = begin;
    for (;;) {
        // At a field start.
        while (p != end && s.isSpace(*p))
            ++p;
        if (s.quoting && p != end && *p == s.quote) {
            const char *q = p + 1;
            for (;;) {
                const char *close = static_cast<const char *>(
                    std::memchr(q, s.quote, static_cast<std::size_t>(end - q)));
                if (!close)
                    return lastEnd;
                if (close + 1 != end && close[1] == s.quote) {
                    q = close + 2;
                    continue;
                }
                p = close + 1;
                break;
            }
        }
        // Unquoted text, or whatever follows a closing quote: up to a delimiter or eol.
        while (p != end && !s.isStop(*p))
            ++p;
        if (p == end)
            return lastEnd;
        if (*p == s.eol) {
            lastEnd = p + 1;
            while (nextTarget < targets.size() && targets[nextTarget] <= p)
                splits[nextTarget++] = lastEnd;
        }
        ++p;
    }
}

} // namespace sextant::engine::csv
