#pragma once

#include <QLabel>

namespace sextant::widgets {

// A one-line label that, narrower than its text, shows the text cut with "…" at the end
// (QLabel itself clips it mid-word), the whole text in its tool tip then. It asks for no
// more width than a few characters, so a long text never widens its window. Plain text.
class ElidedLabel : public QLabel {
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    // The text as drawn now (elided to the width, or whole).
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateToolTip();
    QString m_ownToolTip; // set by the owner; "" when the tool tip is ours
    bool m_settingTip = false;
};

} // namespace sextant::widgets
