#pragma once

#include "ml/Mlp.h"

#include <Eigen/Core>
#include <cstddef>
#include <vector>

namespace sextant::engine::mlpnet {

// The network arithmetic Mlp's training (MlpTrainer) and prediction (Mlp::forward) share.

using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Rows per block in prediction and validation passes.
constexpr int kPredictRows = 1024;

// Layer geometry: units[0] = features, units[l + 1] = outputs of layer l.
// Parameters live in one flat float array, per layer W^T (in x out, row-major) then b (out).
struct Layout {
    std::vector<int> units;
    std::vector<std::size_t> wOffset, bOffset;
    std::size_t total = 0;

    Layout() = default;
    explicit Layout(std::vector<int> u) : units(std::move(u))
    {
        const int layers = static_cast<int>(units.size()) - 1;
        for (int l = 0; l < layers; ++l) {
            wOffset.push_back(total);
            total += static_cast<std::size_t>(units[l]) * static_cast<std::size_t>(units[l + 1]);
            bOffset.push_back(total);
            total += static_cast<std::size_t>(units[l + 1]);
        }
    }
    int layers() const { return static_cast<int>(units.size()) - 1; }
    int maxUnits() const { return *std::max_element(units.begin(), units.end()); }
};

// h = f(h) elementwise for the hidden activation f.
void activate(float *h, std::size_t count, MlpOptions::Activation a);

// delta *= f'(z), written in terms of h = f(z).
void multiplyDerivative(float *d, const float *h, std::size_t count, MlpOptions::Activation a);

// Forward pass of `rows` rows (x: rows x units[0], row-major). outs[l] receives layer l's
// outputs (rows x units[l + 1]); the last holds softmax probabilities or values.
// zMinusMax (classification) receives, per row, the logits minus their maximum for the
// log-softmax; logSum the log of the sum of exponentials.
void forwardRows(const Layout &layout, const float *params, MlpOptions::Activation act,
    bool classification, const float *x, int rows, std::vector<RowMatrixF> &outs,
    RowMatrixF *logits = nullptr);

} // namespace sextant::engine::mlpnet
