#pragma once

#include "ml/Transformer.h"

#include <string>
#include <vector>

namespace sextant::engine {

// Centres and scales numeric columns (kind "standardize"), as scikit-learn's
// StandardScaler: x' = (x - mean) / scale, with the mean and the population standard
// deviation (n denominator) of the column at fit. A constant column (zero variance, up to
// rounding as sklearn decides it) gets scale 1, so it becomes 0.
//
// Missing cells are ignored, as StandardScaler does: the statistics come from the present
// values and a missing cell stays missing after transform. A column with no present value
// at fit throws FitError naming it.
class StandardizeTransform : public Transformer {
public:
    struct Options {
        // Empty: every numeric Feature column.
        std::vector<std::string> columns;
        bool withMean = true; // subtract the mean
        bool withStd = true; // divide by the standard deviation
    };

    StandardizeTransform() = default;
    explicit StandardizeTransform(Options options) : m_options(std::move(options)) { }
    const Options &options() const { return m_options; }

    std::string kind() const override { return "standardize"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    // After fit, one entry per fitted column: the learnt mean and variance, and the
    // values actually used (offset 0 without withMean, scale 1 without withStd).
    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    const std::vector<double> &means() const { return m_mean; }
    const std::vector<double> &variances() const { return m_var; }
    const std::vector<double> &offsets() const { return m_offset; }
    const std::vector<double> &scales() const { return m_scale; }

private:
    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    std::vector<double> m_mean, m_var, m_offset, m_scale;
};

} // namespace sextant::engine
