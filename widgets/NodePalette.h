#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace sextant::engine {
class NodeRegistry;
}

namespace sextant::widgets {

// The node types of a registry, grouped by category, with a search box. A type is dragged
// onto the canvas (mime type mimeType(), payload the type id) or activated (double-click,
// Enter) to insert it at the centre of the view.
class NodePalette : public QWidget {
    Q_OBJECT

public:
    explicit NodePalette(const engine::NodeRegistry &registry, QWidget *parent = nullptr);

    static QString mimeType() { return QStringLiteral("application/x-sextant-node-type"); }

    QLineEdit *searchEdit() const { return m_search; }
    QTreeWidget *tree() const { return m_tree; }
    // Rebuilds the list (after types were added to the registry).
    void reload();
    // Type ids currently shown (not filtered out), in display order.
    QStringList visibleTypeIds() const;
    // The width that shows every category and node name whole (with the tree's
    // indentation, frame and scroll bar): what the window gives the palette's dock.
    int widthForNames() const;

Q_SIGNALS:
    void nodeTypeActivated(const QString &typeId);

private:
    void applyFilter(const QString &text);

    const engine::NodeRegistry &m_registry;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace sextant::widgets
