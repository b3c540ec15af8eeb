#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace sextant::widgets {

class ColumnSummaryModel;

// The column list: one row per dataset column with its type, role, missing count and
// summary statistics (a ColumnSummaryModel), sortable by any field. Reports the dataset
// column the user selects.
class ColumnListView : public QTableView {
    Q_OBJECT
public:
    explicit ColumnListView(QWidget *parent = nullptr);

    // The model is not owned.
    void setSummaryModel(ColumnSummaryModel *model);
    ColumnSummaryModel *summaryModel() const { return m_source; }

    // The dataset column of the current row, or -1.
    int currentColumn() const;
    // Makes dataset column `column` current (and selected); -1 clears the selection.
    void setCurrentColumn(int column);
    // Sizes the columns to their contents (the model has one row per dataset column).
    void fitColumns();
    // The width that shows every column without scrolling.
    int fittedWidth() const;

Q_SIGNALS:
    void currentColumnChanged(int column);

private:
    void onCurrentRowChanged(const QModelIndex &current);

    ColumnSummaryModel *m_source = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    int m_current = -1;
};

} // namespace sextant::widgets
