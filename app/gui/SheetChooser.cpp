#include "gui/SheetChooser.h"

#include "data/DatasetLoader.h"
#include "data/SqliteReader.h"
#include "data/XlsxReader.h"

#include <QFileInfo>
#include <QInputDialog>

namespace sextant::app {

std::optional<QVariantMap> SheetChooser::parametersFor(QWidget *parent, const QString &path)
{
    if (engine::DatasetLoader::formatFor(path) != engine::DatasetLoader::Format::Xlsx)
        return QVariantMap();
    const QStringList sheets = engine::XlsxReader::sheetNames(path);
    if (sheets.size() < 2)
        return QVariantMap();
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("sheetChooser"));
    dialog.setWindowTitle(QObject::tr("Choose a Sheet"));
    dialog.setLabelText(
        QObject::tr("%1 has %2 sheets. Read:").arg(QFileInfo(path).fileName()).arg(sheets.size()));
    dialog.setComboBoxItems(sheets);
    dialog.setComboBoxEditable(false);
    dialog.setTextValue(sheets.front());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return QVariantMap { { workbook ? QStringLiteral("sheet") : QStringLiteral("table"),
        dialog.textValue() } };
}

} // namespace sextant::app
