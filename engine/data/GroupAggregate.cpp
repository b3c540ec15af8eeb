#include "data/GroupAggregate.h"

#include "data/TableGather.h"
#include "data/TableJoin.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>

namespace sextant::engine {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Kahan-Babuska (Neumaier) summation, close to pandas' compensated group sums.
struct Sum {
    double sum = 0, comp = 0;
    void add(double x)
    {
        const double t = sum + x;
        if (std::fabs(sum) >= std::fabs(x))
            comp += (sum - t) + x;
        else
            comp += (x - t) + sum;
        sum = t;
    }
    double value() const { return sum + comp; }
};

} // namespace

bool GroupAggregate::parseAggregate(const QString &text, Aggregate &out)
{
    const QString n = text.trimmed().toLower();
    static const std::pair<const char *, Aggregate> names[] = { { "count", Aggregate::Count },
        { "sum", Aggregate::Sum }, { "mean", Aggregate::Mean }, { "average", Aggregate::Mean },
        { "median", Aggregate::Median }, { "min", Aggregate::Min }, { "max", Aggregate::Max },
        { "std", Aggregate::Std }, { "first", Aggregate::First },
        { "distinct", Aggregate::Distinct }, { "nunique", Aggregate::Distinct } };
    for (const auto &[name, a] : names)
        if (n == QLatin1String(name)) {
            out = a;
            return true;
        }
    return false;
}

QString GroupAggregate::name(Aggregate a)
{
    switch (a) {
    case Aggregate::Count:
        return QStringLiteral("count");
    case Aggregate::Sum:
        return QStringLiteral("sum");
    case Aggregate::Mean:
        return QStringLiteral("mean");
    case Aggregate::Median:
        return QStringLiteral("median");
    case Aggregate::Min:
        return QStringLiteral("min");
    case Aggregate::Max:
        return QStringLiteral("max");
    case Aggregate::Std:
        return QStringLiteral("std");
    case Aggregate::First:
        return QStringLiteral("first");
    case Aggregate::Distinct:
        return QStringLiteral("distinct");
    }
    return {};
}

bool GroupAggregate::needsNumbers(Aggregate a)
{
    return a != Aggregate::Count && a != Aggregate::First && a != Aggregate::Distinct;
}

