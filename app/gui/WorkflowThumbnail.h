#pragma once

#include <QPixmap>
#include <QSize>
#include <QString>

class QPalette;

namespace sextant::app {

// A miniature of a workflow file's graph for the welcome page: its nodes where the file puts
// them, coloured by kind (data, preprocessing, model, evaluation, view), and the connections
// between them, drawn in the colours of `palette` (so it reads in a dark theme too). A file
// that cannot be read gives a drawn placeholder, never an empty square.
class WorkflowThumbnail {
public:
    static QPixmap render(const QString &workflowPath, QSize size, const QPalette &palette,
        qreal devicePixelRatio = 1.0);
};

} // namespace sextant::app
