#pragma once

#include "ml/Transformer.h"

#include <string>
#include <vector>

namespace sextant::engine {

// One-hot encodes categorical columns (kind "one_hot"), as scikit-learn's OneHotEncoder
// with handle_unknown='ignore': each categorical column becomes one numeric 0/1 Feature
// column per category seen at fit, named "column=category", placed where the column was
// (categories in the column's dictionary order; categories of the dictionary that no row
// uses are not "seen" and get no column). At transform, a category not seen at fit and a
// missing cell give all zeros. With `dropFirst` the first seen category gets no column
// (sklearn's drop='first'); a column with a single seen category is then dropped.
//
// Categories are matched by name, so the transformed table may number them differently.
class OneHotTransform : public Transformer {
public:
    struct Options {
        // Empty: every categorical Feature column.
        std::vector<std::string> columns;
        bool dropFirst = false;
    };

    OneHotTransform() = default;
    explicit OneHotTransform(Options options) : m_options(std::move(options)) { }
    const Options &options() const { return m_options; }

    std::string kind() const override { return "one_hot"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    // Per fitted column, the categories seen at fit (before dropFirst).
    const std::vector<std::vector<std::string>> &categories() const { return m_categories; }

private:
    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    std::vector<std::vector<std::string>> m_categories;
};

} // namespace sextant::engine
