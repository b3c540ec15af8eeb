#pragma once

#include "data/Column.h"
#include "nodes/ColumnRoleEdits.h"

#include <QTableView>

class QMenu;
class QSortFilterProxyModel;

namespace sextant::widgets {

class ColumnSummaryModel;

// The column list: one row per dataset column with its role, type, missing count and
// summary statistics (a ColumnSummaryModel), sortable by any field. Reports the dataset
// column the user selects. Compact enough for a narrow dock: the name column is capped
// (long names elided in the middle) and the role follows it, so the role is in view
// without scrolling.
//
// With setRolesEditable(true) it also asks for role and type edits (what the window turns
// into graph edits): a click on a Role or Type cell, or Enter / F2 / Space there, opens a
// menu of roles or types; the context menu (right click, the Menu key, Shift+F10) offers
// both.
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
    // Sizes the columns to their contents (the model has one row per dataset column); the
    // name column to maxNameWidth() at most.
    void fitColumns();
    int maxNameWidth() const;
    // The width that shows every column without scrolling.
    int fittedWidth() const;

    void setRolesEditable(bool editable) { m_rolesEditable = editable; }
    bool rolesEditable() const { return m_rolesEditable; }
    // The menu for model row `row` (a ColumnSummaryModel row): its roles (checkable, the
    // current one checked) and, for a column in the table, its types; its actions emit the
    // requests below. Null when roles are not editable or the row does not exist. The
    // caller owns the menu.
    enum class MenuPart { Roles, Types, Both };
    QMenu *createEditMenu(int row, MenuPart part = MenuPart::Both, QWidget *parent = nullptr);

Q_SIGNALS:
    void currentColumnChanged(int column);
    // The person asked to give column `name` the role `role` / the type `type`.
    void roleChangeRequested(const QString &name, sextant::engine::ColumnRoleChoice role);
    void typeChangeRequested(const QString &name, sextant::engine::ColumnType type);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onCurrentRowChanged(const QModelIndex &current);
    // Opens the menu for the cell at proxy index `index` below it; true when it did.
    bool popUpCellMenu(const QModelIndex &index);

    ColumnSummaryModel *m_source = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    int m_current = -1;
    bool m_rolesEditable = false;
};

} // namespace sextant::widgets
