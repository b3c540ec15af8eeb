#pragma once

#include "data/Dataset.h"
#include "data/Statistics.h"

#include <QAbstractTableModel>
#include <QList>

namespace sextant::widgets {

// The list of a dataset's columns, one model row per dataset column, with its type, role,
// missing count and summary statistics (mean, std, min, max, distinct; mode for
// categorical columns).
//
// The summaries are computed elsewhere, off the GUI thread (Statistics::summarize is
// proportional to the rows), and handed in with the dataset; the model only formats them.
class ColumnSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field { Name, Type, Role, Missing, Mean, Std, Min, Max, Distinct, Mode, FieldCount };
    enum DataRole {
        // int: the dataset column index of the row (stable under sorting proxies).
        ColumnIndexRole = Qt::UserRole + 1,
        // A value that sorts naturally: numbers as double, text as text.
        SortRole,
    };

    explicit ColumnSummaryModel(QObject *parent = nullptr);

    // `summaries` has one entry per dataset column, or is empty when not computed.
    void setDataset(engine::Dataset dataset, QList<engine::ColumnSummary> summaries);
    void clear();
    const engine::Dataset &dataset() const { return m_dataset; }
    // The summary of dataset column `column`, or nullptr.
    const engine::ColumnSummary *summary(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QVariant display(int column, Field field) const;
    QVariant sortValue(int column, Field field) const;
    QString toolTip(int column) const;

    engine::Dataset m_dataset;
    QList<engine::ColumnSummary> m_summaries;
};

} // namespace sextant::widgets
