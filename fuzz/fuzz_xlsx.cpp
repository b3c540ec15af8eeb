// libFuzzer target for the Excel reader (XlsxReader). A mutated zip rarely gets past its
// checksums, so each input is mostly the workbook's XML parts, separated by lines
// "--PART--": the sheet, the shared strings, the styles and (optionally) the workbook.
// They are packed into a well-formed .xlsx (the content types and relationships a
// workbook needs, written with minizip) that the reader then opens, so mutations reach
// the XML parsing, the cell references, the shared-string indices, the number formats
// and the date conversion. An input that starts with "PK" is also written as the file
// itself (damaged archives). Every result must be a dataset or a refusal with a message
// (fuzz::checkLoad); any crash, sanitizer report or hang is a finding.
#include "FuzzSupport.h"
#include "data/XlsxReader.h"

#include <QByteArrayList>
#include <QFile>
#include <QTemporaryDir>
#include <minizip/zip.h>

using namespace sextant::engine;
using sextant::fuzz::checkLoad;

namespace {

const char *const kTarget = "fuzz_xlsx";

const QString &filePath()
{
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("fuzz.xlsx"));
    return path;
}

const QByteArray kDefaultWorkbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)";

const QByteArray kContentTypes = R"(<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>)";

const QByteArray kRootRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

const QByteArray kWorkbookRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

bool add(zipFile zip, const char *name, const QByteArray &bytes)
{
    zip_fileinfo info {};
    if (zipOpenNewFileInZip(
            zip, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_BEST_SPEED)
        != ZIP_OK)
        return false;
    const bool ok = zipWriteInFileInZip(zip, bytes.constData(), unsigned(bytes.size())) == ZIP_OK;
    return zipCloseFileInZip(zip) == ZIP_OK && ok;
}

// The parts packed as a workbook at filePath(); false when the zip could not be written.
bool pack(const QByteArrayList &parts)
{
    const QByteArray path = QFile::encodeName(filePath());
    zipFile zip = zipOpen(path.constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return false;
    bool ok = add(zip, "[Content_Types].xml", kContentTypes) && add(zip, "_rels/.rels", kRootRels)
        && add(zip, "xl/_rels/workbook.xml.rels", kWorkbookRels)
        && add(zip, "xl/workbook.xml", parts.size() > 3 ? parts[3] : kDefaultWorkbook)
        && add(zip, "xl/worksheets/sheet1.xml", parts.value(0));
    // A workbook may have no shared strings or styles: leave the part out when empty.
    if (ok && parts.size() > 1 && !parts[1].isEmpty())
        ok = add(zip, "xl/sharedStrings.xml", parts[1]);
    if (ok && parts.size() > 2 && !parts[2].isEmpty())
        ok = add(zip, "xl/styles.xml", parts[2]);
    return zipClose(zip, nullptr) == ZIP_OK && ok;
}

void read()
{
    checkLoad(kTarget, XlsxReader::read(filePath()));
    QString error;
    const QStringList sheets = XlsxReader::sheetNames(filePath(), &error);
    if (sheets.isEmpty() && error.isEmpty())
        sextant::fuzz::finding(kTarget, "no sheet and no reason", {});
    for (const QString &s : sheets.mid(0, 3))
        checkLoad(kTarget, XlsxReader::read(filePath(), s));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > (1u << 18))
        return 0;
    const QByteArray input = sextant::fuzz::bytesOf(data, size);
    if (input.startsWith("PK")) {
        QFile f(filePath());
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(input) == input.size()) {
            f.close();
            read();
        }
    }
    QByteArrayList parts;
    const QByteArray marker("\n--PART--\n");
    qsizetype from = 0;
    for (qsizetype at; (at = input.indexOf(marker, from)) >= 0; from = at + marker.size())
        parts << input.mid(from, at - from);
    parts << input.mid(from);
    if (pack(parts))
        read();
    return 0;
}
