#pragma once

#include "data/Dataset.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPair>

namespace sextant::widgets {

class ImageThumbnails;

// A read-only, virtual table model over a Dataset: model rows are the dataset's rows
// (samples), model columns its columns (features or target).
//
// The model holds the Dataset by value — a copy of column headers only, the cells stay
// shared and immutable — and reads a cell only when a view asks for it, so a million-row
// dataset costs the model nothing beyond the Dataset itself, and no call is proportional
// to the number of rows. Datasets with more than INT_MAX rows show their first INT_MAX.
//
// Missing cells read as missingText(), greyed and italic; numbers are right-aligned.
//
// Image paths: a categorical column whose first values are absolute paths of image files
// (the Image Folder node's `path`) shows each cell's thumbnail as its decoration, at most
// thumbnailSize() pixels a side. Thumbnails are made on a worker thread (ImageThumbnails)
// when a view first asks for the cell, and the cell is updated when it has come.
//
// Linked selection: the rows selected in the studio's views (setSelectedRows, dataset rows
// ascending) are drawn with the selection colour behind them; with showOnlySelected the
// model's rows are the selected rows only, in order, and the row header keeps the
// dataset's row numbers. Looking a row up is a binary search in the selection, never a
// pass over the rows.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        // bool: the cell is missing.
        MissingRole = Qt::UserRole + 1,
        // double: the cell's numeric value (the category code for categorical cells), NaN
        // when missing.
        NumericValueRole,
        // bool: the row is in the linked selection.
        SelectedRole,
    };

    explicit DatasetTableModel(QObject *parent = nullptr);

    void setDataset(engine::Dataset dataset);
    const engine::Dataset &dataset() const { return m_dataset; }
    void clear();

    // The rows of the linked selection (0-based dataset rows, ascending; rows beyond the
    // dataset are ignored). A new dataset clears them.
    void setSelectedRows(const QList<qint64> &rows);
    const QList<qint64> &selectedRows() const { return m_selected; }
    bool isRowSelected(qint64 datasetRow) const;
    // Only the selected rows as the model's rows (off: every row).
    void setShowOnlySelected(bool on);
    bool showsOnlySelected() const { return m_onlySelected; }
    // The dataset row of a model row, and back (-1 when the dataset row is not shown).
    qint64 datasetRow(int modelRow) const;
    int modelRow(qint64 datasetRow) const;
    // The background of selected rows.
    static QColor selectionColor();

    // What a missing cell reads as.
    static QString missingText();
    // The side of the path cells' thumbnails, in pixels.
    static constexpr int thumbnailSize() { return 32; }
    // Whether a column shows thumbnails (see the class comment).
    bool hasThumbnails(int column) const { return m_imageColumns.contains(column); }
    bool hasThumbnails() const { return !m_imageColumns.isEmpty(); }
    // The thumbnails' maker (tests wait for it).
    ImageThumbnails *thumbnails() const { return m_thumbnails; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void updateRowCount();
    void findImageColumns();
    void onThumbnailReady(const QString &path);

    engine::Dataset m_dataset;
    int m_rows = 0; // model rows: the dataset's rows, or the selected ones
    QList<qint64> m_selected;
    qsizetype m_selectedInRange = 0; // selected rows below the dataset's row count
    bool m_onlySelected = false;
    QList<int> m_imageColumns; // columns whose cells show thumbnails
    ImageThumbnails *m_thumbnails;
    // The cell (dataset row, column) that asked for each thumbnail still being made.
    mutable QHash<QString, QPair<qint64, int>> m_waiting;
};

} // namespace sextant::widgets
