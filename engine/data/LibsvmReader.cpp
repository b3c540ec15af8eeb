#include "data/LibsvmReader.h"

#include "data/MemoryBudget.h"
#include "data/NumberParser.h"
#include "data/TextEncoding.h"
#include "data/TextSource.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <vector>

// LIBSVM / SVMlight text, one sample per line:
//     <label> [qid:<n>] <index>:<value> <index>:<value> ... [# comment]
//  - Tokens are separated by spaces or tabs; CRLF line ends are accepted.
//  - Blank lines and lines whose first non-blank character is '#' are skipped.
//  - Indices are 1-based and strictly ascending within a line; 0, a repeated index or a
//    smaller one is an error naming the line and the token (field) number.
//  - "qid:<n>" (an integer) may only come directly after the label.
//  - Numbers (labels, values) and integers (indices, qid) follow NumberParser.h, the
//    encoding TextEncoding.h (BOM skipped, UTF-16/32 refused), as in the other readers.
// Columns: "label" (numeric, target role); "qid" (numeric, ignore role: it groups rows
// for ranking and is not a feature) when any line has one, missing on lines without;
// then "f1".."fN" with N the largest index seen, absent entries 0.
//
// The file is read once into compressed sparse rows (index and value per entry), then
// scattered into the dense columns: O(entries + rows x N) time and memory. Because every
// index up to the largest becomes a column, the width is bounded before anything that
// size is allocated: an index above kMaxFeatures is refused on its line, and so is a
// table of more than kMaxDenseCells cells or one that does not fit the memory available
// (MemoryBudget), with the size it would need.

