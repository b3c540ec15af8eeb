// libFuzzer target for the expression language of Formula and Filter Rows (FormulaList,
// ExpressionParser, ExpressionProgram, ConditionFilter). Each input is one Formula text
// ("ratio = a / b; g = cut(x, [0, 1], [lo])") and, the same bytes, one Filter Rows
// condition:
//  - refused: an ExpressionError / FitError / RowFilterError with a message (any other
//    exception is a finding);
//  - accepted: the Formula step fits and transforms a small table with numeric,
//    categorical and missing cells, every result column has the table's row count, and a
//    model-state round trip transforms to the same cells; kept rows are in order.
#include "FuzzSupport.h"
#include "data/ConditionFilter.h"
#include "data/CsvReader.h"
#include "data/ExpressionError.h"
#include "data/RowSelection.h"
#include "ml/FormulaTransform.h"

using namespace sextant;
using namespace sextant::engine;

namespace {

const Dataset &table()
{
    static const Dataset d = [] {
        const LoadResult r
            = CsvReader::readBuffer(QByteArrayLiteral("x,y z,species,d,in\n"
                                                      "1,2.5,setosa,2024-02-29,3\n"
                                                      "-0.5,,virginica,,NA\n"
                                                      "1e3,7,\"set osa\",1999-12-31T23:59:59,0\n"
                                                      "nan,3,,2024-13-01,1\n"
                                                      "-inf,-0,setosa,1970-01-01,2\n"),
                QStringLiteral("formula.csv"));
        if (!r.ok())
            fuzz::finding("fuzz_formula", "the table does not load", r.error->toString());
        return *r.dataset;
    }();
    return d;
}

QString cells(const Dataset &d)
{
    QString out = d.columnNames().join(QLatin1Char(','));
    for (std::int64_t r = 0; r < d.rowCount(); ++r)
        for (const Column &c : d.columns())
            out += QLatin1Char('|') + (c.isMissing(r) ? QStringLiteral("NA") : c.displayValue(r));
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 2048)
        return 0;
    const QString text
        = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    try {
        (void)FormulaTransform::check(text, &table());
        FormulaTransform step({ text });
        step.fit(table(), {});
        const Dataset out = step.transform(table());
        for (const Column &c : out.columns())
            if (c.size() != table().rowCount())
                fuzz::finding("fuzz_formula", "a column of another length", text);
        FormulaTransform restored;
        restored.restore(step.state());
        if (cells(restored.transform(table())) != cells(out))
            fuzz::finding("fuzz_formula", "the restored step computes other cells", text);
    } catch (const FitError &e) {
        if (QString::fromUtf8(e.what()).isEmpty())
            fuzz::finding("fuzz_formula", "a refusal without a message", text);
    } catch (const ModelStateError &e) {
        fuzz::finding("fuzz_formula", "a fitted step's own state is refused",
            text + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
    try {
        (void)ConditionFilter::check(text, &table());
        const std::vector<std::int64_t> rows = ConditionFilter::matchingRows(table(), text);
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i] < 0 || rows[i] >= table().rowCount() || (i > 0 && rows[i] <= rows[i - 1]))
                fuzz::finding("fuzz_formula", "rows out of order or range", text);
    } catch (const RowFilterError &e) {
        if (QString::fromUtf8(e.what()).isEmpty())
            fuzz::finding("fuzz_formula", "a refusal without a message", text);
    }
    return 0;
}
