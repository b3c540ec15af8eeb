#include "gui/CsvImport.h"

#include "data/DatasetLoader.h"
#include "graph/GraphModel.h"
#include "nodes/FileSourceNode.h"
#include "widgets/CsvImportDialog.h"
#include "widgets/GraphCommands.h"
#include "widgets/GraphEditor.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QUndoStack>
#include <limits>

namespace sextant::app {

namespace {
// The folder File → Open Dataset remembers, shared with it.
const QString kLastDirKey = QStringLiteral("lastOpenDirectory");
} // namespace

int CsvImport::chooseAndImport(QWidget *parent, widgets::GraphEditor &editor)
{
    QSettings settings;
    const QString dir = settings.value(kLastDirKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(parent, QObject::tr("Import CSV"), dir,
        QObject::tr("Delimited text (*.csv *.tsv *.tab *.txt *.data *.dat);;All files (*)"));
    if (path.isEmpty())
        return 0;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    return importFile(parent, editor, path);
}

int CsvImport::importFile(QWidget *parent, widgets::GraphEditor &editor, const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    engine::GraphModel &model = editor.model();
    const int existing = editor.fileNodeReading(absolute);
    widgets::CsvImportDialog dialog(
        absolute, existing ? model.parameters(existing) : QVariantMap(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    const QVariantMap chosen = dialog.parameters();
    if (existing) {
        QUndoStack *stack = editor.undoStack();
        stack->beginMacro(
            QObject::tr("Change the import options of %1").arg(QFileInfo(absolute).fileName()));
        for (auto it = chosen.begin(); it != chosen.end(); ++it)
            if (model.parameter(existing, it.key()) != it.value())
                stack->push(
                    new widgets::SetParameterCommand(model, existing, it.key(), it.value()));
        stack->endMacro();
    } else {
        // Below the lowest node, in line with the leftmost one (as openDatasetFile).
        QPointF at;
        if (model.nodeCount() > 0) {
            qreal left = std::numeric_limits<qreal>::max();
            qreal bottom = std::numeric_limits<qreal>::lowest();
            for (int n : model.nodeIds()) {
                left = std::min(left, model.position(n).x());
                bottom = std::max(bottom, model.position(n).y());
            }
            at = QPointF(left, bottom + 110);
        }
        QVariantMap parameters = chosen;
        parameters.insert(QStringLiteral("path"), absolute);
        if (editor.addNode(engine::FileSourceNode::typeId(), at, parameters) == 0)
            return 0;
    }
    // Selects the node that now reads the file and shows it.
    return editor.openDatasetFile(absolute);
}

} // namespace sextant::app
