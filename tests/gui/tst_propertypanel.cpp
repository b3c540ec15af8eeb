// The parameter panel, offscreen: the mouse wheel scrolls the panel and never changes a spin
// box or combo box that has not been clicked or tabbed into; once focused, it edits.

#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "widgets/PropertyPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

using namespace sextant;

namespace {
// One notch of the wheel over `target`, delivered the way QApplication delivers it.
void wheel(QWidget *target, int notches)
{
    const QPointF local(target->width() / 2.0, target->height() / 2.0);
    QWheelEvent event(local, target->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}
} // namespace

class TestPropertyPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wheelScrollsPanelNotUnfocusedEditors();
    void columnPlaceholdersSayWhatEmptyMeans();
    void expressionErrorsShownWhileEditing();
    void narrowPanelWrapsInsteadOfCutting();
    void columnListsTakeTheWholeWidth();
    void autoAtTheMinimumReadsAuto();
};

void TestPropertyPanel::wheelScrollsPanelNotUnfocusedEditors()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    // The MLP has many parameters: spin boxes (epochs, seed) and combo boxes (solver).
    const int mlp = model.addNode(QStringLiteral("model.mlp"), { 0, 0 }).value();
    QUndoStack undo;
    widgets::PropertyPanel panel(model, &undo);
    panel.resize(260, 220); // shorter than the form: the panel scrolls
    panel.setNode(mlp);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QSpinBox *spin = nullptr;
    QComboBox *combo = nullptr;
    const auto editors = panel.findChildren<QWidget *>();
    for (QWidget *w : editors) {
        if (!spin)
            spin = qobject_cast<QSpinBox *>(w);
        if (!combo)
            combo = qobject_cast<QComboBox *>(w);
    }
    QVERIFY(spin);
    QVERIFY(combo);
    auto *scroll = panel.findChild<QScrollArea *>();
    QVERIFY(scroll);
    QScrollBar *bar = scroll->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the form should be taller than the panel");

    // Unfocused: the values stay, the panel scrolls instead.
    panel.setFocus();
    const int spinValue = spin->value();
    const int comboIndex = combo->currentIndex();
    const int undoCount = undo.count();
    bar->setValue(0);
    wheel(spin, -1);
    QCOMPARE(spin->value(), spinValue);
    QVERIFY2(bar->value() > 0, "the wheel over an unfocused spin box scrolls the panel");
    const int scrolled = bar->value();
    wheel(combo, -1);
    QCOMPARE(combo->currentIndex(), comboIndex);
    QVERIFY(bar->value() >= scrolled);
    QCOMPARE(undo.count(), undoCount);
    // The wheel does not give them focus either.
    QVERIFY(!spin->hasFocus());
    QVERIFY(!combo->hasFocus());

    // Focused (clicked or tabbed into): the wheel edits, as a person expects.
    spin->setFocus(Qt::MouseFocusReason);
    QTRY_VERIFY(spin->hasFocus());
    wheel(spin, 1);
    QCOMPARE(spin->value(), spinValue + spin->singleStep());
    QCOMPARE(undo.count(), undoCount + 1);
}

// The File node's column lists (features, meta, dropped, as categorical, as numeric) and
// its target say what leaving them empty does: no column for the lists, the target as the
// file has it; a list whose help says otherwise ("Empty: every numeric column.") says that.
void TestPropertyPanel::columnPlaceholdersSayWhatEmptyMeans()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int file = model.addNode(QStringLiteral("data.file"), { 0, 0 }).value();
    const int correlation = model.addNode(QStringLiteral("view.correlation"), { 200, 0 }).value();
    QUndoStack undo;
    widgets::PropertyPanel panel(model, &undo);
    panel.setNode(file);
    for (const char *name : { "features", "meta", "drop", "categorical", "numeric" }) {
        auto *edit = panel.findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY2(edit, name);
        QVERIFY2(edit->placeholderText().startsWith(QStringLiteral("none")),
            qPrintable(edit->placeholderText()));
        QVERIFY(!edit->placeholderText().contains(QStringLiteral("all")));
    }
    auto *target = panel.findChild<QComboBox *>(QStringLiteral("target"));
    QVERIFY(target && target->lineEdit());
    QCOMPARE(target->lineEdit()->placeholderText(), QStringLiteral("(leaves the target as it is)"));

    panel.setNode(correlation);
    auto *columns = panel.findChild<QLineEdit *>(QStringLiteral("columns"));
    QVERIFY(columns);
    QVERIFY2(columns->placeholderText().startsWith(QStringLiteral("every numeric column")),
        qPrintable(columns->placeholderText()));
}

