#pragma once

#include <QObject>

class QUndoStack;
class QWidget;

namespace sextant::engine {
class GraphModel;
} // namespace sextant::engine

namespace sextant::app {

class ResultTabs;

// Writes the cut a person drags in a Dendrogram node's tab to the node's `clusters`
// parameter, as one undoable edit (SetParameterCommand); auto-run then runs the node
// again, so its "cluster" output and what is downstream follow. GUI thread only.
class DendrogramCutWriter : public QObject {
    Q_OBJECT
public:
    // All three must outlive this object.
    DendrogramCutWriter(ResultTabs &results, engine::GraphModel &graph, QUndoStack &undoStack,
        QObject *parent = nullptr);

    // Sets Dendrogram node `id`'s clusters to `clusters`. False when nothing was written:
    // not a Dendrogram node, or the parameter already says so.
    bool write(int id, int clusters);

private:
    void attach(int id, QWidget *view);

    engine::GraphModel &m_graph;
    QUndoStack &m_undo;
};

} // namespace sextant::app
