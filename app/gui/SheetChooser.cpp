#include "gui/SheetChooser.h"

#include "data/DatasetLoader.h"
#include "data/SqliteReader.h"
#include "data/XlsxReader.h"

#include <QFileInfo>
#include <QInputDialog>

namespace sextant::app {

std::optional<QVariantMap> SheetChooser::parametersFor(QWidget *parent, const QString &path)
{
    const engine::DatasetLoader::Format format = engine::DatasetLoader::formatFor(path);
    const bool workbook = format == engine::DatasetLoader::Format::Xlsx;
    if (!workbook && format != engine::DatasetLoader::Format::Sqlite)
        return QVariantMap();
    const QStringList sheets
        = workbook ? engine::XlsxReader::sheetNames(path) : engine::SqliteReader::tableNames(path);
    if (sheets.size() < 2)
        return QVariantMap();
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("sheetChooser"));
    dialog.setWindowTitle(workbook ? QObject::tr("Choose a Sheet") : QObject::tr("Choose a Table"));
    dialog.setLabelText((workbook ? QObject::tr("%1 has %2 sheets. Read:")
                                  : QObject::tr("%1 has %2 tables. Read (the File node's SQL "
                                                "query can read any query instead):"))
                            .arg(QFileInfo(path).fileName())
                            .arg(sheets.size()));
    dialog.setComboBoxItems(sheets);
    dialog.setComboBoxEditable(false);
    dialog.setTextValue(sheets.front());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return QVariantMap { { workbook ? QStringLiteral("sheet") : QStringLiteral("table"),
        dialog.textValue() } };
}

} // namespace sextant::app
