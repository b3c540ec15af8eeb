#include "plots/ScatterControlBar.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <algorithm>

namespace sextant::plots {

namespace {

// A combo box that asks for the width of its longest entry (up to a limit) and settles for
// seven characters where the bar has no room: column names like
// "od280_od315_of_diluted_wines" show whole when they can, the bar still shrinks.
class FittingCombo : public QComboBox {
public:
    using QComboBox::QComboBox;

    static constexpr int kMaxWidth = 420;

    void fitToEntries()
    {
        int longest = 0;
        const QFontMetrics fm = fontMetrics();
        for (int i = 0; i < count(); ++i)
            longest = std::max(longest, fm.horizontalAdvance(itemText(i)));
        QStyleOptionComboBox option;
        option.initFrom(this);
        option.editable = false;
        const QSize contents(longest, fm.height());
        m_wanted = std::min(kMaxWidth,
            style()->sizeFromContents(QStyle::CT_ComboBox, &option, contents, this).width());
        updateGeometry();
    }
    QSize sizeHint() const override
    {
        const QSize base = QComboBox::sizeHint();
        return { std::max(base.width(), m_wanted), base.height() };
    }

private:
    int m_wanted = 0;
};

} // namespace

ScatterControlBar::ScatterControlBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scatterControls"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    // The room left over goes before the combos (they sit at the right, as other views'
    // controls do); the combos take their full width first.
    layout->addStretch(1);
    m_x = addCombo(tr("X"), QStringLiteral("scatterX"), tr("Column on the horizontal axis"));
    m_y = addCombo(tr("Y"), QStringLiteral("scatterY"), tr("Column on the vertical axis"));
    m_color = addCombo(tr("Colour"), QStringLiteral("scatterColor"),
        tr("Colour by a column: classes get a palette and a legend, numbers a colour bar"));
    m_size = addCombo(tr("Size"), QStringLiteral("scatterSize"),
        tr("Point size from a numeric column (smallest to largest value)"));
    m_shape = addCombo(tr("Shape"), QStringLiteral("scatterShape"),
        tr("Point shape from a categorical column (the first %1 classes get their own shape)")
            .arg(kScatterDistinctShapes));
}

QComboBox *ScatterControlBar::addCombo(
    const QString &label, const QString &objectName, const QString &toolTip)
{
    auto *text = new QLabel(label, this);
    auto *combo = new FittingCombo(this);
    combo->setObjectName(objectName);
    combo->setToolTip(toolTip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(7);
    combo->setFocusPolicy(Qt::StrongFocus);
    text->setBuddy(combo);
    combo->installEventFilter(this);
    layout()->addWidget(text);
    layout()->addWidget(combo);
    connect(combo, &QComboBox::activated, this, [this] {
        if (!m_updating)
            Q_EMIT choiceChanged(choice());
    });
    return combo;
}

bool ScatterControlBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *combo = qobject_cast<QComboBox *>(watched);
        if (combo && !combo->hasFocus()) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ScatterControlBar::fill(QComboBox *combo, const QStringList &names, bool withNone)
{
    combo->clear();
    if (withNone)
        combo->addItem(tr("(none)"), QString());
    for (const QString &n : names) {
        combo->addItem(n, n);
        combo->setItemData(combo->count() - 1, n, Qt::ToolTipRole); // whole, where it is cut
    }
    // X and Y ask for their longest entry; Colour, Size and Shape keep seven characters, so
    // the axes get the room first.
    if (combo == m_x || combo == m_y)
        static_cast<FittingCombo *>(combo)->fitToEntries();
    combo->setEnabled(combo->count() > (withNone ? 1 : 0));
}

void ScatterControlBar::setOptions(const ScatterOptions &options)
{
    const QSignalBlocker b1(m_x), b2(m_y), b3(m_color), b4(m_size), b5(m_shape);
    m_updating = true;
    fill(m_x, options.axes, false);
    fill(m_y, options.axes, false);
    fill(m_color, options.colors, true);
    fill(m_size, options.sizes, true);
    fill(m_shape, options.shapes, true);
    m_updating = false;
}

void ScatterControlBar::select(QComboBox *combo, const QString &name)
{
    const int i = combo->findData(name);
    combo->setCurrentIndex(i >= 0 ? i : (combo->count() > 0 ? 0 : -1));
}

void ScatterControlBar::setChoice(const ScatterChoice &choice)
{
    m_updating = true;
    select(m_x, choice.x);
    select(m_y, choice.y);
    select(m_color, choice.color);
    select(m_size, choice.size);
    select(m_shape, choice.shape);
    m_updating = false;
}

ScatterChoice ScatterControlBar::choice() const
{
    ScatterChoice c;
    c.x = m_x->currentData().toString();
    c.y = m_y->currentData().toString();
    c.color = m_color->currentData().toString();
    c.size = m_size->currentData().toString();
    c.shape = m_shape->currentData().toString();
    return c;
}

void ScatterControlBar::setMarkersEnabled(bool enabled)
{
    const QString why = tr("Size and shape apply to points; this many points are drawn as "
                           "density cells");
    for (QComboBox *c : { m_size, m_shape }) {
        c->setEnabled(enabled && c->count() > 1);
        c->setStatusTip(enabled ? QString() : why);
    }
}

} // namespace sextant::plots
