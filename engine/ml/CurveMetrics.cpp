#include "ml/CurveMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sextant::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// scikit-learn's _binary_clf_curve: for each distinct score, in decreasing order, the
// number of false and true positives among the samples scoring at least that much.
struct ClfCurve {
    std::vector<double> fps, tps, thresholds;
    std::int64_t positives = 0, negatives = 0;
};

ClfCurve binaryClfCurve(std::span<const std::int32_t> labels, std::span<const double> scores,
    std::int32_t positive, std::size_t stride = 1, std::size_t column = 0)
{
    ClfCurve out;
    const std::size_t n = labels.size();
    if (scores.size() < n * stride)
        return out;
    std::vector<std::size_t> order;
    order.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isnan(scores[i * stride + column]))
            order.push_back(i);
    }
    const auto score = [&](std::size_t i) { return scores[i * stride + column]; };
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return score(a) > score(b); });

    std::int64_t tp = 0;
    for (std::size_t j = 0; j < order.size(); ++j) {
        if (labels[order[j]] == positive)
            ++tp;
        const bool last = j + 1 == order.size();
        if (last || score(order[j]) != score(order[j + 1])) {
            out.tps.push_back(static_cast<double>(tp));
            out.fps.push_back(static_cast<double>(static_cast<std::int64_t>(j + 1) - tp));
            out.thresholds.push_back(score(order[j]));
        }
    }
    out.positives = tp;
    out.negatives = static_cast<std::int64_t>(order.size()) - tp;
    return out;
}

RocCurve rocFrom(ClfCurve c, bool dropIntermediate)
{
    RocCurve r;
    r.positives = c.positives;
    r.negatives = c.negatives;
    if (c.thresholds.empty()) {
        r.auc = kNaN;
        return r;
    }
    std::vector<double> fps, tps, th;
    const std::size_t m = c.thresholds.size();
    if (dropIntermediate && m > 2) {
        // Keep the ends and every point where the slope of fps or tps changes.
        for (std::size_t i = 0; i < m; ++i) {
            const bool keep = i == 0 || i + 1 == m
                || (c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1]) != 0
                || (c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1]) != 0;
            if (keep) {
                fps.push_back(c.fps[i]);
                tps.push_back(c.tps[i]);
                th.push_back(c.thresholds[i]);
            }
        }
    } else {
        fps = std::move(c.fps);
        tps = std::move(c.tps);
        th = std::move(c.thresholds);
    }
    fps.insert(fps.begin(), 0.0);
    tps.insert(tps.begin(), 0.0);
    th.insert(th.begin(), std::numeric_limits<double>::infinity());

    const double fMax = fps.back();
    const double tMax = tps.back();
    r.fpr.resize(fps.size());
    r.tpr.resize(tps.size());
    for (std::size_t i = 0; i < fps.size(); ++i) {
        r.fpr[i] = fMax > 0 ? fps[i] / fMax : kNaN;
        r.tpr[i] = tMax > 0 ? tps[i] / tMax : kNaN;
    }
    r.thresholds = std::move(th);
    r.auc = (r.positives > 0 && r.negatives > 0) ? CurveMetrics::trapezoid(r.fpr, r.tpr) : kNaN;
    return r;
}

PrecisionRecallCurve prFrom(const ClfCurve &c)
{
    PrecisionRecallCurve p;
    p.positives = c.positives;
    p.negatives = c.negatives;
    const std::size_t m = c.thresholds.size();
    if (m == 0) {
        p.averagePrecision = kNaN;
        return p;
    }
    const double tMax = c.tps.back();
    p.precision.reserve(m + 1);
    p.recall.reserve(m + 1);
    p.thresholds.reserve(m);
    // Reverse so that recall decreases, then close with (recall 0, precision 1).
    for (std::size_t r = m; r-- > 0;) {
        const double ps = c.tps[r] + c.fps[r];
        p.precision.push_back(ps != 0 ? c.tps[r] / ps : 0.0);
        p.recall.push_back(tMax > 0 ? c.tps[r] / tMax : 1.0);
        p.thresholds.push_back(c.thresholds[r]);
    }
    p.precision.push_back(1.0);
    p.recall.push_back(0.0);
    if (c.positives == 0) {
        p.averagePrecision = kNaN;
    } else {
        double ap = 0;
        for (std::size_t i = 0; i < m; ++i)
            ap += (p.recall[i] - p.recall[i + 1]) * p.precision[i];
        p.averagePrecision = ap;
    }
    return p;
}

} // namespace

std::int64_t ConfusionMatrix::rowTotal(int trueClass) const
{
    std::int64_t sum = 0;
    for (int j = 0; j < classCount; ++j)
        sum += at(trueClass, j);
    return sum;
}

