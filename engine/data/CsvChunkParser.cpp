#include "data/CsvChunkParser.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::engine::csv {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSwitchTextMax = 60;

enum class PassOutcome { Done, Again, Stop };

// One pass over the chunk with fixed column kinds. A Numeric column that meets text is
// marked Text in `kinds` and skipped for the rest of the pass (its cells so far are
// numbers, not the text the next pass must keep); the caller then parses again.
template<bool Quotes>
PassOutcome runPass(const char *begin, const char *end, bool atEof, const ChunkConfig &cfg,
    std::vector<Kind> &kinds, ChunkResult &out)
{
    const Setup &s = *cfg.setup;
    const int ncols = cfg.columns;
    const char delim = s.delimiter;
    const char eol = s.eol;
    const bool fast = s.fastNumbers;
    const bool numericMissing = !s.numericMissing.empty();
    std::vector<Kind> passKinds = kinds;
    bool switched = false;
    std::string scratch;

    const auto warn = [&](std::int64_t line, int field, QString message) {
        if (out.warnings.size() < static_cast<std::size_t>(std::max(cfg.maxWarnings, 0)))
            out.warnings.push_back({ line, field, std::move(message) });
        else
            ++out.droppedWarnings;
    };
    const auto expected = [&]() {
        return cfg.header ? QStringLiteral("expected %1 as in the header").arg(ncols)
                          : QStringLiteral("expected %1 as on the first line").arg(ncols);
    };
    // Numeric cells go to dst[c][out.rows]. Every Numeric column has room for `capRows`
    // rows; the room grows (for all of them at once, doubling) when a row would not fit.
    // It starts at what the chunk's bytes can hold (a complete row takes at least one
    // byte per column: its delimiters and line end), at most 1024 rows, so a wide table
    // reserves in proportion to its data, not 1024 rows times its width.
    constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();
    const std::size_t firstRoom = std::clamp<std::size_t>(
        static_cast<std::size_t>(end - begin) / static_cast<std::size_t>(std::max(ncols, 1)) + 1, 1,
        1024);
    std::vector<double *> dst(static_cast<std::size_t>(ncols), nullptr);
    std::size_t capRows = kUnlimited; // no Numeric column: nothing to make room for
    for (int c = 0; c < ncols; ++c) {
        if (passKinds[c] == Kind::Numeric) {
            capRows = std::min(capRows, out.numbers[c].size());
            dst[c] = out.numbers[c].data();
        }
    }
    const auto makeRoom = [&]() {
        capRows = std::max<std::size_t>(firstRoom, static_cast<std::size_t>(out.rows) * 2);
        for (int c = 0; c < ncols; ++c) {
            if (passKinds[c] != Kind::Numeric)
                continue;
            if (out.numbers[c].size() < capRows)
                out.numbers[c].resize(capRows);
            dst[c] = out.numbers[c].data();
        }
    };

    const auto pushMissing = [&](int c) {
        switch (passKinds[c]) {
        case Kind::Numeric:
            dst[c][out.rows] = kNaN;
            break;
        case Kind::Text:
            out.texts[c].codes.push_back(-1);
            break;
        case Kind::Skip:
            break;
        }
    };

    const char *p = begin;
    std::int64_t line = 0;
    while (p != end) {
        if (static_cast<std::size_t>(out.rows) >= capRows)
            makeRoom();
        int c = 0;
        FieldEnd fe = FieldEnd::Delimiter;
        std::int64_t fieldLine = line;
        bool blank = false;
        while (c < ncols) {
            const Kind kind = passKinds[c];
            fieldLine = line;
            if (kind == Kind::Numeric && fast) {
                // Fast path: the number straight from the bytes (NumberParser.h); the
                // parse stops at the delimiter. Anything unusual (out of range, text)
                // falls through to the general path.
                const char *q = p;
                while (q != end && s.isSpace(*q))
                    ++q;
                const char *numStart = q;
                double v;
                const char *numEnd = parseSimpleDecimal(q, end, v);
                if (!numEnd)
                    numEnd = parseNumberPrefix(q, end, v);
                if (numEnd) {
                    const char *t = numEnd;
                    while (t != end && s.isSpace(*t))
                        ++t;
                    FieldEnd e = FieldEnd::EndOfData;
                    bool ok = true;
                    if (t == end)
                        ok = atEof;
                    else if (*t == delim)
                        e = FieldEnd::Delimiter;
                    else if (*t == eol)
                        e = FieldEnd::Eol;
                    else
                        ok = false;
                    if (ok) {
                        if (numericMissing
                            && s.isNumericMissing(std::string_view(
                                numStart, static_cast<std::size_t>(numEnd - numStart))))
                            v = kNaN;
                        dst[c][out.rows] = v;
                        p = t == end ? end : t + 1;
                        fe = e;
                        ++c;
                        if (e == FieldEnd::Eol)
                            ++line;
                        if (e != FieldEnd::Delimiter)
                            break;
                        continue;
                    }
                }
            }

            // General path.
            const Field f = readField<Quotes>(p, end, s, scratch);
            if (f.end == FieldEnd::UnterminatedQuote || (f.end == FieldEnd::EndOfData && !atEof)) {
                if (!atEof) {
                    out.boundaryMismatch = true;
                    return PassOutcome::Stop;
                }
                out.error = ChunkIssue { fieldLine, c + 1,
                    QStringLiteral("unterminated quoted field: the quote "
                                   "opened here is never closed") };
                return PassOutcome::Stop;
            }
            if (c == 0 && f.end != FieldEnd::Delimiter && !f.quoted && f.text.empty()) {
                // An empty or blank line: skipped.
                p = f.next;
                line += f.newlines + (f.end == FieldEnd::Eol ? 1 : 0);
                blank = true;
                break;
            }
            if (f.strayText)
                warn(fieldLine, c + 1,
                    QStringLiteral("text after the closing quote; kept as part of the field"));
            line += f.newlines;
            p = f.next;
            switch (kind) {
            case Kind::Numeric: {
                const std::string_view t = s.trim(f.text);
                double v = kNaN;
                if (s.isMissing(t)) {
                    dst[c][out.rows] = kNaN;
                } else if (s.number(t, v)) {
                    if (numericMissing && s.isNumericMissing(t))
                        v = kNaN;
                    dst[c][out.rows] = v;
                } else {
                    // Text in a numeric column: the column is categorical.
                    out.switches.push_back({ c, fieldLine, std::string(t.substr(0, kSwitchTextMax)),
                        anyPresent(dst[c], std::size_t(out.rows)) });
                    kinds[c] = Kind::Text;
                    passKinds[c] = Kind::Skip;
                    switched = true;
                }
                break;
            }
            case Kind::Text: {
                ChunkText &col = out.texts[c];
                if (s.isMissing(s.trim(f.text))) {
                    col.codes.push_back(-1);
                } else {
                    bool added = false;
                    col.codes.push_back(col.values.insert(f.text, added));
                    if (added)
                        col.valueLines.push_back(fieldLine);
                }
                break;
            }
            case Kind::Skip:
                break;
            }
            fe = f.end;
            ++c;
            if (fe == FieldEnd::Eol)
                ++line;
            if (fe != FieldEnd::Delimiter)
                break;
        }
        if (blank)
            continue;

        if (c < ncols) {
            if (cfg.ragged == CsvOptions::RaggedRows::Error) {
                out.error = ChunkIssue { fieldLine, c + 1,
                    QStringLiteral("line has %1 field(s), %2").arg(c).arg(expected()) };
                return PassOutcome::Stop;
            }
            warn(fieldLine, c + 1,
                QStringLiteral("line has %1 field(s), %2; the missing cells are left empty")
                    .arg(c)
                    .arg(expected()));
            for (; c < ncols; ++c)
                pushMissing(c);
        } else if (fe == FieldEnd::Delimiter) {
            // More fields than columns: empty ones (a trailing delimiter) are ignored with
            // a warning, anything else is an error.
            int fields = ncols;
            int firstExtra = 0;
            std::int64_t extraLine = 0;
            const std::int64_t firstExtraLine = line;
            do {
                const std::int64_t at = line;
                const Field f = readField<Quotes>(p, end, s, scratch);
                if (f.end == FieldEnd::UnterminatedQuote
                    || (f.end == FieldEnd::EndOfData && !atEof)) {
                    if (!atEof) {
                        out.boundaryMismatch = true;
                        return PassOutcome::Stop;
                    }
                    out.error = ChunkIssue { at, fields + 1,
                        QStringLiteral("unterminated quoted field: the "
                                       "quote opened here is never closed") };
                    return PassOutcome::Stop;
                }
                ++fields;
                if (firstExtra == 0 && (f.quoted || !f.text.empty())) {
                    firstExtra = fields;
                    extraLine = at;
                }
                line += f.newlines;
                p = f.next;
                fe = f.end;
            } while (fe == FieldEnd::Delimiter);
            if (fe == FieldEnd::Eol)
                ++line;
            if (firstExtra != 0) {
                out.error = ChunkIssue { extraLine, firstExtra,
                    QStringLiteral("line has %1 fields, %2; field %3 is "
                                   "extra")
                        .arg(fields)
                        .arg(expected())
                        .arg(firstExtra) };
                return PassOutcome::Stop;
            }
            warn(firstExtraLine, ncols + 1,
                QStringLiteral("line ends with %1 empty field(s) after the last column; "
                               "ignored")
                    .arg(fields - ncols));
        }
        ++out.rows;
    }
    out.lines = line;
    return switched ? PassOutcome::Again : PassOutcome::Done;
}

