#include "data/TableGather.h"

#include <QHash>
#include <limits>

namespace sextant::engine {

namespace {

// Codes of `from`'s categories in the merged dictionary `into` (extended as needed).
std::vector<std::int32_t> mergeCategories(const QStringList &from, QStringList &into)
{
    QHash<QString, std::int32_t> index;
    for (qsizetype k = 0; k < into.size(); ++k)
        index.insert(into[k], static_cast<std::int32_t>(k));
    std::vector<std::int32_t> map(static_cast<std::size_t>(from.size()));
    for (qsizetype k = 0; k < from.size(); ++k) {
        auto it = index.find(from[k]);
        if (it == index.end()) {
            it = index.insert(from[k], static_cast<std::int32_t>(into.size()));
            into.push_back(from[k]);
        }
        map[static_cast<std::size_t>(k)] = it.value();
    }
    return map;
}

} // namespace

Column TableGather::gather(const Column &column, const std::vector<std::int64_t> &rows)
{
    Column out;
    if (column.isNumeric()) {
        const auto v = column.values();
        std::vector<double> values(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            values[i] = rows[i] < 0 ? std::numeric_limits<double>::quiet_NaN()
                                    : v[static_cast<std::size_t>(rows[i])];
        out = Column::numeric(column.name(), std::move(values));
    } else {
        const auto c = column.codes();
        std::vector<std::int32_t> codes(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            codes[i] = rows[i] < 0 ? -1 : c[static_cast<std::size_t>(rows[i])];
        out = Column::categorical(column.name(), std::move(codes), column.categories());
    }
    out.setRole(column.role());
    return out;
}

Column TableGather::coalesce(const Column &first, const std::vector<std::int64_t> &a,
    const Column &second, const std::vector<std::int64_t> &b)
{
    Column out;
    if (first.isNumeric()) {
        const auto x = first.values(), y = second.values();
        std::vector<double> values(a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            values[i] = a[i] >= 0 ? x[static_cast<std::size_t>(a[i])]
                : b[i] >= 0       ? y[static_cast<std::size_t>(b[i])]
                                  : std::numeric_limits<double>::quiet_NaN();
        out = Column::numeric(first.name(), std::move(values));
    } else {
        QStringList dict = first.categories();
        const std::vector<std::int32_t> map = mergeCategories(second.categories(), dict);
        const auto x = first.codes(), y = second.codes();
        std::vector<std::int32_t> codes(a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            std::int32_t code = -1;
            if (a[i] >= 0)
                code = x[static_cast<std::size_t>(a[i])];
            else if (b[i] >= 0) {
                const std::int32_t c = y[static_cast<std::size_t>(b[i])];
                code = c < 0 ? -1 : map[static_cast<std::size_t>(c)];
            }
            codes[i] = code;
        }
        out = Column::categorical(first.name(), std::move(codes), std::move(dict));
    }
    out.setRole(first.role());
    return out;
}

} // namespace sextant::engine
