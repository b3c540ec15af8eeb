#pragma once

#include <QDialog>

class QLineEdit;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace sextant::app {

class MainWindow;

// The Help window (Help › Your First Workflow, Node Reference, Keyboard Shortcuts): three
// tabs. The node reference (NodeReference, from the registry at run time) has a filterable
// list of node types beside it; the shortcuts are read from the window's menus at run time,
// then the mouse gestures of the canvas and the plots.
class HelpWindow : public QDialog {
    Q_OBJECT
public:
    enum class Page { Guide, NodeReference, Shortcuts };

    explicit HelpWindow(MainWindow &window);

    void showPage(Page page);
    // Shows the reference at node type `typeId`.
    void showNode(const QString &typeId);

    QTextBrowser *guideBrowser() const { return m_guide; }
    QTextBrowser *referenceBrowser() const { return m_reference; }
    QTextBrowser *shortcutsBrowser() const { return m_shortcuts; }
    QTreeWidget *nodeList() const { return m_nodes; }

    static QString guideHtml();
    static QString shortcutsHtml(const MainWindow &window);

private:
    void filterNodes(const QString &text);

    MainWindow &m_window;
    QTabWidget *m_tabs;
    QTextBrowser *m_guide;
    QTextBrowser *m_reference;
    QTextBrowser *m_shortcuts;
    QTreeWidget *m_nodes;
    QLineEdit *m_filter;
};

} // namespace sextant::app
