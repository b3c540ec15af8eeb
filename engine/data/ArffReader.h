#pragma once

#include "data/LoadResult.h"

namespace sextant::engine {

// Reads Weka's ARFF format: @relation, @attribute with numeric/real/integer, nominal
// {a,b,c} and string types, @data in dense or sparse ({index value, ...}) form, '?' as
// missing, % comments, quoted names and values. Nominal attributes become categorical
// columns whose categories keep the declared order. The last attribute is given the
// target role (Weka's convention).
//  - Values are split as Weka splits them: commas and blanks both separate, so an empty
//    field between two commas is no value; quote values that contain blanks.
//  - string attributes become categorical (categories in order of first appearance).
//  - date attributes become numeric: seconds since 1970-01-01T00:00:00 UTC, read with
//    the attribute's SimpleDateFormat pattern (a format Sextant cannot parse keeps the
//    values as text categories, with a warning); the patterns read are in ArffDate.h.
//  - Sparse rows: 0-based ascending indices; absent entries are 0 (numeric, date) or the
//    first value (nominal, string), as in Weka. Instance weights {w} are ignored.
// Errors name the file, line and field. Running out of memory (a header line declaring
// millions of values, a table larger than the memory left) is refused the same way, with
// the line reached and an estimate of what was needed, never an abort. See ArffReader.cpp
// for the details.
class ArffReader {
public:
    static LoadResult read(const QString &path, const LoadControl &control = {});
    static LoadResult readBuffer(
        const QByteArray &data, const QString &sourceName, const LoadControl &control = {});
};

} // namespace sextant::engine
