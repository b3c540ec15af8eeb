#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace sextant::engine {

enum class ColumnType : std::uint8_t { Numeric, Categorical };
enum class ColumnRole : std::uint8_t { Feature, Target, Ignore };

QString toString(ColumnType type);
QString toString(ColumnRole role);

// One column of a Dataset. The cell data is immutable and shared: copying a Column,
// renaming it or changing its role never copies the cells.
//
// Layout:
//  - Numeric: `values()` is a contiguous array of doubles, one per row; missing cells
//    hold NaN (and are flagged in the mask).
//  - Categorical: `codes()` holds one int32 per row indexing `categories()`; a missing
//    cell holds -1.
//  - The missing mask (`isMissing`) is stored only when the column has missing cells.
//  - Dates and times: a numeric column flagged `isDateTime()` holds seconds since
//    1970-01-01T00:00:00 UTC (DateTime.h). The flag is part of the column's header, like
//    its name and role: copies and renames keep it, and row selections carry it over.
class Column {
public:
    Column();

    static Column numeric(
        QString name, std::vector<double> values, std::vector<std::uint8_t> missing = {});
    static Column categorical(
        QString name, std::vector<std::int32_t> codes, QStringList categories);
    // A numeric column of seconds since 1970-01-01T00:00:00 UTC, flagged as a date.
    static Column dateTime(
        QString name, std::vector<double> seconds, std::vector<std::uint8_t> missing = {});

    const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    ColumnRole role() const { return m_role; }
    void setRole(ColumnRole role) { m_role = role; }

    // A date or date-time column (numeric, seconds since the epoch, UTC).
    bool isDateTime() const { return m_dateTime; }
    // A date column whose present values are all midnights: shown without a time of day.
    bool isDateOnly() const { return m_dateTime && m_dateOnly; }
    // Flags a numeric column as a date (scans it once for isDateOnly) or clears the flag.
    // Ignored for a categorical column.
    void setDateTime(bool dateTime);
    // Takes the date flags of `source`, a column these cells were selected from.
    void copyDateTimeFlags(const Column &source)
    {
        m_dateTime = isNumeric() && source.m_dateTime;
        m_dateOnly = source.m_dateOnly;
    }

    ColumnType type() const { return m_data->type; }
    bool isNumeric() const { return m_data->type == ColumnType::Numeric; }
    bool isCategorical() const { return m_data->type == ColumnType::Categorical; }
    std::int64_t size() const;

    bool isMissing(std::int64_t row) const
    {
        return !m_data->missing.empty() && m_data->missing[static_cast<std::size_t>(row)] != 0;
    }
    std::int64_t missingCount() const { return m_data->missingCount; }

    // Numeric cells (NaN where missing). Empty for a categorical column.
    std::span<const double> values() const { return m_data->values; }
    // Categorical codes (-1 where missing). Empty for a numeric column.
    std::span<const std::int32_t> codes() const { return m_data->codes; }
    const QStringList &categories() const { return m_data->categories; }

    // A numeric value for any column: the value, or the category code, NaN where missing.
    double numericValue(std::int64_t row) const;
    // The cell as a user reads it ("" where missing).
    QString displayValue(std::int64_t row) const;

    // True for a numeric column holding only integers with few distinct values, which a
    // user is likely to want as categories (class labels, ratings).
    bool suggestsCategorical() const { return !m_dateTime && m_data->suggestsCategorical; }

    // A categorical copy of a numeric column (categories in ascending numeric order; a date
    // column's as ISO text, chronological), or
    // a numeric copy of a categorical column whose categories all parse as numbers.
    Column toCategorical() const;
    // Returns false (leaving `out` untouched) when a category is not a number.
    bool toNumeric(Column &out) const;

    // True when both columns share the same cell storage (no copy was made).
    bool sharesDataWith(const Column &other) const { return m_data == other.m_data; }

private:
    struct Storage {
        ColumnType type = ColumnType::Numeric;
        std::vector<double> values;
        std::vector<std::int32_t> codes;
        QStringList categories;
        std::vector<std::uint8_t> missing;
        std::int64_t missingCount = 0;
        bool suggestsCategorical = false;
    };

    std::shared_ptr<const Storage> m_data;
    QString m_name;
    ColumnRole m_role = ColumnRole::Feature;
    bool m_dateTime = false;
    bool m_dateOnly = false;
};

} // namespace sextant::engine
