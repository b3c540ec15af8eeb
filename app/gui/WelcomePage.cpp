#include "gui/WelcomePage.h"

#include "cli/Cli.h"
#include "graph/GraphModel.h"
#include "gui/ExampleCatalog.h"
#include "gui/MainWindow.h"
#include "gui/WorkflowThumbnail.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace sextant::app {

namespace {

constexpr int kCardWidth = 248;
constexpr int kThumbHeight = 124;
constexpr int kSideWidth = 290;

// A label inside a button: the button gets the clicks.
QLabel *passiveLabel(const QString &text, QWidget *parent, const char *name)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString nativeFolder(const QString &path)
{
    QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const QString home = QDir::toNativeSeparators(QDir::homePath());
    if (folder.startsWith(home))
        folder = QLatin1Char('~') + folder.mid(home.size());
    return folder;
}

} // namespace

WelcomePage::WelcomePage(MainWindow &window, QWidget *parent)
    : QWidget(parent ? parent : &window), m_window(window)
{
    setObjectName(QStringLiteral("welcomePage"));
    build();
    QWidget::hide();

    engine::GraphModel &graph = m_window.graphModel();
    connect(&graph, &engine::GraphModel::nodeAdded, this, [this] {
        m_dismissed = true;
        m_forced = false;
        update();
    });
    connect(&m_window, &MainWindow::workflowPathChanged, this, [this](const QString &path) {
        if (!path.isEmpty()) {
            m_dismissed = true;
            m_forced = false;
        }
        update();
    });
    connect(&m_window, &MainWindow::loadStarted, this, [this] {
        m_dismissed = true;
        m_forced = false;
        update();
    });
}

void WelcomePage::setAutomatic(bool automatic)
{
    m_automatic = automatic;
    // New Workflow from the menu (or Ctrl+N) goes to the empty canvas.
    if (QAction *newFlow = m_window.findChild<QAction *>(QStringLiteral("newWorkflowAction")))
        connect(newFlow, &QAction::triggered, this, &WelcomePage::dismiss, Qt::UniqueConnection);
    update();
}

void WelcomePage::showPage()
{
    m_forced = true;
    update();
}

void WelcomePage::dismiss()
{
    m_forced = false;
    m_dismissed = true;
    update();
}

void WelcomePage::update()
{
    const bool empty = m_window.graphModel().nodeCount() == 0 && m_window.workflowPath().isEmpty();
    setShown(m_forced || (m_automatic && !m_dismissed && empty));
}

void WelcomePage::setShown(bool shown)
{
    if (shown == m_shown)
        return;
    m_shown = shown;
    if (shown) {
        rebuildRecent();
        m_backButton->setVisible(m_window.graphModel().nodeCount() > 0);
    }
    m_window.tabs()->setVisible(!shown);
    setVisible(shown);
    Q_EMIT shownChanged(shown);
}

void WelcomePage::trigger(const char *actionName)
{
    QAction *action = m_window.findChild<QAction *>(QString::fromLatin1(actionName));
    if (!action)
        return;
    m_forced = false;
    update();
    action->trigger();
}

QLabel *WelcomePage::heading(const QString &text)
{
    auto *label = new QLabel(text, this);
    label->setObjectName(QStringLiteral("welcomeHeading"));
    return label;
}

QPushButton *WelcomePage::startButton(
    const QString &text, const QString &shortcut, const QString &iconName)
{
    auto *button = new QPushButton(this);
    button->setObjectName(QStringLiteral("welcomeStart"));
    button->setCursor(Qt::PointingHandCursor);
    button->setFlat(true);
    auto *row = new QHBoxLayout(button);
    row->setContentsMargins(12, 8, 12, 8);
    row->setSpacing(10);
    auto *icon = passiveLabel({}, button, "welcomeStartIcon");
    QIcon themed = QIcon::fromTheme(iconName);
    if (themed.isNull()) {
        const QStyle::StandardPixmap fallback = iconName == QLatin1String("document-new")
            ? QStyle::SP_FileIcon
            : iconName == QLatin1String("document-open") ? QStyle::SP_DialogOpenButton
                                                         : QStyle::SP_DirOpenIcon;
        themed = style()->standardIcon(fallback);
    }
    icon->setPixmap(themed.pixmap(22, 22));
    row->addWidget(icon);
    row->addWidget(passiveLabel(text, button, "welcomeStartText"), 1);
    row->addWidget(passiveLabel(shortcut, button, "welcomeShortcut"));
    button->setMinimumHeight(42);
    return button;
}