void TestPropertyPanel::expressionErrorsShownWhileEditing()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int formula = model.addNode(QStringLiteral("prep.formula"), { 0, 0 }).value();
    QUndoStack undo;
    widgets::PropertyPanel panel(model, &undo);
    panel.setNode(formula);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("formulas"));
    QVERIFY(edit);
    // Empty: nothing to say yet... then each keystroke is checked.
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("ratio = lgo(a"));
    QCOMPARE(panel.checkMessage(QStringLiteral("formulas")),
        QStringLiteral("formula 'ratio', at character 14: missing ')'"));
    QTest::keyClicks(edit, QStringLiteral(")"));
    QCOMPARE(panel.checkMessage(QStringLiteral("formulas")),
        QStringLiteral("formula 'ratio', at character 9: unknown function 'lgo'"));
    for (int i = 0; i < 6; ++i) // "lgo(a)"
        QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, QStringLiteral("log(a)"));
    QVERIFY(panel.checkMessage(QStringLiteral("formulas")).isEmpty()); // columns: with a table
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(model.parameter(formula, QStringLiteral("formulas")).toString(),
        QStringLiteral("ratio = log(a)"));
    // A text with an error is kept (not reverted), and the message stays visible.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("x = (a"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(edit->text(), QStringLiteral("x = (a"));
    QCOMPARE(panel.checkMessage(QStringLiteral("formulas")),
        QStringLiteral("formula 'x', at character 7: missing ')'"));
    // Filter Rows' condition is checked by the same parser.
    const int filter = model.addNode(QStringLiteral("data.filter"), { 200, 0 }).value();
    panel.setNode(filter);
    auto *condition = panel.findChild<QLineEdit *>(QStringLiteral("condition"));
    QVERIFY(condition);
    condition->setFocus();
    QTest::keyClicks(condition, QStringLiteral("a >"));
    QCOMPARE(panel.checkMessage(QStringLiteral("condition")),
        QStringLiteral(
            "condition, at character 4: the expression ends where a value was expected"));
}

void TestPropertyPanel::narrowPanelWrapsInsteadOfCutting()
{
    // A side dock's width: every parameter of the File node (long help texts, combo boxes
    // with long choices, a path with its Browse button) stays inside the panel.
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int file = model.addNode(QStringLiteral("data.file"), { 0, 0 }).value();
    const int mlp = model.addNode(QStringLiteral("model.mlp"), { 0, 0 }).value();
    QUndoStack undo;
    widgets::PropertyPanel panel(model, &undo);
    panel.setMinimumWidth(0);
    panel.resize(150, 600);
    for (int id : { file, mlp }) {
        panel.setNode(id);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *scroll = panel.findChild<QScrollArea *>();
        QVERIFY(scroll && scroll->widget());
        QTRY_VERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
            qPrintable(QStringLiteral("form %1 px in a %2 px viewport")
                           .arg(scroll->widget()->width())
                           .arg(scroll->viewport()->width())));
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        for (QWidget *w : scroll->widget()->findChildren<QWidget *>()) {
            if (!w->isVisible() || w->parentWidget() != scroll->widget())
                continue;
            const QRect r(w->mapTo(scroll->widget(), QPoint(0, 0)), w->size());
            QVERIFY2(r.right() < scroll->viewport()->width(),
                qPrintable(
                    QStringLiteral("%1 '%2' ends at %3 of %4")
                        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                        .arg(r.right())
                        .arg(scroll->viewport()->width())));
        }
    }
}

// A column list is the panel's whole width, under its label (beside it, a side dock's
// width would cut the names); a single-value editor stays beside its label.
void TestPropertyPanel::columnListsTakeTheWholeWidth()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int boxes = model.addNode(QStringLiteral("view.boxplot"), { 0, 0 }).value();
    QUndoStack undo;
    widgets::PropertyPanel panel(model, &undo);
    panel.resize(260, 600);
    panel.setNode(boxes);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const auto labelOf = [&panel](const QWidget *editor) -> QLabel * {
        for (QLabel *l : panel.findChildren<QLabel *>())
            if (l->buddy() == editor)
                return l;
        return nullptr;
    };
    auto *columns = panel.findChild<QWidget *>(QStringLiteral("columns"));
    QVERIFY(columns);
    QLabel *label = labelOf(columns);
    QVERIFY(label);
    QTRY_VERIFY(columns->y() >= label->y() + label->height());
    QCOMPARE(columns->x(), label->x());
    auto *split = panel.findChild<QWidget *>(QStringLiteral("split"));
    QVERIFY(split);
    QLabel *splitLabel = labelOf(split);
    QVERIFY(splitLabel);
    QVERIFY(split->x() > splitLabel->x());
}

// k-NN's k at 0 means "chosen by leave-one-out": the spin box says auto there, and stepping up
// from it gives a fixed k.
void TestPropertyPanel::autoAtTheMinimumReadsAuto()
{
    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int knn = model.addNode(QStringLiteral("model.knn"), { 0, 0 }).value();
    QUndoStack undo;
    widgets::PropertyPanel panel(model, &undo);
    panel.setNode(knn);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSpinBox *k = nullptr;
    for (QSpinBox *box : panel.findChildren<QSpinBox *>())
        if (box->specialValueText() == QStringLiteral("auto"))
            k = box;
    QVERIFY2(k, "no spin box shows auto");
    QCOMPARE(k->value(), 0);
    QCOMPARE(k->text(), QStringLiteral("auto"));
    k->stepUp();
    QCOMPARE(model.parameter(knn, QStringLiteral("k")).toLongLong(), 1);
    QCOMPARE(k->text(), QStringLiteral("1"));
}

QTEST_MAIN(TestPropertyPanel)
#include "tst_propertypanel.moc"
