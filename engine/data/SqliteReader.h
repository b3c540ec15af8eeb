#pragma once

#include "data/DateColumns.h"
#include "data/LoadResult.h"

#include <QString>
#include <QStringList>

namespace sextant::engine {

// Reads a table, or the result of a query, from a SQLite database file (.sqlite, .db,
// .sqlite3) into a Dataset, with libsqlite3, read-only.
//  - What is read: `query` when given (any statement that returns rows), else every row
//    of `table` (empty: the first table, by name), in rowid order as SELECT * gives them.
//  - Types, from the values' storage classes (which SQLite's affinity rules gave them when
//    they were stored): a column whose values are all INTEGER or REAL is numeric; one
//    with TEXT values is categorical (its numbers as their shortest text), and with
//    `detectDates` becomes a date column when its text is dates (DateColumns.h, as CSV
//    text); a column of NULLs
//    only is numeric when its declared type has INTEGER, REAL or NUMERIC affinity, else
//    categorical. NULL is missing. BLOB values are missing, with a warning per column.
//    pandas.read_sql gives the same values (tst_sqlitereader).
//  - The query runs where it is called (the File node's engine thread) and is
//    interrupted when the LoadControl's cancel flag is set.
// A file that is not a SQLite database, a table that does not exist, or SQL that SQLite
// refuses gets a message naming the file (and SQLite's reason).
class SqliteReader {
public:
    static LoadResult read(const QString &path, const QString &table = {},
        const QString &query = {}, const LoadControl &control = {}, bool detectDates = true,
        DateColumns::Order dateOrder = DateColumns::Order::Auto);
    // The tables of the database, by name; empty with `error` set when it cannot be read.
    static QStringList tableNames(const QString &path, QString *error = nullptr);
    // True when the file starts with SQLite's header ("SQLite format 3").
    static bool looksLikeDatabase(const QString &path);
};

} // namespace sextant::engine
