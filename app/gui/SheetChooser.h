#pragma once

#include <QString>
#include <QVariantMap>
#include <optional>

class QWidget;

namespace sextant::app {

// The studio's sheet chooser: opening an Excel workbook (.xlsx) with several sheets asks
// which one to read (the first offered), and the File node gets it as its `sheet`
// parameter (GraphEditor's file parameter hook); a SQLite database with several tables
// asks for the table (`table`). One sheet or table, another kind of file, or a file that
// cannot be read (the File node then says why, naming the file) asks nothing.
class SheetChooser {
public:
    // The File node parameters for `path` ({"sheet"/"table": name} or none), or nothing when the
    // person cancelled.
    static std::optional<QVariantMap> parametersFor(QWidget *parent, const QString &path);
};

} // namespace sextant::app
