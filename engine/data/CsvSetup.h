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
#include "data/NumberParser.h"

#include <array>
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
    // The number format: '.' and no thousands separator (plainNumbers) is NumberParser's;
    // anything else is rewritten to it cell by cell (number()), off the fast path.
    char decimal = '.';
    char thousands = '\0';
    bool plainNumbers = true;
    // Per byte: kSpace (trimmed whitespace), kStop (delimiter or eol).
    std::array<std::uint8_t, 256> cls {};
    std::vector<std::string> missing; // missing tokens, trimmed, UTF-8
    std::vector<std::string> numericMissing; // the ones that parse as a (non-NaN) number
    std::size_t maxMissingLength = 0;

    static constexpr std::uint8_t kSpace = 1;
    static constexpr std::uint8_t kStop = 2;

    static Setup make(char delimiter, char quote, char eol, const QStringList &missingTokens);
    // Sets the decimal mark and thousands separator (CsvOptions); a format other than
    // NumberParser's turns the fast numeric path off.
    void setNumberFormat(char decimalMark, char thousandsSeparator);

    // `text` (trimmed) as a number in the setup's number format: NumberParser's rules
    // after the thousands separators (between groups of three digits of the integer
    // part only) are dropped and the decimal mark is read as '.'. With a decimal comma a
    // '.' that is not the thousands separator makes the text not a number.
    bool number(std::string_view text, double &value) const
    {
        return plainNumbers ? parseNumber(text, value) : localNumber(text, value);
    }
    bool localNumber(std::string_view text, double &value) const;

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
