#pragma once

#include "data/Dataset.h"

#include <QAbstractTableModel>

namespace sextant::widgets {

// A read-only, virtual table model over a Dataset: model rows are the dataset's rows
// (samples), model columns its columns (features or target).
//
// The model holds the Dataset by value — a copy of column headers only, the cells stay
// shared and immutable — and reads a cell only when a view asks for it, so a million-row
// dataset costs the model nothing beyond the Dataset itself, and no call is proportional
// to the number of rows. Datasets with more than INT_MAX rows show their first INT_MAX.
//
// Missing cells read as missingText(), greyed and italic; numbers are right-aligned.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        // bool: the cell is missing.
        MissingRole = Qt::UserRole + 1,
        // double: the cell's numeric value (the category code for categorical cells), NaN
        // when missing.
        NumericValueRole,
    };

    explicit DatasetTableModel(QObject *parent = nullptr);

    void setDataset(engine::Dataset dataset);
    const engine::Dataset &dataset() const { return m_dataset; }
    void clear();

    // What a missing cell reads as.
    static QString missingText();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    engine::Dataset m_dataset;
    int m_rows = 0;
};

} // namespace sextant::widgets
