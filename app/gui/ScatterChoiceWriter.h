#pragma once

#include <QObject>

class QUndoStack;
class QWidget;

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::plots {
struct ScatterChoice;
} // namespace sextant::plots

namespace sextant::app {

class ResultTabs;

// Keeps a Scatter node's parameters in step with its result view: when the person picks
// other X, Y, Colour, Size or Shape columns in the control bar of a Scatter node's tab, the
// choice is written to the node's x, y, color, size and shape parameters as one undoable
// edit, so that the saved workflow and `sextant run` draw the plot the person sees. Only
// the fields that differ from what the node's result drew are written (an empty "first
// numeric column" stays empty while X is left alone). Picking "none" for Colour writes an
// empty colour, which the node reads as its automatic choice (a "cluster" column, else the
// target).
//
// GUI thread only.
class ScatterChoiceWriter : public QObject {
    Q_OBJECT
public:
    // All four must outlive this object.
    ScatterChoiceWriter(ResultTabs &results, engine::GraphModel &graph, engine::Executor &executor,
        QUndoStack &undoStack, QObject *parent = nullptr);

    // Writes `choice`, made in the view of Scatter node `id`, to its parameters (what a pick
    // in the view's control bar does). False when nothing was written: not a Scatter node,
    // no result, or the choice is what the node drew already.
    bool write(int id, const plots::ScatterChoice &choice);

private:
    void attach(int id, QWidget *view);

    engine::GraphModel &m_graph;
    engine::Executor &m_executor;
    QUndoStack &m_undo;
};

} // namespace sextant::app
