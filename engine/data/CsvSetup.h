#pragma once

// Private to the CSV reader: the dialect of a delimited-text file and the one routine
// that reads a field. Everything that tokenizes (the sniffer, the chunk parser, the
// record scanner) follows the grammar below, so they all agree on where records end.
//
// Grammar (RFC 4180, made lenient where real files are sloppy):
//  - A record is a list of fields separated by `delimiter` and ended by `eol` or by the
//    end of the data. With eol '\n' a '\r' before it (CRLF) is whitespace.
//  - A field may start with whitespace (space; tab unless tab is the delimiter; '\r').
//    If the next character is `quote`, the field is quoted: it runs to the next quote
//    that is not doubled, and may contain delimiters and line ends; "" stands for ".
//    Whitespace may follow the closing quote. Any other text after it is kept (appended
//    to the field) and flagged, which the reader reports as a warning.
//  - An unquoted field runs to the next delimiter or line end; a quote inside it is an
//    ordinary character. Surrounding whitespace is trimmed.
//  - A record that is a single unquoted empty field (an empty or blank line) is skipped.

#include "data/CsvOptions.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace sextant::engine::csv {

// How one field ended.
enum class FieldEnd : std::uint8_t {
    Delimiter,
    Eol,
    EndOfData,
    UnterminatedQuote, // a quoted field ran to the end of the data
};

struct Field {
    // Unquoted: trimmed text. Quoted: the content with "" collapsed, untrimmed (points
    // into the input, or into the scratch string when quotes were doubled).
    std::string_view text;
    const char *next = nullptr; // first byte after the terminator
    std::int64_t newlines = 0; // line ends inside the field (quoted fields only)
    FieldEnd end = FieldEnd::EndOfData;
    bool quoted = false;
    bool strayText = false; // text followed the closing quote
};

// The dialect plus derived lookup tables. Cheap to copy.
struct Setup {
    char delimiter = ',';
    char quote = '"';
    char eol = '\n';
    bool quoting = true; // quote != '\0'
    bool fastNumbers = true; // the delimiter cannot occur inside a number
    // Per byte: kSpace (trimmed whitespace), kStop (delimiter or eol).
    std::array<std::uint8_t, 256> cls {};
    std::vector<std::string> missing; // missing tokens, trimmed, UTF-8
    std::vector<std::string> numericMissing; // the ones that parse as a (non-NaN) number
    std::size_t maxMissingLength = 0;

    static constexpr std::uint8_t kSpace = 1;
    static constexpr std::uint8_t kStop = 2;

    static Setup make(char delimiter, char quote, char eol, const QStringList &missingTokens);

    bool isSpace(char c) const { return cls[static_cast<unsigned char>(c)] & kSpace; }
    bool isStop(char c) const { return cls[static_cast<unsigned char>(c)] & kStop; }
    // `text` must be trimmed.
    bool isMissing(std::string_view text) const
    {
        if (text.empty())
            return true;
        if (text.size() > maxMissingLength)
            return false;
        for (const std::string &m : missing)
            if (m == text)
                return true;
        return false;
    }
    bool isNumericMissing(std::string_view text) const
    {
        for (const std::string &m : numericMissing)
            if (m == text)
                return true;
        return false;
    }

    std::string_view trim(std::string_view s) const
    {
        std::size_t b = 0, e = s.size();
        while (b < e && isSpace(s[b]))
            ++b;
        while (e > b && isSpace(s[e - 1]))
            --e;
        return s.substr(b, e - b);
    }
};

// Parses the whole of `text` (trimmed) as a number: what std::from_chars accepts (exact,
// locale-independent; also inf, infinity, nan) plus a leading '+'. Out-of-range values
// become +-inf or +-0 (or the nearest subnormal) as strtod gives them.
bool parseNumber(std::string_view text, double &value);

