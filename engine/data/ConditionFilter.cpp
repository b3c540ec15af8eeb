#include "data/ConditionFilter.h"

#include "data/ExpressionError.h"
#include "data/ExpressionParser.h"
#include "data/ExpressionProgram.h"
#include "data/RowSelection.h"

#include <cmath>

namespace sextant::engine {

namespace {

void requireTruth(ExpressionProgram::Type type)
{
    if (type != ExpressionProgram::Type::Number)
        throw ExpressionError(
            "it gives text, not true/false (compare it, e.g. species == setosa)", -1);
}

} // namespace

std::vector<std::int64_t> ConditionFilter::matchingRows(
    const Dataset &data, const QString &condition, const std::atomic<bool> *cancel)
{
    try {
        const ExpressionNode tree = ExpressionParser::parse(condition);
        requireTruth(ExpressionProgram::typeOf(tree, data));
        const ExpressionProgram::Value v = ExpressionProgram::evaluate(tree, data, cancel);
        std::vector<std::int64_t> rows;
        for (std::size_t r = 0; r < v.numbers.size(); ++r)
            if (!std::isnan(v.numbers[r]) && v.numbers[r] != 0)
                rows.push_back(static_cast<std::int64_t>(r));
        return rows;
    } catch (const ExpressionError &e) {
        // An earlier-style condition the expression language reads otherwise.
        try {
            return RowFilter::matchingRows(data, RowFilter::parse(condition));
        } catch (const RowFilterError &) {
        }
        throw RowFilterError(e.withContext("condition").what());
    }
}

std::string ConditionFilter::check(const QString &condition, const Dataset *upstream)
{
    if (condition.trimmed().isEmpty())
        return {};
    try {
        const ExpressionNode tree = ExpressionParser::parse(condition);
        ExpressionProgram::checkFunctions(tree);
        if (upstream)
            requireTruth(ExpressionProgram::typeOf(tree, ExpressionProgram::schema(*upstream)));
        return {};
    } catch (const ExpressionError &e) {
        try {
            const RowCondition legacy = RowFilter::parse(condition);
            if (!upstream)
                return {};
            const Dataset schema = ExpressionProgram::schema(*upstream);
            RowFilter::matchingRows(schema, legacy);
            return {};
        } catch (const RowFilterError &) {
        }
        return e.withContext("condition").what();
    }
}

} // namespace sextant::engine
