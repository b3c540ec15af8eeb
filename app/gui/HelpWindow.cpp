#include "gui/HelpWindow.h"

#include "graph/GraphModel.h"
#include "graph/NodeRegistry.h"
#include "gui/MainWindow.h"
#include "gui/NodeReference.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sextant::app {

namespace {

constexpr int kTypeIdRole = Qt::UserRole + 1;

QString plainMenuText(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text;
}

void collectShortcuts(const QMenu *menu, const QString &path, QStringList &rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu()) {
            collectShortcuts(
                action->menu(), path + QStringLiteral(" › ") + plainMenuText(action->text()), rows);
            continue;
        }
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText).toHtmlEscaped());
        if (keys.isEmpty())
            continue;
        rows.append(QStringLiteral("<tr><td>%1 › %2</td><td><b>%3</b></td></tr>")
                        .arg(path.toHtmlEscaped(), plainMenuText(action->text()).toHtmlEscaped(),
                            keys.join(QStringLiteral(", "))));
    }
}

} // namespace

HelpWindow::HelpWindow(MainWindow &window)
    : QDialog(&window), m_window(window), m_tabs(new QTabWidget(this)),
      m_guide(new QTextBrowser(this)), m_reference(new QTextBrowser(this)),
      m_shortcuts(new QTextBrowser(this)), m_nodes(new QTreeWidget(this)),
      m_filter(new QLineEdit(this))
{
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("Sextant Help"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    resize(980, 720);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);

    m_guide->setObjectName(QStringLiteral("helpGuide"));
    m_guide->setOpenExternalLinks(true);
    m_guide->setHtml(guideHtml());
    m_tabs->addTab(m_guide, tr("Your First Workflow"));

    // The reference: the node list (filterable) beside the generated pages.
    auto *split = new QSplitter(this);
    auto *side = new QWidget(split);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_filter->setPlaceholderText(tr("Filter nodes…"));
    m_filter->setClearButtonEnabled(true);
    sideLayout->addWidget(m_filter);
    m_nodes->setHeaderHidden(true);
    m_nodes->setObjectName(QStringLiteral("helpNodeList"));
    sideLayout->addWidget(m_nodes, 1);
    split->addWidget(side);
    m_reference->setObjectName(QStringLiteral("helpNodeReference"));
    split->addWidget(m_reference);
    split->setStretchFactor(1, 1);
    split->setSizes({ 240, 720 });
    m_tabs->addTab(split, tr("Node Reference"));

    const engine::NodeRegistry &registry = m_window.graphModel().registry();
    m_reference->setHtml(NodeReference::html(registry));
    QHash<QString, QTreeWidgetItem *> categories;
    for (const engine::NodeType *type : registry.types()) {
        QTreeWidgetItem *&category = categories[type->category];
        if (!category) {
            category = new QTreeWidgetItem(m_nodes, QStringList { type->category });
            QFont bold = category->font(0);
            bold.setBold(true);
            category->setFont(0, bold);
            category->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(category, QStringList { type->displayName });
        item->setData(0, kTypeIdRole, type->id);
        item->setToolTip(0, type->description);
    }
    m_nodes->expandAll();
    connect(m_nodes, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kTypeIdRole).toString().isEmpty())
            m_reference->scrollToAnchor(
                QStringLiteral("node:") + item->data(0, kTypeIdRole).toString());
    });
    connect(m_filter, &QLineEdit::textChanged, this, &HelpWindow::filterNodes);

    m_shortcuts->setObjectName(QStringLiteral("helpShortcuts"));
    m_tabs->addTab(m_shortcuts, tr("Keyboard Shortcuts"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    layout->addWidget(buttons);
}

void HelpWindow::filterNodes(const QString &text)
{
    for (int c = 0; c < m_nodes->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_nodes->topLevelItem(c);
        bool any = false;
        for (int i = 0; i < category->childCount(); ++i) {
            QTreeWidgetItem *item = category->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                || item->data(0, kTypeIdRole).toString().contains(text, Qt::CaseInsensitive)
                || item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        category->setHidden(!any);
    }
}

void HelpWindow::showPage(Page page)
{
    if (page == Page::Shortcuts)
        m_shortcuts->setHtml(shortcutsHtml(m_window)); // the menus as they are now
    m_tabs->setCurrentIndex(static_cast<int>(page));
    show();
    raise();
    activateWindow();
}

void HelpWindow::showNode(const QString &typeId)
{
    showPage(Page::NodeReference);
    m_reference->scrollToAnchor(QStringLiteral("node:") + typeId);
}

QString HelpWindow::guideHtml()
{
    return tr("<h1>Your first workflow</h1>"
              "<p>A workflow is a graph of nodes: data flows from a <b>File</b> node through "
              "preprocessing and model nodes to the views that show results. Here is one "
              "that trains a classifier and tells you how good it is, in six steps.</p>"
              "<h3>1. Open a dataset</h3>"
              "<p>Drop a CSV, TSV, ARFF, LIBSVM or Excel file on the window, or use "
              "<b>File › Open Dataset…</b>. It becomes a <b>File</b> node, and the "
              "<i>Data</i> tab shows its table. Try <code>iris.csv</code> from the examples.</p>"
              "<h3>2. Choose the target</h3>"
              "<p>In the column list on the right, click the <i>Role</i> cell of the column to "
              "predict (for iris: <code>species</code>) and choose <b>target</b>. Every other "
              "column is a feature.</p>"
              "<h3>3. Split the rows</h3>"
              "<p>Drag <b>Train/Test Split</b> from the palette (category <i>Data</i>) onto the "
              "canvas and connect the File node's output to its input: drag from the small "
              "circle on the right of one node to the circle on the left of the other.</p>"
              "<h3>4. Add a model</h3>"
              "<p>Add <b>Logistic Regression</b> (category <i>Model</i>) and connect the split's "
              "<i>Train</i> output to it. Its parameters are in the <i>Properties</i> panel; "
              "hover over one to read what it does.</p>"
              "<h3>5. Evaluate</h3>"
              "<p>Add <b>Test on Held-out Data</b> (category <i>Evaluate</i>): connect the "
              "model to its <i>Model</i> input and the split's <i>Test</i> output to its "
              "<i>Data</i> input. Then add a <b>Confusion Matrix</b> and a <b>Metrics</b> view "
              "and connect them to its outputs.</p>"
              "<h3>6. Run and look</h3>"
              "<p>With <i>Auto-run</i> on, the workflow runs by itself after each edit; "
              "otherwise press <b>F5</b>. Double-click a view node to open its result in a "
              "tab. Change a parameter and watch the results follow.</p>"
              "<p>Save the workflow with <b>Ctrl+S</b>; "
              "<code>sextant run workflow.sextant</code> runs it again without the studio. "
              "The examples on the welcome page (<b>Help › Welcome</b>) are complete "
              "workflows to start from.</p>");
}

QString HelpWindow::shortcutsHtml(const MainWindow &window)
{
    QStringList rows;
    for (const QAction *action : window.menuBar()->actions()) {
        if (action->menu())
            collectShortcuts(action->menu(), plainMenuText(action->text()), rows);
    }
    QString html = QStringLiteral("<h2>%1</h2><table cellpadding='4'>")
                       .arg(tr("Keyboard shortcuts").toHtmlEscaped());
    html += rows.join(QString());
    html += QStringLiteral("</table><h2>%1</h2><table cellpadding='4'>")
                .arg(tr("Mouse").toHtmlEscaped());
    const QList<QPair<QString, QString>> gestures = {
        { tr("Double-click the canvas"), tr("add a node by typing its name") },
        { tr("Drag from an output port to an input port"), tr("connect two nodes") },
        { tr("Double-click a view node"), tr("open its result in a tab") },
        { tr("Drag a file onto the window"), tr("open a dataset or a workflow") },
        { tr("Mouse wheel on a plot"), tr("zoom") },
        { tr("Drag on a plot"), tr("pan") },
        { tr("Ctrl+drag on a plot"), tr("zoom into a rectangle") },
        { tr("Double-click a plot"), tr("reset the view") },
        { tr("Shift+drag in the scatter plot"), tr("select the rows in a rectangle") },
        { tr("Alt+drag in the scatter plot"), tr("select the rows in a lasso") },
        { tr("Right-click a plot"), tr("export it as PNG, PDF or SVG, or copy it") },
    };
    for (const auto &[gesture, effect] : gestures)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(gesture.toHtmlEscaped(), effect.toHtmlEscaped());
    html += QStringLiteral("</table>");
    return html;
}

} // namespace sextant::app
