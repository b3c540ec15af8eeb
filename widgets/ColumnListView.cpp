#include "widgets/ColumnListView.h"

#include "widgets/ColumnSummaryModel.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <algorithm>

namespace sextant::widgets {

namespace {
constexpr int kMaxFittedWidth = 240;
constexpr int kFitSampleRows = 500;
// The Name column is sized for this many average characters at most (longer names are
// elided in the middle, the full name in the tool tip), so that Role stays in view.
constexpr int kMaxNameChars = 14;
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
    setTextElideMode(Qt::ElideMiddle); // "petal_…_length": both ends of a long name
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
    // One click on a role or type cell offers the roles or types.
    connect(this, &QAbstractItemView::clicked, this,
        [this](const QModelIndex &index) { popUpCellMenu(index); });
}

QMenu *ColumnListView::createEditMenu(int row, MenuPart part, QWidget *parent)
{
    if (!m_rolesEditable || !m_source || row < 0 || row >= m_source->rowCount())
        return nullptr;
    const QModelIndex source = m_source->index(row, 0);
    const QString name = source.data(ColumnSummaryModel::ColumnNameRole).toString();
    const auto current = static_cast<engine::ColumnRoleChoice>(
        source.data(ColumnSummaryModel::RoleChoiceRole).toInt());
    auto *menu = new QMenu(parent ? parent : this);
    menu->setObjectName(QStringLiteral("columnEditMenu"));
    menu->setToolTipsVisible(true);
    if (part != MenuPart::Types) {
        auto *roles = new QActionGroup(menu);
        struct Choice {
            engine::ColumnRoleChoice role;
            QString text;
            QString tip;
        };
        const Choice choices[] = {
            { engine::ColumnRoleChoice::Target, tr("&Target"),
                tr("The column models predict (one per table)") },
            { engine::ColumnRoleChoice::Feature, tr("&Feature"), tr("An input of models") },
            { engine::ColumnRoleChoice::Meta, tr("&Meta"),
                tr("Kept in the table, not used by models") },
            { engine::ColumnRoleChoice::Ignored, tr("&Ignored"),
                tr("Dropped from the table: no later step sees it") },
        };
        for (const Choice &c : choices) {
            QAction *a = menu->addAction(c.text);
            a->setObjectName(QStringLiteral("role-") + engine::toString(c.role));
            a->setToolTip(c.tip);
            a->setCheckable(true);
            a->setChecked(c.role == current);
            roles->addAction(a);
            const engine::ColumnRoleChoice role = c.role;
            connect(a, &QAction::triggered, this, [this, name, role, current] {
                if (role != current)
                    Q_EMIT roleChangeRequested(name, role);
            });
        }
    }
    const int index = source.data(ColumnSummaryModel::ColumnIndexRole).toInt();
    if (part != MenuPart::Roles && index >= 0) {
        if (part == MenuPart::Both)
            menu->addSeparator();
        const engine::Column &column = m_source->dataset().column(index);
        auto *types = new QActionGroup(menu);
        for (const engine::ColumnType type :
            { engine::ColumnType::Numeric, engine::ColumnType::Categorical }) {
            QAction *a = menu->addAction(
                type == engine::ColumnType::Numeric ? tr("&Numeric") : tr("&Categorical"));
            a->setObjectName(QStringLiteral("type-") + engine::toString(type));
            a->setCheckable(true);
            a->setChecked(column.type() == type);
            if (type == engine::ColumnType::Numeric && column.isCategorical()) {
                const QString bad = engine::ColumnRoleEdits::nonNumberCategory(column);
                a->setEnabled(bad.isEmpty());
                if (!bad.isEmpty())
                    a->setToolTip(tr("'%1' is not a number").arg(bad));
            }
            types->addAction(a);
            const engine::ColumnType now = column.type();
            connect(a, &QAction::triggered, this, [this, name, type, now] {
                if (type != now)
                    Q_EMIT typeChangeRequested(name, type);
            });
        }
    }
    return menu;
}

bool ColumnListView::popUpCellMenu(const QModelIndex &index)
{
    if (!m_rolesEditable || !index.isValid())
        return false;
    const int field = index.column();
    if (field != ColumnSummaryModel::Role && field != ColumnSummaryModel::Type)
        return false;
    const int row = m_proxy->mapToSource(index).row();
    QMenu *menu = createEditMenu(
        row, field == ColumnSummaryModel::Role ? MenuPart::Roles : MenuPart::Types);
    if (!menu || menu->isEmpty()) {
        delete menu;
        return false;
    }
    const QRect cell = visualRect(index);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(viewport()->mapToGlobal(cell.bottomLeft()));
    return true;
}

void ColumnListView::contextMenuEvent(QContextMenuEvent *event)
{
    QModelIndex index = event->reason() == QContextMenuEvent::Keyboard
        ? currentIndex()
        : indexAt(viewport()->mapFromGlobal(event->globalPos()));
    if (!index.isValid() || !m_rolesEditable) {
        QTableView::contextMenuEvent(event);
        return;
    }
    QMenu *menu = createEditMenu(m_proxy->mapToSource(index).row());
    if (!menu)
        return;
    const QPoint at = event->reason() == QContextMenuEvent::Keyboard
        ? viewport()->mapToGlobal(visualRect(index).bottomLeft())
        : event->globalPos();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(at);
    event->accept();
}

void ColumnListView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if ((key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_F2 || key == Qt::Key_Space)
        && event->modifiers() == Qt::NoModifier && popUpCellMenu(currentIndex())) {
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
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

int ColumnListView::maxNameWidth() const
{
    return fontMetrics().averageCharWidth() * kMaxNameChars + 12; // + the cell's margins
}

void ColumnListView::fitColumns()
{
    resizeColumnsToContents();
    const int last = horizontalHeader()->count() - 1;
    for (int i = 0; i < last; ++i) {
        const int cap = i == ColumnSummaryModel::Name ? maxNameWidth() : kMaxFittedWidth;
        if (columnWidth(i) > cap)
            setColumnWidth(i, cap);
    }
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
