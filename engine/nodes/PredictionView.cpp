#include "nodes/PredictionView.h"

#include <cmath>

namespace sextant::engine {

namespace {

struct Known
{
    std::vector<std::int32_t> truth;
    std::vector<std::int32_t> predicted;
    std::vector<double> scores; // n x K row-major
};

Known known(const Prediction &p, bool withScores)
{
    Known k;
    const Eigen::Index K = p.probabilities.cols();
    for (Eigen::Index r = 0; r < p.truth.size(); ++r) {
        if (std::isnan(p.truth(r)))
            continue;
        k.truth.push_back(static_cast<std::int32_t>(p.truth(r)));
        k.predicted.push_back(static_cast<std::int32_t>(p.predicted(r)));
        if (withScores)
            for (Eigen::Index c = 0; c < K; ++c)
                k.scores.push_back(p.probabilities(r, c));
    }
    return k;
}

} // namespace

std::vector<RocCurve> PredictionCurves::roc(const Prediction &p)
{
    const Known k = known(p, true);
    const int K = static_cast<int>(p.probabilities.cols());
    if (K == 2) { // binary: the positive class's curve only
        std::vector<double> s;
        for (std::size_t i = 1; i < k.scores.size(); i += 2)
            s.push_back(k.scores[i]);
        return { CurveMetrics::roc(k.truth, s, 1) };
    }
    return CurveMetrics::rocOneVsRest(k.truth, k.scores, K);
}

std::vector<PrecisionRecallCurve> PredictionCurves::precisionRecall(const Prediction &p)
{
    const Known k = known(p, true);
    const int K = static_cast<int>(p.probabilities.cols());
    if (K == 2) {
        std::vector<double> s;
        for (std::size_t i = 1; i < k.scores.size(); i += 2)
            s.push_back(k.scores[i]);
        return { CurveMetrics::precisionRecall(k.truth, s, 1) };
    }
    return CurveMetrics::precisionRecallOneVsRest(k.truth, k.scores, K);
}

ConfusionMatrix PredictionCurves::confusion(const Prediction &p)
{
    const Known k = known(p, false);
    return CurveMetrics::confusion(k.truth, k.predicted, static_cast<int>(p.classNames.size()));
}

void PredictionCurves::residuals(const Prediction &p, std::vector<double> *predicted,
                                 std::vector<double> *actual)
{
    predicted->clear();
    actual->clear();
    for (Eigen::Index r = 0; r < p.truth.size(); ++r) {
        if (std::isnan(p.truth(r)))
            continue;
        predicted->push_back(p.predicted(r));
        actual->push_back(p.truth(r));
    }
}

} // namespace sextant::engine
