#include "data/XlsxReader.h"

#include "data/Column.h"
#include "data/NumberParser.h"
#include "data/TextSource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QXmlStreamReader>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <minizip/unzip.h>
#include <optional>
#include <vector>

namespace sextant::engine {

namespace {

// Office's escapes in strings (ST_Xstring): _xHHHH_ is the character U+HHHH (how the
// control characters XML cannot hold are written); _x005F_ is a literal underscore.
QString decodeEscapes(const QString &text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('_') && i + 6 < text.size() && text[i + 1] == QLatin1Char('x')
            && text[i + 6] == QLatin1Char('_')) {
            bool ok = false;
            const uint code = text.mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Uncompressed size of one part that is refused (a zip bomb, not a workbook).
constexpr std::uint64_t kMaxPartBytes = std::uint64_t(2) << 30;

class Zip {
public:
    ~Zip()
    {
        if (m_file)
            unzClose(m_file);
    }
    bool open(const QString &path)
    {
        m_file = unzOpen64(QFile::encodeName(path).constData());
        return m_file != nullptr;
    }
    // The bytes of part `name`; nullopt when it is absent, `error` set when it is damaged.
    std::optional<QByteArray> part(const QString &name, QString &error)
    {
        if (unzLocateFile(m_file, name.toUtf8().constData(), 0) != UNZ_OK)
            return std::nullopt;
        unz_file_info64 info {};
        if (unzGetCurrentFileInfo64(m_file, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK
            || unzOpenCurrentFile(m_file) != UNZ_OK) {
            error = QStringLiteral("part %1 cannot be read").arg(name);
            return std::nullopt;
        }
        if (info.uncompressed_size > kMaxPartBytes) {
            unzCloseCurrentFile(m_file);
            error = QStringLiteral("part %1 is larger than 2 GB uncompressed").arg(name);
            return std::nullopt;
        }
        QByteArray out;
        out.reserve(static_cast<qsizetype>(info.uncompressed_size));
        char buffer[1 << 16];
        for (;;) {
            const int n = unzReadCurrentFile(m_file, buffer, sizeof buffer);
            if (n < 0) {
                unzCloseCurrentFile(m_file);
                error = QStringLiteral("part %1 is damaged (zip error %2)").arg(name).arg(n);
                return std::nullopt;
            }
            if (n == 0)
                break;
            out.append(buffer, n);
            if (std::uint64_t(out.size()) > kMaxPartBytes) {
                unzCloseCurrentFile(m_file);
                error = QStringLiteral("part %1 is larger than 2 GB uncompressed").arg(name);
                return std::nullopt;
            }
        }
        if (unzCloseCurrentFile(m_file) == UNZ_CRCERROR) {
            error = QStringLiteral("part %1 is damaged (checksum mismatch)").arg(name);
            return std::nullopt;
        }
        return out;
    }

private:
    unzFile m_file = nullptr;
};

struct SheetEntry {
    QString name;
    QString part; // "xl/worksheets/sheet1.xml"
};

struct Workbook {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    std::vector<QString> strings;
    std::vector<bool> dateStyle; // per cellXfs index
};

QString xmlError(const QString &part, const QXmlStreamReader &xml)
{
    return QStringLiteral("%1 is not well-formed XML (line %2, column %3: %4)")
        .arg(part)
        .arg(xml.lineNumber())
        .arg(xml.columnNumber())
        .arg(xml.errorString());
}

// The path of a relationship target inside the zip: "worksheets/sheet1.xml" from xl/,
// "/xl/worksheets/sheet1.xml" from the root.
QString partPath(const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    return QDir::cleanPath(QStringLiteral("xl/") + target);
}

bool readWorkbook(Zip &zip, Workbook &wb, QString &error)
{
    const std::optional<QByteArray> book = zip.part(QStringLiteral("xl/workbook.xml"), error);
    if (!book) {
        if (error.isEmpty())
            error = QStringLiteral("not an Excel workbook: it has no xl/workbook.xml");
        return false;
    }
    std::vector<std::pair<QString, QString>> sheets; // name, relationship id
    QXmlStreamReader xml(*book);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("workbookPr")) {
            const auto v = xml.attributes().value(QStringLiteral("date1904"));
            wb.date1904 = v == QLatin1String("1") || v == QLatin1String("true");
        } else if (xml.name() == QLatin1String("sheet")) {
            QString rid;
            for (const QXmlStreamAttribute &a : xml.attributes())
                if (a.name() == QLatin1String("id"))
                    rid = a.value().toString();
            sheets.emplace_back(xml.attributes().value(QStringLiteral("name")).toString(), rid);
        }
    }
    if (xml.hasError()) {
        error = xmlError(QStringLiteral("xl/workbook.xml"), xml);
        return false;
    }
    QHash<QString, QString> targets;
    if (const std::optional<QByteArray> rels
        = zip.part(QStringLiteral("xl/_rels/workbook.xml.rels"), error)) {
        QXmlStreamReader r(*rels);
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement() && r.name() == QLatin1String("Relationship"))
                targets.insert(r.attributes().value(QStringLiteral("Id")).toString(),
                    r.attributes().value(QStringLiteral("Target")).toString());
        }
        if (r.hasError()) {
            error = xmlError(QStringLiteral("xl/_rels/workbook.xml.rels"), r);
            return false;
        }
    } else if (!error.isEmpty()) {
        return false;
    }
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const QString target = targets.value(sheets[i].second);
        // Without relationships, the conventional part names.
        wb.sheets.push_back({ sheets[i].first,
            target.isEmpty() ? QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1)
                             : partPath(target) });
    }
    if (wb.sheets.empty()) {
        error = QStringLiteral("the workbook has no sheets");
        return false;
    }
    return true;
}

