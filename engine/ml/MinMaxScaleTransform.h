#pragma once

#include "ml/Transformer.h"

#include <string>
#include <vector>

namespace sextant::engine {

// Scales numeric columns linearly so the fitted minimum maps to `rangeMin` and the
// maximum to `rangeMax` (kind "minmax_scale"), as scikit-learn's MinMaxScaler:
// x' = x * scale + offset with scale = (rangeMax - rangeMin) / (max - min) and
// offset = rangeMin - min * scale. A constant column (max - min below 10 * epsilon) gets
// scale rangeMax - rangeMin, so it maps to rangeMin (0 by default). Values outside the
// fitted range at transform map outside [rangeMin, rangeMax] (no clipping).
//
// Missing cells are ignored, as MinMaxScaler does: min and max come from the present
// values and a missing cell stays missing. A column with no present value at fit throws
// FitError naming it.
class MinMaxScaleTransform : public Transformer {
public:
    struct Options {
        // Empty: every numeric Feature column.
        std::vector<std::string> columns;
        double rangeMin = 0.0;
        double rangeMax = 1.0;
    };

    MinMaxScaleTransform() = default;
    explicit MinMaxScaleTransform(Options options) : m_options(std::move(options)) { }
    const Options &options() const { return m_options; }

    std::string kind() const override { return "minmax_scale"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    const std::vector<double> &dataMin() const { return m_min; }
    const std::vector<double> &dataMax() const { return m_max; }
    const std::vector<double> &scales() const { return m_scale; }
    const std::vector<double> &offsets() const { return m_offset; }

private:
    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    std::vector<double> m_min, m_max, m_scale, m_offset;
};

} // namespace sextant::engine
