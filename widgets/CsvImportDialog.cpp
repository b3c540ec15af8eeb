#include "widgets/CsvImportDialog.h"

#include "data/CsvReader.h"
#include "graph/NodeError.h"
#include "graph/NodeTypeText.h"
#include "nodes/ColumnRoleEdits.h"
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
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
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

const QStringList &typeChoices()
{
    static const QStringList kChoices = { QStringLiteral("auto"), QStringLiteral("numeric"),
        QStringLiteral("categorical"), QStringLiteral("date") };
    return kChoices;
}

const QStringList &roleChoices()
{
    static const QStringList kChoices = { QStringLiteral("auto"), QStringLiteral("feature"),
        QStringLiteral("target"), QStringLiteral("meta"), QStringLiteral("ignored") };
    return kChoices;
}

// A type or role choice as people read it.
QString choiceText(const QString &choice)
{
    if (choice == QLatin1String("auto"))
        return engine::NodeTypeText::choiceLabel(choice);
    if (choice == QLatin1String("numeric"))
        return CsvImportDialog::tr("numeric");
    if (choice == QLatin1String("categorical"))
        return CsvImportDialog::tr("categorical");
    if (choice == QLatin1String("date"))
        return CsvImportDialog::tr("date");
    if (choice == QLatin1String("feature"))
        return CsvImportDialog::tr("feature");
    if (choice == QLatin1String("target"))
        return CsvImportDialog::tr("target");
    if (choice == QLatin1String("meta"))
        return CsvImportDialog::tr("meta");
    if (choice == QLatin1String("ignored"))
        return CsvImportDialog::tr("ignored");
    return choice;
}

QString readAs(const engine::Column &c)
{
    const QString type = c.isDateTime() ? QObject::tr("date") : engine::toString(c.type());
    switch (c.role()) {
    case engine::ColumnRole::Target:
        return QObject::tr("%1, target").arg(type);
    case engine::ColumnRole::Ignore:
        return QObject::tr("%1, meta").arg(type);
    case engine::ColumnRole::Feature:
        break;
    }
    return type;
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
    combo(QStringLiteral("dates"), right);
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
    m_columns = new QTableWidget(0, 4, this);
    m_columns->setObjectName(QStringLiteral("columnTable"));
    m_columns->setHorizontalHeaderLabels({ tr("Column"), tr("Read as"), tr("Type"), tr("Role") });
    m_columns->verticalHeader()->setVisible(false);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_columns->setToolTip(tr("Give a column a type or a role; auto keeps what the file says."));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_columns);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 600);

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
        for (qsizetype i = 0; i < spec->choices.size(); ++i)
            box->addItem(engine::NodeTypeText::choiceLabel(spec->choices[i]), spec->choices[i]);
        box->setCurrentIndex(box->findData(spec->defaultValue.toString()));
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
        const int index = box->findData(value.toString());
        if (index >= 0)
            box->setCurrentIndex(index);
    } else if (name == QLatin1String("skip_lines")) {
        m_skip->setValue(int(value.toLongLong()));
    } else if (name == QLatin1String("missing")) {
        m_missing->setText(value.toString());
        if (m_ready)
            refresh();
    } else {
        // The column overrides (ColumnRoleEdits' parameters).
        static const QHash<QString, QPair<bool, QString>> kLists = {
            { QStringLiteral("numeric"), { true, QStringLiteral("numeric") } },
            { QStringLiteral("categorical"), { true, QStringLiteral("categorical") } },
            { QStringLiteral("as_date"), { true, QStringLiteral("date") } },
            { QStringLiteral("features"), { false, QStringLiteral("feature") } },
            { engine::FileSourceNode::metaKey(), { false, QStringLiteral("meta") } },
            { QStringLiteral("drop"), { false, QStringLiteral("ignored") } },
        };
        if (name == QLatin1String("target")) {
            m_roles.removeIf([](const auto &e) { return e.value() == QLatin1String("target"); });
            if (!value.toString().isEmpty())
                m_roles.insert(value.toString(), QStringLiteral("target"));
        } else if (const auto it = kLists.constFind(name); it != kLists.cend()) {
            QHash<QString, QString> &map = it->first ? m_types : m_roles;
            const QString choice = it->second;
            map.removeIf([&choice](const auto &e) { return e.value() == choice; });
            for (const QString &column : value.toStringList())
                map.insert(column, it->second);
        } else {
            return;
        }
        if (m_ready)
            refresh();
    }
}

QComboBox *CsvImportDialog::typeBox(const QString &name) const
{
    const qsizetype row = m_columnNames.indexOf(name);
    return row < 0 ? nullptr : qobject_cast<QComboBox *>(m_columns->cellWidget(int(row), 2));
}

QComboBox *CsvImportDialog::roleBox(const QString &name) const
{
    const qsizetype row = m_columnNames.indexOf(name);
    return row < 0 ? nullptr : qobject_cast<QComboBox *>(m_columns->cellWidget(int(row), 3));
}

