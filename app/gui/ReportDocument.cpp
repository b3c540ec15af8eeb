#include "gui/ReportDocument.h"

#include "cli/RunReportWriter.h"
#include "data/AtomicFile.h"
#include "plots/PlotExporter.h"
#include "plots/PlotView.h"

#include <QBuffer>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <cmath>
#include <sextant/Version.h>

namespace sextant::app {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString placeholder(qsizetype i)
{
    return QStringLiteral("@@IMAGE%1@@").arg(i);
}

} // namespace

void ReportDocument::beginSection(const QString &cssClass, const QString &id)
{
    m_html += id.isEmpty()
        ? QStringLiteral("<div class=\"%1\">\n").arg(esc(cssClass))
        : QStringLiteral("<div class=\"%1\" id=\"%2\">\n").arg(esc(cssClass), esc(id));
}

void ReportDocument::endSection()
{
    m_html += QStringLiteral("</div>\n");
}

void ReportDocument::heading(const QString &text, int level)
{
    m_html += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(text));
}

void ReportDocument::paragraph(const QString &text)
{
    m_html += QStringLiteral("<p>%1</p>\n").arg(esc(text));
}

void ReportDocument::table(const QStringList &header, const QList<QStringList> &rows)
{
    m_html += QStringLiteral("<table>\n");
    if (!header.isEmpty()) {
        m_html += QStringLiteral("<tr>");
        for (const QString &h : header)
            m_html += QStringLiteral("<th>%1</th>").arg(esc(h));
        m_html += QStringLiteral("</tr>\n");
    }
    for (const QStringList &r : rows) {
        m_html += QStringLiteral("<tr>");
        for (const QString &c : r)
            m_html += QStringLiteral("<td>%1</td>").arg(esc(c));
        m_html += QStringLiteral("</tr>\n");
    }
    m_html += QStringLiteral("</table>\n");
}

void ReportDocument::plot(plots::PlotView &view, const QString &alt)
{
    view.resize(kPlotSize);
    view.replotNow();
    image(
        plots::PlotExporter::toImage(view.customPlot(), kPlotSize), alt, kPlotSize.width() * 2 / 3);
}

void ReportDocument::image(const QImage &image, const QString &alt, int displayWidth)
{
    m_html += QStringLiteral("<p><img src=\"%1\" alt=\"%2\" width=\"%3\"/></p>\n")
                  .arg(placeholder(m_images.size()), esc(alt))
                  .arg(displayWidth > 0 ? displayWidth : image.width());
    m_images.push_back(image);
}

QByteArray ReportDocument::html() const
{
    QString body = m_html;
    for (qsizetype i = 0; i < m_images.size(); ++i)
        body.replace(placeholder(i),
            QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png(i).toBase64()));
    return page(body).toUtf8();
}

QByteArray ReportDocument::pdf() const
{
    QTextDocument doc;
    QString body = m_html;
    for (qsizetype i = 0; i < m_images.size(); ++i) {
        const QString name = QStringLiteral("sextant-report-image-%1.png").arg(i);
        body.replace(placeholder(i), name);
        doc.addResource(QTextDocument::ImageResource, QUrl(name), m_images[i]);
    }
    doc.setHtml(page(body));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(120);
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("Sextant ") + QStringLiteral(SEXTANT_VERSION_STRING));
        doc.setPageSize(QSizeF(writer.width(), writer.height()));
        doc.print(&writer);
    }
    return bytes;
}

bool ReportDocument::write(const QString &path, QString *error) const
{
    return engine::AtomicFile::write(
        path, cli::RunReportWriter::isPdf(path) ? pdf() : html(), error);
}

QString ReportDocument::number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("\u2013");
}

QString ReportDocument::valueText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Double)
        return number(v.toDouble());
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(QStringLiteral(", "));
    return v.toString();
}

QByteArray ReportDocument::png(qsizetype i) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    m_images[i].save(&buffer, "PNG");
    return bytes;
}

QString ReportDocument::page(const QString &body) const
{
    return QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>%1</title>\n"
        "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
        "table{border-collapse:collapse;margin:0.5em 0}"
        "td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}"
        "th{background:#eee}</style></head>\n<body>\n<h1>%1</h1>\n%2</body></html>\n")
        .arg(esc(m_title), body);
}

} // namespace sextant::app
