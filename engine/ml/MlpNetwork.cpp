#include "ml/MlpNetwork.h"

#include "ml/MlpKernels.h"

#include <algorithm>
#include <cmath>

namespace sextant::engine::mlpnet {

void activate(float *h, std::size_t count, MlpOptions::Activation a)
{
    switch (a) {
    case MlpOptions::Activation::Relu:
        for (std::size_t i = 0; i < count; ++i)
            h[i] = h[i] > 0.0f ? h[i] : 0.0f;
        break;
    case MlpOptions::Activation::Tanh:
        for (std::size_t i = 0; i < count; ++i)
            h[i] = std::tanh(h[i]);
        break;
    case MlpOptions::Activation::Sigmoid:
        for (std::size_t i = 0; i < count; ++i)
            h[i] = 1.0f / (1.0f + std::exp(-h[i]));
        break;
    }
}

void multiplyDerivative(float *d, const float *h, std::size_t count, MlpOptions::Activation a)
{
    switch (a) {
    case MlpOptions::Activation::Relu:
        for (std::size_t i = 0; i < count; ++i)
            d[i] = h[i] > 0.0f ? d[i] : 0.0f;
        break;
    case MlpOptions::Activation::Tanh:
        for (std::size_t i = 0; i < count; ++i)
            d[i] *= 1.0f - h[i] * h[i];
        break;
    case MlpOptions::Activation::Sigmoid:
        for (std::size_t i = 0; i < count; ++i)
            d[i] *= h[i] * (1.0f - h[i]);
        break;
    }
}

void forwardRows(const Layout &layout, const float *params, MlpOptions::Activation act,
    bool classification, const float *x, int rows, std::vector<RowMatrixF> &outs,
    RowMatrixF *logits)
{
    const int L = layout.layers();
    outs.resize(static_cast<std::size_t>(L));
    const float *in = x;
    for (int l = 0; l < L; ++l) {
        const int nin = layout.units[l], nout = layout.units[l + 1];
        RowMatrixF &h = outs[static_cast<std::size_t>(l)];
        if (h.rows() != rows || h.cols() != nout)
            h.resize(rows, nout);
        mlpkernels::gemm(
            rows, nout, nin, in, nin, 1, params + layout.wOffset[l], nout, h.data(), nout);
        const float *b = params + layout.bOffset[l];
        for (int r = 0; r < rows; ++r) {
            float *hr = h.data() + static_cast<std::ptrdiff_t>(r) * nout;
            for (int j = 0; j < nout; ++j)
                hr[j] += b[j];
        }
        if (l + 1 < L) {
            activate(h.data(), static_cast<std::size_t>(h.size()), act);
        } else if (classification) {
            if (logits)
                *logits = h;
            for (int r = 0; r < rows; ++r) {
                float *hr = h.data() + static_cast<std::ptrdiff_t>(r) * nout;
                float mx = hr[0];
                for (int j = 1; j < nout; ++j)
                    mx = std::max(mx, hr[j]);
                float sum = 0.0f;
                for (int j = 0; j < nout; ++j) {
                    hr[j] = std::exp(hr[j] - mx);
                    sum += hr[j];
                }
                const float inv = 1.0f / sum;
                for (int j = 0; j < nout; ++j)
                    hr[j] *= inv;
                if (logits) {
                    float *zr = logits->data() + static_cast<std::ptrdiff_t>(r) * nout;
                    const float ls = std::log(sum);
                    for (int j = 0; j < nout; ++j)
                        zr[j] = zr[j] - mx - ls; // log-probabilities
                }
            }
        }
        in = h.data();
    }
}

} // namespace sextant::engine::mlpnet
