#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <optional>

class QCustomPlot;

namespace sextant::plots {

enum class ExportFormat { Png, Jpeg, Pdf, Svg };

struct ExportOptions {
    // Logical size of the plot in pixels (layout, fonts and line widths are laid out at
    // this size). Empty: the plot widget's current size.
    QSize size;
    // Raster formats only: the file has size * scale pixels (2.0 for a sharp figure on a
    // high-density screen or in print at the same physical size).
    double scale = 1.0;
    // Raster formats only: resolution written into the file; 0 means 96 * scale.
    int dpi = 0;
    // PDF/SVG document title (optional).
    QString title;
};

// Writes any QCustomPlot-based view to PNG/JPEG (raster), PDF or SVG (vector). Works
// without a display (QT_QPA_PLATFORM=offscreen) as long as a QApplication exists, so the
// command line and tests can write plots. The plot is rendered at the requested size
// without resizing the widget; vector output keeps text as text and lines as paths
// (colour maps are embedded as images).
class PlotExporter {
public:
    // The format for a file name's suffix (.png, .jpg/.jpeg, .pdf, .svg), case-insensitive.
    static std::optional<ExportFormat> formatForPath(const QString &path);
    static QString suffix(ExportFormat format);
    // A QFileDialog name filter, e.g. "PNG image (*.png)".
    static QString nameFilter(ExportFormat format);

    // Saves to `path` in the format its suffix names. On failure returns false and says
    // why in `error` (naming the file); an existing file is left untouched (every format
    // goes through AtomicFile).
    static bool save(QCustomPlot *plot, const QString &path, const ExportOptions &options = {},
        QString *error = nullptr);
    static bool save(QCustomPlot *plot, const QString &path, ExportFormat format,
        const ExportOptions &options = {}, QString *error = nullptr);

    // The plot rendered into an image of size * scale pixels (device pixel ratio 1).
    static QImage toImage(QCustomPlot *plot, QSize size = {}, double scale = 1.0);
    // The plot as an SVG document.
    static QByteArray toSvg(QCustomPlot *plot, QSize size = {}, const QString &title = {});
    // Puts the plot on the clipboard as an image at the screen's device pixel ratio.
    static void copyToClipboard(QCustomPlot *plot, QSize size = {});

private:
    static QSize effectiveSize(QCustomPlot *plot, QSize size);
};

} // namespace sextant::plots