void WelcomePage::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("welcomeScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("welcomeContent"));
    scroll->setWidget(content);
    auto *page = new QVBoxLayout(content);
    page->setContentsMargins(32, 28, 32, 28);
    page->setSpacing(24);

    // Header: the icon, the name, what it is.
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    auto *logo = new QLabel(content);
    logo->setPixmap(
        QIcon(QStringLiteral(":/sextant/icons/sextant.svg")).pixmap(64, 64, QIcon::Normal));
    header->addWidget(logo, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    auto *title = new QLabel(tr("Welcome to Sextant"), content);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    titles->addWidget(title);
    auto *subtitle = new QLabel(
        tr("Explore a dataset, wire preprocessing, models and evaluation into a workflow, "
           "and train in the background. Version %1.")
            .arg(cli::versionString()),
        content);
    subtitle->setObjectName(QStringLiteral("welcomeSubtitle"));
    subtitle->setWordWrap(true);
    titles->addWidget(subtitle);
    header->addLayout(titles, 1);
    m_backButton = new QPushButton(tr("Back to the Workflow"), content);
    m_backButton->setObjectName(QStringLiteral("welcomeBack"));
    connect(m_backButton, &QPushButton::clicked, this, &WelcomePage::dismiss);
    header->addWidget(m_backButton, 0, Qt::AlignTop);
    page->addLayout(header);

    auto *body = new QHBoxLayout;
    body->setSpacing(32);
    page->addLayout(body, 1);

    // Left: start, recent, learn.
    auto *side = new QVBoxLayout;
    side->setSpacing(6);
    auto *sideBox = new QWidget(content);
    sideBox->setFixedWidth(kSideWidth);
    sideBox->setLayout(side);
    side->setContentsMargins(0, 0, 0, 0);
    side->addWidget(heading(tr("Start")));
    QPushButton *newFlow = startButton(tr("New Workflow"),
        QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText),
        QStringLiteral("document-new"));
    newFlow->setProperty("welcomeAction", QStringLiteral("newWorkflowAction"));
    connect(newFlow, &QPushButton::clicked, this, [this] { trigger("newWorkflowAction"); });
    side->addWidget(newFlow);
    QPushButton *openFlow = startButton(tr("Open Workflow…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O).toString(QKeySequence::NativeText),
        QStringLiteral("document-open"));
    connect(openFlow, &QPushButton::clicked, this, [this] { trigger("openWorkflowAction"); });
    side->addWidget(openFlow);
    QPushButton *openData = startButton(tr("Open Dataset…"),
        QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText),
        QStringLiteral("folder-open"));
    connect(openData, &QPushButton::clicked, this, [this] { trigger("openDatasetAction"); });
    side->addWidget(openData);
    auto *dropHint = new QLabel(
        tr("Or drop a CSV, TSV, ARFF, LIBSVM or Excel file anywhere on the window."), content);
    dropHint->setObjectName(QStringLiteral("welcomeNote"));
    dropHint->setWordWrap(true);
    side->addWidget(dropHint);
    side->addSpacing(18);
    side->addWidget(heading(tr("Recent")));
    m_recentLayout = new QVBoxLayout;
    m_recentLayout->setSpacing(2);
    side->addLayout(m_recentLayout);
    side->addSpacing(18);
    side->addWidget(heading(tr("Learn")));
    struct Link {
        QString text;
        const char *action;
    };
    for (const Link &link : { Link { tr("Your first workflow, step by step"), "helpGuideAction" },
             Link { tr("Node reference"), "helpNodeReferenceAction" },
             Link { tr("Keyboard shortcuts"), "helpShortcutsAction" } }) {
        auto *button = new QPushButton(link.text, content);
        button->setObjectName(QStringLiteral("welcomeLink"));
        button->setFlat(true);
        button->setCursor(Qt::PointingHandCursor);
        const char *action = link.action;
        connect(button, &QPushButton::clicked, this, [this, action] {
            if (QAction *a = m_window.findChild<QAction *>(QString::fromLatin1(action)))
                a->trigger();
        });
        side->addWidget(button);
    }
    side->addStretch(1);
    body->addWidget(sideBox, 0);

    // Right: the examples.
    auto *main = new QVBoxLayout;
    main->setSpacing(10);
    main->addWidget(heading(tr("Examples")));
    m_examplesNote
        = new QLabel(tr("Open one to see a complete workflow; it opens as an untitled copy, so the "
                        "original stays as it is."),
            content);
    m_examplesNote->setObjectName(QStringLiteral("welcomeNote"));
    m_examplesNote->setWordWrap(true);
    main->addWidget(m_examplesNote);
    m_examplesBox = new QWidget(content);
    m_examplesBox->installEventFilter(this); // its resizes re-flow the cards
    m_examplesBox->setMinimumWidth(kCardWidth);
    m_examplesBox->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_examplesGrid = new QGridLayout(m_examplesBox);
    m_examplesGrid->setContentsMargins(0, 6, 0, 0);
    m_examplesGrid->setHorizontalSpacing(16);
    m_examplesGrid->setVerticalSpacing(16);
    main->addWidget(m_examplesBox);
    main->addStretch(1);
    body->addLayout(main, 1);

    applyStyle();
    rebuildExamples();
    rebuildRecent();
}

