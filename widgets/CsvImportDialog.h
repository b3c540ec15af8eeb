#pragma once

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

#include <QDialog>
#include <QHash>
#include <QVariantMap>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace sextant::widgets {

class DatasetTableModel;

// The import dialog for delimited text: the File node's CSV options (delimiter, quote,
// header, lines to skip, decimal mark, thousands separator, encoding, missing-value
// tokens), a line saying what the reader sniffed, and a live preview of the first rows.
//
// The preview parses a bounded prefix of the file (kPreviewBytes, cut after a line end)
// with CsvReader::preview on the GUI thread: at most 64 KB (the bytes the reader sniffs
// from, so the preview and the load agree), a few milliseconds however big the file is.
// Every option change parses it again; the table shows the rows of that prefix. parameters() gives
// the options as File node parameter values (FileSourceNode::csvParameterSpecs, delimiter, header),
// "auto" wherever the person left the sniffed choice.
//
// Beside the preview, a list of the columns: what each was read as, and a Type (auto,
// numeric, categorical, date) and a Role (auto, feature, target, meta, ignored) to give
// it. They become the File node's column overrides (ColumnRoleEdits: numeric,
// categorical, as_date, target, features, meta, drop), so a run of the workflow and
// `sextant run` read the columns the same way; the preview shows them applied, and an
// override the values refuse (text as numbers) is said in red.
class CsvImportDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr std::size_t kPreviewBytes = std::size_t(64) << 10;

    // `parameters`: the values to start from (a File node's, or empty for the defaults).
    explicit CsvImportDialog(
        const QString &path, const QVariantMap &parameters = {}, QWidget *parent = nullptr);

    QString path() const { return m_path; }
    // The File node parameters the dialog's options stand for.
    QVariantMap parameters() const;
    void setParameter(const QString &name, const QVariant &value);

    // For tests and the status line.
    QLabel *sniffedLabel() const { return m_sniffed; }
    QLabel *messageLabel() const { return m_message; }
    QTableView *previewView() const { return m_preview; }
    const engine::LoadResult &previewResult() const { return m_result; }
    QComboBox *combo(const QString &parameter) const;
    QSpinBox *skipBox() const { return m_skip; }
    QLineEdit *missingEdit() const { return m_missing; }
    QTableWidget *columnTable() const { return m_columns; }
    // The Type and Role boxes of column `name` (nullptr when the preview has no such column).
    QComboBox *typeBox(const QString &name) const;
    QComboBox *roleBox(const QString &name) const;

Q_SIGNALS:
    // The preview was parsed again (after an option change).
    void previewUpdated();

private:
    void addCombo(const QString &parameter, const QString &label);
    void refresh();
    void rebuildColumnTable(const engine::Dataset &read);
    void columnChoiceChanged();

    QString m_path;
    QList<QPair<QString, QComboBox *>> m_combos; // parameter name -> its box
    QSpinBox *m_skip = nullptr;
    QLineEdit *m_missing = nullptr;
    QLabel *m_sniffed = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_preview = nullptr;
    DatasetTableModel *m_model = nullptr;
    QTableWidget *m_columns = nullptr;
    // Column name -> the Type / Role chosen ("auto" is not stored).
    QHash<QString, QString> m_types;
    QHash<QString, QString> m_roles;
    QStringList m_columnNames; // the preview's columns, in order
    engine::LoadResult m_result;
    bool m_ready = false; // the widgets are built: option changes refresh
};

} // namespace sextant::widgets
