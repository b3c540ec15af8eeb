#pragma once

#include <QTableView>

namespace sextant::widgets {

// A table view for large, virtual models (DatasetTableModel): uniform fixed row heights,
// so scrolling through a million rows never measures rows, and column widths fitted from
// the header and a sample of the first rows only.
class DataTableView : public QTableView {
    Q_OBJECT
public:
    explicit DataTableView(QWidget *parent = nullptr);

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

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
};

} // namespace sextant::widgets
