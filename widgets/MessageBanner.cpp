#include "widgets/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace sextant::widgets {

namespace {

struct Look {
    QStyle::StandardPixmap icon;
    const char *background;
    const char *border;
};

Look lookFor(MessageBanner::Level level)
{
    switch (level) {
    case MessageBanner::Level::Error:
        return { QStyle::SP_MessageBoxCritical, "#fbe3e4", "#d9534f" };
    case MessageBanner::Level::Warning:
        return { QStyle::SP_MessageBoxWarning, "#fff3cd", "#e0a800" };
    case MessageBanner::Level::Information:
        break;
    }
    return { QStyle::SP_MessageBoxInformation, "#e3effb", "#4a90d9" };
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_action(new QToolButton(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->setSpacing(8);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setObjectName(QStringLiteral("messageBannerText"));
    m_action->setObjectName(QStringLiteral("messageBannerAction"));
    m_close->setObjectName(QStringLiteral("messageBannerClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_action, &QToolButton::clicked, this, &MessageBanner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text, const QString &actionText)
{
    m_level = level;
    const Look look = lookFor(level);
    setStyleSheet(QStringLiteral("#messageBanner { background: %1; border: 1px solid %2;"
                                 " border-radius: 4px; }"
                                 " #messageBanner QLabel { color: #202020; }")
                      .arg(QLatin1String(look.background), QLatin1String(look.border)));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(look.icon).pixmap(iconSize, iconSize));
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
}

void MessageBanner::dismiss()
{
    m_text->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

} // namespace sextant::widgets
