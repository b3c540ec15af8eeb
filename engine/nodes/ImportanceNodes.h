#pragma once

#include "graph/NodeType.h"

#include <QList>

namespace sextant::engine {

// Feature importance nodes (tables and view: nodes/ImportanceView.h).
//   eval.permutation_importance  inputs model (Model), data (Table: held-out rows with the
//                                target); parameters repeats, seed; output importances
//                                (Table: feature, importance_mean, importance_std,
//                                repeat 1..n); ml/PermutationImportance.h has the definition
//   view.importance              input importances (Table from a learner's importances
//                                output or from Permutation Importance); result
//                                ImportanceData (a bar per feature with its spread)
class ImportanceNodes {
public:
    static NodeType permutationType();
    static NodeType viewType();
    static QList<NodeType> all() { return { permutationType(), viewType() }; }
};

} // namespace sextant::engine
