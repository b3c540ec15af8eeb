#pragma once

#include "plots/ScatterGatherJob.h"

#include <QWidget>

class QComboBox;

namespace sextant::plots {

// The compact row of combo boxes above a scatter: X, Y, Colour, Size and Shape. X and Y
// offer the axes of ScatterOptions, Colour any column, Size the numeric columns, Shape the
// categorical ones; Colour, Size and Shape also offer "none". Emits choiceChanged when
// the person picks another entry (setOptions/setChoice do not emit).
class ScatterControlBar : public QWidget {
    Q_OBJECT
public:
    explicit ScatterControlBar(QWidget *parent = nullptr);

    void setOptions(const ScatterOptions &options);
    void setChoice(const ScatterChoice &choice);
    ScatterChoice choice() const;
    // Size and shape apply to points drawn one by one, not to density cells.
    void setMarkersEnabled(bool enabled);

    QComboBox *xCombo() const { return m_x; }
    QComboBox *yCombo() const { return m_y; }
    QComboBox *colorCombo() const { return m_color; }
    QComboBox *sizeCombo() const { return m_size; }
    QComboBox *shapeCombo() const { return m_shape; }

Q_SIGNALS:
    void choiceChanged(const sextant::plots::ScatterChoice &choice);

protected:
    // A wheel over a combo box without focus changes nothing.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QComboBox *addCombo(const QString &label, const QString &objectName, const QString &toolTip);
    void fill(QComboBox *combo, const QStringList &names, bool withNone);
    static void select(QComboBox *combo, const QString &name);

    QComboBox *m_x;
    QComboBox *m_y;
    QComboBox *m_color;
    QComboBox *m_size;
    QComboBox *m_shape;
    bool m_updating = false;
};

} // namespace sextant::plots
