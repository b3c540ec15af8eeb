#pragma once

#include "data/Column.h"
#include "nodes/ColumnRoleEdits.h"
#include "widgets/ColumnEditCommand.h"

#include <QObject>
#include <QStringList>
#include <functional>

namespace sextant::engine {
class GraphModel;
}

namespace sextant::widgets {
class ColumnListView;
class GraphEditor;
} // namespace sextant::widgets

namespace sextant::app {

// Turns the column list's role and type requests into graph edits on the editor's undo
// stack (widgets::ColumnEditCommand, one step per edit) for the node the views show, and
// selects the node holding the edit, so the views show its new table once it has run.
class ColumnRoleController : public QObject {
    Q_OBJECT
public:
    // `shownNode` returns the node whose table the column list shows (0: none). The list
    // and the editor must outlive the controller.
    ColumnRoleController(widgets::ColumnListView *list, widgets::GraphEditor *editor,
        std::function<int()> shownNode, QObject *parent);

    // The columns node `nodeId` drops (its "drop" parameter), for the list to show them as
    // ignored.
    static QStringList ignoredColumns(const engine::GraphModel &model, int nodeId);

    // What the list's signals do; false when there was nothing to change.
    bool setRole(const QString &column, engine::ColumnRoleChoice role);
    bool setType(const QString &column, engine::ColumnType type);

private:
    bool push(const widgets::ColumnEditCommand::Edit &edit);

    widgets::ColumnListView *m_list;
    widgets::GraphEditor *m_editor;
    std::function<int()> m_shownNode;
};

} // namespace sextant::app
