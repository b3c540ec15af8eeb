#include "plots/PlotExporter.h"

#include "data/AtomicFile.h"
#include "plots/QCustomPlotInclude.h"

#include <QBuffer>
#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QScreen>
#include <QSvgGenerator>
#include <cmath>

namespace sextant::plots {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

std::optional<ExportFormat> PlotExporter::formatForPath(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("png"))
        return ExportFormat::Png;
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg"))
        return ExportFormat::Jpeg;
    if (s == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    if (s == QLatin1String("svg"))
        return ExportFormat::Svg;
    return std::nullopt;
}

QString PlotExporter::suffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Jpeg:
        return QStringLiteral("jpg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    }
    return {};
}

QString PlotExporter::nameFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QCoreApplication::translate("PlotExporter", "PNG image (*.png)");
    case ExportFormat::Jpeg:
        return QCoreApplication::translate("PlotExporter", "JPEG image (*.jpg *.jpeg)");
    case ExportFormat::Pdf:
        return QCoreApplication::translate("PlotExporter", "PDF document (*.pdf)");
    case ExportFormat::Svg:
        return QCoreApplication::translate("PlotExporter", "SVG drawing (*.svg)");
    }
    return {};
}

QSize PlotExporter::effectiveSize(QCustomPlot *plot, QSize size)
{
    if (size.width() > 0 && size.height() > 0)
        return size;
    const QSize widget = plot->size();
    if (widget.width() > 0 && widget.height() > 0)
        return widget;
    return QSize(640, 480);
}

QImage PlotExporter::toImage(QCustomPlot *plot, QSize size, double scale)
{
    if (!plot || !(scale > 0))
        return {};
    size = effectiveSize(plot, size);
    const QSize pixels(qRound(size.width() * scale), qRound(size.height() * scale));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    // QCustomPlot::toPainter paints the plot's background brush itself.
    image.fill(Qt::transparent);
    QCPPainter painter(&image);
    if (!painter.isActive())
        return {};
    if (!qFuzzyCompare(scale, 1.0)) {
        // Like QCustomPlot::toPixmap: scaled-up output wants pens scaled too.
        if (scale > 1.0)
            painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(scale, scale);
    }
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return image;
}

QByteArray PlotExporter::toSvg(QCustomPlot *plot, QSize size, const QString &title)
{
    if (!plot)
        return {};
    size = effectiveSize(plot, size);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(96);
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Sextant plot"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return {};
    painter.setMode(QCPPainter::pmVectorized);
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return bytes;
}

bool PlotExporter::save(
    QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error)
{
    const auto format = formatForPath(path);
    if (!format) {
        setError(error,
            QCoreApplication::translate("PlotExporter",
                "Unknown export format for %1 "
                "(use .png, .jpg, .pdf or .svg)")
                .arg(path));
        return false;
    }
    return save(plot, path, *format, options, error);
}

bool PlotExporter::save(QCustomPlot *plot, const QString &path, ExportFormat format,
    const ExportOptions &options, QString *error)
{
    if (!plot) {
        setError(error, QStringLiteral("no plot"));
        return false;
    }
    const QSize size = effectiveSize(plot, options.size);
    const QString renderFailed
        = QCoreApplication::translate("PlotExporter", "could not render the plot");
    // Every format goes through AtomicFile: an existing file is replaced only once the new
    // one is complete.
    switch (format) {
    case ExportFormat::Png:
    case ExportFormat::Jpeg: {
        const double scale = options.scale > 0 ? options.scale : 1.0;
        QImage image = toImage(plot, size, scale);
        if (image.isNull()) {
            setError(error, engine::AtomicFile::failureMessage(path, renderFailed));
            return false;
        }
        const int dpi = options.dpi > 0 ? options.dpi : qRound(96 * scale);
        const int dpm = qRound(dpi / 0.0254);
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        if (format == ExportFormat::Jpeg)
            image = image.convertToFormat(QImage::Format_RGB32);
        return engine::AtomicFile::write(
            path,
            [&](QIODevice &device, QString *why) {
                QImageWriter writer(&device, format == ExportFormat::Png ? "png" : "jpg");
                if (format == ExportFormat::Jpeg)
                    writer.setQuality(92);
                if (writer.write(image))
                    return true;
                *why = writer.errorString();
                return false;
            },
            error);
    }
    case ExportFormat::Svg: {
        const QByteArray svg = toSvg(plot, size, options.title);
        if (svg.isEmpty()) {
            setError(error, engine::AtomicFile::failureMessage(path, renderFailed));
            return false;
        }
        return engine::AtomicFile::write(path, svg, error);
    }
    case ExportFormat::Pdf:
        // Vector output, one page the size of the plot in points (what QCustomPlot::savePdf
        // makes, but into the temporary file rather than over the target).
        return engine::AtomicFile::write(
            path,
            [&](QIODevice &device, QString *why) {
                QPdfWriter pdf(&device);
                pdf.setCreator(QStringLiteral("Sextant"));
                pdf.setTitle(options.title);
                pdf.setResolution(96);
                pdf.setPageLayout(
                    QPageLayout(QPageSize(size, QPageSize::Point, QString(), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point,
                        QMarginsF(0, 0, 0, 0)));
                QCPPainter painter;
                if (!painter.begin(&pdf)) {
                    *why = renderFailed;
                    return false;
                }
                painter.setMode(QCPPainter::pmVectorized);
                // Plot pixels map onto the page's points, so text keeps its size relative
                // to the plot, as on screen.
                painter.setWindow(QRect(QPoint(0, 0), size));
                plot->toPainter(&painter, size.width(), size.height());
                if (!painter.end()) {
                    *why = renderFailed;
                    return false;
                }
                return true;
            },
            error);
    }
    return false;
}

void PlotExporter::copyToClipboard(QCustomPlot *plot, QSize size)
{
    if (!plot)
        return;
    const double ratio = plot->devicePixelRatioF() > 0 ? plot->devicePixelRatioF() : 1.0;
    QImage image = toImage(plot, size, ratio);
    image.setDevicePixelRatio(ratio);
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setImage(image);
}

} // namespace sextant::plots
