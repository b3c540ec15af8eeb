#include "plots/PlotView.h"

#include "plots/NumberAxis.h"
#include "plots/QCustomPlotInclude.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolTip>
#include <QVBoxLayout>

namespace sextant::plots {

namespace {

constexpr int kClickSlopPx = 4;
const char *const kExportDirKey = "plots/exportDirectory";

// The plot's title, cut with an ellipsis at the end when the plot is narrower than it
// (QCPTextElement would clip it on both sides, centred), and not widening the layout.
class TitleElement : public QCPTextElement {
public:
    using QCPTextElement::QCPTextElement;

    QString shownText() const
    {
        return QFontMetrics(mainFont())
            .elidedText(mText, Qt::ElideRight, std::max(0, mRect.width()));
    }

protected:
    void draw(QCPPainter *painter) override
    {
        painter->setFont(mainFont());
        painter->setPen(QPen(mainTextColor()));
        painter->drawText(mRect, mTextFlags, shownText(), &mTextBoundingRect);
    }
    QSize minimumOuterSizeHint() const override
    {
        return QSize(0, QCPTextElement::minimumOuterSizeHint().height());
    }
};

// Asks for the raster size and scale. Returns false when cancelled.
bool askRasterOptions(QWidget *parent, ExportOptions &options)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("PlotView", "Image size"));
    auto *width = new QSpinBox(&dialog);
    auto *height = new QSpinBox(&dialog);
    for (QSpinBox *box : { width, height }) {
        box->setRange(50, 20000);
        box->setSuffix(QCoreApplication::translate("PlotView", " px"));
    }
    width->setValue(options.size.width());
    height->setValue(options.size.height());
    auto *scale = new QDoubleSpinBox(&dialog);
    scale->setRange(0.25, 8.0);
    scale->setSingleStep(0.5);
    scale->setDecimals(2);
    scale->setValue(options.scale);
    auto *result = new QLabel(&dialog);
    const auto update = [=] {
        result->setText(QCoreApplication::translate("PlotView", "%1 × %2 pixels, %3 dpi")
                            .arg(qRound(width->value() * scale->value()))
                            .arg(qRound(height->value() * scale->value()))
                            .arg(qRound(96 * scale->value())));
    };
    QObject::connect(width, &QSpinBox::valueChanged, &dialog, update);
    QObject::connect(height, &QSpinBox::valueChanged, &dialog, update);
    QObject::connect(scale, &QDoubleSpinBox::valueChanged, &dialog, update);
    update();

    auto *form = new QFormLayout(&dialog);
    form->addRow(QCoreApplication::translate("PlotView", "&Width:"), width);
    form->addRow(QCoreApplication::translate("PlotView", "&Height:"), height);
    form->addRow(QCoreApplication::translate("PlotView", "&Scale:"), scale);
    form->addRow(QString(), result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    options.size = QSize(width->value(), height->value());
    options.scale = scale->value();
    return true;
}

} // namespace

PlotView::PlotView(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_plot, 1);

    m_plot->setMinimumSize(200, 150);
    // Tick labels that keep apart in a narrow dock (plots with ticks of their own replace
    // these).
    NumberAxis::apply(m_plot->xAxis);
    NumberAxis::apply(m_plot->yAxis);
    m_plot->setMouseTracking(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    applyPaletteColors();

    connect(m_plot, &QWidget::customContextMenuRequested, this, &PlotView::showContextMenu);
    connect(m_plot, &QCustomPlot::mousePress, this,
        [this](QMouseEvent *e) { onMousePress(e->pos(), e->button(), e->modifiers()); });
    connect(m_plot, &QCustomPlot::mouseRelease, this,
        [this](QMouseEvent *e) { onMouseRelease(e->pos(), e->button(), e->modifiers()); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *e) {
        if (e->button() == Qt::LeftButton)
            resetView();
    });
    connect(m_plot, &QCustomPlot::mouseMove, this,
        [this](QMouseEvent *e) { onMouseMove(e->pos(), e->buttons()); });
    connect(m_plot->selectionRect(), &QCPSelectionRect::accepted, this,
        [this](const QRect &rect, QMouseEvent *e) {
            onSelectionAccepted(rect, e ? e->modifiers() : Qt::NoModifier);
        });
}

PlotView::~PlotView() = default;

QWidget *PlotView::plotWidget() const
{
    return m_plot;
}

