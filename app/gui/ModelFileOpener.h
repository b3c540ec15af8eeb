#pragma once

#include <QString>

namespace sextant::widgets {
class GraphEditor;
}

namespace sextant::app {

// A trained-model file (.sxmodel) opened in the studio (the command line, a double-click in
// the file manager): a Model File node reading it is added to the workflow (one undoable
// edit), below the lowest node, and selected; the node already reading it is selected.
class ModelFileOpener {
public:
    static bool isModelFile(const QString &path);
    // The node's id, 0 when the editor refused it.
    static int open(widgets::GraphEditor &editor, const QString &path);
};

} // namespace sextant::app
