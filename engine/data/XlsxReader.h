#pragma once

#include "data/DateColumns.h"
#include "data/LoadResult.h"

#include <QString>
#include <QStringList>

namespace sextant::engine {

// Reads one sheet of an Office Open XML workbook (.xlsx) into a Dataset. The zip is read
// with minizip, the XML parts with QXmlStreamReader: xl/workbook.xml (the sheets and the
// date system), its relationships, xl/sharedStrings.xml, xl/styles.xml (which cell styles
// show dates) and the sheet itself.
//  - Cells: shared strings (t="s", rich-text runs joined), inline strings (t="inlineStr"),
//    formula results (t="str" text, numbers as numbers: the cached value), numbers,
//    booleans (t="b": 1 and 0, numeric), errors (t="e", "#N/A": missing, with a warning)
//    and empty cells. A merged range has its value in its top-left cell only, as Excel
//    stores it; the other cells are empty (missing), as pandas reads them.
//  - Dates: a number whose style's format is a date or time (built-in formats 14-22 and
//    45-47, or a custom format with d, m, y, h or s outside quotes and brackets) is read
//    as seconds since 1970-01-01T00:00:00 (UTC, as ARFF dates), from the 1900 date system
//    (with Excel's fictitious 1900-02-29) or the 1904 one (workbookPr date1904).
//  - The table: the sheet's rows from the first non-empty one; columns from the leftmost
//    to the rightmost used cell; rows with no value at all are skipped. The first row is
//    the header when all its cells are present text (empty names become "Column N",
//    repeated ones "x_2"); otherwise the columns are "Column 1", "Column 2"...
//  - Types: a column is numeric when every present cell is a number (dates and booleans
//    included), categorical otherwise (numbers in it as their shortest text), categories
//    in order of first appearance.
// A damaged workbook (not a zip, a missing part, malformed XML, a cell reference that is
// not one) is refused naming the file, the sheet and the cell ("sheet 'Data', cell B7:
// ..."; LoadIssue's line and column are the cell's row and column when known).
class XlsxReader {
public:
    // `sheet`: the sheet's name; empty = the first sheet. With `detectDates`, a column
    // whose numbers are all in date styles is a date column (Column::isDateTime), and a
    // text column of dates is read as one as CSV text is (DateColumns.h, `dateOrder`).
    static LoadResult read(const QString &path, const QString &sheet = {},
        const LoadControl &control = {}, bool detectDates = true,
        DateColumns::Order dateOrder = DateColumns::Order::Auto);
    // The sheet names, in workbook order; empty with `error` set when the workbook cannot
    // be read.
    static QStringList sheetNames(const QString &path, QString *error = nullptr);
};

} // namespace sextant::engine
