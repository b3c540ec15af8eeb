#pragma once

#include "ml/FitContext.h"
#include "ml/ModelState.h"

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

namespace sextant::engine {

enum class EstimatorTask { Classification, Regression, Clustering };

// How much a fitted model relies on each of its input (matrix) columns, as the family
// itself measures it. `values` is d x columns().size(), one row per matrix column in order;
// `measure` names what the numbers are. When `perClass` is true there is one column per
// class index (columns() are then "0", "1", ...; the caller names them by class).
struct FeatureImportances {
    std::string measure; // e.g. "impurity decrease", "standardized coefficient"
    std::vector<std::string> columns;
    Eigen::MatrixXd values;
    bool perClass = false;
    bool empty() const { return values.size() == 0; }
};

// A learning algorithm on a numeric matrix: the common interface of every model family
// in engine/ml, so nodes, cross-validation, tuning and model files treat them alike.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite (impute
// missing cells first). y has n entries: for classification the class index
// 0..classCount-1 stored as a double, for regression the value; clustering ignores y
// (pass an empty vector).
//
// Determinism: every random choice comes from a seed in the options; the same data,
// options and seed give the same model bit for bit on the same build, whatever the
// number of threads.
class Estimator {
public:
    virtual ~Estimator() = default;

    // Stable identifier written in model files, e.g. "logistic_regression".
    virtual std::string kind() const = 0;
    virtual EstimatorTask task() const = 0;

    // Fits the model. Throws FitError for unusable input. Returns false when cancelled
    // through `context.cancel` before a usable model existed; a callback asking to stop
    // keeps the model reached so far and returns true.
    virtual bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
        = 0;
    virtual bool isFitted() const = 0;
    virtual int featureCount() const = 0;
    // True for a family that models missing values itself (NaN cells in X, left out as
    // Weka's naive Bayes does): the feature encoder then passes missing numeric cells as
    // NaN instead of asking for an Impute step.
    virtual bool handlesMissing() const { return false; }

    // n predictions: class index (classification), value (regression) or cluster label
    // (clustering, -1 for noise). Throws FitError unless the estimator is fitted and X has
    // featureCount() columns (checked here, once for every family: see checkPredictable),
    // then asks predictFitted().
    Eigen::VectorXd predict(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    // Classification with probabilities: n x classCount(), rows sum to 1. Throws FitError
    // when hasProbabilities() is false, then checks like predict().
    virtual bool hasProbabilities() const { return false; }
    Eigen::MatrixXd predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X) const;
    virtual int classCount() const { return 0; }

    // The family's own feature importances of the fitted model (see FeatureImportances);
    // empty for families without one, unfitted models, and models restored from files
    // written before the family recorded what they need.
    virtual FeatureImportances featureImportances() const { return {}; }

    // What was learnt (and the options it was fitted with), as plain data; restore()
    // validates every field and throws ModelStateError on anything inconsistent.
    virtual ModelState state() const = 0;
    virtual void restore(const ModelState &state) = 0;

    // A new, unfitted estimator with the same options (for cross-validation and tuning).
    virtual std::unique_ptr<Estimator> cloneUnfitted() const = 0;

protected:
    // Throws FitError "<kind>: the model is not fitted" or "<kind>: the model was fitted on
    // D features, the data has M": the one check before any prediction, also for the
    // families' own prediction entry points (e.g. decision functions).
    void checkPredictable(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    // What predict() and predictProbabilities() compute, called only after
    // checkPredictable() passed (and, for probabilities, hasProbabilities() is true).
    virtual Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const = 0;
    virtual Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const;
};

} // namespace sextant::engine
