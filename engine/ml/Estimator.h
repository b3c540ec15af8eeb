#pragma once

#include "ml/FitContext.h"
#include "ml/ModelState.h"

#include <Eigen/Core>
#include <memory>
#include <string>

namespace sextant::engine {

enum class EstimatorTask { Classification, Regression, Clustering };

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

    // n predictions: class index (classification), value (regression) or cluster label
    // (clustering, -1 for noise). X must have featureCount() columns.
    virtual Eigen::VectorXd predict(const Eigen::Ref<const Eigen::MatrixXd> &X) const = 0;

    // Classification with probabilities: n x classCount(), rows sum to 1.
    virtual bool hasProbabilities() const { return false; }
    virtual Eigen::MatrixXd predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X) const;
    virtual int classCount() const { return 0; }

    // What was learnt (and the options it was fitted with), as plain data; restore()
    // validates every field and throws ModelStateError on anything inconsistent.
    virtual ModelState state() const = 0;
    virtual void restore(const ModelState &state) = 0;

    // A new, unfitted estimator with the same options (for cross-validation and tuning).
    virtual std::unique_ptr<Estimator> cloneUnfitted() const = 0;
};

} // namespace sextant::engine
