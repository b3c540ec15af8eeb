#include "data/CsvSniffer.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace sextant::engine::csv {

Sample tokenizeSample(const char *begin, const char *end, bool atEof, const Setup &setup,
    std::size_t maxRecords, bool wantFields)
{
    Sample sample;
    std::string scratch;
    const char *p = begin;
    std::int64_t line = 0;
    while (p != end && sample.records.size() < maxRecords) {
        SampleRecord rec;
        rec.line = line;
        const char *q = p;
        std::int64_t recLine = line;
        bool complete = false;
        bool blank = false;
        for (;;) {
            const std::int64_t fieldLine = recLine;
            const Field f = setup.quoting ? readField<true>(q, end, setup, scratch)
                                          : readField<false>(q, end, setup, scratch);
            recLine += f.newlines;
            if (f.end == FieldEnd::UnterminatedQuote) {
                if (atEof) {
                    sample.unterminated = true;
                    sample.unterminatedLine = fieldLine;
                    sample.unterminatedField = rec.fieldCount + 1;
                }
                break;
            }
            if (f.end == FieldEnd::EndOfData && !atEof)
                break; // may continue past the sample
            if (rec.fieldCount == 0 && f.end != FieldEnd::Delimiter && !f.quoted && f.text.empty())
                blank = true;
            ++rec.fieldCount;
            if (wantFields)
                rec.fields.emplace_back(f.text);
            q = f.next;
            if (f.end == FieldEnd::Delimiter)
                continue;
            if (f.end == FieldEnd::Eol)
                ++recLine;
            complete = true;
            break;
        }
        if (!complete)
            break;
        p = q;
        line = recLine;
        sample.scannedBytes = static_cast<std::size_t>(p - begin);
        sample.scannedLines = line;
        if (blank)
            continue;
        rec.endOffset = sample.scannedBytes;
        rec.endLine = line;
        sample.records.push_back(std::move(rec));
    }
    return sample;
}

char detectEol(const char *begin, const char *end)
{
    const auto n = static_cast<std::size_t>(end - begin);
    if (std::memchr(begin, '\n', n))
        return '\n';
    // A '\r' followed by something else (not one that ends the sample, which might be
    // the first half of a CRLF).
    const char *cr = static_cast<const char *>(std::memchr(begin, '\r', n));
    if (cr && cr + 1 != end)
        return '\r';
    return '\n';
}

char sniffDelimiter(
    const char *begin, const char *end, bool atEof, char quote, char eol, char exclude)
{
    struct Score {
        double consistency = 0;
        int fields = 1;
    };
    char best = exclude == ',' ? ';' : ',';
    Score bestScore;
    for (char candidate : { ',', '\t', ';', '|' }) {
        if (candidate == quote || candidate == exclude)
            continue;
        const Setup setup = Setup::make(candidate, quote, eol, {});
        const Sample sample = tokenizeSample(begin, end, atEof, setup, 2000, false);
        if (sample.records.empty())
            continue;
        std::map<int, int> counts;
        for (const SampleRecord &r : sample.records)
            ++counts[r.fieldCount];
        // The most common field count (the larger one on a tie).
        int mode = 1, modeCount = 0;
        for (const auto &[fields, n] : counts)
            if (n >= modeCount) {
                mode = fields;
                modeCount = n;
            }
        if (mode <= 1)
            continue;
        Score score { double(modeCount) / double(sample.records.size()), mode };
        // Consistency first (in steps of 1%, so one odd line does not decide), then the
        // number of fields; on a full tie the earlier candidate stays.
        const auto key = [](const Score &s) {
            return std::pair<int, int>(int(s.consistency * 100.0 + 1e-9), s.fields);
        };
        if (bestScore.fields <= 1 || key(score) > key(bestScore)) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

QString binaryReason(const char *begin, const char *end, std::size_t &offset)
{
    const auto n = static_cast<std::size_t>(end - begin);
    if (const void *nul = std::memchr(begin, '\0', n)) {
        offset = static_cast<std::size_t>(static_cast<const char *>(nul) - begin);
        return QStringLiteral("does not look like text: it contains NUL bytes (binary data, "
                              "or UTF-16 text without a byte order mark: set the encoding "
                              "to UTF-16; UTF-32 is not supported)");
    }
    std::size_t control = 0;
    std::size_t first = n;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(begin[i]);
        const bool isControl = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
                                   && c != '\v' && c != 0x1a)
            || c == 0x7f;
        if (isControl) {
            ++control;
            if (first == n)
                first = i;
        }
    }
    if (control > 0 && control * 100 > n) {
        offset = first;
        return QStringLiteral("does not look like text: %1% of the first %2 bytes are control "
                              "characters")
            .arg(control * 100 / n)
            .arg(n);
    }
    return {};
}

