#include "widgets/DatasetTableModel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>
#include <climits>

namespace sextant::widgets {

using engine::Column;

DatasetTableModel::DatasetTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void DatasetTableModel::setDataset(engine::Dataset dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_rows = static_cast<int>(std::min<std::int64_t>(m_dataset.rowCount(), INT_MAX));
    endResetModel();
}

void DatasetTableModel::clear()
{
    setDataset({});
}

QString DatasetTableModel::missingText()
{
    return tr("NA", "a missing cell in the data table");
}

int DatasetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int DatasetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_dataset.columnCount();
}

QVariant DatasetTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Column &column = m_dataset.column(index.column());
    const std::int64_t row = index.row();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return column.isMissing(row) ? missingText() : column.displayValue(row);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            int(Qt::AlignVCenter | (column.isNumeric() ? Qt::AlignRight : Qt::AlignLeft)));
    case Qt::ForegroundRole:
        if (column.isMissing(row))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (column.isMissing(row)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case MissingRole:
        return column.isMissing(row);
    case NumericValueRole:
        return column.numericValue(row);
    default:
        return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows)
            return {};
        if (role == Qt::DisplayRole)
            return QString::number(qint64(section) + 1);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(int(Qt::AlignVCenter | Qt::AlignRight));
        return {};
    }
    if (section < 0 || section >= m_dataset.columnCount())
        return {};
    const Column &column = m_dataset.column(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.name();
    case Qt::ToolTipRole: {
        QString tip = tr("%1\n%2, %3")
                          .arg(column.name(), engine::toString(column.type()),
                              engine::toString(column.role()));
        if (column.missingCount() > 0)
            tip += QLatin1Char('\n') + tr("%1 missing").arg(column.missingCount());
        return tip;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            int(Qt::AlignVCenter | (column.isNumeric() ? Qt::AlignRight : Qt::AlignLeft)));
    default:
        return {};
    }
}

Qt::ItemFlags DatasetTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace sextant::widgets
