#pragma once

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace sextant::engine {
class NodeRegistry;
}

namespace sextant::widgets {

// The quick-insert popup shown by a double-click on empty canvas: type to filter the node
// types (name, category or id), Enter or click inserts the highlighted one.
class NodeSearchPopup : public QFrame {
    Q_OBJECT

public:
    explicit NodeSearchPopup(const engine::NodeRegistry &registry, QWidget *parent = nullptr);

    void popup(QPoint globalPos);
    QLineEdit *searchEdit() const { return m_edit; }
    QListWidget *list() const { return m_list; }
    // Chooses the current entry (what Enter does).
    void chooseCurrent();

Q_SIGNALS:
    void typeChosen(const QString &typeId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);

    QLineEdit *m_edit;
    QListWidget *m_list;
};

} // namespace sextant::widgets
