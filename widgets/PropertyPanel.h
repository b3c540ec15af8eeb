#pragma once

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QVariant>
#include <QWidget>

class QLabel;
class QScrollArea;
class QUndoStack;

namespace sextant::engine {
class Dataset;
class Executor;
class GraphModel;
struct ParameterSpec;
} // namespace sextant::engine

namespace sextant::widgets {

// The parameters of the selected node, generated from its type's ParameterSpecs: spin
// boxes with the schema's ranges, check boxes, combo boxes for enums, column pickers
// filled from the upstream table's columns (when the executor holds an output for the
// node feeding the first table input), a line edit with a browse button for file paths;
// help text as a tooltip and a label under each editor.
//
// Every edit is pushed on the undo stack as a SetParameterCommand (which edits the model,
// which marks the node and its downstream dirty in the executor). Changes made elsewhere
// (undo, the command line) show up in the editors.
class PropertyPanel : public QWidget {
    Q_OBJECT

public:
    PropertyPanel(engine::GraphModel &model, QUndoStack *undoStack, QWidget *parent = nullptr);

    // Optional: lets column pickers offer the upstream table's columns.
    void setExecutor(const engine::Executor *executor);

    int nodeId() const { return m_nodeId; }
    // Shows node `id`'s parameters; 0 (or an unknown id) clears the panel.
    void setNode(int id);
    // Rebuilds the editors (e.g. after a run, when upstream columns became known).
    void refresh();

    // The editor widget of parameter `name` of the shown node (tests, focus), or null.
    QWidget *editor(const QString &name) const { return m_editors.value(name); }
    // The columns offered to `name`'s picker (empty when unknown).
    QStringList upstreamColumns(const engine::ParameterSpec &spec) const;
    // What the parameter's check (ParameterSpec::check) says of the shown value, as shown
    // under its editor; empty when it has no check or the value is fine.
    QString checkMessage(const QString &name) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    // The table feeding the node's first table input, when the executor holds it.
    const engine::Dataset *upstreamTable() const;
    void showCheck(const QString &name, const QString &text);
    void guardWheel(QWidget *editor);
    QWidget *createEditor(const engine::ParameterSpec &spec, const QVariant &value);
    void setEditorValue(const QString &name, const QVariant &value);
    void commit(const QString &name, const QVariant &value);

    engine::GraphModel &m_model;
    QUndoStack *m_undoStack;
    const engine::Executor *m_executor = nullptr;
    int m_nodeId = 0;
    QScrollArea *m_scroll;
    QLabel *m_title;
    QLabel *m_error;
    QPointer<QWidget> m_form;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_checks; // parameter -> its check message, under the editor
    bool m_committing = false;
};

} // namespace sextant::widgets
