#include "widgets/ElidedLabel.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <algorithm>

namespace sextant::widgets {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QSize full = QLabel::minimumSizeHint();
    return { std::min(full.width(), fontMetrics().horizontalAdvance(QStringLiteral("MMMMMM"))),
        full.height() };
}

QString ElidedLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()) | Qt::TextSingleLine,
        option.palette, isEnabled(), shownText(), foregroundRole());
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateToolTip();
}

bool ElidedLabel::event(QEvent *event)
{
    const bool handled = QLabel::event(event);
    if (event->type() == QEvent::ToolTipChange && !m_settingTip)
        m_ownToolTip = toolTip(); // the owner's tool tip (a file path) stays first
    // QLabel has no signal for a new text: a repaint follows every setText.
    if (event->type() == QEvent::Paint || event->type() == QEvent::FontChange)
        updateToolTip();
    return handled;
}

void ElidedLabel::updateToolTip()
{
    // Cut: the whole text in the tool tip (after the owner's own, when it set one).
    const bool cut = shownText() != text();
    QString tip = m_ownToolTip;
    if (cut)
        tip = tip.isEmpty() ? text() : text() + QLatin1Char('\n') + tip;
    if (tip == toolTip())
        return;
    m_settingTip = true;
    setToolTip(tip);
    m_settingTip = false;
}

} // namespace sextant::widgets
