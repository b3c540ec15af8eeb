#include "widgets/PropertyPanel.h"

#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/FolderParameter.h"
#include "graph/GraphModel.h"
#include "graph/NodeTypeText.h"
#include "widgets/GraphCommands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <limits>

namespace sextant::widgets {

using engine::ParameterSpec;
using engine::ParameterType;

namespace {

constexpr char kListRole[] = "sextantColumnList";

// What an empty value of a column parameter means, as its help says ("Empty: every numeric
// column.", "Empty keeps every column.", "Empty leaves the target as it is."); empty when
// the help does not say.
QString emptyMeaning(const ParameterSpec &spec)
{
    static const QRegularExpression sentence(
        QStringLiteral("(?:^|[.!?]\\s+)Empty(?::\\s*|\\s+)([^.]+)\\."));
    const QRegularExpressionMatch m = sentence.match(spec.help);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace

namespace {
// The narrowest a spin box, combo box or line edit gets in a narrow panel.
constexpr int kEditorMinWidth = 60;
} // namespace

PropertyPanel::PropertyPanel(engine::GraphModel &model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent), m_model(model), m_undoStack(undoStack), m_scroll(new QScrollArea(this)),
      m_title(new QLabel(this)), m_error(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // The form follows the panel's width (a narrow side dock): help texts wrap and editors
    // shrink instead of being cut off behind a horizontal scroll bar.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addWidget(m_scroll, 1);
    setMinimumWidth(220);

    // Model signals are direct (same thread).
    connect(&m_model, &engine::GraphModel::parameterChanged, this,
        [this](int id, const QString &name, const QVariant &value) {
            if (id == m_nodeId && !m_committing)
                setEditorValue(name, value);
        });
    connect(&m_model, &engine::GraphModel::nodeRemoved, this, [this](int id) {
        if (id == m_nodeId)
            setNode(0);
    });
    connect(
        &m_model, &engine::GraphModel::connectionAdded, this, [this](const engine::Connection &c) {
            if (c.toNode == m_nodeId)
                refresh();
        });
    connect(&m_model, &engine::GraphModel::connectionRemoved, this,
        [this](const engine::Connection &c) {
            if (c.toNode == m_nodeId)
                refresh();
        });
    rebuild();
}

void PropertyPanel::guardWheel(QWidget *editor)
{
    // Spin boxes and combo boxes take the wheel only once clicked or tabbed into; until
    // then the wheel scrolls the panel (eventFilter), as in every settings page.
    if (!qobject_cast<QAbstractSpinBox *>(editor) && !qobject_cast<QComboBox *>(editor))
        return;
    editor->setFocusPolicy(Qt::StrongFocus);
    editor->installEventFilter(this);
}

bool PropertyPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !widget->hasFocus()) {
            QCoreApplication::sendEvent(m_scroll->viewport(), event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PropertyPanel::setExecutor(const engine::Executor *executor)
{
    m_executor = executor;
    refresh();
}

void PropertyPanel::setNode(int id)
{
    m_nodeId = m_model.hasNode(id) ? id : 0;
    rebuild();
}

void PropertyPanel::refresh()
{
    rebuild();
}

const engine::Dataset *PropertyPanel::upstreamTable() const
{
    if (!m_executor || !m_nodeId)
        return nullptr;
    const engine::NodeType *type = m_model.nodeType(m_nodeId);
    if (!type)
        return nullptr;
    for (int port = 0; port < type->inputs.size(); ++port) {
        if (type->inputs.at(port).type != engine::PortType::Table)
            continue;
        const std::optional<engine::Connection> c = m_model.connectionInto(m_nodeId, port);
        if (!c)
            continue;
        const engine::NodeValuePtr value = m_executor->output(c->fromNode, c->fromPort);
        return value ? value->as<engine::Dataset>() : nullptr;
    }
    return nullptr;
}

QString PropertyPanel::checkMessage(const QString &name) const
{
    const QLabel *label = m_checks.value(name);
    return label && !label->isHidden() ? label->text() : QString();
}

void PropertyPanel::showCheck(const QString &name, const QString &text)
{
    QLabel *label = m_checks.value(name);
    const engine::NodeType *type = m_nodeId ? m_model.nodeType(m_nodeId) : nullptr;
    const ParameterSpec *spec = type ? type->parameter(name) : nullptr;
    if (!label || !spec || !spec->check)
        return;
    const QString problem = spec->check(text, upstreamTable());
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

QStringList PropertyPanel::upstreamColumns(const ParameterSpec &spec) const
{
    if (!m_executor || !m_nodeId)
        return {};
    const engine::NodeType *type = m_model.nodeType(m_nodeId);
    if (!type)
        return {};
    for (int port = 0; port < type->inputs.size(); ++port) {
        if (type->inputs.at(port).type != engine::PortType::Table)
            continue;
        const std::optional<engine::Connection> c = m_model.connectionInto(m_nodeId, port);
        if (!c)
            continue;
        const engine::NodeValuePtr value = m_executor->output(c->fromNode, c->fromPort);
        const engine::Dataset *table = value ? value->as<engine::Dataset>() : nullptr;
        if (!table)
            return {};
        QStringList names;
        for (const engine::Column &column : table->columns()) {
            if (spec.columnFilter == engine::ColumnFilter::Numeric && !column.isNumeric())
                continue;
            if (spec.columnFilter == engine::ColumnFilter::Categorical && column.isNumeric())
                continue;
            names.append(column.name());
        }
        return names;
    }
    return {};
}

void PropertyPanel::rebuild()
{
    m_editors.clear();
    m_checks.clear();
    m_error->hide();
    // Rebuilt from inside an editor's own signal at times: let the old form die later.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    m_form = new QWidget;
    auto *form = new QFormLayout(m_form);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const engine::NodeType *type = m_nodeId ? m_model.nodeType(m_nodeId) : nullptr;
    if (!type) {
        m_title->setText(tr("<i>Select a node to edit its parameters.</i>"));
    } else {
        m_title->setText(QStringLiteral("<b>%1</b> <span style='color:#777'>#%2</span><br/>%3")
                             .arg(type->displayName.toHtmlEscaped())
                             .arg(m_nodeId)
                             .arg(type->description.toHtmlEscaped()));
        if (type->parameters.isEmpty())
            form->addRow(new QLabel(tr("<i>No parameters.</i>")));
        const QVariantMap values = m_model.parameters(m_nodeId);
        for (const ParameterSpec &spec : type->parameters) {
            QWidget *editor = createEditor(spec, values.value(spec.name));
            guardWheel(editor);
            // Spin boxes size to their range's widest number and combo boxes to their
            // longest choice; in a narrow panel they may be narrower than that.
            if (!editor->layout() && editor->minimumSizeHint().width() > kEditorMinWidth)
                editor->setMinimumWidth(kEditorMinWidth);
            editor->setToolTip(spec.help);
            editor->setObjectName(spec.name);
            m_editors.insert(spec.name, editor);
            auto *label = new QLabel(spec.displayLabel());
            label->setWordWrap(true);
            label->setToolTip(spec.help);
            label->setBuddy(editor);
            // A column list takes the panel's whole width, its label above it: beside the
            // label, a narrow panel would cut the column names.
            if (spec.type == ParameterType::ColumnList) {
                form->addRow(label);
                form->addRow(editor);
            } else {
                form->addRow(label, editor);
            }
            if (spec.check) {
                auto *problem = new QLabel;
                problem->setObjectName(spec.name + QStringLiteral("_check"));
                problem->setWordWrap(true);
                problem->setStyleSheet(QStringLiteral("color: #c62828;"));
                form->addRow(problem);
                m_checks.insert(spec.name, problem);
                showCheck(spec.name, values.value(spec.name).toString());
            }
            if (!spec.help.isEmpty()) {
                auto *help = new QLabel(spec.help);
                help->setWordWrap(true);
                // A long token (a date-time example, a path) may be cut rather than
                // widening the whole form.
                help->setMinimumWidth(kEditorMinWidth);
                help->setStyleSheet(QStringLiteral("color: #666; font-size: small;"));
                form->addRow(help);
            }
        }
    }
    m_scroll->setWidget(m_form);
}

QWidget *PropertyPanel::createEditor(const ParameterSpec &spec, const QVariant &value)
{
    const QString name = spec.name;
    switch (spec.type) {
    case ParameterType::Int: {
        auto *box = new QSpinBox;
        constexpr double lo = std::numeric_limits<int>::min();
        constexpr double hi = std::numeric_limits<int>::max();
        box->setRange(int(std::clamp(spec.minimum.value_or(lo), lo, hi)),
            int(std::clamp(spec.maximum.value_or(hi), lo, hi)));
        box->setKeyboardTracking(false);
        if (!spec.minimumText.isEmpty())
            box->setSpecialValueText(engine::NodeTypeText::choiceLabel(spec.minimumText));
        box->setValue(int(value.toLongLong()));
        connect(box, &QSpinBox::valueChanged, this,
            [this, name](int v) { commit(name, QVariant::fromValue(qlonglong(v))); });
        return box;
    }
    case ParameterType::Float: {
        auto *box = new QDoubleSpinBox;
        box->setDecimals(4);
        box->setRange(spec.minimum.value_or(-1e12), spec.maximum.value_or(1e12));
        box->setSingleStep(
            spec.maximum && spec.minimum && *spec.maximum - *spec.minimum <= 1 ? 0.01 : 0.1);
        box->setKeyboardTracking(false);
        box->setValue(value.toDouble());
        connect(
            box, &QDoubleSpinBox::valueChanged, this, [this, name](double v) { commit(name, v); });
        return box;
    }
    case ParameterType::Bool: {
        auto *box = new QCheckBox;
        box->setChecked(value.toBool());
        connect(box, &QCheckBox::toggled, this, [this, name](bool v) { commit(name, v); });
        return box;
    }
    case ParameterType::Enum: {
        // The choices as people read them; the value each stands for is the item's data.
        auto *box = new QComboBox;
        for (qsizetype i = 0; i < spec.choices.size(); ++i)
            box->addItem(engine::NodeTypeText::choiceLabel(spec.choices[i]), spec.choices[i]);
        box->setCurrentIndex(int(spec.choices.indexOf(value.toString())));
        connect(box, &QComboBox::currentIndexChanged, this, [this, name, box](int index) {
            if (index >= 0)
                commit(name, box->itemData(index).toString());
        });
        return box;
    }
    case ParameterType::Column: {
        auto *box = new QComboBox;
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->addItem(QString());
        box->addItems(upstreamColumns(spec));
        // Says what leaving it empty does: "(the first numeric column)".
        const QString empty = emptyMeaning(spec);
        box->lineEdit()->setPlaceholderText(
            empty.isEmpty() ? tr("(automatic)") : tr("(%1)").arg(empty));
        box->setCurrentText(value.toString());
        connect(box, &QComboBox::currentTextChanged, this,
            [this, name](const QString &text) { commit(name, text); });
        return box;
    }
    case ParameterType::ColumnList: {
        const QStringList columns = upstreamColumns(spec);
        const QStringList selected = value.toStringList();
        if (!columns.isEmpty()) {
            auto *list = new QListWidget;
            list->setProperty(kListRole, true);
            QStringList all = columns;
            for (const QString &s : selected) {
                if (!all.contains(s))
                    all.append(s); // keep choices the upstream table lacks visible
            }
            for (const QString &column : all) {
                auto *item = new QListWidgetItem(column, list);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(selected.contains(column) ? Qt::Checked : Qt::Unchecked);
            }
            list->setMaximumHeight(140);
            connect(list, &QListWidget::itemChanged, this, [this, name, list] {
                QStringList checked;
                for (int i = 0; i < list->count(); ++i) {
                    if (list->item(i)->checkState() == Qt::Checked)
                        checked.append(list->item(i)->text());
                }
                commit(name, checked);
            });
            return list;
        }
        auto *edit = new QLineEdit(ParameterSpec::toString(value));
        // Empty means what the help says ("every numeric column"), else no column at all.
        const QString empty = emptyMeaning(spec);
        edit->setPlaceholderText(empty.isEmpty() ? tr("none (comma-separated names)")
                                                 : tr("%1 (comma-separated names)").arg(empty));
        connect(edit, &QLineEdit::editingFinished, this, [this, name, edit, spec] {
            const engine::Result<QVariant> parsed = spec.fromString(edit->text());
            if (!parsed) {
                m_error->setText(parsed.error());
                m_error->show();
                return;
            }
            commit(name, parsed.value());
        });
        return edit;
    }
    case ParameterType::FilePath: {
        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *edit = new QLineEdit(value.toString());
        auto *browse = new QToolButton;
        browse->setText(QStringLiteral("…"));
        browse->setToolTip(
            engine::FolderParameter::isFolder(spec) ? tr("Choose a folder") : tr("Choose a file"));
        layout->addWidget(edit, 1);
        layout->addWidget(browse);
        row->setFocusProxy(edit);
        connect(edit, &QLineEdit::editingFinished, this,
            [this, name, edit] { commit(name, edit->text()); });
        connect(browse, &QToolButton::clicked, this, [this, name, edit, spec] {
            QString dir = QFileInfo(edit->text()).absolutePath();
            if (edit->text().isEmpty())
                dir = m_model.baseDirectory().isEmpty() ? QDir::homePath()
                                                        : m_model.baseDirectory();
            const QString path = engine::FolderParameter::isFolder(spec)
                ? QFileDialog::getExistingDirectory(this, spec.displayLabel(), dir)
                : QFileDialog::getOpenFileName(this, spec.displayLabel(), dir, spec.fileFilter);
            if (path.isEmpty())
                return;
            edit->setText(path);
            commit(name, path);
        });
        return row;
    }
    case ParameterType::String: {
        auto *edit = new QLineEdit(value.toString());
        edit->setMaxLength(spec.maxLength);
        connect(edit, &QLineEdit::editingFinished, this,
            [this, name, edit] { commit(name, edit->text()); });
        if (spec.check) // says what is wrong while the person types
            connect(edit, &QLineEdit::textEdited, this,
                [this, name](const QString &text) { showCheck(name, text); });
        return edit;
    }
    }
    return new QLabel(value.toString());
}

void PropertyPanel::setEditorValue(const QString &name, const QVariant &value)
{
    QWidget *editor = m_editors.value(name);
    if (!editor)
        return;
    const QSignalBlocker blocker(editor);
    if (auto *box = qobject_cast<QSpinBox *>(editor)) {
        box->setValue(int(value.toLongLong()));
    } else if (auto *box = qobject_cast<QDoubleSpinBox *>(editor)) {
        box->setValue(value.toDouble());
    } else if (auto *box = qobject_cast<QCheckBox *>(editor)) {
        box->setChecked(value.toBool());
    } else if (auto *box = qobject_cast<QComboBox *>(editor)) {
        if (box->isEditable())
            box->setCurrentText(value.toString());
        else
            box->setCurrentIndex(box->findData(value.toString()));
    } else if (auto *list = qobject_cast<QListWidget *>(editor)) {
        const QStringList selected = value.toStringList();
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(
                selected.contains(list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(ParameterSpec::toString(value));
        showCheck(name, edit->text());
    } else if (auto *edit = editor->findChild<QLineEdit *>()) {
        const QSignalBlocker inner(edit);
        edit->setText(value.toString());
    }
}

void PropertyPanel::commit(const QString &name, const QVariant &value)
{
    if (!m_nodeId)
        return;
    const engine::NodeType *type = m_model.nodeType(m_nodeId);
    const ParameterSpec *spec = type ? type->parameter(name) : nullptr;
    if (!spec)
        return;
    const engine::Result<QVariant> checked = spec->validate(value);
    if (!checked) {
        m_error->setText(checked.error());
        m_error->show();
        setEditorValue(name, m_model.parameter(m_nodeId, name));
        return;
    }
    m_error->hide();
    if (checked.value() == m_model.parameter(m_nodeId, name))
        return;
    m_committing = true;
    if (m_undoStack)
        m_undoStack->push(new SetParameterCommand(m_model, m_nodeId, name, checked.value()));
    else
        (void)m_model.setParameter(m_nodeId, name, checked.value());
    m_committing = false;
}

} // namespace sextant::widgets
