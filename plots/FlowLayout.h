#pragma once

#include <QLayout>
#include <QList>

namespace sextant::plots {

// A row of controls that wraps onto further rows when its width is too small for them,
// each row aligned to the right (as a stretch followed by the controls in a box layout).
// Items keep their size hints; a row holds as many as fit, at least one. Put a label and
// its control in one widget to keep them on the same row. The height follows the width
// (heightForWidth), so a box layout above it gives it the rows it needs.
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(int spacing = 6);
    ~FlowLayout() override;

    // Inserts a widget at `index` (clamped to the items there are).
    void insertWidget(int index, QWidget *widget);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // The rows the items take at `width` (the layout's margins included).
    int rowCount(int width) const;

private:
    // Lays the items out in `rect` (moves them unless testOnly); the height used and,
    // in *rows, the number of rows.
    int arrange(const QRect &rect, bool testOnly, int *rows = nullptr) const;

    QList<QLayoutItem *> m_items;
    int m_spacing;
};

} // namespace sextant::plots
