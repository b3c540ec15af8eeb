#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace sextant::plots {
class PlotView;
}

namespace sextant::app {

// The document of a report (`sextant report MODEL`, `sextant run --report`, File › Export
// Report): headings, paragraphs, tables and pictures, written as one self-contained HTML
// file (pictures as PNG data URIs, nothing fetched when it opens; well-formed XML, so it
// parses as XHTML too) or as PDF (the same HTML through QTextDocument and QPdfWriter, A4).
//
// Building it: plot() draws a plot widget, so GUI thread; the rest, and writing it (html(),
// pdf(), write()), any thread: a built document is plain data (implicitly shared strings
// and images) and may be handed to a worker to write.
class ReportDocument {
public:
    // The size plots are drawn at (shown at 2/3 of it).
    static constexpr QSize kPlotSize { 900, 560 };

    explicit ReportDocument(QString title = {}) : m_title(std::move(title)) { }
    const QString &title() const { return m_title; }

    // A part of the document that readers (and tests) can find: <div class="CLASS"
    // id="ID">…</div>. Sections nest; endSection closes the latest.
    void beginSection(const QString &cssClass, const QString &id = {});
    void endSection();
    void heading(const QString &text, int level = 2);
    void paragraph(const QString &text);
    // A table; `header` may be empty. Cells are plain text (escaped here).
    void table(const QStringList &header, const QList<QStringList> &rows);
    // Draws `view` offscreen at kPlotSize and places the picture here. GUI thread.
    void plot(plots::PlotView &view, const QString &alt);
    // Places `image` here, shown `displayWidth` pixels wide (0: its own width).
    void image(const QImage &image, const QString &alt, int displayWidth = 0);
    // The pictures placed so far, in order (for tests).
    const QList<QImage> &images() const { return m_images; }

    // Self-contained HTML: the images as PNG data URIs.
    QByteArray html() const;
    // The same document as PDF bytes.
    QByteArray pdf() const;
    // Writes html() or pdf() (by `path`'s suffix: .pdf, else HTML) to `path` through
    // AtomicFile: an existing file is replaced only when everything was written. False,
    // with a message naming the file, on failure.
    bool write(const QString &path, QString *error) const;

    // How figures and parameter values read in a report: numbers with 6 significant
    // digits, an en dash for NaN/infinity; lists joined by commas.
    static QString number(double v);
    static QString valueText(const QVariant &v);

private:
    QByteArray png(qsizetype i) const;
    QString page(const QString &body) const;

    QString m_title;
    QString m_html; // the body, with "@@IMAGEn@@" where image n goes
    QList<QImage> m_images;
};

} // namespace sextant::app
