#pragma once

#include "ml/FitContext.h"
#include "ml/ModelState.h"

#include <memory>
#include <string>

namespace sextant::engine {

class Dataset;

// A fitted preprocessing step on a table (impute, scale, one-hot, discretize, polynomial
// features, PCA). fit() learns from a table (means, categories, components); transform()
// applies exactly what was learnt to any table that has the columns it was fitted on —
// the training table, a test split, or new rows at prediction time — so the same
// transform is applied in both places.
//
// Columns are found by name. transform() throws FitError naming the column when one is
// missing or has another type; it never crashes on unseen categories (each step
// documents what it does with them). Columns the step does not touch are shared, not
// copied. The target column (role Target) is never transformed.
class Transformer {
public:
    virtual ~Transformer() = default;

    virtual std::string kind() const = 0; // stable, written in model files: "standardize"
    virtual void fit(const Dataset &data, const FitContext &context) = 0;
    virtual bool isFitted() const = 0;
    virtual Dataset transform(const Dataset &data) const = 0;

    virtual ModelState state() const = 0;
    virtual void restore(const ModelState &state) = 0;
    virtual std::unique_ptr<Transformer> cloneUnfitted() const = 0;
};

} // namespace sextant::engine
