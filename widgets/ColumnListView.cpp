#include "widgets/ColumnListView.h"

#include "widgets/ColumnSummaryModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <algorithm>

namespace sextant::widgets {

namespace {
constexpr int kMaxFittedWidth = 240;
constexpr int kFitSampleRows = 500;
} // namespace

ColumnListView::ColumnListView(QWidget *parent)
    : QTableView(parent), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSortRole(ColumnSummaryModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    setModel(m_proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    // Dataset order until the user clicks a header.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setResizeContentsPrecision(kFitSampleRows);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current, const QModelIndex &) { onCurrentRowChanged(current); });
    // A reset clears the current row without a signal.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { m_current = -1; });
}

void ColumnListView::setSummaryModel(ColumnSummaryModel *model)
{
    m_source = model;
    m_proxy->setSourceModel(model);
    m_current = -1;
}

int ColumnListView::currentColumn() const
{
    return m_current;
}

void ColumnListView::setCurrentColumn(int column)
{
    if (!m_source)
        return;
    if (column < 0 || column >= m_source->rowCount()) {
        selectionModel()->clearSelection();
        selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_source->index(column, 0));
    selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void ColumnListView::fitColumns()
{
    resizeColumnsToContents();
    const int last = horizontalHeader()->count() - 1;
    for (int i = 0; i < last; ++i)
        if (columnWidth(i) > kMaxFittedWidth)
            setColumnWidth(i, kMaxFittedWidth);
}

int ColumnListView::fittedWidth() const
{
    int width = 2 * frameWidth() + verticalScrollBar()->sizeHint().width() + 4;
    const QHeaderView *header = horizontalHeader();
    const int last = header->count() - 1;
    for (int i = 0; i < last; ++i)
        width += header->isSectionHidden(i) ? 0 : header->sectionSize(i);
    if (last >= 0) // stretched: measure it instead
        width += std::min(
            kMaxFittedWidth, std::max(header->sectionSizeHint(last), sizeHintForColumn(last)));
    return width;
}

void ColumnListView::onCurrentRowChanged(const QModelIndex &current)
{
    const int column
        = current.isValid() ? current.data(ColumnSummaryModel::ColumnIndexRole).toInt() : -1;
    if (column == m_current)
        return;
    m_current = column;
    Q_EMIT currentColumnChanged(column);
}

} // namespace sextant::widgets
