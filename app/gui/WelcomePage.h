#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace sextant::app {

class MainWindow;

// The page the studio opens on when no workflow is open: Start (New Workflow, Open
// Workflow…, Open Dataset…), the recent workflows and datasets, the bundled example
// workflows (ExampleCatalog), each a card with a drawn miniature of its graph
// (WorkflowThumbnail), a title and a one-line description, and links into Help. It takes
// the place of the central tabs while shown; the docks stay.
//
// Automatic mode (setAutomatic, on in the studio, off in tests that build a bare window):
// shown while the workflow is empty and untitled, until a node is added, a workflow or
// dataset is opened or New Workflow is chosen. Help › Welcome shows it at any time
// (showPage); choosing anything on it, or "Back to the workflow", hides it again.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(MainWindow &window, QWidget *parent = nullptr);

    void setAutomatic(bool automatic);
    bool isAutomatic() const { return m_automatic; }
    // Shows the page now (Help › Welcome), whatever the workflow.
    void showPage();
    // Hides it and shows the workflow.
    void dismiss();
    bool isShown() const { return m_shown; }

    // Opens example `path` as an untitled copy (its datasets found next to it); false when
    // the person kept the open workflow (unsaved changes) or the file is refused.
    bool openExample(const QString &path);
    // The example cards and recent-file rows, for tests.
    QList<QPushButton *> exampleCards() const { return m_exampleCards; }
    QList<QPushButton *> recentRows() const { return m_recentRows; }

Q_SIGNALS:
    void shownChanged(bool shown);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void rebuildRecent();
    void rebuildExamples();
    void layoutExamples();
    void update();
    void setShown(bool shown);
    void trigger(const char *actionName);
    QPushButton *startButton(const QString &text, const QString &shortcut, const QString &icon);
    QLabel *heading(const QString &text);
    void applyStyle();

    MainWindow &m_window;
    bool m_automatic = false;
    bool m_dismissed = false; // automatic mode: the person has moved on
    bool m_forced = false; // Help › Welcome
    bool m_shown = false;
    QVBoxLayout *m_recentLayout = nullptr;
    QGridLayout *m_examplesGrid = nullptr;
    QWidget *m_examplesBox = nullptr;
    QPushButton *m_backButton = nullptr;
    QLabel *m_examplesNote = nullptr;
    QList<QPushButton *> m_exampleCards;
    QList<QPushButton *> m_recentRows;
    int m_columns = 0;
    bool m_styling = false;
};

} // namespace sextant::app
