#include "data/Dataset.h"

namespace sextant::engine {

int Dataset::indexOf(const QString &name) const
{
    return m_index.value(name, -1);
}

QStringList Dataset::columnNames() const
{
    QStringList names;
    names.reserve(m_columns.size());
    for (const Column &c : m_columns)
        names.push_back(c.name());
    return names;
}

void Dataset::reserveColumns(int columns)
{
    m_columns.reserve(columns);
    m_index.reserve(columns);
}

bool Dataset::addColumn(Column column)
{
    if (!m_columns.isEmpty() && column.size() != m_rowCount)
        return false;
    if (indexOf(column.name()) >= 0)
        return false;
    if (m_columns.isEmpty())
        m_rowCount = column.size();
    m_index.insert(column.name(), static_cast<int>(m_columns.size()));
    m_columns.push_back(std::move(column));
    return true;
}

bool Dataset::replaceColumn(int index, Column column)
{
    if (index < 0 || index >= m_columns.size() || column.size() != m_rowCount)
        return false;
    const int other = indexOf(column.name());
    if (other >= 0 && other != index)
        return false;
    m_index.remove(m_columns[index].name());
    m_index.insert(column.name(), index);
    m_columns[index] = std::move(column);
    return true;
}

void Dataset::removeColumn(int index)
{
    if (index < 0 || index >= m_columns.size())
        return;
    m_columns.removeAt(index);
    m_index.clear();
    for (int i = 0; i < m_columns.size(); ++i)
        m_index.insert(m_columns[i].name(), i);
    if (m_columns.isEmpty())
        m_rowCount = 0;
}

void Dataset::setRole(int index, ColumnRole role)
{
    if (index >= 0 && index < m_columns.size())
        m_columns[index].setRole(role);
}

QList<int> Dataset::columnsWithRole(ColumnRole role) const
{
    QList<int> out;
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].role() == role)
            out.push_back(i);
    return out;
}

QList<int> Dataset::numericColumns() const
{
    QList<int> out;
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].isNumeric())
            out.push_back(i);
    return out;
}

} // namespace sextant::engine
