#include "data/CsvLoader.h"

#include "core/Parallel.h"
#include "core/ThreadCount.h"
#include "data/CsvChunkParser.h"
#include "data/CsvSniffer.h"
#include "data/TextBlockReader.h"
#include "data/TextEncoding.h"
#include "data/TextSource.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStringDecoder>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <new>
#include <thread>

namespace sextant::engine::csv {

namespace {

constexpr std::size_t kSampleRecords = 5000;
// Share of the progress bar for the main pass; the rest is building the columns.
constexpr double kParseShare = 0.95;

// UTF-8, or Latin-1 when the bytes are not valid UTF-8 (TextEncoding.h).
QString decode(std::string_view bytes, bool &invalid)
{
    return text::decode(bytes, invalid);
}

QString shortened(const QString &s)
{
    constexpr int kMax = 40;
    return s.size() <= kMax ? s : s.left(kMax) + QStringLiteral("...");
}

template<typename T> void appendGrowing(std::vector<T> &to, const T *data, std::size_t n)
{
    // Past the reserved estimate grow by half, not by doubling: these vectors are big.
    if (to.size() + n > to.capacity())
        to.reserve(std::max(to.size() + n, to.capacity() + to.capacity() / 2));
    to.insert(to.end(), data, data + n);
}

// ---------------------------------------------------------------------------------------
// Warnings, capped

class WarningSink {
public:
    // Keeps the first `max` warnings in file order (line, then field), whatever order
    // they arrive in, so the result does not depend on how the file was cut into chunks.
    explicit WarningSink(int max) : m_max(static_cast<std::size_t>(std::max(max, 0))) { }
    void add(LoadIssue issue)
    {
        m_kept.push_back(std::move(issue));
        if (m_kept.size() > 2 * m_max + 16)
            trim();
    }
    void addDropped(std::int64_t n) { m_dropped += n; }
    QList<LoadIssue> finish(const QString &file)
    {
        trim();
        QList<LoadIssue> out(m_kept.begin(), m_kept.end());
        if (m_dropped > 0)
            out.push_back(
                { file, 0, 0, QStringLiteral("%1 more warning(s) not shown").arg(m_dropped) });
        return out;
    }

private:
    void trim()
    {
        std::stable_sort(m_kept.begin(), m_kept.end(), [](const LoadIssue &a, const LoadIssue &b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
        if (m_kept.size() > m_max) {
            m_dropped += static_cast<std::int64_t>(m_kept.size() - m_max);
            m_kept.resize(m_max);
        }
    }

    std::size_t m_max;
    std::vector<LoadIssue> m_kept;
    std::int64_t m_dropped = 0;
};

// ---------------------------------------------------------------------------------------
// A text column's dictionary: bytes -> code, categories in order of first appearance.

struct Dictionary {
    StringTable keys; // code -> bytes
    QStringList categories; // code -> decoded text

    // Returns the code of `bytes`, adding it when new; `invalid` tells whether a new
    // entry was not valid UTF-8 (decoded as Latin-1).
    std::int32_t insert(std::string_view bytes, bool &added, bool &invalid)
    {
        invalid = false;
        const std::int32_t code = keys.insert(bytes, added);
        if (added)
            categories.push_back(decode(bytes, invalid));
        return code;
    }
};

// One result column while loading.
struct ColumnBuilder {
    Kind kind = Kind::Numeric;
    // Numeric: every row so far. Text: the first `prefixRows` rows, read as numbers
    // before the column met text; they become categories at the end.
    std::vector<double> values;
    std::int64_t prefixRows = 0;
    std::vector<std::int32_t> codes; // Text: rows from prefixRows on
    // Text: the categories, made when the column first meets text (a numeric column of a
    // wide table carries no dictionary: 8 bytes instead of ~100).
    std::unique_ptr<Dictionary> dict;

    Dictionary &dictionary()
    {
        if (!dict)
            dict = std::make_unique<Dictionary>();
        return *dict;
    }

    void switchToText()
    {
        kind = Kind::Text;
        prefixRows = static_cast<std::int64_t>(values.size());
        codes.reserve(values.capacity() > values.size() ? values.capacity() - values.size() : 0);
    }
};

// Texts of the prefix rows of a switched column, re-read from the source.
struct PrefixText {
    std::vector<std::int32_t> codes;
    Dictionary dict;
};

struct ChunkRange {
    const char *begin = nullptr;
    const char *end = nullptr;
    bool atEof = false;
};

// A numeric column that met text in a block.
struct BlockSwitch {
    int column = 0;
    std::int64_t line = 0; // absolute, 1-based
    std::string text;
    bool afterNumbers = false;
};

enum class BlockStatus { Ok, Failed, Cancelled };

// Receives each parsed block: the columns that switched to text in it, the number of
// chunks (in Loader::m_chunks), the block's first line and its size in bytes.
using BlockSink
    = std::function<void(const std::vector<BlockSwitch> &, std::size_t, std::int64_t, std::size_t)>;

// ---------------------------------------------------------------------------------------

class Loader {
public:
    Loader(TextSource &source, QString name, const CsvOptions &options, const LoadControl &control,
        const Tuning &tuning, CsvDialect *dialect = nullptr)
        : m_source(source), m_name(std::move(name)), m_options(options), m_control(control),
          m_tuning(tuning), m_warnings(options.maxWarnings), m_dialect(dialect)
    {
        m_threads = threadCountOr(options.threads);
        m_threads = std::clamp(m_threads, 1, 64);
    }

    LoadResult run()
    {
        // Every allocation failure, in this thread or a worker, ends here: a refusal with
        // an estimate of what the whole table needs, never an abort.
        try {
            return load();
        } catch (const std::bad_alloc &) {
            return LoadResult::failure(notEnoughMemory(m_name, memoryNeeded()));
        } catch (const std::length_error &) {
            return LoadResult::failure(notEnoughMemory(m_name, memoryNeeded()));
        }
    }

private:
    LoadResult fail(std::int64_t line, int field, const QString &message) const
    {
        return LoadResult::failure({ m_name, line, field, message });
    }

    LoadResult load();
    // About how many bytes the whole table takes while loading: a double per cell of the
    // estimated rows (file size / bytes per row so far), the file's size when nothing
    // was parsed yet, plus the block buffers.
    double memoryNeeded() const
    {
        const double total = m_total > 0 ? double(m_total) : 0.0;
        double cells = 0;
        if (m_rows > 0 && m_parsedBytes > 0)
            cells = double(m_rows) * total / double(m_parsedBytes) * double(m_columns);
        else
            cells = total / 2; // at least a byte and a delimiter per cell
        return cells * double(sizeof(double)) + 4.0 * double(m_tuning.blockBytes);
    }
    LoadResult recordTooLong(const char *begin, const char *end, std::int64_t line) const;
    void inferInitialKinds(const Sample &sample, std::size_t firstData, std::int64_t lineBase);
    QStringList columnNames(const SampleRecord *header, std::int64_t headerLine);
    BlockStatus runBlocks(TextBlockReader &stream, std::int64_t line, std::vector<Kind> &kinds,
        std::int64_t rowLimit, const BlockSink &sink);
    void runParallel(std::size_t n, const std::function<void(std::size_t)> &job);
    void mergeBlock(
        const std::vector<BlockSwitch> &switches, std::size_t nChunks, std::int64_t blockLine);
    void mergeText(ColumnBuilder &col, int c, const ChunkText &text, std::int64_t chunkLine,
        std::vector<LoadIssue> &warnings) const;
    bool restorePrefixes(
        std::int64_t dataStart, std::int64_t dataLine, std::vector<PrefixText> &prefixes);
    Column finishColumn(int c, const QString &name, PrefixText *prefix);
    bool reserveColumns(double bytesPerRow, std::int64_t dataBytes);
    // No bigger than a small file needs (+ a little, so the first read sees the end).
    std::size_t bufferSize(std::size_t wanted) const
    {
        return m_total >= 0 ? std::min(wanted, static_cast<std::size_t>(m_total) + 64) : wanted;
    }
    void reportProgress(std::int64_t position) const
    {
        if (m_total > 0 && m_mainPass)
            m_control.report(kParseShare * std::min(1.0, double(position) / double(m_total)));
    }

    TextSource &m_source;
    QString m_name;
    const CsvOptions &m_options;
    const LoadControl &m_control;
    Tuning m_tuning;
    WarningSink m_warnings;
    int m_threads = 1;
    std::int64_t m_total = -1;
    bool m_mainPass = true; // progress is reported for the main pass only

    Setup m_setup;
    ChunkConfig m_config;
    int m_columns = 0;
    std::vector<Kind> m_kinds;
    std::vector<ColumnBuilder> m_builders;
    std::vector<ChunkResult> m_chunks;
    std::vector<ChunkRange> m_ranges;
    std::int64_t m_rows = 0;
    std::int64_t m_parsedBytes = 0; // main pass, for memoryNeeded()
    std::optional<LoadIssue> m_error;
    CsvDialect *m_dialect = nullptr; // receives what was sniffed, when given
};

LoadResult Loader::load()
{
    const CsvOptions &opt = m_options;
    const auto badChar = [](char c) { return c == '\n' || c == '\r'; };
    if (badChar(opt.delimiter) || badChar(opt.quote)
        || (opt.delimiter != '\0' && opt.delimiter == opt.quote))
        return fail(0, 0,
            QStringLiteral("invalid options: the delimiter and the quote must differ "
                           "and cannot be line ends"));
    if ((opt.decimal != '.' && opt.decimal != ',') || opt.decimal == opt.thousands
        || (opt.thousands != '\0'
            && (opt.thousands == opt.delimiter || opt.thousands == opt.quote
                || badChar(opt.thousands)))
        || opt.decimal == opt.delimiter || opt.decimal == opt.quote)
        return fail(0, 0,
            QStringLiteral("invalid options: the decimal mark must be '.' or ',', and differ "
                           "from the thousands separator, the delimiter and the quote"));

    m_total = m_source.totalSize();
    TextBlockReader stream(
        m_source, bufferSize(std::max(m_tuning.blockBytes, m_tuning.sampleBytes)), 0);
    if (!stream.fill())
        return fail(0, 0, QStringLiteral("read error: %1").arg(m_source.errorString()));
    if (stream.available() == 0)
        return fail(1, 1, QStringLiteral("the file is empty (0 bytes)"));

    // Byte order marks: UTF-8 is skipped, UTF-16/32 refused.
    if (const QString refused = text::unsupportedEncoding(stream.begin(), stream.available());
        !refused.isEmpty())
        return fail(1, 1, refused);
    stream.consume(text::utf8BomLength(stream.begin(), stream.available()));

    // Nothing but whitespace (all of the file is in the buffer).
    if (stream.eof() && std::all_of(stream.begin(), stream.end(), [](char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        }))
        return fail(1, 1, QStringLiteral("the file contains only whitespace, no data"));

    // Lines to skip: whole physical lines, before anything is sniffed.
    std::int64_t lineBase = 1; // the physical line of stream.begin()
    if (opt.skipLines > 0) {
        const char eol = detectEol(stream.begin(), stream.end());
        for (int skipped = 0; skipped < opt.skipLines;) {
            const void *at = std::memchr(stream.begin(), eol, stream.available());
            if (at) {
                stream.consume(
                    static_cast<std::size_t>(static_cast<const char *>(at) + 1 - stream.begin()));
                ++skipped;
                ++lineBase;
                continue;
            }
            if (stream.eof()) {
                if (stream.available() > 0) { // a last line without a line end
                    stream.consume(stream.available());
                    ++skipped;
                    ++lineBase;
                }
                if (skipped < opt.skipLines || stream.available() == 0)
                    return fail(lineBase - 1, 0,
                        QStringLiteral("no data after the %1 skipped line(s): the file has "
                                       "%2 line(s)")
                            .arg(opt.skipLines)
                            .arg(lineBase - 1));
                break;
            }
            if (stream.capacity() >= m_tuning.maxRecordBytes)
                return recordTooLong(stream.begin(), stream.end(), lineBase);
            if (!(stream.available() < stream.capacity() ? stream.fill() : stream.grow()))
                return fail(0, 0, QStringLiteral("read error: %1").arg(m_source.errorString()));
        }
        if (stream.available() == 0 && !stream.fill())
            return fail(0, 0, QStringLiteral("read error: %1").arg(m_source.errorString()));
        if (stream.available() == 0)
            return fail(lineBase - 1, 0,
                QStringLiteral("no data after the %1 skipped line(s)").arg(opt.skipLines));
    }

    // The sample: grows until it holds a complete record or reaches the end of the data.
    // With skipLines -1, a preamble found in it is consumed and the sample taken again.
    bool lookForPreamble = opt.skipLines < 0;
    std::size_t sampleBytes = m_tuning.sampleBytes;
    Sample sample;
    for (;;) {
        const char *b = stream.begin();
        const std::size_t n = std::min(stream.available(), sampleBytes);
        const bool atEof = stream.eof() && n == stream.available();
        const char eol = detectEol(b, b + n);
        const char delimiter = opt.delimiter != '\0'
            ? opt.delimiter
            : sniffDelimiter(b, b + n, atEof, opt.quote, eol,
                opt.decimal == ',' || opt.thousands == ',' ? ',' : '\0');
        m_setup = Setup::make(delimiter, opt.quote, eol, opt.missingTokens);
        m_setup.setNumberFormat(opt.decimal, opt.thousands);

        std::size_t offset = 0;
        const QString binary = binaryReason(b, b + std::min(n, m_tuning.sampleBytes), offset);
        if (!binary.isEmpty()) {
            const char *at = b + offset;
            const std::int64_t line = lineBase + countByte(b, at, eol);
            const char *lineStart = at;
            while (lineStart != b && lineStart[-1] != eol)
                --lineStart;
            return fail(line, int(1 + countByte(lineStart, at, delimiter)), binary);
        }

        sample = tokenizeSample(b, b + n, atEof, m_setup, kSampleRecords, true);
        if (lookForPreamble && !sample.records.empty()) {
            lookForPreamble = false;
            if (const QString why
                = detectPreamble(sample, m_setup, opt.header == CsvOptions::Header::Detect);
                !why.isEmpty()) {
                const SampleRecord &pre = sample.records.front();
                const std::int64_t line = lineBase + pre.line;
                m_warnings.add({ m_name, line, 0,
                    QStringLiteral("line %1 looks like %2 and is skipped; set the lines to "
                                   "skip to 0 to read it as data")
                        .arg(line)
                        .arg(why) });
                stream.consume(pre.endOffset);
                lineBase += pre.endLine;
                continue;
            }
        }
        if (!sample.records.empty() || atEof)
            break;
        if (n < stream.available()) {
            sampleBytes *= 2;
        } else if (stream.capacity() >= m_tuning.maxRecordBytes) {
            return recordTooLong(b, b + n, lineBase);
        } else if (!stream.grow()) {
            return fail(0, 0, QStringLiteral("read error: %1").arg(m_source.errorString()));
        }
    }
    if (sample.records.empty()) {
        if (sample.unterminated)
            return fail(lineBase + sample.unterminatedLine, sample.unterminatedField,
                QStringLiteral("unterminated quoted field: the quote opened here is "
                               "never closed"));
        return fail(lineBase, 1, QStringLiteral("the file contains only whitespace, no data"));
    }

    // Header and columns.
    const SampleRecord &first = sample.records.front();
    const bool header = opt.header == CsvOptions::Header::Present
        || (opt.header == CsvOptions::Header::Detect && detectHeader(sample, m_setup));
    m_columns = first.fieldCount;
    const std::int64_t headerLine = lineBase + first.line;
    if (m_dialect) {
        m_dialect->delimiter = m_setup.delimiter;
        m_dialect->quote = m_setup.quote;
        m_dialect->header = header;
        m_dialect->skippedLines = int(lineBase - 1);
    }
    const QStringList names = columnNames(header ? &first : nullptr, headerLine);
    if (m_control.cancelled())
        return LoadResult::wasCancelled(m_name);
    std::int64_t dataLine = lineBase; // physical line of the first byte after the header
    if (header) {
        stream.consume(first.endOffset);
        dataLine = lineBase + first.endLine;
    }
    const std::int64_t dataStart = stream.position();

    m_config.setup = &m_setup;
    m_config.columns = m_columns;
    m_config.ragged = opt.ragged;
    m_config.maxWarnings = opt.maxWarnings;
    m_config.header = header;
    m_builders.resize(static_cast<std::size_t>(m_columns));
    inferInitialKinds(sample, header ? 1 : 0, lineBase);
    sample = Sample {}; // its fields are views of every sampled cell: free them now

    // The main pass.
    reportProgress(stream.position());
    bool reserved = false;
    const auto mergeSink = [&](const std::vector<BlockSwitch> &switches, std::size_t nChunks,
                               std::int64_t blockLine, std::size_t blockBytes) {
        m_parsedBytes += static_cast<std::int64_t>(blockBytes);
        mergeBlock(switches, nChunks, blockLine);
        // Once the first block is in, room for the rows the rest of the file holds (none
        // when that block was all of it: a wide file of a few rows reserves nothing).
        if (!reserved && m_total > 0 && m_rows > 0 && m_parsedBytes < m_total - dataStart)
            reserved = reserveColumns(double(m_parsedBytes) / double(m_rows), m_total - dataStart);
    };
    const BlockStatus status = runBlocks(stream, dataLine, m_kinds, -1, mergeSink);
    if (status == BlockStatus::Cancelled)
        return LoadResult::wasCancelled(m_name);
    if (status == BlockStatus::Failed)
        return LoadResult::failure(*m_error);

    if (m_rows == 0 && header)
        m_warnings.add({ m_name, headerLine, 1,
            QStringLiteral("the file has a header line but no data rows") });

    // Columns that met text after numbers: get the original text of the earlier rows.
    std::vector<PrefixText> prefixes; // one per column, only when needed
    bool restored = false;
    bool needRestore = false;
    for (const ColumnBuilder &b : m_builders)
        needRestore = needRestore || (b.kind == Kind::Text && b.prefixRows > 0);
    if (needRestore) {
        prefixes.resize(m_builders.size());
        restored = restorePrefixes(dataStart, dataLine, prefixes);
        if (m_control.cancelled())
            return LoadResult::wasCancelled(m_name);
        if (!restored)
            m_warnings.add({ m_name, 0, 0,
                QStringLiteral("the file changed while it was read; numbers in "
                               "columns that turned out categorical are shown in "
                               "their shortest form, not as written") });
    }

    // The chunk buffers (a vector per column and chunk) are not needed any more: free them
    // before the columns are built, so a wide table does not hold both.
    m_chunks = {};
    m_ranges = {};

    // Build the columns; each scans its cells once more, so big tables use the threads.
    // A batch of columns at a time goes into the dataset, so a wide table is not held
    // twice (as a list of finished columns and in the dataset).
    const std::size_t ncols = m_builders.size();
    const std::size_t cells = static_cast<std::size_t>(m_rows) * ncols;
    const std::size_t workers
        = cells < (std::size_t(1) << 20) ? 1 : std::min<std::size_t>(ncols, std::size_t(m_threads));
    constexpr std::size_t kBatch = 1 << 14;
    Dataset dataset;
    dataset.reserveColumns(static_cast<int>(ncols));
    std::vector<Column> columns(std::min(ncols, kBatch));
    for (std::size_t first = 0; first < ncols; first += kBatch) {
        const std::size_t n = std::min(kBatch, ncols - first);
        runParallel(std::min(workers, n), [&](std::size_t t) {
            for (std::size_t i = t; i < n; i += workers) {
                const std::size_t c = first + i;
                columns[i]
                    = finishColumn(int(c), names[qsizetype(c)], restored ? &prefixes[c] : nullptr);
            }
        });
        for (std::size_t i = 0; i < n; ++i)
            dataset.addColumn(std::move(columns[i]));
        if (m_control.cancelled())
            return LoadResult::wasCancelled(m_name);
    }
    std::vector<ColumnBuilder>().swap(m_builders);

    LoadResult result;
    result.dataset = std::move(dataset);
    result.warnings = m_warnings.finish(m_name);
    m_control.report(1.0);
    return result;
}

bool Loader::reserveColumns(double bytesPerRow, std::int64_t dataBytes)
{
    // Reserve the columns for the estimated row count plus 10%, so they are not copied
    // by vector doubling: address space that is reserved but never touched costs no
    // memory (for big vectors, which malloc maps; the small vectors of a wide table share
    // pages, so there is no fixed floor of rows per column). Capped (an odd first block
    // must not reserve absurd amounts), and only a hint: the columns still grow if the
    // estimate was low.
    auto estimate
        = static_cast<std::size_t>(double(dataBytes) / std::max(bytesPerRow, 2.0) * 1.1 + 16);
    const std::size_t cells = 4 * static_cast<std::size_t>(dataBytes) / sizeof(double)
        + (std::size_t(64) << 20) / sizeof(double);
    estimate = std::min(estimate, cells / std::max<std::size_t>(m_builders.size(), 1));
    try {
        for (ColumnBuilder &b : m_builders) {
            if (b.kind == Kind::Numeric)
                b.values.reserve(estimate);
            else
                b.codes.reserve(estimate);
        }
    } catch (const std::exception &) {
        // Not fatal: growing as needed still works.
    }
    return true;
}

LoadResult Loader::recordTooLong(const char *begin, const char *end, std::int64_t line) const
{
    const Sample s = tokenizeSample(begin, end, true, m_setup, 1, false);
    const QString limit = m_tuning.maxRecordBytes >= (std::size_t(1) << 20)
        ? QStringLiteral("%1 MB").arg(m_tuning.maxRecordBytes >> 20)
        : QStringLiteral("%1 bytes").arg(m_tuning.maxRecordBytes);
    if (s.unterminated)
        return fail(line + s.unterminatedLine, s.unterminatedField,
            QStringLiteral("unterminated quoted field: the quote opened here is not "
                           "closed within %1")
                .arg(limit));
    return fail(
        line, 1, QStringLiteral("a line longer than %1; not a delimited text file?").arg(limit));
}

void Loader::inferInitialKinds(const Sample &sample, std::size_t firstData, std::int64_t lineBase)
{
    // The sample decides the kinds the first block starts with, which saves re-parsing
    // chunks for columns that are obviously text. Later blocks can still switch a column.
    m_kinds.assign(static_cast<std::size_t>(m_columns), Kind::Numeric);
    std::vector<std::uint8_t> sawNumber(m_kinds.size(), 0);
    for (std::size_t r = firstData; r < sample.records.size(); ++r) {
        const SampleRecord &rec = sample.records[r];
        for (std::size_t c = 0; c < rec.fields.size() && c < m_kinds.size(); ++c) {
            if (m_kinds[c] != Kind::Numeric)
                continue;
            const std::string_view t = m_setup.trim(rec.fields[c]);
            double v = 0;
            if (m_setup.isMissing(t))
                continue;
            if (m_setup.number(t, v)) {
                sawNumber[c] |= static_cast<std::uint8_t>(!std::isnan(v));
                continue;
            }
            m_kinds[c] = Kind::Text;
            m_builders[c].kind = Kind::Text;
            if (sawNumber[c]) {
                bool invalid = false;
                m_warnings.add({ m_name, lineBase + rec.line, int(c) + 1,
                    QStringLiteral("the value \"%1\" is not a number; column %2 is read as "
                                   "categorical")
                        .arg(shortened(decode(t, invalid)))
                        .arg(c + 1) });
            }
        }
    }
}

QStringList Loader::columnNames(const SampleRecord *header, std::int64_t headerLine)
{
    QStringList names;
    names.reserve(m_columns);
    for (int c = 0; c < m_columns; ++c) {
        QString name;
        if (header) {
            const std::string_view raw = m_setup.trim(header->fields[std::size_t(c)]);
            bool invalid = false;
            name = decode(raw, invalid).trimmed();
            if (invalid)
                m_warnings.add({ m_name, headerLine, c + 1, text::notUtf8Warning(name) });
        }
        if (name.isEmpty())
            name = QStringLiteral("Column %1").arg(c + 1);
        names.push_back(name);
    }
    // Duplicates get a suffix that no other column uses: x, x_2, x_3 ... Linear: each
    // name remembers the last suffix it handed out, so 10^6 copies of one name cost 10^6
    // probes, not 10^12.
    QHash<QString, int> taken; // name -> next suffix to try for it
    taken.reserve(names.size());
    for (const QString &name : names)
        taken.insert(name, 2);
    if (taken.size() == names.size())
        return names; // no duplicates
    QSet<QString> used;
    used.reserve(names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        if ((i & 4095) == 4095 && m_control.cancelled())
            return {};
        QString &name = names[i];
        if (used.contains(name)) {
            int &next = taken[name];
            QString candidate;
            for (;; ++next) {
                candidate = name + QLatin1Char('_') + QString::number(next);
                if (!taken.contains(candidate))
                    break;
            }
            ++next;
            taken.insert(candidate, 2);
            name = candidate;
        }
        used.insert(name);
    }
    return names;
}

void Loader::runParallel(std::size_t n, const std::function<void(std::size_t)> &job)
{
    // One job per thread (Parallel.h); an exception in a job is rethrown here.
    const int threads = m_tuning.inlineChunks ? 1 : int(n);
    parallelChunks(0, std::int64_t(n), threads, 1, [&](int, std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i)
            job(std::size_t(i));
    });
}

BlockStatus Loader::runBlocks(TextBlockReader &stream, std::int64_t line, std::vector<Kind> &kinds,
    std::int64_t rowLimit, const BlockSink &sink)
{
    const Setup &s = m_setup;
    std::vector<const char *> targets;
    std::vector<const char *> splits;
    std::int64_t rows = 0;
    // Bytes parsed per block; grows for records longer than a block.
    std::size_t window = std::max<std::size_t>(m_tuning.blockBytes, 1);
    for (;;) {
        if (m_control.cancelled())
            return BlockStatus::Cancelled;
        // Refill when less than a block is left (not every time: the first buffer can
        // hold many small blocks, and filling moves the rest to the front).
        if (!stream.eof() && stream.available() <= window && !stream.fill()) {
            m_error = LoadIssue { m_name, 0, 0,
                QStringLiteral("read error: %1").arg(m_source.errorString()) };
            return BlockStatus::Failed;
        }
        const char *b = stream.begin();
        if (stream.available() == 0)
            return BlockStatus::Ok;
        // The buffer may hold more than a block (the first one holds the sample).
        const bool whole = stream.available() <= window;
        const char *e = whole ? stream.end() : b + window;
        const bool atEof = stream.eof() && whole;
        const auto size = static_cast<std::size_t>(e - b);
        const bool hasQuotes = s.quoting && std::memchr(b, s.quote, size);

        // One chunk per thread, for blocks big enough to be worth it.
        const std::size_t nWanted = std::clamp<std::size_t>(
            size / std::max<std::size_t>(m_tuning.minChunkBytes, 1), 1, std::size_t(m_threads));
        targets.clear();
        for (std::size_t i = 1; i < nWanted; ++i)
            targets.push_back(b + size * i / nWanted);

        // The end of the last complete record, and the chunk boundaries.
        const char *stop = nullptr;
        if (!hasQuotes) {
            // No quotes: every line end is a record end.
            if (atEof) {
                stop = e;
            } else if (const void *last = memrchr(b, s.eol, size)) {
                stop = static_cast<const char *>(last) + 1;
            }
            splits.assign(targets.size(), nullptr);
            for (std::size_t i = 0; stop && i < targets.size(); ++i)
                if (targets[i] < stop)
                    if (const void *nl = std::memchr(
                            targets[i], s.eol, static_cast<std::size_t>(stop - targets[i])))
                        splits[i] = static_cast<const char *>(nl) + 1;
        } else {
            // Quotes: line ends inside quoted fields do not end records, so walk the
            // quote structure from the block start (a record start).
            stop = scanRecords(b, e, s, targets, splits);
            if (atEof)
                stop = e;
        }
        if (!stop) {
            // Not one complete record in the block: look further, up to the record limit.
            if (window >= m_tuning.maxRecordBytes) {
                const LoadResult r = recordTooLong(b, e, line);
                m_error = *r.error;
                return BlockStatus::Failed;
            }
            window *= 2;
            while (!stream.eof() && stream.capacity() < window) {
                if (!stream.grow()) {
                    m_error = LoadIssue { m_name, 0, 0,
                        QStringLiteral("read error: %1").arg(m_source.errorString()) };
                    return BlockStatus::Failed;
                }
            }
            continue;
        }
        window = std::max<std::size_t>(m_tuning.blockBytes, 1);

        // Read the next block while this one is parsed (when this block is all of the
        // buffer; otherwise the buffer still holds unparsed blocks).
        if (whole && !m_tuning.inlineChunks)
            stream.prefetch(static_cast<std::size_t>(stream.end() - stop));

        m_ranges.clear();
        const char *from = b;
        for (const char *split : splits) {
            if (!split || split <= from || split >= stop)
                continue;
            m_ranges.push_back({ from, split, false });
            from = split;
        }
        m_ranges.push_back({ from, stop, atEof && stop == e });
        const std::size_t n = m_ranges.size();
        if (m_chunks.size() < n)
            m_chunks.resize(n);

        const auto parse = [&](std::size_t i, const std::vector<Kind> &k) {
            const ChunkRange &r = m_ranges[i];
            const bool quotes = hasQuotes
                && std::memchr(r.begin, s.quote, static_cast<std::size_t>(r.end - r.begin));
            parseChunk(r.begin, r.end, r.atEof, quotes, m_config, k, m_chunks[i]);
        };
        runParallel(n, [&](std::size_t i) { parse(i, kinds); });

        // The first error wins; chunks after it do not matter.
        std::int64_t chunkLine = line;
        for (std::size_t i = 0; i < n; ++i) {
            const ChunkResult &r = m_chunks[i];
            if (r.error) {
                m_error = LoadIssue { m_name, chunkLine + r.error->line, r.error->field,
                    r.error->message };
                return BlockStatus::Failed;
            }
            if (r.boundaryMismatch) {
                // Cannot happen: chunks are cut at record ends found with the same grammar.
                m_error = LoadIssue { m_name, chunkLine, 0,
                    QStringLiteral("internal error: a record crosses a chunk "
                                   "boundary") };
                return BlockStatus::Failed;
            }
            chunkLine += m_chunks[i].lines;
        }

        // Columns that met text in one chunk are text in all chunks of the block.
        std::vector<BlockSwitch> switches;
        std::vector<Kind> merged = kinds;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < merged.size(); ++c)
                if (m_chunks[i].kinds[c] == Kind::Text)
                    merged[c] = Kind::Text;
        if (merged != kinds) {
            std::int64_t at = line;
            std::vector<std::uint8_t> numbersBefore(merged.size(), 0);
            std::vector<std::uint8_t> reported(merged.size(), 0);
            for (std::size_t i = 0; i < n; ++i) {
                for (const ColumnSwitch &sw : m_chunks[i].switches) {
                    const auto c = static_cast<std::size_t>(sw.column);
                    if (reported[c])
                        continue;
                    reported[c] = 1;
                    switches.push_back({ sw.column, at + sw.line, sw.text,
                        sw.afterNumbers || numbersBefore[c] != 0 });
                }
                for (std::size_t c = 0; c < merged.size(); ++c)
                    if (!numbersBefore[c] && merged[c] != kinds[c]
                        && m_chunks[i].kinds[c] == Kind::Numeric)
                        numbersBefore[c] = anyPresent(
                            m_chunks[i].numbers[c].data(), std::size_t(m_chunks[i].rows));
                at += m_chunks[i].lines;
            }
            std::vector<std::size_t> again;
            for (std::size_t i = 0; i < n; ++i)
                if (m_chunks[i].kinds != merged)
                    again.push_back(i);
            runParallel(again.size(), [&](std::size_t j) { parse(again[j], merged); });
            kinds = merged;
        }

        sink(switches, n, line, static_cast<std::size_t>(stop - b));
        for (std::size_t i = 0; i < n; ++i) {
            line += m_chunks[i].lines;
            rows += m_chunks[i].rows;
        }
        stream.consume(static_cast<std::size_t>(stop - b));
        reportProgress(stream.position());
        if (rowLimit >= 0 && rows >= rowLimit)
            return BlockStatus::Ok;
        if (atEof && stop == e)
            return BlockStatus::Ok;
    }
}

void Loader::mergeText(ColumnBuilder &col, int c, const ChunkText &text, std::int64_t chunkLine,
    std::vector<LoadIssue> &warnings) const
{
    // Chunk-local codes -> column codes, in the chunk's order of first appearance.
    std::vector<std::int32_t> remap(text.values.size());
    for (std::size_t k = 0; k < text.values.size(); ++k) {
        bool added = false, invalid = false;
        remap[k] = col.dictionary().insert(text.values.at(std::int32_t(k)), added, invalid);
        if (invalid)
            warnings.push_back({ m_name, chunkLine + text.valueLines[k], c + 1,
                text::notUtf8Warning(col.dictionary().categories.back()) });
    }
    if (col.codes.size() + text.codes.size() > col.codes.capacity())
        col.codes.reserve(std::max(
            col.codes.size() + text.codes.size(), col.codes.capacity() + col.codes.capacity() / 2));
    for (const std::int32_t code : text.codes)
        col.codes.push_back(code < 0 ? -1 : remap[static_cast<std::size_t>(code)]);
}

void Loader::mergeBlock(
    const std::vector<BlockSwitch> &switches, std::size_t nChunks, std::int64_t blockLine)
{
    for (const BlockSwitch &sw : switches) {
        ColumnBuilder &col = m_builders[std::size_t(sw.column)];
        if (col.kind != Kind::Numeric)
            continue;
        if (sw.afterNumbers || anyPresent(col.values.data(), col.values.size())) {
            bool invalid = false;
            m_warnings.add({ m_name, sw.line, sw.column + 1,
                QStringLiteral("the value \"%1\" is not a number; column %2 is read "
                               "as categorical")
                    .arg(shortened(decode(sw.text, invalid)))
                    .arg(sw.column + 1) });
        }
        col.switchToText();
    }
    std::vector<std::int64_t> chunkLines(nChunks);
    std::int64_t chunkLine = blockLine;
    std::int64_t blockRows = 0;
    for (std::size_t i = 0; i < nChunks; ++i) {
        const ChunkResult &r = m_chunks[i];
        chunkLines[i] = chunkLine;
        for (const ChunkIssue &w : r.warnings)
            m_warnings.add({ m_name, chunkLine + w.line, w.field, w.message });
        m_warnings.addDropped(r.droppedWarnings);
        blockRows += r.rows;
        chunkLine += r.lines;
    }
    m_rows += blockRows;

    // Append the chunks to the columns, in parallel over columns: this copy (and the
    // first touch of the columns' memory) would otherwise be the serial part of a block.
    const std::size_t ncols = m_builders.size();
    const std::size_t cells = static_cast<std::size_t>(blockRows) * ncols;
    const std::size_t workers
        = cells < (std::size_t(1) << 16) ? 1 : std::min<std::size_t>(ncols, std::size_t(m_threads));
    std::vector<std::vector<LoadIssue>> warnings(workers);
    runParallel(workers, [&](std::size_t t) {
        for (std::size_t c = t; c < ncols; c += workers) {
            ColumnBuilder &col = m_builders[c];
            for (std::size_t i = 0; i < nChunks; ++i) {
                const ChunkResult &r = m_chunks[i];
                if (col.kind == Kind::Numeric) {
                    appendGrowing(col.values, r.numbers[c].data(), std::size_t(r.rows));
                } else {
                    mergeText(col, int(c), r.texts[c], chunkLines[i], warnings[t]);
                }
            }
        }
    });
    for (std::vector<LoadIssue> &list : warnings)
        for (LoadIssue &w : list)
            m_warnings.add(std::move(w));
}

bool Loader::restorePrefixes(
    std::int64_t dataStart, std::int64_t dataLine, std::vector<PrefixText> &prefixes)
{
    // Re-read the rows that were parsed as numbers before their column met text, to
    // keep their exact text ("1.50" stays "1.50"), reading only those columns.
    if (!m_source.seek(dataStart))
        return false;
    std::vector<Kind> kinds(m_builders.size(), Kind::Skip);
    std::int64_t limit = 0;
    for (std::size_t c = 0; c < m_builders.size(); ++c) {
        if (m_builders[c].kind == Kind::Text && m_builders[c].prefixRows > 0) {
            kinds[c] = Kind::Text;
            limit = std::max(limit, m_builders[c].prefixRows);
        }
    }
    TextBlockReader stream(m_source, bufferSize(m_tuning.blockBytes), dataStart);
    m_mainPass = false;
    std::int64_t rows = 0;
    const auto sink = [&](const std::vector<BlockSwitch> &, std::size_t nChunks, std::int64_t,
                          std::size_t) {
        for (std::size_t i = 0; i < nChunks; ++i) {
            const ChunkResult &r = m_chunks[i];
            for (std::size_t c = 0; c < kinds.size(); ++c) {
                if (kinds[c] != Kind::Text)
                    continue;
                PrefixText &prefix = prefixes[c];
                const auto want = static_cast<std::size_t>(m_builders[c].prefixRows);
                const ChunkText &text = r.texts[c];
                for (std::int32_t code : text.codes) {
                    if (prefix.codes.size() >= want)
                        break;
                    bool added = false, invalid = false;
                    prefix.codes.push_back(
                        code < 0 ? -1 : prefix.dict.insert(text.values.at(code), added, invalid));
                }
            }
            rows += r.rows;
        }
    };
    const std::int64_t rowsBefore = m_rows;
    const BlockStatus status = runBlocks(stream, dataLine, kinds, limit, sink);
    m_rows = rowsBefore;
    if (status != BlockStatus::Ok || rows < limit) {
        m_error.reset();
        return false;
    }
    for (std::size_t c = 0; c < kinds.size(); ++c)
        if (kinds[c] == Kind::Text
            && prefixes[c].codes.size() != static_cast<std::size_t>(m_builders[c].prefixRows))
            return false;
    return true;
}

Column Loader::finishColumn(int c, const QString &name, PrefixText *prefix)
{
    ColumnBuilder &col = m_builders[std::size_t(c)];
    if (col.kind == Kind::Numeric)
        return Column::numeric(name, std::move(col.values));
    if (col.prefixRows == 0)
        return Column::categorical(
            name, std::move(col.codes), std::move(col.dictionary().categories));

    // A column that met text after `prefixRows` rows of numbers: its categories are, in
    // order of first appearance, the prefix's texts and then the later values.
    Dictionary dict;
    std::vector<std::int32_t> codes;
    codes.reserve(static_cast<std::size_t>(col.prefixRows) + col.codes.size());
    bool added = false, invalid = false;
    if (prefix && !prefix->codes.empty()) {
        for (std::size_t k = 0; k < prefix->dict.keys.size(); ++k)
            dict.insert(prefix->dict.keys.at(std::int32_t(k)), added, invalid);
        codes = std::move(prefix->codes); // prefix codes equal the new codes
    } else {
        // The source could not be re-read: the numbers in their shortest exact form.
        for (const double v : col.values) {
            if (std::isnan(v)) {
                codes.push_back(-1);
                continue;
            }
            char buf[64];
            const auto res = std::to_chars(buf, buf + sizeof buf, v);
            codes.push_back(
                dict.insert(std::string_view(buf, std::size_t(res.ptr - buf)), added, invalid));
        }
    }
    col.values = {};
    Dictionary &own = col.dictionary();
    std::vector<std::int32_t> remap(own.keys.size(), -1);
    for (const std::int32_t code : col.codes) {
        if (code < 0) {
            codes.push_back(-1);
            continue;
        }
        std::int32_t &to = remap[std::size_t(code)];
        if (to < 0)
            to = dict.insert(own.keys.at(code), added, invalid);
        codes.push_back(to);
    }
    col.codes = {};
    return Column::categorical(name, std::move(codes), std::move(dict.categories));
}

// ---------------------------------------------------------------------------------------
// Encodings other than UTF-8: the text is converted to UTF-8 before it is parsed.

// FF FE is UTF-16 LE unless FF FE 00 00 (UTF-32 LE); FE FF is UTF-16 BE.
bool startsWithUtf16Bom(const char *data, std::size_t size)
{
    const auto *u = reinterpret_cast<const unsigned char *>(data);
    if (size >= 2 && u[0] == 0xfe && u[1] == 0xff)
        return true;
    return size >= 2 && u[0] == 0xff && u[1] == 0xfe && !(size >= 4 && u[2] == 0 && u[3] == 0);
}

// The encoding `requested` means for text that starts with `head`: Auto is UTF-16 when
// the text starts with its byte order mark, UTF-8 otherwise.
CsvOptions::Encoding resolveEncoding(
    CsvOptions::Encoding requested, const char *head, std::size_t n)
{
    if (requested != CsvOptions::Encoding::Auto)
        return requested;
    return startsWithUtf16Bom(head, n) ? CsvOptions::Encoding::Utf16 : CsvOptions::Encoding::Utf8;
}

// Converts Latin-1 or UTF-16 text read from `source` to UTF-8, in blocks. UTF-16 that is
// not valid (an odd byte count, a lone surrogate) is refused at the line of the first bad
// code unit.
std::optional<LoadIssue> toUtf8(TextSource &source, const QString &name,
    CsvOptions::Encoding encoding, const LoadControl &control, QByteArray &out)
{
    constexpr std::int64_t kBlock = std::int64_t(1) << 20;
    const std::int64_t total = source.totalSize();
    if (total > 0)
        out.reserve(static_cast<qsizetype>(std::min<std::int64_t>(total + total / 8, 1LL << 40)));
    QByteArray raw(static_cast<qsizetype>(kBlock), Qt::Uninitialized);
    QStringDecoder utf16(QStringConverter::Utf16);
    QString pendingHigh; // a high surrogate at the end of the last block
    std::int64_t lines = 0; // line ends converted so far (for a message)
    std::int64_t read = 0;
    for (;;) {
        if (control.cancelled())
            return LoadIssue { name, 0, 0, QStringLiteral("loading was cancelled") };
        const std::int64_t n = source.read(raw.data(), kBlock);
        if (n < 0)
            return LoadIssue { name, 0, 0,
                QStringLiteral("read error: %1").arg(source.errorString()) };
        if (n == 0)
            break;
        read += n;
        if (encoding == CsvOptions::Encoding::Latin1) {
            for (std::int64_t i = 0; i < n; ++i) {
                const auto c = static_cast<unsigned char>(raw[qsizetype(i)]);
                if (c < 0x80) {
                    out.push_back(char(c));
                } else {
                    out.push_back(char(0xc0 | (c >> 6)));
                    out.push_back(char(0x80 | (c & 0x3f)));
                }
            }
        } else {
            // The decoder does not check surrogate pairs: a high surrogate must be
            // followed by a low one (a pair may straddle two blocks), a low one preceded.
            const QString decoded = utf16.decode(QByteArrayView(raw.constData(), qsizetype(n)));
            QString text = pendingHigh + decoded;
            pendingHigh.clear();
            if (!text.isEmpty() && text.back().isHighSurrogate()) {
                pendingHigh = text.back();
                text.chop(1);
            }
            qsizetype bad = utf16.hasError() ? text.indexOf(QChar::ReplacementCharacter) : -1;
            for (qsizetype k = 0; bad < 0 && k < text.size(); ++k) {
                const QChar c = text[k];
                if ((c.isHighSurrogate() && (k + 1 == text.size() || !text[k + 1].isLowSurrogate()))
                    || (c.isLowSurrogate() && (k == 0 || !text[k - 1].isHighSurrogate())))
                    bad = k;
            }
            if (bad >= 0 || utf16.hasError()) {
                if (bad < 0)
                    bad = text.size();
                const qsizetype lineStart
                    = bad == 0 ? 0 : text.lastIndexOf(QLatin1Char('\n'), bad - 1) + 1;
                return LoadIssue { name, 1 + lines + text.left(bad).count(QLatin1Char('\n')), 0,
                    QStringLiteral("not valid UTF-16 text (character %1 of the line is a lone "
                                   "surrogate or a cut-off code unit); check the encoding")
                        .arg(bad - lineStart + 1) };
            }
            lines += text.count(QLatin1Char('\n'));
            out.append(text.toUtf8());
        }
    }
    if (encoding == CsvOptions::Encoding::Utf16) {
        // An odd byte at the end: the decoder holds it back.
        const QString rest = utf16.decode(QByteArrayView(raw.constData(), 0));
        if (utf16.hasError() || read % 2 != 0 || !pendingHigh.isEmpty())
            return LoadIssue { name, 1 + lines, 0,
                QStringLiteral("not valid UTF-16 text: the file ends in the middle of a "
                               "character (an odd number of bytes); check the encoding") };
        out.append(rest.toUtf8());
    }
    return std::nullopt;
}

// Reads `source` (opened, at its start) as `options` say, converting it to UTF-8 first
// when its encoding is not UTF-8.
LoadResult readSource(TextSource &source, const QString &name, const CsvOptions &options,
    const LoadControl &control, const Tuning &tuning, CsvDialect *dialect)
{
    char head[4] = {};
    const std::int64_t n = source.read(head, 4);
    const CsvOptions::Encoding encoding = resolveEncoding(
        options.encoding, head, static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
    if (!source.seek(0))
        return LoadResult::failure(
            { name, 0, 0, QStringLiteral("read error: %1").arg(source.errorString()) });
    if (dialect)
        dialect->encoding = encoding;
    if (encoding == CsvOptions::Encoding::Utf8 || encoding == CsvOptions::Encoding::Auto)
        return Loader(source, name, options, control, tuning, dialect).run();
    QByteArray utf8;
    try {
        if (auto problem = toUtf8(source, name, encoding, control, utf8))
            return control.cancelled() ? LoadResult::wasCancelled(name)
                                       : LoadResult::failure(*problem);
    } catch (const std::bad_alloc &) {
        return LoadResult::failure(notEnoughMemory(name, 1.5 * double(source.totalSize())));
    }
    TextSource converted(utf8);
    CsvOptions utf8Options = options;
    utf8Options.encoding = CsvOptions::Encoding::Utf8;
    return Loader(converted, name, utf8Options, control, tuning, dialect).run();
}

} // namespace

LoadResult readFile(const QString &path, const CsvOptions &options, const LoadControl &control,
    const Tuning &tuning)
{
    TextSource source;
    if (auto problem = source.openStream(path))
        return LoadResult::failure(*problem);
    LoadResult result = readSource(source, path, options, control, tuning, nullptr);
    if (result.dataset) {
        result.dataset->setName(QFileInfo(path).completeBaseName());
        result.dataset->setSource(path);
    }
    return result;
}

LoadResult readBuffer(const QByteArray &data, const QString &sourceName, const CsvOptions &options,
    const LoadControl &control, const Tuning &tuning, CsvDialect *dialect)
{
    TextSource source(data);
    LoadResult result = readSource(source, sourceName, options, control, tuning, dialect);
    if (result.dataset) {
        result.dataset->setName(QFileInfo(sourceName).completeBaseName());
        result.dataset->setSource(sourceName);
    }
    return result;
}

} // namespace sextant::engine::csv
