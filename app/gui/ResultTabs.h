#pragma once

#include "graph/NodeStatus.h"
#include "graph/NodeValue.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <map>

class QTabWidget;
class QWidget;

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::app {

// The results of workflow nodes, each in a titled, closable tab of the main window's tab
// widget — "ROC — Test on Held-out Data, node 7", "Histogram of petal_length — Select
// Columns, node 2" — several open at once.
//
// One tab per node, keyed by the node id: open(id) shows the node's result (the one the
// executor keeps for it, plots::ResultViewFactory choosing the plot; a metrics table or
// a data table otherwise) in a new tab, or raises the tab already open. When the node
// runs again, the open tab is updated in place — the same widget with the new data, the
// zoom kept when the person had zoomed and the axes still show the same quantities; a
// result of another kind (an evaluation view switched from ROC to confusion) gets a new
// view in the same tab. Closing a tab deletes the view, never the result: open(id) (a
// double click on the node) shows it again.
//
// Titles (elided on the tab, whole in its tool tip) name the view and the node it
// inspects: the one feeding the view node's first input (the view node itself when
// nothing feeds it), by its title (the name the person gave it, else its type's name;
// and the file name, for a File node) and id; a view node the person renamed names the
// view part. They follow the graph: a new file, a view rewired to another node, a rename.
// A tab whose result no longer matches the graph (an edit upstream, a failed re-run) is
// drawn greyed with "out of date" in its tool tip until the node runs again; the tab of a
// deleted node goes, and so do all of them when another workflow replaces the open one
// (clear()).
//
// GUI thread only; the executor's signals are received queued.
class ResultTabs : public QObject {
    Q_OBJECT
public:
    // `tabs`, `graph` and `executor` must outlive this object. The tabs are added after
    // the ones already in `tabs`.
    ResultTabs(QTabWidget &tabs, engine::GraphModel &graph, engine::Executor &executor,
        QObject *parent = nullptr);
    ~ResultTabs() override;

    // Shows node `id`'s result in its tab (opened, or raised and brought up to date) and
    // makes it the current tab. Null, with the reason in `why`, when the node has no
    // result yet (it has not run) or the result has no view.
    QWidget *open(int id, QString *why = nullptr);
    // Opens node `id`'s tab as soon as the node is done (a run for it was just started);
    // forgotten when the node fails, is skipped or cancelled.
    void openWhenDone(int id);
    // Closes node `id`'s tab (the result stays with the executor). False when none is open.
    bool close(int id);
    // Closes every tab.
    void clear();

    // The nodes whose tab is open, ascending, and the view and title of one (null / empty
    // when its tab is not open).
    QList<int> openNodes() const;
    QWidget *view(int id) const;
    QString title(int id) const;
    // A tab shows its title elided to this many pixels (the whole title in its tool tip),
    // so that several result tabs fit beside the studio's own.
    static constexpr int kTabTextWidth = 230;
    // Whether node `id`'s open tab shows a result older than the graph.
    bool isStale(int id) const;
    // The node whose tab is `widget`, or 0.
    int nodeOf(const QWidget *widget) const;

    // The view part of a title for `value`: "ROC", "Histogram of petal_length", "Metrics",
    // "Table"; empty when nothing shows it.
    static QString viewName(const engine::NodeValue &value);
    // The node part: "Test on Held-out Data, node 7", "File (iris.csv), node 1".
    QString subjectLabel(int id) const;
    // The node a view node's tab is about: what feeds its first input (itself otherwise).
    int subjectOf(int id) const;

Q_SIGNALS:
    // A view was created for node `id` (opened, or replaced for a result of another kind).
    void viewOpened(int id, QWidget *view);
    // An open view now shows a newer result of node `id` (the same widget).
    void viewUpdated(int id, QWidget *view);
    void viewClosed(int id);

private:
    struct Entry {
        QPointer<QWidget> view;
        engine::NodeValuePtr shown; // the result the view draws
        bool stale = false;
        // Axis ranges as the result was drawn (key lower, key upper, value lower, value
        // upper) and the axis labels: the person zoomed when the ranges differ.
        double ranges[4] = { 0, 0, 0, 0 };
        QString axisLabels;
    };

    // A new view for `value`; null when none shows it.
    static QWidget *createView(const engine::NodeValue &value);
    // Shows `value` in `view` when it is the kind of view for it; false otherwise.
    static bool updateView(QWidget &view, const engine::NodeValue &value);
    // Puts `value` in `entry` (in place when the view's kind allows, else a new view in the
    // same tab); false when nothing shows it.
    bool present(int id, Entry &entry, const engine::NodeValuePtr &value);
    void addTab(int id, Entry &entry);
    void remember(Entry &entry) const;
    void onNodeStatus(int id, engine::NodeStatus status);
    void refreshTitles();
    void refreshStale();
    void updateTab(int id, const Entry &entry);
    int indexOf(const Entry &entry) const;

    QTabWidget &m_tabs;
    engine::GraphModel &m_graph;
    engine::Executor &m_executor;
    std::map<int, Entry> m_entries;
    QSet<int> m_awaited; // openWhenDone
};

} // namespace sextant::app
