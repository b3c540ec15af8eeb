#pragma once

// The one way Sextant reads a number from text. Every reader (CSV/TSV, ARFF, LIBSVM),
// the row-filter expressions (RowFilter, the Filter Rows node) and column conversion
// (Column::toNumeric) go through parseNumber below, so a cell that is a number in one
// place is the same number everywhere.
//
// Rules (locale-independent; the caller removes the blanks its format allows around a
// token, the parser itself accepts none):
//  - At most one sign, '+' or '-', then what std::from_chars (chars_format::general)
//    accepts: decimal digits with an optional '.' ("3.", ".5") and an optional exponent
//    ("1e-3", "2E+10"); "inf", "infinity" and "nan" in any case. The whole text must be
//    the number.
//  - Not numbers: "+-5", "-+5", "++5" (two signs), "", "+", ".", "1e", "1.2.3", hex
//    ("0x10"), thousands separators or decimal commas ("1,000", "1,5"), "1_000", "12abc",
//    "1 2", surrounding blanks.
//  - Out of range is never an error: the value rounds as IEEE round-to-nearest does,
//    to +-inf above double's range ("1e400" is inf, "-1e400" is -inf) and to +-0 or the
//    nearest subnormal below it ("1e-400" is 0), as strtod, Python and pandas give it.
//  - Results are exact (correctly rounded), whichever path below computes them.
// Integers (LIBSVM indices, qid) follow the same sign rule: parseInteger.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sextant::engine {

// Parses the whole of `text`; false (leaving `value` unspecified) when it is not a
// number by the rules above.
bool parseNumber(std::string_view text, double &value);

// An integer with at most one sign, digits only ("+7", "-3", "007"); false when it is
// anything else or does not fit in 64 bits.
bool parseInteger(std::string_view text, std::int64_t &value);

namespace number_detail {
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
} // namespace number_detail

// The fast path of parseNumber, for readers that find the end of a number while reading
// it (the CSV parser's hot loop): Clinger's fast path for plain decimals ("-12.345",
// "+7", ".5", "3."). When the digits form an integer m <= 2^53 and there are at most 22
// of them after the point, m / 10^k is one correctly rounded IEEE division of two exact
// doubles, hence exactly the value parseNumber returns, at a fraction of the cost.
// Returns the end of the number, or nullptr when the text at p is anything else
// (exponents, long mantissas, inf, nan, not a number), which the caller then gives to
// parseNumberPrefix or parseNumber.
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
    p = number_detail::accumulateDigits(p, end, m);
    const std::ptrdiff_t intDigits = p - digits;
    std::ptrdiff_t fracDigits = 0;
    if (p != end && *p == '.') {
        ++p;
        const char *frac = p;
        p = number_detail::accumulateDigits(p, end, m);
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

// The longest number at the start of [p, end) by the rules above, for a caller that
// checks what follows it (the general path after parseSimpleDecimal gave up): its end,
// or nullptr when there is none or it is out of range (the caller then gives the whole
// token to parseNumber, which rounds it).
const char *parseNumberPrefix(const char *p, const char *end, double &value);

} // namespace sextant::engine
