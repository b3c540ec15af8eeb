#pragma once

#include "ml/ModelState.h"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace sextant::engine {

// How a classifier weighs the classes in its training loss (scikit-learn's class_weight).
enum class ClassWeight {
    None, // every row counts 1
    Balanced, // a row of class k counts n / (classes * count_k), scikit-learn's "balanced"
};

// Per class index 0..classCount-1, the weight of its rows. Balanced follows scikit-learn's
// compute_class_weight("balanced"): n / (present * count_k), where n is y's size and
// `present` the number of classes that occur in y; a class absent from y gets 1 (it has no
// row to weigh). None: all 1. y holds class indices 0..classCount-1 (checked by the caller).
std::vector<double> classWeightsFor(
    ClassWeight mode, const Eigen::Ref<const Eigen::VectorXd> &y, int classCount);

// Per row, the weight of its class (classWeightsFor, looked up by y).
Eigen::VectorXd rowClassWeights(
    ClassWeight mode, const Eigen::Ref<const Eigen::VectorXd> &y, int classCount);

// "none" / "balanced", as written in model states and node parameters.
const char *classWeightName(ClassWeight mode);
// The state field "class_weight" (absent in states written before it existed: None).
// Throws ModelStateError naming `who` for an unknown value.
void writeClassWeight(ModelState &state, ClassWeight mode);
ClassWeight readClassWeight(const ModelState &state, const std::string &who);

} // namespace sextant::engine
