#pragma once

#include <QObject>

class QMenu;

namespace sextant::app {

class HelpWindow;
class MainWindow;
class WelcomePage;

// The Help menu's entries above About: Welcome (the welcome page), Your First Workflow,
// Node Reference (F1), Keyboard Shortcuts (the HelpWindow, made on first use); and
// Edit › Preferences… (PreferencesDialog).
class HelpMenu : public QObject {
    Q_OBJECT
public:
    HelpMenu(QMenu *help, QMenu *edit, MainWindow &window, WelcomePage *welcome);

    // Made on first use.
    HelpWindow *helpWindow();
    void showPreferences();

private:
    MainWindow &m_window;
    HelpWindow *m_helpWindow = nullptr;
};

} // namespace sextant::app
