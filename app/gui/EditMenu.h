#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QMenu;
class QWidget;

namespace sextant::widgets {
class GraphEditor;
} // namespace sextant::widgets

namespace sextant::app {

// The window's Edit menu: Undo, Redo, Cut, Copy, Paste, Delete and Select All on the
// workflow, wherever the focus is in the window, with the platform's keys (Ctrl+Y and
// Ctrl+Shift+Z both redo, on every platform). The editor's own actions (its tool bar) give
// their keys to these, so that no key is claimed twice; each entry follows the enabled
// state (and Undo/Redo's text) of the editor's action.
//
// A table or list outside the editor's parts (the data table, the column list, the load
// warnings) keeps its own Cut, Copy, Paste, Delete and Select All: while it has the focus
// the key goes to it instead.
class EditMenu : public QObject {
    Q_OBJECT
public:
    // Fills `menu` (not owned). `editorParts`: the editor and the docks holding its panels.
    EditMenu(QMenu *menu, widgets::GraphEditor &editor, QList<QWidget *> editorParts,
        QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    // Select All with the focus on the workflow: the window shows the canvas and selects
    // every node.
    void selectAllNodesRequested();

private:
    // Sends the key of `key` to the focused table or list when it is not part of the
    // workflow editor; false when there is none.
    bool forwardToFocusedList(QKeySequence::StandardKey key);

    QMenu *m_menu;
    widgets::GraphEditor &m_editor;
    QList<QWidget *> m_editorParts;
};

} // namespace sextant::app
