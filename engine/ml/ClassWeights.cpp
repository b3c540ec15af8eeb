#include "ml/ClassWeights.h"

#include <algorithm>

namespace sextant::engine {

std::vector<double> classWeightsFor(
    ClassWeight mode, const Eigen::Ref<const Eigen::VectorXd> &y, int classCount)
{
    std::vector<double> w(static_cast<std::size_t>(std::max(0, classCount)), 1.0);
    if (mode == ClassWeight::None || y.size() == 0)
        return w;
    std::vector<double> count(w.size(), 0.0);
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        const auto k = static_cast<std::size_t>(y(i));
        if (k < count.size())
            count[k] += 1;
    }
    double present = 0;
    for (double c : count)
        present += c > 0 ? 1 : 0;
    const double n = static_cast<double>(y.size());
    for (std::size_t k = 0; k < w.size(); ++k)
        if (count[k] > 0)
            w[k] = n / (present * count[k]);
    return w;
}

Eigen::VectorXd rowClassWeights(
    ClassWeight mode, const Eigen::Ref<const Eigen::VectorXd> &y, int classCount)
{
    const std::vector<double> w = classWeightsFor(mode, y, classCount);
    Eigen::VectorXd out(y.size());
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        const auto k = static_cast<std::size_t>(y(i));
        out(i) = k < w.size() ? w[k] : 1.0;
    }
    return out;
}

const char *classWeightName(ClassWeight mode)
{
    return mode == ClassWeight::Balanced ? "balanced" : "none";
}

void writeClassWeight(ModelState &state, ClassWeight mode)
{
    state.setText("class_weight", classWeightName(mode));
}

ClassWeight readClassWeight(const ModelState &state, const std::string &who)
{
    if (!state.has("class_weight"))
        return ClassWeight::None;
    const std::string &v = state.text("class_weight");
    if (v == "none")
        return ClassWeight::None;
    if (v == "balanced")
        return ClassWeight::Balanced;
    throw ModelStateError(who + ": unknown class_weight '" + v + "'");
}

} // namespace sextant::engine
