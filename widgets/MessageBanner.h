#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace sextant::widgets {

// An inline message bar (errors, warnings, information) shown above a view instead of a
// modal dialog: the window stays usable, the text stays selectable, and it can offer one
// action (e.g. "Show warnings") besides closing.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Level { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows the banner. `actionText` empty means no action button.
    void showMessage(Level level, const QString &text, const QString &actionText = {});
    // Hides the banner and forgets its text.
    void dismiss();

    Level level() const { return m_level; }
    QString text() const;

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_action;
    QToolButton *m_close;
    Level m_level = Level::Information;
};

} // namespace sextant::widgets
