#pragma once

#include "data/FormulaList.h"
#include "ml/Transformer.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace sextant::engine {

// New or replaced columns computed from expressions over the row (kind "formula"), e.g.
// "ratio = income / size; age_group = cut(age, [0, 18, 65, 120], [young, adult, senior])".
// See FormulaList for the definitions and ExpressionProgram for the expressions.
//
// The formulas are parsed once (construction or restore). fit() evaluates them on the
// training table and learns each result's type (numeric, or categorical with its
// categories in order); transform() evaluates the same formulas on any table with the
// columns they read and gives each result the fitted type, its categories first in the
// fitted order (a category unseen in training is appended after them), so the codes a
// model learnt mean the same at prediction time. A formula defining the target column is
// skipped on a table without the columns it reads (new rows to predict have no target).
//
// Errors (FitError) name the formula, the character position and the reason.
class FormulaTransform : public Transformer {
public:
    struct Options {
        QString formulas; // FormulaList text
    };

    FormulaTransform() = default;
    // Throws FitError when the text cannot be parsed.
    explicit FormulaTransform(Options options);

    std::string kind() const override { return "formula"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    // What is wrong with `formulas` (empty when nothing is): a definition that does not
    // parse, or, given the input table `upstream` (may be null), a column it lacks or a
    // type that does not fit. Reads no rows.
    static std::string check(const QString &formulas, const Dataset *upstream);

    const std::vector<FormulaList::Formula> &formulas() const { return m_formulas; }
    // After fit: per formula, whether the result is categorical, and its categories.
    const std::vector<bool> &categorical() const { return m_categorical; }
    const std::vector<QStringList> &categories() const { return m_categories; }

private:
    struct Learnt {
        std::vector<bool> categorical;
        std::vector<QStringList> categories;
        std::vector<bool> target;
    };
    // Applies the formulas; with `learn`, learns types and categories into it instead of
    // using the fitted ones.
    Dataset apply(const Dataset &data, Learnt *learn, const std::atomic<bool> *cancel) const;

    Options m_options;
    std::vector<FormulaList::Formula> m_formulas;
    bool m_fitted = false;
    std::vector<bool> m_categorical;
    std::vector<QStringList> m_categories;
    std::vector<bool> m_target; // the formula defined the target column at fit
};

} // namespace sextant::engine