void CsvImportDialog::rebuildColumnTable(const engine::Dataset &read)
{
    const QStringList names = read.columnNames();
    if (names != m_columnNames) {
        m_columnNames = names;
        m_columns->setRowCount(0);
        m_columns->setRowCount(int(names.size()));
        for (int r = 0; r < names.size(); ++r) {
            m_columns->setItem(r, 0, new QTableWidgetItem(names[r]));
            m_columns->setItem(r, 1, new QTableWidgetItem);
            for (int k = 0; k < 2; ++k) {
                auto *box = new QComboBox(m_columns);
                box->setObjectName(
                    (k == 0 ? QStringLiteral("type:") : QStringLiteral("role:")) + names[r]);
                // Read in the user's language; the value is the item's data.
                for (const QString &choice : k == 0 ? typeChoices() : roleChoices())
                    box->addItem(choiceText(choice), choice);
                box->setCurrentIndex(box->findData(
                    (k == 0 ? m_types : m_roles).value(names[r], QStringLiteral("auto"))));
                connect(box, &QComboBox::currentIndexChanged, this,
                    &CsvImportDialog::columnChoiceChanged);
                m_columns->setCellWidget(r, 2 + k, box);
            }
        }
        m_columns->resizeColumnsToContents();
    }
    for (int r = 0; r < read.columnCount(); ++r)
        m_columns->item(r, 1)->setText(readAs(read.column(r)));
}

void CsvImportDialog::columnChoiceChanged()
{
    for (const QString &name : std::as_const(m_columnNames)) {
        const QString type = typeBox(name) ? typeBox(name)->currentData().toString() : QString();
        const QString role = roleBox(name) ? roleBox(name)->currentData().toString() : QString();
        if (type.isEmpty() || type == QLatin1String("auto"))
            m_types.remove(name);
        else
            m_types.insert(name, type);
        if (role.isEmpty() || role == QLatin1String("auto"))
            m_roles.remove(name);
        else
            m_roles.insert(name, role);
    }
    // One target: the newest choice wins, the others go back to auto.
    if (auto *box = qobject_cast<QComboBox *>(sender());
        box && box->currentData().toString() == QLatin1String("target")) {
        const QString chosen = box->objectName().mid(5);
        for (const QString &name : std::as_const(m_columnNames))
            if (name != chosen && m_roles.value(name) == QLatin1String("target")) {
                m_roles.remove(name);
                if (QComboBox *other = roleBox(name)) {
                    const QSignalBlocker block(other);
                    other->setCurrentIndex(other->findData(QStringLiteral("auto")));
                }
            }
    }
    refresh();
}

QVariantMap CsvImportDialog::parameters() const
{
    QVariantMap out;
    for (const auto &[name, box] : m_combos)
        out.insert(name, box->currentData().toString());
    out.insert(QStringLiteral("skip_lines"), qlonglong(m_skip->value()));
    out.insert(QStringLiteral("missing"), m_missing->text().trimmed());
    // The column overrides, for the columns the preview has (in its order).
    engine::ColumnRoleEdits edits;
    QStringList names = m_columnNames;
    if (names.isEmpty()) { // nothing previewed yet: keep what was set
        for (const QString &name : m_types.keys() + m_roles.keys())
            if (!names.contains(name))
                names << name;
    }
    for (const QString &name : std::as_const(names)) {
        const QString type = m_types.value(name);
        if (type == QLatin1String("numeric"))
            edits.numeric << name;
        else if (type == QLatin1String("categorical"))
            edits.categorical << name;
        else if (type == QLatin1String("date"))
            edits.dates << name;
        const QString role = m_roles.value(name);
        if (role == QLatin1String("target"))
            edits.target = name;
        else if (role == QLatin1String("feature"))
            edits.features << name;
        else if (role == QLatin1String("meta"))
            edits.meta << name;
        else if (role == QLatin1String("ignored"))
            edits.drop << name;
    }
    const QVariantMap overrides = edits.toParameters(engine::FileSourceNode::metaKey());
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        out.insert(it.key(), it.value());
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
    // The column overrides, applied as the File node applies them.
    QString overrideError;
    {
        engine::Dataset proposed = preview;
        engine::ColumnRoleEdits::proposeTarget(proposed);
        rebuildColumnTable(proposed);
        try {
            engine::ColumnRoleEdits::fromParameters(parameters(), engine::FileSourceNode::metaKey())
                .apply(preview, true);
        } catch (const engine::NodeError &e) {
            overrideError = e.message();
            preview = std::move(proposed);
        }
    }
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
    QString message = warnings.isEmpty() ? QString()
                                         : QStringLiteral("<span style='color:#8a5a00'>%1</span>")
                                               .arg(warnings.join(QStringLiteral("<br>")));
    if (!overrideError.isEmpty())
        message = QStringLiteral("<span style='color:#b00020'>%1</span>")
                      .arg(overrideError.toHtmlEscaped())
            + (message.isEmpty() ? QString() : QStringLiteral("<br>") + message);
    m_message->setText(message);
    m_model->setDataset(std::move(preview));
    Q_EMIT previewUpdated();
}

} // namespace sextant::widgets
