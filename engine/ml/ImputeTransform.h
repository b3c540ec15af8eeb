#pragma once

#include "ml/Transformer.h"

#include <string>
#include <vector>

namespace sextant::engine {

// Fills missing cells with a value learnt at fit (kind "impute").
//
// Numeric columns follow scikit-learn's SimpleImputer: `strategy` Mean (mean of the
// present values), Median (the middle present value, the average of the two middle ones
// for an even count), MostFrequent (the most frequent present value, the smallest one
// among ties) or Constant (`fillValue`). Categorical columns use `categoricalStrategy`:
// MostFrequent (the category with most rows, ties to the alphabetically first name, as
// SimpleImputer does with strings) or Constant (`fillCategory`, added to the column's
// categories when new). The filled value is stored by value/name, so transform works on a
// table whose categories are numbered differently.
//
// A column with no present value at fit cannot be learnt from: fit throws FitError naming
// it (use the Constant strategy instead). Columns without missing cells at transform are
// passed through, shared.
class ImputeTransform : public Transformer {
public:
    enum class Strategy { Mean, Median, MostFrequent, Constant };
    enum class CategoricalStrategy { MostFrequent, Constant };

    struct Options {
        // Empty: every Feature column (numeric and categorical).
        std::vector<std::string> columns;
        Strategy strategy = Strategy::Mean;
        double fillValue = 0.0;
        CategoricalStrategy categoricalStrategy = CategoricalStrategy::MostFrequent;
        std::string fillCategory = "missing";
    };

    ImputeTransform() = default;
    explicit ImputeTransform(Options options) : m_options(std::move(options)) { }

    const Options &options() const { return m_options; }

    std::string kind() const override { return "impute"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    // After fit: the columns, and per column the numeric fill value (NaN for a
    // categorical column) and the fill category ("" for a numeric column).
    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    const std::vector<double> &fillValues() const { return m_values; }
    const std::vector<std::string> &fillCategories() const { return m_categories; }

private:
    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    std::vector<std::uint8_t> m_categorical; // per column: 1 when categorical
    std::vector<double> m_values;
    std::vector<std::string> m_categories;
};

} // namespace sextant::engine
