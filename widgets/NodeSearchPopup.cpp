#include "widgets/NodeSearchPopup.h"

#include "graph/NodeRegistry.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace sextant::widgets {

NodeSearchPopup::NodeSearchPopup(const engine::NodeRegistry &registry, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_edit(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    m_edit->setPlaceholderText(tr("Search nodes…"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    for (const engine::NodeType *type : registry.types()) {
        auto *item
            = new QListWidgetItem(type->displayName + QStringLiteral("  —  ") + type->category);
        item->setData(Qt::UserRole, type->id);
        item->setData(Qt::UserRole + 1,
            QStringList { type->displayName, type->category, type->id }.join(QLatin1Char(' ')));
        item->setToolTip(type->description);
        m_list->addItem(item);
    }
    m_list->setCurrentRow(0);
    resize(280, 300);
    connect(m_edit, &QLineEdit::textChanged, this, &NodeSearchPopup::filter);
    connect(m_edit, &QLineEdit::returnPressed, this, &NodeSearchPopup::chooseCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_list->setCurrentItem(item);
        chooseCurrent();
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_list->setCurrentItem(item);
        chooseCurrent();
    });
}

void NodeSearchPopup::popup(QPoint globalPos)
{
    move(globalPos);
    show();
    m_edit->setFocus();
}

void NodeSearchPopup::filter(const QString &text)
{
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool match
            = item->data(Qt::UserRole + 1).toString().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !first)
            first = item;
    }
    m_list->setCurrentItem(first);
}

void NodeSearchPopup::chooseCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    const QString id = item->data(Qt::UserRole).toString();
    close();
    Q_EMIT typeChosen(id);
}

bool NodeSearchPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            int row = m_list->currentRow();
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            for (int r = row + step; r >= 0 && r < m_list->count(); r += step) {
                if (!m_list->item(r)->isHidden()) {
                    m_list->setCurrentRow(r);
                    break;
                }
            }
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace sextant::widgets
