#include "data/TableConcat.h"

#include "data/TableJoin.h"

#include <QHash>
#include <limits>

namespace sextant::engine {

Dataset TableConcat::concat(const std::vector<const Dataset *> &tables, const QString &sourceColumn,
    const QStringList &labels)
{
    if (tables.empty())
        throw TableError("no table to concatenate");
    QStringList names;
    QHash<QString, int> firstTable;
    for (std::size_t t = 0; t < tables.size(); ++t)
        for (const Column &c : tables[t]->columns()) {
            const auto it = firstTable.find(c.name());
            if (it == firstTable.end()) {
                firstTable.insert(c.name(), static_cast<int>(t));
                names.push_back(c.name());
                continue;
            }
            const Column &first = tables[static_cast<std::size_t>(it.value())]->column(
                tables[static_cast<std::size_t>(it.value())]->indexOf(c.name()));
            if (first.type() != c.type())
                throw TableError("column '" + c.name().toStdString() + "' is "
                    + toString(first.type()).toStdString() + " in table "
                    + std::to_string(it.value() + 1) + " but " + toString(c.type()).toStdString()
                    + " in table " + std::to_string(t + 1)
                    + ": make it the same type in both (Select Columns) before concatenating");
        }
    if (!sourceColumn.isEmpty() && firstTable.contains(sourceColumn))
        throw TableError("the source column '" + sourceColumn.toStdString()
            + "' is already a column of the tables: choose another name");
    std::int64_t total = 0;
    for (const Dataset *t : tables)
        total += t->rowCount();
    Dataset out;
    out.setName(tables.front()->name());
    out.setSource(tables.front()->source());
    bool targetSeen = false;
    for (const QString &name : names) {
        const Dataset &ft = *tables[static_cast<std::size_t>(firstTable.value(name))];
        const Column &proto = ft.column(ft.indexOf(name));
        Column col;
        if (proto.isNumeric()) {
            std::vector<double> v;
            v.reserve(static_cast<std::size_t>(total));
            for (const Dataset *t : tables) {
                const int j = t->indexOf(name);
                if (j < 0)
                    v.insert(v.end(), static_cast<std::size_t>(t->rowCount()),
                        std::numeric_limits<double>::quiet_NaN());
                else {
                    const auto src = t->column(j).values();
                    v.insert(v.end(), src.begin(), src.end());
                }
            }
            col = Column::numeric(name, std::move(v));
        } else {
            QStringList dict;
            QHash<QString, std::int32_t> index;
            std::vector<std::int32_t> codes;
            codes.reserve(static_cast<std::size_t>(total));
            for (const Dataset *t : tables) {
                const int j = t->indexOf(name);
                if (j < 0) {
                    codes.insert(codes.end(), static_cast<std::size_t>(t->rowCount()), -1);
                    continue;
                }
                const Column &c = t->column(j);
                std::vector<std::int32_t> map(static_cast<std::size_t>(c.categories().size()));
                for (qsizetype k = 0; k < c.categories().size(); ++k) {
                    auto it = index.find(c.categories()[k]);
                    if (it == index.end()) {
                        it = index.insert(
                            c.categories()[k], static_cast<std::int32_t>(dict.size()));
                        dict.push_back(c.categories()[k]);
                    }
                    map[static_cast<std::size_t>(k)] = it.value();
                }
                for (std::int32_t code : c.codes())
                    codes.push_back(code < 0 ? -1 : map[static_cast<std::size_t>(code)]);
            }
            col = Column::categorical(name, std::move(codes), std::move(dict));
        }
        ColumnRole role = proto.role();
        if (role == ColumnRole::Target) {
            if (targetSeen)
                role = ColumnRole::Feature;
            targetSeen = true;
        }
        col.setRole(role);
        out.addColumn(std::move(col));
    }
    if (!sourceColumn.isEmpty()) {
        QStringList dict;
        std::vector<std::int32_t> codes;
        codes.reserve(static_cast<std::size_t>(total));
        for (std::size_t t = 0; t < tables.size(); ++t) {
            QString label = static_cast<qsizetype>(t) < labels.size()
                ? labels[static_cast<qsizetype>(t)]
                : tables[t]->name();
            if (label.isEmpty() || dict.contains(label))
                label = QStringLiteral("table %1").arg(t + 1);
            dict.push_back(label);
            codes.insert(codes.end(), static_cast<std::size_t>(tables[t]->rowCount()),
                static_cast<std::int32_t>(t));
        }
        Column src = Column::categorical(sourceColumn, std::move(codes), std::move(dict));
        src.setRole(ColumnRole::Ignore);
        out.addColumn(std::move(src));
    }
    return out;
}

} // namespace sextant::engine
