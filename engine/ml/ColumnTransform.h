#pragma once

#include "data/Dataset.h"
#include "ml/ModelState.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sextant::engine {

// Shared helpers of the column-wise preprocessing steps (ImputeTransform,
// StandardizeTransform, MinMaxScaleTransform, OneHotTransform, DiscretizeTransform,
// PolynomialTransform, PcaTransform). Not a Transformer itself: a namespace-like class of
// static functions, so every step selects columns, reports errors and stores its column
// list the same way.
//
// Column selection: an empty `requested` list means every Feature column for which
// `applicable` is true (Target and Ignore columns are never chosen). A non-empty list
// names the columns: each must exist, be a Feature column and be applicable, otherwise
// FitError names it. Names are kept as std::string (UTF-8), the way ModelState stores them.
class ColumnTransform {
public:
    using Applicable = std::function<bool(const Column &)>;

    static QString qs(const std::string &s) { return QString::fromStdString(s); }
    static std::string ss(const QString &s) { return s.toStdString(); }

    // The columns a step works on, by name, in table order (explicit lists keep their
    // order). `step` ("Standardize") and `what` ("numeric") go into the messages.
    static std::vector<std::string> selectColumns(const Dataset &data,
        const std::vector<std::string> &requested, const Applicable &applicable,
        const std::string &step, const std::string &what);

    // The index of column `name` in `data`, which must have type `type`; throws FitError
    // ("Standardize: the table has no column 'x'") otherwise.
    static int requireColumn(
        const Dataset &data, const std::string &name, ColumnType type, const std::string &step);

    // Throws FitError when the column has missing cells:
    // "column 'x' has 12 missing values: add an Impute step before PCA".
    static void requireComplete(const Column &column, const std::string &step);

    // A numeric column named like `like`, with its role, holding `values`.
    static Column numericLike(const Column &like, std::vector<double> values);
    // A new Feature column.
    static Column numericFeature(const QString &name, std::vector<double> values);

    // A copy of `data` whose columns are `columns` (same length), keeping name and source.
    static Dataset rebuild(
        const Dataset &data, const QList<Column> &columns, const std::string &step);

    // Throws FitError unless the step is fitted.
    static void requireFitted(bool fitted, const std::string &step);

    // Reads the "columns" text list from a state: non-empty, no duplicate or empty names.
    static std::vector<std::string> restoreColumns(
        const ModelState &state, const std::string &field = "columns", bool allowEmpty = false);
    // A vector field of exactly `size` finite entries (NaN allowed when `allowNaN`).
    static Eigen::VectorXd restoreVector(const ModelState &state, const std::string &field,
        std::int64_t size, bool allowNaN = false);
    // The index of `value` in `choices`, or ModelStateError naming the field.
    static int restoreChoice(
        const ModelState &state, const std::string &field, const std::vector<std::string> &choices);
};

} // namespace sextant::engine
