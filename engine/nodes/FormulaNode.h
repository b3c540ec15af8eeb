#pragma once

#include "graph/NodeType.h"

namespace sextant::engine {

// "prep.formula" (Formula): new or replaced columns from expressions over the row
// (FormulaTransform), a fitted step like the other preprocessing nodes: a model trained
// downstream applies the same formulas to new rows.
//   input   data (Table)
//   params  formulas ("ratio = a / b; group = cut(age, [0, 18, 65, 120], [young, adult,
//           senior])"; see FormulaList)
//   output  data (Table)
class FormulaNode {
public:
    static QString typeId() { return QStringLiteral("prep.formula"); }
    static NodeType type();
};

} // namespace sextant::engine
