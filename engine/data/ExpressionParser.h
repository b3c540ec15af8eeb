#pragma once

#include "data/ExpressionNode.h"

#include <QString>

namespace sextant::engine {

// The one expression parser of Sextant, shared by Formula (new columns) and Filter Rows
// (conditions). Grammar, loosest binding first:
//
//   expr    := or
//   or      := and { ("or" | "||") and }
//   and     := not { ("and" | "&&") not }
//   not     := ("not" | "!") not | compare
//   compare := sum [ ("==" | "=" | "!=" | "<>" | "<" | "<=" | ">" | ">=") sum
//                  | ["not"] "in" list ]
//   sum     := product { ("+" | "-") product }
//   product := unary { ("*" | "/" | "%") unary }
//   unary   := ("-" | "+") unary | power
//   power   := primary [ ("^" | "**") unary ]          (right-associative)
//   primary := number | 'text' | "text" | name | `quoted name` | name "(" [expr {"," expr}] ")"
//            | "(" expr ")" | list
//   list    := "[" [expr {"," expr}] "]" | "(" expr {"," expr} ")" | a single primary
//
// Names are letters, digits, '_' and '.', not starting with a digit; `inf` and `nan` are
// numbers. Words and, or, not, in and function names are case-insensitive. A doubled quote
// inside quotes stands for one. Throws ExpressionError (with the character position) for
// text it cannot read.
class ExpressionParser {
public:
    // Parses the whole of `text`; `offset` is added to every position (and to errors), for
    // an expression that is part of a longer text.
    static ExpressionNode parse(const QString &text, int offset = 0);

    // Parses an expression starting at `pos` in `text` and stops before the first
    // character that cannot continue it (a ';' or the end); `pos` is left there.
    static ExpressionNode parsePrefix(const QString &text, int &pos);
};

} // namespace sextant::engine