namespace sextant::engine {

namespace {

constexpr std::uint64_t kMaxDenseCells = std::uint64_t(1) << 31;
// The widest table a LIBSVM file may make (Dataset columns are dense, and each costs a few
// hundred bytes besides its cells). Public data sets with more features (news20, url) are
// sparse text collections that no dense table holds anyway.
constexpr std::int64_t kMaxFeatures = 1000000;
// What a column costs besides its cells: the Column and its storage, its name, its entry
// in the dataset's name index (measured: `sextant info` of a one-row file of 10^6 columns
// peaks at 359 MB, about 330 bytes a column over the process's 30 MB).
constexpr std::uint64_t kColumnOverheadBytes = 512;

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

QString quoteText(const char *b, const char *e)
{
    constexpr qsizetype kMax = 60;
    const auto n = static_cast<qsizetype>(e - b);
    bool latin1 = false; // the shared encoding policy (TextEncoding.h)
    QString q
        = text::decode(std::string_view(b, static_cast<std::size_t>(std::min(n, kMax))), latin1);
    if (n > kMax)
        q += QStringLiteral("...");
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// Numbers and integers follow the rules shared by every reader (NumberParser.h).
bool parseDouble(const char *b, const char *e, double &out)
{
    return parseNumber(std::string_view(b, static_cast<std::size_t>(e - b)), out);
}

bool parseInt(const char *b, const char *e, std::int64_t &out)
{
    return parseInteger(std::string_view(b, static_cast<std::size_t>(e - b)), out);
}

class Parser {
public:
    Parser(const char *data, std::size_t size, const QString &source, const LoadControl &control,
        std::int64_t maxFeatures = LibsvmReader::kMaxFeatures)
        : m_begin(data), m_end(data + size), m_source(source), m_control(control),
          m_maxFeatures(std::clamp<std::int64_t>(maxFeatures, 1, LibsvmReader::kMaxFeatures))
    {
    }

    LoadResult run();

private:
    LoadResult fail(std::int64_t line, int field, const QString &message) const
    {
        return LoadResult::failure({ m_source, line, field, message });
    }
    // Parses one non-blank line [p, e); returns an error message (and field) on failure.
    bool parseLine(const char *p, const char *e, std::int64_t line, int &field, QString &error);
    LoadResult build();

    const char *m_begin;
    const char *m_end;
    QString m_source;
    const LoadControl &m_control;
    std::int64_t m_maxFeatures;

    // Compressed sparse rows: row r's entries are [m_rowStart[r], m_rowStart[r + 1]).
    std::vector<std::int64_t> m_rowStart { 0 };
    std::vector<std::int32_t> m_index; // 0-based feature index
    std::vector<double> m_value;
    std::vector<double> m_label;
    std::vector<double> m_qid; // NaN on lines without qid
    bool m_anyQid = false;

    std::int64_t m_maxIndex = 0; // 1-based; 0 when no feature was seen
    std::int64_t m_maxIndexLine = 0;
    int m_maxIndexField = 0;
};

bool Parser::parseLine(const char *p, const char *e, std::int64_t line, int &field, QString &error)
{
    field = 0;
    std::int64_t previous = 0;
    bool haveQid = false;
    while (true) {
        while (p < e && isBlank(*p))
            ++p;
        if (p == e || *p == '#')
            break;
        const char *t = p;
        while (p < e && !isBlank(*p) && *p != '#')
            ++p;
        const char *te = p;
        ++field;

        if (field == 1) {
            double label = 0;
            if (!parseDouble(t, te, label)) {
                error = QStringLiteral("the label %1 is not a number").arg(quoteText(t, te));
                return false;
            }
            m_label.push_back(label);
            continue;
        }
        const char *colon = static_cast<const char *>(std::memchr(t, ':', te - t));
        if (!colon) {
            error = QStringLiteral("expected index:value, found %1").arg(quoteText(t, te));
            return false;
        }
        if (colon - t == 3 && std::memcmp(t, "qid", 3) == 0) {
            std::int64_t qid = 0;
            if (field != 2) {
                error = QStringLiteral("qid must come directly after the label");
                return false;
            }
            if (!parseInt(colon + 1, te, qid)) {
                error = QStringLiteral("qid %1 is not an integer").arg(quoteText(colon + 1, te));
                return false;
            }
            m_qid.resize(m_label.size(), std::numeric_limits<double>::quiet_NaN());
            m_qid.back() = static_cast<double>(qid);
            haveQid = true;
            m_anyQid = true;
            continue;
        }
        std::int64_t index = 0;
        if (!parseInt(t, colon, index)) {
            // Distinguish a number too large for int64 from text.
            bool digits = colon > t;
            for (const char *d = t; d < colon; ++d)
                digits = digits && *d >= '0' && *d <= '9';
            error = digits
                ? QStringLiteral("feature index %1 is too large").arg(quoteText(t, colon))
                : QStringLiteral("feature index %1 is not a positive integer")
                      .arg(quoteText(t, colon));
            return false;
        }
        if (index <= 0) {
            error = index == 0 ? QStringLiteral("feature index 0: indices start at 1")
                               : QStringLiteral("feature index %1 is negative").arg(index);
            return false;
        }
        if (index == previous) {
            error = QStringLiteral("duplicate feature index %1").arg(index);
            return false;
        }
        if (index < previous) {
            error = QStringLiteral("feature index %1 comes after index %2 (indices must be "
                                   "ascending)")
                        .arg(index)
                        .arg(previous);
            return false;
        }
        if (index > m_maxFeatures) {
            error
                = QStringLiteral("feature index %1 is too large: the limit is %2 features (Sextant "
                                 "holds LIBSVM data as dense columns, one per index up to the "
                                 "largest; renumber the features to consecutive indices (or "
                                 "keep only those you need) before loading)")
                      .arg(index)
                      .arg(m_maxFeatures);
            return false;
        }
        double value = 0;
        if (!parseDouble(colon + 1, te, value)) {
            error = colon + 1 == te ? QStringLiteral("feature %1 has no value").arg(index)
                                    : QStringLiteral("the value %1 of feature %2 is not a number")
                                          .arg(quoteText(colon + 1, te))
                                          .arg(index);
            return false;
        }
        previous = index;
        if (index > m_maxIndex) {
            m_maxIndex = index;
            m_maxIndexLine = line;
            m_maxIndexField = field;
        }
        m_index.push_back(static_cast<std::int32_t>(index - 1));
        m_value.push_back(value);
    }
    if (m_anyQid && !haveQid)
        m_qid.resize(m_label.size(), std::numeric_limits<double>::quiet_NaN());
    m_rowStart.push_back(static_cast<std::int64_t>(m_index.size()));
    return true;
}

LoadResult Parser::run()
{
    const std::size_t size = static_cast<std::size_t>(m_end - m_begin);
    if (size == 0)
        return fail(0, 0, QStringLiteral("the file is empty"));

    if (const QString refused = text::unsupportedEncoding(m_begin, size); !refused.isEmpty())
        return fail(1, 1, refused);
    const char *p = m_begin + text::utf8BomLength(m_begin, size);

    constexpr std::size_t kReportEvery = std::size_t(1) << 20;
    std::size_t nextReport = kReportEvery;
    m_control.report(0.0);
    std::int64_t line = 0;
    try {
        while (p < m_end) {
            const char *e = static_cast<const char *>(std::memchr(p, '\n', m_end - p));
            if (!e)
                e = m_end;
            const char *next = e < m_end ? e + 1 : m_end;
            ++line;
            if (std::memchr(p, '\0', e - p))
                return fail(line, 0,
                    QStringLiteral("binary data (a NUL byte): this is not a LIBSVM text "
                                   "file"));
            int field = 0;
            QString error;
            const char *q = p;
            while (q < e && isBlank(*q))
                ++q;
            if (q < e && *q != '#' && !parseLine(q, e, line, field, error))
                return fail(line, field, error);

            p = next;
            const auto done = static_cast<std::size_t>(p - m_begin);
            if (done >= nextReport) {
                nextReport = done + kReportEvery;
                if (m_control.cancelled())
                    return LoadResult::wasCancelled(m_source);
                m_control.report(0.8 * double(done) / double(size));
            }
        }
    } catch (const std::bad_alloc &) {
        return fail(line, 0,
            MemoryBudget::outOfMemory(QStringLiteral("read the file"),
                (m_index.size() + 1) * (sizeof(std::int32_t) + sizeof(double)) * 2));
    }
    if (m_control.cancelled())
        return LoadResult::wasCancelled(m_source);
    if (m_label.empty())
        return fail(0, 0, QStringLiteral("no data: the file has only blank or comment lines"));

    const auto rows = static_cast<std::uint64_t>(m_label.size());
    const auto cells = rows * static_cast<std::uint64_t>(m_maxIndex);
    if (m_maxIndex > 0 && cells / rows != static_cast<std::uint64_t>(m_maxIndex))
        return fail(m_maxIndexLine, m_maxIndexField, QStringLiteral("feature index too large"));
    if (cells > kMaxDenseCells)
        return fail(m_maxIndexLine, m_maxIndexField,
            QStringLiteral("feature index %1 with %2 rows would need a dense table of "
                           "%3 cells (%4 GiB), more than the limit of %5 cells")
                .arg(m_maxIndex)
                .arg(rows)
                .arg(cells)
                .arg(double(cells) * 8.0 / double(1 << 30), 0, 'f', 1)
                .arg(kMaxDenseCells));
    const std::uint64_t columns = static_cast<std::uint64_t>(m_maxIndex) + (m_anyQid ? 2 : 1);
    const std::uint64_t needed
        = (cells + rows * (m_anyQid ? 2 : 1)) * sizeof(double) + columns * kColumnOverheadBytes;
    const QString what = QStringLiteral("load the file as a dense table of %1 rows x %2 features")
                             .arg(rows)
                             .arg(m_maxIndex);
    if (const auto why = MemoryBudget::shortfall(needed, what))
        return fail(m_maxIndexLine, m_maxIndexField, *why);
    try {
        return build();
    } catch (const std::bad_alloc &) {
        return fail(0, 0, MemoryBudget::outOfMemory(what, needed));
    }
}

LoadResult Parser::build()
{
    const auto rows = static_cast<std::size_t>(m_label.size());
    const auto nFeatures = static_cast<std::size_t>(m_maxIndex);

    std::vector<std::vector<double>> dense(nFeatures);
    for (std::size_t f = 0; f < nFeatures; ++f) {
        dense[f].assign(rows, 0.0);
        if ((f & 1023) == 1023 && m_control.cancelled())
            return LoadResult::wasCancelled(m_source);
    }
    for (std::size_t r = 0; r < rows; ++r) {
        const auto b = static_cast<std::size_t>(m_rowStart[r]);
        const auto e = static_cast<std::size_t>(m_rowStart[r + 1]);
        for (std::size_t k = b; k < e; ++k)
            dense[static_cast<std::size_t>(m_index[k])][r] = m_value[k];
    }
    m_index = {};
    m_value = {};
    m_rowStart = {};
    m_control.report(0.9);

    Dataset ds;
    ds.setSource(m_source);
    ds.reserveColumns(static_cast<int>(nFeatures) + (m_anyQid ? 2 : 1));
    Column label = Column::numeric(QStringLiteral("label"), std::move(m_label));
    label.setRole(ColumnRole::Target);
    ds.addColumn(std::move(label));
    if (m_anyQid) {
        Column qid = Column::numeric(QStringLiteral("qid"), std::move(m_qid));
        qid.setRole(ColumnRole::Ignore);
        ds.addColumn(std::move(qid));
    }
    for (std::size_t f = 0; f < nFeatures; ++f) {
        ds.addColumn(
            Column::numeric(QStringLiteral("f") + QString::number(f + 1), std::move(dense[f])));
        if ((f & 1023) == 1023 && m_control.cancelled())
            return LoadResult::wasCancelled(m_source);
    }
    m_control.report(1.0);
    LoadResult result;
    result.dataset = std::move(ds);
    return result;
}

} // namespace

LoadResult LibsvmReader::read(const QString &path, const LoadControl &control)
{
    TextSource source;
    if (auto error = source.open(path))
        return LoadResult::failure(*error);
    return Parser(source.data(), source.size(), path, control).run();
}

LoadResult LibsvmReader::readBuffer(const QByteArray &data, const QString &sourceName,
    const LoadControl &control, std::int64_t maxFeatures)
{
    return Parser(
        data.constData(), static_cast<std::size_t>(data.size()), sourceName, control, maxFeatures)
        .run();
}

} // namespace sextant::engine
