#include "plots/PlotExporter.h"

#include "plots/QCustomPlotInclude.h"

#include <QBuffer>
#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QSaveFile>
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
    switch (format) {
    case ExportFormat::Png:
    case ExportFormat::Jpeg: {
        const double scale = options.scale > 0 ? options.scale : 1.0;
        QImage image = toImage(plot, size, scale);
        if (image.isNull()) {
            setError(
                error, QCoreApplication::translate("PlotExporter", "Could not render the plot"));
            return false;
        }
        const int dpi = options.dpi > 0 ? options.dpi : qRound(96 * scale);
        const int dpm = qRound(dpi / 0.0254);
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        if (format == ExportFormat::Jpeg)
            image = image.convertToFormat(QImage::Format_RGB32);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            setError(error, file.errorString());
            return false;
        }
        QImageWriter writer(&file, format == ExportFormat::Png ? "png" : "jpg");
        if (format == ExportFormat::Jpeg)
            writer.setQuality(92);
        if (!writer.write(image)) {
            setError(error, writer.errorString());
            file.cancelWriting();
            return false;
        }
        if (!file.commit()) {
            setError(error, file.errorString());
            return false;
        }
        return true;
    }
    case ExportFormat::Svg: {
        const QByteArray svg = toSvg(plot, size, options.title);
        if (svg.isEmpty()) {
            setError(
                error, QCoreApplication::translate("PlotExporter", "Could not render the plot"));
            return false;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(svg) != svg.size() || !file.commit()) {
            setError(error, file.errorString());
            return false;
        }
        return true;
    }
    case ExportFormat::Pdf: {
        // Vector output through QCustomPlot's own PDF writer (page = plot size in points).
        if (!plot->savePdf(path, size.width(), size.height(), QCP::epAllowCosmetic,
                QStringLiteral("Sextant"), options.title)) {
            setError(
                error, QCoreApplication::translate("PlotExporter", "Could not write %1").arg(path));
            return false;
        }
        return true;
    }
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
