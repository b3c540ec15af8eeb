#include "nodes/PredictionView.h"

#include "nodes/Evaluation.h"

#include <cmath>

namespace sextant::engine {

namespace {

// The rows with a known true value: true and predicted class codes, and (with
// `withScores`) their probabilities n x K row-major.
struct Known {
    std::vector<std::int32_t> truth;
    std::vector<std::int32_t> predicted;
    std::vector<double> scores;
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

// Binary: the positive class's (column 1) scores only.
std::vector<double> positiveScores(const std::vector<double> &scores)
{
    std::vector<double> s;
    for (std::size_t i = 1; i < scores.size(); i += 2)
        s.push_back(scores[i]);
    return s;
}

} // namespace

PredictionView PredictionView::make(Kind kind, Prediction prediction)
{
    PredictionView v;
    v.kind = kind;
    v.prediction = std::move(prediction);
    const Prediction &p = v.prediction;
    v.metrics = Evaluation::metrics(p);
    if (p.task == EstimatorTask::Regression) {
        for (Eigen::Index r = 0; r < p.truth.size(); ++r) {
            if (std::isnan(p.truth(r)))
                continue;
            v.residualPredicted.push_back(p.predicted(r));
            v.residualActual.push_back(p.truth(r));
        }
        return v;
    }
    if (p.task != EstimatorTask::Classification)
        return v;
    const int K = static_cast<int>(p.classNames.size());
    const bool scores = p.probabilities.cols() == K && K >= 2;
    const Known k = known(p, scores);
    v.confusion = CurveMetrics::confusion(k.truth, k.predicted, K);
    if (!scores)
        return v;
    if (K == 2) {
        const std::vector<double> positive = positiveScores(k.scores);
        v.roc = { CurveMetrics::roc(k.truth, positive, 1) };
        if (kind == Kind::PrecisionRecall)
            v.precisionRecall = { CurveMetrics::precisionRecall(k.truth, positive, 1) };
    } else {
        v.roc = CurveMetrics::rocOneVsRest(k.truth, k.scores, K);
        if (kind == Kind::PrecisionRecall)
            v.precisionRecall = CurveMetrics::precisionRecallOneVsRest(k.truth, k.scores, K);
    }
    return v;
}

} // namespace sextant::engine
