#pragma once

#include "ml/Estimator.h"
#include "ml/ModelState.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>
#include <atomic>
#include <vector>

namespace sextant::engine {

class Dataset;

// Turns a table into the numeric matrix a model trains on, and the target column into
// its vector — the same way at training and at prediction time.
//
// Features are the columns with role Feature (never the target or Ignore columns), in
// table order. A numeric column becomes one matrix column; a categorical column becomes
// one 0/1 column per category seen at fit ("colour=red"); a category not seen at fit, or
// a missing category, encodes as all zeros. Numeric cells must not be missing: encode()
// refuses them with a message pointing at an Impute step (models get finite input).
//
// Layout: encode() returns n x outputWidth(), rows are the table's rows.
class FeatureEncoder {
public:
    struct Feature {
        QString name;
        bool categorical = false;
        QStringList categories; // categorical: the categories seen at fit, in code order
    };

    // Learns the feature columns of `data`, skipping `targetName` (may be empty). Throws
    // FitError when no feature column remains.
    void fit(const Dataset &data, const QString &targetName);
    bool isFitted() const { return m_fitted; }

    const std::vector<Feature> &features() const { return m_features; }
    int outputWidth() const { return m_width; }
    // One name per matrix column ("petal_length", "colour=red").
    QStringList outputNames() const;
    // Which matrix columns each feature became, in order (for FitContext::featureBlocks).
    std::vector<FeatureBlock> blocks() const;

    // Columns are found by name; throws FitError naming the column when one is absent,
    // has the other type (a numeric column that arrives as text is converted when every
    // value parses), or holds missing numeric cells (unless `missingAsNaN`: then they are
    // NaN, for a model that handles them, Estimator::handlesMissing). Polls `cancel`
    // between columns.
    Eigen::MatrixXd encode(const Dataset &data, const std::atomic<bool> *cancel = nullptr,
        bool missingAsNaN = false) const;

    ModelState state() const;
    void restore(const ModelState &state);

private:
    std::vector<Feature> m_features;
    int m_width = 0;
    bool m_fitted = false;
};

// The target side: which column, the task, and for classification the class names (in
// index order). Classification targets may be categorical or numeric (numbers become
// classes "0", "1", ... in ascending order); regression targets must be numeric.
class TargetEncoder {
public:
    // Learns the classes (only those that occur, in category order). Throws FitError
    // when the column is absent, has missing values, holds a single class, or is
    // categorical for regression.
    void fit(const Dataset &data, const QString &targetName, EstimatorTask task);

    const QString &name() const { return m_name; }
    EstimatorTask task() const { return m_task; }
    const QStringList &classNames() const { return m_classes; }

    // The target as class indices (classification) or values. Rows whose class was not
    // seen at fit, or whose value is missing, get NaN (see hasTarget()).
    Eigen::VectorXd encode(const Dataset &data) const;
    // True when `data` has the target column (evaluation is possible).
    bool hasTarget(const Dataset &data) const;

    ModelState state() const;
    void restore(const ModelState &state);

private:
    QString m_name;
    EstimatorTask m_task = EstimatorTask::Classification;
    QStringList m_classes;
};

} // namespace sextant::engine
