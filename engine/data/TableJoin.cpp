#include "data/TableJoin.h"

#include "data/TableGather.h"

#include <QHash>
#include <QSet>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace sextant::engine {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// One byte string per row holding its key cells (8 bytes each); `missing[r]` when a key
// cell of row r is missing.
struct Keys {
    std::vector<std::string> rows;
    std::vector<std::uint8_t> missing;
};

void appendCell(std::string &key, std::uint64_t v)
{
    char b[8];
    std::memcpy(b, &v, 8);
    key.append(b, 8);
}

Keys encode(const Dataset &data, const QList<int> &columns, QHash<QString, std::uint64_t> &ids)
{
    const auto n = static_cast<std::size_t>(data.rowCount());
    Keys k;
    k.rows.assign(n, std::string());
    k.missing.assign(n, 0);
    for (int j : columns) {
        const Column &c = data.column(j);
        if (c.isNumeric()) {
            const auto v = c.values();
            for (std::size_t r = 0; r < n; ++r) {
                double x = v[r];
                std::uint64_t bits = ~std::uint64_t(0);
                if (std::isnan(x)) {
                    k.missing[r] = 1;
                } else {
                    if (x == 0)
                        x = 0; // -0 and 0 are one key
                    std::memcpy(&bits, &x, 8);
                }
                appendCell(k.rows[r], bits);
            }
        } else {
            std::vector<std::uint64_t> map(static_cast<std::size_t>(c.categories().size()));
            for (qsizetype i = 0; i < c.categories().size(); ++i) {
                auto it = ids.find(c.categories()[i]);
                if (it == ids.end())
                    it = ids.insert(c.categories()[i], static_cast<std::uint64_t>(ids.size()));
                map[static_cast<std::size_t>(i)] = it.value();
            }
            const auto codes = c.codes();
            for (std::size_t r = 0; r < n; ++r) {
                if (codes[r] < 0) {
                    k.missing[r] = 1;
                    appendCell(k.rows[r], ~std::uint64_t(0));
                } else {
                    appendCell(k.rows[r], map[static_cast<std::size_t>(codes[r])]);
                }
            }
        }
    }
    return k;
}

QList<int> keyColumns(const Dataset &data, const QStringList &keys, const char *side)
{
    QList<int> out;
    for (const QString &k : keys) {
        const int j = data.indexOf(k);
        if (j < 0)
            throw TableError(
                std::string("the ") + side + " table has no key column '" + str(k) + "'");
        out.push_back(j);
    }
    return out;
}

} // namespace

QString TableJoin::Result::cardinalityNote() const
{
    QStringList parts;
    if (leftRowsWithSeveralMatches > 0)
        parts << QStringLiteral("%1 left rows match several right rows")
                     .arg(leftRowsWithSeveralMatches);
    if (rightRowsWithSeveralMatches > 0)
        parts << QStringLiteral("%1 right rows match several left rows")
                     .arg(rightRowsWithSeveralMatches);
    if (parts.isEmpty())
        return {};
    const bool many = leftRowsWithSeveralMatches > 0 && rightRowsWithSeveralMatches > 0;
    return (many                                    ? QStringLiteral("many-to-many join: ")
                   : leftRowsWithSeveralMatches > 0 ? QStringLiteral("one-to-many join: ")
                                                    : QStringLiteral("many-to-one join: "))
        + parts.join(QStringLiteral(", "));
}

