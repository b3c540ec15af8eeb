#include "data/CsvLoader.h"

#include "data/CsvChunkParser.h"
#include "data/CsvSniffer.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
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

// ---------------------------------------------------------------------------------------
// Byte sources

class Source {
public:
    virtual ~Source() = default;
    // Total size in bytes, or -1 when unknown.
    virtual std::int64_t size() const = 0;
    // Reads up to `max` bytes; 0 at the end, -1 on error.
    virtual std::int64_t read(char *dst, std::int64_t max) = 0;
    virtual bool seek(std::int64_t pos) = 0;
    virtual QString errorString() const = 0;
};

class FileSource final : public Source {
public:
    explicit FileSource(const QString &path) : m_file(path) { }
    bool open()
    {
        // Unbuffered: blocks go straight from the kernel into the reader's buffer.
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return false;
        m_size = m_file.isSequential() ? -1 : m_file.size();
        return true;
    }
    std::int64_t size() const override { return m_size; }
    std::int64_t read(char *dst, std::int64_t max) override { return m_file.read(dst, max); }
    bool seek(std::int64_t pos) override
    {
        // Re-reading is only sound if the file did not change meanwhile.
        return !m_file.isSequential() && m_file.size() == m_size && m_file.seek(pos);
    }
    QString errorString() const override { return m_file.errorString(); }

private:
    QFile m_file;
    std::int64_t m_size = -1;
};

class MemorySource final : public Source {
public:
    explicit MemorySource(const QByteArray &data) : m_data(data) { }
    std::int64_t size() const override { return m_data.size(); }
    std::int64_t read(char *dst, std::int64_t max) override
    {
        const std::int64_t n = std::min<std::int64_t>(max, m_data.size() - m_pos);
        if (n > 0)
            std::memcpy(dst, m_data.constData() + m_pos, static_cast<std::size_t>(n));
        m_pos += std::max<std::int64_t>(n, 0);
        return std::max<std::int64_t>(n, 0);
    }
    bool seek(std::int64_t pos) override
    {
        if (pos < 0 || pos > m_data.size())
            return false;
        m_pos = pos;
        return true;
    }
    QString errorString() const override { return {}; }

private:
    const QByteArray &m_data;
    std::int64_t m_pos = 0;
};

// One reusable buffer over a Source: [begin, end) holds the bytes not yet consumed.
// prefetch() reads the next block into a second buffer on a helper thread while the
// current one is parsed; the next fill() swaps the buffers, so reading is not a serial
// step between blocks.
class BlockStream {
public:
    BlockStream(Source &source, std::size_t capacity, std::int64_t position)
        : m_source(source), m_buffer(new char[std::max<std::size_t>(capacity, 16)]),
          m_capacity(std::max<std::size_t>(capacity, 16)), m_bufferPos(position)
    {
    }
    ~BlockStream() { finishPrefetch(); }
    BlockStream(const BlockStream &) = delete;
    BlockStream &operator=(const BlockStream &) = delete;

    const char *begin() const { return m_buffer.get() + m_begin; }
    const char *end() const { return m_buffer.get() + m_end; }
    std::size_t available() const { return m_end - m_begin; }
    std::size_t capacity() const { return m_capacity; }
    // The source is exhausted: everything left is in the buffer.
    bool eof() const { return m_eof; }
    // Source offset of begin().
    std::int64_t position() const { return m_bufferPos + static_cast<std::int64_t>(m_begin); }
    void consume(std::size_t n) { m_begin += n; }

    // Starts reading the next bytes of the source in the background. `keep` is how many
    // bytes at the end of the buffer will still be unconsumed at the next fill() (the
    // partial record carried over); the read goes in after them.
    void prefetch(std::size_t keep)
    {
        if (m_eof || m_pending || keep + 4096 > m_capacity)
            return;
        if (m_spareCapacity != m_capacity) {
            m_spare.reset(new char[m_capacity]);
            m_spareCapacity = m_capacity;
        }
        m_keep = keep;
        m_pending = true;
        m_prefetched = 0;
        m_prefetchEof = false;
        m_prefetchError = false;
        m_reader = std::thread([this] {
            std::size_t at = m_keep;
            while (at < m_spareCapacity) {
                const std::int64_t n = m_source.read(
                    m_spare.get() + at, static_cast<std::int64_t>(m_spareCapacity - at));
                if (n < 0) {
                    m_prefetchError = true;
                    break;
                }
                if (n == 0) {
                    m_prefetchEof = true;
                    break;
                }
                at += static_cast<std::size_t>(n);
            }
            m_prefetched = at - m_keep;
        });
    }

