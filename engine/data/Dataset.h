#pragma once

#include "data/Column.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace sextant::engine {

class Transformer; // engine/ml/Transformer.h

// A table of named, typed columns of equal length: rows are samples, columns are
// features (or the target). Copying a Dataset copies only column headers; cell storage
// is shared and immutable, so a step that replaces two columns of twenty copies two.
class Dataset {
public:
    Dataset() = default;

    const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    // Where the data came from (a file path), for messages; may be empty.
    const QString &source() const { return m_source; }
    void setSource(const QString &source) { m_source = source; }

    std::int64_t rowCount() const { return m_rowCount; }
    int columnCount() const { return static_cast<int>(m_columns.size()); }
    bool isEmpty() const { return m_columns.isEmpty(); }

    const Column &column(int index) const { return m_columns.at(index); }
    const QList<Column> &columns() const { return m_columns; }
    // Index of the column with that name, or -1.
    int indexOf(const QString &name) const;
    QStringList columnNames() const;

    // Makes room for `columns` columns in all, so that appending that many copies neither
    // the column list nor the name index (for wide tables: 10^6 columns).
    void reserveColumns(int columns);
    // Appends a column. Returns false (and leaves the dataset unchanged) when its length
    // differs from the other columns' or its name is already taken.
    bool addColumn(Column column);
    // Replaces column `index`; the replacement must have the same length.
    bool replaceColumn(int index, Column column);
    void removeColumn(int index);
    void setRole(int index, ColumnRole role);

    // Indices of the columns with the given role / of numeric feature columns.
    QList<int> columnsWithRole(ColumnRole role) const;
    QList<int> numericColumns() const;

    // The fitted preprocessing steps (impute, scale, one-hot...) that produced this
    // table's columns from its source, oldest first. A model trained on this table keeps
    // them and applies the same steps to new rows at prediction time. Row operations
    // (filter, split, select columns) keep the list; a step appends itself.
    const std::vector<std::shared_ptr<const Transformer>> &preprocessing() const
    {
        return m_preprocessing;
    }
    void appendPreprocessing(std::shared_ptr<const Transformer> step)
    {
        m_preprocessing.push_back(std::move(step));
    }
    void setPreprocessing(std::vector<std::shared_ptr<const Transformer>> steps)
    {
        m_preprocessing = std::move(steps);
    }

private:
    std::vector<std::shared_ptr<const Transformer>> m_preprocessing;
    QString m_name;
    QString m_source;
    QList<Column> m_columns;
    // Column name -> index into m_columns, so lookups and addColumn's uniqueness check
    // stay O(1) for wide tables (a LIBSVM file can have 100,000 feature columns).
    QHash<QString, int> m_index;
    std::int64_t m_rowCount = 0;
};

} // namespace sextant::engine
