#pragma once

#include "data/ExpressionNode.h"

#include <QString>
#include <string>
#include <vector>

namespace sextant::engine {

// The column definitions of a Formula step, as one text:
//
//   ratio = income / household_size; age_group = cut(age, [0, 18, 65, 120], [young, adult, senior])
//   month = month(signup_date)
//   `flag`:categorical = if(score > 0.5, 1, 0)
//
// Definitions are separated by ';' or line breaks. Each is `name = expression`, where the
// name may be `back-quoted` (spaces) and may be followed by `:numeric` or `:categorical`
// to force the result type (otherwise it is the expression's: a number or text). A name
// that the table already has replaces that column (keeping its place and role); a new one
// is appended as a feature. Later definitions see the columns of earlier ones.
class FormulaList {
public:
    enum class Force { Auto, Numeric, Categorical };

    struct Formula {
        QString column;
        Force force = Force::Auto;
        QString source; // the expression's text, as written
        ExpressionNode expression; // positions count in the whole text
        int position = 0; // 0-based offset of the name in the whole text
    };

    // Throws ExpressionError (positions in `text`) for a definition it cannot read, a name
    // defined twice, or an empty text.
    static std::vector<Formula> parse(const QString &text);

    // The context of errors in the definition of `column` ("formula 'ratio'"), for
    // ExpressionError::withContext.
    static std::string context(const QString &column);
};

} // namespace sextant::engine