TableJoin::Result TableJoin::join(const Dataset &left, const Dataset &right, const Options &o)
{
    const QStringList rightKeyNames = o.rightKeys.isEmpty() ? o.leftKeys : o.rightKeys;
    if (o.leftKeys.isEmpty())
        throw TableError("choose the key column(s) to join on");
    if (rightKeyNames.size() != o.leftKeys.size())
        throw TableError("the left table has " + std::to_string(o.leftKeys.size())
            + " key columns and the right " + std::to_string(rightKeyNames.size())
            + ": give as many on each side");
    const QList<int> lk = keyColumns(left, o.leftKeys, "left");
    const QList<int> rk = keyColumns(right, rightKeyNames, "right");
    for (qsizetype i = 0; i < lk.size(); ++i) {
        const Column &a = left.column(lk[i]), &b = right.column(rk[i]);
        if (a.type() != b.type())
            throw TableError("key '" + str(a.name()) + "' is " + str(toString(a.type()))
                + " in the left table but '" + str(b.name()) + "' is " + str(toString(b.type()))
                + " in the right: keys must have the same type (change one with Select "
                  "Columns)");
    }
    QHash<QString, std::uint64_t> ids;
    const Keys lkeys = encode(left, lk, ids);
    const Keys rkeys = encode(right, rk, ids);
    const auto usable
        = [&](const Keys &k, std::size_t r) { return o.missingKeysMatch || !k.missing[r]; };

    const auto nl = static_cast<std::size_t>(left.rowCount());
    const auto nr = static_cast<std::size_t>(right.rowCount());
    std::vector<std::int64_t> li, ri;
    Result res;
    std::vector<std::int32_t> rightMatches(nr, 0), leftMatches(nl, 0);
    if (o.how != How::Right) {
        std::unordered_map<std::string, std::vector<std::int64_t>> index;
        for (std::size_t r = 0; r < nr; ++r)
            if (usable(rkeys, r))
                index[rkeys.rows[r]].push_back(static_cast<std::int64_t>(r));
        for (std::size_t l = 0; l < nl; ++l) {
            const std::vector<std::int64_t> *m = nullptr;
            if (usable(lkeys, l)) {
                const auto it = index.find(lkeys.rows[l]);
                if (it != index.end())
                    m = &it->second;
            }
            if (m) {
                for (std::int64_t r : *m) {
                    li.push_back(static_cast<std::int64_t>(l));
                    ri.push_back(r);
                    ++rightMatches[static_cast<std::size_t>(r)];
                }
                leftMatches[l] = static_cast<std::int32_t>(m->size());
            } else {
                ++res.unmatchedLeft;
                if (o.how == How::Left || o.how == How::Outer) {
                    li.push_back(static_cast<std::int64_t>(l));
                    ri.push_back(-1);
                }
            }
        }
        for (std::size_t r = 0; r < nr; ++r)
            if (rightMatches[r] == 0) {
                ++res.unmatchedRight;
                if (o.how == How::Outer) {
                    li.push_back(-1);
                    ri.push_back(static_cast<std::int64_t>(r));
                }
            }
    } else {
        std::unordered_map<std::string, std::vector<std::int64_t>> index;
        for (std::size_t l = 0; l < nl; ++l)
            if (usable(lkeys, l))
                index[lkeys.rows[l]].push_back(static_cast<std::int64_t>(l));
        for (std::size_t r = 0; r < nr; ++r) {
            const std::vector<std::int64_t> *m = nullptr;
            if (usable(rkeys, r)) {
                const auto it = index.find(rkeys.rows[r]);
                if (it != index.end())
                    m = &it->second;
            }
            if (m) {
                for (std::int64_t l : *m) {
                    li.push_back(l);
                    ri.push_back(static_cast<std::int64_t>(r));
                    ++leftMatches[static_cast<std::size_t>(l)];
                }
                rightMatches[r] = static_cast<std::int32_t>(m->size());
            } else {
                ++res.unmatchedRight;
                li.push_back(-1);
                ri.push_back(static_cast<std::int64_t>(r));
            }
        }
        for (std::size_t l = 0; l < nl; ++l)
            if (leftMatches[l] == 0)
                ++res.unmatchedLeft;
    }
    for (std::size_t l = 0; l < nl; ++l)
        if (leftMatches[l] > 1)
            ++res.leftRowsWithSeveralMatches;
    for (std::size_t r = 0; r < nr; ++r)
        if (rightMatches[r] > 1)
            ++res.rightRowsWithSeveralMatches;

    // Columns: same-name keys once (coalesced), then the rest with suffixes on clashes.
    QSet<int> coalescedRight;
    QHash<int, int> coalescedLeft; // left column -> right column
    for (qsizetype i = 0; i < lk.size(); ++i)
        if (left.column(lk[i]).name() == right.column(rk[i]).name()) {
            coalescedLeft.insert(lk[i], rk[i]);
            coalescedRight.insert(rk[i]);
        }
    QSet<QString> leftNames, rightNames;
    for (int j = 0; j < left.columnCount(); ++j)
        leftNames.insert(left.column(j).name());
    for (int j = 0; j < right.columnCount(); ++j)
        if (!coalescedRight.contains(j))
            rightNames.insert(right.column(j).name());
    const bool leftHasTarget = !left.columnsWithRole(ColumnRole::Target).isEmpty();
    Dataset out;
    out.setName(left.name());
    out.setSource(left.source());
    QSet<QString> taken;
    const auto unique = [&](QString name) {
        const QString base = name;
        for (int k = 2; taken.contains(name); ++k)
            name = base + QLatin1Char('_') + QString::number(k);
        taken.insert(name);
        return name;
    };
    for (int j = 0; j < left.columnCount(); ++j) {
        const Column &c = left.column(j);
        Column g = coalescedLeft.contains(j)
            ? TableGather::coalesce(c, li, right.column(coalescedLeft.value(j)), ri)
            : TableGather::gather(c, li);
        QString name = c.name();
        if (!coalescedLeft.contains(j) && rightNames.contains(name))
            name += o.leftSuffix;
        g.setName(unique(name));
        g.setRole(c.role());
        out.addColumn(std::move(g));
    }
    for (int j = 0; j < right.columnCount(); ++j) {
        if (coalescedRight.contains(j))
            continue;
        const Column &c = right.column(j);
        Column g = TableGather::gather(c, ri);
        QString name = c.name();
        if (leftNames.contains(name))
            name += o.rightSuffix;
        g.setName(unique(name));
        g.setRole(c.role() == ColumnRole::Target && leftHasTarget ? ColumnRole::Feature : c.role());
        out.addColumn(std::move(g));
    }
    res.table = std::move(out);
    return res;
}

} // namespace sextant::engine