// Clinger's fast path for plain decimals ("-12.345", "+7", ".5", "3."): when the digits
// form an integer m <= 2^53 and there are at most 22 of them after the point, m / 10^k
// is one correctly rounded IEEE division of two exact doubles, hence exactly the value
// std::from_chars returns, at a fraction of the cost. Returns the end of the number, or
// nullptr when the text is anything else (exponents, long mantissas, inf, nan, ...),
// which the caller then gives to std::from_chars.
namespace detail {
// Eight ASCII digits at once (SWAR), as in fast_float; zero bytes count as 0.
inline std::uint64_t load8(const char *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
inline std::uint32_t parseDigits8(std::uint64_t v)
{
    // Little-endian: the first digit is the lowest byte.
    v = ((v & 0x0F0F0F0F0F0F0F0F) * 2561) >> 8;
    v = ((v & 0x00FF00FF00FF00FF) * 6553601) >> 16;
    return static_cast<std::uint32_t>(((v & 0x0000FFFF0000FFFF) * 42949672960001) >> 32);
}
// Appends the decimal digits at p to m; returns the first non-digit. Eight bytes at a
// time: the first non-digit byte of a word is found with bit tricks (a borrow or carry
// only travels towards later bytes, so the bytes before it are exact), the digits
// before it are moved to the top of the word and converted at once.
inline const char *accumulateDigits(const char *p, const char *end, std::uint64_t &m)
{
    static constexpr std::uint64_t kPow10u[9]
        = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
    // Overflow of `m` is harmless: callers reject more than 19 digits.
    while (end - p >= 8) {
        const std::uint64_t x = load8(p);
        const std::uint64_t a = x - 0x3030303030303030ull;
        const std::uint64_t nonDigit = ((a + 0x7676767676767676ull) | a) & 0x8080808080808080ull;
        const int n = nonDigit ? std::countr_zero(nonDigit) >> 3 : 8;
        if (n < 4) {
            // Few digits (an integer part like "0"): one by one is cheaper.
            for (int i = 0; i < n; ++i)
                m = m * 10 + static_cast<unsigned>(p[i] - '0');
            return p + n;
        }
        m = m * kPow10u[n] + parseDigits8(n == 8 ? x : x << (64 - 8 * n));
        p += n;
        if (n < 8)
            return p;
    }
    while (p != end && static_cast<unsigned char>(*p - '0') < 10) {
        m = m * 10 + static_cast<unsigned>(*p - '0');
        ++p;
    }
    return p;
}
} // namespace detail

[[gnu::always_inline]] inline const char *parseSimpleDecimal(
    const char *p, const char *end, double &value)
{
    static constexpr double kPow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    bool negative = false;
    if (p != end && (*p == '-' || *p == '+')) {
        negative = *p == '-';
        ++p;
    }
    std::uint64_t m = 0;
    const char *digits = p;
    p = detail::accumulateDigits(p, end, m);
    const std::ptrdiff_t intDigits = p - digits;
    std::ptrdiff_t fracDigits = 0;
    if (p != end && *p == '.') {
        ++p;
        const char *frac = p;
        p = detail::accumulateDigits(p, end, m);
        fracDigits = p - frac;
    }
    // At most 19 digits cannot overflow 64 bits.
    if (intDigits + fracDigits == 0 || intDigits + fracDigits > 19 || fracDigits > 22
        || m > (std::uint64_t(1) << 53))
        return nullptr;
    if (p != end && (*p == 'e' || *p == 'E'))
        return nullptr;
    // (-m) / 10^k == -(m / 10^k) exactly: IEEE division is symmetric in the sign.
    const double numerator = negative ? -static_cast<double>(m) : static_cast<double>(m);
    value = numerator / kPow10[fracDigits];
    return p;
}

inline std::int64_t countByte(const char *b, const char *e, char c)
{
    std::int64_t n = 0;
    while (b != e) {
        const void *hit = std::memchr(b, c, static_cast<std::size_t>(e - b));
        if (!hit)
            break;
        ++n;
        b = static_cast<const char *>(hit) + 1;
    }
    return n;
}

// Reads one field starting at `p` (< `end`, or == end for an empty last field).
// `Quotes` = false compiles the quote handling out (for input known to hold no quote).
template<bool Quotes>
inline Field readField(const char *p, const char *end, const Setup &s, std::string &scratch)
{
    Field f;
    while (p != end && s.isSpace(*p))
        ++p;
    const char *start = p; // first byte of the unquoted text
    if constexpr (Quotes) {
        if (p != end && *p == s.quote) {
            f.quoted = true;
            const char *q = p + 1;
            const char *content = q;
            bool copied = false;
            for (;;) {
                const char *close = static_cast<const char *>(
                    std::memchr(q, s.quote, static_cast<std::size_t>(end - q)));
                if (!close) {
                    f.newlines += countByte(q, end, s.eol);
                    f.end = FieldEnd::UnterminatedQuote;
                    f.next = end;
                    return f;
                }
                f.newlines += countByte(q, close, s.eol);
                if (close + 1 != end && close[1] == s.quote) {
                    // A doubled quote: keep one.
                    if (!copied) {
                        scratch.assign(content, close + 1);
                        copied = true;
                    } else {
                        scratch.append(q, close + 1);
                    }
                    q = close + 2;
                    continue;
                }
                if (copied) {
                    scratch.append(q, close);
                    f.text = scratch;
                } else {
                    f.text = std::string_view(content, static_cast<std::size_t>(close - content));
                }
                p = close + 1;
                break;
            }
            while (p != end && s.isSpace(*p))
                ++p;
            if (p == end) {
                f.end = FieldEnd::EndOfData;
                f.next = end;
                return f;
            }
            if (*p == s.delimiter || *p == s.eol) {
                f.end = *p == s.delimiter ? FieldEnd::Delimiter : FieldEnd::Eol;
                f.next = p + 1;
                return f;
            }
            // Stray text after the closing quote: keep it, as Python's csv module does.
            f.strayText = true;
            if (!copied)
                scratch.assign(f.text.data(), f.text.size());
            start = p;
            while (p != end && !s.isStop(*p))
                ++p;
            const char *e = p;
            while (e != start && s.isSpace(e[-1]))
                --e;
            scratch.append(start, e);
            f.text = scratch;
            f.end = p == end ? FieldEnd::EndOfData
                             : (*p == s.delimiter ? FieldEnd::Delimiter : FieldEnd::Eol);
            f.next = p == end ? end : p + 1;
            return f;
        }
    }
    while (p != end && !s.isStop(*p))
        ++p;
    const char *e = p;
    while (e != start && s.isSpace(e[-1]))
        --e;
    f.text = std::string_view(start, static_cast<std::size_t>(e - start));
    if (p == end) {
        f.end = FieldEnd::EndOfData;
        f.next = end;
    } else {
        f.end = *p == s.delimiter ? FieldEnd::Delimiter : FieldEnd::Eol;
        f.next = p + 1;
    }
    return f;
}

// Finds record ends in [begin, end) without decoding fields (the same grammar as
// readField). `begin` must be a record start. Returns the end (one past the eol) of the
// last complete record, or nullptr when no record is complete. For each target offset
// in `targets` (ascending), `splits` receives the end of the first record ending at or
// after it (or nullptr).
const char *scanRecords(const char *begin, const char *end, const Setup &s,
    const std::vector<const char *> &targets, std::vector<const char *> &splits);

} // namespace sextant::engine::csv
