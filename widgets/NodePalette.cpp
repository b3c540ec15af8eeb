#include "widgets/NodePalette.h"

#include "graph/NodeRegistry.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace sextant::widgets {

namespace {
constexpr int kTypeIdRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;

// A tree whose leaf items drag out as node types.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return { NodePalette::mimeType() }; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        for (QTreeWidgetItem *item : items) {
            const QString id = item->data(0, kTypeIdRole).toString();
            if (!id.isEmpty()) {
                auto *mime = new QMimeData;
                mime->setData(NodePalette::mimeType(), id.toUtf8());
                mime->setText(id);
                return mime;
            }
        }
        return nullptr;
    }
};

// The palette's hover text: the name, what the node does, and what it takes and gives.
QString toolTipFor(const engine::NodeType &type)
{
    const auto ports = [](const QList<engine::PortSpec> &list) {
        QStringList names;
        for (const engine::PortSpec &p : list)
            names.append(p.displayLabel().toHtmlEscaped());
        return names.join(QStringLiteral(", "));
    };
    QString tip
        = QStringLiteral("<p style='white-space:pre-wrap; max-width:360px'><b>%1</b><br/>%2")
              .arg(type.displayName.toHtmlEscaped(), type.description.toHtmlEscaped());
    if (!type.inputs.isEmpty())
        tip += QStringLiteral("<br/><i>%1</i> %2")
                   .arg(NodePalette::tr("In:").toHtmlEscaped(), ports(type.inputs));
    if (!type.outputs.isEmpty())
        tip += QStringLiteral("<br/><i>%1</i> %2")
                   .arg(NodePalette::tr("Out:").toHtmlEscaped(), ports(type.outputs));
    return tip + QStringLiteral("</p>");
}

} // namespace

NodePalette::NodePalette(const engine::NodeRegistry &registry, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_search(new QLineEdit(this)),
      m_tree(new PaletteTree(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    m_search->setPlaceholderText(tr("Search nodes…"));
    m_search->setClearButtonEnabled(true);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setRootIsDecorated(true);
    connect(m_search, &QLineEdit::textChanged, this, &NodePalette::applyFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item, int) {
        const QString id = item->data(0, kTypeIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT nodeTypeActivated(id);
    });
    reload();
}

void NodePalette::reload()
{
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> categories;
    for (const engine::NodeType *type : m_registry.types()) {
        QTreeWidgetItem *&category = categories[type->category];
        if (!category) {
            category = new QTreeWidgetItem(m_tree, QStringList { type->category });
            category->setFlags(Qt::ItemIsEnabled);
            QFont font = category->font(0);
            font.setBold(true);
            category->setFont(0, font);
        }
        auto *item = new QTreeWidgetItem(category, QStringList { type->displayName });
        item->setData(0, kTypeIdRole, type->id);
        item->setData(0, kSearchRole,
            QStringList { type->displayName, type->category, type->id, type->description }.join(
                QLatin1Char(' ')));
        item->setToolTip(0, toolTipFor(*type));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_tree->expandAll();
    applyFilter(m_search->text());
}

void NodePalette::applyFilter(const QString &text)
{
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        bool any = false;
        for (int i = 0; i < category->childCount(); ++i) {
            QTreeWidgetItem *item = category->child(i);
            const bool match = text.isEmpty()
                || item->data(0, kSearchRole).toString().contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        category->setHidden(!any);
    }
}

QStringList NodePalette::visibleTypeIds() const
{
    QStringList ids;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        for (int i = 0; i < category->childCount(); ++i) {
            if (!category->isHidden() && !category->child(i)->isHidden())
                ids.append(category->child(i)->data(0, kTypeIdRole).toString());
        }
    }
    return ids;
}

int NodePalette::widthForNames() const
{
    const int indent = m_tree->indentation();
    int widest = 0;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        const QTreeWidgetItem *category = m_tree->topLevelItem(c);
        widest = std::max(
            widest, QFontMetrics(category->font(0)).horizontalAdvance(category->text(0)) + indent);
        for (int i = 0; i < category->childCount(); ++i) {
            const QTreeWidgetItem *item = category->child(i);
            widest = std::max(
                widest, QFontMetrics(item->font(0)).horizontalAdvance(item->text(0)) + 2 * indent);
        }
    }
    const int scrollBar = m_tree->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_tree);
    // The item's own text margins on both sides.
    const int margins = 2 * (m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 3);
    return widest + margins + 2 * m_tree->frameWidth() + scrollBar;
}

} // namespace sextant::widgets
