#pragma once

#include "nodes/SaveDataNode.h"

#include <QString>
#include <functional>

class QObject;
class QWidget;

namespace sextant::engine {
class Dataset;
}

namespace sextant::app {

// File → Export Table…: asks for a file and writes `dataset` (the table the views show) as
// CSV, TSV, ARFF or Excel (SaveDataNode::write: atomic, the format chosen by the dialog's filter
// or the extension). The write runs on a thread of its own, never on the GUI thread; the
// window's status bar (or a message box, for a failure) says how it went.
class TableExport {
public:
    static void exportTable(QWidget *parent, const engine::Dataset &dataset);
    // The write itself: `dataset` to `path` on a new thread; `done(ok, error)` is then
    // called on `context`'s thread (queued), unless `context` is gone by then.
    static void writeInBackground(const engine::Dataset &dataset, const QString &path,
        engine::SaveDataNode::Format format, QObject *context,
        std::function<void(bool ok, const QString &error)> done);
};

} // namespace sextant::app
