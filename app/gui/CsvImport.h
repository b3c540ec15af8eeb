#pragma once

#include <QString>

class QWidget;

namespace sextant::widgets {
class GraphEditor;
}

namespace sextant::app {

// File → Import CSV…: a file chooser, then the import dialog (CsvImportDialog: the
// sniffed options and a live preview), then the File node reading the file with the
// chosen options — added (one undoable step), or, when a File node already reads that
// file, its options changed (one undoable step) — selected and inspected as every opened
// dataset is (GraphEditor::openDatasetFile).
//
// Dropping a file and File → Open Dataset stay one step without a dialog: the sniffer
// reads most files right, and where it guessed (a skipped preamble, a column read as
// text) the File node's warnings say so and its property panel, or this command on the
// same file, changes the options.
class CsvImport {
public:
    // Asks for a file (starting in `directory`) and imports it; returns the node's id, 0
    // when cancelled.
    static int chooseAndImport(QWidget *parent, widgets::GraphEditor &editor);
    // The dialog for `path`, then the node; 0 when cancelled.
    static int importFile(QWidget *parent, widgets::GraphEditor &editor, const QString &path);
};

} // namespace sextant::app