    // Moves the unconsumed bytes to the front and reads until the buffer is full or the
    // source ends. False on a read error.
    bool fill()
    {
        if (!finishPrefetch())
            return false;
        if (m_begin > 0) {
            std::memmove(m_buffer.get(), m_buffer.get() + m_begin, m_end - m_begin);
            m_bufferPos += static_cast<std::int64_t>(m_begin);
            m_end -= m_begin;
            m_begin = 0;
        }
        while (!m_eof && m_end < m_capacity) {
            const std::int64_t n = m_source.read(
                m_buffer.get() + m_end, static_cast<std::int64_t>(m_capacity - m_end));
            if (n < 0)
                return false;
            if (n == 0)
                m_eof = true;
            m_end += static_cast<std::size_t>(n);
        }
        return true;
    }

    // Doubles the buffer (for a record longer than a block) and fills it.
    bool grow()
    {
        if (!finishPrefetch())
            return false;
        const std::size_t capacity = m_capacity * 2;
        std::unique_ptr<char[]> bigger(new char[capacity]);
        std::memcpy(bigger.get(), m_buffer.get() + m_begin, m_end - m_begin);
        m_bufferPos += static_cast<std::int64_t>(m_begin);
        m_end -= m_begin;
        m_begin = 0;
        m_buffer = std::move(bigger);
        m_capacity = capacity;
        return fill();
    }

private:
    // Waits for a prefetch and makes its bytes the buffer's: the unconsumed bytes first,
    // then what was read.
    bool finishPrefetch()
    {
        if (!m_pending)
            return true;
        m_reader.join();
        m_pending = false;
        if (m_prefetchError)
            return false;
        const std::size_t carry = m_end - m_begin;
        const std::int64_t newPos = position();
        if (carry == m_keep) {
            std::memcpy(m_spare.get(), m_buffer.get() + m_begin, carry);
            std::swap(m_buffer, m_spare);
        } else {
            // Not the promised carry (cannot happen in the reader's use): rebuild.
            const std::size_t size = std::max(m_capacity, carry + m_prefetched);
            std::unique_ptr<char[]> joined(new char[size]);
            std::memcpy(joined.get(), m_buffer.get() + m_begin, carry);
            std::memcpy(joined.get() + carry, m_spare.get() + m_keep, m_prefetched);
            m_buffer = std::move(joined);
            m_capacity = size;
        }
        m_bufferPos = newPos;
        m_begin = 0;
        m_end = carry + m_prefetched;
        m_eof = m_prefetchEof;
        return true;
    }

    Source &m_source;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::int64_t m_bufferPos = 0; // source offset of m_buffer[0]
    bool m_eof = false;

    // The prefetch: the reader thread owns m_spare and the m_prefetch* fields until
    // fill()/grow() joins it (the join is the synchronisation, no mutex needed).
    std::unique_ptr<char[]> m_spare;
    std::size_t m_spareCapacity = 0;
    std::thread m_reader;
    bool m_pending = false;
    std::size_t m_keep = 0;
    std::size_t m_prefetched = 0;
    bool m_prefetchEof = false;
    bool m_prefetchError = false;
};

// ---------------------------------------------------------------------------------------
// Text decoding

