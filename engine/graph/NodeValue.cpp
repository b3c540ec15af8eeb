#include "graph/NodeValue.h"

namespace sextant::engine {

NodeValue::~NodeValue() = default;

} // namespace sextant::engine
