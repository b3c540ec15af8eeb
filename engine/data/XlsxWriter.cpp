#include "data/XlsxWriter.h"

#include "data/AtomicFile.h"
#include "data/DateTime.h"

#include <QFile>
#include <QTemporaryFile>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <minizip/zip.h>
#include <vector>
#include <zlib.h>

namespace sextant::engine {

namespace {

constexpr char kContentTypes[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>)";

constexpr char kRootRels[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

constexpr char kWorkbook[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)";

constexpr char kWorkbookRels[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

// Cell styles: 0 general, 1 a date, 2 a date and time.
constexpr char kStyles[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>)";

void appendEscaped(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        switch (c) {
        case '_':
            // A literal "_xHHHH_" would read as an escape: its underscore is escaped.
            if (i + 6 < utf8.size() && utf8[i + 1] == 'x' && utf8[i + 6] == '_'
                && std::all_of(utf8.begin() + i + 2, utf8.begin() + i + 6,
                    [](char h) { return std::isxdigit(static_cast<unsigned char>(h)) != 0; }))
                out.append("_x005F_");
            else
                out.append(c);
            break;
        case '&':
            out.append("&amp;");
            break;
        case '<':
            out.append("&lt;");
            break;
        case '>':
            out.append("&gt;");
            break;
        case '"':
            out.append("&quot;");
            break;
        default:
            // XML 1.0 has no other control characters than tab, LF and CR.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out.append("_x00")
                    .append(QByteArray::number(int(c), 16).rightJustified(2, '0'))
                    .append('_');
            else
                out.append(c);
        }
    }
}

QByteArray columnLetters(int column) // 0-based
{
    QByteArray letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.prepend(char('A' + (c - 1) % 26));
    return letters;
}

class Zip {
public:
    explicit Zip(const QString &path)
        : m_zip(zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE))
    {
    }
    ~Zip()
    {
        if (m_zip)
            zipClose(m_zip, nullptr);
    }
    bool ok() const { return m_zip != nullptr && m_ok; }
    void begin(const char *name, bool large)
    {
        zip_fileinfo info {};
        m_ok = m_ok
            && zipOpenNewFileInZip64(m_zip, name, &info, nullptr, 0, nullptr, 0, nullptr,
                   Z_DEFLATED, Z_DEFAULT_COMPRESSION, large ? 1 : 0)
                == ZIP_OK;
    }
    void add(const QByteArray &data)
    {
        m_ok = m_ok
            && zipWriteInFileInZip(m_zip, data.constData(), static_cast<unsigned>(data.size()))
                == ZIP_OK;
    }
    void end() { m_ok = m_ok && zipCloseFileInZip(m_zip) == ZIP_OK; }
    void part(const char *name, const QByteArray &data)
    {
        begin(name, false);
        add(data);
        end();
    }
    bool close()
    {
        const bool closed = zipClose(m_zip, nullptr) == ZIP_OK;
        m_zip = nullptr;
        return m_ok && closed;
    }

private:
    zipFile m_zip;
    bool m_ok = true;
};

} // namespace

bool XlsxWriter::write(const Dataset &dataset, const QString &path, QString *error)
{
    const int columns = dataset.columnCount();
    const std::int64_t rows = dataset.rowCount();
    // Shared strings: the names, then each categorical column's categories.
    QByteArray strings;
    std::int64_t stringCount = 0;
    std::vector<std::int64_t> firstString(std::size_t(columns), 0);
    const auto addString = [&](const QString &text) {
        strings.append("<si><t xml:space=\"preserve\">");
        appendEscaped(strings, text);
        strings.append("</t></si>");
        return stringCount++;
    };
    for (int c = 0; c < columns; ++c)
        addString(dataset.column(c).name());
    // 0 plain, 1 dates, 2 date-times
    std::vector<int> dateStyle(std::size_t(columns), 0);
    for (int c = 0; c < columns; ++c) {
        const Column &col = dataset.column(c);
        if (col.isCategorical()) {
            firstString[std::size_t(c)] = stringCount;
            for (const QString &category : col.categories())
                addString(category);
        } else if (col.isDateTime()) {
            dateStyle[std::size_t(c)] = col.isDateOnly() ? 1 : 2;
            // The 1900 date system starts at 1900-03-01 (before it, its serials are off by
            // Excel's fictitious 1900-02-29, and before 1900 there are none): a column with
            // an earlier date is ISO text, which XlsxReader reads back as dates.
            constexpr double kMarch1900 = -2203891200.0; // 1900-03-01T00:00:00Z
            for (double v : col.values())
                if (v < kMarch1900)
                    dateStyle[std::size_t(c)] += 2; // 3, 4: as text
        }
    }

    QTemporaryFile temporary;
    if (!temporary.open()) {
        if (error)
            *error = AtomicFile::failureMessage(path, temporary.errorString());
        return false;
    }
    temporary.close();
    {
        Zip zip(temporary.fileName());
        zip.part("[Content_Types].xml", kContentTypes);
        zip.part("_rels/.rels", kRootRels);
        zip.part("xl/workbook.xml", kWorkbook);
        zip.part("xl/_rels/workbook.xml.rels", kWorkbookRels);
        zip.part("xl/styles.xml", kStyles);
        QByteArray sst = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                         "count=\"";
        sst.append(QByteArray::number(stringCount)).append("\" uniqueCount=\"");
        sst.append(QByteArray::number(stringCount)).append("\">");
        sst.append(strings).append("</sst>");
        strings.clear();
        zip.part("xl/sharedStrings.xml", sst);
        sst.clear();

        // The sheet, written in blocks.
        const bool large = rows * std::max(columns, 1) > (std::int64_t(1) << 26);
        zip.begin("xl/worksheets/sheet1.xml", large);
        QByteArray block = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                           "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                           "2006/main\"><sheetData>";
        std::vector<QByteArray> letters(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c)
            letters[std::size_t(c)] = columnLetters(c);
        block.append("<row r=\"1\">");
        for (int c = 0; c < columns; ++c)
            block.append("<c r=\"")
                .append(letters[std::size_t(c)])
                .append("1\" t=\"s\"><v>")
                .append(QByteArray::number(c))
                .append("</v></c>");
        block.append("</row>");
        char buffer[64];
        for (std::int64_t r = 0; r < rows; ++r) {
            const QByteArray rowNumber = QByteArray::number(r + 2);
            block.append("<row r=\"").append(rowNumber).append("\">");
            for (int c = 0; c < columns; ++c) {
                const Column &col = dataset.column(c);
                if (col.isMissing(r))
                    continue;
                const QByteArray &ref = letters[std::size_t(c)];
                if (col.isCategorical()) {
                    block.append("<c r=\"").append(ref).append(rowNumber).append("\" t=\"s\"><v>");
                    block.append(QByteArray::number(
                        firstString[std::size_t(c)] + col.codes()[std::size_t(r)]));
                    block.append("</v></c>");
                    continue;
                }
                double v = col.values()[std::size_t(r)];
                if (!std::isfinite(v))
                    continue;
                const int style = dateStyle[std::size_t(c)];
                if (style > 2) {
                    block.append("<c r=\"").append(ref).append(rowNumber).append(
                        "\" t=\"inlineStr\"><is><t>");
                    appendEscaped(block, DateTime::toIsoText(v, style == 3));
                    block.append("</t></is></c>");
                    continue;
                }
                if (style > 0)
                    v = v / 86400.0 + 25569.0;
                const auto end = std::to_chars(buffer, buffer + sizeof buffer, v);
                block.append("<c r=\"").append(ref).append(rowNumber);
                if (style > 0)
                    block.append("\" s=\"").append(char('0' + style));
                block.append("\"><v>").append(buffer, end.ptr - buffer).append("</v></c>");
            }
            block.append("</row>");
            if (block.size() > (1 << 20)) {
                zip.add(block);
                block.clear();
            }
        }
        block.append("</sheetData></worksheet>");
        zip.add(block);
        zip.end();
        if (!zip.close()) {
            if (error)
                *error = AtomicFile::failureMessage(
                    path, QStringLiteral("the zip could not be written"));
            return false;
        }
    }
    QFile written(temporary.fileName());
    if (!written.open(QIODevice::ReadOnly)) {
        if (error)
            *error = AtomicFile::failureMessage(path, written.errorString());
        return false;
    }
    return AtomicFile::write(
        path,
        [&written](QIODevice &device, QString *why) {
            QByteArray chunk;
            while (!(chunk = written.read(1 << 20)).isEmpty())
                if (device.write(chunk) != chunk.size()) {
                    *why = device.errorString();
                    return false;
                }
            return true;
        },
        error);
}

} // namespace sextant::engine
