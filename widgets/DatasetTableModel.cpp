#include "widgets/DatasetTableModel.h"

#include "data/ImageFolderReader.h"
#include "widgets/ImageThumbnails.h"

#include <QColor>
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QPixmap>
#include <algorithm>
#include <climits>

namespace sextant::widgets {

using engine::Column;

DatasetTableModel::DatasetTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_thumbnails(new ImageThumbnails(thumbnailSize(), this))
{
    connect(
        m_thumbnails, &ImageThumbnails::thumbnailReady, this, &DatasetTableModel::onThumbnailReady);
}

void DatasetTableModel::setDataset(engine::Dataset dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_selected.clear();
    updateRowCount();
    findImageColumns();
    endResetModel();
}

void DatasetTableModel::findImageColumns()
{
    m_imageColumns.clear();
    m_waiting.clear();
    m_thumbnails->cancelPending();
    // A look at the first few categories (the paths of the first rows), never the rows.
    constexpr qsizetype kLooked = 3;
    for (int c = 0; c < m_dataset.columnCount(); ++c) {
        const Column &column = m_dataset.column(c);
        if (!column.isCategorical() || column.categories().isEmpty())
            continue;
        const QStringList &categories = column.categories();
        bool images = true;
        for (qsizetype i = 0; i < std::min(kLooked, categories.size()) && images; ++i)
            images = QDir::isAbsolutePath(categories[i])
                && engine::ImageFolderReader::isImageFile(categories[i]);
        if (images)
            m_imageColumns.append(c);
    }
}

void DatasetTableModel::onThumbnailReady(const QString &path)
{
    const auto it = m_waiting.constFind(path);
    if (it == m_waiting.constEnd())
        return;
    const QModelIndex cell = index(modelRow(it->first), it->second);
    m_waiting.erase(it);
    if (cell.isValid())
        Q_EMIT dataChanged(cell, cell, { Qt::DecorationRole });
}

void DatasetTableModel::updateRowCount()
{
    const std::int64_t n = m_dataset.rowCount();
    m_selectedInRange
        = std::lower_bound(m_selected.begin(), m_selected.end(), qint64(n)) - m_selected.begin();
    const std::int64_t rows = m_onlySelected ? std::int64_t(m_selectedInRange) : n;
    m_rows = static_cast<int>(std::min<std::int64_t>(rows, INT_MAX));
}

void DatasetTableModel::setSelectedRows(const QList<qint64> &rows)
{
    if (m_onlySelected)
        beginResetModel();
    m_selected = rows;
    // Rows before the first one cannot be in the table.
    m_selected.erase(
        m_selected.begin(), std::lower_bound(m_selected.begin(), m_selected.end(), qint64(0)));
    updateRowCount();
    if (m_onlySelected) {
        endResetModel();
    } else if (m_rows > 0 && columnCount() > 0) {
        // One signal: the views repaint what they show.
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1),
            { Qt::BackgroundRole, SelectedRole });
        Q_EMIT headerDataChanged(Qt::Vertical, 0, m_rows - 1);
    }
}

bool DatasetTableModel::isRowSelected(qint64 datasetRow) const
{
    return std::binary_search(
        m_selected.begin(), m_selected.begin() + m_selectedInRange, datasetRow);
}

void DatasetTableModel::setShowOnlySelected(bool on)
{
    if (on == m_onlySelected)
        return;
    beginResetModel();
    m_onlySelected = on;
    updateRowCount();
    endResetModel();
}

qint64 DatasetTableModel::datasetRow(int modelRow) const
{
    if (modelRow < 0 || modelRow >= m_rows)
        return -1;
    return m_onlySelected ? m_selected[modelRow] : qint64(modelRow);
}

int DatasetTableModel::modelRow(qint64 datasetRow) const
{
    if (!m_onlySelected)
        return datasetRow >= 0 && datasetRow < m_rows ? int(datasetRow) : -1;
    const auto end = m_selected.begin() + m_rows;
    const auto it = std::lower_bound(m_selected.begin(), end, datasetRow);
    return it != end && *it == datasetRow ? int(it - m_selected.begin()) : -1;
}

QColor DatasetTableModel::selectionColor()
{
    return QColor(0xff, 0x8f, 0x00, 80); // the selection colour of every view, light
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
    const std::int64_t row = datasetRow(index.row());
    switch (role) {
    case Qt::BackgroundRole:
        if (!m_onlySelected && isRowSelected(row))
            return selectionColor();
        return {};
    case SelectedRole:
        return m_onlySelected || isRowSelected(row);
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
    case Qt::DecorationRole: {
        if (column.isMissing(row) || !m_imageColumns.contains(index.column()))
            return {};
        const QString path = column.displayValue(row);
        if (!engine::ImageFolderReader::isImageFile(path))
            return {};
        const QPixmap thumbnail = m_thumbnails->thumbnail(path);
        if (thumbnail.isNull()) {
            m_waiting.insert(path, { row, index.column() });
            return {};
        }
        return thumbnail;
    }
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
            return QString::number(datasetRow(section) + 1);
        if (role == Qt::BackgroundRole && !m_onlySelected && isRowSelected(section))
            return selectionColor();
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
