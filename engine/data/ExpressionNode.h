#pragma once

#include <QString>
#include <vector>

namespace sextant::engine {

// One node of a parsed expression (ExpressionParser): the untyped syntax tree. Binding it
// to a table (ExpressionProgram) resolves names and types.
//
//  - Number: `number`, written as `text` in the source ("2.50").
//  - Text: a quoted literal; `text` is its content; `doubleQuoted` when written "like
//    this" (which names a column when the table has one of that name, as in SQL).
//  - Name: a column name, bare (`text` = the word) or in `backticks` (`quoted`).
//  - List: `[a, b, c]` or `(a, b, c)` after `in` / in cut(): the items are children.
//  - Unary: `text` is "-", "not"; one child.
//  - Binary: `text` is the operator ("+", "-", "*", "/", "%", "^", "==", "!=", "<",
//    "<=", ">", ">=", "and", "or"); two children.
//  - In: child 0 in the list child 1; `negated` for "not in".
//  - Call: `text` is the function name, lower-cased; the arguments are children.
// `position` is the 0-based character offset of the node's first (or operator) character.
struct ExpressionNode {
    enum class Kind { Number, Text, Name, List, Unary, Binary, In, Call };

    Kind kind = Kind::Number;
    int position = 0;
    double number = 0;
    QString text;
    bool quoted = false;
    bool doubleQuoted = false;
    bool negated = false;
    std::vector<ExpressionNode> children;
};

} // namespace sextant::engine
