#include "widgets/DataTableView.h"

#include <QHeaderView>
#include <algorithm>

namespace sextant::widgets {

namespace {
constexpr int kMinColumnWidth = 48;
constexpr int kMaxColumnWidth = 320;
constexpr int kCellPadding = 18;
} // namespace

DataTableView::DataTableView(QWidget *parent) : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Uniform row heights: the vertical header never asks the model for sizes.
    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    rows->setMinimumSectionSize(fontMetrics().height() + 2);
    rows->setResizeContentsPrecision(100);
    QHeaderView *columns = horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setResizeContentsPrecision(200);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(true);
    columns->setSectionsClickable(true);
    connect(columns, &QHeaderView::sectionClicked, this,
        [this](int section) { Q_EMIT currentColumnChanged(section); });
}

void DataTableView::fitColumnsToSample(int sampleRows)
{
    QAbstractItemModel *m = model();
    if (!m)
        return;
    const int rows = std::min(sampleRows, m->rowCount());
    const QFontMetrics cellMetrics = fontMetrics();
    QFont headerFont = horizontalHeader()->font();
    headerFont.setBold(true);
    const QFontMetrics headerMetrics(headerFont);
    for (int c = 0; c < m->columnCount(); ++c) {
        int width = headerMetrics.horizontalAdvance(
            m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        for (int r = 0; r < rows; ++r)
            width = std::max(width,
                cellMetrics.horizontalAdvance(m->index(r, c).data(Qt::DisplayRole).toString()));
        setColumnWidth(c, std::clamp(width + kCellPadding, kMinColumnWidth, kMaxColumnWidth));
    }
}

int DataTableView::currentColumn() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? current.column() : -1;
}

void DataTableView::setCurrentColumn(int column)
{
    QAbstractItemModel *m = model();
    if (!m || column < 0 || column >= m->columnCount() || m->rowCount() == 0)
        return;
    if (currentColumn() == column)
        return;
    const int row = currentIndex().isValid() ? currentIndex().row() : rowAt(0);
    const QModelIndex index = m->index(std::max(row, 0), column);
    // Highlight the whole column: one selection range, whatever the row count.
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    selectionModel()->select(
        QItemSelection(m->index(0, column), m->index(m->rowCount() - 1, column)),
        QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
}

void DataTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    if (current.isValid() && (!previous.isValid() || current.column() != previous.column()))
        Q_EMIT currentColumnChanged(current.column());
}

} // namespace sextant::widgets