void WelcomePage::applyStyle()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightnessF() < 0.5;
    const QString card
        = (dark ? pal.color(QPalette::Base).lighter(115) : pal.color(QPalette::Base)).name();
    const QString border = pal.color(QPalette::Mid).name();
    const QString accent = pal.color(QPalette::Highlight).name();
    QColor dim = pal.color(QPalette::WindowText);
    dim.setAlphaF(0.62);
    const QString dimText = dim.name(QColor::HexArgb);
    QColor hover = pal.color(QPalette::Highlight);
    hover.setAlphaF(dark ? 0.22 : 0.10);
    setStyleSheet(QStringLiteral(
        "#welcomeContent { background: palette(window); }"
        "#welcomeTitle { font-size: 22pt; font-weight: 600; }"
        "#welcomeSubtitle, #welcomeNote, #welcomeShortcut, #welcomeCardText, "
        "#welcomeRecentPath { color: %4; }"
        "#welcomeHeading { font-size: 13pt; font-weight: 600; padding-bottom: 2px; }"
        "QPushButton#welcomeStart, QPushButton#welcomeRecent { text-align: left; "
        "border: 1px solid transparent; border-radius: 6px; background: transparent; }"
        "QPushButton#welcomeStart { border-color: %2; background: %1; }"
        "QPushButton#welcomeStart:hover, QPushButton#welcomeRecent:hover { "
        "border-color: %3; background: %5; }"
        "#welcomeStartText { font-weight: 600; }"
        "QPushButton#welcomeLink { text-align: left; border: none; padding: 3px 2px; "
        "color: %3; }"
        "QPushButton#welcomeLink:hover { text-decoration: underline; }"
        "QPushButton#exampleCard { border: 1px solid %2; border-radius: 8px; background: %1; "
        "text-align: left; }"
        "QPushButton#exampleCard:hover { border: 1px solid %3; }"
        "#welcomeCardTitle { font-weight: 600; font-size: 11pt; }"
        "#welcomeRecentName { font-weight: 600; }")
                      .arg(card, border, accent, dimText, hover.name(QColor::HexArgb)));
}

