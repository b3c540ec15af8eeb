#pragma once

#include "graph/NodeValue.h"

#include <QList>
#include <QObject>
#include <QString>

class QUndoStack;

namespace sextant::engine {
class GraphModel;
struct Prediction;
} // namespace sextant::engine

namespace sextant::plots {
class ConfusionMatrixPlot;
class SilhouettePlot;
class DataHeatMapPlot;
class ScatterMatrixPlot;
} // namespace sextant::plots

namespace sextant::app {

// A table of the workflow: output `port` of node `node` (0: none).
struct TableSource {
    int node = 0;
    int port = 0;
    bool isValid() const { return node > 0; }
    friend bool operator==(const TableSource &, const TableSource &) = default;
};

// The studio's linked selection: which rows of which workflow table are selected, shared
// by every view (histogram bars, confusion-matrix cells, the scatter's rectangle or lasso,
// the data table's rows), each of which selects through it and draws what it holds.
//
// The selection lives in the workflow: it is the `rows` parameter of the Selected Rows
// node (data.selected_rows) fed by the selected table, so it is saved with the workflow,
// `sextant run` gives the same rows, and its output can feed any learner or view. The
// first selection of a table adds that node, connected to the table (one undoable step);
// later selections set its rows (one undoable step each); clearing empties them. An undo,
// a redo or an edit of the node's rows in the property panel changes the selection too.
// When the views switch to another table, the selection becomes the one its Selected Rows
// node holds (empty when it has none).
//
// Rows are 0-based rows of the selected table, ascending, each once. For a confusion
// matrix they are rows of the table its predictions were made for (predictedTableOf): the
// held-out rows' indices in the test table given to Test on Held-out Data, or the rows of
// the table Cross-Validation was given (its out-of-fold predictions cover every row).
//
// GUI thread only; what is proportional to the selection (encoding it in the node's
// parameter) is proportional to what the person selected, never to the table.
class LinkedSelection : public QObject {
    Q_OBJECT
public:
    enum class Mode { Replace, Add };

    // `graph` and `undoStack` (the editor's) must outlive the selection.
    LinkedSelection(engine::GraphModel &graph, QUndoStack &undoStack, QObject *parent = nullptr);

    // The table the selection is of, its row count and name ("File — iris.csv (node 1)").
    TableSource source() const { return m_source; }
    qint64 tableRowCount() const { return m_tableRows; }
    QString tableLabel() const { return m_label; }
    // The selected rows: 0-based, ascending, each once.
    const QList<qint64> &rows() const { return m_rows; }
    bool isEmpty() const { return m_rows.isEmpty(); }
    // "412 rows selected in File — iris.csv (node 1)"; empty when none is selected.
    QString description() const;
    // Why the Selected Rows node's rows do not fit the table (it changed since), or empty.
    QString error() const { return m_error; }
    // The Selected Rows node holding the selection (0: none yet).
    int selectionNode() const;

    // The views show `source`, a table of `rowCount` rows named `label`: the selection
    // becomes the rows its Selected Rows node holds.
    void showTable(TableSource source, qint64 rowCount, const QString &label);
    // Selects `rows` of `source` (any order; repeated rows and rows outside the table are
    // dropped), adding them to the current selection of that table with Mode::Add: one
    // undoable edit of the workflow, named `what` ("Select 412 rows" when empty).
    void select(TableSource source, qint64 rowCount, const QString &label, QList<qint64> rows,
        Mode mode = Mode::Replace, const QString &what = {});
    // The same for the table shown (source()).
    void select(QList<qint64> rows, Mode mode = Mode::Replace);
    // Empties the selection of the table shown (an undoable edit when a node holds rows).
    void clear();

    // The Selected Rows node fed by `source` (the lowest id when there are several), or 0.
    static int selectedRowsNodeOf(const engine::GraphModel &graph, TableSource source);
    // "Split — Test (node 2)"; the node's name alone when it has one output.
    static QString labelOf(const engine::GraphModel &graph, TableSource source);
    // The Table output of node `id` the views show (NodeType::shownTableOutput), or -1.
    static int tablePortOf(const engine::GraphModel &graph, int id);
    // The table whose rows the per-row predictions of `node` are: `node` is an evaluation
    // view (view.confusion…) or the node that predicted (Test on Held-out Data,
    // Cross-Validation, Predict); the answer is what feeds the predicting node's table
    // input. Invalid when the graph does not say.
    static TableSource predictedTableOf(const engine::GraphModel &graph, int node);
    // The rows (ascending) whose true class is `trueClass` and predicted class `predicted`
    // (rows without a known true class are in no cell). O(rows): run off the GUI thread.
    static QList<qint64> rowsInCell(
        const engine::Prediction &prediction, int trueClass, int predicted);

    // Links a confusion matrix showing `value` (a PredictionView) of workflow node
    // `viewNode`: a click on a cell selects the rows with that (true, predicted) pair in
    // the table the predictions were made for (Shift or Ctrl adds them), found on a worker
    // thread; the clicked cells stay outlined while the selection is theirs. Each such
    // selection also emits predictedRowsSelected with the predictions' table (the
    // evaluated rows with the prediction columns), for the data table.
    void attachConfusionMatrix(
        plots::ConfusionMatrixPlot *plot, int viewNode, engine::NodeValuePtr value);

    // Links a silhouette plot of workflow node `viewNode` (a view.silhouette): the rows it
    // selects (a rectangle, "Select Negative Silhouettes") become the selection of the
    // table feeding the node, and it draws the selection while that table is the one
    // selected. Linking the same plot again does nothing.
    void attachSilhouette(plots::SilhouettePlot *plot, int viewNode);
    // The same for a data heat map (a view.heatmap): a band of rows dragged with Shift.
    void attachHeatMap(plots::DataHeatMapPlot *plot, int viewNode);
    // A Scatter Matrix node's plot: a rectangle in a cell selects those drawn rows of the
    // table feeding the node; that table's selection is ringed in every cell.
    void attachScatterMatrix(plots::ScatterMatrixPlot *plot, int viewNode);

Q_SIGNALS:
    // The table or its selected rows changed.
    void changed();
    // A confusion-matrix cell selected rows of `source`; `predictions` holds a
    // PredictionView whose prediction table has the same rows.
    void predictedRowsSelected(
        sextant::app::TableSource source, const sextant::engine::NodeValuePtr &predictions);

private:
    // A view whose rows map to the table feeding its node's first input (Silhouette, Heat
    // Map): its rowsSelected becomes the selection, and it draws the selection of that
    // table. `Plot` has rowsSelected(QList<qint64>), data().tableRows, setSelectedRows().
    template<class Plot> void attachRowView(Plot *plot, int viewNode, const QString &undoText);
    void syncFromGraph();

    engine::GraphModel &m_graph;
    QUndoStack &m_undo;
    TableSource m_source;
    qint64 m_tableRows = 0;
    QString m_label;
    QList<qint64> m_rows;
    QString m_text; // the rows parameter m_rows stand for
    QString m_error;
};

} // namespace sextant::app
