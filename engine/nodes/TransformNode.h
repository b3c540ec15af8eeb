#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "ml/Transformer.h"

#include <QList>
#include <QVariantMap>
#include <functional>
#include <memory>

namespace sextant::engine {

// Describes one preprocessing step as a node.
struct TransformSpec {
    QString id; // "prep.standardize"
    QString displayName;
    QString description;
    QList<ParameterSpec> parameters;
    std::function<std::unique_ptr<Transformer>(const QVariantMap &parameters)> create;
};

// Preprocessing nodes ("prep.*"): fit the step on the input table and output the
// transformed table, which remembers the fitted step (Dataset::preprocessing) so a model
// trained downstream applies it to new rows.
//   input   data (Table)
//   output  data (Table)
class TransformNode {
public:
    static NodeType type(const TransformSpec &spec);
    // Every preprocessing node type.
    static QList<TransformSpec> catalog();
};

} // namespace sextant::engine
