#include "widgets/DataTableView.h"

#include "widgets/DatasetTableModel.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTimer>
#include <algorithm>

namespace sextant::widgets {

namespace {
constexpr int kMinColumnWidth = 48;
constexpr int kMaxColumnWidth = 320;
constexpr int kCellPadding = 18;
} // namespace

DataTableView::DataTableView(QWidget *parent)
    : QTableView(parent), m_onlySelected(new QAction(tr("Show &Only Selected Rows"), this))
{
    m_onlySelected->setObjectName(QStringLiteral("showOnlySelectedAction"));
    m_onlySelected->setCheckable(true);
    m_onlySelected->setToolTip(tr("Show only the rows selected in the views"));
    connect(m_onlySelected, &QAction::toggled, this, [this](bool on) {
        if (auto *m = qobject_cast<DatasetTableModel *>(model()))
            m->setShowOnlySelected(on);
    });
    addAction(m_onlySelected);
    setContextMenuPolicy(Qt::ActionsContextMenu);
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
    // Rows selected through the row header are the person's selection.
    rows->viewport()->installEventFilter(this);
}

void DataTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (auto *m = qobject_cast<DatasetTableModel *>(model)) {
        m->setShowOnlySelected(m_onlySelected->isChecked());
        // Rows tall enough for the thumbnails of a table of images.
        connect(m, &QAbstractItemModel::modelReset, this, &DataTableView::fitRowHeight);
    }
    fitRowHeight();
}

void DataTableView::fitRowHeight()
{
    const auto *m = qobject_cast<DatasetTableModel *>(model());
    const int text = fontMetrics().height() + 6;
    const bool images = m && m->hasThumbnails();
    verticalHeader()->setDefaultSectionSize(
        images ? std::max(text, DatasetTableModel::thumbnailSize() + 4) : text);
    setIconSize(images
            ? QSize(DatasetTableModel::thumbnailSize(), DatasetTableModel::thumbnailSize())
            : QSize());
}

bool DataTableView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == verticalHeader()->viewport() && event->type() == QEvent::MouseButtonRelease)
        // After the header has applied the release to the selection.
        QTimer::singleShot(0, this, &DataTableView::reportHeaderSelection);
    return QTableView::eventFilter(watched, event);
}

void DataTableView::reportHeaderSelection()
{
    const auto *m = qobject_cast<DatasetTableModel *>(model());
    if (!m || !selectionModel())
        return;
    const int columns = m->columnCount();
    // Whole rows only (a selected column or cells are no row selection); proportional to
    // the rows the person selected.
    QList<qint64> rows;
    for (const QItemSelectionRange &range : selectionModel()->selection()) {
        if (range.left() != 0 || range.right() != columns - 1)
            continue;
        for (int r = range.top(); r <= range.bottom(); ++r)
            rows.append(m->datasetRow(r));
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    Q_EMIT rowsSelected(rows);
}

void DataTableView::scrollToDatasetRow(qint64 row)
{
    const auto *m = qobject_cast<DatasetTableModel *>(model());
    const int r = m ? m->modelRow(row) : -1;
    if (r >= 0)
        scrollTo(m->index(r, std::max(0, currentColumn())), QAbstractItemView::PositionAtTop);
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
    // Measuring text is the slow part (the window does this while it fills its views):
    // only the few longest cells of each column are measured, which are the widest but
    // for a rare mix of narrow and wide letters.
    constexpr int kMeasured = 3;
    QList<int> widths;
    widths.reserve(m->columnCount());
    for (int c = 0; c < m->columnCount(); ++c) {
        int width = headerMetrics.horizontalAdvance(
            m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        QString longest[kMeasured];
        for (int r = 0; r < rows; ++r) {
            QString text = m->index(r, c).data(Qt::DisplayRole).toString();
            for (int k = 0; k < kMeasured; ++k)
                if (text.size() > longest[k].size()) {
                    std::swap(text, longest[k]); // the displaced one moves down the list
                }
        }
        for (const QString &text : longest)
            if (!text.isEmpty())
                width = std::max(width, cellMetrics.horizontalAdvance(text));
        widths.append(std::clamp(width + kCellPadding, kMinColumnWidth, kMaxColumnWidth));
    }
    // Then the widths in one go, the header not redrawn for each.
    QHeaderView *header = horizontalHeader();
    header->setUpdatesEnabled(false);
    for (int c = 0; c < int(widths.size()); ++c)
        setColumnWidth(c, widths[c]);
    header->setUpdatesEnabled(true);
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
