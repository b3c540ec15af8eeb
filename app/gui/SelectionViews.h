#pragma once

#include "gui/LinkedSelection.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

class QLabel;
class QStackedWidget;
class QUndoStack;
class QWidget;

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::widgets {
class DataTableView;
class DatasetTableModel;
} // namespace sextant::widgets

namespace sextant::plots {
class HistogramPlot;
class ScatterPlot;
} // namespace sextant::plots

namespace sextant::app {

class ResultTabs;

// The views that make and draw the studio's linked selection (LinkedSelection), wired
// together: the data table (its row header), the column histogram's bars, the overview
// scatter's rectangle, lasso and clicks, and the views of results opened in tabs —
// confusion-matrix cells, and the bars and points of Histogram and Scatter nodes, whose
// rows are those of the table feeding the node. Each view selects rows of the table it
// shows and draws the selection when it is of that table (the data table highlights the
// rows, the histogram the part of each bar, the scatter the points); the selection bar
// above the views says how many rows are selected where, with Show only selected and
// Clear Selection.
//
// The window says which table each overview view shows (setTableSource…) and which table
// the exploration views show (setShownTable); results are attached as their tabs open.
// GUI thread only.
class SelectionViews : public QObject {
    Q_OBJECT
public:
    struct Views {
        widgets::DataTableView *table = nullptr;
        widgets::DatasetTableModel *tableModel = nullptr;
        QStackedWidget *stack = nullptr; // holds the data table
        plots::HistogramPlot *histogram = nullptr;
        plots::ScatterPlot *scatter = nullptr;
        ResultTabs *results = nullptr;
    };

    // `graph`, `executor`, `undoStack` and the views must outlive this object.
    SelectionViews(engine::GraphModel &graph, engine::Executor &executor, QUndoStack &undoStack,
        Views views, QObject *parent = nullptr);

    LinkedSelection *selection() const { return m_selection; }
    // The bar naming the selection ("412 rows selected in …", Show only selected, Clear
    // Selection), hidden while no rows are selected.
    QWidget *createBar(QWidget *parent);
    // The bar's text: the selection's description, or why it does not fit its table.
    QString text() const;

    // The table the exploration views show (a node's output), its row count and name:
    // the selection becomes the one its Selected Rows node holds.
    void setShownTable(TableSource source, qint64 rowCount, const QString &label);
    TableSource shownTable() const { return m_shown; }
    // The tables the data table, the histogram and the scatter show now.
    void setTableSource(TableSource source);
    void setHistogramSource(TableSource source);
    void setScatterSource(TableSource source);
    TableSource tableSource() const { return m_tableSource; }
    TableSource histogramSource() const { return m_histogramSource; }
    TableSource scatterSource() const { return m_scatterSource; }

    // Draws the selection in every view that shows its table.
    void showSelection();

    // The table whose rows a Histogram or Scatter node `node` shows (what feeds it), or
    // invalid.
    static TableSource inputTableOf(const engine::GraphModel &graph, int node);

Q_SIGNALS:
    // For the status bar: what was selected, or why the selection does not fit.
    void message(const QString &text);

private:
    void selectRowsOf(TableSource source, const QList<qint64> &rows, bool add, const QString &what);
    void onScatterRowsSelected(const QList<qint64> &rows);
    // A result view opened or updated in its tab (confusion matrix, histogram, scatter).
    void attachResult(int id, QWidget *view, bool opened);
    qint64 rowCountOf(TableSource source) const;

    engine::GraphModel &m_graph;
    engine::Executor &m_executor;
    Views m_views;
    LinkedSelection *m_selection;
    QLabel *m_label = nullptr;
    QWidget *m_bar = nullptr;
    TableSource m_shown; // the exploration views' table
    qint64 m_shownRows = 0;
    QString m_shownLabel;
    TableSource m_tableSource; // what the data table shows
    TableSource m_histogramSource; // the table of the histogram's column
    TableSource m_scatterSource; // the table of the scatter's points
    // Histograms and scatters of result tabs, with the node whose result they show.
    struct ResultView {
        QPointer<QWidget> view;
        int node = 0;
    };
    std::vector<ResultView> m_resultViews;
};

} // namespace sextant::app
