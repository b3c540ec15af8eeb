#pragma once

#include "data/Dataset.h"
#include "graph/ParameterSpec.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace sextant::engine {

// The roles a person gives a column in the column list. Three of them are engine roles
// (ColumnRole); Ignored is not a role but the column's absence: it is dropped from the
// table, so no node downstream sees it.
//   Target   the column models predict (one per table)
//   Feature  an input of models
//   Meta     kept in the table and shown, carried to predictions, never an input of a
//            model (ColumnRole::Ignore, what Select Columns' "ignored" has always meant)
//   Ignored  dropped from the table
enum class ColumnRoleChoice : std::uint8_t { Target, Feature, Meta, Ignored };

QString toString(ColumnRoleChoice choice); // "target", "feature", "meta", "ignored"

// The column role and type overrides the File and Select Columns nodes share, as
// parameters keyed by column name (so they survive a column being added to the file):
//   target       column: the target; any other target becomes a feature. Empty: keep the
//                table's target (the File node proposes one, see proposeTarget).
//   features     column list: made features (a file's class attribute, LIBSVM's qid...).
//   <meta key>   column list: made meta columns ("meta" on the File node; "ignored" on
//                Select Columns, its name since before the column list edited roles).
//   drop         column list: removed from the table.
//   categorical  column list: numeric columns read as categories (ascending values).
//   numeric      column list: categorical columns whose categories are all numbers,
//                read as numbers (a date column: its seconds since 1970, as numbers).
//   as_date      column list: text columns read as dates (DateColumns.h; the day/month
//                order the values allow), refused naming the value that is not a date.
// Every name must be a column of the table (a clear message names the one that is not),
// and a column may have one role override and one type override.
struct ColumnRoleEdits {
    QString target;
    QStringList features;
    QStringList meta;
    QStringList drop;
    QStringList categorical;
    QStringList numeric;
    QStringList dates;

    // The parameter specs (target, features, <metaKey>, drop, categorical, numeric,
    // as_date).
    static QList<ParameterSpec> parameterSpecs(const QString &metaKey);
    static ColumnRoleEdits fromParameters(const QVariantMap &parameters, const QString &metaKey);
    // The parameters back (every key present, canonical types).
    QVariantMap toParameters(const QString &metaKey) const;

    // Checks the names against `data` and applies the overrides: types first, then (with
    // `propose`) the proposed target, then roles, then drops. Throws NodeError naming the
    // parameter and the column.
    void apply(Dataset &data, bool propose = false) const;

    // The first category of categorical column `c` that is not a number ("(empty)" for an
    // empty one), or an empty string when all are (the column can be read as numbers).
    static QString nonNumberCategory(const Column &c);

    // The File node's proposal when the table has no target: the last categorical column
    // becomes the target (an ARFF file's class attribute and a LIBSVM file's label are
    // targets already). Returns the column's index, or -1 when there is none to propose.
    static int proposeTarget(Dataset &data);

    // The overrides after a person gives column `name` the role `choice`, where
    // `currentRole` is its role in the table shown before the edit (Ignored for a dropped
    // column). One role override per column; the previous target becomes a feature.
    ColumnRoleEdits withRole(
        const QString &name, ColumnRoleChoice choice, ColumnRoleChoice currentRole) const;
    // The overrides after a person switches column `name`, now of type `current`, to `type`.
    ColumnRoleEdits withType(const QString &name, ColumnType type, ColumnType current) const;

    bool operator==(const ColumnRoleEdits &) const = default;
};

} // namespace sextant::engine
