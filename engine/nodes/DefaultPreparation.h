#pragma once

#include "graph/ParameterSpec.h"

#include <QStringList>
#include <QVariantMap>

namespace sextant::engine {

class Dataset;
class Estimator;
struct FitContext;
struct Learner;

// What a learner does with a raw table when no explicit step prepared it, so File →
// learner works on any table (parameter "prepare" of every learner node):
//   auto  missing numeric cells are filled with the training mean (an Impute step, for
//         learners that do not handle missing values themselves, when the training table
//         has them); for learners that compare distances, margins or gradients (k-NN, SVM,
//         MLP: Learner::scaleByDefault) the numeric features are standardized (a
//         Standardize step). Categorical columns are one-hot encoded by every learner in
//         any case (FeatureEncoder).
//   none  the table is used as it is.
// The steps are fitted on the training rows only (each cross-validation fold fits its
// own) and become part of the model, so predict, `sextant predict` and ONNX export apply
// exactly the same steps. A step the table already went through (an Impute node, a
// Standardize or Min-Max node upstream) is not repeated.
class DefaultPreparation {
public:
    static ParameterSpec parameter(const Learner &learner);
    // The steps "auto" adds for `data` (their Transformer kinds, in order), for the
    // property panel and tests.
    static QStringList stepsFor(const Learner &learner, const Estimator &estimator,
        const QVariantMap &parameters, const Dataset &data, const QString &target);
    // `data` with those steps fitted, applied and appended to its preprocessing; `data`
    // itself when there are none. Throws FitError.
    static Dataset apply(const Learner &learner, const Estimator &estimator,
        const QVariantMap &parameters, const Dataset &data, const QString &target,
        const FitContext &context);
};

} // namespace sextant::engine