void WelcomePage::rebuildRecent()
{
    qDeleteAll(m_recentRows);
    m_recentRows.clear();
    while (QLayoutItem *item = m_recentLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList files = m_window.recentFiles();
    if (files.isEmpty()) {
        auto *none = new QLabel(
            tr("Nothing yet. The workflows and datasets you open will be listed here."), this);
        none->setObjectName(QStringLiteral("welcomeNote"));
        none->setWordWrap(true);
        m_recentLayout->addWidget(none);
        return;
    }
    for (const QString &path : files.mid(0, 8)) {
        auto *row = new QPushButton(this);
        row->setObjectName(QStringLiteral("welcomeRecent"));
        row->setFlat(true);
        row->setCursor(Qt::PointingHandCursor);
        row->setToolTip(QDir::toNativeSeparators(path));
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(8, 5, 8, 5);
        layout->setSpacing(10);
        auto *icon = passiveLabel({}, row, "welcomeRecentIcon");
        const bool workflow = MainWindow::isWorkflowFile(path);
        icon->setPixmap((workflow ? QIcon(QStringLiteral(":/sextant/icons/sextant.svg"))
                                  : style()->standardIcon(QStyle::SP_FileIcon))
                            .pixmap(20, 20));
        layout->addWidget(icon);
        auto *texts = new QVBoxLayout;
        texts->setSpacing(0);
        texts->addWidget(passiveLabel(QFileInfo(path).fileName(), row, "welcomeRecentName"));
        QLabel *folder = passiveLabel(nativeFolder(path), row, "welcomeRecentPath");
        folder->setMaximumWidth(kSideWidth - 60);
        folder->setText(
            folder->fontMetrics().elidedText(nativeFolder(path), Qt::ElideMiddle, kSideWidth - 60));
        texts->addWidget(folder);
        layout->addLayout(texts, 1);
        row->setMinimumHeight(layout->sizeHint().height());
        connect(row, &QPushButton::clicked, this, [this, path] {
            m_forced = false;
            update();
            m_window.openFile(path);
        });
        m_recentLayout->addWidget(row);
        m_recentRows.append(row);
    }
}

void WelcomePage::rebuildExamples()
{
    qDeleteAll(m_exampleCards);
    m_exampleCards.clear();
    const QList<Example> examples = ExampleCatalog::examples();
    m_examplesNote->setText(examples.isEmpty()
            ? tr("The example workflows were not found (looked for %1).")
                  .arg(QStringLiteral("share/sextant/examples"))
            : tr("Open one to see a complete workflow; it opens as an untitled copy, so the "
                 "original stays as it is."));
    const qreal dpr = devicePixelRatioF();
    QList<QLabel *> titles, texts;
    for (const Example &example : examples) {
        auto *card = new QPushButton(m_examplesBox);
        card->setObjectName(QStringLiteral("exampleCard"));
        card->setCursor(Qt::PointingHandCursor);
        card->setFixedWidth(kCardWidth);
        card->setToolTip(QDir::toNativeSeparators(example.path));
        card->setProperty("examplePath", example.path);
        auto *layout = new QVBoxLayout(card);
        layout->setContentsMargins(10, 10, 10, 12);
        layout->setSpacing(6);
        auto *thumb = passiveLabel({}, card, "welcomeThumbnail");
        thumb->setPixmap(WorkflowThumbnail::render(
            example.path, QSize(kCardWidth - 22, kThumbHeight), palette(), dpr));
        thumb->setFixedSize(kCardWidth - 22, kThumbHeight);
        layout->addWidget(thumb);
        QLabel *title = passiveLabel(example.title, card, "welcomeCardTitle");
        title->setWordWrap(true);
        title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        layout->addWidget(title);
        QLabel *text = passiveLabel(example.description, card, "welcomeCardText");
        text->setWordWrap(true);
        text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        layout->addWidget(text);
        titles.append(title);
        texts.append(text);
        const QString path = example.path;
        connect(card, &QPushButton::clicked, this, [this, path] { openExample(path); });
        m_exampleCards.append(card);
    }
    // Every card's title and description as tall as the tallest (in this language), so a
    // row of cards lines up and no text is cut.
    ensurePolished();
    for (QList<QLabel *> *labels : { &titles, &texts }) {
        int tallest = 0;
        for (QLabel *label : std::as_const(*labels)) {
            label->ensurePolished();
            tallest = std::max(tallest, label->heightForWidth(kCardWidth - 20));
        }
        for (QLabel *label : std::as_const(*labels))
            label->setFixedHeight(tallest);
    }
    m_columns = 0;
    layoutExamples();
}

void WelcomePage::layoutExamples()
{
    // The width the examples' column has (it grows with the page; the cards are fixed).
    const int available = std::max(kCardWidth, m_examplesBox->width());
    const int columns = std::max(1, (available + 16) / (kCardWidth + 16));
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (QPushButton *card : std::as_const(m_exampleCards))
        m_examplesGrid->removeWidget(card);
    for (int i = 0; i < m_exampleCards.size(); ++i)
        m_examplesGrid->addWidget(m_exampleCards[i], i / columns, i % columns, Qt::AlignTop);
    m_examplesGrid->setColumnStretch(columns, 1);
}

bool WelcomePage::openExample(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    // The open workflow first: save, discard or keep it.
    if ((m_window.isWorkflowModified() || !m_window.workflowPath().isEmpty())
        && !m_window.newWorkflow())
        return false;
    QString error;
    if (!m_window.restoreWorkflow(bytes, QString(), QFileInfo(path).absolutePath(), &error))
        return false;
    m_dismissed = true;
    m_forced = false;
    update();
    m_window.statusBar()->showMessage(
        tr("Opened the example %1: an untitled copy, save it to keep your changes")
            .arg(QFileInfo(path).completeBaseName()),
        8000);
    return true;
}

void WelcomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    layoutExamples();
}

void WelcomePage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutExamples();
}

bool WelcomePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_examplesBox && event->type() == QEvent::Resize)
        layoutExamples();
    return QWidget::eventFilter(watched, event);
}

void WelcomePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_examplesGrid && !m_styling) {
        m_styling = true; // setStyleSheet may send another palette change
        applyStyle();
        rebuildExamples();
        m_styling = false;
    }
}

} // namespace sextant::app
