#include "nodes/SelectedRowsNode.h"

#include "data/Dataset.h"
#include "data/RowSelection.h"
#include "graph/NodeError.h"

#include <algorithm>

namespace sextant::engine {

namespace {

// Row indices beyond this are refused as text (no table has that many rows, and the value
// stays exact in a double).
constexpr std::int64_t kMaxRowIndex = (std::int64_t(1) << 53) - 1;

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

} // namespace

NodeType SelectedRowsNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Selected Rows");
    t.description = QStringLiteral(
        "The rows selected in the views of its input table: a histogram bar, a "
        "confusion-matrix cell, a rectangle or lasso in the scatter, rows of the data table.");
    t.inputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Data"), {}, false } };
    t.outputs = { PortSpec {
        QStringLiteral("data"), PortType::Table, QStringLiteral("Selected rows"), {}, false } };
    ParameterSpec rows = ParameterSpec::string(rowsParameter(), QStringLiteral("Rows"), {},
        QStringLiteral("The selected rows as 0-based indices of the input table, in ranges: "
                       "\"0-9,15,20-30\" (the data table numbers rows from 1). Set by "
                       "selecting in the views; empty: no row."));
    rows.maxLength = kMaxRowsText;
    t.parameters = { rows };
    t.setCompute(&SelectedRowsNode::compute);
    return t;
}

void SelectedRowsNode::compute(NodeContext &ctx)
{
    const Dataset &data = ctx.inputAs<Dataset>(0);
    const Result<std::vector<std::int64_t>> rows
        = decodeRows(ctx.stringParameter(rowsParameter()), data.rowCount());
    if (!rows)
        throw NodeError(rows.error());
    if (ctx.cancelled())
        return;
    Dataset out = selectRows(data, rows.value());
    out.setPreprocessing(data.preprocessing());
    if (out.rowCount() == 0)
        ctx.addWarning(QStringLiteral("no row is selected"));
    ctx.setOutput(0, makeValue(std::move(out)));
}

QString SelectedRowsNode::encodeRows(const std::vector<std::int64_t> &rows)
{
    QString out;
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QString::number(rows[i]);
        if (j > i) {
            out += QLatin1Char('-');
            out += QString::number(rows[j]);
        }
        i = j + 1;
    }
    return out;
}

Result<std::vector<std::int64_t>> SelectedRowsNode::decodeRows(
    const QString &text, std::int64_t rowCount)
{
    using R = Result<std::vector<std::int64_t>>;
    // Ranges as read, then sorted and merged.
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    const qsizetype n = text.size();
    qsizetype pos = 0;
    const auto skipSpaces = [&] {
        while (pos < n && isSpace(text[pos]))
            ++pos;
    };
    const auto where
        = [&](qsizetype at) { return QStringLiteral("rows, character %1").arg(at + 1); };
    const auto readNumber = [&](std::int64_t &value) -> QString {
        skipSpaces();
        const qsizetype start = pos;
        value = 0;
        while (pos < n && text[pos] >= QLatin1Char('0') && text[pos] <= QLatin1Char('9')) {
            value = value * 10 + (text[pos].unicode() - '0');
            if (value > kMaxRowIndex)
                return QStringLiteral("%1: the row index is too large").arg(where(start));
            ++pos;
        }
        if (pos == start) {
            if (pos >= n)
                return QStringLiteral("%1: a row index is missing at the end").arg(where(pos));
            return QStringLiteral("%1: expected a row index (0, 1, 2...), found '%2'")
                .arg(where(pos), text[pos]);
        }
        skipSpaces();
        return {};
    };
    skipSpaces();
    if (pos == n)
        return R(std::vector<std::int64_t> {});
    while (true) {
        std::int64_t first = 0;
        const qsizetype start = pos;
        if (QString e = readNumber(first); !e.isEmpty())
            return R::failure(e);
        std::int64_t last = first;
        if (pos < n && text[pos] == QLatin1Char('-')) {
            ++pos;
            if (QString e = readNumber(last); !e.isEmpty())
                return R::failure(e);
            if (last < first)
                return R::failure(QStringLiteral("%1: the range %2-%3 runs backwards")
                                      .arg(where(start))
                                      .arg(first)
                                      .arg(last));
        }
        if (last >= rowCount)
            return R::failure(rowCount <= 0
                    ? QStringLiteral("row index %1 is out of range: the input table has no rows")
                          .arg(last)
                    : QStringLiteral("row index %1 is out of range: the input table has %2 "
                                     "rows (indices 0-%3); select the rows again")
                          .arg(last)
                          .arg(rowCount)
                          .arg(rowCount - 1));
        ranges.emplace_back(first, last);
        if (pos == n)
            break;
        if (text[pos] != QLatin1Char(','))
            return R::failure(
                QStringLiteral("%1: expected ',' or '-', found '%2'").arg(where(pos), text[pos]));
        ++pos;
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::int64_t> rows;
    std::int64_t next = 0; // rows below this are already in
    for (const auto &[first, last] : ranges) {
        for (std::int64_t r = std::max(first, next); r <= last; ++r)
            rows.push_back(r);
        next = std::max(next, last + 1);
    }
    return R(std::move(rows));
}

} // namespace sextant::engine
