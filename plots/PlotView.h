#pragma once

#include "plots/PlotExporter.h"

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>

class QCustomPlot;
class QCPColorScale;
class QCPTextElement;
class QHBoxLayout;
class QMenu;

namespace sextant::plots {

// Base of the plot views: a QWidget hosting a QCustomPlot, with what every view shares —
// a context menu (Export PNG/PDF/SVG…, Copy to clipboard, Reset view, plus the view's
// own actions), wheel zoom and drag pan, Ctrl+drag to zoom into a rectangle, a double
// click to reset the view, hover tool
// tips and clicks routed to virtual hooks, an optional title and a row of controls above
// the plot. Subclasses draw; they never compute anything proportional to the data on the
// GUI thread beyond what they draw.
class PlotView : public QWidget {
    Q_OBJECT
public:
    // What a left-button drag does.
    enum class DragAction { Pan, ZoomRect, SelectRect };

    explicit PlotView(QWidget *parent = nullptr);
    ~PlotView() override;

    // The plot, e.g. to export it (include plots/QCustomPlotInclude.h to use it).
    QCustomPlot *customPlot() const { return m_plot; }
    // The same plot as a plain QWidget (for event tests without qcustomplot.h).
    QWidget *plotWidget() const;

    // The main axis rect in plot widget pixels, and conversions between plot coordinates
    // (x = bottom axis, y = left axis) and pixels, as of the last replot.
    QRect plotArea() const;
    QPointF coordToPixel(const QPointF &coords) const;
    QPointF pixelToCoord(const QPointF &pixel) const;

    QString title() const;
    // The title as drawn at the plot's width: cut with an ellipsis where it is too long.
    QString shownTitle() const;
    void setTitle(const QString &title);

    // Export without any dialog (format from the suffix); usable headless.
    bool exportTo(const QString &path, const ExportOptions &options = {}, QString *error = nullptr);
    QImage toImage(QSize size = {}, double scale = 1.0);
    void copyToClipboard();
    // Asks for a file name (and, for raster formats, the pixel size and scale), then
    // exports. For the context menu and the main window's File → Export.
    void exportInteractively(ExportFormat format);

    // The context menu as shown on right click; the caller owns it.
    QMenu *createContextMenu();

    // Text of the tool tip at a pixel position of the plot (empty: none). Public so tests
    // can check hover texts without moving a mouse.
    virtual QString toolTipAt(const QPointF &pixel) const;
    // Back to the full data range.
    virtual void resetView();

    // Replots at the next event loop iteration (coalesces several requests).
    void replot();
    // Replots now (for tests and benchmarks).
    void replotNow();

Q_SIGNALS:
    void exported(const QString &path);

protected:
    // Hooks for subclasses.
    virtual void addContextMenuActions(QMenu *menu);
    virtual DragAction dragActionFor(Qt::KeyboardModifiers modifiers) const;
    // A SelectRect drag ended; `rect` is in plot coordinates (x = key axis).
    virtual void selectionRectFinished(const QRectF &rect, Qt::KeyboardModifiers modifiers);
    // A left click (press and release within a few pixels) at a plot pixel position.
    virtual void clicked(const QPointF &pixel, Qt::KeyboardModifiers modifiers);

    // Adds a colour bar to the right of the main axis rect, aligned with it (margin
    // group), labelled `label`. The plot owns it.
    QCPColorScale *addColorScale(const QString &label);
    // A row of controls above the plot (check boxes, spin boxes), created on first use.
    QHBoxLayout *controlsLayout();
    // Colours from the widget palette applied to axes, grids, legend and background.
    void applyPaletteColors();

private:
    void showContextMenu(const QPoint &pos);
    void onMousePress(const QPoint &pos, Qt::MouseButton button, Qt::KeyboardModifiers modifiers);
    void onMouseRelease(const QPoint &pos, Qt::MouseButton button, Qt::KeyboardModifiers modifiers);
    void onMouseMove(const QPoint &pos, Qt::MouseButtons buttons);
    void onSelectionAccepted(const QRect &rect, Qt::KeyboardModifiers modifiers);

    QCustomPlot *m_plot;
    QCPTextElement *m_title = nullptr;
    QHBoxLayout *m_controls = nullptr;
    QPoint m_pressPos;
    bool m_pressed = false;
    DragAction m_dragAction = DragAction::Pan;
};

} // namespace sextant::plots