bool readSharedStrings(Zip &zip, Workbook &wb, QString &error)
{
    const std::optional<QByteArray> data = zip.part(QStringLiteral("xl/sharedStrings.xml"), error);
    if (!data)
        return error.isEmpty(); // a workbook without text has none
    QXmlStreamReader xml(*data);
    QString current;
    bool inItem = false;
    int skipDepth = 0; // inside <rPh> (phonetic runs, not part of the text)
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("si")) {
                inItem = true;
                current.clear();
            } else if (xml.name() == QLatin1String("rPh")) {
                ++skipDepth;
            } else if (inItem && skipDepth == 0 && xml.name() == QLatin1String("t")) {
                current += xml.readElementText();
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("si")) {
                wb.strings.push_back(decodeEscapes(current));
                inItem = false;
            } else if (xml.name() == QLatin1String("rPh")) {
                --skipDepth;
            }
        }
    }
    if (xml.hasError()) {
        error = xmlError(QStringLiteral("xl/sharedStrings.xml"), xml);
        return false;
    }
    return true;
}

// A number format shows a date or time: d, m, y, h or s outside quoted text, brackets
// ("[Red]", "[$-409]"; "[h]" elapsed time counts) and escaped characters.
bool isDateFormat(const QString &code)
{
    bool quoted = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (quoted) {
            quoted = c != QLatin1Char('"');
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*')) {
            ++i;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = code.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return false;
            const QString inside = code.mid(i + 1, close - i - 1).toLower();
            if (inside == QLatin1String("h") || inside == QLatin1String("hh")
                || inside == QLatin1String("m") || inside == QLatin1String("mm")
                || inside == QLatin1String("s") || inside == QLatin1String("ss"))
                return true;
            i = close;
        } else {
            const QChar l = c.toLower();
            if (l == QLatin1Char('d') || l == QLatin1Char('m') || l == QLatin1Char('y')
                || l == QLatin1Char('h') || l == QLatin1Char('s'))
                return true;
            if (l == QLatin1Char('g')
                && code.mid(i, 7).compare(QLatin1String("General"), Qt::CaseInsensitive) == 0)
                i += 6;
        }
    }
    return false;
}

