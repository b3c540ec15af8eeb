#include "widgets/CsvImportDialog.h"

#include "data/CsvReader.h"
#include "nodes/FileSourceNode.h"
#include "widgets/DatasetTableModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace sextant::widgets {

namespace {

const engine::ParameterSpec *fileSpec(const QString &name)
{
    static const engine::NodeType type = engine::FileSourceNode::type();
    for (const engine::ParameterSpec &spec : type.parameters)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

QString delimiterName(char c)
{
    switch (c) {
    case ',':
        return QObject::tr("comma");
    case ';':
        return QObject::tr("semicolon");
    case '\t':
        return QObject::tr("tab");
    case '|':
        return QObject::tr("pipe");
    default:
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    }
}

QString encodingName(engine::CsvOptions::Encoding e)
{
    switch (e) {
    case engine::CsvOptions::Encoding::Latin1:
        return QStringLiteral("Latin-1");
    case engine::CsvOptions::Encoding::Utf16:
        return QStringLiteral("UTF-16");
    default:
        return QStringLiteral("UTF-8");
    }
}

} // namespace

CsvImportDialog::CsvImportDialog(
    const QString &path, const QVariantMap &parameters, QWidget *parent)
    : QDialog(parent), m_path(path)
{
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    setObjectName(QStringLiteral("csvImportDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *options = new QHBoxLayout;
    auto *left = new QFormLayout;
    auto *right = new QFormLayout;
    options->addLayout(left);
    options->addLayout(right);
    layout->addLayout(options);

    const auto combo = [this](const QString &name, QFormLayout *form) {
        addCombo(name, QString());
        const engine::ParameterSpec *spec = fileSpec(name);
        form->addRow(spec ? spec->displayLabel() + QLatin1Char(':') : name, m_combos.back().second);
    };
    combo(QStringLiteral("delimiter"), left);
    combo(QStringLiteral("quote"), left);
    combo(QStringLiteral("header"), left);
    m_skip = new QSpinBox(this);
    m_skip->setObjectName(QStringLiteral("skip_lines"));
    m_skip->setRange(-1, 1000000);
    m_skip->setSpecialValueText(tr("auto (a count or title line)"));
    m_skip->setValue(-1);
    if (const engine::ParameterSpec *spec = fileSpec(QStringLiteral("skip_lines")))
        m_skip->setToolTip(spec->help);
    left->addRow(tr("Lines to skip:"), m_skip);
    combo(QStringLiteral("decimal"), right);
    combo(QStringLiteral("thousands"), right);
    combo(QStringLiteral("encoding"), right);
    m_missing = new QLineEdit(this);
    m_missing->setObjectName(QStringLiteral("missing"));
    m_missing->setPlaceholderText(tr("NA, N/A, NaN, nan, ?, null, NULL, None"));
    if (const engine::ParameterSpec *spec = fileSpec(QStringLiteral("missing")))
        m_missing->setToolTip(spec->help);
    right->addRow(tr("Missing values:"), m_missing);

    m_sniffed = new QLabel(this);
    m_sniffed->setObjectName(QStringLiteral("sniffedLabel"));
    m_sniffed->setWordWrap(true);
    layout->addWidget(m_sniffed);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    m_model = new DatasetTableModel(this);
    m_preview = new QTableView(this);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setModel(m_model);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    layout->addWidget(m_preview, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 560);

    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        setParameter(it.key(), it.value());
    for (const auto &[name, box] : m_combos)
        connect(box, &QComboBox::currentIndexChanged, this, &CsvImportDialog::refresh);
    connect(m_skip, &QSpinBox::valueChanged, this, &CsvImportDialog::refresh);
    connect(m_missing, &QLineEdit::editingFinished, this, &CsvImportDialog::refresh);
    m_ready = true;
    refresh();
}

void CsvImportDialog::addCombo(const QString &parameter, const QString &)
{
    auto *box = new QComboBox(this);
    box->setObjectName(parameter);
    if (const engine::ParameterSpec *spec = fileSpec(parameter)) {
        box->addItems(spec->choices);
        box->setCurrentText(spec->defaultValue.toString());
        box->setToolTip(spec->help);
    }
    m_combos.push_back({ parameter, box });
}

QComboBox *CsvImportDialog::combo(const QString &parameter) const
{
    for (const auto &[name, box] : m_combos)
        if (name == parameter)
            return box;
    return nullptr;
}

void CsvImportDialog::setParameter(const QString &name, const QVariant &value)
{
    if (QComboBox *box = combo(name)) {
        const int index = box->findText(value.toString());
        if (index >= 0)
            box->setCurrentIndex(index);
    } else if (name == QLatin1String("skip_lines")) {
        m_skip->setValue(int(value.toLongLong()));
    } else if (name == QLatin1String("missing")) {
        m_missing->setText(value.toString());
        if (m_ready)
            refresh();
    }
}

QVariantMap CsvImportDialog::parameters() const
{
    QVariantMap out;
    for (const auto &[name, box] : m_combos)
        out.insert(name, box->currentText());
    out.insert(QStringLiteral("skip_lines"), qlonglong(m_skip->value()));
    out.insert(QStringLiteral("missing"), m_missing->text().trimmed());
    return out;
}

void CsvImportDialog::refresh()
{
    if (!m_ready)
        return;
    const engine::CsvOptions options = engine::FileSourceNode::csvOptions(parameters());
    engine::CsvDialect dialect;
    m_result = engine::CsvReader::preview(m_path, options, kPreviewBytes, &dialect);
    if (!m_result.ok()) {
        m_model->clear();
        m_sniffed->setText(tr("Nothing to preview with these options."));
        m_message->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                               .arg(m_result.error ? m_result.error->toString().toHtmlEscaped()
                                                   : tr("the file could not be read")));
        Q_EMIT previewUpdated();
        return;
    }
    engine::Dataset preview = *m_result.dataset;
    const std::int64_t rows = preview.rowCount();
    QStringList detected;
    detected << tr("delimiter: %1").arg(delimiterName(dialect.delimiter));
    detected << (dialect.header ? tr("header row: yes") : tr("header row: none"));
    if (dialect.skippedLines > 0)
        detected << tr("%n line(s) skipped", nullptr, dialect.skippedLines);
    detected << tr("encoding: %1").arg(encodingName(dialect.encoding));
    int numeric = 0;
    for (const engine::Column &c : preview.columns())
        numeric += c.isNumeric() ? 1 : 0;
    detected << tr("%1 columns (%2 numeric)").arg(preview.columnCount()).arg(numeric);
    m_sniffed->setText(tr("Read as: %1. The first %n row(s) of the file:", nullptr, int(rows))
                           .arg(detected.join(QStringLiteral(", "))));
    QStringList warnings;
    for (const engine::LoadIssue &w : m_result.warnings) {
        if (warnings.size() == 3) {
            warnings << tr("(%1 more)").arg(m_result.warnings.size() - 3);
            break;
        }
        warnings << w.toString().toHtmlEscaped();
    }
    m_message->setText(warnings.isEmpty() ? QString()
                                          : QStringLiteral("<span style='color:#8a5a00'>%1</span>")
                                                .arg(warnings.join(QStringLiteral("<br>"))));
    m_model->setDataset(std::move(preview));
    Q_EMIT previewUpdated();
}

} // namespace sextant::widgets
