#include "ml/ColumnTransform.h"

#include "ml/FitContext.h"

#include <cmath>
#include <set>

namespace sextant::engine {

std::vector<std::string> ColumnTransform::selectColumns(const Dataset &data,
    const std::vector<std::string> &requested, const Applicable &applicable,
    const std::string &step, const std::string &what)
{
    std::vector<std::string> out;
    if (requested.empty()) {
        for (const Column &c : data.columns())
            if (c.role() == ColumnRole::Feature && applicable(c))
                out.push_back(ss(c.name()));
        return out;
    }
    std::set<std::string> seen;
    for (const std::string &name : requested) {
        if (!seen.insert(name).second)
            throw FitError(step + ": column '" + name + "' is listed twice");
        const int index = data.indexOf(qs(name));
        if (index < 0)
            throw FitError(step + ": the table has no column '" + name + "'");
        const Column &c = data.column(index);
        if (c.role() != ColumnRole::Feature)
            throw FitError(step + ": column '" + name + "' has the role " + ss(toString(c.role()))
                + "; only feature columns are transformed");
        if (!applicable(c))
            throw FitError(step + ": column '" + name + "' is " + ss(toString(c.type()))
                + ", expected " + what);
        out.push_back(name);
    }
    return out;
}

int ColumnTransform::requireColumn(
    const Dataset &data, const std::string &name, ColumnType type, const std::string &step)
{
    const int index = data.indexOf(qs(name));
    if (index < 0)
        throw FitError(step + ": the table has no column '" + name + "'");
    const Column &c = data.column(index);
    if (c.type() != type)
        throw FitError(step + ": column '" + name + "' is " + ss(toString(c.type())) + ", it was "
            + ss(toString(type)) + " when the step was fitted");
    return index;
}

void ColumnTransform::requireComplete(const Column &column, const std::string &step)
{
    if (column.missingCount() > 0)
        throw FitError("column '" + ss(column.name()) + "' has "
            + std::to_string(column.missingCount()) + " missing value"
            + (column.missingCount() == 1 ? "" : "s") + ": add an Impute step before " + step);
}

Column ColumnTransform::numericLike(const Column &like, std::vector<double> values)
{
    Column c = Column::numeric(like.name(), std::move(values));
    c.setRole(like.role());
    return c;
}

Column ColumnTransform::numericFeature(const QString &name, std::vector<double> values)
{
    Column c = Column::numeric(name, std::move(values));
    c.setRole(ColumnRole::Feature);
    return c;
}

Dataset ColumnTransform::rebuild(
    const Dataset &data, const QList<Column> &columns, const std::string &step)
{
    Dataset out;
    out.setName(data.name());
    out.setSource(data.source());
    for (const Column &c : columns)
        if (!out.addColumn(c))
            throw FitError(step + ": cannot add column '" + ss(c.name())
                + "': the table already has a column of that name");
    return out;
}

void ColumnTransform::requireFitted(bool fitted, const std::string &step)
{
    if (!fitted)
        throw FitError(step + ": the step is not fitted");
}

std::vector<std::string> ColumnTransform::restoreColumns(
    const ModelState &state, const std::string &field, bool allowEmpty)
{
    const std::vector<std::string> &cols = state.textList(field);
    if (cols.empty() && !allowEmpty)
        throw ModelStateError(state.kind + ": '" + field + "' is empty");
    std::set<std::string> seen;
    for (const std::string &c : cols) {
        if (c.empty())
            throw ModelStateError(state.kind + ": '" + field + "' holds an empty name");
        if (!seen.insert(c).second)
            throw ModelStateError(state.kind + ": '" + field + "' names '" + c + "' twice");
    }
    return cols;
}

Eigen::VectorXd ColumnTransform::restoreVector(
    const ModelState &state, const std::string &field, std::int64_t size, bool allowNaN)
{
    Eigen::VectorXd v = state.vector(field, size);
    for (Eigen::Index i = 0; i < v.size(); ++i)
        if (!std::isfinite(v(i)) && !(allowNaN && std::isnan(v(i))))
            throw ModelStateError(state.kind + ": '" + field + "' holds a non-finite value");
    return v;
}

int ColumnTransform::restoreChoice(
    const ModelState &state, const std::string &field, const std::vector<std::string> &choices)
{
    const std::string &v = state.text(field);
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == v)
            return static_cast<int>(i);
    throw ModelStateError(state.kind + ": '" + field + "' is '" + v + "', not a known value");
}

} // namespace sextant::engine
