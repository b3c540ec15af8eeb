// libFuzzer target for the CSV loader. Each input is read
//  1. through the public CsvReader::readBuffer with default options,
//  2. again with tiny blocks and several chunks per block (run one after the other, so
//     the fuzzer stays fast), which must give exactly the same dataset, error and
//     warnings: block and chunk boundaries may fall anywhere, even inside a quoted field
//     or between the two quotes of a doubled quote,
//  3. from a file (CsvReader::read's block reader), with the tiny blocks of 2, which must
//     give the same outcome again,
//  4. with other options (forced header, ragged rows as errors, a fixed delimiter).
// Inputs are whole files: the seed corpus has headers thousands of columns wide, and
// tools/fuzz lets inputs grow to 256 KB.
// Any crash, sanitizer report, hang or disagreement is a finding.
#include "data/CsvLoader.h"
#include "data/CsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace sextant::engine;

namespace {

[[noreturn]] void mismatch(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_csv: results differ (%s): %s\n", what, qPrintable(detail));
    std::abort();
}

QString outcome(const LoadResult &r)
{
    QString s = r.error ? QStringLiteral("error ") + r.error->toString() : QStringLiteral("ok");
    for (const LoadIssue &w : r.warnings)
        s += QStringLiteral("\nwarning ") + w.toString();
    return s;
}

void compare(const LoadResult &a, const LoadResult &b)
{
    if (outcome(a) != outcome(b))
        mismatch("outcome", outcome(a) + QStringLiteral(" <> ") + outcome(b));
    if (!a.dataset)
        return;
    const Dataset &x = *a.dataset;
    const Dataset &y = *b.dataset;
    if (x.columnNames() != y.columnNames() || x.rowCount() != y.rowCount())
        mismatch("shape", x.columnNames().join(QLatin1Char(',')));
    for (int c = 0; c < x.columnCount(); ++c) {
        const Column &p = x.column(c);
        const Column &q = y.column(c);
        if (p.type() != q.type() || p.categories() != q.categories()
            || p.missingCount() != q.missingCount())
            mismatch("column", p.name());
        for (std::int64_t r = 0; r < x.rowCount(); ++r) {
            if (p.isMissing(r) != q.isMissing(r))
                mismatch("missing", p.name());
            if (p.isNumeric()) {
                const double u = p.values()[r];
                const double v = q.values()[r];
                if (std::memcmp(&u, &v, sizeof u) != 0 && !(std::isnan(u) && std::isnan(v)))
                    mismatch("value", p.name());
            } else if (p.codes()[r] != q.codes()[r]) {
                mismatch("code", p.name());
            }
        }
    }
}

// Touches every cell the way the views do.
void exercise(const LoadResult &r)
{
    if (!r.dataset)
        return;
    std::size_t total = 0;
    for (const Column &c : r.dataset->columns())
        for (std::int64_t row = 0; row < c.size(); ++row)
            total += static_cast<std::size_t>(c.displayValue(row).size());
    if (total == std::size_t(-1))
        std::abort();
}

// A file in a private folder that each input is written to (the same path every time, so
// messages naming the file agree with the in-memory reads).
const QString &filePath()
{
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("fuzz.csv"));
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString &name = filePath();

    const LoadResult plain = CsvReader::readBuffer(bytes, name);
    exercise(plain);

    CsvOptions threaded;
    threaded.threads = 3;
    csv::Tuning tiny;
    tiny.blockBytes = 1 + (size * 7 + 3) % 61;
    tiny.minChunkBytes = 1;
    tiny.inlineChunks = true;
    compare(plain, csv::readBuffer(bytes, name, threaded, {}, tiny));

    {
        QFile f(name);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            mismatch("temporary file", name);
    }
    compare(plain, csv::readFile(name, threaded, {}, tiny));

    CsvOptions other;
    other.header = CsvOptions::Header::Present;
    other.ragged = CsvOptions::RaggedRows::Error;
    other.delimiter = ';';
    other.maxWarnings = 2;
    other.missingTokens << QStringLiteral("-1") << QStringLiteral(" ");
    const LoadResult second = CsvReader::readBuffer(bytes, name, other);
    exercise(second);
    CsvOptions otherThreaded = other;
    otherThreaded.threads = 2;
    compare(second, csv::readBuffer(bytes, name, otherThreaded, {}, tiny));

    CsvOptions noQuotes;
    noQuotes.quote = '\0';
    noQuotes.header = CsvOptions::Header::Absent;
    exercise(CsvReader::readBuffer(bytes, name, noQuotes));
    return 0;
}
