#include "gui/EditMenu.h"

#include "widgets/GraphEditor.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QUndoStack>

namespace sextant::app {

EditMenu::EditMenu(
    QMenu *menu, widgets::GraphEditor &editor, QList<QWidget *> editorParts, QObject *parent)
    : QObject(parent), m_menu(menu), m_editor(editor), m_editorParts(std::move(editorParts))
{
    QMenu *edit = m_menu;
    widgets::GraphEditor *ed = &m_editor;
    edit->setObjectName(QStringLiteral("editMenu"));
    const auto add = [this, edit](const QString &text, const QList<QKeySequence> &keys,
                         const QString &name, auto slot) {
        QAction *action = edit->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    // Follows the enabled state (and Undo/Redo's text) of the editor's action.
    const auto mirror = [](QAction *action, QAction *source, bool text) {
        const auto update = [action, source, text] {
            action->setEnabled(source->isEnabled());
            if (text)
                action->setText(source->text());
        };
        connect(source, &QAction::changed, action, update);
        update();
    };
    QAction *undo = add(tr("&Undo"), QKeySequence::keyBindings(QKeySequence::Undo),
        QStringLiteral("editUndo"), [ed] { ed->undoStack()->undo(); });
    mirror(undo, ed->undoAction(), true);
    // Both Ctrl+Y and Ctrl+Shift+Z redo, on every platform.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
        { QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) })
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    QAction *redo
        = add(tr("&Redo"), redoKeys, QStringLiteral("editRedo"), [ed] { ed->undoStack()->redo(); });
    mirror(redo, ed->redoAction(), true);
    edit->addSeparator();
    QAction *cut = add(tr("Cu&t"), QKeySequence::keyBindings(QKeySequence::Cut),
        QStringLiteral("editCut"), [this, ed] {
            if (forwardToFocusedList(QKeySequence::Cut))
                return;
            ed->copySelection();
            ed->deleteSelection();
        });
    mirror(cut, ed->copyAction(), false);
    QAction *copy = add(tr("&Copy"), QKeySequence::keyBindings(QKeySequence::Copy),
        QStringLiteral("editCopy"), [this, ed] {
            if (!forwardToFocusedList(QKeySequence::Copy))
                ed->copySelection();
        });
    mirror(copy, ed->copyAction(), false);
    QAction *paste = add(tr("&Paste"), QKeySequence::keyBindings(QKeySequence::Paste),
        QStringLiteral("editPaste"), [this, ed] {
            if (!forwardToFocusedList(QKeySequence::Paste))
                ed->paste();
        });
    mirror(paste, ed->pasteAction(), false);
    QAction *remove = add(tr("&Delete"), QKeySequence::keyBindings(QKeySequence::Delete),
        QStringLiteral("editDelete"), [this, ed] {
            if (!forwardToFocusedList(QKeySequence::Delete))
                ed->deleteSelection();
        });
    mirror(remove, ed->deleteAction(), false);
    edit->addSeparator();
    add(tr("Select &All"), QKeySequence::keyBindings(QKeySequence::SelectAll),
        QStringLiteral("editSelectAll"), [this] {
            if (!forwardToFocusedList(QKeySequence::SelectAll))
                Q_EMIT selectAllNodesRequested();
        });

    for (QAction *action :
        { ed->undoAction(), ed->redoAction(), ed->copyAction(), ed->pasteAction() })
        action->setShortcuts({});
    ed->deleteAction()->setShortcuts({ QKeySequence(Qt::Key_Backspace) });
}

bool EditMenu::forwardToFocusedList(QKeySequence::StandardKey key)
{
    // A table or list outside the workflow editor (the data table, the column list, the
    // load warnings) keeps its own Copy and Select All: the key goes to it.
    QWidget *focus = QApplication::focusWidget();
    auto *list = qobject_cast<QAbstractItemView *>(focus);
    if (!list || m_editor.window() != focus->window())
        return false;
    for (const QWidget *part : std::as_const(m_editorParts))
        if (part == focus || part->isAncestorOf(focus))
            return false;
    const QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        return false;
    const QKeyCombination combination = keys.front()[0];
    // The Edit menu's own keys are off meanwhile, so that the list gets the key.
    QList<QAction *> enabled;
    for (QAction *action : m_menu->actions())
        if (action->isEnabled()) {
            enabled.append(action);
            action->setEnabled(false);
        }
    QKeyEvent press(QEvent::KeyPress, combination.key(), combination.keyboardModifiers());
    QCoreApplication::sendEvent(list, &press);
    for (QAction *action : enabled)
        action->setEnabled(true);
    return true;
}

} // namespace sextant::app