bool isValidUtf8(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *e = p + s.size();
    while (p != e) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        std::uint32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (e - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        // Overlong forms, surrogates, beyond U+10FFFF.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10ffff
            || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

// UTF-8, or Latin-1 when the bytes are not valid UTF-8 (`invalid` is then set).
QString decode(std::string_view bytes, bool &invalid)
{
    invalid = !isValidUtf8(bytes);
    const auto n = static_cast<qsizetype>(bytes.size());
    return invalid ? QString::fromLatin1(bytes.data(), n) : QString::fromUtf8(bytes.data(), n);
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
    Dictionary dict;

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
    Loader(Source &source, QString name, const CsvOptions &options, const LoadControl &control,
        const Tuning &tuning)
        : m_source(source), m_name(std::move(name)), m_options(options), m_control(control),
          m_tuning(tuning), m_warnings(options.maxWarnings)
    {
        const unsigned hw = std::thread::hardware_concurrency();
        m_threads = options.threads > 0 ? options.threads : int(std::max(hw, 1u));
        m_threads = std::clamp(m_threads, 1, 64);
    }

    LoadResult run()
    {
        try {
            return load();
        } catch (const std::bad_alloc &) {
            return fail(0, 0, QStringLiteral("not enough memory to load the file"));
        } catch (const std::length_error &) {
            return fail(0, 0, QStringLiteral("not enough memory to load the file"));
        }
    }

private:
    LoadResult fail(std::int64_t line, int field, const QString &message) const
    {
        return LoadResult::failure({ m_name, line, field, message });
    }

    LoadResult load();
    LoadResult recordTooLong(const char *begin, const char *end, std::int64_t line) const;
    void inferInitialKinds(const Sample &sample, std::size_t firstData, std::int64_t lineBase);
    QStringList columnNames(const SampleRecord *header, std::int64_t headerLine);
    BlockStatus runBlocks(BlockStream &stream, std::int64_t line, std::vector<Kind> &kinds,
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

    Source &m_source;
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
    std::optional<LoadIssue> m_error;
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

    m_total = m_source.size();
    BlockStream stream(
        m_source, bufferSize(std::max(m_tuning.blockBytes, m_tuning.sampleBytes)), 0);
    if (!stream.fill())
        return fail(0, 0, QStringLiteral("read error: %1").arg(m_source.errorString()));
    if (stream.available() == 0)
        return fail(1, 1, QStringLiteral("the file is empty (0 bytes)"));

    // Byte order marks: UTF-8 is skipped, UTF-16/32 refused.
    {
        const auto *u = reinterpret_cast<const unsigned char *>(stream.begin());
        const std::size_t n = stream.available();
        if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
            stream.consume(3);
        else if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
            return fail(1, 1,
                QStringLiteral("the file is UTF-16 or UTF-32 text, which is not "
                               "supported; save it as UTF-8"));
    }

    // Nothing but whitespace (all of the file is in the buffer).
    if (stream.eof() && std::all_of(stream.begin(), stream.end(), [](char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        }))
        return fail(1, 1, QStringLiteral("the file contains only whitespace, no data"));

    // The sample: grows until it holds a complete record or reaches the end of the data.
    std::size_t sampleBytes = m_tuning.sampleBytes;
    Sample sample;
    for (;;) {
        const char *b = stream.begin();
        const std::size_t n = std::min(stream.available(), sampleBytes);
        const bool atEof = stream.eof() && n == stream.available();
        const char eol = detectEol(b, b + n);
        const char delimiter = opt.delimiter != '\0'
            ? opt.delimiter
            : sniffDelimiter(b, b + n, atEof, opt.quote, eol);
        m_setup = Setup::make(delimiter, opt.quote, eol, opt.missingTokens);

        std::size_t offset = 0;
        const QString binary = binaryReason(b, b + std::min(n, m_tuning.sampleBytes), offset);
        if (!binary.isEmpty()) {
            const char *at = b + offset;
            const std::int64_t line = 1 + countByte(b, at, eol);
            const char *lineStart = at;
            while (lineStart != b && lineStart[-1] != eol)
                --lineStart;
            return fail(line, int(1 + countByte(lineStart, at, delimiter)), binary);
        }

        sample = tokenizeSample(b, b + n, atEof, m_setup, kSampleRecords, true);
        if (!sample.records.empty() || atEof)
            break;
        if (n < stream.available()) {
            sampleBytes *= 2;
        } else if (stream.capacity() >= m_tuning.maxRecordBytes) {
            return recordTooLong(b, b + n, 1);
        } else if (!stream.grow()) {
            return fail(0, 0, QStringLiteral("read error: %1").arg(m_source.errorString()));
        }
    }
    if (sample.records.empty()) {
        if (sample.unterminated)
            return fail(1 + sample.unterminatedLine, sample.unterminatedField,
                QStringLiteral("unterminated quoted field: the quote opened here is "
                               "never closed"));
        return fail(1, 1, QStringLiteral("the file contains only whitespace, no data"));
    }

    // Header and columns.
    const SampleRecord &first = sample.records.front();
    const bool header = opt.header == CsvOptions::Header::Present
        || (opt.header == CsvOptions::Header::Detect && detectHeader(sample, m_setup));
    m_columns = first.fieldCount;
    const QStringList names = columnNames(header ? &first : nullptr, 1 + first.line);
    std::int64_t dataLine = 1; // physical line of the first byte after the header
    if (header) {
        stream.consume(first.endOffset);
        dataLine = 1 + first.endLine;
    }
    const std::int64_t dataStart = stream.position();

    m_config.setup = &m_setup;
    m_config.columns = m_columns;
    m_config.ragged = opt.ragged;
    m_config.maxWarnings = opt.maxWarnings;
    m_config.header = header;
    m_builders.resize(static_cast<std::size_t>(m_columns));
    inferInitialKinds(sample, header ? 1 : 0, 1);

    // The main pass.
    reportProgress(stream.position());
    bool reserved = false;
    std::int64_t parsedBytes = 0;
    const auto mergeSink = [&](const std::vector<BlockSwitch> &switches, std::size_t nChunks,
                               std::int64_t blockLine, std::size_t blockBytes) {
        mergeBlock(switches, nChunks, blockLine);
        parsedBytes += static_cast<std::int64_t>(blockBytes);
        if (!reserved && m_total > 0 && m_rows > 0)
            reserved = reserveColumns(double(parsedBytes) / double(m_rows), m_total - dataStart);
    };
    const BlockStatus status = runBlocks(stream, dataLine, m_kinds, -1, mergeSink);
    if (status == BlockStatus::Cancelled)
        return LoadResult::wasCancelled(m_name);
    if (status == BlockStatus::Failed)
        return LoadResult::failure(*m_error);

    if (m_rows == 0 && header)
        m_warnings.add(
            { m_name, 1, 1, QStringLiteral("the file has a header line but no data rows") });

    // Columns that met text after numbers: get the original text of the earlier rows.
    std::vector<PrefixText> prefixes(m_builders.size());
    bool restored = false;
    bool needRestore = false;
    for (const ColumnBuilder &b : m_builders)
        needRestore = needRestore || (b.kind == Kind::Text && b.prefixRows > 0);
    if (needRestore) {
        restored = restorePrefixes(dataStart, dataLine, prefixes);
        if (m_control.cancelled())
            return LoadResult::wasCancelled(m_name);
        if (!restored)
            m_warnings.add({ m_name, 0, 0,
                QStringLiteral("the file changed while it was read; numbers in "
                               "columns that turned out categorical are shown in "
                               "their shortest form, not as written") });
    }

    // Build the columns; each scans its cells once more, so big tables use the threads.
    std::vector<Column> columns(m_builders.size());
    const std::size_t cells = static_cast<std::size_t>(m_rows) * m_builders.size();
    const std::size_t workers = cells < (std::size_t(1) << 20)
        ? 1
        : std::min<std::size_t>(m_builders.size(), std::size_t(m_threads));
    runParallel(workers, [&](std::size_t t) {
        for (std::size_t c = t; c < m_builders.size(); c += workers)
            columns[c]
                = finishColumn(int(c), names[qsizetype(c)], restored ? &prefixes[c] : nullptr);
    });
    Dataset dataset;
    for (Column &c : columns)
        dataset.addColumn(std::move(c));

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
    // memory. Capped (an odd first block must not reserve absurd amounts), and only a
    // hint: the columns still grow if the estimate was low.
    auto estimate
        = static_cast<std::size_t>(double(dataBytes) / std::max(bytesPerRow, 2.0) * 1.1 + 1024);
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
            if (parseNumber(t, v)) {
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
    for (int c = 0; c < m_columns; ++c) {
        QString name;
        if (header) {
            const std::string_view raw = m_setup.trim(header->fields[std::size_t(c)]);
            bool invalid = false;
            name = decode(raw, invalid).trimmed();
            if (invalid)
                m_warnings.add({ m_name, headerLine, c + 1,
                    QStringLiteral("the column name is not valid UTF-8; read as "
                                   "Latin-1") });
        }
        if (name.isEmpty())
            name = QStringLiteral("Column %1").arg(c + 1);
        names.push_back(name);
    }
    // Duplicates get a suffix that no other column uses: x, x_2, x_3 ...
    QSet<QString> taken(names.begin(), names.end());
    QSet<QString> used;
    for (QString &name : names) {
        if (used.contains(name)) {
            QString candidate;
            for (int k = 2;; ++k) {
                candidate = name + QStringLiteral("_%1").arg(k);
                if (!taken.contains(candidate))
                    break;
            }
            name = candidate;
            taken.insert(name);
        }
        used.insert(name);
    }
    return names;
}

void Loader::runParallel(std::size_t n, const std::function<void(std::size_t)> &job)
{
    if (n <= 1 || m_tuning.inlineChunks) {
        for (std::size_t i = 0; i < n; ++i)
            job(i);
        return;
    }
    std::vector<std::exception_ptr> errors(n);
    std::vector<std::thread> threads;
    threads.reserve(n - 1);
    for (std::size_t i = 1; i < n; ++i)
        threads.emplace_back([&, i] {
            try {
                job(i);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        });
    try {
        job(0);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (std::thread &t : threads)
        t.join();
    for (const std::exception_ptr &e : errors)
        if (e)
            std::rethrow_exception(e);
}

BlockStatus Loader::runBlocks(BlockStream &stream, std::int64_t line, std::vector<Kind> &kinds,
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
        remap[k] = col.dict.insert(text.values.at(std::int32_t(k)), added, invalid);
        if (invalid)
            warnings.push_back({ m_name, chunkLine + text.valueLines[k], c + 1,
                QStringLiteral("\"%1\" is not valid UTF-8; read as Latin-1")
                    .arg(shortened(col.dict.categories.back())) });
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
    BlockStream stream(m_source, bufferSize(m_tuning.blockBytes), dataStart);
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
        return Column::categorical(name, std::move(col.codes), std::move(col.dict.categories));

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
    std::vector<std::int32_t> remap(col.dict.keys.size(), -1);
    for (const std::int32_t code : col.codes) {
        if (code < 0) {
            codes.push_back(-1);
            continue;
        }
        std::int32_t &to = remap[std::size_t(code)];
        if (to < 0)
            to = dict.insert(col.dict.keys.at(code), added, invalid);
        codes.push_back(to);
    }
    col.codes = {};
    return Column::categorical(name, std::move(codes), std::move(dict.categories));
}

} // namespace

LoadResult readFile(const QString &path, const CsvOptions &options, const LoadControl &control,
    const Tuning &tuning)
{
    const QFileInfo info(path);
    if (!info.exists())
        return LoadResult::failure({ path, 0, 0, QStringLiteral("no such file") });
    if (info.isDir())
        return LoadResult::failure(
            { path, 0, 0, QStringLiteral("is a directory, not a data file") });
    FileSource source(path);
    if (!source.open())
        return LoadResult::failure(
            { path, 0, 0, QStringLiteral("cannot be opened: %1").arg(source.errorString()) });
    LoadResult result = Loader(source, path, options, control, tuning).run();
    if (result.dataset) {
        result.dataset->setName(info.completeBaseName());
        result.dataset->setSource(path);
    }
    return result;
}

LoadResult readBuffer(const QByteArray &data, const QString &sourceName, const CsvOptions &options,
    const LoadControl &control, const Tuning &tuning)
{
    MemorySource source(data);
    LoadResult result = Loader(source, sourceName, options, control, tuning).run();
    if (result.dataset) {
        result.dataset->setName(QFileInfo(sourceName).completeBaseName());
        result.dataset->setSource(sourceName);
    }
    return result;
}

} // namespace sextant::engine::csv