std::int64_t ConfusionMatrix::total() const
{
    return std::accumulate(counts.begin(), counts.end(), std::int64_t(0));
}

std::vector<double> ConfusionMatrix::rowNormalized() const
{
    std::vector<double> out(counts.size(), 0.0);
    for (int i = 0; i < classCount; ++i) {
        const std::int64_t sum = rowTotal(i);
        if (sum == 0)
            continue;
        for (int j = 0; j < classCount; ++j)
            out[static_cast<std::size_t>(i) * classCount + j]
                = static_cast<double>(at(i, j)) / static_cast<double>(sum);
    }
    return out;
}

double ConfusionMatrix::accuracy() const
{
    const std::int64_t all = total();
    if (all == 0)
        return kNaN;
    std::int64_t diag = 0;
    for (int i = 0; i < classCount; ++i)
        diag += at(i, i);
    return static_cast<double>(diag) / static_cast<double>(all);
}

double CurveMetrics::trapezoid(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    if (n < 2)
        return 0.0;
    double area = 0;
    bool decreasing = true;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double dx = x[i + 1] - x[i];
        if (dx > 0)
            decreasing = false;
        area += dx * (y[i] + y[i + 1]) * 0.5;
    }
    // Like sklearn.metrics.auc: a decreasing x gives a positive area too.
    return decreasing ? -area : area;
}

RocCurve CurveMetrics::roc(std::span<const std::int32_t> labels, std::span<const double> scores,
    std::int32_t positive, bool dropIntermediate)
{
    if (labels.size() != scores.size()) {
        RocCurve r;
        r.auc = kNaN;
        return r;
    }
    return rocFrom(binaryClfCurve(labels, scores, positive), dropIntermediate);
}

PrecisionRecallCurve CurveMetrics::precisionRecall(
    std::span<const std::int32_t> labels, std::span<const double> scores, std::int32_t positive)
{
    if (labels.size() != scores.size()) {
        PrecisionRecallCurve p;
        p.averagePrecision = kNaN;
        return p;
    }
    return prFrom(binaryClfCurve(labels, scores, positive));
}

std::vector<RocCurve> CurveMetrics::rocOneVsRest(
    std::span<const std::int32_t> labels, std::span<const double> scores, int classCount)
{
    std::vector<RocCurve> out;
    if (classCount < 1 || scores.size() != labels.size() * static_cast<std::size_t>(classCount))
        return out;
    for (int k = 0; k < classCount; ++k)
        out.push_back(rocFrom(binaryClfCurve(labels, scores, k, classCount, k), true));
    return out;
}

std::vector<PrecisionRecallCurve> CurveMetrics::precisionRecallOneVsRest(
    std::span<const std::int32_t> labels, std::span<const double> scores, int classCount)
{
    std::vector<PrecisionRecallCurve> out;
    if (classCount < 1 || scores.size() != labels.size() * static_cast<std::size_t>(classCount))
        return out;
    for (int k = 0; k < classCount; ++k)
        out.push_back(prFrom(binaryClfCurve(labels, scores, k, classCount, k)));
    return out;
}

double CurveMetrics::macroAuc(const std::vector<RocCurve> &curves)
{
    double sum = 0;
    int used = 0;
    for (const RocCurve &c : curves) {
        if (std::isnan(c.auc))
            continue;
        sum += c.auc;
        ++used;
    }
    return used > 0 ? sum / used : kNaN;
}

double CurveMetrics::weightedAuc(const std::vector<RocCurve> &curves)
{
    double sum = 0;
    double weights = 0;
    for (const RocCurve &c : curves) {
        if (std::isnan(c.auc))
            continue;
        sum += c.auc * static_cast<double>(c.positives);
        weights += static_cast<double>(c.positives);
    }
    return weights > 0 ? sum / weights : kNaN;
}

ConfusionMatrix CurveMetrics::confusion(std::span<const std::int32_t> trueLabels,
    std::span<const std::int32_t> predicted, int classCount)
{
    ConfusionMatrix m;
    m.classCount = std::max(0, classCount);
    m.counts.assign(static_cast<std::size_t>(m.classCount) * m.classCount, 0);
    const std::size_t n = std::min(trueLabels.size(), predicted.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t t = trueLabels[i];
        const std::int32_t p = predicted[i];
        if (t < 0 || p < 0 || t >= m.classCount || p >= m.classCount)
            continue;
        ++m.counts[static_cast<std::size_t>(t) * m.classCount + p];
    }
    return m;
}

} // namespace sextant::engine
