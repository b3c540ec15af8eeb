#pragma once

#include "ml/Transformer.h"

#include <memory>
#include <string>
#include <vector>

namespace sextant::engine {

// An unfitted transformer (default options) for a kind() string, to restore a step from
// a model file: createTransformer(state.kind)->restore(state). Unknown kind: nullptr.
// Kinds: "impute", "standardize", "minmax_scale", "one_hot", "discretize", "polynomial",
// "pca", "formula".
std::unique_ptr<Transformer> createTransformer(const std::string &kind);

// Every kind createTransformer knows, in the order above.
std::vector<std::string> transformerKinds();

} // namespace sextant::engine