bool readStyles(Zip &zip, Workbook &wb, QString &error)
{
    const std::optional<QByteArray> data = zip.part(QStringLiteral("xl/styles.xml"), error);
    if (!data)
        return error.isEmpty();
    QHash<int, bool> custom; // numFmtId -> date
    QXmlStreamReader xml(*data);
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("numFmt")) {
                custom.insert(xml.attributes().value(QStringLiteral("numFmtId")).toInt(),
                    isDateFormat(xml.attributes().value(QStringLiteral("formatCode")).toString()));
            } else if (xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = true;
            } else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                const int id = xml.attributes().value(QStringLiteral("numFmtId")).toInt();
                const bool builtinDate = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
                wb.dateStyle.push_back(custom.contains(id) ? custom.value(id) : builtinDate);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs")) {
            inCellXfs = false;
        }
    }
    if (xml.hasError()) {
        error = xmlError(QStringLiteral("xl/styles.xml"), xml);
        return false;
    }
    return true;
}

// "B7" -> column 2, row 7 (1-based); false when it is not a cell reference.
bool parseReference(QStringView ref, int &column, int &row)
{
    qsizetype i = 0;
    std::int64_t c = 0;
    while (i < ref.size() && ref[i].isLetter() && ref[i].unicode() < 128) {
        c = c * 26 + (ref[i].toUpper().unicode() - 'A' + 1);
        if (c > 16384)
            return false;
        ++i;
    }
    if (i == 0 || i == ref.size())
        return false;
    bool ok = false;
    const int r = ref.mid(i).toInt(&ok);
    if (!ok || r < 1 || r > 1048576)
        return false;
    column = int(c);
    row = r;
    return true;
}

QString columnLetters(int column)
{
    QString out;
    while (column > 0) {
        const int rem = (column - 1) % 26;
        out.prepend(QChar(u'A' + rem));
        column = (column - 1) / 26;
    }
    return out;
}

struct Cell {
    int column = 0; // 1-based
    bool number = false; // else text
    bool date = false; // a number in a date style: seconds since 1970-01-01
    double value = kNaN;
    QString text;
};

struct Row {
    int row = 0; // 1-based
    std::vector<Cell> cells;
};

QString shortest(double v)
{
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QString::fromLatin1(buffer, r.ptr - buffer);
}

} // namespace

QStringList XlsxReader::sheetNames(const QString &path, QString *error)
{
    QString why;
    QStringList names;
    if (auto problem = TextSource::checkDataFile(path)) {
        why = problem->message;
    } else {
        Zip zip;
        Workbook wb;
        if (!zip.open(path))
            why = QStringLiteral("not an Excel workbook (.xlsx): it is not a zip archive");
        else if (readWorkbook(zip, wb, why))
            for (const SheetEntry &s : wb.sheets)
                names << s.name;
    }
    if (error)
        *error = why;
    return names;
}

