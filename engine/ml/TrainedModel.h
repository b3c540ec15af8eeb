#pragma once

#include "data/Dataset.h"
#include "ml/DriftProfile.h"
#include "ml/Estimator.h"
#include "ml/FeatureEncoder.h"
#include "ml/Transformer.h"

#include <Eigen/Core>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>
#include <atomic>
#include <memory>
#include <vector>

namespace sextant::engine {

// What a model produced for a table's rows.
//
// Layout: `predicted` has one entry per row — the class index into classNames
// (classification), the value (regression) or the cluster label (clustering, -1 noise).
// `probabilities` is rows x classes when the model gives them, else empty. `truth` is
// the target column encoded the same way (NaN where unknown or when the table has no
// target column). `table` is the input table with the prediction columns appended
// ("<target> (predicted)" and one "P(<class>)" per class), for viewing and export.
struct Prediction {
    EstimatorTask task = EstimatorTask::Classification;
    QString modelName;
    QString targetName;
    QStringList classNames;
    Eigen::VectorXd predicted;
    Eigen::MatrixXd probabilities;
    Eigen::VectorXd truth;
    Dataset table;

    bool hasTruth() const;
    // Sets `table` to `raw` with the prediction columns appended (see above); for
    // clustering also sets classNames to the cluster names.
    void setTable(const Dataset &raw);
};

// A fitted pipeline: the preprocessing steps that produced the training table, the
// feature and target encoders, and the fitted estimator, with what is known about how it
// was made.
//
// Immutable once shared: TrainedModel::train (or ModelFile's reader) fills every field,
// and the model is then handed around as TrainedModelPtr (shared_ptr<const>) between
// nodes, views and model files. The one field its producer may still set before sharing
// it is `metrics` (the Tune node records the search score of the model it refitted).
// The learner family is the estimator's: LearnerRegistry::of(*estimator).
class TrainedModel {
public:
    // How the learner was configured: its node parameters (so cross-validation and tuning
    // can fit fresh copies with other values) and the name shown for the model.
    struct Origin {
        QVariantMap learnerParameters;
        QString displayName;
    };
    QVariantMap learnerParameters;
    QString displayName;

    std::vector<std::shared_ptr<const Transformer>> preprocessing;
    FeatureEncoder features;
    TargetEncoder target;
    std::shared_ptr<const Estimator> estimator;

    // The training table's fingerprint, and metadata.
    std::int64_t trainingRows = 0;
    int trainingColumns = 0;
    QString trainingHash; // hex, see fingerprint()
    QJsonObject metrics; // cross-validation / test metrics when known
    QDateTime created;
    double fitSeconds = 0;
    // Per feature, what the training table looked like (for drift monitoring); empty for
    // a model read from a file of format version 1.
    DriftProfile trainingDistribution;

    // Fits `estimator` on `data` (already preprocessed: its preprocessing() list is kept
    // and replayed on new tables). `targetName` may be empty for clustering; `origin`
    // fills learnerParameters and displayName. Throws FitError; returns null when
    // cancelled.
    static std::shared_ptr<TrainedModel> train(const Dataset &data,
        std::unique_ptr<Estimator> estimator, const QString &targetName, const FitContext &context,
        const Origin &origin = {});

    // Replays the preprocessing steps on a raw table (the table the pipeline's first
    // step was fitted on, or new rows with the same columns). Steps the table already
    // went through (its preprocessing() list starts with the same step objects) are not
    // applied twice. Throws FitError.
    Dataset preprocess(const Dataset &raw) const;
    // The preprocessing steps `data` has not been through yet (all of them for a raw
    // table; none for the table the estimator was trained on).
    std::vector<std::shared_ptr<const Transformer>> pendingSteps(const Dataset &data) const;
    // preprocess + feature encoding: the matrix the estimator sees.
    Eigen::MatrixXd encode(const Dataset &raw, const std::atomic<bool> *cancel = nullptr) const;
    // Predictions for a raw table. Throws FitError for unusable tables.
    Prediction predict(const Dataset &raw, const std::atomic<bool> *cancel = nullptr) const;

    // A 64-bit content hash of a table (column names, types, cells), hex: identifies
    // the training data without storing it.
    static QString fingerprint(const Dataset &data);
};

using TrainedModelPtr = std::shared_ptr<const TrainedModel>;

} // namespace sextant::engine
