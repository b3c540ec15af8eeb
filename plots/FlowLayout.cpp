#include "plots/FlowLayout.h"

#include <QWidget>
#include <algorithm>

namespace sextant::plots {

FlowLayout::FlowLayout(int spacing) : m_spacing(spacing)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::insertWidget(int index, QWidget *widget)
{
    addChildWidget(widget);
    m_items.insert(std::clamp<qsizetype>(index, 0, m_items.size()), new QWidgetItem(widget));
    invalidate();
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), true);
}

QSize FlowLayout::minimumSize() const
{
    // The widest item alone on a row.
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row.
    int width = 0, height = 0, shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
        ++shown;
    }
    width += std::max(0, shown - 1) * m_spacing;
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, false);
}

int FlowLayout::rowCount(int width) const
{
    int rows = 0;
    arrange(QRect(0, 0, width, 0), true, &rows);
    return rows;
}

int FlowLayout::arrange(const QRect &rect, bool testOnly, int *rows) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const QMargins m = contentsMargins();
    // Rows of items, each as wide as fits (at least one item).
    QList<QList<QLayoutItem *>> lines;
    int lineWidth = 0;
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const int w = item->sizeHint().width();
        if (lines.isEmpty() || (lineWidth > 0 && lineWidth + m_spacing + w > area.width())) {
            lines.append(QList<QLayoutItem *>());
            lineWidth = 0;
        }
        lineWidth += (lineWidth > 0 ? m_spacing : 0) + w;
        lines.last().append(item);
    }
    int y = area.top();
    for (const QList<QLayoutItem *> &line : lines) {
        int width = 0, height = 0;
        for (const QLayoutItem *item : line) {
            width += item->sizeHint().width();
            height = std::max(height, item->sizeHint().height());
        }
        width += int(line.size() - 1) * m_spacing;
        if (!testOnly) {
            // Right-aligned; a single item wider than the area gets the area.
            int x = area.left() + std::max(0, area.width() - width);
            for (QLayoutItem *item : line) {
                const QSize hint = item->sizeHint();
                const int w = std::min(hint.width(), area.right() + 1 - x);
                item->setGeometry(
                    QRect(x, y + (height - hint.height()) / 2, std::max(0, w), hint.height()));
                x += w + m_spacing;
            }
        }
        y += height + m_spacing;
    }
    if (rows)
        *rows = int(lines.size());
    if (lines.isEmpty())
        return 0;
    return y - m_spacing - area.top() + m.top() + m.bottom();
}

} // namespace sextant::plots
