// libFuzzer target for row-filter expressions (RowFilter::parse, what the Filter Rows node
// and its property field take: "petal_length >= 2.5", "species in (a, b)"). Each input is
// one expression:
//  - refused: a RowFilterError with a message (any other exception is a finding);
//  - accepted: the condition's text (RowCondition::toString) parses back to the same
//    condition, and applying it to a small table with numeric, categorical and missing
//    cells keeps rows in order or is refused with a RowFilterError.
#include "FuzzSupport.h"
#include "data/CsvReader.h"
#include "data/RowSelection.h"

using namespace sextant;
using namespace sextant::engine;

namespace {

const Dataset &table()
{
    static const Dataset d = [] {
        const LoadResult r = CsvReader::readBuffer(QByteArrayLiteral("x,y z,species,in,\"a\"\"b\"\n"
                                                                     "1,2.5,setosa,3,p\n"
                                                                     "-0.5,,virginica,NA,q\n"
                                                                     "1e3,7,\"set osa\",0,p\n"
                                                                     "nan,3,,1,r\n"
                                                                     "-inf,-0,setosa,2,\"p,q\"\n"),
            QStringLiteral("filter.csv"));
        if (!r.ok())
            fuzz::finding("fuzz_filter", "the table does not load", r.error->toString());
        return *r.dataset;
    }();
    return d;
}

// The syntax has no escapes: a name or value holding all three quote characters cannot be
// written at all, so its text is not expected to read back.
bool writable(const QString &s)
{
    return !(s.contains(QLatin1Char('"')) && s.contains(QLatin1Char('\''))
        && s.contains(QLatin1Char('`')));
}

bool writable(const RowCondition &c)
{
    if (!writable(c.column))
        return false;
    for (const QString &v : c.values)
        if (!writable(v))
            return false;
    return true;
}

QString describe(const RowCondition &c)
{
    return c.column + QStringLiteral(" #") + QString::number(int(c.op)) + QStringLiteral(" [")
        + c.values.join(QStringLiteral("] [")) + QLatin1Char(']');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 4096)
        return 0;
    const QString expression
        = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    RowCondition condition;
    try {
        condition = RowFilter::parse(expression);
    } catch (const RowFilterError &e) {
        if (QString::fromUtf8(e.what()).isEmpty())
            fuzz::finding("fuzz_filter", "a refusal without a message", expression);
        return 0;
    }

    const QString text = condition.toString();
    if (writable(condition)) {
        try {
            const RowCondition again = RowFilter::parse(text);
            if (describe(again) != describe(condition))
                fuzz::finding("fuzz_filter", "the condition's text reads back differently",
                    describe(condition) + QStringLiteral(" -> ") + text + QStringLiteral(" -> ")
                        + describe(again));
        } catch (const RowFilterError &e) {
            fuzz::finding("fuzz_filter", "the condition's text is refused",
                text + QStringLiteral(": ") + QString::fromUtf8(e.what()));
        }
    }

    try {
        const std::vector<std::int64_t> rows = RowFilter::matchingRows(table(), condition);
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i] < 0 || rows[i] >= table().rowCount() || (i > 0 && rows[i] <= rows[i - 1]))
                fuzz::finding("fuzz_filter", "rows out of order or range", text);
        const Dataset kept = RowFilter::keepMatching(table(), condition);
        if (kept.rowCount() != static_cast<std::int64_t>(rows.size()))
            fuzz::finding("fuzz_filter", "keepMatching disagrees with matchingRows", text);
    } catch (const RowFilterError &e) {
        if (QString::fromUtf8(e.what()).isEmpty())
            fuzz::finding("fuzz_filter", "a refusal without a message", text);
    }
    return 0;
}