void PlotView::applyPaletteColors()
{
    const QPalette pal = palette();
    m_plot->setBackground(pal.color(QPalette::Base));
    const QPen axisPen(pal.color(QPalette::Mid));
    for (QCPAxisRect *rect : m_plot->axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setBasePen(axisPen);
            axis->setTickPen(axisPen);
            axis->setSubTickPen(axisPen);
            axis->setTickLabelColor(pal.color(QPalette::Text));
            axis->setLabelColor(pal.color(QPalette::Text));
            QColor grid = pal.color(QPalette::Mid);
            grid.setAlpha(90);
            axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        }
    }
    if (m_plot->legend) {
        m_plot->legend->setBrush(pal.color(QPalette::Base));
        m_plot->legend->setTextColor(pal.color(QPalette::Text));
        m_plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    }
    if (m_title)
        m_title->setTextColor(pal.color(QPalette::Text));
}

QRect PlotView::plotArea() const
{
    return m_plot->axisRect()->rect();
}

QPointF PlotView::coordToPixel(const QPointF &coords) const
{
    return QPointF(
        m_plot->xAxis->coordToPixel(coords.x()), m_plot->yAxis->coordToPixel(coords.y()));
}

QPointF PlotView::pixelToCoord(const QPointF &pixel) const
{
    return QPointF(m_plot->xAxis->pixelToCoord(pixel.x()), m_plot->yAxis->pixelToCoord(pixel.y()));
}

QString PlotView::title() const
{
    return m_title ? m_title->text() : QString();
}

QString PlotView::shownTitle() const
{
    return m_title ? static_cast<const TitleElement *>(m_title)->shownText() : QString();
}

void PlotView::setTitle(const QString &title)
{
    if (!m_title) {
        if (title.isEmpty())
            return;
        QFont font = this->font();
        font.setBold(true);
        m_title = new TitleElement(m_plot, title, font);
        m_title->setTextColor(palette().color(QPalette::Text));
        m_plot->plotLayout()->insertRow(0);
        m_plot->plotLayout()->addElement(0, 0, m_title);
    }
    m_title->setText(title);
    replot();
}

QCPColorScale *PlotView::addColorScale(const QString &label)
{
    auto *scale = new QCPColorScale(m_plot);
    QCPLayoutGrid *grid = m_plot->plotLayout();
    int row = 0, column = 0;
    for (int i = 0; i < grid->elementCount(); ++i) {
        if (grid->elementAt(i) == m_plot->axisRect()) {
            grid->indexToRowCol(i, row, column);
            break;
        }
    }
    grid->addElement(row, column + 1, scale);
    grid->setColumnStretchFactor(column + 1, 0.01);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(14);
    scale->axis()->setLabel(label);
    const QPalette pal = palette();
    scale->axis()->setTickLabelColor(pal.color(QPalette::Text));
    scale->axis()->setLabelColor(pal.color(QPalette::Text));
    scale->axis()->setBasePen(QPen(pal.color(QPalette::Mid)));
    scale->axis()->setTickPen(QPen(pal.color(QPalette::Mid)));
    scale->axis()->setSubTickPen(QPen(pal.color(QPalette::Mid)));
    auto *group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    return scale;
}

QHBoxLayout *PlotView::controlsLayout()
{
    if (!m_controls) {
        m_controls = new QHBoxLayout;
        m_controls->setContentsMargins(6, 4, 6, 0);
        m_controls->addStretch(1);
        static_cast<QVBoxLayout *>(layout())->insertLayout(0, m_controls);
    }
    return m_controls;
}

bool PlotView::exportTo(const QString &path, const ExportOptions &options, QString *error)
{
    const bool ok = PlotExporter::save(m_plot, path, options, error);
    if (ok)
        Q_EMIT exported(path);
    return ok;
}

QImage PlotView::toImage(QSize size, double scale)
{
    return PlotExporter::toImage(m_plot, size, scale);
}

void PlotView::copyToClipboard()
{
    PlotExporter::copyToClipboard(m_plot);
}

