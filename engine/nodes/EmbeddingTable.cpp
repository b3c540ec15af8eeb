#include "nodes/EmbeddingTable.h"

#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "nodes/ColumnLookup.h"
#include "nodes/ScatterData.h"

#include <cmath>

namespace sextant::engine {

QList<ParameterSpec> EmbeddingTable::parameters()
{
    return {
        ParameterSpec::columnList(QStringLiteral("columns"), QStringLiteral("Columns"),
            QStringLiteral("Numeric columns to embed. Empty: every numeric column but the "
                           "target."),
            ColumnFilter::Numeric),
        ParameterSpec::boolean(QStringLiteral("standardize"), QStringLiteral("Standardize"), false,
            QStringLiteral("Scale each column to mean 0 and variance 1 first.")),
    };
}

void EmbeddingTable::completeRows(
    NodeContext &ctx, const Dataset &data, QList<int> *columns, std::vector<std::int64_t> *rows)
{
    *columns = ColumnLookup::numericOrDefault(data, ctx.listParameter(QStringLiteral("columns")),
        QStringLiteral("the input has no numeric column to embed"));
    rows->clear();
    for (std::int64_t r = 0; r < data.rowCount(); ++r) {
        bool ok = true;
        for (int c = 0; ok && c < columns->size(); ++c)
            ok = std::isfinite(data.column((*columns)[c]).values()[static_cast<std::size_t>(r)]);
        if (ok)
            rows->push_back(r);
    }
    const auto n = static_cast<std::int64_t>(rows->size());
    if (n < data.rowCount())
        ctx.addWarning(
            QStringLiteral("%1 rows with a missing value left out").arg(data.rowCount() - n));
}

Eigen::MatrixXd EmbeddingTable::matrix(const Dataset &data, const QList<int> &columns,
    const std::vector<std::int64_t> &rows, bool standardize)
{
    const auto n = static_cast<Eigen::Index>(rows.size());
    Eigen::MatrixXd X(n, columns.size());
    for (Eigen::Index i = 0; i < n; ++i)
        for (int c = 0; c < columns.size(); ++c)
            X(i, c) = data.column(columns[c])
                          .values()[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
    if (standardize && n > 1)
        for (Eigen::Index c = 0; c < X.cols(); ++c) {
            const double mean = X.col(c).mean();
            const double sd = std::sqrt((X.col(c).array() - mean).square().sum() / double(n));
            X.col(c).array() -= mean;
            if (sd > 0)
                X.col(c) /= sd;
        }
    return X;
}

void EmbeddingTable::setOutputs(NodeContext &ctx, const Dataset &data,
    const std::vector<std::int64_t> &rows, const Eigen::MatrixXd &embedding, const QString &prefix)
{
    const auto n = static_cast<Eigen::Index>(rows.size());
    Dataset table = data;
    const auto uniqueName = [&table](const QString &name) {
        QString candidate = name;
        for (int k = 2; table.indexOf(candidate) >= 0; ++k)
            candidate = name + QStringLiteral(" (%1)").arg(k);
        return candidate;
    };
    const int first = table.columnCount();
    for (Eigen::Index c = 0; c < embedding.cols(); ++c) {
        std::vector<double> v(static_cast<std::size_t>(data.rowCount()), std::nan(""));
        std::vector<std::uint8_t> missing(static_cast<std::size_t>(data.rowCount()), 1);
        for (Eigen::Index i = 0; i < n; ++i) {
            v[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])] = embedding(i, c);
            missing[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])] = 0;
        }
        if (n == data.rowCount())
            missing.clear();
        table.addColumn(Column::numeric(uniqueName(QStringLiteral("%1 %2").arg(prefix).arg(c + 1)),
            std::move(v), std::move(missing)));
    }
    ScatterData s;
    s.x = table.column(first);
    s.y = table.column(first + 1);
    for (int i = 0; i < table.columnCount() && !s.color; ++i)
        if (table.column(i).name().compare(QLatin1String("cluster"), Qt::CaseInsensitive) == 0)
            s.color = table.column(i);
    for (int i : table.columnsWithRole(ColumnRole::Target))
        if (!s.color && table.column(i).isCategorical())
            s.color = table.column(i);
    s.table = table;
    ctx.progress(1.0);
    ctx.setOutput(0, makeValue(std::move(table)));
    ctx.setResult(makeValue(std::move(s)));
}

} // namespace sextant::engine
