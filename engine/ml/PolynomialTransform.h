#pragma once

#include "ml/Transformer.h"

#include <string>
#include <vector>

namespace sextant::engine {

// Polynomial features (kind "polynomial"), as scikit-learn's
// PolynomialFeatures(include_bias=False): for columns a, b, c and degree 2 it adds
// a^2, a*b, a*c, b^2, b*c, c^2 (with `interactionOnly`: a*b, a*c, b*c), in sklearn's
// order (by degree, then combinations with replacement of the columns in the order they
// were selected). Higher degrees continue the same way ("a^2*b", "a*b*c"). The original
// columns stay where they are; the new numeric Feature columns are inserted right after
// the last of them.
//
// Missing values are refused: fit and transform throw FitError naming the column
// ("column 'x' has 12 missing values: add an Impute step before Polynomial features").
// At most 100,000 generated columns.
class PolynomialTransform : public Transformer {
public:
    struct Options {
        // Empty: every numeric Feature column.
        std::vector<std::string> columns;
        int degree = 2; // 2..5
        bool interactionOnly = false;
    };

    PolynomialTransform() = default;
    explicit PolynomialTransform(Options options) : m_options(std::move(options)) { }
    const Options &options() const { return m_options; }

    std::string kind() const override { return "polynomial"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    // The generated terms: indices into fittedColumns() (non-decreasing), and their names.
    const std::vector<std::vector<int>> &terms() const { return m_terms; }
    std::vector<std::string> termNames() const;

private:
    void buildTerms();

    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    std::vector<std::vector<int>> m_terms;
};

} // namespace sextant::engine
