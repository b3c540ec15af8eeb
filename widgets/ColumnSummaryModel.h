#pragma once

#include "data/Dataset.h"
#include "data/Statistics.h"
#include "nodes/ColumnRoleEdits.h"

#include <QAbstractTableModel>
#include <QList>

namespace sextant::widgets {

// The list of a dataset's columns, one model row per dataset column, with its role, type,
// missing count and summary statistics (mean, std, min, max, distinct; mode for
// categorical columns). The role is what the column list edits (ColumnRoleChoice):
// "target", "feature", "meta" (ColumnRole::Ignore: kept, not used by models) and
// "ignored": columns the shown node drops, listed after the dataset's columns (with no
// statistics) so that they can be brought back.
//
// The summaries are computed elsewhere, off the GUI thread (Statistics::summarize is
// proportional to the rows), and handed in with the dataset; the model only formats them.
class ColumnSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Role comes right after the name, so that the narrow default dock shows where the
    // target is set without scrolling.
    enum Field { Name, Role, Type, Missing, Mean, Std, Min, Max, Distinct, Mode, FieldCount };
    enum DataRole {
        // int: the dataset column index of the row (stable under sorting proxies).
        ColumnIndexRole = Qt::UserRole + 1,
        // A value that sorts naturally: numbers as double, text as text.
        SortRole,
        // int: the row's engine::ColumnRoleChoice.
        RoleChoiceRole,
        // QString: the column's name (also for an ignored column, which has no index).
        ColumnNameRole,
    };

    explicit ColumnSummaryModel(QObject *parent = nullptr);

    // `summaries` has one entry per dataset column, or is empty when not computed.
    // `ignored`: columns the table's node drops, shown after the others.
    void setDataset(
        engine::Dataset dataset, QList<engine::ColumnSummary> summaries, QStringList ignored = {});
    void clear();
    const engine::Dataset &dataset() const { return m_dataset; }
    // The summary of dataset column `column`, or nullptr.
    const engine::ColumnSummary *summary(int column) const;
    const QStringList &ignoredColumns() const { return m_ignored; }
    // The role the list shows for `row`, and the row of column `name` (-1 when none).
    engine::ColumnRoleChoice roleChoice(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // A column's type and role as people read them (translated; the identifiers of files
    // and the command line are engine::toString's).
    static QString typeText(const engine::Column &column);
    static QString roleText(engine::ColumnRoleChoice role);

private:
    QVariant display(int column, Field field) const;
    QVariant sortValue(int column, Field field) const;
    QString toolTip(int column) const;
    QVariant ignoredRowData(const QString &name, Field field, int role) const;

    engine::Dataset m_dataset;
    QList<engine::ColumnSummary> m_summaries;
    QStringList m_ignored;
};

} // namespace sextant::widgets