void PlotView::exportInteractively(ExportFormat format)
{
    ExportOptions options;
    options.size = m_plot->size();
    options.scale = 2.0;
    options.title = title();
    if ((format == ExportFormat::Png || format == ExportFormat::Jpeg)
        && !askRasterOptions(this, options))
        return;

    QSettings settings;
    QString dir = settings.value(QLatin1String(kExportDirKey)).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString base = title().trimmed();
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\-]+")), QStringLiteral("_"));
    if (base.isEmpty())
        base = QStringLiteral("plot");
    const QString suggested
        = QDir(dir).filePath(base + QLatin1Char('.') + PlotExporter::suffix(format));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export plot"), suggested, PlotExporter::nameFilter(format));
    if (path.isEmpty())
        return;
    if (PlotExporter::formatForPath(path) != format)
        path += QLatin1Char('.') + PlotExporter::suffix(format);
    settings.setValue(QLatin1String(kExportDirKey), QFileInfo(path).absolutePath());

    QString error;
    if (!exportTo(path, options, &error))
        QMessageBox::warning(
            this, tr("Export plot"), tr("Could not export the plot to %1:\n%2").arg(path, error));
}

QMenu *PlotView::createContextMenu()
{
    auto *menu = new QMenu(this);
    const auto add = [&](const QString &text, const char *name, auto slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("Export as &PNG…"), "exportPng", [this] { exportInteractively(ExportFormat::Png); });
    add(tr("Export as P&DF…"), "exportPdf", [this] { exportInteractively(ExportFormat::Pdf); });
    add(tr("Export as &SVG…"), "exportSvg", [this] { exportInteractively(ExportFormat::Svg); });
    add(tr("&Copy to clipboard"), "copyImage", [this] { copyToClipboard(); });
    menu->addSeparator();
    add(tr("&Reset view"), "resetView", [this] { resetView(); });
    addContextMenuActions(menu);
    return menu;
}

void PlotView::showContextMenu(const QPoint &pos)
{
    QMenu *menu = createContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_plot->mapToGlobal(pos));
}

QString PlotView::toolTipAt(const QPointF &) const
{
    return {};
}

void PlotView::resetView()
{
    m_plot->rescaleAxes();
    replot();
}

void PlotView::replot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotView::replotNow()
{
    m_plot->replot(QCustomPlot::rpRefreshHint);
}

void PlotView::addContextMenuActions(QMenu *)
{
}

PlotView::DragAction PlotView::dragActionFor(Qt::KeyboardModifiers modifiers) const
{
    return modifiers.testFlag(Qt::ControlModifier) ? DragAction::ZoomRect : DragAction::Pan;
}

void PlotView::selectionRectFinished(const QRectF &, Qt::KeyboardModifiers)
{
}

void PlotView::clicked(const QPointF &, Qt::KeyboardModifiers)
{
}

void PlotView::onMousePress(
    const QPoint &pos, Qt::MouseButton button, Qt::KeyboardModifiers modifiers)
{
    QToolTip::hideText();
    m_pressPos = pos;
    m_pressed = button == Qt::LeftButton;
    if (!m_pressed)
        return;
    // Decided per press: the selection rectangle takes over the drag unless panning.
    m_dragAction = dragActionFor(modifiers);
    switch (m_dragAction) {
    case DragAction::Pan:
        m_plot->setSelectionRectMode(QCP::srmNone);
        break;
    case DragAction::ZoomRect:
        m_plot->setSelectionRectMode(QCP::srmZoom);
        break;
    case DragAction::SelectRect:
        m_plot->setSelectionRectMode(QCP::srmCustom);
        break;
    }
}

void PlotView::onMouseRelease(
    const QPoint &pos, Qt::MouseButton button, Qt::KeyboardModifiers modifiers)
{
    if (button != Qt::LeftButton || !m_pressed)
        return;
    m_pressed = false;
    if ((pos - m_pressPos).manhattanLength() <= kClickSlopPx)
        clicked(pos, modifiers);
}

void PlotView::onMouseMove(const QPoint &pos, Qt::MouseButtons buttons)
{
    if (buttons != Qt::NoButton)
        return;
    const QString tip = toolTipAt(pos);
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(m_plot->mapToGlobal(pos), tip, m_plot, QRect(), 10000);
}

void PlotView::onSelectionAccepted(const QRect &rect, Qt::KeyboardModifiers modifiers)
{
    if (m_dragAction != DragAction::SelectRect)
        return;
    QCPAxis *x = m_plot->xAxis;
    QCPAxis *y = m_plot->yAxis;
    const double x1 = x->pixelToCoord(rect.left());
    const double x2 = x->pixelToCoord(rect.right());
    const double y1 = y->pixelToCoord(rect.top());
    const double y2 = y->pixelToCoord(rect.bottom());
    selectionRectFinished(QRectF(QPointF(std::min(x1, x2), std::min(y1, y2)),
                              QPointF(std::max(x1, x2), std::max(y1, y2))),
        modifiers);
}

} // namespace sextant::plots
