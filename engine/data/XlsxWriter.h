#pragma once

#include "data/Dataset.h"

#include <QString>

namespace sextant::engine {

// Writes a Dataset as a minimal Office Open XML workbook (.xlsx) that Excel, LibreOffice,
// openpyxl and XlsxReader read: one sheet ("Data"), the column names in row 1, then one
// row per table row. The zip is written with minizip, then moved into place atomically
// (AtomicFile).
//  - Numeric cells are numbers (shortest text that reads back bit for bit); NaN and
//    infinite values are empty cells (Excel has neither).
//  - Categorical cells and the names are shared strings (xl/sharedStrings.xml, one entry
//    per category of each column).
//  - Date columns (Column::isDateTime) are date serials of the 1900 system in a date
//    style (yyyy-mm-dd, or yyyy-mm-dd hh:mm:ss when a value has a time of day), so they
//    read back as dates; a column with a date before 1900-03-01, which that system cannot
//    hold, is written as ISO text (which XlsxReader reads back as dates).
//  - Characters XML cannot hold (control characters) are written as Office's _xHHHH_
//    escapes, which XlsxReader and openpyxl decode.
class XlsxWriter {
public:
    static bool write(const Dataset &dataset, const QString &path, QString *error = nullptr);
};

} // namespace sextant::engine