bool detectHeader(const Sample &sample, const Setup &setup)
{
    if (sample.records.empty())
        return false;
    const SampleRecord &first = sample.records.front();
    const auto present
        = [&](const std::string &cell) { return !setup.isMissing(setup.trim(cell)); };
    const auto numeric = [&](const std::string &cell) {
        double v = 0;
        return setup.number(setup.trim(cell), v);
    };

    if (sample.records.size() == 1) {
        for (const std::string &cell : first.fields)
            if (!present(cell) || numeric(cell))
                return false;
        return true;
    }

    const std::size_t ncols = first.fields.size();
    bool allText = true;
    bool anyTextColumn = false;
    bool anyFirstPresent = false;
    bool firstRecurs = false;
    for (std::size_t c = 0; c < ncols; ++c) {
        const std::string &head = first.fields[c];
        const bool headPresent = present(head);
        const bool headNumeric = headPresent && numeric(head);
        anyFirstPresent = anyFirstPresent || headPresent;
        std::size_t laterPresent = 0, laterNumeric = 0;
        bool recurs = false;
        for (std::size_t r = 1; r < sample.records.size(); ++r) {
            const auto &fields = sample.records[r].fields;
            if (c >= fields.size() || !present(fields[c]))
                continue;
            ++laterPresent;
            if (numeric(fields[c]))
                ++laterNumeric;
            if (headPresent && setup.trim(fields[c]) == setup.trim(head))
                recurs = true;
        }
        // Rule 1: a text cell above numbers.
        if (headPresent && !headNumeric && laterPresent > 0 && laterNumeric == laterPresent)
            return true;
        // A column with no present later cells says nothing either way.
        if (headNumeric || (laterPresent > 0 && laterNumeric == laterPresent))
            allText = false;
        anyTextColumn = anyTextColumn || laterNumeric < laterPresent;
        firstRecurs = firstRecurs || recurs;
    }
    // Rule 2: text everywhere, and the first record's values are not values of the data.
    return allText && anyTextColumn && anyFirstPresent && !firstRecurs;
}

QString detectPreamble(const Sample &sample, const Setup &setup, bool detectingHeader)
{
    if (sample.records.size() < 3)
        return {};
    const SampleRecord &first = sample.records.front();
    const auto present
        = [&](const std::string &cell) { return !setup.isMissing(setup.trim(cell)); };
    const auto numeric = [&](const std::string &cell) {
        double v = 0;
        return setup.number(setup.trim(cell), v);
    };

    bool anyNumber = false, anyMissing = false;
    for (const std::string &cell : first.fields) {
        if (!present(cell))
            anyMissing = true;
        else if (numeric(cell))
            anyNumber = true;
    }
    const SampleRecord &second = sample.records[1];
    if (first.fieldCount < second.fieldCount) {
        // The field count of the records after the first, when 90% of them agree.
        std::map<int, std::size_t> counts;
        for (std::size_t r = 1; r < sample.records.size(); ++r)
            ++counts[sample.records[r].fieldCount];
        int mode = 0;
        std::size_t modeCount = 0;
        for (const auto &[fields, n] : counts)
            if (n > modeCount) {
                mode = fields;
                modeCount = n;
            }
        const std::size_t rest = sample.records.size() - 1;
        if (modeCount < 2 || modeCount * 10 < rest * 9 || first.fieldCount >= mode)
            return {};
        if (first.fieldCount == 1 && !anyNumber)
            return QStringLiteral("a title before the table (1 field where the rows have %1)")
                .arg(mode);
        if (anyNumber)
            return QStringLiteral("a count or a title before the table (%1 fields where the "
                                  "rows have %2)")
                .arg(first.fieldCount)
                .arg(mode);
        return {};
    }

    if (!detectingHeader || first.fieldCount != second.fieldCount || !(anyNumber || anyMissing))
        return {};
    for (const std::string &cell : second.fields)
        if (!present(cell) || numeric(cell))
            return {};
    Sample after;
    after.records.assign(sample.records.begin() + 1, sample.records.end());
    if (!detectHeader(after, setup))
        return {};
    return QStringLiteral("a count or a title above the header on line %1").arg(second.line + 1);
}

} // namespace sextant::engine::csv