GroupAggregate::Groups GroupAggregate::groups(const Dataset &data, const QList<int> &keys)
{
    const auto n = static_cast<std::size_t>(data.rowCount());
    Groups g;
    g.ofRow.assign(n, -1);
    // Row key: 8 bytes per key column (the value's bits, or the category code).
    std::unordered_map<std::string, std::int32_t> index;
    std::vector<std::int64_t> first;
    std::string key;
    for (std::size_t r = 0; r < n; ++r) {
        key.clear();
        bool missing = false;
        for (int j : keys) {
            const Column &c = data.column(j);
            std::uint64_t bits = 0;
            if (c.isNumeric()) {
                double x = c.values()[r];
                if (std::isnan(x)) {
                    missing = true;
                    break;
                }
                if (x == 0)
                    x = 0;
                std::memcpy(&bits, &x, 8);
            } else {
                const std::int32_t code = c.codes()[r];
                if (code < 0) {
                    missing = true;
                    break;
                }
                bits = static_cast<std::uint64_t>(code);
            }
            char b[8];
            std::memcpy(b, &bits, 8);
            key.append(b, 8);
        }
        if (missing)
            continue;
        auto [it, inserted] = index.emplace(key, static_cast<std::int32_t>(first.size()));
        if (inserted)
            first.push_back(static_cast<std::int64_t>(r));
        g.ofRow[r] = it->second;
    }
    // Sort groups by their keys: numbers ascending, categories by text.
    std::vector<std::int32_t> order(first.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<const Column *> cols;
    for (int j : keys)
        cols.push_back(&data.column(j));
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t x, std::int32_t y) {
        const auto rx = static_cast<std::size_t>(first[static_cast<std::size_t>(x)]);
        const auto ry = static_cast<std::size_t>(first[static_cast<std::size_t>(y)]);
        for (const Column *c : cols) {
            if (c->isNumeric()) {
                const double a = c->values()[rx], b = c->values()[ry];
                if (a != b)
                    return a < b;
            } else {
                const std::int32_t a = c->codes()[rx], b = c->codes()[ry];
                if (a != b) {
                    const int cmp = QString::compare(c->categories()[a], c->categories()[b]);
                    if (cmp != 0)
                        return cmp < 0;
                }
            }
        }
        return false;
    });
    std::vector<std::int32_t> rank(first.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        rank[static_cast<std::size_t>(order[k])] = static_cast<std::int32_t>(k);
    for (auto &o : g.ofRow)
        if (o >= 0)
            o = rank[static_cast<std::size_t>(o)];
    g.firstRow.resize(first.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        g.firstRow[k] = first[static_cast<std::size_t>(order[k])];
    return g;
}

double GroupAggregate::compute(
    Aggregate a, const double *values, const std::vector<std::int64_t> &rows)
{
    std::vector<double> present;
    present.reserve(rows.size());
    for (std::int64_t r : rows) {
        const double x = values[r];
        if (!std::isnan(x))
            present.push_back(x);
    }
    const std::size_t k = present.size();
    switch (a) {
    case Aggregate::Count:
        return static_cast<double>(k);
    case Aggregate::Sum: {
        Sum s;
        for (double x : present)
            s.add(x);
        return s.value();
    }
    case Aggregate::Mean: {
        if (k == 0)
            return kNaN;
        Sum s;
        for (double x : present)
            s.add(x);
        return s.value() / static_cast<double>(k);
    }
    case Aggregate::Median: {
        if (k == 0)
            return kNaN;
        std::sort(present.begin(), present.end());
        return k % 2 ? present[k / 2] : (present[k / 2 - 1] + present[k / 2]) / 2;
    }
    case Aggregate::Min:
        return k == 0 ? kNaN : *std::min_element(present.begin(), present.end());
    case Aggregate::Max:
        return k == 0 ? kNaN : *std::max_element(present.begin(), present.end());
    case Aggregate::Std: {
        if (k < 2)
            return kNaN;
        // Welford, as pandas' group variance.
        double mean = 0, m2 = 0;
        std::size_t i = 0;
        for (double x : present) {
            ++i;
            const double d = x - mean;
            mean += d / static_cast<double>(i);
            m2 += d * (x - mean);
        }
        return std::sqrt(m2 / static_cast<double>(k - 1));
    }
    case Aggregate::First:
        return k == 0 ? kNaN : present.front();
    case Aggregate::Distinct:
        return static_cast<double>(std::set<double>(present.begin(), present.end()).size());
    }
    return kNaN;
}

Dataset GroupAggregate::aggregate(const Dataset &data, const QStringList &keys,
    const std::vector<Spec> &specs, const std::atomic<bool> *cancel)
{
    if (keys.isEmpty())
        throw TableError("choose the column(s) to group by");
    QList<int> keyCols;
    for (const QString &k : keys) {
        const int j = data.indexOf(k);
        if (j < 0)
            throw TableError("the table has no column '" + k.toStdString() + "' to group by");
        keyCols.push_back(j);
    }
    for (const Spec &s : specs) {
        const int j = data.indexOf(s.column);
        if (j < 0)
            throw TableError(
                "the table has no column '" + s.column.toStdString() + "' to aggregate");
        if (needsNumbers(s.aggregate) && !data.column(j).isNumeric())
            throw TableError("column '" + s.column.toStdString()
                + "' is categorical: " + name(s.aggregate).toStdString()
                + " needs numbers (count, first and distinct work on categories)");
    }
    const Groups g = groups(data, keyCols);
    const std::size_t groupCount = g.firstRow.size();
    std::vector<std::vector<std::int64_t>> members(groupCount);
    for (std::size_t r = 0; r < g.ofRow.size(); ++r)
        if (g.ofRow[r] >= 0)
            members[static_cast<std::size_t>(g.ofRow[r])].push_back(static_cast<std::int64_t>(r));
    Dataset out;
    out.setName(data.name());
    out.setSource(data.source());
    for (int j : keyCols) {
        Column c = TableGather::gather(data.column(j), g.firstRow);
        c.setRole(ColumnRole::Feature);
        out.addColumn(std::move(c));
    }
    for (const Spec &s : specs) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        const Column &c = data.column(data.indexOf(s.column));
        QString colName = s.column + QLatin1Char('_') + name(s.aggregate);
        for (int k = 2; out.indexOf(colName) >= 0; ++k)
            colName = s.column + QLatin1Char('_') + name(s.aggregate) + QLatin1Char('_')
                + QString::number(k);
        if (c.isCategorical()) {
            const auto codes = c.codes();
            if (s.aggregate == Aggregate::First) {
                std::vector<std::int32_t> firstCodes(groupCount, -1);
                for (std::size_t k = 0; k < groupCount; ++k)
                    for (std::int64_t r : members[k])
                        if (codes[static_cast<std::size_t>(r)] >= 0) {
                            firstCodes[k] = codes[static_cast<std::size_t>(r)];
                            break;
                        }
                out.addColumn(Column::categorical(colName, std::move(firstCodes), c.categories()));
                continue;
            }
            std::vector<double> v(groupCount);
            for (std::size_t k = 0; k < groupCount; ++k) {
                std::set<std::int32_t> distinct;
                double count = 0;
                for (std::int64_t r : members[k]) {
                    const std::int32_t code = codes[static_cast<std::size_t>(r)];
                    if (code >= 0) {
                        ++count;
                        distinct.insert(code);
                    }
                }
                v[k] = s.aggregate == Aggregate::Count ? count
                                                       : static_cast<double>(distinct.size());
            }
            out.addColumn(Column::numeric(colName, std::move(v)));
            continue;
        }
        std::vector<double> v(groupCount);
        for (std::size_t k = 0; k < groupCount; ++k)
            v[k] = compute(s.aggregate, c.values().data(), members[k]);
        out.addColumn(Column::numeric(colName, std::move(v)));
    }
    return out;
}

} // namespace sextant::engine
