#pragma once

#include "ml/Transformer.h"

#include <string>
#include <vector>

namespace sextant::engine {

// Bins numeric columns (kind "discretize"), with the bin edges of scikit-learn's
// KBinsDiscretizer(encode='ordinal'):
//  - Uniform: `bins` equal-width bins between the column's min and max
//    (numpy.linspace(min, max, bins + 1)).
//  - Quantile: edges at the 0, 100/bins, ..., 100 percentiles (numpy.percentile, linear
//    interpolation); bins narrower than 1e-8 are merged away, so a column may end with
//    fewer bins.
//  A constant column gets a single bin.
// A value's bin is the number of inner edges <= value (numpy.searchsorted side='right'),
// so values below the fitted min go to the first bin and above the max to the last.
//
// Output (`output`): Interval replaces the column by a categorical column whose categories
// are the bins in order, labelled "(-inf, 3.2)", "[3.2, 5.05)", ..., "[6.9, inf)" (the outer
// bins are open-ended because that is where out-of-range values go); Index replaces it by
// a numeric column of bin indices 0..bins-1 (sklearn's output).
//
// Missing cells are ignored at fit and stay missing at transform (sklearn refuses NaN).
// A column with no present value at fit throws FitError naming it.
class DiscretizeTransform : public Transformer {
public:
    enum class Strategy { Uniform, Quantile };
    enum class Output { Interval, Index };

    struct Options {
        // Empty: every numeric Feature column.
        std::vector<std::string> columns;
        int bins = 5; // at least 2
        Strategy strategy = Strategy::Quantile;
        Output output = Output::Interval;
    };

    DiscretizeTransform() = default;
    explicit DiscretizeTransform(Options options) : m_options(std::move(options)) { }
    const Options &options() const { return m_options; }

    std::string kind() const override { return "discretize"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    // Per column: bins + 1 increasing edges (a constant column: {-inf, inf}).
    const std::vector<std::vector<double>> &edges() const { return m_edges; }
    // The category labels of column i's bins.
    std::vector<std::string> labels(std::size_t i) const;

private:
    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    std::vector<std::vector<double>> m_edges;
};

} // namespace sextant::engine
