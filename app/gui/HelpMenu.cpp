#include "gui/HelpMenu.h"

#include "gui/HelpWindow.h"
#include "gui/MainWindow.h"
#include "gui/PreferencesDialog.h"
#include "gui/WelcomePage.h"

#include <QAction>
#include <QMenu>

namespace sextant::app {

HelpMenu::HelpMenu(QMenu *help, QMenu *edit, MainWindow &window, WelcomePage *welcome)
    : QObject(&window), m_window(window)
{
    QAction *first = help->actions().value(0); // About: the new entries go above it
    const auto add = [&](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, help);
        action->setObjectName(QString::fromLatin1(name));
        connect(action, &QAction::triggered, this, slot);
        help->insertAction(first, action);
        return action;
    };
    if (welcome)
        add(tr("&Welcome"), "helpWelcomeAction", [welcome] { welcome->showPage(); });
    add(tr("Your &First Workflow"), "helpGuideAction",
        [this] { helpWindow()->showPage(HelpWindow::Page::Guide); });
    QAction *reference = add(tr("&Node Reference"), "helpNodeReferenceAction",
        [this] { helpWindow()->showPage(HelpWindow::Page::NodeReference); });
    reference->setShortcut(QKeySequence::HelpContents);
    add(tr("&Keyboard Shortcuts"), "helpShortcutsAction",
        [this] { helpWindow()->showPage(HelpWindow::Page::Shortcuts); });
    if (first)
        help->insertSeparator(first);

    if (edit) {
        edit->addSeparator();
        QAction *prefs = edit->addAction(tr("&Preferences…"), this, &HelpMenu::showPreferences);
        prefs->setObjectName(QStringLiteral("preferencesAction"));
        prefs->setShortcut(QKeySequence::Preferences);
        prefs->setMenuRole(QAction::PreferencesRole);
    }
}

HelpWindow *HelpMenu::helpWindow()
{
    if (!m_helpWindow)
        m_helpWindow = new HelpWindow(m_window);
    return m_helpWindow;
}

void HelpMenu::showPreferences()
{
    PreferencesDialog dialog(m_window);
    dialog.exec();
}

} // namespace sextant::app
