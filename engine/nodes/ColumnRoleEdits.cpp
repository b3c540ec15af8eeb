#include "nodes/ColumnRoleEdits.h"

#include "data/DateColumns.h"
#include "data/NumberParser.h"
#include "graph/NodeError.h"
#include "nodes/ColumnLookup.h"

#include <QHash>
#include <QSet>

namespace sextant::engine {

namespace {

const QString kTarget = QStringLiteral("target");
const QString kFeatures = QStringLiteral("features");
const QString kDrop = QStringLiteral("drop");
const QString kCategorical = QStringLiteral("categorical");
const QString kNumeric = QStringLiteral("numeric");
const QString kAsDate = QStringLiteral("as_date");

} // namespace

QString ColumnRoleEdits::nonNumberCategory(const Column &c)
{
    for (const QString &category : c.categories()) {
        const QByteArray utf8 = category.trimmed().toUtf8();
        double v = 0;
        if (!parseNumber(
                std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), v))
            return category.isEmpty() ? QStringLiteral("(empty)") : category;
    }
    return {};
}

namespace {

void removeAll(QStringList &list, const QString &name)
{
    list.removeAll(name);
}

} // namespace

QString toString(ColumnRoleChoice choice)
{
    switch (choice) {
    case ColumnRoleChoice::Target:
        return QStringLiteral("target");
    case ColumnRoleChoice::Feature:
        return QStringLiteral("feature");
    case ColumnRoleChoice::Meta:
        return QStringLiteral("meta");
    case ColumnRoleChoice::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

QList<ParameterSpec> ColumnRoleEdits::parameterSpecs(const QString &metaKey)
{
    return {
        ParameterSpec::column(kTarget, QStringLiteral("Target"),
            QStringLiteral("Column to predict; any other target column becomes a feature. "
                           "Empty leaves the target as it is.")),
        ParameterSpec::columnList(kFeatures, QStringLiteral("Features"),
            QStringLiteral("Columns made inputs of models (for example a file's class "
                           "attribute, to train without a target).")),
        ParameterSpec::columnList(metaKey, QStringLiteral("Meta"),
            QStringLiteral("Columns kept in the table but not used by models (identifiers, "
                           "notes).")),
        ParameterSpec::columnList(kDrop, QStringLiteral("Dropped"),
            QStringLiteral("Columns removed from the table: no later step sees them.")),
        ParameterSpec::columnList(kCategorical, QStringLiteral("As categorical"),
            QStringLiteral("Numeric columns read as categories (class labels, ratings)."),
            ColumnFilter::Numeric),
        ParameterSpec::columnList(kNumeric, QStringLiteral("As numeric"),
            QStringLiteral("Categorical columns whose categories are all numbers, read as "
                           "numbers."),
            ColumnFilter::Categorical),
        ParameterSpec::columnList(kAsDate, QStringLiteral("As date"),
            QStringLiteral("Text columns read as dates or date-times (2024-03-05, "
                           "2024-03-05 14:30, 05/03/2024)."),
            ColumnFilter::Categorical),
    };
}

ColumnRoleEdits ColumnRoleEdits::fromParameters(
    const QVariantMap &parameters, const QString &metaKey)
{
    ColumnRoleEdits e;
    e.target = parameters.value(kTarget).toString();
    e.features = parameters.value(kFeatures).toStringList();
    e.meta = parameters.value(metaKey).toStringList();
    e.drop = parameters.value(kDrop).toStringList();
    e.categorical = parameters.value(kCategorical).toStringList();
    e.numeric = parameters.value(kNumeric).toStringList();
    e.dates = parameters.value(kAsDate).toStringList();
    return e;
}

QVariantMap ColumnRoleEdits::toParameters(const QString &metaKey) const
{
    return { { kTarget, target }, { kFeatures, features }, { metaKey, meta }, { kDrop, drop },
        { kCategorical, categorical }, { kNumeric, numeric }, { kAsDate, dates } };
}

void ColumnRoleEdits::apply(Dataset &data, bool propose) const
{
    // Every name is a column, listed once; one role and one type override per column.
    QHash<QString, QString> roleOf; // column -> the parameter that gives it a role
    const auto claim
        = [&](const QStringList &names, const QString &label, QHash<QString, QString> &claimed) {
              ColumnLookup::requireAll(data, names, label);
              for (const QString &name : names) {
                  const auto it = claimed.constFind(name);
                  if (it != claimed.cend())
                      throw NodeError(QStringLiteral("column '%1' is in both %2 and %3")
                                          .arg(name, it.value(), label));
                  claimed.insert(name, label);
              }
          };
    if (!target.isEmpty())
        claim({ target }, QStringLiteral("Target"), roleOf);
    claim(features, QStringLiteral("Features"), roleOf);
    claim(meta, QStringLiteral("Meta"), roleOf);
    claim(drop, QStringLiteral("Dropped"), roleOf);
    QHash<QString, QString> typeOf;
    claim(categorical, QStringLiteral("As categorical"), typeOf);
    claim(numeric, QStringLiteral("As numeric"), typeOf);
    claim(dates, QStringLiteral("As date"), typeOf);

    for (const QString &name : categorical) {
        const int i = data.indexOf(name);
        data.replaceColumn(i, data.column(i).toCategorical());
    }
    for (const QString &name : numeric) {
        const int i = data.indexOf(name);
        Column converted;
        if (!data.column(i).toNumeric(converted))
            throw NodeError(
                QStringLiteral("As numeric: column '%1' has the category '%2', which is not "
                               "a number")
                    .arg(name, nonNumberCategory(data.column(i))));
        data.replaceColumn(i, std::move(converted));
    }
    for (const QString &name : dates) {
        const int i = data.indexOf(name);
        const Column &c = data.column(i);
        if (c.isDateTime())
            continue;
        if (c.isNumeric())
            throw NodeError(
                QStringLiteral("As date: column '%1' holds numbers, not dates").arg(name));
        QString why;
        std::optional<Column> converted = DateColumns::fromText(c, DateColumns::Order::Auto, &why);
        if (!converted) {
            // Name the first value that is not a date in either order.
            QString bad;
            for (const QString &category : c.categories()) {
                const QByteArray utf8 = category.toUtf8();
                const std::string_view text(utf8.constData(), std::size_t(utf8.size()));
                double v = 0;
                if (!DateColumns::parseIso(text, v)
                    && !DateColumns::parseDayMonth(text, DateColumns::Order::DayFirst, v)
                    && !DateColumns::parseDayMonth(text, DateColumns::Order::MonthFirst, v)) {
                    bad = category;
                    break;
                }
            }
            throw NodeError(bad.isEmpty()
                    ? QStringLiteral("As date: column '%1' cannot be read as dates (%2)")
                          .arg(name, why.isEmpty() ? QStringLiteral("mixed forms") : why)
                    : QStringLiteral("As date: column '%1' has the value '%2', which is not a "
                                     "date")
                          .arg(name, bad));
        }
        converted->setRole(c.role());
        data.replaceColumn(i, std::move(*converted));
    }
    if (propose)
        proposeTarget(data);

    if (!target.isEmpty()) {
        for (int i : data.columnsWithRole(ColumnRole::Target))
            data.setRole(i, ColumnRole::Feature);
        data.setRole(data.indexOf(target), ColumnRole::Target);
    }
    for (const QString &name : features)
        data.setRole(data.indexOf(name), ColumnRole::Feature);
    for (const QString &name : meta)
        data.setRole(data.indexOf(name), ColumnRole::Ignore);

    if (drop.isEmpty())
        return;
    const QSet<QString> dropped(drop.cbegin(), drop.cend());
    Dataset kept;
    kept.setName(data.name());
    kept.setSource(data.source());
    kept.setPreprocessing(data.preprocessing());
    for (const Column &c : data.columns())
        if (!dropped.contains(c.name()))
            kept.addColumn(c); // shares the cells
    data = std::move(kept);
}

int ColumnRoleEdits::proposeTarget(Dataset &data)
{
    if (!data.columnsWithRole(ColumnRole::Target).isEmpty())
        return -1;
    for (int i = data.columnCount() - 1; i >= 0; --i)
        if (data.column(i).isCategorical() && data.column(i).role() == ColumnRole::Feature) {
            data.setRole(i, ColumnRole::Target);
            return i;
        }
    return -1;
}

ColumnRoleEdits ColumnRoleEdits::withRole(
    const QString &name, ColumnRoleChoice choice, ColumnRoleChoice currentRole) const
{
    ColumnRoleEdits e = *this;
    if (choice == currentRole)
        return e;
    removeAll(e.features, name);
    removeAll(e.meta, name);
    removeAll(e.drop, name);
    if (e.target == name)
        e.target.clear();
    switch (choice) {
    case ColumnRoleChoice::Target:
        e.target = name;
        break;
    case ColumnRoleChoice::Feature:
        // Explicit: the column may be the file's or the proposed target, or a meta column
        // of the file (LIBSVM's qid), which clearing the other overrides would not change.
        e.features.push_back(name);
        break;
    case ColumnRoleChoice::Meta:
        e.meta.push_back(name);
        break;
    case ColumnRoleChoice::Ignored:
        e.drop.push_back(name);
        break;
    }
    return e;
}

ColumnRoleEdits ColumnRoleEdits::withType(
    const QString &name, ColumnType type, ColumnType current) const
{
    ColumnRoleEdits e = *this;
    if (type == current)
        return e;
    QStringList &undoList = type == ColumnType::Numeric ? e.categorical : e.numeric;
    QStringList &addList = type == ColumnType::Numeric ? e.numeric : e.categorical;
    if (undoList.contains(name))
        removeAll(undoList, name); // back to the type the input has
    else
        addList.push_back(name);
    return e;
}

} // namespace sextant::engine
