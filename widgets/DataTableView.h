#pragma once

#include <QList>
#include <QTableView>

class QAction;

namespace sextant::widgets {

// A table view for large, virtual models (DatasetTableModel): uniform fixed row heights,
// so scrolling through a million rows never measures rows, and column widths fitted from
// the header and a sample of the first rows only. Rows are taller when the model shows
// image thumbnails (DatasetTableModel::hasThumbnails).
//
// Linked selection (over a DatasetTableModel): rows selected through the row header
// (click, Shift/Ctrl-click, drag) are reported by rowsSelected as dataset rows, for the
// studio's selection model; the model draws the selection it is given. The "Show Only
// Selected Rows" action (in the context menu) filters the table to those rows.
class DataTableView : public QTableView {
    Q_OBJECT
public:
    explicit DataTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // Checkable: the table shows only the linked selection's rows.
    QAction *showOnlySelectedAction() const { return m_onlySelected; }
    // Scrolls to dataset row `row` when it is shown.
    void scrollToDatasetRow(qint64 row);

    // Sizes each column to its header and the first `sampleRows` rows, within limits.
    void fitColumnsToSample(int sampleRows = 100);
    // The model column of the current cell, or -1.
    int currentColumn() const;
    // Moves the current cell to column `column` (keeping the row), selects the column and
    // shows it.
    void setCurrentColumn(int column);

Q_SIGNALS:
    // The user moved to another column (clicked a cell or a column header).
    void currentColumnChanged(int column);
    // The person selected whole rows through the row header: the dataset rows
    // (ascending), empty when they cleared the rows' selection.
    void rowsSelected(const QList<qint64> &rows);

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reportHeaderSelection();
    // The row height: the text's, or a thumbnail's when the table shows images.
    void fitRowHeight();

    QAction *m_onlySelected;
};

} // namespace sextant::widgets