void resetForPass(const std::vector<Kind> &kinds, ChunkResult &out)
{
    const std::size_t n = kinds.size();
    out.rows = 0;
    out.lines = 0;
    out.kinds = kinds;
    out.numbers.resize(n);
    // Text cells are kept per column only when some column is read as text: a numeric
    // table, however wide, holds no ChunkText (~130 bytes) per column.
    if (std::find(kinds.begin(), kinds.end(), Kind::Text) == kinds.end()) {
        out.texts = {};
    } else {
        out.texts.resize(n);
        for (std::size_t c = 0; c < n; ++c)
            out.texts[c].clear();
    }
    out.warnings.clear();
    out.droppedWarnings = 0;
    out.error.reset();
    out.boundaryMismatch = false;
}

} // namespace

void parseChunk(const char *begin, const char *end, bool atEof, bool hasQuotes,
    const ChunkConfig &config, std::vector<Kind> kinds, ChunkResult &out)
{
    out.switches.clear();
    const bool quotes = hasQuotes && config.setup->quoting;
    for (;;) {
        resetForPass(kinds, out);
        const PassOutcome outcome = quotes ? runPass<true>(begin, end, atEof, config, kinds, out)
                                           : runPass<false>(begin, end, atEof, config, kinds, out);
        if (outcome != PassOutcome::Again)
            break;
    }
}

} // namespace sextant::engine::csv