LoadResult XlsxReader::read(const QString &path, const QString &sheetName,
    const LoadControl &control, bool detectDates, DateColumns::Order dateOrder)
{
    if (auto problem = TextSource::checkDataFile(path))
        return LoadResult::failure(*problem);
    const auto fail = [&path](const QString &message, std::int64_t line = 0, int column = 0) {
        return LoadResult::failure({ path, line, column, message });
    };
    Zip zip;
    if (!zip.open(path))
        return fail(QStringLiteral("not an Excel workbook (.xlsx): it is not a zip archive"));
    Workbook wb;
    QString error;
    if (!readWorkbook(zip, wb, error) || !readSharedStrings(zip, wb, error)
        || !readStyles(zip, wb, error))
        return fail(error);
    const SheetEntry *sheet = &wb.sheets.front();
    if (!sheetName.isEmpty()) {
        sheet = nullptr;
        QStringList names;
        for (const SheetEntry &s : wb.sheets) {
            names << s.name;
            if (s.name == sheetName)
                sheet = &s;
        }
        if (!sheet)
            return fail(QStringLiteral("the workbook has no sheet '%1' (its sheets: %2)")
                            .arg(sheetName, names.join(QStringLiteral(", "))));
    }
    const QString where = QStringLiteral("sheet '%1'").arg(sheet->name);
    const std::optional<QByteArray> data = zip.part(sheet->part, error);
    if (!data)
        return fail(QStringLiteral("%1: %2").arg(where,
            error.isEmpty() ? QStringLiteral("its part %1 is missing").arg(sheet->part) : error));
    if (control.cancelled())
        return LoadResult::wasCancelled(path);

    // The cells, row by row.
    LoadResult result;
    std::vector<Row> rows;
    QXmlStreamReader xml(*data);
    int nextRow = 1;
    int maxColumn = 0;
    std::int64_t cellsRead = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("row")) {
            Row row;
            const auto r = xml.attributes().value(QStringLiteral("r"));
            bool ok = true;
            row.row = r.isEmpty() ? nextRow : r.toInt(&ok);
            if (!ok || row.row < 1)
                return fail(
                    QStringLiteral("%1: row number '%2' is not one").arg(where, r.toString()));
            nextRow = row.row + 1;
            rows.push_back(std::move(row));
            continue;
        }
        if (xml.name() != QLatin1String("c") || rows.empty())
            continue;
        Row &row = rows.back();
        const QXmlStreamAttributes attrs = xml.attributes();
        const QString ref = attrs.value(QStringLiteral("r")).toString();
        int column = row.cells.empty() ? 1 : row.cells.back().column + 1;
        int refRow = row.row;
        if (!ref.isEmpty() && !parseReference(ref, column, refRow))
            return fail(QStringLiteral("%1, row %2: '%3' is not a cell reference")
                            .arg(where)
                            .arg(row.row)
                            .arg(ref),
                row.row);
        const QString cellName = columnLetters(column) + QString::number(row.row);
        const QString type = attrs.value(QStringLiteral("t")).toString();
        const int style = attrs.value(QStringLiteral("s")).toInt();
        QString v;
        QString inlineText;
        bool hasValue = false;
        // The cell's children: <v>, <is><t>..</t></is>, <f> (ignored: the cached value counts).
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.name() == QLatin1String("c"))
                break;
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("v")) {
                v = xml.readElementText();
                hasValue = true;
            } else if (xml.name() == QLatin1String("t")) {
                inlineText += xml.readElementText();
                hasValue = true;
            }
        }
        if (xml.hasError())
            break;
        if (!hasValue)
            continue;
        Cell cell;
        cell.column = column;
        if (type == QLatin1String("s")) {
            bool ok = false;
            const qlonglong index = v.trimmed().toLongLong(&ok);
            if (!ok || index < 0 || std::size_t(index) >= wb.strings.size())
                return fail(QStringLiteral("%1, cell %2: shared string %3 does not exist "
                                           "(the workbook has %4)")
                                .arg(where, cellName, v.trimmed())
                                .arg(wb.strings.size()),
                    row.row, column);
            cell.text = wb.strings[std::size_t(index)];
        } else if (type == QLatin1String("inlineStr")) {
            cell.text = decodeEscapes(inlineText);
        } else if (type == QLatin1String("str")) {
            cell.text = v;
        } else if (type == QLatin1String("e")) {
            result.warnings.push_back({ path, row.row, column,
                QStringLiteral("%1, cell %2: the error value %3 is read as missing")
                    .arg(where, cellName, v) });
            continue;
        } else if (type == QLatin1String("b")) {
            cell.number = true;
            cell.value = v.trimmed() == QLatin1String("1") ? 1.0 : 0.0;
        } else {
            // n (the default) or d (an ISO 8601 date, rare): a number.
            const QByteArray bytes = v.trimmed().toLatin1();
            double value = 0;
            if (!parseNumber(std::string_view(bytes.constData(), std::size_t(bytes.size())), value))
                return fail(
                    QStringLiteral("%1, cell %2: '%3' is not a number").arg(where, cellName, v),
                    row.row, column);
            if (style >= 0 && std::size_t(style) < wb.dateStyle.size()
                && wb.dateStyle[std::size_t(style)]) {
                // Serial days -> seconds since 1970-01-01. The 1900 system counts a
                // 1900-02-29 that never was: serials before it are a day later.
                double days = wb.date1904 ? value + 1462.0 : value;
                if (!wb.date1904 && value < 60)
                    days += 1.0;
                value = std::round((days - 25569.0) * 86400.0 * 1000.0) / 1000.0;
                cell.date = true;
            }
            cell.number = true;
            cell.value = value;
        }
        maxColumn = std::max(maxColumn, column);
        row.cells.push_back(std::move(cell));
        if ((++cellsRead & 0xffff) == 0 && control.cancelled())
            return LoadResult::wasCancelled(path);
    }
    if (xml.hasError())
        return fail(QStringLiteral("%1: %2").arg(where, xmlError(sheet->part, xml)));

    // Rows with a value, columns from the leftmost used one.
    std::erase_if(rows, [](const Row &r) { return r.cells.empty(); });
    if (rows.empty())
        return fail(QStringLiteral("%1 is empty: no cell has a value").arg(where));
    int minColumn = maxColumn;
    for (const Row &r : rows)
        for (const Cell &c : r.cells)
            minColumn = std::min(minColumn, c.column);
    const int ncols = maxColumn - minColumn + 1;
    const Row &first = rows.front();
    bool header = !first.cells.empty();
    for (const Cell &c : first.cells)
        header = header && !c.number;
    QStringList names;
    for (int c = 0; c < ncols; ++c)
        names << QString();
    if (header)
        for (const Cell &c : first.cells)
            names[c.column - minColumn] = c.text.trimmed();
    for (int c = 0; c < ncols; ++c)
        if (names[c].isEmpty())
            names[c] = QStringLiteral("Column %1").arg(c + 1);
    QHash<QString, int> seen;
    for (QString &n : names) {
        int &count = seen[n];
        if (++count > 1) {
            QString candidate;
            do
                candidate = n + QStringLiteral("_%1").arg(count++);
            while (seen.contains(candidate));
            seen.insert(candidate, 1);
            n = candidate;
        }
    }
    const std::size_t dataRows = rows.size() - (header ? 1 : 0);
    std::vector<std::vector<const Cell *>> grid(
        std::size_t(ncols), std::vector<const Cell *>(dataRows, nullptr));
    for (std::size_t r = header ? 1 : 0, i = 0; r < rows.size(); ++r, ++i)
        for (const Cell &c : rows[r].cells)
            grid[std::size_t(c.column - minColumn)][i] = &c;

    Dataset dataset;
    for (int c = 0; c < ncols; ++c) {
        const auto &cells = grid[std::size_t(c)];
        bool numeric = true;
        bool dates = false; // every present number is a date
        bool other = false;
        for (const Cell *cell : cells) {
            numeric = numeric && (!cell || cell->number);
            if (cell && cell->number && !std::isnan(cell->value))
                (cell->date ? dates : other) = true;
        }
        if (numeric) {
            std::vector<double> values(dataRows, kNaN);
            std::vector<std::uint8_t> missing(dataRows, 1);
            for (std::size_t i = 0; i < dataRows; ++i)
                if (cells[i] && !std::isnan(cells[i]->value)) {
                    values[i] = cells[i]->value;
                    missing[i] = 0;
                }
            Column column = Column::numeric(names[c], std::move(values), std::move(missing));
            column.setDateTime(detectDates && dates && !other);
            dataset.addColumn(std::move(column));
        } else {
            std::vector<std::int32_t> codes(dataRows, -1);
            QStringList categories;
            QHash<QString, std::int32_t> index;
            for (std::size_t i = 0; i < dataRows; ++i) {
                if (!cells[i])
                    continue;
                const QString text = cells[i]->number ? shortest(cells[i]->value) : cells[i]->text;
                auto it = index.find(text);
                if (it == index.end()) {
                    it = index.insert(text, std::int32_t(categories.size()));
                    categories << text;
                }
                codes[i] = *it;
            }
            dataset.addColumn(
                Column::categorical(names[c], std::move(codes), std::move(categories)));
        }
    }
    if (detectDates)
        DateColumns::convert(dataset, dateOrder, path, result.warnings);
    dataset.setName(QFileInfo(path).completeBaseName());
    dataset.setSource(path);
    result.dataset = std::move(dataset);
    control.report(1.0);
    return result;
}

} // namespace sextant::engine
